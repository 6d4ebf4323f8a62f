/*
 * result.c: names of results and the error filler (util layer).
 */
#include "result.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

const char *result_name(enum result r)
{
	switch (r) {
	case R_OK: return "ok";
	case R_NOT_FOUND: return "not found";
	case R_INVALID: return "invalid";
	case R_CONFLICT: return "conflict";
	case R_FORBIDDEN: return "forbidden";
	case R_TOO_BIG: return "too big";
	case R_DB: return "database error";
	case R_IO: return "input/output error";
	}
	return "unknown";
}

/*
 * Messages quote what was sent, cut to fit: the cut can split a character,
 * and what was sent may not be UTF-8 at all. Make the text valid UTF-8 in
 * place, so every encoder downstream (JSON, HTML, a terminal) takes it: a
 * character cut short at the end is dropped, any other bad byte becomes
 * '?'.
 */
static void error_clean(char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		if (c < 0x80 ||
		    utf8_decode((const unsigned char *)s + i, n - i, &len) >= 0) {
			i += len;
			continue;
		}
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (c >= 0xC2 && c <= 0xF4 && i + want > n) {
			s[i] = '\0';
			return;
		}
		for (size_t k = 0; k < len; k++)
			s[i + k] = '?';
		i += len;
	}
}

enum result error_set(struct error *err, enum result code, const char *field,
		      const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	error_clean(err->field);
	error_clean(err->message);
	return code;
}

void error_clear(struct error *err)
{
	if (!err)
		return;
	err->code = R_OK;
	err->field[0] = '\0';
	err->message[0] = '\0';
}
