/*
 * api_dates.c: a person's important dates, /api/v1/people/{id}/dates and
 * /api/v1/dates/{id} (web layer).
 *
 * The person comes from the URL, so a missing person is a 404 rather
 * than a complaint about a field. The reply is the date as read back.
 * A new date reminds 14 days ahead unless the body says otherwise.
 */
#include "web/api.h"

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

static enum result api_dates_reply(struct req *r, int64_t id, int status,
				   struct error *err)
{
	struct important_date d;
	enum result res = store_date_get(r->store, r->arena, id, &d, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_date(&d), "/api/v1/dates/%lld",
				  (long long)id);
	else
		api_reply_json(r, status, codec_date(&d));
	return R_OK;
}

enum result api_dates_list(struct req *r, struct error *err)
{
	int64_t pid;
	struct important_date *items = NULL;
	size_t n = 0;
	enum result res = api_param_person(r, 0, &pid, err);
	if (res == R_OK)
		res = store_date_list(r->store, r->arena, pid, &items, &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_date(&items[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_dates_create(struct req *r, struct error *err)
{
	struct important_date d = {0};
	d.remind_days = 14;
	enum result res = api_param_person(r, 0, &d.person_id, err);
	if (res == R_OK)
		res = api_syntax(r, codec_date_from_json(api_body(r), r->arena,
							 &d, false, err));
	if (res == R_OK)
		res = validate_date(&d, err);
	if (res == R_OK)
		res = store_date_create(r->store, &d, err);
	if (res != R_OK)
		return res;
	return api_dates_reply(r, d.id, 201, err);
}

enum result api_dates_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	return api_dates_reply(r, id, 200, err);
}

enum result api_dates_update(struct req *r, struct error *err)
{
	int64_t id;
	struct important_date d;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_date_get(r->store, r->arena, id, &d, err);
	if (res == R_OK)
		res = api_syntax(r, codec_date_from_json(api_body(r), r->arena,
							 &d, true, err));
	if (res == R_OK)
		res = validate_date(&d, err);
	if (res == R_OK)
		res = store_date_update(r->store, &d, err);
	if (res != R_OK)
		return res;
	return api_dates_reply(r, id, 200, err);
}

enum result api_dates_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_date_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
