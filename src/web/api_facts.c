/*
 * api_facts.c: a person's facts, /api/v1/people/{id}/facts and
 * /api/v1/facts/{id} (web layer).
 *
 * The person comes from the URL, so a missing person is a 404 rather
 * than a complaint about a field. The reply is the fact as read back.
 */
#include "web/api.h"

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

static enum result api_facts_reply(struct req *r, int64_t id, int status,
				   struct error *err)
{
	struct fact f;
	enum result res = store_fact_get(r->store, r->arena, id, &f, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_fact(&f), "/api/v1/facts/%lld",
				  (long long)id);
	else
		api_reply_json(r, status, codec_fact(&f));
	return R_OK;
}

enum result api_facts_list(struct req *r, struct error *err)
{
	int64_t pid;
	struct fact *items = NULL;
	size_t n = 0;
	enum result res = api_param_person(r, 0, &pid, err);
	if (res == R_OK)
		res = store_fact_list(r->store, r->arena, pid, &items, &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_fact(&items[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_facts_create(struct req *r, struct error *err)
{
	struct fact f = {0};
	enum result res = api_param_person(r, 0, &f.person_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_fact_from_json(api_body(r), r->arena,
							 &f, false, err));
	if (res == R_OK)
		res = validate_fact(&f, err);
	if (res == R_OK)
		res = store_fact_create(r->store, &f, err);
	if (res != R_OK)
		return res;
	return api_facts_reply(r, f.id, 201, err);
}

enum result api_facts_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_facts_reply(r, id, 200, err);
}

enum result api_facts_update(struct req *r, struct error *err)
{
	int64_t id;
	struct fact f;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_fact_get(r->store, r->arena, id, &f, err);
	if (res == R_OK)
		res = api_syntax(r, codec_fact_from_json(api_body(r), r->arena,
							 &f, true, err));
	if (res == R_OK)
		res = validate_fact(&f, err);
	if (res == R_OK)
		res = store_fact_update(r->store, &f, err);
	if (res != R_OK)
		return res;
	return api_facts_reply(r, id, 200, err);
}

enum result api_facts_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_fact_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
