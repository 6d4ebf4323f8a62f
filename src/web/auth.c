/*
 * auth.c: sessions, API tokens, CSRF tokens, login and logout (web
 * layer). See auth.h and docs/accounts.md.
 *
 * Secrets are handled so that neither the database nor the timing of a
 * reply gives them away: tokens are looked up by their hash, so a lookup
 * cannot leak how much of a guess was right; CSRF tokens are compared in
 * constant time; a login that names nobody still checks a password
 * (against a dummy hash), so that it takes as long as one that names
 * someone. Parsers take only the shapes we give out (a token is 43
 * base64url characters) and refuse anything else before it is hashed.
 */
#include "web/auth.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "store/store_auth.h"
#include "util/arena.h"
#include "util/log.h"
#include "web/html.h"
#include "web/page.h"
#include "web/route.h"

#define AUTH_CSRF_LABEL	 "rapport csrf v1"
#define AUTH_TOKEN_CHARS (SECRET_TOKEN_TEXT - 1)

static bool auth_tls;
static _Thread_local char auth_tl_csrf[SECRET_HASH_TEXT];
static _Thread_local enum auth_role auth_tl_role;

void auth_configure(bool behind_tls)
{
	auth_tls = behind_tls;
	secret_init();
}

bool auth_behind_tls(void)
{
	return auth_tls;
}

const char *auth_cookie_name(void)
{
	return auth_tls ? AUTH_COOKIE_TLS : AUTH_COOKIE;
}

/* ---- parsing ---- */

static bool auth_cookie_space(char c)
{
	return c == ' ' || c == '\t';
}

bool auth_cookie_value(const char *header, const char *name, char *out,
		       size_t cap)
{
	if (!header || !name || !cap)
		return false;
	size_t nlen = strlen(name);
	const char *p = header;
	while (*p) {
		while (auth_cookie_space(*p) || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq && (size_t)(eq - p) == nlen &&
		    memcmp(p, name, nlen) == 0) {
			const char *v = eq + 1;
			size_t vlen = len - nlen - 1;
			while (vlen && auth_cookie_space(v[vlen - 1]))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
				v++;
				vlen -= 2;
			}
			if (vlen == 0 || vlen >= cap)
				return false;
			memcpy(out, v, vlen);
			out[vlen] = '\0';
			return true;
		}
		p += len;
	}
	return false;
}

bool auth_bearer_token(const char *header, char *out, size_t cap)
{
	if (!header || strncasecmp(header, "Bearer", 6) != 0 ||
	    !auth_cookie_space(header[6]))
		return false;
	const char *v = header + 7;
	while (auth_cookie_space(*v))
		v++;
	size_t len = strlen(v);
	while (len && auth_cookie_space(v[len - 1]))
		len--;
	if (len == 0 || len >= cap)
		return false;
	memcpy(out, v, len);
	out[len] = '\0';
	return true;
}

bool auth_token_shape(const char *s)
{
	size_t i = 0;
	for (; s && s[i]; i++) {
		char c = s[i];
		if (!isalnum((unsigned char)c) && c != '-' && c != '_')
			return false;
	}
	return i == AUTH_TOKEN_CHARS;
}

/* Copies the last comma-separated entry of X-Forwarded-For, if it is a
 * numeric address, into out. */
static bool auth_forwarded(const char *xff, char out[AUTH_ADDRESS_MAX])
{
	if (!xff)
		return false;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (auth_cookie_space(*last))
		last++;
	size_t len = strlen(last);
	while (len && auth_cookie_space(last[len - 1]))
		len--;
	if (len == 0 || len >= AUTH_ADDRESS_MAX)
		return false;
	char tmp[AUTH_ADDRESS_MAX];
	memcpy(tmp, last, len);
	tmp[len] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, tmp, bin) != 1 &&
	    inet_pton(AF_INET6, tmp, bin) != 1)
		return false;
	memcpy(out, tmp, len + 1);
	return true;
}

