/*
 * api_today.c: GET /api/v1/today, the daily list (web layer).
 *
 * Reads the inputs from the store and lets core's today_build() decide who
 * is due, which dates are coming and which follow-ups are owed. The day
 * is the user's: ?tz_offset=+01:00 gives their offset from UTC (the
 * server's own offset when absent) and ?days= how far ahead to look for
 * dates. The list is paged (?limit=, default 50, at most 500, and
 * ?offset=): each of its three parts holds at most limit entries from
 * offset on, and "totals" says how many there are in all. Who is due is
 * read from an index in core's order (see docs/today.md), so a large
 * database costs no more than a small one. The home page builds the same
 * list through api_today_build().
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
#define TODAY_LIMIT_DEFAULT 50
#define TODAY_LIMIT_MAX 500
#define TODAY_OFFSET_ROWS_MAX 10000000

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
	int limit, skip;
	res = api_query_int(r, "limit", 1, TODAY_LIMIT_MAX, TODAY_LIMIT_DEFAULT,
			    &limit, err);
	if (res == R_OK)
		res = api_query_int(r, "offset", 0, TODAY_OFFSET_ROWS_MAX, 0,
				    &skip, err);
	if (res != R_OK)
		return res;
	struct today_window w = {time_local_days(r->now, offset), offset,
				 days, limit, skip};
	struct today_inputs in;
	res = store_today_read(r->store, r->arena, &w, &in, err);
	if (res != R_OK)
		return res;
	today_build(r->arena, r->now, offset, days, in.people, in.n_people,
		    in.dates, in.n_dates, in.followups, in.n_followups, out);
	out->due_total = in.due_total;
	out->past_max_total = in.past_max_total;
	today_page(out, (size_t)skip, (size_t)limit);
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
