/*
 * num.h: strict number parsing (util layer).
 *
 * atoi and friends are banned: they accept "12abc" and overflow silently.
 * These accept only a whole string of digits (with an optional minus sign)
 * that fits the range asked for.
 */
#ifndef RAPPORT_UTIL_NUM_H
#define RAPPORT_UTIL_NUM_H

#include <stdbool.h>
#include <stdint.h>

/* Parses all of s as a decimal integer in [min, max]; false otherwise. */
bool num_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* The same for int. */
bool num_parse_int(const char *s, int min, int max, int *out);

#endif