void auth_client_address(struct req *r, char out[AUTH_ADDRESS_MAX])
{
	snprintf(out, AUTH_ADDRESS_MAX, "unknown");
	if (!r->conn)
		return;
	if (auth_tls &&
	    auth_forwarded(MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						       "X-Forwarded-For"),
			   out))
		return;
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
	    r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, AUTH_ADDRESS_MAX);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  AUTH_ADDRESS_MAX);
}

/* ---- who ---- */

static const char *auth_header(struct req *r, const char *name)
{
	return r->conn
		   ? MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name)
		   : NULL;
}

/* The session token of the request's cookie, or false. */
static bool auth_cookie_token(struct req *r, char out[SECRET_TOKEN_TEXT])
{
	char v[128];
	if (!auth_cookie_value(auth_header(r, MHD_HTTP_HEADER_COOKIE),
			       auth_cookie_name(), v, sizeof(v)) ||
	    !auth_token_shape(v))
		return false;
	memcpy(out, v, SECRET_TOKEN_TEXT);
	return true;
}

static void auth_fill_user(struct auth_who *who, const struct user *u)
{
	who->subject.user_id = u->id;
	who->subject.role = u->role;
	who->subject.team_id = u->team_id;
	who->login = u->login;
	auth_tl_role = u->role;
}

void auth_request_reset(void)
{
	auth_tl_csrf[0] = '\0';
	auth_tl_role = AUTH_ROLE_NONE;
}

const char *auth_csrf_current(void)
{
	return auth_tl_csrf;
}

enum auth_role auth_role_current(void)
{
	return auth_tl_role;
}

void auth_csrf_field_current(struct buf *b)
{
	if (!auth_tl_csrf[0])
		return;
	html_raw(b, "<input type=\"hidden\" name=\"" AUTH_CSRF_FIELD
		    "\" value=\"");
	html_attr(b, auth_tl_csrf);
	html_raw(b, "\">\n");
}

/* Looks up a Bearer token; *found false when there is none or it is not
 * live. */
static enum result auth_by_token(struct req *r, const char *token,
				 struct auth_who *who, struct error *err)
{
	char hash[SECRET_HASH_TEXT];
	secret_token_hash(token, hash);
	struct api_token t;
	struct user u;
	enum result res =
	    store_token_find(r->store, r->arena, hash, &t, &u, err);
	if (res == R_NOT_FOUND) {
		error_clear(err);
		return R_OK;
	}
	if (res != R_OK)
		return res;
	auth_fill_user(who, &u);
	who->via = AUTH_VIA_TOKEN;
	who->token_id = t.id;
	who->read_only = t.read_only;
	who->session_last_seen = t.last_used;
	return R_OK;
}

static enum result auth_by_session(struct req *r, const char *token,
				   struct auth_who *who, struct error *err)
{
	char hash[SECRET_HASH_TEXT];
	secret_token_hash(token, hash);
	struct session sess;
	struct user u;
	enum result res =
	    store_session_find(r->store, r->arena, hash, &sess, &u, err);
	if (res == R_NOT_FOUND) {
		error_clear(err);
		return R_OK;
	}
	if (res != R_OK)
		return res;
	if (auth_session_state(sess.last_seen, sess.expires_at, r->now) !=
	    AUTH_SESSION_LIVE)
		return R_OK;
	auth_fill_user(who, &u);
	who->via = AUTH_VIA_SESSION;
	who->session_id = sess.id;
	who->session_last_seen = sess.last_seen;
	secret_token_derive(token, AUTH_CSRF_LABEL, who->csrf);
	memcpy(auth_tl_csrf, who->csrf, sizeof(auth_tl_csrf));
	return R_OK;
}

enum result auth_identify(struct req *r, struct auth_who *who,
			  struct error *err)
{
	memset(who, 0, sizeof(*who));
	auth_request_reset();
	if (!r->store)
		return error_set(err, R_DB, "",
				 "this route has no database to check a login");
	const char *authz = auth_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
	char token[128];
	if (authz) {
		who->presented = true;
		if (!auth_bearer_token(authz, token, sizeof(token)) ||
		    !auth_token_shape(token))
			return R_OK;
		return auth_by_token(r, token, who, err);
	}
	char cookie[SECRET_TOKEN_TEXT];
	if (!auth_cookie_token(r, cookie)) {
		who->presented =
		    auth_cookie_value(auth_header(r, MHD_HTTP_HEADER_COOKIE),
				      auth_cookie_name(), token, sizeof(token));
		return R_OK;
	}
	who->presented = true;
	return auth_by_session(r, cookie, who, err);
}

