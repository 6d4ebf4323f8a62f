/*
 * page_person.c: one person's page, and the quick forms on it that add a
 * fact, an important date or an interaction in place (web layer).
 *
 * The page leads with what a seller who knows people as people needs
 * before a call: family and kids' names, passions, likes and dislikes;
 * then the dates that matter to them, how you met and who introduced you,
 * their relationships told from their side, how to reach them, and every
 * touch on a timeline, newest first, a page at a time.
 *
 * Each quick form POSTs to its own path. On success the answer is 303
 * back to the page (so a reload does not post twice); on bad input the
 * whole page is rendered again with status 422, that form keeping what
 * was typed and the message beside the field at fault.
 */
#include "web/page.h"

#include <stdio.h>
#include <string.h>

#include "core/relationship.h"
#include "core/today.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web/page_deal.h"

#define PERSON_TIMELINE_PAGE  50
#define PERSON_REMIND_DEFAULT 14

/* Which quick form is shown again with an error. */
enum person_form {
	PERSON_FORM_NONE,
	PERSON_FORM_FACT,
	PERSON_FORM_DATE,
	PERSON_FORM_TOUCH
};

/* The order facts are shown in, with the heading of each kind. */
static const struct {
	enum fact_kind kind;
	const char *heading;
} person_fact_order[] = {
    {FACT_FAMILY, "Family"},
    {FACT_PASSION, "Passions"},
    {FACT_LIKE, "Likes"},
    {FACT_DISLIKE, "Dislikes"},
    {FACT_FOOD, "Food"},
    {FACT_PET, "Pets"},
    {FACT_MILESTONE, "Milestones"},
    {FACT_OTHER, "Other"},
};

static const struct page_option person_fact_kinds[] = {
    {"family", "Family"},	{"passion", "Passion"}, {"like", "Like"},
    {"dislike", "Dislike"},	{"food", "Food"},	{"pet", "Pet"},
    {"milestone", "Milestone"}, {"other", "Other"},
};

static const struct page_option person_date_kinds[] = {
    {"birthday", "Birthday"},
    {"anniversary", "Anniversary"},
    {"custom", "Other (give it a label)"},
};

static const struct page_option person_months[] = {
    {"1", "January"},  {"2", "February"},  {"3", "March"},
    {"4", "April"},    {"5", "May"},	   {"6", "June"},
    {"7", "July"},     {"8", "August"},	   {"9", "September"},
    {"10", "October"}, {"11", "November"}, {"12", "December"},
};

