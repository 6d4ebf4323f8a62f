/*
 * num.c: strict decimal parsing with strtoll and a full-match check
 * (util layer).
 */
#include "num.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

bool num_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	if (!s || !*s || isspace((unsigned char)*s) || *s == '+')
		return false;
	errno = 0;
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	if (errno || !end || *end != '\0' || v < min || v > max)
		return false;
	*out = (int64_t)v;
	return true;
}

bool num_parse_int(const char *s, int min, int max, int *out)
{
	int64_t v;
	if (!num_parse_i64(s, min, max, &v))
		return false;
	*out = (int)v;
	return true;
}