bool auth_csrf_ok(struct req *r, const struct auth_who *who)
{
	if (who->via == AUTH_VIA_TOKEN)
		return true;
	if (who->via != AUTH_VIA_SESSION || !who->csrf[0])
		return false;
	const char *sent = auth_header(r, AUTH_CSRF_HEADER);
	if (!sent && r->form && r->form_len) {
		struct page_form f;
		struct error ignored = {0};
		if (page_form_parse(r->arena, r->form, r->form_len, &f,
				    &ignored) == R_OK)
			sent = page_form_get(&f, AUTH_CSRF_FIELD);
	}
	return sent && auth_streq_ct(sent, who->csrf);
}

/* Refuses an anonymous caller: 401, saying whether what was sent was
 * bad or nothing was sent. */
static int auth_need_login(const struct auth_who *who, struct error *err)
{
	error_set(err, R_FORBIDDEN, "",
		  who->presented
		      ? "your session or API token is not valid (it expired, "
			"was revoked, or was mistyped); log in again at "
			"/login or make a new token"
		      : "log in first (at /login, or POST /api/v1/session), "
			"or send an API token as Authorization: Bearer TOKEN");
	return 401;
}

int auth_check(struct req *r, struct auth_who *who, bool writes,
	       struct error *err)
{
	const struct route *rt = r->route;
	enum result res = auth_identify(r, who, err);
	if (res != R_OK)
		return route_status(res, false);
	bool open = rt->who == ROUTE_PUBLIC || rt->who == ROUTE_BUYER;
	if (!open && who->via == AUTH_VIA_NONE)
		return auth_need_login(who, err);
	if ((rt->who == ROUTE_ADMIN && who->subject.role != AUTH_ROLE_ADMIN) ||
	    (rt->who == ROUTE_MANAGER &&
	     who->subject.role < AUTH_ROLE_MANAGER)) {
		error_set(err, R_FORBIDDEN, "",
			  "%s %s needs the %s role; yours is %s (ask an admin)",
			  rt->method, rt->pattern, route_who_name(rt->who),
			  auth_role_name(who->subject.role));
		return 403;
	}
	if (writes && who->via == AUTH_VIA_TOKEN && who->read_only) {
		error_set(err, R_FORBIDDEN, "",
			  "this API token is read-only; make one without "
			  "read_only to change data");
		return 403;
	}
	if (who->via == AUTH_VIA_SESSION && route_needs_csrf(rt) &&
	    !auth_csrf_ok(r, who)) {
		error_set(err, R_FORBIDDEN, AUTH_CSRF_HEADER,
			  "%s: missing or wrong; send the csrf_token your "
			  "login returned (forms carry it in a hidden field; "
			  "reload the page if it is old)",
			  AUTH_CSRF_HEADER);
		return 403;
	}
	return 0;
}

void auth_csrf_field(struct buf *b, const struct auth_who *who)
{
	if (!who || !who->csrf[0])
		return;
	html_raw(b, "<input type=\"hidden\" name=\"" AUTH_CSRF_FIELD
		    "\" value=\"");
	html_attr(b, who->csrf);
	html_raw(b, "\">\n");
}

enum result auth_touch(struct req *r, const struct auth_who *who,
		       struct error *err)
{
	if (!auth_session_should_touch(who->session_last_seen, r->now))
		return R_OK;
	if (who->via == AUTH_VIA_SESSION)
		return store_session_touch(r->store, who->session_id, r->now,
					   err);
	if (who->via == AUTH_VIA_TOKEN)
		return store_token_used(r->store, who->token_id, r->now, err);
	return R_OK;
}

/* ---- cookies and replies ---- */

