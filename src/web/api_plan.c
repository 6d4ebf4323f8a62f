/*
 * api_plan.c: a deal's buying committee and mutual plan (web layer):
 * /api/v1/deals/{id}/stakeholders, /api/v1/stakeholders/{id},
 * /api/v1/deals/{id}/plan, /api/v1/plan-steps/{id} and its /done.
 *
 * The deal comes from the URL, so a missing deal is a 404. Lists are
 * whole (a committee and a plan are short) with next_cursor null, in the
 * same shape as paged lists. Replies carry the record as read back.
 */
#include "web/api.h"

#include "codec/deal_json.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"

/* {"items": arr, "next_cursor": null}. */
static void api_plan_whole(struct req *r, json_t *arr)
{
	api_reply_list(r, arr, false, 0);
}

/* ---- stakeholders ---- */

static enum result api_stakeholder_reply(struct req *r, int64_t id,
					 int status, struct error *err)
{
	struct stakeholder k;
	enum result res =
		store_stakeholder_get(r->store, r->arena, id, &k, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_stakeholder(&k),
				  "/api/v1/stakeholders/%lld", (long long)id);
	else
		api_reply_json(r, status, codec_stakeholder(&k));
	return R_OK;
}

enum result api_stakeholders_list(struct req *r, struct error *err)
{
	int64_t deal_id;
	struct stakeholder *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = store_stakeholder_list(r->store, r->arena, deal_id,
					     &items, &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_stakeholder(&items[i]));
	api_plan_whole(r, arr);
	return R_OK;
}

enum result api_stakeholders_create(struct req *r, struct error *err)
{
	struct stakeholder k = {0};
	enum result res = api_param_id(r, 0, &k.deal_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_stakeholder_from_json(
					    api_body(r), r->arena, &k, false,
					    err));
	if (res == R_OK)
		res = validate_stakeholder(&k, err);
	if (res == R_OK)
		res = store_stakeholder_create(r->store, &k, err);
	if (res != R_OK)
		return res;
	return api_stakeholder_reply(r, k.id, 201, err);
}

enum result api_stakeholders_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_stakeholder_reply(r, id, 200, err);
}

enum result api_stakeholders_update(struct req *r, struct error *err)
{
	int64_t id;
	struct stakeholder k;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_stakeholder_get(r->store, r->arena, id, &k, err);
	if (res == R_OK)
		res = api_syntax(r, codec_stakeholder_from_json(
					    api_body(r), r->arena, &k, true,
					    err));
	if (res == R_OK)
		res = validate_stakeholder(&k, err);
	if (res == R_OK)
		res = store_stakeholder_update(r->store, &k, err);
	if (res != R_OK)
		return res;
	return api_stakeholder_reply(r, id, 200, err);
}

enum result api_stakeholders_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_stakeholder_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* ---- plan steps ---- */

static enum result api_step_reply(struct req *r, int64_t id, int status,
				  struct error *err)
{
	struct plan_step p;
	enum result res = store_plan_step_get(r->store, r->arena, id, &p, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_plan_step(&p),
				  "/api/v1/plan-steps/%lld", (long long)id);
	else
		api_reply_json(r, status, codec_plan_step(&p));
	return R_OK;
}

enum result api_plan_list(struct req *r, struct error *err)
{
	int64_t deal_id;
	struct plan_step *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = store_plan_step_list(r->store, r->arena, deal_id, &items,
					   &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_plan_step(&items[i]));
	api_plan_whole(r, arr);
	return R_OK;
}

enum result api_plan_create(struct req *r, struct error *err)
{
	struct plan_step p = {0};
	enum result res = api_param_id(r, 0, &p.deal_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_plan_step_from_json(api_body(r),
							      r->arena, &p,
							      false, r->now,
							      err));
	if (res == R_OK)
		res = validate_plan_step(&p, err);
	if (res == R_OK)
		res = store_plan_step_create(r->store, &p, err);
	if (res != R_OK)
		return res;
	return api_step_reply(r, p.id, 201, err);
}

enum result api_plan_step_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_step_reply(r, id, 200, err);
}

enum result api_plan_step_update(struct req *r, struct error *err)
{
	int64_t id;
	struct plan_step p;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_plan_step_get(r->store, r->arena, id, &p, err);
	if (res == R_OK)
		res = api_syntax(r, codec_plan_step_from_json(api_body(r),
							      r->arena, &p,
							      true, r->now,
							      err));
	if (res == R_OK)
		res = validate_plan_step(&p, err);
	if (res == R_OK)
		res = store_plan_step_update(r->store, &p, err);
	if (res != R_OK)
		return res;
	return api_step_reply(r, id, 200, err);
}

/* POST /plan-steps/{id}/done: {} or {"at": TIME}. */
enum result api_plan_step_done(struct req *r, struct error *err)
{
	int64_t id;
	struct plan_step p;
	struct concern_move m; /* the same body shape: reason?, at? */
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_concern_move_from_json(
					    api_body(r), r->arena,
					    CACTION_RESOLVE, &m, err));
	if (res == R_OK && m.text)
		res = api_syntax(r, error_set(err, R_INVALID, "reason",
					      "reason: is not a field here "
					      "(send {} or {\"at\": TIME})"));
	if (res == R_OK && m.at)
		res = validate_event_time("at", m.at, r->now, err);
	if (res == R_OK)
		res = store_plan_step_get(r->store, r->arena, id, &p, err);
	if (res == R_OK && p.done_at)
		res = error_set(err, R_INVALID, "done",
				"done: the step is already done (PATCH it with "
				"\"done\": false to undo that)");
	if (res == R_OK) {
		p.done_at = m.at ? m.at : r->now;
		res = store_plan_step_update(r->store, &p, err);
	}
	if (res != R_OK)
		return res;
	return api_step_reply(r, id, 200, err);
}

enum result api_plan_step_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_plan_step_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
