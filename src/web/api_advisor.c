/*
 * api_advisor.c: the honest advisor's JSON API: the offering catalogue,
 * a deal's needs, the fit of offerings to them with the ranking and its
 * explanations, and the recommendations made (web layer).
 *
 *   /api/v1/offerings[/{id}]           GET list, POST, GET, PATCH, DELETE
 *   /api/v1/deals/{id}/needs           GET, POST
 *   /api/v1/needs/{id}                 GET, PATCH, DELETE
 *   /api/v1/deals/{id}/fit             GET the ranking; PUT or POST a
 *                                      score; DELETE ?offering_id= takes
 *                                      an offering out of the comparison
 *   /api/v1/deals/{id}/recommendations GET, POST
 *
 * A recommendation keeps the ranking as GET .../fit gives it at that
 * moment, worked out in the same transaction as the write, so the record
 * shows exactly what was known when it was made.
 */
#include "web/api_advisor.h"

#include <string.h>

#include "codec/advisor_json.h"
#include "codec/codec.h"
#include "core/advisor.h"
#include "core/validate_advisor.h"
#include "store/store_advisor.h"
#include "util/buf.h"

#define API_SNAPSHOT_MAX (4 * 1024 * 1024)

/* ---- offerings ---- */

enum result api_offerings_list(struct req *r, struct error *err)
{
	struct store_page page = {0};
	enum result res = api_page(r, &page.after_id, &page.limit, err);
	if (res != R_OK)
		return res;
	int is_ours = -1;
	const char *q = api_query(r, "is_ours");
	if (q && strcmp(q, "true") == 0)
		is_ours = 1;
	else if (q && strcmp(q, "false") == 0)
		is_ours = 0;
	else if (q) {
		r->syntax = true;
		return error_set(err, R_INVALID, "is_ours",
				 "is_ours: use true or false");
	}
	struct offering *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_offering_list(r->store, r->arena, is_ours, &page, &items,
				  &n, &more, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_offering(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}

enum result api_offerings_create(struct req *r, struct error *err)
{
	struct offering o = {0};
	enum result res = api_syntax(
	    r, codec_offering_from_json(api_body(r), r->arena, &o, false, err));
	if (res == R_OK)
		res = validate_offering(&o, err);
	if (res == R_OK)
		res = store_offering_create(r->store, &o, err);
	if (res != R_OK)
		return res;
	api_reply_created(r, codec_offering(&o), "/api/v1/offerings/%lld",
			  (long long)o.id);
	return R_OK;
}

enum result api_offerings_get(struct req *r, struct error *err)
{
	int64_t id;
	struct offering o;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_offering_get(r->store, r->arena, id, &o, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_offering(&o));
	return res;
}

enum result api_offerings_update(struct req *r, struct error *err)
{
	int64_t id;
	struct offering o;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_offering_get(r->store, r->arena, id, &o, err);
	if (res == R_OK)
		res = api_syntax(r, codec_offering_from_json(
					api_body(r), r->arena, &o, true, err));
	if (res == R_OK)
		res = validate_offering(&o, err);
	if (res == R_OK)
		res = store_offering_update(r->store, &o, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_offering(&o));
	return res;
}

enum result api_offerings_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_offering_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* ---- needs ---- */

enum result api_needs_list(struct req *r, struct error *err)
{
	int64_t id;
	struct need *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_need_list(r->store, r->arena, id, &items, &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_need(&items[i]));
	api_reply_json(r, 200, json_pack("{s:o}", "items", arr));
	return R_OK;
}

enum result api_needs_create(struct req *r, struct error *err)
{
	struct need n = {0};
	enum result res = api_param_id(r, 0, &n.deal_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_need_from_json(api_body(r), r->arena,
							 &n, false, err));
	if (res == R_OK)
		res = validate_need(&n, err);
	if (res == R_OK)
		res = store_need_create(r->store, &n, err);
	if (res != R_OK)
		return res;
	api_reply_created(r, codec_need(&n), "/api/v1/needs/%lld",
			  (long long)n.id);
	return R_OK;
}

enum result api_needs_get(struct req *r, struct error *err)
{
	int64_t id;
	struct need n;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_need_get(r->store, r->arena, id, &n, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_need(&n));
	return res;
}

enum result api_needs_update(struct req *r, struct error *err)
{
	int64_t id;
	struct need n;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_need_get(r->store, r->arena, id, &n, err);
	if (res == R_OK)
		res = api_syntax(r, codec_need_from_json(api_body(r), r->arena,
							 &n, true, err));
	if (res == R_OK)
		res = validate_need(&n, err);
	if (res == R_OK)
		res = store_need_update(r->store, &n, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_need(&n));
	return res;
}

enum result api_needs_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_need_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* ---- fit ---- */

/* Reads deal id's advisor data and ranks it into a new JSON reply. */
static enum result api_fit_json(struct req *r, int64_t id, json_t **out,
				struct error *err)
{
	struct advisor_data d;
	enum result res = store_advisor_read(r->store, r->arena, id, &d, err);
	if (res != R_OK)
		return res;
	struct advisor_input in;
	struct advisor_ranking k;
	store_advisor_input(&d, &in);
	advisor_rank(&in, r->arena, &k);
	*out = codec_advisor(&d.deal, &in, &k);
	return R_OK;
}

enum result api_fit_get(struct req *r, struct error *err)
{
	int64_t id;
	json_t *j = NULL;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_fit_json(r, id, &j, err);
	if (res == R_OK)
		api_reply_json(r, 200, j);
	return res;
}

enum result api_fit_put(struct req *r, struct error *err)
{
	int64_t id;
	struct fit f;
	bool created = false;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(
		    r, codec_fit_from_json(api_body(r), r->arena, &f, err));
	if (res == R_OK)
		res = validate_fit(&f, err);
	if (res == R_OK)
		res = store_fit_put(r->store, id, &f, &created, err);
	if (res != R_OK)
		return res;
	api_reply_json(r, created ? 201 : 200, codec_fit(&f));
	return R_OK;
}

enum result api_fit_drop(struct req *r, struct error *err)
{
	int64_t id, offering = 0;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_query_id(r, "offering_id", &offering, err);
	if (res == R_OK && !offering) {
		r->syntax = true;
		res = error_set(err, R_INVALID, "offering_id",
				"offering_id: is required (the offering to "
				"take out of the comparison, as "
				"?offering_id=N)");
	}
	if (res == R_OK)
		res = store_fit_drop(r->store, id, offering, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* ---- recommendations ---- */

enum result api_recommendations_list(struct req *r, struct error *err)
{
	int64_t id;
	struct recommendation *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_recommendation_list(r->store, r->arena, id, &items,
						&n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_recommendation(&items[i]));
	api_reply_json(r, 200, json_pack("{s:o}", "items", arr));
	return R_OK;
}

enum result api_recommendation_record(struct req *r, struct recommendation *rec,
				      struct error *err)
{
	json_t *snap = NULL;
	enum result res = validate_recommendation(rec, err);
	if (res == R_OK)
		res = api_fit_json(r, rec->deal_id, &snap, err);
	if (res != R_OK)
		return res;
	struct buf b;
	buf_init(&b, API_SNAPSHOT_MAX);
	bool ok = codec_write(snap, &b);
	json_decref(snap);
	if (!ok) {
		buf_free(&b);
		return error_set(err, R_TOO_BIG, "",
				 "the ranking is too large to keep with the "
				 "recommendation");
	}
	rec->ranking_json = buf_str(&b);
	rec->created_at = r->now;
	res = store_recommendation_create(r->store, r->arena, rec, err);
	buf_free(&b);
	rec->ranking_json = NULL;
	return res;
}

enum result api_recommendations_create(struct req *r, struct error *err)
{
	struct recommendation rec = {0};
	int64_t id = 0;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_recommendation_from_json(
					api_body(r), r->arena, &rec, err));
	rec.deal_id = id;
	if (res == R_OK)
		res = api_recommendation_record(r, &rec, err);
	if (res != R_OK)
		return res;
	struct recommendation *items = NULL;
	size_t n = 0;
	res =
	    store_recommendation_list(r->store, r->arena, id, &items, &n, err);
	if (res != R_OK)
		return res;
	for (size_t i = 0; i < n; i++)
		if (items[i].id == rec.id)
			rec = items[i];
	api_reply_created(r, codec_recommendation(&rec),
			  "/api/v1/deals/%lld/recommendations", (long long)id);
	return R_OK;
}