void auth_set_cookie(struct req *r, const char *token)
{
	bool clear = !token || !token[0];
	r->set_cookie = arena_printf(
	    r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    auth_cookie_name(), clear ? "" : token,
	    clear ? 0 : AUTH_SESSION_ABSOLUTE_SECS, auth_tls ? "; Secure" : "");
}

enum result auth_refuse(struct req *r, int status, const struct error *err)
{
	api_reply_json(r, status, route_problem(status, err));
	return R_OK;
}

enum result auth_audit(struct req *r, const struct auth_who *who,
		       const char *action, const char *entity,
		       int64_t entity_id, const char *fields, struct error *err)
{
	char addr[AUTH_ADDRESS_MAX];
	auth_client_address(r, addr);
	struct audit_entry e = {0};
	e.at = r->now;
	e.actor =
	    who && who->subject.user_id ? AUDIT_ACTOR_USER : AUDIT_ACTOR_SYSTEM;
	e.actor_id = who ? who->subject.user_id : 0;
	e.actor_name = who ? who->login : NULL;
	e.action = action;
	e.entity = entity;
	e.entity_id = entity_id;
	e.fields = fields;
	e.address = addr;
	return store_audit_add(r->store, &e, err);
}

/* ---- the audit of every write ---- */

/* Appends name to the comma-separated list b unless it is there. */
static void auth_field_add(struct buf *b, const char *name)
{
	if (!name[0] || strcmp(name, AUTH_CSRF_FIELD) == 0 ||
	    strlen(name) > 64)
		return;
	const char *p = b->len ? buf_str(b) : "";
	size_t n = strlen(name);
	for (const char *q = strstr(p, name); q; q = strstr(q + 1, name))
		if ((q == p || q[-1] == ',') && (q[n] == ',' || q[n] == '\0'))
			return;
	if (b->len)
		buf_puts(b, ",");
	buf_puts(b, name);
}

/* The names of the fields the request sent: the JSON body's members or
 * the form's fields (the CSRF token left out); NULL when none. */
static const char *auth_fields_sent(struct req *r)
{
	struct buf b;
	buf_init(&b, 2048);
	if (r->body) {
		const char *key;
		json_t *v;
		json_object_foreach(r->body, key, v)
		{
			auth_field_add(&b, key);
		}
	} else if (r->form && r->form_len) {
		struct page_form f;
		struct error ignored = {0};
		if (page_form_parse(r->arena, r->form, r->form_len, &f,
				    &ignored) == R_OK)
			for (size_t i = 0; i < f.n; i++)
				auth_field_add(&b, f.pairs[i].name);
	}
	const char *out = b.len && buf_ok(&b)
			      ? arena_strdup(r->arena, buf_str(&b))
			      : NULL;
	buf_free(&b);
	return out;
}

/* The id at the end of a Location ("/api/v1/people/7"), or 0. */
static int64_t auth_location_id(const char *loc)
{
	const char *slash = loc ? strrchr(loc, '/') : NULL;
	int64_t id = 0;
	if (!slash || !slash[1])
		return 0;
	for (const char *p = slash + 1; *p; p++) {
		if (*p < '0' || *p > '9' || id > INT64_MAX / 10 - 9)
			return 0;
		id = id * 10 + (*p - '0');
	}
	return id;
}

enum result auth_audit_request(struct req *r, struct error *err)
{
	const char *pattern = r->route->pattern;
	size_t plen = strlen(pattern);
	const char *action = "update";
	int64_t id = 0;
	/* the last numeric path parameter: the record acted on */
	for (int i = 0; i < API_PARAMS_MAX && r->params[i]; i++) {
		char probe[32];
		snprintf(probe, sizeof(probe), "/%.24s", r->params[i]);
		int64_t v = auth_location_id(probe);
		if (v)
			id = v;
	}
	if (strcmp(r->method, "DELETE") == 0 ||
	    (plen > 7 && strcmp(pattern + plen - 7, "/delete") == 0)) {
		action = "delete";
	} else if (strcmp(r->method, "POST") == 0 &&
		   (r->status == 201 ||
		    (plen > 4 && strcmp(pattern + plen - 4, "/new") == 0))) {
		action = "create";
		int64_t made = auth_location_id(r->location);
		if (made)
			id = made;
	}
	return auth_audit(r, r->who, action, pattern, id, auth_fields_sent(r),
			  err);
}

