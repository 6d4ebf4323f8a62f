/*
 * api_concerns.c: a deal's concern ledger (web layer):
 * /api/v1/deals/{id}/concerns, /api/v1/concerns/{id} and its moves
 * /answer, /resolve, /drop and /reopen.
 *
 * A move the ledger does not allow (resolving a concern never answered)
 * is a 422 whose message says what to do first; the rule is core's
 * concern_transition. Each move takes an optional "at" (when it
 * happened; default now), and /answer the information given.
 */
#include "web/api.h"

#include "codec/deal_json.h"
#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"

static enum result api_concern_reply(struct req *r, int64_t id, int status,
				     struct error *err)
{
	struct concern c;
	enum result res = store_concern_get(r->store, r->arena, id, &c, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_concern(&c), "/api/v1/concerns/%lld",
				  (long long)id);
	else
		api_reply_json(r, status, codec_concern(&c));
	return R_OK;
}

enum result api_concerns_list(struct req *r, struct error *err)
{
	int64_t deal_id;
	struct concern *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = store_concern_list(r->store, r->arena, deal_id, &items,
					 &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_concern(&items[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_concerns_create(struct req *r, struct error *err)
{
	struct concern c = {0};
	enum result res = api_param_id(r, 0, &c.deal_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_concern_from_json(
					    api_body(r), r->arena, &c, err));
	if (res == R_OK && !c.raised_at)
		c.raised_at = r->now;
	if (res == R_OK)
		res = validate_concern(&c, r->now, err);
	if (res == R_OK)
		res = store_concern_create(r->store, &c, err);
	if (res != R_OK)
		return res;
	return api_concern_reply(r, c.id, 201, err);
}

enum result api_concerns_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_concern_reply(r, id, 200, err);
}

/* One move of the ledger. */
static enum result api_concerns_act(struct req *r, enum concern_action action,
				    struct error *err)
{
	int64_t id;
	struct concern_move m;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_concern_move_from_json(
					    api_body(r), r->arena, action, &m,
					    err));
	if (res == R_OK)
		res = validate_lines(action == CACTION_ANSWER ? "answer"
							      : "reason",
				     m.text, MODEL_TEXT_MAX,
				     action == CACTION_ANSWER, err);
	if (res == R_OK && m.at)
		res = validate_event_time("at", m.at, r->now, err);
	if (res == R_OK)
		res = store_concern_act(r->store, r->arena, id, action, m.text,
					m.at ? m.at : r->now, NULL, err);
	if (res != R_OK)
		return res;
	return api_concern_reply(r, id, 200, err);
}

enum result api_concerns_answer(struct req *r, struct error *err)
{
	return api_concerns_act(r, CACTION_ANSWER, err);
}

enum result api_concerns_resolve(struct req *r, struct error *err)
{
	return api_concerns_act(r, CACTION_RESOLVE, err);
}

enum result api_concerns_drop(struct req *r, struct error *err)
{
	return api_concerns_act(r, CACTION_DROP, err);
}

enum result api_concerns_reopen(struct req *r, struct error *err)
{
	return api_concerns_act(r, CACTION_REOPEN, err);
}
