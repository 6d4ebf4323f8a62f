/*
 * date.c: civil-date arithmetic and strict date and time parsing
 * (util layer). The day-count conversion is the usual era-based algorithm
 * for the proleptic Gregorian calendar; no libc time zone state is used.
 */
#include "date.h"

#include <string.h>

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int64_t date_to_days(int y, int m, int d)
{
	int64_t yy = m <= 2 ? y - 1 : y;
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t mp = (m + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_days(int64_t z, int *year, int *month, int *day)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

/* Reads exactly n digits at s into *v. */
static bool date_digits(const char *s, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return true;
}

/* Parses "YYYY-MM-DD" at the start of s (no check of what follows). */
static bool date_parse_prefix(const char *s, int *y, int *m, int *d)
{
	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return false;
	return date_digits(s, 4, y) && date_digits(s + 5, 2, m) &&
	       date_digits(s + 8, 2, d) && date_valid(*y, *m, *d);
}

bool date_parse(const char *s, int64_t *days)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || !date_parse_prefix(s, &y, &m, &d))
		return false;
	*days = date_to_days(y, m, d);
	return true;
}

/* Writes v (0 <= v < 10^n) as exactly n digits. */
static void date_put_digits(char *out, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void date_format(int64_t days, char out[DATE_STR_MAX])
{
	int y, m, d;
	date_from_days(days, &y, &m, &d);
	if (y < 0)
		y = 0;
	date_put_digits(out, (unsigned)y % 10000, 4);
	out[4] = '-';
	date_put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	date_put_digits(out + 8, (unsigned)d, 2);
	out[10] = '\0';
}

bool time_parse(const char *s, int64_t *secs)
{
	int y, mo, d, h, mi, sec;
	if (!s || !date_parse_prefix(s, &y, &mo, &d))
		return false;
	const char *p = s + 10;
	if ((*p != 'T' && *p != 't' && *p != ' ') || strlen(p) < 9)
		return false;
	p++;
	if (!date_digits(p, 2, &h) || p[2] != ':' ||
	    !date_digits(p + 3, 2, &mi) || p[5] != ':' ||
	    !date_digits(p + 6, 2, &sec))
		return false;
	if (h > 23 || mi > 59 || sec > 60)
		return false;
	p += 8;
	if (*p == '.') { /* fractions of a second are accepted and dropped */
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	int64_t offset = 0;
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		offset = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		int oh, om;
		if (!date_digits(p + 1, 2, &oh) || !date_digits(p + 4, 2, &om) ||
		    oh > 23 || om > 59)
			return false;
		offset = (oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
	} else {
		return false;
	}
	int64_t t = date_to_days(y, mo, d) * 86400 + h * 3600 + mi * 60 +
		    sec - offset;
	/* An offset can carry 0001-01-01 or 9999-12-31 out of the years
	 * time_format() writes; such a moment is refused, not wrapped. */
	if (t < date_to_days(1, 1, 1) * 86400 ||
	    t >= (date_to_days(9999, 12, 31) + 1) * 86400)
		return false;
	*secs = t;
	return true;
}

void time_format(int64_t secs, char out[TIME_STR_MAX])
{
	int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t rem = secs - days * 86400;
	date_format(days, out);
	out[10] = 'T';
	date_put_digits(out + 11, (unsigned)(rem / 3600), 2);
	out[13] = ':';
	date_put_digits(out + 14, (unsigned)(rem % 3600 / 60), 2);
	out[16] = ':';
	date_put_digits(out + 17, (unsigned)(rem % 60), 2);
	out[19] = 'Z';
	out[20] = '\0';
}

int64_t time_local_days(int64_t secs, int32_t utc_offset)
{
	int64_t t = secs + utc_offset;
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}
