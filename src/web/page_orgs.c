/*
 * page_orgs.c: the organizations list, one organization with its people,
 * and the form that adds one (web layer).
 *
 * Lists are a page at a time with the JSON API's opaque cursor in the
 * "Next page" link. The form follows page.h: 303 to the new
 * organization, or 422 with the message beside the field and what was
 * typed kept.
 */
#include "web/page.h"

#include <string.h>

#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "web/html.h"
#include "web/page_deal.h"

/* Reads ?cursor= into *after; a bad one is R_INVALID. */
static enum result orgs_cursor(struct req *r, int64_t *after, struct error *err)
{
	const char *c = api_query(r, "cursor");
	*after = 0;
	if (c && !api_cursor_decode(c, after))
		return error_set(err, R_INVALID, "cursor",
				 "cursor: is not one this server gave out "
				 "(follow the page's own links)");
	return R_OK;
}

static void orgs_next(struct buf *b, const char *path, int64_t last_id)
{
	char c[32];
	api_cursor_encode(last_id, c);
	html_raw(b, "<p><a rel=\"next\" href=\"");
	html_attr(b, path);
	html_raw(b, "?cursor=");
	html_url_arg(b, c);
	html_raw(b, "\">Next page</a></p>\n");
}

/* Renders GET /organizations. */
enum result page_orgs(struct req *r, struct error *err)
{
	struct store_page page = {0, STORE_LIMIT_DEFAULT};
	enum result res = orgs_cursor(r, &page.after_id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct organization *items = NULL;
	size_t n = 0;
	bool more = false;
	res = store_org_list(r->store, r->arena, &page, &items, &n, &more, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, "Organizations", PAGE_NAV_ORGS);
	html_raw(&b, "<div class=\"title-row\"><h1>Organizations</h1>"
		     "<a class=\"button\" href=\"/organizations/new\">Add an "
		     "organization</a></div>\n");
	if (!n)
		html_raw(&b, "<p class=\"empty\">No organizations yet.</p>\n");
	else
		html_raw(&b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < n; i++) {
		html_raw(&b, "<li><a href=\"/organizations/");
		html_int(&b, items[i].id);
		html_raw(&b, "\">");
		html_txt(&b, items[i].name);
		html_raw(&b, "</a>");
		if (items[i].industry && items[i].industry[0]) {
			html_raw(&b, " <span class=\"why\">");
			html_txt(&b, items[i].industry);
			html_raw(&b, "</span>");
		}
		html_raw(&b, "</li>\n");
	}
	if (n)
		html_raw(&b, "</ul>\n");
	if (more)
		orgs_next(&b, "/organizations", items[n - 1].id);
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

/* Renders GET /organizations/{id}: the organization and its people. */
enum result page_org(struct req *r, struct error *err)
{
	int64_t id;
	struct organization o;
	struct store_page page = {0, STORE_LIMIT_DEFAULT};
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = orgs_cursor(r, &page.after_id, err);
	if (res == R_OK)
		res = store_org_get(r->store, r->arena, id, &o, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct person_filter f = {NULL, id};
	struct person *people = NULL;
	size_t n = 0;
	bool more = false;
	res = store_person_list(r->store, r->arena, &f, &page, &people, &n,
				&more, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, o.name, PAGE_NAV_ORGS);
	html_raw(&b, "<h1>");
	html_txt(&b, o.name);
	html_raw(&b, "</h1>\n<dl class=\"facts\">");
	if (o.domain && o.domain[0]) {
		html_raw(&b, "<dt>Domain</dt><dd>");
		html_txt(&b, o.domain);
		html_raw(&b, "</dd>");
	}
	if (o.industry && o.industry[0]) {
		html_raw(&b, "<dt>Industry</dt><dd>");
		html_txt(&b, o.industry);
		html_raw(&b, "</dd>");
	}
	html_raw(&b, "</dl>\n");
	if (o.notes && o.notes[0]) {
		html_raw(&b, "<p class=\"prose\">");
		html_txt(&b, o.notes);
		html_raw(&b, "</p>\n");
	}
	html_raw(&b, "<h2>People</h2>\n");
	if (!n)
		html_raw(&b, "<p class=\"empty\">Nobody here yet.</p>\n");
	else
		html_raw(&b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < n; i++) {
		html_raw(&b, "<li>");
		page_person_link(
		    &b, people[i].id,
		    page_name(r, people[i].given_name, people[i].family_name));
		if (people[i].title && people[i].title[0]) {
			html_raw(&b, " <span class=\"why\">");
			html_txt(&b, people[i].title);
			html_raw(&b, "</span>");
		}
		html_raw(&b, "</li>\n");
	}
	if (n)
		html_raw(&b, "</ul>\n");
	if (more)
		orgs_next(&b,
			  arena_printf(r->arena, "/organizations/%lld",
				       (long long)id),
			  people[n - 1].id);
	res = page_deal_list_for(&b, r, id, 0, err);
	if (res != R_OK) {
		buf_free(&b);
		return res;
	}
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

static enum result orgs_form_page(struct req *r, const struct page_form *in,
				  const struct error *bad, int status,
				  struct error *err)
{
	struct page_fields fs = {in, bad, "org", false};
	struct buf b;
	page_begin(&b, "Add an organization", PAGE_NAV_ORGS);
	html_raw(&b, "<h1>Add an organization</h1>\n");
	page_form_start(&b, "/organizations/new", "Add an organization");
	page_input(&b, &fs, "text", "name", "Name", NULL, true, NULL);
	page_input(&b, &fs, "text", "domain", "Domain", NULL, false,
		   "e.g. example.com");
	page_input(&b, &fs, "text", "industry", "Industry", NULL, false, NULL);
	page_textarea(&b, &fs, "notes", "Notes", NULL, 4, false);
	page_form_end(&b, &fs, "Add organization");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /organizations/new. */
enum result page_orgs_new(struct req *r, struct error *err)
{
	return orgs_form_page(r, NULL, NULL, 200, err);
}

/* Handles POST /organizations/new. */
enum result page_orgs_create(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct organization o = {0};
	struct error bad = {0};
	o.name = page_form_text(r->arena, &f, "name");
	o.domain = page_form_text(r->arena, &f, "domain");
	o.industry = page_form_text(r->arena, &f, "industry");
	o.notes = page_form_text(r->arena, &f, "notes");
	if (!o.name)
		res = error_set(&bad, R_INVALID, "name",
				"name: is required (the organization's name)");
	else
		res = validate_org(&o, &bad);
	if (res == R_OK)
		res = store_org_create(r->store, &o, &bad);
	if (res == R_OK)
		return page_redirect(r, arena_printf(r->arena,
						     "/organizations/%lld",
						     (long long)o.id));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = bad;
		return res;
	}
	return orgs_form_page(r, &f, &bad, res == R_CONFLICT ? 409 : 422, err);
}
