/*
 * auth.h: who is asking, and may they (web layer, internal to src/web).
 *
 * A request proves who sent it with a session cookie (browsers) or an
 * "Authorization: Bearer" API token (scripts). A session's writes must
 * also carry its CSRF token, in the X-CSRF-Token header (JSON API) or in
 * the csrf_token field of a form; a Bearer token needs none, since a
 * browser never sends it unasked, but a read-only one may not write.
 * Everything here is what the server's dispatch and the login, logout,
 * account and token handlers call; the rules themselves (roles, expiry,
 * back-off, password policy) are core's (core/auth.h), hashing and
 * randomness util's (util/secret.h). See docs/accounts.md.
 *
 * The server calls auth_check() before every handler and hands the
 * caller to it as r->who.
 */
#ifndef RAPPORT_WEB_AUTH_H
#define RAPPORT_WEB_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/auth.h"
#include "util/buf.h"
#include "util/result.h"
#include "util/secret.h"
#include "web/api.h"

struct user;

/* The cookie's name, and the header and form field a CSRF token comes
 * in. Behind TLS the cookie is "__Host-rapport_session", a name browsers
 * accept only with Secure, Path=/ and no Domain, so that no other site
 * on a shared domain can plant one. */
#define AUTH_COOKIE	 "rapport_session"
#define AUTH_COOKIE_TLS	 "__Host-rapport_session"
#define AUTH_CSRF_HEADER "X-CSRF-Token"
#define AUTH_CSRF_FIELD	 "csrf_token"
/* Longest address text kept for a client (an IPv6 address and NUL). */
#define AUTH_ADDRESS_MAX 64

/* Tells the module whether the server sits behind TLS (--behind-tls):
 * cookies then get Secure and the __Host- name, and the client address
 * is taken from the proxy's X-Forwarded-For. Call before serving. */
void auth_configure(bool behind_tls);
bool auth_behind_tls(void);
/* The session cookie's name in the current configuration. */
const char *auth_cookie_name(void);

enum auth_via {
	AUTH_VIA_NONE,	  /* anonymous */
	AUTH_VIA_SESSION, /* a session cookie */
	AUTH_VIA_TOKEN,	  /* a Bearer API token */
};

/* Who a request comes from. */
struct auth_who {
	enum auth_via via;
	struct auth_subject subject; /* user id, role, team */
	const char *login;	     /* arena-owned; NULL when anonymous */
	int64_t session_id;	     /* AUTH_VIA_SESSION */
	int64_t session_last_seen;
	int64_t token_id;	     /* AUTH_VIA_TOKEN */
	bool read_only;		     /* a read-only API token */
	char csrf[SECRET_HASH_TEXT]; /* the session's CSRF token, "" else */
	bool presented; /* a cookie or token was sent, good or not */
};

/* ---- parsing (outside input: fuzz/fuzz_cookie.c) ---- */

/*
 * Finds cookie name in a Cookie header ("a=1; b=2") and copies its value
 * (quotes removed) into out (cap bytes). False when absent, empty or too
 * long for out; the first of several of the same name wins.
 */
bool auth_cookie_value(const char *header, const char *name, char *out,
		       size_t cap);
/* Reads "Bearer TOKEN" (scheme in any case) into out; false otherwise. */
bool auth_bearer_token(const char *header, char *out, size_t cap);
/* True when s has the shape of one of our tokens (43 base64url
 * characters). Anything else is refused before it is hashed. */
bool auth_token_shape(const char *s);

/* Writes the client's address (behind TLS: the proxy's last
 * X-Forwarded-For entry when it is an address) into out. */
void auth_client_address(struct req *r, char out[AUTH_ADDRESS_MAX]);

/* ---- who, and may they ---- */

/*
 * Fills who from the request's cookie or Bearer token. An absent, made-up,
 * expired or revoked credential gives AUTH_VIA_NONE (who->presented says
 * whether one was sent); R_OK then too. R_DB when the store fails.
 * Writes nothing to the database (see auth_touch). Also remembers the
 * session's CSRF token for this thread (auth_csrf_current).
 */
enum result auth_identify(struct req *r, struct auth_who *who,
			  struct error *err);

/*
 * The check the server makes before every route's handler, from the
 * route's columns (route.c): 0 when the request may go on (who filled;
 * anonymous is fine on a public or buyer-link route), 401 when it needs
 * a login and has none, 403 when the role is too low, a read-only token
 * would write (writes: the request runs as a write), or a session writes
 * without its CSRF token. err says what to do.
 */
int auth_check(struct req *r, struct auth_who *who, bool writes,
	       struct error *err);

