/*
 * api_util.c: what every handler uses: replies, path and query parameters,
 * paging cursors, and /healthz (web layer).
 *
 * Query parameters are read strictly (a whole number in range or a 400
 * naming the parameter). List cursors are opaque to clients: "c1", the
 * last id in hex and a check digest, so a cursor that was edited or made
 * up is refused instead of silently paging from somewhere else.
 */
#include "web/api.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/num.h"

void api_reply_json(struct req *r, int status, json_t *j)
{
	json_decref(r->out);
	r->out = j;
	r->status = status;
}

void api_reply_created(struct req *r, json_t *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char loc[256];
	vsnprintf(loc, sizeof(loc), fmt, ap);
	va_end(ap);
	r->location = arena_strdup(r->arena, loc);
	api_reply_json(r, 201, j);
}

void api_reply_empty(struct req *r)
{
	json_decref(r->out);
	r->out = NULL;
	r->status = 204;
}

void api_reply_list(struct req *r, json_t *items, bool more,
		    int64_t after_id)
{
	json_t *next = json_null();
	if (more) {
		char c[32];
		api_cursor_encode(after_id, c);
		json_decref(next);
		next = json_string(c);
	}
	api_reply_json(r, 200,
		       json_pack("{s:o, s:o}", "items", items, "next_cursor",
				 next));
}

enum result api_param_id(struct req *r, int i, int64_t *out,
			 struct error *err)
{
	if (!r->params[i] ||
	    !num_parse_i64(r->params[i], 1, INT64_MAX, out))
		return error_set(err, R_NOT_FOUND, "id",
				 "id: there is no record with id %.24s",
				 r->params[i] ? r->params[i] : "");
	return R_OK;
}

const char *api_query(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND,
					   name);
}

enum result api_query_int(struct req *r, const char *name, int lo, int hi,
			  int def, int *out, struct error *err)
{
	const char *s = api_query(r, name);
	if (!s) {
		*out = def;
		return R_OK;
	}
	if (!num_parse_int(s, lo, hi, out)) {
		r->syntax = true;
		return error_set(err, R_INVALID, name,
				 "%s: \"%.24s\" is not a whole number from %d "
				 "to %d",
				 name, s, lo, hi);
	}
	return R_OK;
}

enum result api_query_id(struct req *r, const char *name, int64_t *out,
			 struct error *err)
{
	const char *s = api_query(r, name);
	*out = 0;
	if (!s)
		return R_OK;
	if (!num_parse_i64(s, 1, INT64_MAX, out)) {
		r->syntax = true;
		return error_set(err, R_INVALID, name,
				 "%s: \"%.24s\" is not an id (a positive whole "
				 "number)",
				 name, s);
	}
	return R_OK;
}

/* A small keyed digest of the id, so cursors cannot be made up. */
static unsigned api_cursor_check(uint64_t id)
{
	uint64_t h = 1469598103934665603ULL ^ 0x7261707074ULL;
	for (int i = 0; i < 8; i++) {
		h ^= (id >> (i * 8)) & 0xff;
		h *= 1099511628211ULL;
	}
	return (unsigned)(h & 0xffff);
}

void api_cursor_encode(int64_t after_id, char out[32])
{
	snprintf(out, 32, "c1%016llx%04x", (unsigned long long)after_id,
		 api_cursor_check((uint64_t)after_id));
}

static int api_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

bool api_cursor_decode(const char *s, int64_t *after_id)
{
	if (strlen(s) != 22 || s[0] != 'c' || s[1] != '1')
		return false;
	uint64_t id = 0;
	unsigned check = 0;
	for (int i = 2; i < 22; i++) {
		int d = api_hex(s[i]);
		if (d < 0)
			return false;
		if (i < 18)
			id = id << 4 | (uint64_t)d;
		else
			check = check << 4 | (unsigned)d;
	}
	if (id > INT64_MAX || check != api_cursor_check(id))
		return false;
	*after_id = (int64_t)id;
	return true;
}

enum result api_page(struct req *r, int64_t *after_id, int *limit,
		     struct error *err)
{
	enum result res = api_query_int(r, "limit", 1, STORE_LIMIT_MAX,
					STORE_LIMIT_DEFAULT, limit, err);
	if (res != R_OK)
		return res;
	*after_id = 0;
	const char *c = api_query(r, "cursor");
	if (c && !api_cursor_decode(c, after_id)) {
		r->syntax = true;
		return error_set(err, R_INVALID, "cursor",
				 "cursor: is not one this server gave out (pass "
				 "next_cursor from the previous page as it is)");
	}
	return R_OK;
}

const json_t *api_body(struct req *r)
{
	return r->body;
}

enum result api_syntax(struct req *r, enum result res)
{
	if (res == R_INVALID)
		r->syntax = true;
	return res;
}

enum result api_health_get(struct req *r, struct error *err)
{
	int version = store_schema_version(r->store);
	if (version <= 0)
		return error_set(err, R_DB, "", "the database did not answer");
	api_reply_json(r, 200,
		       json_pack("{s:s, s:i}", "status", "ok", "schema",
				 version));
	return R_OK;
}

enum result api_param_person(struct req *r, int i, int64_t *out,
			     struct error *err)
{
	struct person p;
	enum result res = api_param_id(r, i, out, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, *out, &p, err);
	return res;
}
