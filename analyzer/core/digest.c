/* digest.c — SHA-256 of files and bytes (see include/disrupt/core/digest.h). */
#include "disrupt/core/digest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

static void to_hex(const uint8_t digest[SHA256_DIGEST_SIZE], char hex[DISRUPT_SHA256_HEX])
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void disrupt_sha256_bytes(const void *data, size_t len, char hex[DISRUPT_SHA256_HEX])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, hex);
}

int disrupt_sha256_file(const char *path, char hex[DISRUPT_SHA256_HEX], uint64_t *size,
                        disrupt_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read: %s", path, strerror(errno));
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    static unsigned char buf[65536];
    uint64_t total = 0;
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
        sha256_update(&ctx, got, buf);
        total += got;
    }
    int failed = ferror(fp);
    fclose(fp);
    if (failed)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read", path);
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, hex);
    if (size)
        *size = total;
    return DISRUPT_OK;
}
