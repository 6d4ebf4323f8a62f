/*
 * api_interactions.c: /api/v1/interactions, the touches (web layer).
 *
 * A new interaction happened now unless the body says when. With
 * ?person_id= the list is that person's timeline, newest first; without,
 * every interaction by id. Writing one moves its people's last touch, in
 * the same transaction.
 */
#include "web/api.h"

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

static enum result api_interactions_reply(struct req *r, int64_t id,
					  int status, struct error *err)
{
	struct interaction it;
	enum result res =
		store_interaction_get(r->store, r->arena, id, &it, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_interaction(&it),
				  "/api/v1/interactions/%lld", (long long)id);
	else
		api_reply_json(r, status, codec_interaction(&it));
	return R_OK;
}

enum result api_interactions_list(struct req *r, struct error *err)
{
	struct store_page page = {0};
	int64_t pid = 0;
	enum result res = api_page(r, &page.after_id, &page.limit, err);
	if (res == R_OK)
		res = api_query_id(r, "person_id", &pid, err);
	if (res == R_OK && pid) {
		struct person p;
		res = store_person_get(r->store, r->arena, pid, &p, err);
	}
	if (res != R_OK)
		return res;
	struct interaction *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_interaction_list(r->store, r->arena, pid, &page, &items,
				     &n, &more, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_interaction(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}

enum result api_interactions_create(struct req *r, struct error *err)
{
	struct interaction it = {0};
	it.occurred_at = r->now;
	enum result res = api_syntax(
		r, codec_interaction_from_json(api_body(r), r->arena, &it,
					       false, err));
	if (res == R_OK)
		res = validate_interaction(&it, r->now, err);
	if (res == R_OK)
		res = store_interaction_create(r->store, &it, err);
	if (res != R_OK)
		return res;
	return api_interactions_reply(r, it.id, 201, err);
}

enum result api_interactions_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_interactions_reply(r, id, 200, err);
}

enum result api_interactions_update(struct req *r, struct error *err)
{
	int64_t id;
	struct interaction it;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_interaction_get(r->store, r->arena, id, &it, err);
	if (res == R_OK)
		res = api_syntax(r, codec_interaction_from_json(
					    api_body(r), r->arena, &it, true,
					    err));
	if (res == R_OK)
		res = validate_interaction(&it, r->now, err);
	if (res == R_OK)
		res = store_interaction_update(r->store, &it, err);
	if (res != R_OK)
		return res;
	return api_interactions_reply(r, id, 200, err);
}

enum result api_interactions_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_interaction_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
