/*
 * utf8.h: UTF-8 checking and decoding (util layer).
 *
 * Strict UTF-8 as RFC 3629 has it: no overlong forms, no surrogates, no
 * code points above U+10FFFF.
 */
#ifndef RAPPORT_UTIL_UTF8_H
#define RAPPORT_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the code point at s (n bytes available). Returns it and sets
 * *len to the bytes it took; on a bad sequence returns -1 and sets *len to
 * the bytes to skip (at least 1).
 */
int32_t utf8_decode(const unsigned char *s, size_t n, size_t *len);
/* True when the n bytes at s are valid UTF-8 (NUL bytes count as invalid). */
bool utf8_valid(const char *s, size_t n);
struct buf;
/*
 * Appends the n bytes at s to out with each bad sequence (a stray byte, a
 * character cut short by truncation, an overlong form, a NUL) replaced by
 * U+FFFD, so that the result is always valid UTF-8 a JSON encoder accepts.
 */
void utf8_repair(const char *s, size_t n, struct buf *out);
/* Number of code points in valid UTF-8 (bad bytes count one each). */
size_t utf8_count(const char *s, size_t n);

#endif
