/*
 * page_people.c: the people list, and the forms that add, edit and delete
 * a person (web layer).
 *
 * /people lists people a page at a time (the same opaque cursor as the
 * JSON API), filtered by tag or organization, or searched by the start of
 * words with ?q= (the store's full-text prefix search). app.js turns the
 * search box into search-as-you-type against /api/v1/search; without
 * JavaScript the form's GET does the same.
 *
 * The person form is one function used by "new" and "edit"; its field
 * names are the JSON API's, so the field a validator names (given_name,
 * tags[0], contacts[1].value) is the field the error is shown beside.
 */
#include "web/page.h"

#include <string.h>

#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/utf8.h"
#include "web/html.h"

#define PEOPLE_Q_MAX		200
#define PEOPLE_SEARCH_LIMIT	50
#define PEOPLE_CONTACT_ROWS_MAX MODEL_CONTACTS_MAX

/* ---- the list ---- */

/* Writes the filter form: search box, tag and organization. */
static void people_filters(struct buf *b, const char *q, const char *tag,
			   int64_t org_id, const struct tag *tags,
			   size_t n_tags, const struct organization *orgs,
			   size_t n_orgs)
{
	html_raw(b, "<form method=\"get\" action=\"/people\" role=\"search\" "
		    "id=\"people-search\" class=\"filters\">\n"
		    "<div class=\"field\"><label for=\"q\">Search people"
		    "</label><input type=\"search\" id=\"q\" name=\"q\" "
		    "autocomplete=\"off\" aria-describedby=\"q-hint\" "
		    "aria-controls=\"people-results\" value=\"");
	html_attr(b, q);
	html_raw(b, "\"><p class=\"hint\" id=\"q-hint\">The start of a name, "
		    "organization, title, email or fact.</p></div>\n"
		    "<div class=\"field\"><label for=\"tag\">Tag</label>"
		    "<select id=\"tag\" name=\"tag\"><option value=\"\">Any"
		    "</option>");
	for (size_t i = 0; i < n_tags; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, tags[i].name);
		html_raw(b, tag && strcmp(tag, tags[i].name) == 0
				? "\" selected>"
				: "\">");
		html_txt(b, tags[i].name);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div>\n<div class=\"field\"><label "
		    "for=\"org_id\">Organization</label><select id=\"org_id\" "
		    "name=\"org_id\"><option value=\"\">Any</option>");
	for (size_t i = 0; i < n_orgs; i++) {
		html_raw(b, "<option value=\"");
		html_int(b, orgs[i].id);
		html_raw(b, orgs[i].id == org_id ? "\" selected>" : "\">");
		html_txt(b, orgs[i].name);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div>\n<button type=\"submit\">Show</button>\n"
		    "</form>\n");
}

/* One person in a list: name, then organization and title. */
static void people_item(struct buf *b, struct req *r, int64_t id,
			const char *given, const char *family, const char *org,
			const char *title)
{
	html_raw(b, "<li>");
	page_person_link(b, id, page_name(r, given, family));
	if ((org && org[0]) || (title && title[0])) {
		html_raw(b, " <span class=\"why\">");
		html_txt(b, title);
		if (org && org[0] && title && title[0])
			html_raw(b, ", ");
		html_txt(b, org);
		html_raw(b, "</span>");
	}
	html_raw(b, "</li>\n");
}

