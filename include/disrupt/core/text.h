/* text.h — whether a name can be shown: valid UTF-8 without control characters.
 *
 * Names (column headers, entities, signals, labels, titles) reach tables on a terminal, JSON,
 * SVG and PDF; invalid UTF-8 makes JSON no parser accepts and garbles chart text, and control
 * characters act on the terminal. Readers refuse such names at their place.
 * disrupt_text_check returns 0 when s[0..len) is fine; otherwise 1, with *offset the byte at
 * which it goes wrong and *why "in valid UTF-8" or "without control characters" for the
 * caller's "expected a name …" message. Tab, line feed and carriage return are allowed
 * (spreadsheets wrap long headers inside quotes). O(len); owns nothing.
 */
#ifndef DISRUPT_TEXT_H
#define DISRUPT_TEXT_H

#include <stddef.h>
#include <stdio.h>

int disrupt_text_check(const char *s, size_t len, size_t *offset, const char **why);

/* The most bytes of s[0..len), at most max, that end between UTF-8 characters: for cutting
 * text to a size without making it invalid. */
size_t disrupt_text_cut(const char *s, size_t len, size_t max);

/* Length of the valid UTF-8 sequence at s (at most left bytes) and its code point in *cp, 0
 * when it is none (overlong forms, surrogates and code points past U+10FFFF included). */
size_t disrupt_text_decode(const char *s, size_t left, unsigned *cp);

/* Narrows s[0..*len) to the text without the spaces and tabs around it, as every reader trims
 * names and cells. */
void disrupt_text_trim(const char **s, size_t *len);

/* Columns s takes on a terminal: one per character (a byte that is no valid UTF-8 counts as
 * one). East Asian wide characters and combining marks are not told apart. */
size_t disrupt_text_columns(const char *s);

/* Writes s left-aligned in a column `width` characters wide (padding with spaces; s longer
 * than that is written whole): printf's %-*s pads by bytes, which shifts every column after a
 * name such as "Côte d'Ivoire". */
void disrupt_text_pad(FILE *out, const char *s, size_t width);

/* message past its leading "NAME: ", or message whole: per-signal messages start with the
 * signal's name, which a caller showing them under that name leaves out. */
const char *disrupt_text_without_name(const char *message, const char *name);

#endif
