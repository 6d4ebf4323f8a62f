/*
 * page_login.c: the login page and logging out (web layer).
 *
 * GET /login shows the form (or who is logged in), POST /login checks
 * the password under the back-off and answers 303 to where the person
 * was going, with a new session cookie; a wrong password re-renders the
 * form with 401 and the same words whether the login exists or not; too
 * many failures 429 with the wait. The login form is posted before there
 * is a session, so it cannot carry a session's CSRF token; instead a
 * POST that a browser marks as coming from another site (Sec-Fetch-Site,
 * else an Origin that is not this host) is refused, so no other site can
 * log a browser in to an account of its choosing. POST /logout ends the
 * session (with its CSRF token) and answers 303 to /login.
 */
#include "web/api_auth.h"

#include <string.h>

#include <microhttpd.h>

#include "util/arena.h"
#include "web/auth.h"
#include "web/html.h"
#include "web/page.h"

/* Where to go after logging in: a path of ours, else "/". */
static const char *login_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strlen(next) > 512)
		return "/";
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x21 || *p == '\\' || *p == 0x7f)
			return "/";
	return next;
}

/* True when the browser says the POST came from another site. */
static bool login_cross_site(struct req *r)
{
	const char *site = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						       "Sec-Fetch-Site");
	if (site)
		return strcmp(site, "same-origin") != 0 &&
		       strcmp(site, "none") != 0;
	const char *origin =
	    MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	const char *host =
	    MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	if (!origin || strcmp(origin, "null") == 0)
		return origin != NULL;
	const char *p = strstr(origin, "://");
	return !host || !p || strcmp(p + 3, host) != 0;
}

static enum result login_form_page(struct req *r, const char *next,
				   const struct page_form *in,
				   const struct error *bad, int status,
				   struct error *err)
{
	struct page_fields fs = {in, bad, "login", false};
	struct page_fields pw = {NULL, bad, "login", false};
	struct buf b;
	page_begin(&b, "Log in", PAGE_NAV_NONE);
	html_raw(&b, "<h1>Log in</h1>\n");
	page_form_start(&b, "/login", "Log in");
	html_raw(&b, "<input type=\"hidden\" name=\"next\" value=\"");
	html_attr(&b, login_next(next));
	html_raw(&b, "\">\n");
	page_input(&b, &fs, "text", "login", "Login", NULL, true, NULL);
	page_input(&b, &pw, "password", "password", "Password", NULL, true,
		   NULL);
	fs.shown = fs.shown || pw.shown;
	page_form_end(&b, &fs, "Log in");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /login. */
enum result page_login(struct req *r, struct error *err)
{
	const struct auth_who who = *r->who;
	if (who.via != AUTH_VIA_SESSION)
		return login_form_page(r, api_query(r, "next"), NULL, NULL, 200,
				       err);
	struct buf b;
	page_begin(&b, "Log in", PAGE_NAV_NONE);
	html_raw(&b, "<h1>Logged in</h1>\n<p>You are logged in as ");
	html_txt(&b, who.login);
	html_raw(&b, ".</p>\n");
	page_form_start(&b, "/logout", "Log out");
	struct page_fields fs = {NULL, NULL, "logout", false};
	page_form_end(&b, &fs, "Log out");
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

/* Handles POST /login. */
enum result page_login_post(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	const char *next = page_form_get(&f, "next");
	struct error bad = {0};
	if (login_cross_site(r)) {
		error_set(&bad, R_FORBIDDEN, "",
			  "this login came from another site; open the login "
			  "page of rapport itself and log in there");
		return login_form_page(r, next, &f, &bad, 403, err);
	}
	const char *login = page_form_get(&f, "login");
	const char *password = page_form_get(&f, "password");
	if (!login || !login[0] || !password || !password[0]) {
		error_set(&bad, R_INVALID,
			  login && login[0] ? "password" : "login",
			  "%s: is required",
			  login && login[0] ? "password" : "login");
		return login_form_page(r, next, &f, &bad, 422, err);
	}
	struct auth_login_result out;
	res = auth_login(r, login, password, &out, err);
	if (res != R_OK)
		return res;
	if (out.outcome == AUTH_LOGIN_WAIT) {
		error_set(&bad, R_FORBIDDEN, "",
			  "too many failed logins; wait %lld seconds and try "
			  "again",
			  (long long)out.retry_after);
		return login_form_page(r, next, &f, &bad, 429, err);
	}
	if (out.outcome == AUTH_LOGIN_BAD) {
		error_set(&bad, R_FORBIDDEN, "",
			  "the login or the password is wrong");
		return login_form_page(r, next, &f, &bad, 401, err);
	}
	return page_redirect(r, login_next(next));
}

/* Handles POST /logout. */
enum result page_logout(struct req *r, struct error *err)
{
	/* The server checked the CSRF token of a session; without one
	 * (ended already), only the cookie is left to clear. */
	struct auth_who who = *r->who;
	if (who.via == AUTH_VIA_NONE) {
		auth_set_cookie(r, NULL);
		return page_redirect(r, "/login");
	}
	enum result res = auth_logout(r, &who, err);
	if (res != R_OK)
		return res;
	return page_redirect(r, "/login");
}