/* ---- login and logout ---- */

/* Starts a session for user_id: token into out, cookie set. */
static enum result auth_session_start(struct req *r, int64_t user_id,
				      char token[SECRET_TOKEN_TEXT],
				      char csrf[SECRET_HASH_TEXT],
				      struct error *err)
{
	char hash[SECRET_HASH_TEXT], addr[AUTH_ADDRESS_MAX];
	secret_token_new(token);
	secret_token_hash(token, hash);
	auth_client_address(r, addr);
	struct session sess = {0};
	sess.token_hash = hash;
	sess.user_id = user_id;
	sess.created_at = r->now;
	sess.last_seen = r->now;
	sess.expires_at = r->now + AUTH_SESSION_ABSOLUTE_SECS;
	sess.address = addr;
	enum result res = store_session_create(r->store, &sess, err);
	if (res != R_OK)
		return res;
	secret_token_derive(token, AUTH_CSRF_LABEL, csrf);
	memcpy(auth_tl_csrf, csrf, sizeof(auth_tl_csrf));
	auth_set_cookie(r, token);
	return R_OK;
}

/* The longest wait the back-off asks of this login from this address. */
static enum result auth_login_wait(struct req *r, const char *login,
				   const char *addr, int64_t *wait,
				   struct error *err)
{
	int64_t n = 0, last = 0;
	const struct auth_backoff *acc = &auth_backoff_account;
	const struct auth_backoff *adr = &auth_backoff_address;
	enum result res = store_login_failures(
	    r->store, login, false, r->now - acc->window_secs, &n, &last, err);
	if (res != R_OK)
		return res;
	*wait = auth_backoff_wait(acc, n, last, r->now);
	res = store_login_failures(r->store, addr, true,
				   r->now - adr->window_secs, &n, &last, err);
	if (res != R_OK)
		return res;
	int64_t w = auth_backoff_wait(adr, n, last, r->now);
	if (w > *wait)
		*wait = w;
	return R_OK;
}

