/*
 * page_audit.c: GET /audit, the audit log for admins (web layer).
 *
 * The same entries as GET /api/v1/audit and `rapport audit`, newest
 * first, a page at a time: when, who (a user, a buyer's link, the
 * command line), what they did to which record, and the names of the
 * fields changed (never their values). The route table lets only admins
 * in (route.c), so nothing here checks the role again.
 */
#include "web/api_auth.h"

#include <stdio.h>

#include "store/store_auth.h"
#include "web/html.h"
#include "web/page.h"

#define AUDIT_PAGE_ROWS 100

static void audit_row(struct buf *b, const struct audit_entry *e)
{
	html_raw(b, "<tr><td>");
	page_time_day(b, e->at);
	html_raw(b, "</td><td>");
	html_txt(b, audit_actor_name(e->actor));
	if (e->actor_name) {
		html_raw(b, " ");
		html_txt(b, e->actor_name);
	} else if (e->actor_id) {
		html_raw(b, " #");
		html_int(b, e->actor_id);
	}
	html_raw(b, "</td><td>");
	html_txt(b, e->action);
	html_raw(b, "</td><td>");
	html_txt(b, e->entity ? e->entity : "");
	if (e->entity_id) {
		html_raw(b, " #");
		html_int(b, e->entity_id);
	}
	html_raw(b, "</td><td>");
	html_txt(b, e->fields ? e->fields : "");
	html_raw(b, "</td><td>");
	html_txt(b, e->address ? e->address : "");
	html_raw(b, "</td></tr>\n");
}

enum result page_audit(struct req *r, struct error *err)
{
	struct store_page page = {0};
	const char *cursor = api_query(r, "cursor");
	if (cursor && !api_cursor_decode(cursor, &page.after_id))
		return page_fail(r,
				 error_set(err, R_INVALID, "cursor",
					   "cursor: not one this page made; "
					   "start again from /audit"),
				 err);
	page.limit = AUDIT_PAGE_ROWS;
	struct audit_entry *items = NULL;
	size_t n = 0;
	bool more = false;
	enum result res =
	    store_audit_list(r->store, r->arena, &page, &items, &n, &more, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, "Audit log", PAGE_NAV_AUDIT);
	html_raw(&b, "<h1>Audit log</h1>\n<p>Who created, changed or deleted "
		     "what, newest first. Field names only: values are not "
		     "kept here.</p>\n");
	if (!n)
		html_raw(&b, "<p class=\"empty\">Nothing yet.</p>\n");
	else
		html_raw(&b, "<table><thead><tr><th>When</th><th>Who</th>"
			     "<th>Action</th><th>Record</th><th>Fields</th>"
			     "<th>Address</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++)
		audit_row(&b, &items[i]);
	if (n)
		html_raw(&b, "</tbody></table>\n");
	if (more) {
		char c[32];
		api_cursor_encode(items[n - 1].id, c);
		html_raw(&b, "<p><a href=\"/audit?cursor=");
		html_url_arg(&b, c);
		html_raw(&b, "\">Older entries</a></p>\n");
	}
	page_end(&b);
	return page_reply(r, &b, 200, err);
}