/* Reads and checks the list's query; a bad one is a 400 page. */
static enum result people_query(struct req *r, const char **q, const char **tag,
				int64_t *org_id, int64_t *after_id,
				struct error *err)
{
	/* The filter form sends org_id= for "Any". */
	const char *org = api_query(r, "org_id");
	enum result res = org && !org[0]
			      ? (*org_id = 0, R_OK)
			      : api_query_id(r, "org_id", org_id, err);
	if (res != R_OK)
		return res;
	*q = api_query(r, "q");
	*tag = api_query(r, "tag");
	if (*q && (strlen(*q) > PEOPLE_Q_MAX || !utf8_valid(*q, strlen(*q))))
		return error_set(err, R_INVALID, "q",
				 "q: must be valid UTF-8 of at most %d bytes",
				 PEOPLE_Q_MAX);
	if (*tag && (strlen(*tag) > VALIDATE_TAG_MAX ||
		     !utf8_valid(*tag, strlen(*tag))))
		return error_set(err, R_INVALID, "tag",
				 "tag: is not a tag name (at most %d bytes)",
				 VALIDATE_TAG_MAX);
	if (*tag && !(*tag)[0])
		*tag = NULL;
	if (*q && !(*q)[0])
		*q = NULL;
	const char *c = api_query(r, "cursor");
	*after_id = 0;
	if (c && !api_cursor_decode(c, after_id))
		return error_set(err, R_INVALID, "cursor",
				 "cursor: is not one this server gave out "
				 "(follow the page's own links)");
	return R_OK;
}

/* Writes the search hits for q. */
static enum result people_search(struct buf *b, struct req *r, const char *q,
				 struct error *err)
{
	struct search_hit *hits = NULL;
	size_t n = 0;
	enum result res = store_person_search(
	    r->store, r->arena, q, PEOPLE_SEARCH_LIMIT, &hits, &n, err);
	if (res != R_OK)
		return res;
	html_raw(b, "<p id=\"people-status\" role=\"status\">");
	html_int(b, (int64_t)n);
	html_raw(b, n == 1 ? " person matches " : " people match ");
	html_raw(b, "<q>");
	html_txt(b, q);
	html_raw(b, "</q>.</p>\n<ul class=\"list\" id=\"people-results\">\n");
	for (size_t i = 0; i < n; i++)
		people_item(b, r, hits[i].person_id, hits[i].name, NULL,
			    hits[i].org_name, hits[i].title);
	html_raw(b, "</ul>\n");
	return R_OK;
}

/* Writes one page of the filtered list and the link to the next. */
static enum result people_page(struct buf *b, struct req *r, const char *tag,
			       int64_t org_id, int64_t after_id,
			       struct error *err)
{
	struct person_filter f = {tag, org_id};
	struct store_page page = {after_id, STORE_LIMIT_DEFAULT};
	struct person *items = NULL;
	size_t n = 0;
	bool more = false;
	enum result res = store_person_list(r->store, r->arena, &f, &page,
					    &items, &n, &more, err);
	if (res != R_OK)
		return res;
	html_raw(b, "<p id=\"people-status\" role=\"status\">");
	if (!n)
		html_raw(b, after_id
				? "No more people."
				: "Nobody here yet: add someone you know.");
	html_raw(b, "</p>\n<ul class=\"list\" id=\"people-results\">\n");
	for (size_t i = 0; i < n; i++)
		people_item(b, r, items[i].id, items[i].given_name,
			    items[i].family_name, items[i].org_name,
			    items[i].title);
	html_raw(b, "</ul>\n");
	if (more) {
		char c[32];
		api_cursor_encode(items[n - 1].id, c);
		html_raw(b, "<p><a rel=\"next\" href=\"/people?cursor=");
		html_url_arg(b, c);
		if (tag) {
			html_raw(b, "&amp;tag=");
			html_url_arg(b, tag);
		}
		if (org_id) {
			html_raw(b, "&amp;org_id=");
			html_int(b, org_id);
		}
		html_raw(b, "\">Next page</a></p>\n");
	}
	return R_OK;
}