/* Lower-cases ASCII letters of a login typed, into the arena. */
static const char *auth_login_fold(struct arena *a, const char *login)
{
	char *s = arena_strdup(a, login ? login : "");
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* Ends the session the request came with, if any (no fixation). */
static enum result auth_end_presented(struct req *r, struct error *err)
{
	struct auth_who old;
	enum result res = auth_identify(r, &old, err);
	if (res == R_OK && old.via == AUTH_VIA_SESSION)
		res = store_session_delete(r->store, old.session_id, err);
	return res;
}

enum result auth_login(struct req *r, const char *login_typed,
		       const char *password, struct auth_login_result *out,
		       struct error *err)
{
	memset(out, 0, sizeof(*out));
	char addr[AUTH_ADDRESS_MAX];
	auth_client_address(r, addr);
	const char *login = auth_login_fold(r->arena, login_typed);
	if (strlen(login) > AUTH_LOGIN_MAX)
		login = arena_strndup(r->arena, login, AUTH_LOGIN_MAX);
	int64_t wait = 0;
	enum result res = auth_login_wait(r, login, addr, &wait, err);
	if (res != R_OK)
		return res;
	if (wait > 0) {
		out->outcome = AUTH_LOGIN_WAIT;
		out->retry_after = wait;
		return R_OK;
	}
	struct user u;
	res = store_user_by_login(r->store, r->arena, login, &u, err);
	if (res != R_OK && res != R_NOT_FOUND)
		return res;
	error_clear(err);
	bool known = res == R_OK && !u.disabled;
	/* Check a password either way, so the time says nothing. */
	bool ok = secret_password_verify(known ? u.password_hash
					       : secret_password_dummy(),
					 password ? password : "");
	ok = ok && known;
	res = store_login_record(r->store, login, addr, ok, r->now, err);
	if (res != R_OK)
		return res;
	struct auth_who who = {0};
	if (known)
		auth_fill_user(&who, &u);
	if (!ok) {
		out->outcome = AUTH_LOGIN_BAD;
		if (!known)
			return R_OK;
		return auth_audit(r, &who, "login_failed", "user", u.id, NULL,
				  err);
	}
	res = auth_end_presented(r, err);
	if (res == R_OK)
		res = auth_session_start(r, u.id, out->token, out->csrf, err);
	if (res == R_OK)
		res = auth_audit(r, &who, "login", "user", u.id, NULL, err);
	/* Housekeeping that a login's write can carry. */
	int64_t purged = 0;
	if (res == R_OK)
		res = store_login_purge(r->store, r->now - 24 * 3600, err);
	if (res == R_OK)
		res = store_session_purge(r->store, r->now,
					  r->now - AUTH_SESSION_IDLE_SECS,
					  &purged, err);
	if (res != R_OK)
		return res;
	out->outcome = AUTH_LOGIN_OK;
	out->user_id = u.id;
	out->role = u.role;
	memcpy(auth_tl_csrf, out->csrf, sizeof(auth_tl_csrf));
	return R_OK;
}

enum result auth_logout(struct req *r, const struct auth_who *who,
			struct error *err)
{
	auth_set_cookie(r, NULL);
	auth_request_reset();
	if (who->via != AUTH_VIA_SESSION)
		return R_OK;
	enum result res = store_session_delete(r->store, who->session_id, err);
	if (res == R_OK)
		res = auth_audit(r, who, "logout", "user", who->subject.user_id,
				 NULL, err);
	return res;
}

enum result auth_password_change(struct req *r, struct auth_who *who,
				 const char *current, const char *password,
				 char csrf_out[SECRET_HASH_TEXT],
				 struct error *err)
{
	csrf_out[0] = '\0';
	struct user u;
	enum result res =
	    store_user_get(r->store, r->arena, who->subject.user_id, &u, err);
	if (res != R_OK)
		return res;
	if (!secret_password_verify(u.password_hash, current ? current : ""))
		return error_set(err, R_INVALID, "current_password",
				 "current_password: is not your current "
				 "password");
	res = auth_password_check(password, u.login, err);
	if (res != R_OK)
		return res;
	char hash[SECRET_PWHASH_MAX];
	res = secret_password_hash(password, hash, err);
	if (res == R_OK)
		res =
		    store_user_set_password(r->store, u.id, hash, r->now, err);
	if (res == R_OK)
		res = auth_audit(r, who, "password", "user", u.id,
				 "password_hash", err);
	if (res != R_OK || who->via != AUTH_VIA_SESSION)
		return res;
	char token[SECRET_TOKEN_TEXT];
	res = auth_session_start(r, u.id, token, csrf_out, err);
	if (res == R_OK)
		memcpy(who->csrf, csrf_out, SECRET_HASH_TEXT);
	return res;
}

enum result auth_token_create(struct req *r, const struct auth_who *who,
			      const char *name, bool read_only,
			      char token_out[SECRET_TOKEN_TEXT], int64_t *id,
			      struct error *err)
{
	char hash[SECRET_HASH_TEXT];
	secret_token_new(token_out);
	secret_token_hash(token_out, hash);
	struct api_token t = {0};
	t.user_id = who->subject.user_id;
	t.name = name;
	t.read_only = read_only;
	t.created_at = r->now;
	enum result res = store_token_create(r->store, &t, hash, err);
	if (res == R_OK)
		res = auth_audit(r, who, "create", "api_token", t.id,
				 "name,read_only", err);
	if (res == R_OK)
		*id = t.id;
	return res;
}

enum result auth_token_revoke(struct req *r, const struct auth_who *who,
			      int64_t id, struct error *err)
{
	enum result res =
	    store_token_revoke(r->store, who->subject.user_id, id, r->now, err);
	if (res == R_OK)
		res = auth_audit(r, who, "revoke", "api_token", id, NULL, err);
	return res;
}
