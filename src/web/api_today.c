/*
 * api_today.c: GET /api/v1/today, the daily list (web layer).
 *
 * Reads the inputs from the store and lets core's today_build() decide who
 * is due, which dates are coming and which follow-ups are owed. The day
 * is the user's: ?tz_offset=+01:00 gives their offset from UTC (the
 * server's own offset when absent) and ?days= how far ahead to look for
 * dates. The home page builds the same list through api_today_build().
 */
#include "web/api.h"

#include <string.h>
#include <time.h>

#include "codec/codec.h"
#include "core/today.h"
#include "store/store.h"
#include "util/date.h"

#define TODAY_DAYS_DEFAULT 14
#define TODAY_DAYS_MAX 366
#define TODAY_OFFSET_MAX (14 * 3600)

static int today_digits2(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * Parses "+HH:MM", "-HH:MM" or "Z" into seconds. A leading space counts
 * as '+', because a '+' in a query string arrives decoded as a space.
 */
static bool today_parse_offset(const char *s, int32_t *out)
{
	if (strcmp(s, "Z") == 0 || strcmp(s, "z") == 0) {
		*out = 0;
		return true;
	}
	if (strlen(s) != 6 || s[3] != ':')
		return false;
	int sign = s[0] == '-' ? -1 : (s[0] == '+' || s[0] == ' ') ? 1 : 0;
	int h = today_digits2(s + 1), m = today_digits2(s + 4);
	if (!sign || h < 0 || m < 0 || m > 59)
		return false;
	int32_t secs = (int32_t)(sign * (h * 3600 + m * 60));
	if (secs > TODAY_OFFSET_MAX || secs < -TODAY_OFFSET_MAX)
		return false;
	*out = secs;
	return true;
}

static int32_t today_local_offset(int64_t now)
{
	time_t t = (time_t)now;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

enum result api_today_build(struct req *r, struct today *out,
			    struct error *err)
{
	int days;
	enum result res = api_query_int(r, "days", 0, TODAY_DAYS_MAX,
					TODAY_DAYS_DEFAULT, &days, err);
	if (res != R_OK)
		return res;
	int32_t offset = today_local_offset(r->now);
	const char *tz = api_query(r, "tz_offset");
	if (tz && !today_parse_offset(tz, &offset)) {
		r->syntax = true;
		return error_set(err, R_INVALID, "tz_offset",
				 "tz_offset: \"%.16s\" is not an offset from "
				 "UTC (use +HH:MM or -HH:MM, at most 14:00, "
				 "or Z)",
				 tz);
	}
	struct cadence_row *people = NULL;
	struct date_row *dates = NULL;
	struct followup_row *fus = NULL;
	size_t n_people = 0, n_dates = 0, n_fus = 0;
	int64_t local_day = time_local_days(r->now, offset);
	res = store_today_inputs(r->store, r->arena, local_day, &people,
				 &n_people, &dates, &n_dates, &fus, &n_fus,
				 err);
	if (res != R_OK)
		return res;
	today_build(r->arena, r->now, offset, days, people, n_people, dates,
		    n_dates, fus, n_fus, out);
	return R_OK;
}

enum result api_today_get(struct req *r, struct error *err)
{
	struct today t;
	enum result res = api_today_build(r, &t, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_today(&t));
	return res;
}