/* Renders GET /people. */
enum result page_people(struct req *r, struct error *err)
{
	const char *q, *tag;
	int64_t org_id, after_id;
	enum result res = people_query(r, &q, &tag, &org_id, &after_id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct tag *tags = NULL;
	size_t n_tags = 0;
	struct organization *orgs = NULL;
	size_t n_orgs = 0;
	bool more = false;
	struct store_page all = {0, STORE_LIMIT_MAX};
	res = store_tag_list(r->store, r->arena, &tags, &n_tags, err);
	if (res == R_OK)
		res = store_org_list(r->store, r->arena, &all, &orgs, &n_orgs,
				     &more, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, "People", PAGE_NAV_PEOPLE);
	html_raw(&b, "<div class=\"title-row\"><h1>People</h1>"
		     "<a class=\"button\" href=\"/people/new\">Add a person</a>"
		     "</div>\n");
	people_filters(&b, q, tag, org_id, tags, n_tags, orgs, n_orgs);
	res = q ? people_search(&b, r, q, err)
		: people_page(&b, r, tag, org_id, after_id, err);
	if (res != R_OK) {
		buf_free(&b);
		return res;
	}
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

/* ---- the person form ---- */

static const struct page_option people_contact_kinds[] = {
    {"email", "Email"},
    {"phone", "Phone"},
    {"address", "Address"},
    {"link", "Link"},
};

/* Writes one contact row (index i) with the given values. */
static void people_contact_row(struct buf *b, size_t i, const char *kind,
			       const char *label, const char *value)
{
	html_raw(b, "<div class=\"contact-row\">");
	html_raw(b, "<div class=\"field\"><label for=\"contact-kind-");
	html_int(b, (int64_t)i);
	html_raw(b, "\">Kind</label><select name=\"contact_kind\" "
		    "id=\"contact-kind-");
	html_int(b, (int64_t)i);
	html_raw(b, "\">");
	for (size_t k = 0; k < CONTACT_KIND_COUNT; k++) {
		html_raw(b, "<option value=\"");
		html_raw(b, people_contact_kinds[k].value);
		html_raw(
		    b, kind && strcmp(kind, people_contact_kinds[k].value) == 0
			   ? "\" selected>"
			   : "\">");
		html_raw(b, people_contact_kinds[k].text);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div><div class=\"field\"><label "
		    "for=\"contact-label-");
	html_int(b, (int64_t)i);
	html_raw(b, "\">Label</label><input type=\"text\" "
		    "name=\"contact_label\" placeholder=\"work, home\" "
		    "id=\"contact-label-");
	html_int(b, (int64_t)i);
	html_raw(b, "\" value=\"");
	html_attr(b, label);
	html_raw(b, "\"></div><div class=\"field wide\"><label "
		    "for=\"contact-value-");
	html_int(b, (int64_t)i);
	html_raw(b, "\">Address, number or link</label><input type=\"text\" "
		    "name=\"contact_value\" id=\"contact-value-");
	html_int(b, (int64_t)i);
	html_raw(b, "\" value=\"");
	html_attr(b, value);
	html_raw(b, "\"></div></div>\n");
}

/* The contacts fieldset: the person's contacts and one empty row, or what
 * was typed. */
static void people_contacts(struct buf *b, struct page_fields *fs,
			    const struct person *p)
{
	html_raw(b, "<fieldset><legend>How to reach them</legend>\n");
	if (fs->in) {
		size_t n = page_form_count(fs->in, "contact_value");
		for (size_t i = 0; i < n && i < PEOPLE_CONTACT_ROWS_MAX; i++)
			people_contact_row(
			    b, i, page_form_nth(fs->in, "contact_kind", i),
			    page_form_nth(fs->in, "contact_label", i),
			    page_form_nth(fs->in, "contact_value", i));
	} else {
		for (size_t i = 0; i < p->n_contacts; i++)
			people_contact_row(
			    b, i, contact_kind_name(p->contacts[i].kind),
			    p->contacts[i].label, p->contacts[i].value);
		people_contact_row(b, p->n_contacts, "email", NULL, NULL);
	}
	if (fs->err && strncmp(fs->err->field, "contacts", 8) == 0) {
		html_raw(b, "<p class=\"error\">");
		html_txt(b, fs->err->message);
		html_raw(b, " (rows with an empty value are left out, so "
			    "count only the filled ones)</p>");
		fs->shown = true;
	}
	html_raw(b, "</fieldset>\n");
}

/* Formats a number for a field's default: "" for 0. */
static const char *people_num(struct req *r, int64_t n)
{
	return n ? arena_printf(r->arena, "%lld", (long long)n) : "";
}

/* The tags field's default: the person's tags joined with ", ". */
static const char *people_tags_text(struct req *r, const struct person *p)
{
	struct buf t;
	buf_init(&t, 64 * 1024);
	for (size_t i = 0; i < p->n_tags; i++) {
		if (i)
			buf_puts(&t, ", ");
		buf_puts(&t, p->tags[i]);
	}
	const char *s = arena_strdup(r->arena, buf_str(&t));
	buf_free(&t);
	return s;
}

/* Writes the person form posting to action. */
static void people_form(struct buf *b, struct req *r, struct page_fields *fs,
			const struct person *p, const struct organization *orgs,
			size_t n_orgs, const char *action, const char *submit)
{
	page_form_start(b, action, submit);
	page_input(b, fs, "text", "given_name", "First name", p->given_name,
		   true, NULL);
	page_input(b, fs, "text", "family_name", "Last name", p->family_name,
		   false, NULL);
	struct page_option *opts =
	    arena_alloc(r->arena, (n_orgs + 2) * sizeof(*opts));
	size_t n = 0;
	opts[n++] = (struct page_option){"", "(none)"};
	bool listed = !p->org_id;
	for (size_t i = 0; i < n_orgs; i++) {
		listed |= orgs[i].id == p->org_id;
		opts[n++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)orgs[i].id),
		    orgs[i].name};
	}
	if (!listed)
		opts[n++] = (struct page_option){people_num(r, p->org_id),
						 p->org_name ? p->org_name
							     : "(current)"};
	page_select(b, fs, "org_id", "Organization", opts, n,
		    people_num(r, p->org_id));
	page_input(b, fs, "text", "title", "Title", p->title, false, NULL);
	people_contacts(b, fs, p);
	page_input(b, fs, "text", "tags", "Tags", people_tags_text(r, p), false,
		   "Separated by commas, e.g. client, golf.");
	page_textarea(b, fs, "how_met", "How you met", p->how_met, 2, false);
	char met[DATE_STR_MAX] = "";
	if (p->has_met_on)
		date_format(p->met_on, met);
	page_input(b, fs, "date", "met_on", "Met on", met, false, "YYYY-MM-DD");
	page_input(b, fs, "number", "referred_by", "Referred by (person id)",
		   people_num(r, p->referred_by), false,
		   "The number at the end of their page's address.");
	page_input(b, fs, "number", "cadence_days",
		   "Keep in touch every (days)", people_num(r, p->cadence_days),
		   false, "Leave empty to take it from their tags.");
	page_input(b, fs, "number", "cadence_max_days",
		   "Never let it go longer than (days)",
		   people_num(r, p->cadence_max_days), false, NULL);
	page_textarea(b, fs, "notes", "Notes", p->notes, 4, false);
	page_shared_box(b, fs, p->id == 0 || p->shared);
	page_form_end(b, fs, submit);
}

