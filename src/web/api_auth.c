/*
 * api_auth.c: /api/v1/session, /api/v1/tokens and /api/v1/audit (web
 * layer).
 *
 * Logging in through the API (POST /api/v1/session) sets the same
 * cookie as the login page and answers the session's CSRF token, which a
 * script or page then sends as X-CSRF-Token with every write. A refusal
 * (wrong password, 401; too many, 429) is replied with R_OK so that the
 * request's transaction commits the attempt it recorded: failures must
 * count. The server has checked the caller (route.c's columns) before
 * these run; they read it from r->who.
 */
#include "web/api_auth.h"

#include <string.h>

#include "codec/codec.h"
#include "store/store_auth.h"
#include "util/arena.h"
#include "web/auth.h"

/* Checks the caller; on refusal replies and sets *done. */
static enum result api_auth_caller(struct req *r, struct auth_who *who,
				   bool *done, struct error *err)
{
	*done = false;
	*who = *r->who;
	if (who->via != AUTH_VIA_NONE)
		return R_OK;
	error_set(err, R_FORBIDDEN, "", "log in first (POST /api/v1/session)");
	*done = true;
	return auth_refuse(r, 401, err);
}

/*
 * Reads an optional string member name of the body (NULL when absent);
 * a member of another type is a 400 naming it.
 */
static enum result api_auth_str(struct req *r, const char *name, size_t max,
				const char **out, struct error *err)
{
	json_t *v = json_object_get(api_body(r), name);
	*out = NULL;
	if (!v)
		return R_OK;
	if (!json_is_string(v) || json_string_length(v) > max ||
	    strlen(json_string_value(v)) != json_string_length(v)) {
		r->syntax = true;
		return error_set(err, R_INVALID, name,
				 "%s: must be a string of at most %zu bytes",
				 name, max);
	}
	*out = json_string_value(v);
	return R_OK;
}

/* Refuses body members other than those in allowed ("a,b"). */
static enum result api_auth_members(struct req *r, const char *allowed,
				    struct error *err)
{
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)api_body(r), key, v)
	{
		size_t len = strlen(key);
		const char *p = strstr(allowed, key);
		bool ok = false;
		while (p && !ok) {
			ok = (p == allowed || p[-1] == ',') &&
			     (p[len] == ',' || p[len] == '\0');
			p = strstr(p + 1, key);
		}
		if (!ok) {
			r->syntax = true;
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return error_set(err, R_INVALID, name,
					 "%s: is not a field here (use %s)",
					 name, allowed);
		}
	}
	return R_OK;
}

static json_t *api_auth_user_json(int64_t id, const char *login,
				  enum auth_role role)
{
	return json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "login",
			 login ? login : "", "role", auth_role_name(role));
}

enum result api_session_get(struct req *r, struct error *err)
{
	struct auth_who who;
	bool done;
	enum result res = api_auth_caller(r, &who, &done, err);
	if (done || res != R_OK)
		return res;
	json_t *j =
	    json_pack("{s:o, s:s}", "user",
		      api_auth_user_json(who.subject.user_id, who.login,
					 who.subject.role),
		      "via", who.via == AUTH_VIA_SESSION ? "session" : "token");
	if (who.via == AUTH_VIA_SESSION)
		json_object_set_new(j, "csrf_token", json_string(who.csrf));
	api_reply_json(r, 200, j);
	return R_OK;
}

enum result api_session_create(struct req *r, struct error *err)
{
	const char *login = NULL, *password = NULL;
	enum result res = api_auth_members(r, "login,password", err);
	if (res == R_OK)
		res = api_auth_str(r, "login", 256, &login, err);
	if (res == R_OK)
		res = api_auth_str(r, "password", AUTH_PASSWORD_MAX_BYTES,
				   &password, err);
	if (res == R_OK && (!login || !password)) {
		r->syntax = true;
		res = error_set(err, R_INVALID, login ? "password" : "login",
				"%s: is required ({\"login\": ..., "
				"\"password\": ...})",
				login ? "password" : "login");
	}
	if (res != R_OK)
		return res;
	struct auth_login_result out;
	res = auth_login(r, login, password, &out, err);
	if (res != R_OK)
		return res;
	if (out.outcome == AUTH_LOGIN_WAIT) {
		struct error e = {0};
		error_set(&e, R_FORBIDDEN, "",
			  "too many failed logins; try again in %lld seconds",
			  (long long)out.retry_after);
		auth_refuse(r, 429, &e);
		json_object_set_new(r->out, "retry_after",
				    json_integer(out.retry_after));
		return R_OK;
	}
	if (out.outcome == AUTH_LOGIN_BAD) {
		struct error e = {0};
		error_set(&e, R_FORBIDDEN, "",
			  "the login or the password is wrong");
		return auth_refuse(r, 401, &e);
	}
	struct user u;
	res = store_user_get(r->store, r->arena, out.user_id, &u, err);
	if (res != R_OK)
		return res;
	api_reply_json(r, 201,
		       json_pack("{s:o, s:s}", "user",
				 api_auth_user_json(u.id, u.login, u.role),
				 "csrf_token", out.csrf));
	return R_OK;
}

