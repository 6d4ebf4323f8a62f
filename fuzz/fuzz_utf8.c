/*
 * fuzz_utf8.c: libFuzzer target for the UTF-8 checker and decoder (fuzz,
 * over the util layer).
 *
 * Every text field a client sends passes utf8_valid() in validate.c, and
 * the coach, the encoders and the CLI's column padding walk text with
 * utf8_decode() and utf8_count(). The target holds the three to each
 * other and to two independent judges:
 *
 *  - a decoder written here from the table in RFC 3629, section 4, which
 *    must agree with utf8_decode() on every code point and every length;
 *  - jansson, which refuses a string that is not UTF-8, so text that
 *    utf8_valid() lets in must also be text the JSON encoders can write.
 *
 * The input buffer is libFuzzer's own, of exactly size bytes, so a read
 * past n is caught by ASan.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_utf8_fail(const char *what, size_t at)
{
	fprintf(stderr, "fuzz_utf8: %s (at byte %zu)\n", what, at);
	abort();
}

/*
 * The reference decoder: RFC 3629's table of well-formed byte sequences.
 * Returns the code point and its length in *len, or -1 when the bytes at
 * s do not start a well-formed sequence.
 */
static int32_t fuzz_utf8_ref(const unsigned char *s, size_t n, size_t *len)
{
	static const struct {
		unsigned char lo1, hi1, lo2, hi2; /* first and second byte */
		size_t len;
	} table[] = {
	    {0x00, 0x7f, 0, 0, 1},	 {0xc2, 0xdf, 0x80, 0xbf, 2},
	    {0xe0, 0xe0, 0xa0, 0xbf, 3}, {0xe1, 0xec, 0x80, 0xbf, 3},
	    {0xed, 0xed, 0x80, 0x9f, 3}, {0xee, 0xef, 0x80, 0xbf, 3},
	    {0xf0, 0xf0, 0x90, 0xbf, 4}, {0xf1, 0xf3, 0x80, 0xbf, 4},
	    {0xf4, 0xf4, 0x80, 0x8f, 4},
	};
	for (size_t t = 0; t < sizeof(table) / sizeof(table[0]); t++) {
		if (s[0] < table[t].lo1 || s[0] > table[t].hi1)
			continue;
		size_t l = table[t].len;
		if (n < l)
			return -1;
		if (l > 1 && (s[1] < table[t].lo2 || s[1] > table[t].hi2))
			return -1;
		for (size_t i = 2; i < l; i++)
			if (s[i] < 0x80 || s[i] > 0xbf)
				return -1;
		static const unsigned char lead_mask[] = {0, 0x7f, 0x1f, 0x0f,
							  0x07};
		int32_t cp = s[0] & lead_mask[l];
		for (size_t i = 1; i < l; i++)
			cp = (cp << 6) | (s[i] & 0x3f);
		*len = l;
		return cp;
	}
	return -1;
}

/* Checks one utf8_decode() call at offset i; returns the bytes it took. */
static size_t fuzz_utf8_step(const unsigned char *p, size_t n, size_t i,
			     size_t *points, size_t *bad)
{
	size_t len = 0;
	int32_t cp = utf8_decode(p + i, n - i, &len);
	if (len < 1 || len > n - i)
		fuzz_utf8_fail("decode took no bytes or more than it had", i);
	size_t ref_len = 0;
	int32_t ref = fuzz_utf8_ref(p + i, n - i, &ref_len);
	if (cp != ref || (cp >= 0 && len != ref_len))
		fuzz_utf8_fail("decode disagrees with RFC 3629", i);
	if (cp < 0)
		(*bad)++;
	else
		(*points)++;
	return len;
}

/* libFuzzer's entry: one input, walked and judged three ways. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t points = 0, bad = 0, steps = 0;
	bool has_nul = size > 0 && memchr(s, 0, size) != NULL;
	for (size_t i = 0; i < size; steps++)
		i += fuzz_utf8_step(data, size, i, &points, &bad);

	bool valid = utf8_valid(s, size);
	if (valid != (bad == 0 && !has_nul))
		fuzz_utf8_fail("utf8_valid disagrees with decoding", 0);

	/* utf8_count walks exactly as the decoder does, one per step. */
	size_t count = utf8_count(s, size);
	if (count != steps || count > size)
		fuzz_utf8_fail("utf8_count disagrees with decoding", 0);
	if (valid && count != points)
		fuzz_utf8_fail("valid text counts other than code points", 0);

	/* What validate lets through, the JSON encoders can write. */
	if (!has_nul) {
		json_t *j = json_stringn(s, size);
		if ((j != NULL) != valid)
			fuzz_utf8_fail("utf8_valid disagrees with jansson", 0);
		json_decref(j);
	}
	return 0;
}
