/*
 * page_account.c: your account: change the password, list, create and
 * revoke API tokens (web layer).
 *
 * The server has checked the caller (and a POST's CSRF token) before
 * these run; they also want a session, not an API token: without one a
 * GET goes to the login page, a POST is refused with 403. A new token is shown once, on the page
 * that answers its creation (not through a redirect, so it never sits in
 * a URL or the history), and never again: only its hash is kept.
 */
#include "web/api_auth.h"

#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "store/store_auth.h"
#include "util/arena.h"
#include "web/auth.h"
#include "web/html.h"
#include "web/page.h"

/* Collects the query string back into b ("?a=1&b=2"), escaped. */
static enum MHD_Result account_query_iter(void *cls, enum MHD_ValueKind kind,
					  const char *key, const char *value)
{
	struct buf *b = cls;
	buf_puts(b, b->len ? "&" : "?");
	html_url_arg(b, key);
	if (value) {
		buf_puts(b, "=");
		html_url_arg(b, value);
	}
	return MHD_YES;
}

enum result page_auth_refuse(struct req *r, int status, struct error *err)
{
	if (status >= 500)
		return R_DB;
	if (status == 401 && strcmp(r->method, "GET") == 0) {
		/* Back here after the login: the path and its query, as one
		 * escaped argument. */
		struct buf q, next;
		buf_init(&q, 4096);
		buf_init(&next, 8192);
		if (r->conn)
			MHD_get_connection_values(r->conn,
						  MHD_GET_ARGUMENT_KIND,
						  account_query_iter, &q);
		buf_puts(&next, "/login?next=");
		html_url_arg(&next, r->path);
		if (q.len && buf_ok(&q))
			html_url_arg(&next, buf_str(&q));
		const char *to =
		    buf_ok(&next) ? arena_strdup(r->arena, buf_str(&next))
				  : "/login";
		buf_free(&q);
		buf_free(&next);
		return page_redirect(r, to);
	}
	struct buf b;
	page_begin(&b, "Forbidden", PAGE_NAV_NONE);
	html_raw(&b, "<h1>Forbidden</h1>\n<p class=\"error\">");
	html_txt(&b, status == 401 ? "Your session has ended: log in again, "
				      "then send the form again."
				   : err->message);
	html_raw(&b, "</p>\n<p><a href=\"/login\">Log in</a> · "
		     "<a href=\"/\">Today</a></p>\n");
	page_end(&b);
	return page_reply(r, &b, 403, err);
}

/* Checks the caller has a session (tokens are for scripts, not pages). */
static int account_caller(struct req *r, struct auth_who *who,
			  struct error *err)
{
	*who = *r->who;
	if (who->via != AUTH_VIA_SESSION) {
		error_set(err, R_FORBIDDEN, "",
			  "the account page needs a login in the browser");
		return 401;
	}
	return 0;
}

static void account_time(struct buf *b, int64_t t)
{
	if (t)
		page_time_day(b, t);
	else
		html_raw(b, "never");
}

static void account_tokens(struct buf *b, const struct auth_who *who,
			   const struct api_token *items, size_t n)
{
	html_raw(b, "<h2>API tokens</h2>\n");
	if (!n)
		html_raw(b, "<p class=\"empty\">No API tokens yet.</p>\n");
	else
		html_raw(b, "<table><thead><tr><th>Name</th><th>Access</th>"
			    "<th>Created</th><th>Last used</th><th>State</th>"
			    "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct api_token *t = &items[i];
		html_raw(b, "<tr><td>");
		html_txt(b, t->name);
		html_raw(b, t->read_only ? "</td><td>read only</td><td>"
					 : "</td><td>read and write</td><td>");
		account_time(b, t->created_at);
		html_raw(b, "</td><td>");
		account_time(b, t->last_used);
		html_raw(b, "</td><td>");
		if (t->revoked_at) {
			html_raw(b, "revoked ");
			page_time_day(b, t->revoked_at);
		} else {
			char action[64];
			snprintf(action, sizeof(action),
				 "/account/tokens/%lld/revoke",
				 (long long)t->id);
			struct page_fields fs = {NULL, NULL, "revoke", false};
			page_form_start(b, action, "Revoke this token");
			page_form_end(b, &fs, "Revoke");
		}
		html_raw(b, "</td></tr>\n");
	}
	if (n)
		html_raw(b, "</tbody></table>\n");
}

/* What the account page shows besides the forms: a notice, a new token
 * (shown this once), the error of one of its forms. */
struct account_view {
	const char *notice;    /* literal or arena text */
	const char *new_token; /* NULL: none */
	const struct page_form *in;
	const struct error *pw_err;    /* the password form's */
	const struct error *token_err; /* the token form's */
};

