/*
 * api_metrics.c: GET /api/v1/metrics, the outcome measures over a period,
 * overall and per owner (web layer).
 *
 * ?from= and ?to= are days (YYYY-MM-DD, both included, UTC; default the
 * 365 days up to today), ?owner= narrows to one seller, ?stall_days= sets
 * the stall threshold (default 21). The reply is the measures for the
 * period (all owners, or the one asked for) with "by_owner": the same for
 * each owner, when no owner was asked for.
 */
#include "web/api.h"

#include "codec/deal_json.h"
#include "core/metrics.h"
#include "store/store_advisor.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"

#define API_DAY_SECS 86400
#define API_METRICS_DAYS_MAX 36600 /* a century */

/* Reads ?name= as a day into *out, leaving it when absent. */
static enum result api_metrics_day(struct req *r, const char *name,
				   int64_t *out, struct error *err)
{
	const char *s = api_query(r, name);
	if (!s)
		return R_OK;
	if (!date_parse(s, out)) {
		r->syntax = true;
		return error_set(err, R_INVALID, name,
				 "%s: \"%.12s\" is not a date (use "
				 "YYYY-MM-DD)",
				 name, s);
	}
	return R_OK;
}

enum result api_metrics_get(struct req *r, struct error *err)
{
	int64_t today = r->now / API_DAY_SECS;
	int64_t to = today, from;
	int stall_days = DEAL_STALL_DAYS_DEFAULT;
	enum result res = api_metrics_day(r, "to", &to, err);
	from = to - 364;
	if (res == R_OK)
		res = api_metrics_day(r, "from", &from, err);
	if (res == R_OK && from > to) {
		r->syntax = true;
		res = error_set(err, R_INVALID, "from",
				"from: is after to (give the earlier day as "
				"from)");
	}
	if (res == R_OK && to - from > API_METRICS_DAYS_MAX) {
		r->syntax = true;
		res = error_set(err, R_INVALID, "from",
				"from: the period is longer than a century "
				"(narrow it)");
	}
	if (res == R_OK)
		res = api_query_int(r, "stall_days", 1, DEAL_STALL_DAYS_MAX,
				    DEAL_STALL_DAYS_DEFAULT, &stall_days, err);
	struct metrics_input in;
	if (res == R_OK)
		res = store_metrics_inputs(r->store, r->arena, &in, err);
	if (res != R_OK)
		return res;
	const char *owner = api_query(r, "owner");
	const char **owners = &owner;
	size_t n = 1;
	if (!owner)
		metrics_owners(&in, r->arena, &owners, &n);
	struct metrics *ms = arena_alloc(r->arena, (n + 1) * sizeof(*ms));
	metrics_compute_groups(&in, owners, n, from, to, r->now, stall_days,
			       r->arena, ms);
	/* One owner asked for: their figures, no breakdown. */
	json_t *j = codec_metrics(owner ? &ms[1] : &ms[0]);
	json_t *by = json_array();
	for (size_t i = 0; !owner && i < n; i++)
		json_array_append_new(by, codec_metrics(&ms[i + 1]));
	json_object_set_new(j, "by_owner", by);
	/* The honest advisor's figure (docs/advisor.md): recommendations
	 * made in the period, and how many were for a competitor. */
	int64_t recs = 0, competitor = 0;
	res = store_recommendation_counts(r->store, from * API_DAY_SECS,
					  (to + 1) * API_DAY_SECS, owner, &recs,
					  &competitor, err);
	if (res != R_OK) {
		json_decref(j);
		return res;
	}
	json_object_set_new(j, "recommendations",
			    json_pack("{s:I, s:I}", "total", (json_int_t)recs,
				      "competitor", (json_int_t)competitor));
	api_reply_json(r, 200, j);
	return R_OK;
}
