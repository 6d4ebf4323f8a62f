/*
 * api_deals.c: /api/v1/deals, the JSON API for deals, their stage and
 * status moves and their readiness (web layer).
 *
 * A deal is always answered with everything on its page (committee,
 * plan, concerns, events, asks, readiness and stall), read in one
 * snapshot, so a client never has to stitch it together. Stage and
 * status change only through their own POSTs, which record the move as
 * an event; a PATCH that names them is refused with a pointer there.
 * The stall threshold is ?stall_days= (default 21).
 */
#include "web/api.h"

#include "codec/deal_json.h"
#include "core/deal_rules.h"
#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"

#define API_DAY_SECS 86400

/* The request's day in UTC. */
static int64_t api_deals_today(const struct req *r)
{
	int64_t d = r->now / API_DAY_SECS;
	return r->now < 0 && r->now % API_DAY_SECS ? d - 1 : d;
}

/* Replies the deal id with everything nested, with status. */
static enum result api_deals_reply(struct req *r, int64_t id, int status,
				   struct error *err)
{
	int stall_days = DEAL_STALL_DAYS_DEFAULT;
	enum result res = api_query_int(r, "stall_days", 1,
					DEAL_STALL_DAYS_MAX,
					DEAL_STALL_DAYS_DEFAULT, &stall_days,
					err);
	struct deal_full f;
	if (res == R_OK)
		res = store_deal_read_full(r->store, r->arena, id, &f, err);
	if (res != R_OK)
		return res;
	struct deal_readiness ready;
	struct deal_stall stall;
	deal_rules_readiness(f.concerns, f.n_concerns, f.stakeholders,
			     f.n_stakeholders, f.steps, f.n_steps,
			     api_deals_today(r), &ready);
	deal_rules_stall(f.deal.status,
			 deal_rules_last_activity(f.deal.created_at,
						  f.last_interaction, f.steps,
						  f.n_steps),
			 r->now, stall_days, &stall);
	json_t *j = codec_deal_full(&f, &ready, &stall);
	if (status == 201)
		api_reply_created(r, j, "/api/v1/deals/%lld", (long long)id);
	else
		api_reply_json(r, status, j);
	return R_OK;
}

/* Reads ?name= as a value of an enum through parse; -1 when absent. */
static enum result api_deals_enum_query(struct req *r, const char *name,
					bool (*parse)(const char *, int *),
					const char *list, int *out,
					struct error *err)
{
	const char *s = api_query(r, name);
	*out = -1;
	if (!s)
		return R_OK;
	if (!parse(s, out)) {
		r->syntax = true;
		return error_set(err, R_INVALID, name,
				 "%s: \"%.32s\" is not one of %s", name, s,
				 list);
	}
	return R_OK;
}

static bool api_deals_status_q(const char *s, int *out)
{
	enum deal_status v;
	if (!deal_status_parse(s, &v))
		return false;
	*out = (int)v;
	return true;
}

static bool api_deals_stage_q(const char *s, int *out)
{
	enum deal_stage v;
	if (!deal_stage_parse(s, &v))
		return false;
	*out = (int)v;
	return true;
}

enum result api_deals_list(struct req *r, struct error *err)
{
	struct store_page page = {0};
	struct deal_filter f = {.status = -1, .stage = -1};
	enum result res = api_page(r, &page.after_id, &page.limit, err);
	if (res == R_OK)
		res = api_deals_enum_query(r, "status", api_deals_status_q,
					   deal_status_list(), &f.status, err);
	if (res == R_OK)
		res = api_deals_enum_query(r, "stage", api_deals_stage_q,
					   deal_stage_list(), &f.stage, err);
	if (res == R_OK)
		res = api_query_id(r, "org_id", &f.org_id, err);
	if (res != R_OK)
		return res;
	f.owner = api_query(r, "owner");
	struct deal *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_deal_list(r->store, r->arena, &f, &page, &items, &n, &more,
			      err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_deal(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}

enum result api_deals_create(struct req *r, struct error *err)
{
	struct deal d = {0};
	enum result res = api_syntax(
		r, codec_deal_from_json(api_body(r), r->arena, &d, false, err));
	if (res == R_OK)
		res = validate_deal(&d, err);
	if (res == R_OK)
		res = store_deal_create(r->store, &d, err);
	if (res != R_OK)
		return res;
	return api_deals_reply(r, d.id, 201, err);
}

enum result api_deals_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_deals_reply(r, id, 200, err);
}

enum result api_deals_update(struct req *r, struct error *err)
{
	int64_t id;
	struct deal d;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, id, &d, err);
	if (res == R_OK)
		res = api_syntax(r, codec_deal_from_json(api_body(r), r->arena,
							 &d, true, err));
	if (res == R_OK)
		res = validate_deal(&d, err);
	if (res == R_OK)
		res = store_deal_update(r->store, &d, err);
	if (res != R_OK)
		return res;
	return api_deals_reply(r, id, 200, err);
}

enum result api_deals_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_deal_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* An event time from a body: now when absent, else checked. */
static enum result api_deals_at(struct req *r, int64_t *at,
				struct error *err)
{
	if (!*at) {
		*at = r->now;
		return R_OK;
	}
	return validate_event_time("at", *at, r->now, err);
}

enum result api_deals_stage(struct req *r, struct error *err)
{
	int64_t id;
	struct deal_stage_move m;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_stage_move_from_json(
					    api_body(r), r->arena, &m, err));
	if (res == R_OK)
		res = validate_lines("reason", m.reason, MODEL_TEXT_MAX, false,
				     err);
	if (res == R_OK)
		res = api_deals_at(r, &m.at, err);
	if (res == R_OK)
		res = store_deal_set_stage(r->store, id, m.stage, m.reason,
					   m.at, err);
	if (res != R_OK)
		return res;
	return api_deals_reply(r, id, 200, err);
}

enum result api_deals_status(struct req *r, struct error *err)
{
	int64_t id;
	struct deal_status_move m;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_status_move_from_json(
					    api_body(r), r->arena, &m, err));
	if (res == R_OK)
		res = validate_lines("reason", m.reason, MODEL_TEXT_MAX, false,
				     err);
	if (res == R_OK)
		res = api_deals_at(r, &m.at, err);
	if (res == R_OK && !m.has_date)
		m.date = api_deals_today(r);
	if (res == R_OK && m.date > api_deals_today(r) + 1)
		res = error_set(err, R_INVALID, "date",
				"date: is in the future (record the change on "
				"the day it happens)");
	if (res == R_OK)
		res = store_deal_set_status(r->store, id, m.status, m.reason,
					    m.date, m.at, err);
	if (res != R_OK)
		return res;
	return api_deals_reply(r, id, 200, err);
}

enum result api_deals_readiness(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	res = api_deals_reply(r, id, 200, err);
	if (res != R_OK)
		return res;
	/* Keep only the two verdicts of the full reply. */
	json_t *full = r->out;
	json_t *j = json_pack("{s:I, s:O, s:O}", "deal_id", (json_int_t)id,
			      "readiness", json_object_get(full, "readiness"),
			      "stall", json_object_get(full, "stall"));
	api_reply_json(r, 200, j);
	return R_OK;
}