static enum result account_page(struct req *r, const struct auth_who *who,
				const struct account_view *v, int status,
				struct error *err)
{
	struct api_token *items = NULL;
	size_t n = 0;
	enum result res = store_token_list(
	    r->store, r->arena, who->subject.user_id, &items, &n, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, "Your account", PAGE_NAV_ACCOUNT);
	html_raw(&b, "<h1>Your account</h1>\n<p>Logged in as <strong>");
	html_txt(&b, who->login);
	html_raw(&b, "</strong> (");
	html_txt(&b, auth_role_name(who->subject.role));
	html_raw(&b, ").</p>\n");
	if (v->notice) {
		html_raw(&b, "<p class=\"notice\" role=\"status\">");
		html_txt(&b, v->notice);
		html_raw(&b, "</p>\n");
	}
	if (v->new_token) {
		html_raw(&b, "<p>Your new token (copy it now: it is not shown "
			     "again):</p>\n<p><code id=\"new-token\">");
		html_txt(&b, v->new_token);
		html_raw(&b, "</code></p>\n");
	}
	page_form_start(&b, "/logout", "Log out");
	struct page_fields out = {NULL, NULL, "logout", false};
	page_form_end(&b, &out, "Log out");

	html_raw(&b, "<h2>Change your password</h2>\n<p>At least 12 "
		     "characters; a few unrelated words make a strong one. "
		     "Every other session of yours ends.</p>\n");
	struct page_fields pw = {NULL, v->pw_err, "pw", false};
	page_form_start(&b, "/account/password", "Change your password");
	page_input(&b, &pw, "password", "current_password", "Current password",
		   NULL, true, NULL);
	page_input(&b, &pw, "password", "password", "New password", NULL, true,
		   NULL);
	page_input(&b, &pw, "password", "password_again", "New password again",
		   NULL, true, NULL);
	page_form_end(&b, &pw, "Change password");

	account_tokens(&b, who, items, n);
	html_raw(&b, "<h3>Make an API token</h3>\n");
	struct page_fields tk = {v->in, v->token_err, "token", false};
	page_form_start(&b, "/account/tokens", "Make an API token");
	page_input(&b, &tk, "text", "name", "Name", NULL, true,
		   "what it is for, e.g. \"laptop script\"");
	html_raw(&b, "<p><label><input type=\"checkbox\" name=\"read_only\" "
		     "value=\"1\"> Read only (cannot change data)</label>"
		     "</p>\n");
	page_form_end(&b, &tk, "Make token");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /account. */
enum result page_account(struct req *r, struct error *err)
{
	struct auth_who who;
	int status = account_caller(r, &who, err);
	if (status)
		return page_auth_refuse(r, status, err);
	struct account_view v = {0};
	return account_page(r, &who, &v, 200, err);
}

/* Handles POST /account/password. */
enum result page_account_password(struct req *r, struct error *err)
{
	struct auth_who who;
	int status = account_caller(r, &who, err);
	if (status)
		return page_auth_refuse(r, status, err);
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	const char *pw = page_form_get(&f, "password");
	const char *again = page_form_get(&f, "password_again");
	if (!pw || !again || strcmp(pw, again) != 0)
		res = error_set(&bad, R_INVALID, "password_again",
				"password_again: the two new passwords differ; "
				"type the same one twice");
	char csrf[SECRET_HASH_TEXT];
	if (res == R_OK)
		res = auth_password_change(
		    r, &who, page_form_get(&f, "current_password"), pw, csrf,
		    &bad);
	struct account_view v = {0};
	if (res == R_OK) {
		v.notice = "Your password is changed; your other sessions "
			   "have ended.";
		return account_page(r, &who, &v, 200, err);
	}
	if (res != R_INVALID) {
		*err = bad;
		return res;
	}
	v.pw_err = &bad;
	return account_page(r, &who, &v, 422, err);
}

/* Handles POST /account/tokens. */
enum result page_account_token_new(struct req *r, struct error *err)
{
	struct auth_who who;
	int status = account_caller(r, &who, err);
	if (status)
		return page_auth_refuse(r, status, err);
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	char token[SECRET_TOKEN_TEXT];
	int64_t id = 0;
	const char *name = page_form_text(r->arena, &f, "name");
	bool read_only = page_form_get(&f, "read_only") != NULL;
	res = auth_token_create(r, &who, name, read_only, token, &id, &bad);
	struct account_view v = {0};
	if (res == R_OK) {
		v.notice = "The token is made.";
		v.new_token = token;
		return account_page(r, &who, &v, 201, err);
	}
	if (res != R_INVALID) {
		*err = bad;
		return res;
	}
	v.in = &f;
	v.token_err = &bad;
	return account_page(r, &who, &v, 422, err);
}

/* Handles POST /account/tokens/{id}/revoke. */
enum result page_account_token_revoke(struct req *r, struct error *err)
{
	struct auth_who who;
	int status = account_caller(r, &who, err);
	if (status)
		return page_auth_refuse(r, status, err);
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = auth_token_revoke(r, &who, id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return page_redirect(r, "/account");
}
