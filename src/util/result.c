/*
 * result.c: names of results and the error filler (util layer).
 */
#include "result.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
