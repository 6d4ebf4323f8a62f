/*
 * api_coach.c: POST /api/v1/coach, the coach against pressure over HTTP
 * (web layer).
 *
 * The body is {"text": "...", "role": "seller"|"buyer"|"transcript",
 * "seller": "Name"}: only text is required, role defaults to seller, and
 * seller (the speaker who sells) is for transcripts only. role and seller
 * may come in the query instead (?role=buyer), but not in both places.
 * The reply is the object `rapport coach --json` prints, from the same
 * encoder (codec/coach_json.c), so the two cannot drift.
 *
 * A request is handled in four steps: read what is asked (api_coach_read,
 * every field checked and named in the error), run the engine, with
 * ?deal=ID hold the buyer's concerns against that deal's ledger
 * (store_coach_concerns; &apply=1 adds the new ones with source coach),
 * reply. The route needs the store for the deal step, so every coach
 * request runs in the server's write transaction, deal or not; see
 * docs/coach.md ("Coach and the deal's ledger") for that trade.
 *
 * Bodies over 1 MiB are refused by the server before this handler runs
 * (413, problem+json); the JSON parser has already refused invalid UTF-8
 * in the body; the engine's own limit is far above the body limit.
 */
#include "web/api.h"

#include <pthread.h>
#include <string.h>

#include "codec/coach_deal_json.h"
#include "codec/coach_json.h"
#include "core/coach/coach.h"
#include "core/concern_suggest.h"
#include "store/store_coach.h"
#include "util/utf8.h"

#define API_COACH_SELLER_MAX 200 /* bytes of a speaker's name */

/* The built-in rules, parsed once on first use and then shared read-only
   by every worker thread (coach.h allows it). */
static struct coach_rules *api_coach_rules_v;
static pthread_once_t api_coach_once = PTHREAD_ONCE_INIT;

static void api_coach_load(void)
{
	struct error err = {0};
	if (coach_rules_builtin(&api_coach_rules_v, &err) != R_OK)
		api_coach_rules_v = NULL;
}

/* What a coach request asks for. */
struct api_coach_in {
	const char *text; /* borrowed from the body */
	size_t len;
	struct coach_options opt;
	int64_t deal; /* ?deal=ID, 0: none */
	int apply;    /* ?apply=1: add the new concerns to the deal */
};

/* A 400 naming field: the request's shape or a type is wrong. */
static enum result api_coach_bad(struct req *r, struct error *err,
				 const char *field, const char *msg)
{
	r->syntax = true;
	return error_set(err, R_INVALID, field, "%s: %s", field, msg);
}

/* Reads the optional string field name from the body or, failing that,
   the query; a field given in both is a 400. *out stays NULL if absent. */
static enum result api_coach_str(struct req *r, const json_t *body,
				 const char *name, const char **out,
				 struct error *err)
{
	const json_t *v = json_object_get(body, name);
	const char *q = api_query(r, name);
	*out = NULL;
	if (v && q)
		return api_coach_bad(r, err, name,
				     "is both in the body and in the query "
				     "(give it once)");
	if (v && json_is_null(v))
		return R_OK;
	if (v && !json_is_string(v))
		return api_coach_bad(r, err, name, "must be a string");
	if (v) {
		*out = json_string_value(v);
		return R_OK;
	}
	if (q && !utf8_valid(q, strlen(q)))
		return api_coach_bad(r, err, name, "must be valid UTF-8");
	*out = q;
	return R_OK;
}

/* Checks the body and the query and fills in. */
static enum result api_coach_read(struct req *r, struct api_coach_in *in,
				  struct error *err)
{
	static const char *const known[] = {"text", "role", "seller"};
	const json_t *body = api_body(r);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)body, key, v)
	{
		bool ok = false;
		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			ok |= strcmp(key, known[i]) == 0;
		if (!ok) {
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return api_coach_bad(r, err, name,
					     "is not a field here (use text, "
					     "role and seller)");
		}
	}
	const json_t *text = json_object_get(body, "text");
	if (!text)
		return api_coach_bad(r, err, "text",
				     "is required (the text to coach, as a "
				     "string)");
	if (!json_is_string(text))
		return api_coach_bad(r, err, "text", "must be a string");
	in->text = json_string_value(text);
	in->len = json_string_length(text);

	const char *role, *seller;
	enum result res = api_coach_str(r, body, "role", &role, err);
	if (res == R_OK)
		res = api_coach_str(r, body, "seller", &seller, err);
	if (res != R_OK)
		return res;
	in->opt.role = COACH_ROLE_SELLER;
	if (role && !coach_role_parse(role, &in->opt.role))
		return error_set(err, R_INVALID, "role",
				 "role: \"%.40s\" is not a role (use seller, "
				 "buyer or transcript)",
				 role);
	if (seller && in->opt.role != COACH_ROLE_TRANSCRIPT)
		return error_set(err, R_INVALID, "seller",
				 "seller: names the seller of a transcript; "
				 "send role \"transcript\" or leave seller "
				 "out");
	if (seller && (!seller[0] || strlen(seller) > API_COACH_SELLER_MAX))
		return error_set(err, R_INVALID, "seller",
				 "seller: must be a speaker's name of 1 to %d "
				 "bytes",
				 API_COACH_SELLER_MAX);
	in->opt.seller = seller;
	res = api_query_id(r, "deal", &in->deal, err);
	if (res == R_OK)
		res = api_query_int(r, "apply", 0, 1, 0, &in->apply, err);
	if (res == R_OK && in->apply && !in->deal)
		res = api_coach_bad(r, err, "apply",
				    "needs a deal (add deal=ID to the query: "
				    "the deal whose ledger takes the "
				    "concerns)");
	return res;
}

/* The deal step: the buyer's concerns against deal in->deal's ledger,
   added to it when in->apply; then the reply. */
static enum result api_coach_deal(struct req *r, const struct api_coach_in *in,
				  const struct coach_result *cr,
				  struct error *err)
{
	struct concern_suggestion *sugg;
	size_t n = concern_suggest(cr, in->text, in->len, r->arena, &sugg);
	struct deal d;
	enum result res =
	    store_coach_concerns(r->store, r->arena, in->deal, sugg, n, NULL,
				 in->apply != 0, r->now, &d, err);
	if (res != R_OK)
		return res;
	json_t *o = coach_json_result(cr, in->text, in->len);
	coach_deal_json_add(o, &d, cr->role, sugg, n, in->apply != 0);
	api_reply_json(r, 200, o);
	return R_OK;
}

enum result api_coach_post(struct req *r, struct error *err)
{
	struct api_coach_in in = {0};
	enum result res = api_coach_read(r, &in, err);
	if (res != R_OK)
		return res;
	pthread_once(&api_coach_once, api_coach_load);
	if (!api_coach_rules_v)
		return error_set(err, R_IO, "",
				 "the coach's built-in rules did not load "
				 "(see the server's log)");
	struct coach_result *cr = NULL;
	res = coach_run(api_coach_rules_v, in.text, in.len, &in.opt, &cr, err);
	if (res != R_OK)
		return res; /* a transcript without turns, an unknown seller */
	if (in.deal)
		res = api_coach_deal(r, &in, cr, err);
	else
		api_reply_json(r, 200, coach_json_result(cr, in.text, in.len));
	coach_result_free(cr);
	return res;
}
