/*
 * utf8.c: strict UTF-8 decoding (util layer).
 */
#include "utf8.h"

#include "buf.h"

int32_t utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	*len = 1;
	if (n == 0)
		return -1;
	unsigned c = s[0];
	if (c < 0x80)
		return (int32_t)c;
	size_t need;
	uint32_t cp, min;
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1, cp = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2, cp = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3, cp = c & 0x07, min = 0x10000;
	} else {
		return -1;
	}
	/*
	 * A bad sequence is skipped up to the first byte that cannot continue
	 * it, whether the bytes run out or not: so "E0 97" counts as one bad
	 * character at the end of a text and before a newline alike, and a
	 * text counted in pieces cut at ASCII bytes gives the same total.
	 */
	for (size_t i = 1; i <= need; i++) {
		if (i >= n) {
			*len = i;
			return -1;
		}
		if ((s[i] & 0xc0) != 0x80) {
			*len = i;
			return -1;
		}
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*len = need + 1;
	return (int32_t)cp;
}

bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] == 0)
			return false;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		if (utf8_decode(p + i, n - i, &len) < 0)
			return false;
		i += len;
	}
	return true;
}

size_t utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;
	while (i < n) {
		size_t len = 1;
		if (p[i] >= 0x80)
			utf8_decode(p + i, n - i, &len);
		i += len;
		count++;
	}
	return count;
}

void utf8_repair(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	while (i < n) {
		size_t len = 1;
		bool bad = p[i] == 0;
		if (p[i] >= 0x80)
			bad = utf8_decode(p + i, n - i, &len) < 0;
		if (!bad) {
			i += len;
			run += len;
			continue;
		}
		buf_add(out, s + i - run, run);
		buf_add(out, "\xEF\xBF\xBD", 3);
		run = 0;
		i += len;
	}
	buf_add(out, s + i - run, run);
}
