/* fuzz.h — what the libFuzzer harnesses share: a check that aborts with a message (the
 * fuzzer then keeps the input as a crash), memory as a stream without the file system, and
 * the text promise every reader makes about names and messages. */
#ifndef DISRUPT_FUZZ_H
#define DISRUPT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/error.h"
#include "disrupt/core/text.h"

#define FUZZ_CHECK(cond, ...)                                                          \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: broken promise: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                              \
            fputc('\n', stderr);                                                       \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* data[0..size) as a read-only stream; "" when size is 0 (fmemopen refuses a 0 size). */
static inline FILE *fuzz_stream(const uint8_t *data, size_t size)
{
    static const char empty[1];
    return size ? fmemopen((void *)data, size, "r") : fmemopen((void *)empty, 1, "r");
}

/* Strings the readers hand on (names, labels, messages) are valid UTF-8 without control
 * characters but tab and line ends (text.h). */
static inline int fuzz_text_ok(const char *s)
{
    size_t at;
    const char *why;
    return disrupt_text_check(s, strlen(s), &at, &why) == 0;
}

/* A failed read says why, in text that can be shown. */
#define FUZZ_CHECK_MESSAGE(err) \
    FUZZ_CHECK((err).message[0] && fuzz_text_ok((err).message), "message '%s'", (err).message)

#endif
