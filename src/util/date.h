/*
 * date.h: calendar dates and UTC timestamps (util layer).
 *
 * A calendar date is kept as a count of days since 1970-01-01 (proleptic
 * Gregorian), a timestamp as seconds since the epoch in UTC. Dates are
 * written YYYY-MM-DD and timestamps as RFC 3339 ("2026-11-23T19:30:00Z",
 * an offset such as "+01:00" is accepted on input).
 */
#ifndef RAPPORT_UTIL_DATE_H
#define RAPPORT_UTIL_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define DATE_STR_MAX 11 /* "YYYY-MM-DD" and NUL */
#define TIME_STR_MAX 21 /* "YYYY-MM-DDTHH:MM:SSZ" and NUL */

bool date_is_leap(int year);
/* Days in month m (1..12) of year y. */
int date_days_in_month(int year, int month);
/* True when y-m-d is a real date; y in 1..9999. */
bool date_valid(int year, int month, int day);
/* Days since 1970-01-01 for a valid date. */
int64_t date_to_days(int year, int month, int day);
/* The date of a day count. */
void date_from_days(int64_t days, int *year, int *month, int *day);
/* Parses exactly "YYYY-MM-DD" into a day count; false if not a real date. */
bool date_parse(const char *s, int64_t *days);
/* Writes the day count as "YYYY-MM-DD" into out (DATE_STR_MAX bytes). */
void date_format(int64_t days, char out[DATE_STR_MAX]);
/* Parses an RFC 3339 timestamp into seconds since the epoch (UTC); false
 * when it is not one, or when it falls outside the years 1..9999 in UTC
 * (time_format could not write it back). */
bool time_parse(const char *s, int64_t *secs);
/* Writes secs as "YYYY-MM-DDTHH:MM:SSZ" into out (TIME_STR_MAX bytes). */
void time_format(int64_t secs, char out[TIME_STR_MAX]);
/* The UTC day count of a timestamp shifted by an offset in seconds. */
int64_t time_local_days(int64_t secs, int32_t utc_offset);

#endif