/* Splits the tags field at commas into p's tags, lower-cased. */
static void people_read_tags(struct req *r, const char *s, struct person *p)
{
	p->tags = NULL;
	p->n_tags = 0;
	if (!s)
		return;
	size_t max = 1;
	for (const char *c = s; *c; c++)
		max += *c == ',';
	p->tags = arena_alloc(r->arena, max * sizeof(*p->tags));
	while (*s) {
		const char *end = strchr(s, ',');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		while (n && (*s == ' ' || *s == '\t' || *s == '\n')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			     s[n - 1] == '\n'))
			n--;
		if (n) {
			char *t = arena_strndup(r->arena, s, n);
			for (char *c = t; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
			p->tags[p->n_tags++] = t;
		}
		if (!end)
			break;
		s = end + 1;
	}
}

/* Reads the contact rows; rows with an empty value are left out. */
static enum result people_read_contacts(struct req *r,
					const struct page_form *f,
					struct person *p, struct error *err)
{
	size_t n = page_form_count(f, "contact_value");
	p->contacts = arena_alloc(r->arena, (n + 1) * sizeof(*p->contacts));
	p->n_contacts = 0;
	for (size_t i = 0; i < n; i++) {
		const char *v = page_form_nth(f, "contact_value", i);
		const char *k = page_form_nth(f, "contact_kind", i);
		const char *l = page_form_nth(f, "contact_label", i);
		while (v && (*v == ' ' || *v == '\t'))
			v++;
		if (!v || !v[0])
			continue;
		struct contact *c = &p->contacts[p->n_contacts];
		if (!k || !contact_kind_parse(k, &c->kind))
			return error_set(err, R_INVALID, "contacts",
					 "contacts: a kind must be one of %s",
					 contact_kind_list());
		c->id = 0;
		c->value = v;
		c->label = l && l[0] ? l : NULL;
		p->n_contacts++;
	}
	return R_OK;
}

