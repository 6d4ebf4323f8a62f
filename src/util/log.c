/*
 * log.c: timestamped one-line messages to standard error (util layer).
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static enum log_level log_level_min = LOG_INFO;

void log_set_level(enum log_level level)
{
	log_level_min = level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *names[] = {"debug", "info", "warn", "error"};
	if (level < log_level_min)
		return;
	char when[32] = "";
	time_t now = time(NULL);
	struct tm tm;
	if (gmtime_r(&now, &tm))
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s rapport %s: %s\n", when, names[level], line);
}
