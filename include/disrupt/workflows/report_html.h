/* report_html.h — report.html: the report as one self-contained page for a browser.
 *
 * The page is made from report.md's own text (report_md.h), so the two cannot say different
 * things: the Markdown that report_md.c writes (headings, paragraphs, lists, tables, indented
 * code, **bold**, *italics*, `code`, [links](…), ![figures](…)) becomes HTML, and each figure
 * becomes the SVG file of the same figure, read from the report folder and inlined (its ids
 * prefixed, so that two figures' glyphs and clips do not collide). Styles are inline; nothing
 * is fetched from anywhere and there is no script.
 *
 * The writer borrows everything; an SVG that cannot be read, or is larger than
 * DISRUPT_REPORT_HTML_MAX_SVG bytes, is an error naming it. Returns DISRUPT_EIO when the stream
 * fails. Complexity: O(length of the text and the figures).
 */
#ifndef DISRUPT_REPORT_HTML_H
#define DISRUPT_REPORT_HTML_H

#include <stdio.h>

#include "disrupt/core/error.h"
#include "disrupt/workflows/report_md.h"

#define DISRUPT_REPORT_HTML_MAX_SVG (64u << 20)

typedef struct {
    const char *markdown;                      /* report.md's text */
    size_t length;
    const char *title;                         /* the page title */
    const disrupt_report_md_figure *figures;   /* png name → svg name */
    size_t nfigures;
    const char *dir;                           /* the folder the SVG files are in */
} disrupt_report_html;

int disrupt_report_html_write(FILE *out, const disrupt_report_html *r, disrupt_error *err);

#endif