/* Overwrites p's editable fields with the form's. */
static enum result people_read(struct req *r, const struct page_form *f,
			       struct person *p, struct error *err)
{
	p->given_name = page_form_text(r->arena, f, "given_name");
	p->family_name = page_form_text(r->arena, f, "family_name");
	p->title = page_form_text(r->arena, f, "title");
	p->how_met = page_form_text(r->arena, f, "how_met");
	p->notes = page_form_text(r->arena, f, "notes");
	people_read_tags(r, page_form_get(f, "tags"), p);
	page_form_shared(f, &p->shared, &p->has_shared);
	enum result res = page_form_id(f, "org_id", &p->org_id, err);
	if (res == R_OK)
		res = page_form_id(f, "referred_by", &p->referred_by, err);
	if (res == R_OK)
		res = page_form_date(f, "met_on", &p->has_met_on, &p->met_on,
				     err);
	if (res == R_OK)
		res =
		    page_form_int(f, "cadence_days", 0, MODEL_CADENCE_MAX_DAYS,
				  0, &p->cadence_days, err);
	if (res == R_OK)
		res = page_form_int(f, "cadence_max_days", 0,
				    MODEL_CADENCE_MAX_DAYS, 0,
				    &p->cadence_max_days, err);
	if (res == R_OK)
		res = people_read_contacts(r, f, p, err);
	if (res == R_OK && !p->given_name)
		res = error_set(err, R_INVALID, "given_name",
				"given_name: is required (the person's first "
				"name)");
	if (res == R_OK)
		res = validate_person(p, err);
	return res;
}

