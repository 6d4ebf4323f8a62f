/*
 * page_layout.c: the frame around every HTML page, and page replies (web
 * layer). See page.h.
 *
 * The navigation is a table: a section that does not exist yet has its
 * row with shown set false, so turning it on is one word. The
 * stylesheet and script are ours, under /static/; the CSP allows nothing
 * else, so there is no inline script or style anywhere.
 */
#include "web/page.h"

#include <string.h>

#include "util/arena.h"
#include "util/date.h"
#include "web/auth.h"
#include "web/html.h"

static const struct {
	enum page_nav id;
	const char *href;
	const char *text;
	bool shown;
} page_nav_table[] = {
    {PAGE_NAV_TODAY, "/", "Today", true},
    {PAGE_NAV_PEOPLE, "/people", "People", true},
    {PAGE_NAV_ORGS, "/organizations", "Organizations", true},
    {PAGE_NAV_DEALS, "/deals", "Deals", true},
    {PAGE_NAV_COACH, "/coach", "Coach", true},
};

/*
 * The caller's part of the header, from what the server found about the
 * request on this thread (auth.h): Audit for admins, Account, and Log
 * out as a POST form (a link would let any page log you out). Nothing
 * for anonymous pages (the login page, a buyer's link).
 */
static void page_nav_account(struct buf *b, enum page_nav current)
{
	enum auth_role role = auth_role_current();
	if (role == AUTH_ROLE_NONE)
		return;
	html_raw(b, "<nav aria-label=\"Account\" class=\"account\"><ul>");
	if (role == AUTH_ROLE_ADMIN)
		html_raw(b, current == PAGE_NAV_AUDIT
				? "<li><a href=\"/audit\" aria-current=\"page\">"
				  "Audit</a></li>"
				: "<li><a href=\"/audit\">Audit</a></li>");
	html_raw(b, current == PAGE_NAV_ACCOUNT
			? "<li><a href=\"/account\" aria-current=\"page\">"
			  "Account</a></li>"
			: "<li><a href=\"/account\">Account</a></li>");
	if (auth_csrf_current()[0]) {
		html_raw(b, "<li><form method=\"post\" action=\"/logout\" "
			    "class=\"logout\">");
		auth_csrf_field_current(b);
		html_raw(b, "<button type=\"submit\">Log out</button></form>"
			    "</li>");
	}
	html_raw(b, "</ul></nav>\n");
}

void page_begin(struct buf *b, const char *title, enum page_nav current)
{
	buf_init(b, PAGE_MAX);
	html_raw(b, "<!doctype html>\n<html lang=\"en\"><head>"
		    "<meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\"><title>");
	html_txt(b, title);
	html_raw(b, " · rapport</title>"
		    "<link rel=\"stylesheet\" href=\"/static/app.css\">"
		    "<script src=\"/static/app.js\" defer></script>"
		    "</head><body>\n"
		    "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
		    "<header><a class=\"brand\" href=\"/\">rapport</a>\n"
		    "<nav aria-label=\"Main\"><ul>");
	for (size_t i = 0;
	     i < sizeof(page_nav_table) / sizeof(page_nav_table[0]); i++) {
		if (!page_nav_table[i].shown)
			continue;
		html_raw(b, "<li><a href=\"");
		html_raw(b, page_nav_table[i].href);
		html_raw(b, "\"");
		if (page_nav_table[i].id == current)
			html_raw(b, " aria-current=\"page\"");
		html_raw(b, ">");
		html_raw(b, page_nav_table[i].text);
		html_raw(b, "</a></li>");
	}
	html_raw(b, "</ul></nav>\n");
	page_nav_account(b, current);
	html_raw(b, "</header>\n<main id=\"main\" tabindex=\"-1\">\n");
}

void page_end(struct buf *b)
{
	html_raw(b, "</main>\n<footer>JSON API under "
		    "<a href=\"/api/v1/people\">/api/v1</a> · "
		    "<a href=\"/healthz\">health</a></footer>\n"
		    "</body></html>\n");
}

enum result page_reply(struct req *r, struct buf *b, int status,
		       struct error *err)
{
	if (!buf_ok(b)) {
		buf_free(b);
		return error_set(err, R_TOO_BIG, "",
				 "the page is too large to show");
	}
	r->raw_len = b->len;
	r->raw = arena_strndup(r->arena, b->data, b->len);
	r->raw_copy = true;
	r->content_type = "text/html; charset=utf-8";
	r->status = status;
	buf_free(b);
	return R_OK;
}

enum result page_redirect(struct req *r, const char *path)
{
	r->location = arena_strdup(r->arena, path);
	r->raw = NULL;
	r->status = 303;
	return R_OK;
}

enum result page_fail(struct req *r, enum result res, struct error *err)
{
	int status;
	const char *title;
	if (res == R_NOT_FOUND) {
		status = 404;
		title = "Not found";
	} else if (res == R_INVALID) {
		status = 400;
		title = "Bad request";
	} else {
		return res;
	}
	struct buf b;
	page_begin(&b, title, PAGE_NAV_NONE);
	html_raw(&b, "<h1>");
	html_txt(&b, title);
	html_raw(&b, "</h1>\n<p class=\"error\">");
	html_txt(&b, err && err->message[0] ? err->message : title);
	html_raw(&b, "</p>\n<p><a href=\"/people\">Back to people</a></p>\n");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

void page_person_link(struct buf *b, int64_t id, const char *name)
{
	html_raw(b, "<a href=\"/people/");
	html_int(b, id);
	html_raw(b, "\">");
	html_txt(b, name);
	html_raw(b, "</a>");
}

void page_day(struct buf *b, int64_t day)
{
	char s[DATE_STR_MAX];
	date_format(day, s);
	html_txt(b, s);
}

void page_time_day(struct buf *b, int64_t secs)
{
	page_day(b, time_local_days(secs, 0));
}

const char *page_name(struct req *r, const char *given, const char *family)
{
	if (!family || !family[0])
		return given ? given : "";
	return arena_printf(r->arena, "%s %s", given ? given : "", family);
}
