/*
 * page_orgs.c: the organizations list, one organization with its people,
 * and the forms that add, change and delete one (web layer).
 *
 * Lists are a page at a time with the JSON API's opaque cursor in the
 * "Next page" link. The forms follow page.h: 303 to the organization,
 * or 422 with the message beside the field and what was typed kept.
 * Deleting needs a ticked box and leaves the people without an
 * organization; an organization with deals is refused (409) by the
 * store, with its message.
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
	html_raw(&b, "<div class=\"title-row\"><h1>");
	html_txt(&b, o.name);
	html_raw(&b, "</h1><a class=\"button\" href=\"/organizations/");
	html_int(&b, id);
	html_raw(&b, "/edit\">Edit</a></div>\n<dl class=\"facts\">");
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

/*
 * The add form, or with o the edit form of o followed by the delete
 * form; in and bad (may be NULL) give what was typed and the error,
 * delete_bad the delete form's error.
 */
static enum result orgs_form_page(struct req *r, const struct organization *o,
				  const struct page_form *in,
				  const struct error *bad,
				  const struct error *delete_bad, int status,
				  struct error *err)
{
	struct page_fields fs = {in, bad, "org", false};
	const char *title =
	    o ? "Change the organization" : "Add an organization";
	struct buf b;
	page_begin(&b, title, PAGE_NAV_ORGS);
	if (o) {
		html_raw(&b, "<p class=\"crumbs\"><a href=\"/organizations/");
		html_int(&b, o->id);
		html_raw(&b, "\">");
		html_txt(&b, o->name);
		html_raw(&b, "</a></p>\n");
	}
	html_raw(&b, "<h1>");
	html_txt(&b, title);
	html_raw(&b, "</h1>\n");
	page_form_start(&b,
			o ? arena_printf(r->arena, "/organizations/%lld/edit",
					 (long long)o->id)
			  : "/organizations/new",
			title);
	page_input(&b, &fs, "text", "name", "Name", o ? o->name : NULL, true,
		   NULL);
	page_input(&b, &fs, "text", "domain", "Domain", o ? o->domain : NULL,
		   false, "e.g. example.com");
	page_input(&b, &fs, "text", "industry", "Industry",
		   o ? o->industry : NULL, false, NULL);
	page_textarea(&b, &fs, "notes", "Notes", o ? o->notes : NULL, 4, false);
	page_form_end(&b, &fs, o ? "Save changes" : "Add organization");
	if (o) {
		struct page_fields dfs = {NULL, delete_bad, "delete", false};
		html_raw(&b, "<h2>Delete</h2>\n");
		page_form_start(&b,
				arena_printf(r->arena,
					     "/organizations/%lld/delete",
					     (long long)o->id),
				"Delete this organization");
		html_raw(&b, "<div class=\"field check\"><input "
			     "type=\"checkbox\" id=\"delete-confirm\" "
			     "name=\"confirm\" value=\"yes\" required");
		if (delete_bad)
			html_raw(&b,
				 " aria-invalid=\"true\" "
				 "aria-describedby=\"delete-confirm-error\"");
		html_raw(&b, "><label for=\"delete-confirm\">Yes, delete ");
		html_txt(&b, o->name);
		html_raw(&b, "; its people stay, without an organization"
			     "</label>");
		if (delete_bad) {
			html_raw(&b, "<p class=\"error\" "
				     "id=\"delete-confirm-error\">");
			html_txt(&b, delete_bad->message);
			html_raw(&b, "</p>");
			dfs.shown = true;
		}
		html_raw(&b, "</div>\n");
		page_form_end(&b, &dfs, "Delete");
	}
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /organizations/new. */
enum result page_orgs_new(struct req *r, struct error *err)
{
	return orgs_form_page(r, NULL, NULL, NULL, NULL, 200, err);
}

/* Reads name, domain, industry and notes into o and validates them. */
static enum result orgs_read(struct req *r, const struct page_form *f,
			     struct organization *o, struct error *bad)
{
	o->name = page_form_text(r->arena, f, "name");
	o->domain = page_form_text(r->arena, f, "domain");
	o->industry = page_form_text(r->arena, f, "industry");
	o->notes = page_form_text(r->arena, f, "notes");
	if (!o->name)
		return error_set(bad, R_INVALID, "name",
				 "name: is required (the organization's "
				 "name)");
	return validate_org(o, bad);
}

/* The end of the add or edit form's POST. */
static enum result orgs_after(struct req *r, const struct organization *old,
			      const struct organization *o, enum result res,
			      const struct page_form *f,
			      const struct error *bad, struct error *err)
{
	if (res == R_OK)
		return page_redirect(r, arena_printf(r->arena,
						     "/organizations/%lld",
						     (long long)o->id));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	return orgs_form_page(r, old, f, bad, NULL,
			      res == R_CONFLICT ? 409 : 422, err);
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
	res = orgs_read(r, &f, &o, &bad);
	if (res == R_OK)
		res = store_org_create(r->store, &o, &bad);
	return orgs_after(r, NULL, &o, res, &f, &bad, err);
}

/* Reads the organization of the path. */
static enum result orgs_of(struct req *r, struct organization *o,
			   struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_org_get(r->store, r->arena, id, o, err);
	return res;
}

/* Renders GET /organizations/{id}/edit. */
enum result page_orgs_edit(struct req *r, struct error *err)
{
	struct organization o;
	enum result res = orgs_of(r, &o, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return orgs_form_page(r, &o, NULL, NULL, NULL, 200, err);
}

/* Handles POST /organizations/{id}/edit. */
enum result page_orgs_update(struct req *r, struct error *err)
{
	struct organization old, o;
	struct page_form f;
	enum result res = orgs_of(r, &old, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	o = old;
	res = orgs_read(r, &f, &o, &bad);
	if (res == R_OK)
		res = store_org_update(r->store, &o, &bad);
	return orgs_after(r, &old, &o, res, &f, &bad, err);
}

/* Handles POST /organizations/{id}/delete: needs confirm=yes. */
enum result page_orgs_delete(struct req *r, struct error *err)
{
	struct organization o;
	struct page_form f;
	enum result res = orgs_of(r, &o, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	const char *c = page_form_get(&f, "confirm");
	if (!c || strcmp(c, "yes") != 0)
		res = error_set(&bad, R_INVALID, "confirm",
				"confirm: tick the box to say you mean to "
				"delete this organization");
	if (res == R_OK)
		res = store_org_delete(r->store, o.id, &bad);
	if (res == R_OK)
		return page_redirect(r, "/organizations");
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = bad;
		return res;
	}
	return orgs_form_page(r, &o, NULL, NULL, &bad,
			      res == R_CONFLICT ? 409 : 422, err);
}