enum result api_session_delete(struct req *r, struct error *err)
{
	struct auth_who who = *r->who;
	enum result res = auth_logout(r, &who, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

static json_t *api_token_json(const struct api_token *t)
{
	return json_pack("{s:I, s:s, s:b, s:o, s:o, s:o}", "id",
			 (json_int_t)t->id, "name", t->name, "read_only",
			 t->read_only, "created_at", codec_time(t->created_at),
			 "last_used", codec_time(t->last_used), "revoked_at",
			 codec_time(t->revoked_at));
}

enum result api_tokens_list(struct req *r, struct error *err)
{
	struct auth_who who;
	bool done;
	enum result res = api_auth_caller(r, &who, &done, err);
	if (done || res != R_OK)
		return res;
	struct api_token *items = NULL;
	size_t n = 0;
	res = store_token_list(r->store, r->arena, who.subject.user_id, &items,
			       &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, api_token_json(&items[i]));
	api_reply_json(r, 200, json_pack("{s:o}", "items", arr));
	return R_OK;
}

enum result api_tokens_create(struct req *r, struct error *err)
{
	struct auth_who who;
	bool done;
	enum result res = api_auth_caller(r, &who, &done, err);
	if (done || res != R_OK)
		return res;
	const char *name = NULL;
	res = api_auth_members(r, "name,read_only", err);
	if (res == R_OK)
		res = api_auth_str(r, "name", STORE_TOKEN_NAME_MAX, &name, err);
	json_t *ro = json_object_get(api_body(r), "read_only");
	if (res == R_OK && ro && !json_is_boolean(ro)) {
		r->syntax = true;
		res = error_set(err, R_INVALID, "read_only",
				"read_only: must be true or false");
	}
	if (res != R_OK)
		return res;
	char token[SECRET_TOKEN_TEXT];
	int64_t id = 0;
	res = auth_token_create(r, &who, name, ro && json_is_true(ro), token,
				&id, err);
	if (res != R_OK)
		return res;
	api_reply_created(r,
			  json_pack("{s:I, s:s, s:b, s:s}", "id",
				    (json_int_t)id, "name", name, "read_only",
				    ro && json_is_true(ro), "token", token),
			  "/api/v1/tokens");
	return R_OK;
}

enum result api_tokens_delete(struct req *r, struct error *err)
{
	struct auth_who who;
	bool done;
	enum result res = api_auth_caller(r, &who, &done, err);
	if (done || res != R_OK)
		return res;
	int64_t id;
	res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = auth_token_revoke(r, &who, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

/* "a,b" as ["a", "b"]; NULL as []. */
static json_t *api_audit_fields(const char *fields)
{
	json_t *arr = json_array();
	const char *p = fields;
	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		json_array_append_new(arr, json_stringn(p, n));
		p = comma ? comma + 1 : NULL;
	}
	return arr;
}

static json_t *api_audit_json(const struct audit_entry *e)
{
	json_t *actor = json_pack("{s:s}", "kind", audit_actor_name(e->actor));
	if (e->actor_id)
		json_object_set_new(actor, "id", json_integer(e->actor_id));
	if (e->actor_name)
		json_object_set_new(actor, "name", json_string(e->actor_name));
	json_t *j = json_pack("{s:I, s:o, s:o, s:s, s:s, s:o}", "id",
			      (json_int_t)e->id, "at", codec_time(e->at),
			      "actor", actor, "action", e->action, "entity",
			      e->entity, "fields", api_audit_fields(e->fields));
	json_object_set_new(j, "entity_id",
			    e->entity_id ? json_integer(e->entity_id)
					 : json_null());
	if (e->address)
		json_object_set_new(j, "address", json_string(e->address));
	return j;
}

enum result api_audit_list(struct req *r, struct error *err)
{
	struct auth_who who;
	bool done;
	enum result res = api_auth_caller(r, &who, &done, err);
	if (done || res != R_OK)
		return res;
	if (!auth_may(&who.subject, AUTH_MANAGE, NULL))
		return error_set(err, R_FORBIDDEN, "",
				 "only an admin may read the audit log");
	struct store_page page = {0};
	res = api_page(r, &page.after_id, &page.limit, err);
	if (res != R_OK)
		return res;
	struct audit_entry *items = NULL;
	size_t n = 0;
	bool more = false;
	res =
	    store_audit_list(r->store, r->arena, &page, &items, &n, &more, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, api_audit_json(&items[i]));
	api_reply_list(r, arr, more, n ? items[n - 1].id : 0);
	return R_OK;
}
