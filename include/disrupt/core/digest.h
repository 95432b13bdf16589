/* digest.h — SHA-256 of input files, so that a report names exactly what it was made from.
 *
 * Computed with GNU Nettle's SHA-256 (a reviewed implementation, not a hand-written one).
 * Ownership: nothing is kept. Errors: DISRUPT_EIO (cannot read, with the path and reason).
 * Complexity: O(size of the file), reading 64 KiB at a time.
 */
#ifndef DISRUPT_DIGEST_H
#define DISRUPT_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"

#define DISRUPT_SHA256_HEX 65   /* 64 hex digits and the terminating NUL */

/* Writes the SHA-256 of the file at path as lowercase hex into hex, and its size. */
int disrupt_sha256_file(const char *path, char hex[DISRUPT_SHA256_HEX], uint64_t *size,
                        disrupt_error *err);

/* The SHA-256 of len bytes, as lowercase hex. */
void disrupt_sha256_bytes(const void *data, size_t len, char hex[DISRUPT_SHA256_HEX]);

#endif
