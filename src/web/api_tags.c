/*
 * api_tags.c: tags and the keep-in-touch cadence each gives its people,
 * /api/v1/tags (web layer). PUT creates the tag or sets its cadence; the
 * name comes from the URL and follows validate_tag_name()'s rule.
 */
#include "web/api.h"

#include <string.h>

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

enum result api_tags_list(struct req *r, struct error *err)
{
	struct tag *items = NULL;
	size_t n = 0;
	enum result res = store_tag_list(r->store, r->arena, &items, &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_tag(&items[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_tags_put(struct req *r, struct error *err)
{
	struct tag t = {0};
	t.name = r->params[0];
	enum result res = api_syntax(
		r, codec_tag_from_json(api_body(r), r->arena, &t, false, err));
	if (res == R_OK)
		res = validate_tag(&t, err);
	if (res == R_OK)
		res = store_tag_put(r->store, &t, err);
	if (res != R_OK)
		return res;
	/* Read it back for the count of people who carry it. */
	struct tag *items = NULL;
	size_t n = 0;
	res = store_tag_list(r->store, r->arena, &items, &n, err);
	if (res != R_OK)
		return res;
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].name, t.name) == 0)
			t = items[i];
	api_reply_json(r, 200, codec_tag(&t));
	return R_OK;
}