/* Renders the new or edit page, with fs's typed values and error. */
static enum result people_form_page(struct req *r, const struct person *p,
				    const struct page_form *in,
				    const struct error *shown, int status,
				    struct error *err)
{
	struct organization *orgs = NULL;
	size_t n_orgs = 0;
	bool more = false;
	struct store_page all = {0, STORE_LIMIT_MAX};
	enum result res = store_org_list(r->store, r->arena, &all, &orgs,
					 &n_orgs, &more, err);
	if (res != R_OK)
		return res;
	struct page_fields fs = {in, shown, "person", false};
	struct buf b;
	bool editing = p->id != 0;
	const char *name = page_name(r, p->given_name, p->family_name);
	page_begin(&b, editing ? "Edit person" : "Add a person",
		   PAGE_NAV_PEOPLE);
	if (editing) {
		html_raw(&b, "<p class=\"crumbs\">");
		page_person_link(&b, p->id, name);
		html_raw(&b, "</p>\n<h1>Edit ");
		html_txt(&b, name);
		html_raw(&b, "</h1>\n");
	} else {
		html_raw(&b, "<h1>Add a person</h1>\n");
	}
	const char *action =
	    editing
		? arena_printf(r->arena, "/people/%lld/edit", (long long)p->id)
		: "/people/new";
	people_form(&b, r, &fs, p, orgs, n_orgs, action,
		    editing ? "Save changes" : "Add person");
	if (editing) {
		html_raw(&b, "<h2>Delete</h2>\n");
		page_form_start(&b,
				arena_printf(r->arena, "/people/%lld/delete",
					     (long long)p->id),
				"Delete this person");
		html_raw(&b,
			 "<div class=\"field check\"><input type=\"checkbox\" "
			 "id=\"delete-confirm\" name=\"confirm\" "
			 "value=\"yes\" required><label "
			 "for=\"delete-confirm\">Yes, delete ");
		html_txt(&b, name);
		html_raw(&b, " with their facts, dates and relationships"
			     "</label></div>\n");
		struct page_fields dfs = {NULL, NULL, "delete", false};
		page_form_end(&b, &dfs, "Delete");
	}
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /people/new. */
enum result page_people_new(struct req *r, struct error *err)
{
	struct person p = {0};
	return people_form_page(r, &p, NULL, NULL, 200, err);
}

/* The status a failed save is shown with. */
static int people_status(enum result res)
{
	return res == R_CONFLICT ? 409 : 422;
}

/* Handles POST /people/new: 303 to the new person, or 422 with the form. */
enum result page_people_create(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct person p = {0};
	struct error bad = {0};
	res = people_read(r, &f, &p, &bad);
	if (res == R_OK)
		res = store_person_create(r->store, &p, &bad);
	if (res == R_OK)
		return page_redirect(
		    r, arena_printf(r->arena, "/people/%lld", (long long)p.id));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = bad;
		return res;
	}
	struct person empty = {0};
	return people_form_page(r, &empty, &f, &bad, people_status(res), err);
}

/* Renders GET /people/{id}/edit. */
enum result page_people_edit(struct req *r, struct error *err)
{
	int64_t id;
	struct person p;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, id, &p, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return people_form_page(r, &p, NULL, NULL, 200, err);
}

/* Handles POST /people/{id}/edit. */
enum result page_people_update(struct req *r, struct error *err)
{
	int64_t id;
	struct person p;
	struct page_form f;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, id, &p, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct person was = p;
	struct error bad = {0};
	res = people_read(r, &f, &p, &bad);
	if (res == R_OK)
		res = store_person_update(r->store, &p, &bad);
	if (res == R_OK)
		return page_redirect(
		    r, arena_printf(r->arena, "/people/%lld", (long long)id));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = bad;
		return res;
	}
	return people_form_page(r, &was, &f, &bad, people_status(res), err);
}

/* Handles POST /people/{id}/delete: needs confirm=yes. */
enum result page_people_delete(struct req *r, struct error *err)
{
	int64_t id;
	struct person p;
	struct page_form f;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, id, &p, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	const char *c = page_form_get(&f, "confirm");
	if (!c || strcmp(c, "yes") != 0) {
		struct error bad = {0};
		error_set(&bad, R_INVALID, "confirm",
			  "confirm: tick the box to say you mean to delete "
			  "this person");
		struct buf b;
		page_begin(&b, "Delete person", PAGE_NAV_PEOPLE);
		html_raw(&b,
			 "<h1>Nothing was deleted</h1>\n<p class=\"error\">");
		html_txt(&b, bad.message);
		html_raw(&b, "</p>\n<p><a href=\"/people/");
		html_int(&b, id);
		html_raw(&b, "/edit\">Back to the form</a></p>\n");
		page_end(&b);
		return page_reply(r, &b, 422, err);
	}
	res = store_person_delete(r->store, id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return page_redirect(r, "/people");
}
