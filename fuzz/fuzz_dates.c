/*
 * fuzz_dates.c: libFuzzer target for the date and time parsers (fuzz,
 * over the util layer).
 *
 * date_parse() and time_parse() read what people and clients type
 * ("met_on", "occurred_at", --on): they must never read past the string,
 * and whatever they accept must mean one value that the formatters write
 * back. So for every input that parses, the target formats the value and
 * parses the text again: a date must come back as the very same ten
 * characters, a timestamp as the same second. A failed check aborts,
 * which libFuzzer reports as a crash with the input that caused it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs longer than this cannot be dates; they only slow the search. */
#define FUZZ_DATES_MAX 64

static void fuzz_dates_fail(const char *what, const char *in, const char *out)
{
	fprintf(stderr, "fuzz_dates: %s: input \"%s\", formatted \"%s\"\n",
		what, in, out);
	abort();
}

/* A date that parses formats back to exactly the input. */
static void fuzz_dates_date(const char *s)
{
	int64_t days;
	if (!date_parse(s, &days))
		return;
	char out[DATE_STR_MAX];
	date_format(days, out);
	if (strcmp(out, s) != 0)
		fuzz_dates_fail("date does not format back", s, out);
	int y, m, d;
	date_from_days(days, &y, &m, &d);
	if (!date_valid(y, m, d) || date_to_days(y, m, d) != days)
		fuzz_dates_fail("day count does not convert back", s, out);
}

/*
 * A timestamp that parses formats as RFC 3339 in UTC, and that text
 * parses to the same second.
 */
static void fuzz_dates_time(const char *s)
{
	int64_t secs;
	if (!time_parse(s, &secs))
		return;
	char out[TIME_STR_MAX];
	time_format(secs, out);
	int64_t again;
	if (!time_parse(out, &again))
		fuzz_dates_fail("formatted time does not parse", s, out);
	if (again != secs)
		fuzz_dates_fail("time does not round-trip", s, out);
	/* The date part of a timestamp is a date on its own. */
	char day[DATE_STR_MAX];
	memcpy(day, out, DATE_STR_MAX - 1);
	day[DATE_STR_MAX - 1] = '\0';
	int64_t days;
	if (!date_parse(day, &days) || days != time_local_days(secs, 0))
		fuzz_dates_fail("date part disagrees with the time", s, out);
}

/* libFuzzer's entry: one input, checked as a date and as a time. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_DATES_MAX)
		return 0;
	/* An exact-size copy, so reading past the NUL trips ASan. */
	char *s = xstrndup((const char *)data, size);
	fuzz_dates_date(s);
	fuzz_dates_time(s);
	free(s);
	return 0;
}