static const struct page_option person_touch_kinds[] = {
    {"call", "Call"},
    {"meeting", "Meeting"},
    {"email", "Email"},
    {"message", "Message"},
    {"note", "Note"},
    {"gift", "Gift"},
    {"help", "Help given, nothing asked"},
    {"ask", "Asked for the business"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Everything the page shows, read in one go. */
struct person_view {
	struct person p;
	const char *name;
	const char *referrer; /* referred_by's name, or NULL */
	struct fact *facts;
	size_t n_facts;
	struct important_date *dates;
	size_t n_dates;
	struct relationship *rels;
	size_t n_rels;
	struct interaction *touches;
	size_t n_touches;
	bool more_touches;
	int64_t today;
};

static enum result person_load(struct req *r, int64_t id, int64_t after,
			       struct person_view *v, struct error *err)
{
	memset(v, 0, sizeof(*v));
	v->today = time_local_days(r->now, 0);
	enum result res = store_person_get(r->store, r->arena, id, &v->p, err);
	if (res != R_OK)
		return res;
	v->name = page_name(r, v->p.given_name, v->p.family_name);
	if (v->p.referred_by) {
		struct person ref;
		if (store_person_get(r->store, r->arena, v->p.referred_by, &ref,
				     NULL) == R_OK)
			v->referrer =
			    page_name(r, ref.given_name, ref.family_name);
	}
	struct store_page page = {after, PERSON_TIMELINE_PAGE};
	res = store_fact_list(r->store, r->arena, id, &v->facts, &v->n_facts,
			      err);
	if (res == R_OK)
		res = store_date_list(r->store, r->arena, id, &v->dates,
				      &v->n_dates, err);
	if (res == R_OK)
		res = store_relationship_list(r->store, r->arena, id, &v->rels,
					      &v->n_rels, err);
	if (res == R_OK)
		res = store_interaction_list(r->store, r->arena, id, &page,
					     &v->touches, &v->n_touches,
					     &v->more_touches, err);
	return res;
}

/* ---- sections ---- */

static void person_heading(struct buf *b, const struct person_view *v)
{
	html_raw(b, "<div class=\"title-row\"><h1>");
	html_txt(b, v->name);
	html_raw(b, "</h1><a class=\"button\" href=\"/people/");
	html_int(b, v->p.id);
	html_raw(b, "/edit\">Edit</a></div>\n");
	if ((v->p.title && v->p.title[0]) || v->p.org_id) {
		html_raw(b, "<p class=\"lead\">");
		html_txt(b, v->p.title);
		if (v->p.org_id) {
			html_raw(b, v->p.title && v->p.title[0] ? " at " : "");
			html_raw(b, "<a href=\"/organizations/");
			html_int(b, v->p.org_id);
			html_raw(b, "\">");
			html_txt(b, v->p.org_name);
			html_raw(b, "</a>");
		}
		html_raw(b, "</p>\n");
	}
}

static void person_facts(struct buf *b, const struct person_view *v,
			 struct page_fields *fs)
{
	html_raw(b, "<section aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">"
		    "Personal</h2>\n");
	if (!v->n_facts)
		html_raw(b,
			 "<p class=\"empty\">Nothing yet. What do they love, "
			 "who is their family?</p>\n");
	for (size_t k = 0; k < COUNT(person_fact_order); k++) {
		bool any = false;
		for (size_t i = 0; i < v->n_facts; i++) {
			const struct fact *f = &v->facts[i];
			if (f->kind != person_fact_order[k].kind)
				continue;
			if (!any) {
				html_raw(b, "<h3>");
				html_raw(b, person_fact_order[k].heading);
				html_raw(b, "</h3>\n<ul class=\"facts\">\n");
				any = true;
			}
			html_raw(b, "<li>");
			if (f->label && f->label[0]) {
				html_raw(b, "<span class=\"label\">");
				html_txt(b, f->label);
				html_raw(b, ":</span> ");
			}
			html_txt(b, f->value);
			html_raw(b, "</li>\n");
		}
		if (any)
			html_raw(b, "</ul>\n");
	}
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Add a fact</summary>\n");
	char action[64];
	snprintf(action, sizeof(action), "/people/%lld/facts",
		 (long long)v->p.id);
	page_form_start(b, action, "Add a fact");
	page_select(b, fs, "kind", "Kind", person_fact_kinds,
		    COUNT(person_fact_kinds), "family");
	page_input(b, fs, "text", "label", "Label", NULL, false,
		   "e.g. daughter, team, coffee");
	page_input(b, fs, "text", "value", "What", NULL, true, "e.g. Maya, 7");
	page_form_end(b, fs, "Add fact");
	html_raw(b, "</details></section>\n");
}

static void person_dates(struct buf *b, const struct person_view *v,
			 struct page_fields *fs)
{
	html_raw(b, "<section aria-labelledby=\"dates-h\"><h2 id=\"dates-h\">"
		    "Important dates</h2>\n");
	if (!v->n_dates)
		html_raw(b, "<p class=\"empty\">No dates yet.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < v->n_dates; i++) {
		const struct important_date *d = &v->dates[i];
		int64_t next =
		    today_next_occurrence(d->month, d->day, v->today);
		int y, m, dd;
		date_from_days(next, &y, &m, &dd);
		html_raw(b, "<li><span class=\"label\">");
		if (d->kind == DATE_CUSTOM && d->label)
			html_txt(b, d->label);
		else
			html_raw(b, d->kind == DATE_BIRTHDAY ? "Birthday"
							     : "Anniversary");
		html_raw(b, ":</span> ");
		html_raw(b, person_months[d->month - 1].text);
		html_raw(b, " ");
		html_int(b, d->day);
		if (d->year) {
			html_raw(b, ", ");
			html_int(b, d->year);
		}
		html_raw(b, " <span class=\"why\">next ");
		page_day(b, next);
		html_raw(b, next == v->today ? " (today)" : "");
		if (d->year) {
			html_raw(b,
				 d->kind == DATE_BIRTHDAY ? ", turns " : ", ");
			html_int(b, y - d->year);
			html_raw(b, d->kind == DATE_BIRTHDAY ? "" : " years");
		}
		html_raw(b, "</span></li>\n");
	}
	if (v->n_dates)
		html_raw(b, "</ul>\n");
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Add a date</summary>\n");
	char action[64];
	snprintf(action, sizeof(action), "/people/%lld/dates",
		 (long long)v->p.id);
	page_form_start(b, action, "Add a date");
	page_select(b, fs, "kind", "Kind", person_date_kinds,
		    COUNT(person_date_kinds), "birthday");
	page_input(b, fs, "text", "label", "Label (for other dates)", NULL,
		   false, NULL);
	page_select(b, fs, "month", "Month", person_months,
		    COUNT(person_months), "1");
	page_input(b, fs, "number", "day", "Day", NULL, true, NULL);
	page_input(b, fs, "number", "year", "Year", NULL, false,
		   "Leave empty when you do not know it.");
	page_input(b, fs, "number", "remind_days",
		   "Remind this many days ahead", "14", false, NULL);
	page_form_end(b, fs, "Add date");
	html_raw(b, "</details></section>\n");
}

static void person_ties(struct buf *b, struct req *r,
			const struct person_view *v)
{
	const struct person *p = &v->p;
	html_raw(b, "<section aria-labelledby=\"met-h\"><h2 id=\"met-h\">"
		    "How you met</h2>\n");
	bool any = false;
	if (p->how_met && p->how_met[0]) {
		html_raw(b, "<p class=\"prose\">");
		html_txt(b, p->how_met);
		html_raw(b, "</p>\n");
		any = true;
	}
	if (p->has_met_on) {
		html_raw(b, "<p>Met on ");
		page_day(b, p->met_on);
		html_raw(b, ".</p>\n");
		any = true;
	}
	if (p->referred_by) {
		html_raw(b, "<p>Introduced by ");
		page_person_link(b, p->referred_by,
				 v->referrer ? v->referrer : "someone");
		html_raw(b, ".</p>\n");
		any = true;
	}
	if (v->n_rels) {
		html_raw(b, "<h3>Relationships</h3>\n<ul class=\"list\">\n");
		struct buf t;
		buf_init(&t, 4096);
		for (size_t i = 0; i < v->n_rels; i++) {
			buf_reset(&t);
			relationship_describe(&v->rels[i], p->id, &t);
			html_raw(b, "<li><a href=\"/people/");
			html_int(b, relationship_other(&v->rels[i], p->id));
			html_raw(b, "\">");
			html_txt(b, buf_str(&t));
			html_raw(b, "</a></li>\n");
		}
		buf_free(&t);
		html_raw(b, "</ul>\n");
		any = true;
	}
	if (!any)
		html_raw(b, "<p class=\"empty\">Not written down yet.</p>\n");
	html_raw(b, "</section>\n");
	(void)r;
}

static void person_contact(struct buf *b, const struct person_view *v)
{
	const struct person *p = &v->p;
	html_raw(b, "<section aria-labelledby=\"reach-h\"><h2 id=\"reach-h\">"
		    "Keeping in touch</h2>\n<dl class=\"facts\">\n");
	for (size_t i = 0; i < p->n_contacts; i++) {
		const struct contact *c = &p->contacts[i];
		html_raw(b, "<dt>");
		html_txt(b, contact_kind_name(c->kind));
		if (c->label) {
			html_raw(b, " (");
			html_txt(b, c->label);
			html_raw(b, ")");
		}
		html_raw(b, "</dt><dd>");
		html_txt(b, c->value);
		html_raw(b, "</dd>\n");
	}
	html_raw(b, "<dt>Last touch</dt><dd>");
	if (p->last_touch)
		page_time_day(b, p->last_touch);
	else
		html_raw(b, "never");
	html_raw(b, "</dd>\n<dt>Cadence</dt><dd>");
	if (p->cadence_days) {
		html_raw(b, "every ");
		html_int(b, p->cadence_days);
		html_raw(b, " days");
	} else {
		html_raw(b, "from their tags");
	}
	html_raw(b, "</dd>\n");
	if (p->n_tags) {
		html_raw(b, "<dt>Tags</dt><dd>");
		for (size_t i = 0; i < p->n_tags; i++) {
			html_raw(b, "<a class=\"tag\" href=\"/people?tag=");
			html_url_arg(b, p->tags[i]);
			html_raw(b, "\">");
			html_txt(b, p->tags[i]);
			html_raw(b, "</a> ");
		}
		html_raw(b, "</dd>\n");
	}
	html_raw(b, "</dl>\n");
	if (p->notes && p->notes[0]) {
		html_raw(b, "<h3>Notes</h3>\n<p class=\"prose\">");
		html_txt(b, p->notes);
		html_raw(b, "</p>\n");
	}
	html_raw(b, "</section>\n");
}

static void person_touch_form(struct buf *b, const struct person_view *v,
			      struct page_fields *fs)
{
	char today[DATE_STR_MAX];
	date_format(v->today, today);
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Log a touch</summary>\n");
	char action[64];
	snprintf(action, sizeof(action), "/people/%lld/interactions",
		 (long long)v->p.id);
	page_form_start(b, action, "Log a touch");
	page_select(b, fs, "kind", "Kind", person_touch_kinds,
		    COUNT(person_touch_kinds), "call");
	page_input(b, fs, "date", "on", "On", today, true, "YYYY-MM-DD");
	page_input(b, fs, "text", "summary", "What happened", NULL, true, NULL);
	page_textarea(b, fs, "notes", "Notes", NULL, 3, false);
	page_input(b, fs, "date", "follow_up_on", "Follow up on", NULL, false,
		   "Leave empty for no follow-up.");
	page_form_end(b, fs, "Log touch");
	html_raw(b, "</details>\n");
}

static void person_timeline(struct buf *b, const struct person_view *v,
			    struct page_fields *fs)
{
	html_raw(b, "<section aria-labelledby=\"touch-h\"><h2 id=\"touch-h\">"
		    "Timeline</h2>\n");
	person_touch_form(b, v, fs);
	if (!v->n_touches)
		html_raw(b, "<p class=\"empty\">No touches yet.</p>\n");
	else
		html_raw(b, "<ol class=\"timeline\">\n");
	for (size_t i = 0; i < v->n_touches; i++) {
		const struct interaction *t = &v->touches[i];
		html_raw(b, "<li><span class=\"when\">");
		page_time_day(b, t->occurred_at);
		html_raw(b, "</span> <span class=\"kind\">");
		html_txt(b, interaction_kind_name(t->kind));
		html_raw(b, "</span> ");
		html_txt(b, t->summary);
		if (t->has_follow_up) {
			html_raw(b, t->follow_up_done
					? " <span class=\"why\">followed up "
					: " <span class=\"why\">follow up by ");
			page_day(b, t->follow_up_on);
			html_raw(b, "</span>");
		}
		if (t->notes && t->notes[0]) {
			html_raw(b, "<p class=\"prose\">");
			html_txt(b, t->notes);
			html_raw(b, "</p>");
		}
		html_raw(b, "</li>\n");
	}
	if (v->n_touches)
		html_raw(b, "</ol>\n");
	if (v->more_touches) {
		char c[32];
		api_cursor_encode(v->touches[v->n_touches - 1].id, c);
		html_raw(b, "<p><a rel=\"next\" href=\"/people/");
		html_int(b, v->p.id);
		html_raw(b, "?cursor=");
		html_url_arg(b, c);
		html_raw(b, "#touch-h\">Older touches</a></p>\n");
	}
	html_raw(b, "</section>\n");
}

/* Renders the page; form (if any) shows in's values and bad's message. */
static enum result person_render(struct req *r, int64_t id, int64_t after,
				 enum person_form form,
				 const struct page_form *in,
				 const struct error *bad, int status,
				 struct error *err)
{
	struct person_view v;
	enum result res = person_load(r, id, after, &v, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct page_fields ff = {NULL, NULL, "fact", false};
	struct page_fields df = {NULL, NULL, "date", false};
	struct page_fields tf = {NULL, NULL, "touch", false};
	struct page_fields *which = form == PERSON_FORM_FACT	? &ff
				    : form == PERSON_FORM_DATE	? &df
				    : form == PERSON_FORM_TOUCH ? &tf
								: NULL;
	if (which) {
		which->in = in;
		which->err = bad;
	}
	struct buf b;
	page_begin(&b, v.name, PAGE_NAV_PEOPLE);
	person_heading(&b, &v);
	html_raw(&b, "<div class=\"columns\"><div>\n");
	person_facts(&b, &v, &ff);
	person_dates(&b, &v, &df);
	person_ties(&b, r, &v);
	person_contact(&b, &v);
	res = page_deal_list_for(&b, r, v.p.org_id, v.p.id, err);
	if (res != R_OK) {
		buf_free(&b);
		return res;
	}
	html_raw(&b, "</div><div>\n");
	person_timeline(&b, &v, &tf);
	html_raw(&b, "</div></div>\n");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /people/{id}. */
enum result page_person(struct req *r, struct error *err)
{
	int64_t id, after = 0;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	const char *c = api_query(r, "cursor");
	if (c && !api_cursor_decode(c, &after))
		return page_fail(r,
				 error_set(err, R_INVALID, "cursor",
					   "cursor: is not one this server "
					   "gave out (follow the page's own "
					   "links)"),
				 err);
	return person_render(r, id, after, PERSON_FORM_NONE, NULL, NULL, 200,
			     err);
}

/*
 * The end of a quick form's POST: 303 back to the page when res is R_OK,
 * the page again with 422 (409 for a conflict) when the input was at
 * fault, else the failure itself.
 */
static enum result person_after(struct req *r, int64_t id, enum result res,
				enum person_form form,
				const struct page_form *in,
				const struct error *bad, const char *anchor,
				struct error *err)
{
	if (res == R_OK)
		return page_redirect(r,
				     arena_printf(r->arena, "/people/%lld#%s",
						  (long long)id, anchor));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	return person_render(r, id, 0, form, in, bad,
			     res == R_CONFLICT ? 409 : 422, err);
}

/* Reads the person id of a quick form's path and the form; checks the
 * person exists. */
static enum result person_begin(struct req *r, int64_t *id, struct page_form *f,
				struct error *err)
{
	struct person p;
	enum result res = api_param_id(r, 0, id, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, *id, &p, err);
	if (res == R_OK)
		res = page_form_read(r, f, err);
	return res;
}

/* Handles POST /people/{id}/facts. */
enum result page_person_fact(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct fact fact = {0};
	struct error bad = {0};
	fact.person_id = id;
	fact.label = page_form_text(r->arena, &f, "label");
	fact.value = page_form_text(r->arena, &f, "value");
	const char *kind = page_form_get(&f, "kind");
	if (!kind || !fact_kind_parse(kind, &fact.kind))
		res = error_set(&bad, R_INVALID, "kind",
				"kind: must be one of %s", fact_kind_list());
	else if (!fact.value)
		res = error_set(&bad, R_INVALID, "value",
				"value: is required (what you learned, e.g. "
				"\"Maya, 7\")");
	else
		res = validate_fact(&fact, &bad);
	if (res == R_OK)
		res = store_fact_create(r->store, &fact, &bad);
	return person_after(r, id, res, PERSON_FORM_FACT, &f, &bad, "facts-h",
			    err);
}

/* Handles POST /people/{id}/dates. */
enum result page_person_date(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct important_date d = {0};
	struct error bad = {0};
	d.person_id = id;
	d.label = page_form_text(r->arena, &f, "label");
	const char *kind = page_form_get(&f, "kind");
	if (!kind || !date_kind_parse(kind, &d.kind))
		res = error_set(&bad, R_INVALID, "kind",
				"kind: must be one of %s", date_kind_list());
	if (res == R_OK)
		res = page_form_int(&f, "month", 1, 12, 0, &d.month, &bad);
	if (res == R_OK)
		res = page_form_int(&f, "day", 1, 31, 0, &d.day, &bad);
	if (res == R_OK && !d.day)
		res = error_set(&bad, R_INVALID, "day",
				"day: is required (the day of the month, 1 to "
				"31)");
	if (res == R_OK)
		res = page_form_int(&f, "year", VALIDATE_YEAR_MIN,
				    VALIDATE_YEAR_MAX, 0, &d.year, &bad);
	if (res == R_OK)
		res =
		    page_form_int(&f, "remind_days", 0, VALIDATE_REMIND_MAX,
				  PERSON_REMIND_DEFAULT, &d.remind_days, &bad);
	if (res == R_OK)
		res = validate_date(&d, &bad);
	if (res == R_OK)
		res = store_date_create(r->store, &d, &bad);
	return person_after(r, id, res, PERSON_FORM_DATE, &f, &bad, "dates-h",
			    err);
}

/* Handles POST /people/{id}/interactions. */
enum result page_person_touch(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct interaction it = {0};
	struct error bad = {0};
	it.people = &id;
	it.n_people = 1;
	it.summary = page_form_text(r->arena, &f, "summary");
	it.notes = page_form_text(r->arena, &f, "notes");
	bool has_on = false;
	int64_t on = 0;
	const char *kind = page_form_get(&f, "kind");
	if (!kind || !interaction_kind_parse(kind, &it.kind))
		res = error_set(&bad, R_INVALID, "kind",
				"kind: must be one of %s",
				interaction_kind_list());
	if (res == R_OK)
		res = page_form_date(&f, "on", &has_on, &on, &bad);
	if (res == R_OK)
		res = page_form_date(&f, "follow_up_on", &it.has_follow_up,
				     &it.follow_up_on, &bad);
	if (res == R_OK && !it.summary)
		res = error_set(&bad, R_INVALID, "summary",
				"summary: is required (a line on what "
				"happened)");
	/* A touch today is now; one on another day is noon UTC that day. */
	int64_t today = time_local_days(r->now, 0);
	it.occurred_at =
	    !has_on || on == today ? r->now : on * 86400 + 12 * 3600;
	if (res == R_OK) {
		res = validate_interaction(&it, r->now, &bad);
		if (res == R_INVALID && strcmp(bad.field, "occurred_at") == 0)
			error_set(&bad, R_INVALID, "on",
				  "on: must be a day between 1900 and today");
	}
	if (res == R_OK)
		res = store_interaction_create(r->store, &it, &bad);
	return person_after(r, id, res, PERSON_FORM_TOUCH, &f, &bad, "touch-h",
			    err);
}