/* True when the request's CSRF token (header, else form field) matches
 * the session's, compared in constant time. Always true for a Bearer
 * token, false when anonymous. */
bool auth_csrf_ok(struct req *r, const struct auth_who *who);

/* The CSRF token auth_identify() found on this thread, or "" (for forms
 * written without the request at hand: page_form_start in phase 2). */
const char *auth_csrf_current(void);
/* Forgets this thread's CSRF token and role (at the start of a
 * request). */
void auth_request_reset(void);
/* The role of the caller auth_identify() found on this thread
 * (AUTH_ROLE_NONE: anonymous), for the navigation. */
enum auth_role auth_role_current(void);
/* Writes the hidden CSRF field for auth_csrf_current() (nothing without
 * a session): every form page_form_start() begins. */
void auth_csrf_field_current(struct buf *b);
/* Writes the hidden CSRF field of a form for who (nothing when
 * anonymous). */
void auth_csrf_field(struct buf *b, const struct auth_who *who);

/*
 * Writes last_seen of who's session (or last_used of its token) when it
 * is a minute old or more. A write: call it in a write transaction.
 */
enum result auth_touch(struct req *r, const struct auth_who *who,
		       struct error *err);

/* ---- use cases ---- */

enum auth_login_outcome {
	AUTH_LOGIN_OK,
	AUTH_LOGIN_BAD,	 /* wrong login or password (we do not say which) */
	AUTH_LOGIN_WAIT, /* too many failures: wait retry_after seconds */
};

struct auth_login_result {
	enum auth_login_outcome outcome;
	int64_t retry_after;
	int64_t user_id;
	enum auth_role role;
	char token[SECRET_TOKEN_TEXT]; /* the new session's token */
	char csrf[SECRET_HASH_TEXT];   /* and its CSRF token */
};

/*
 * Checks login and password under the back-off (per login typed and per
 * client address) and, when they are right, ends the session the request
 * came with (if any: no session fixation) and starts a new one, setting
 * the cookie. Every attempt is recorded, and the audit log gets login or
 * login_failed. Run in a write transaction and commit whatever the
 * outcome, so that failures count. R_OK with the outcome in out; R_DB
 * when the store fails.
 */
enum result auth_login(struct req *r, const char *login, const char *password,
		       struct auth_login_result *out, struct error *err);

/* Ends who's session (if via a session), clears the cookie and logs
 * "logout". R_OK also when there was no session. */
enum result auth_logout(struct req *r, const struct auth_who *who,
			struct error *err);

/*
 * Changes who's password after checking the current one (R_INVALID,
 * field current_password, when wrong) and the policy (R_INVALID, field
 * password). Ends every session of the user and, when who came with a
 * session, starts a new one (cookie set; new CSRF token in csrf_out).
 */
enum result auth_password_change(struct req *r, struct auth_who *who,
				 const char *current, const char *password,
				 char csrf_out[SECRET_HASH_TEXT],
				 struct error *err);

/* Creates an API token for who; the token text (shown once) goes into
 * token_out, its id into *id. Audited. */
enum result auth_token_create(struct req *r, const struct auth_who *who,
			      const char *name, bool read_only,
			      char token_out[SECRET_TOKEN_TEXT], int64_t *id,
			      struct error *err);
/* Revokes who's token id; audited. R_NOT_FOUND for another's token. */
enum result auth_token_revoke(struct req *r, const struct auth_who *who,
			      int64_t id, struct error *err);

/* Appends to the audit log as who (a user) from the client's address;
 * fields is a comma-separated list of names, never values. */
enum result auth_audit(struct req *r, const struct auth_who *who,
		       const char *action, const char *entity,
		       int64_t entity_id, const char *fields,
		       struct error *err);

/*
 * Audits a write that succeeded, for every route whose handler does not
 * audit itself (route.c's own_audit): the action from the method and
 * path (DELETE or .../delete: delete; a POST answered 201, or to
 * .../new: create; anything else: update), the route's pattern as the
 * entity ("/api/v1/people/{id}"), the record's id (the new one from the
 * Location of a create, else the last id of the path) and the names of
 * the fields sent (JSON members or form fields, never their values).
 * Run it in the request's transaction, after the handler.
 */
enum result auth_audit_request(struct req *r, struct error *err);

/* Sets the reply's Set-Cookie to the session token (empty: clear it). */
void auth_set_cookie(struct req *r, const char *token);

/* Replies status (401, 403, 429) with a problem+json body from err and
 * returns R_OK, so that the transaction commits what the refusal wrote
 * (a failed attempt). */
enum result auth_refuse(struct req *r, int status, const struct error *err);

#endif
