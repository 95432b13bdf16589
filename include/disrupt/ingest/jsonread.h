/* jsonread.h — one JSON document from a file, bounded, with FILE:LINE:COL for bad syntax.
 *
 * The JSON side of the shared input layer (csvread.h is the CSV side): files are opened the
 * same way (disrupt_csv_open: "-" is standard input), read in blocks into json-c's incremental
 * tokener, and stopped as soon as max_bytes is crossed (0 = DISRUPT_JSON_MAX_BYTES), so that
 * `/dev/zero` or an endless stream costs the cap and no more. Refused: NUL bytes (binary
 * data), bad syntax ("FILE:LINE:COL: expected JSON: …"), nesting deeper than json-c's limit,
 * anything but white space after the value, an empty file.
 * Ownership: on success *out is a json-c object the caller releases with json_object_put; on
 * error *out is NULL. json-c's types are only named here (struct json_object), so this header
 * does not pull in json-c's. Memory: O(max_bytes) at most. Time: O(bytes).
 */
#ifndef DISRUPT_JSONREAD_H
#define DISRUPT_JSONREAD_H

#include <stddef.h>
#include <stdio.h>

#include "disrupt/core/error.h"

struct json_object;

#define DISRUPT_JSON_MAX_BYTES ((size_t)256 << 20)

/* 1 when the stream's next byte opens a JSON object or array (a CSV header never starts
 * so), for readers that take both; the byte is put back. */
int disrupt_json_ahead(FILE *stream);

/* Reads path ("-" = standard input). */
int disrupt_json_read(const char *path, size_t max_bytes, struct json_object **out,
                      disrupt_error *err);
/* Reads an open stream (not closed); name is used in messages. */
int disrupt_json_read_stream(FILE *stream, const char *name, size_t max_bytes,
                             struct json_object **out, disrupt_error *err);

#endif
