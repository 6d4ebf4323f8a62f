/*
 * api_links.c: the buyer's links of a deal, /api/v1/deals/{id}/links
 * (web layer).
 *
 * A seller shares a deal with the buyer by making a link: a random token
 * (shown once, in the reply that makes it; only its hash is kept), an
 * expiry (1 to 90 days, 14 by default) and revocation. What the link
 * opens is page_buyer.c. Making and revoking are audited.
 */
#include <string.h>

#include "codec/codec.h"
#include "store/store_auth.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "web/api_auth.h"
#include "web/auth.h"

#define LINK_DAYS_DEFAULT 14
#define LINK_DAYS_MAX	  90

static json_t *link_json(const struct buyer_link *l)
{
	return json_pack("{s:I, s:I, s:o, s:o, s:o}", "id", (json_int_t)l->id,
			 "deal_id", (json_int_t)l->deal_id, "created_at",
			 codec_time(l->created_at), "expires_at",
			 codec_time(l->expires_at), "revoked_at",
			 codec_time(l->revoked_at));
}

/* Reads {"days": N} (optional) into *days; anything else is a 400. */
static enum result link_days(struct req *r, int64_t *days, struct error *err)
{
	const char *key;
	json_t *v;
	*days = LINK_DAYS_DEFAULT;
	json_object_foreach((json_t *)api_body(r), key, v)
	{
		if (strcmp(key, "days") != 0) {
			r->syntax = true;
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return error_set(err, R_INVALID, name,
					 "%s: is not a field here (use days)",
					 name);
		}
		if (!json_is_integer(v)) {
			r->syntax = true;
			return error_set(err, R_INVALID, "days",
					 "days: must be a whole number");
		}
		*days = json_integer_value(v);
	}
	if (*days < 1 || *days > LINK_DAYS_MAX)
		return error_set(err, R_INVALID, "days",
				 "days: %lld is out of range (use 1 to %d; "
				 "a link can be made again when it expires)",
				 (long long)*days, LINK_DAYS_MAX);
	return R_OK;
}

/* POST /api/v1/deals/{id}/links: {"days": N}? -> the token, once. */
enum result api_links_create(struct req *r, struct error *err)
{
	int64_t deal_id, days;
	struct deal d;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = link_days(r, &days, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, deal_id, &d, err);
	if (res != R_OK)
		return res;
	char token[SECRET_TOKEN_TEXT], hash[SECRET_HASH_TEXT];
	secret_token_new(token);
	secret_token_hash(token, hash);
	struct buyer_link l = {0};
	l.deal_id = deal_id;
	l.created_by = r->who->subject.user_id;
	l.created_at = r->now;
	l.expires_at = r->now + days * 86400;
	res = store_link_create(r->store, &l, hash, err);
	if (res == R_OK)
		res = auth_audit(r, r->who, "create", "buyer_link", l.id,
				 "deal_id,expires_at", err);
	if (res != R_OK)
		return res;
	json_t *j = link_json(&l);
	json_object_set_new(j, "token", json_string(token));
	json_object_set_new(j, "path",
			    json_string(arena_printf(r->arena, "/buyer/%s",
						     token)));
	api_reply_created(r, j, "/api/v1/deals/%lld/links/%lld",
			  (long long)deal_id, (long long)l.id);
	return R_OK;
}

/* GET /api/v1/deals/{id}/links: the deal's links, newest first (no
 * tokens: those were shown once). */
enum result api_links_list(struct req *r, struct error *err)
{
	int64_t deal_id;
	struct deal d;
	struct buyer_link *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, deal_id, &d, err);
	if (res == R_OK)
		res = store_link_list(r->store, r->arena, deal_id, &items, &n,
				      err);
	if (res != R_OK)
		return res;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, link_json(&items[i]));
	api_reply_json(r, 200, json_pack("{s:o}", "items", a));
	return R_OK;
}

/* DELETE /api/v1/deals/{id}/links/{id}: revokes the link at once. */
enum result api_links_delete(struct req *r, struct error *err)
{
	int64_t deal_id, id;
	struct deal d;
	enum result res = api_param_id(r, 0, &deal_id, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, deal_id, &d, err);
	if (res == R_OK)
		res = store_link_revoke(r->store, deal_id, id, r->now, err);
	if (res == R_OK)
		res = auth_audit(r, r->who, "revoke", "buyer_link", id, NULL,
				 err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
