/*
 * api_people.c: /api/v1/people, the JSON API for people (web layer).
 *
 * Create and update decode the body strictly (codec), check the rules
 * (validate_person) and write through the store, all inside the request's
 * one transaction; the reply is the record as read back, so it carries
 * what the store fills (ids, org_name, last_touch, times).
 */
#include "web/api.h"

#include <string.h>

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

/* Most bytes a person's reply written by codec_write_person may take;
 * past it the jansson path answers (it has the server's larger limit). */
#define API_PERSON_TEXT_MAX (4 * 1024 * 1024)

/* Reads person id back and replies status with it. */
static enum result api_people_reply(struct req *r, int64_t id, int status,
				    struct error *err)
{
	struct person p;
	enum result res = store_person_get(r->store, r->arena, id, &p, err);
	if (res != R_OK)
		return res;
	if (status == 201)
		api_reply_created(r, codec_person(&p), "/api/v1/people/%lld",
				  (long long)id);
	else
		api_reply_json(r, status, codec_person(&p));
	return R_OK;
}

enum result api_people_list(struct req *r, struct error *err)
{
	struct person_filter f = {0};
	struct store_page page = {0};
	enum result res = api_page(r, &page.after_id, &page.limit, err);
	if (res == R_OK)
		res = api_query_id(r, "org_id", &f.org_id, err);
	if (res != R_OK)
		return res;
	f.tag = api_query(r, "tag");
	if (f.tag && strlen(f.tag) > MODEL_NAME_MAX) {
		r->syntax = true;
		return error_set(err, R_INVALID, "tag",
				 "tag: is longer than %d bytes", MODEL_NAME_MAX);
	}
	struct person *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_person_list(r->store, r->arena, &f, &page, &items, &n,
				&more, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_person(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}

enum result api_people_create(struct req *r, struct error *err)
{
	struct person p = {0};
	enum result res = api_syntax(
		r, codec_person_from_json(api_body(r), r->arena, &p, false,
					  err));
	if (res == R_OK)
		res = validate_person(&p, err);
	if (res == R_OK)
		res = store_person_create(r->store, &p, err);
	if (res != R_OK)
		return res;
	return api_people_reply(r, p.id, 201, err);
}

/*
 * The API's busiest read: the reply's text is written straight from the
 * record (codec_write_person, the same text as codec_person's), which
 * costs a fraction of building the jansson value and dumping it.
 */
enum result api_people_get(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return res;
	struct person p;
	res = store_person_get(r->store, r->arena, id, &p, err);
	if (res != R_OK)
		return res;
	struct buf b;
	buf_init(&b, API_PERSON_TEXT_MAX);
	if (codec_write_person(&p, &b)) {
		r->raw = arena_strndup(r->arena, b.data, b.len);
		r->raw_len = b.len;
		r->raw_copy = true;
		r->content_type = "application/json";
		r->status = 200;
	} else {
		api_reply_json(r, 200, codec_person(&p));
	}
	buf_free(&b);
	return R_OK;
}

enum result api_people_update(struct req *r, struct error *err)
{
	int64_t id;
	struct person p;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, id, &p, err);
	if (res == R_OK)
		res = api_syntax(r, codec_person_from_json(api_body(r),
							   r->arena, &p, true,
							   err));
	if (res == R_OK)
		res = validate_person(&p, err);
	if (res == R_OK)
		res = store_person_update(r->store, &p, err);
	if (res != R_OK)
		return res;
	return api_people_reply(r, id, 200, err);
}

enum result api_people_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_person_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
