/*
 * api_orgs.c: /api/v1/organizations, the JSON API for organizations (web
 * layer). The same shape as api_people.c: decode strictly, validate,
 * write, and reply with the record as read back.
 */
#include "web/api.h"

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

static enum result api_orgs_reply(struct req *r, int64_t id, int status,
				  struct error *err)
{
	struct organization o;
	enum result res = store_org_get(r->store, r->arena, id, &o, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_org(&o),
				  "/api/v1/organizations/%lld", (long long)id);
	else
		api_reply_json(r, status, codec_org(&o));
	return R_OK;
}

enum result api_orgs_list(struct req *r, struct error *err)
{
	struct store_page page = {0};
	enum result res = api_page(r, &page.after_id, &page.limit, err);
	if (res != R_OK)
		return res;
	struct organization *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_org_list(r->store, r->arena, &page, &items, &n, &more,
			     err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_org(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}

enum result api_orgs_create(struct req *r, struct error *err)
{
	struct organization o = {0};
	enum result res = api_syntax(
		r, codec_org_from_json(api_body(r), r->arena, &o, false, err));
	if (res == R_OK)
		res = validate_org(&o, err);
	if (res == R_OK)
		res = store_org_create(r->store, &o, err);
	if (res != R_OK)
		return res;
	return api_orgs_reply(r, o.id, 201, err);
}

enum result api_orgs_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_orgs_reply(r, id, 200, err);
}

enum result api_orgs_update(struct req *r, struct error *err)
{
	int64_t id;
	struct organization o;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_org_get(r->store, r->arena, id, &o, err);
	if (res == R_OK)
		res = api_syntax(r, codec_org_from_json(api_body(r), r->arena,
							&o, true, err));
	if (res == R_OK)
		res = validate_org(&o, err);
	if (res == R_OK)
		res = store_org_update(r->store, &o, err);
	if (res != R_OK)
		return res;
	return api_orgs_reply(r, id, 200, err);
}

enum result api_orgs_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_org_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
