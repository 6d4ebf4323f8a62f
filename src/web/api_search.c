/*
 * api_search.c: GET /api/v1/search?q=, people by prefix, best first (web
 * layer). Every word of q must match the start of a word in a person's
 * names, organization, title, emails, notes or facts; the store ranks.
 */
#include "web/api.h"

#include <string.h>

#include "codec/codec.h"
#include "store/store.h"
#include "util/utf8.h"

#define SEARCH_Q_MAX 200
#define SEARCH_LIMIT_DEFAULT 20
#define SEARCH_LIMIT_MAX 100

enum result api_search_get(struct req *r, struct error *err)
{
	int limit;
	enum result res = api_query_int(r, "limit", 1, SEARCH_LIMIT_MAX,
					SEARCH_LIMIT_DEFAULT, &limit, err);
	if (res != R_OK)
		return res;
	const char *q = api_query(r, "q");
	if (!q) {
		r->syntax = true;
		return error_set(err, R_INVALID, "q",
				 "q: is required (the start of a name, e.g. "
				 "?q=ana)");
	}
	size_t len = strlen(q);
	if (len > SEARCH_Q_MAX || !utf8_valid(q, len)) {
		r->syntax = true;
		return error_set(err, R_INVALID, "q",
				 "q: must be valid UTF-8 of at most %d bytes",
				 SEARCH_Q_MAX);
	}
	struct search_hit *hits = NULL;
	size_t n = 0;
	res = store_person_search(r->store, r->arena, q, limit, &hits, &n,
				  err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_search_hit(&hits[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}
