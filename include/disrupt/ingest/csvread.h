/* csvread.h — streaming CSV rows with their place in the file.
 *
 * Wraps libcsv: reads a file (or standard input for "-") in blocks and hands each row to a
 * callback as an array of fields, each with the 1-based line on which it starts, so that a
 * rejected cell can be reported as FILE:LINE:COL (COL = 1-based field number).
 * Handles a UTF-8 byte-order mark, CRLF, LF or CR line ends (a CR alone, as old Mac
 * spreadsheets end lines, is read as LF, also inside a quoted field), quoted fields with embedded
 * delimiters, quotes and newlines, blank lines (skipped) and comment lines starting with '#'
 * before the header (passed to the comment callback, never to the row callback; after the
 * header a '#' line is data).
 * The delimiter is ',' ';' or tab: given, or detected as the most frequent of the three
 * outside quotes in the first non-comment line.
 *
 * Errors (DISRUPT_EDATA with a place): unterminated or malformed quoted field, a field longer
 * than max_field bytes (found as the cap is crossed, even when the field never ends), a row of
 * more than DISRUPT_CSV_MAX_FIELDS fields or DISRUPT_CSV_MAX_ROW_BYTES bytes, NUL bytes
 * (binary data). DISRUPT_EIO when the file
 * cannot be read.
 * A callback returning non-zero stops the reading; that code is returned.
 * Ownership: fields point into the reader's buffers and are valid only during the callback;
 * each field is NUL-terminated at data[len].
 * Memory: a row's text (at most DISRUPT_CSV_MAX_ROW_BYTES) and its field table, plus the
 * block; O(max_field + block) for one unending field. Time: O(bytes).
 */
#ifndef DISRUPT_CSVREAD_H
#define DISRUPT_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "disrupt/core/error.h"

typedef struct {
    const char *data;  /* NUL-terminated at data[len] */
    size_t len;
    long line;         /* line on which the field starts */
} disrupt_csv_field;

typedef int (*disrupt_csv_row_fn)(void *ctx, const disrupt_csv_field *fields, size_t n,
                                  disrupt_error *err);
typedef int (*disrupt_csv_comment_fn)(void *ctx, const char *text, size_t len, long line,
                                      disrupt_error *err);

#define DISRUPT_CSV_MAX_FIELD_DEFAULT ((size_t)64 * 1024)
#define DISRUPT_CSV_MAX_FIELDS 65536  /* fields in one row */
#define DISRUPT_CSV_MAX_ROW_BYTES ((size_t)16 << 20)  /* text of one row */

typedef struct {
    char delimiter;               /* 0 = detect */
    size_t max_field;             /* 0 = DISRUPT_CSV_MAX_FIELD_DEFAULT */
    disrupt_csv_row_fn row;
    disrupt_csv_comment_fn comment;  /* may be NULL */
    void *ctx;
    char detected_delimiter;      /* out */
    long lines;                   /* out: lines read */
    unsigned long long bytes;     /* out: bytes read */
} disrupt_csv_reader;

void disrupt_csv_reader_init(disrupt_csv_reader *r, disrupt_csv_row_fn row, void *ctx);

/* Opens path to read ("-" = standard input); NULL and DISRUPT_EIO in err when it cannot.
 * Every reader of input files opens them so. disrupt_csv_close leaves standard input open. */
FILE *disrupt_csv_open(const char *path, disrupt_error *err);
void disrupt_csv_close(FILE *f);

/* Reads path ("-" = standard input); display_name is used in messages (NULL = path). */
int disrupt_csv_read(const char *path, const char *display_name, disrupt_csv_reader *r,
                     disrupt_error *err);

/* Reads from an open stream (not closed). */
int disrupt_csv_read_stream(FILE *stream, const char *display_name, disrupt_csv_reader *r,
                            disrupt_error *err);

#endif
