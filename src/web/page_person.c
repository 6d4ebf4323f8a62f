/*
 * page_person.c: one person's page with its forms (web layer): add,
 * change or remove a fact, an important date, a touch or a relationship
 * in place; the handlers are in page_person_edit.c.
 *
 * The page leads with what a seller who knows people as people needs
 * before a call: family and kids' names, passions, likes and dislikes;
 * then the dates that matter to them, how you met and who introduced you,
 * their relationships told from their side and the people they
 * introduced, how to reach them, the deals on whose committee they sit,
 * and every touch on a timeline, newest first, a page at a time.
 *
 * Each form POSTs to its own path. On success the answer is 303 back to
 * the page (so a reload does not post twice); on bad input the whole
 * page is rendered again with status 422, that form (and the <details>
 * around it) open, keeping what was typed, with the message beside the
 * field at fault.
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
#include "web/page_person.h"

#define PERSON_TIMELINE_PAGE 50
#define PERSON_REFERRED_MAX  100

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
	struct relationship_type *types; /* for the relationship form */
	size_t n_types;
	struct person *referred; /* people they introduced */
	size_t n_referred;
	bool more_referred;
	int64_t today;
	const struct page_person_failed *failed;
};

/* The fields state of form (about item): what was typed and the error
 * when it is the form that failed. */
static struct page_fields person_fields(const struct person_view *v,
					enum page_person_form form,
					int64_t item, const char *prefix)
{
	struct page_fields fs = {NULL, NULL, prefix, false};
	const struct page_person_failed *x = v->failed;
	if (x && x->form == form && x->item == item) {
		fs.in = x->in;
		fs.err = x->bad;
	}
	return fs;
}

/* Opens a <details> that starts open when fs shows an error. */
static void person_details(struct buf *b, const struct page_fields *fs,
			   const char *summary)
{
	html_raw(b, fs->err ? "<details class=\"quick\" open><summary>"
			    : "<details class=\"quick\"><summary>");
	html_txt(b, summary);
	html_raw(b, "</summary>\n");
}

/* A small form with only a button, posting to action. */
static void person_button(struct buf *b, struct page_fields *fs,
			  const char *action, const char *label,
			  const char *submit)
{
	page_form_start(b, action, label);
	page_form_end(b, fs, submit);
}

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
	if (res == R_OK)
		res = store_reltype_list(r->store, r->arena, &v->types,
					 &v->n_types, err);
	if (res == R_OK)
		res = store_person_list_referred(
		    r->store, r->arena, id, PERSON_REFERRED_MAX, &v->referred,
		    &v->n_referred, &v->more_referred, err);
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
	if (v->p.owner_user) {
		html_raw(b, "<p class=\"meta\">");
		page_owner_line(b, v->p.owner_user, v->p.shared);
		html_raw(b, "</p>\n");
	}
}

/* An action path under the person: /people/ID/rest. */
static const char *person_path(struct req *r, const struct person_view *v,
			       const char *rest)
{
	return arena_printf(r->arena, "/people/%lld/%s", (long long)v->p.id,
			    rest);
}

/* The forms that change fact f or remove it. */
static void person_fact_edit(struct buf *b, struct req *r,
			     const struct person_view *v, const struct fact *f)
{
	const char *base =
	    arena_printf(r->arena, "facts/%lld", (long long)f->id);
	struct page_fields fs =
	    person_fields(v, PERSON_FORM_FACT_EDIT, f->id,
			  arena_printf(r->arena, "f%lld", (long long)f->id));
	struct page_fields ds = person_fields(
	    v, PERSON_FORM_FACT_DELETE, f->id,
	    arena_printf(r->arena, "f%lld-delete", (long long)f->id));
	struct page_fields open = {NULL, fs.err ? fs.err : ds.err, "", false};
	person_details(b, &open, "Change or remove");
	page_form_start(
	    b, person_path(r, v, base),
	    arena_printf(r->arena, "Change fact %lld", (long long)f->id));
	page_select(b, &fs, "kind", "Kind", person_fact_kinds,
		    COUNT(person_fact_kinds), fact_kind_name(f->kind));
	page_input(b, &fs, "text", "label", "Label", f->label, false, NULL);
	page_input(b, &fs, "text", "value", "What", f->value, true, NULL);
	page_form_end(b, &fs, "Save fact");
	person_button(
	    b, &ds,
	    person_path(r, v, arena_printf(r->arena, "%s/delete", base)),
	    arena_printf(r->arena, "Remove fact %lld", (long long)f->id),
	    "Remove fact");
	html_raw(b, "</details>\n");
}

static void person_facts(struct buf *b, struct req *r,
			 const struct person_view *v)
{
	struct page_fields add = person_fields(v, PERSON_FORM_FACT, 0, "fact");
	struct page_fields *fs = &add;
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
			html_raw(b, "<li id=\"fact-");
			html_int(b, f->id);
			html_raw(b, "\">");
			if (f->label && f->label[0]) {
				html_raw(b, "<span class=\"label\">");
				html_txt(b, f->label);
				html_raw(b, ":</span> ");
			}
			html_txt(b, f->value);
			person_fact_edit(b, r, v, f);
			html_raw(b, "</li>\n");
		}
		if (any)
			html_raw(b, "</ul>\n");
	}
	person_details(b, fs, "Add a fact");
	page_form_start(b, person_path(r, v, "facts"), "Add a fact");
	page_select(b, fs, "kind", "Kind", person_fact_kinds,
		    COUNT(person_fact_kinds), "family");
	page_input(b, fs, "text", "label", "Label", NULL, false,
		   "e.g. daughter, team, coffee");
	page_input(b, fs, "text", "value", "What", NULL, true, "e.g. Maya, 7");
	page_form_end(b, fs, "Add fact");
	html_raw(b, "</details></section>\n");
}

/* The date fields, with d's values as defaults (NULL: a new date). */
static void person_date_fields(struct buf *b, struct req *r,
			       struct page_fields *fs,
			       const struct important_date *d)
{
	page_select(b, fs, "kind", "Kind", person_date_kinds,
		    COUNT(person_date_kinds),
		    d ? date_kind_name(d->kind) : "birthday");
	page_input(b, fs, "text", "label", "Label (for other dates)",
		   d ? d->label : NULL, false, NULL);
	page_select(b, fs, "month", "Month", person_months,
		    COUNT(person_months),
		    d ? person_months[d->month - 1].value : "1");
	page_input(b, fs, "number", "day", "Day",
		   d ? arena_printf(r->arena, "%d", d->day) : NULL, true, NULL);
	page_input(b, fs, "number", "year", "Year",
		   d && d->year ? arena_printf(r->arena, "%d", d->year) : NULL,
		   false, "Leave empty when you do not know it.");
	page_input(b, fs, "number", "remind_days",
		   "Remind this many days ahead",
		   d ? arena_printf(r->arena, "%d", d->remind_days) : "14",
		   false, NULL);
}

static void person_date_edit(struct buf *b, struct req *r,
			     const struct person_view *v,
			     const struct important_date *d)
{
	const char *base =
	    arena_printf(r->arena, "dates/%lld", (long long)d->id);
	struct page_fields fs =
	    person_fields(v, PERSON_FORM_DATE_EDIT, d->id,
			  arena_printf(r->arena, "d%lld", (long long)d->id));
	struct page_fields ds = person_fields(
	    v, PERSON_FORM_DATE_DELETE, d->id,
	    arena_printf(r->arena, "d%lld-delete", (long long)d->id));
	struct page_fields open = {NULL, fs.err ? fs.err : ds.err, "", false};
	person_details(b, &open, "Change or remove");
	page_form_start(
	    b, person_path(r, v, base),
	    arena_printf(r->arena, "Change date %lld", (long long)d->id));
	person_date_fields(b, r, &fs, d);
	page_form_end(b, &fs, "Save date");
	person_button(
	    b, &ds,
	    person_path(r, v, arena_printf(r->arena, "%s/delete", base)),
	    arena_printf(r->arena, "Remove date %lld", (long long)d->id),
	    "Remove date");
	html_raw(b, "</details>\n");
}

static void person_dates(struct buf *b, struct req *r,
			 const struct person_view *v)
{
	struct page_fields add = person_fields(v, PERSON_FORM_DATE, 0, "date");
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
		html_raw(b, "<li id=\"date-");
		html_int(b, d->id);
		html_raw(b, "\"><span class=\"label\">");
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
		html_raw(b, "</span>");
		person_date_edit(b, r, v, d);
		html_raw(b, "</li>\n");
	}
	if (v->n_dates)
		html_raw(b, "</ul>\n");
	person_details(b, &add, "Add a date");
	page_form_start(b, person_path(r, v, "dates"), "Add a date");
	person_date_fields(b, r, &add, NULL);
	page_form_end(b, &add, "Add date");
	html_raw(b, "</details></section>\n");
}

/* The relationships, each with a form that removes it, and the form that
 * adds one: the type read from this person's side, the other person by
 * id or by name. */
static void person_rels(struct buf *b, struct req *r,
			const struct person_view *v)
{
	const struct person *p = &v->p;
	html_raw(b, "<h3 id=\"rels-h\">Relationships</h3>\n");
	if (v->n_rels)
		html_raw(b, "<ul class=\"list\">\n");
	struct buf t;
	buf_init(&t, 4096);
	for (size_t i = 0; i < v->n_rels; i++) {
		const struct relationship *x = &v->rels[i];
		buf_reset(&t);
		relationship_describe(x, p->id, &t);
		html_raw(b, "<li><a href=\"/people/");
		html_int(b, relationship_other(x, p->id));
		html_raw(b, "\">");
		html_txt(b, buf_str(&t));
		html_raw(b, "</a>");
		struct page_fields ds = person_fields(
		    v, PERSON_FORM_REL_DELETE, x->id,
		    arena_printf(r->arena, "r%lld", (long long)x->id));
		person_button(b, &ds,
			      person_path(r, v,
					  arena_printf(r->arena,
						       "relationships/%lld/"
						       "delete",
						       (long long)x->id)),
			      arena_printf(r->arena, "Remove relationship %lld",
					   (long long)x->id),
			      "Remove");
		html_raw(b, "</li>\n");
	}
	buf_free(&t);
	if (v->n_rels)
		html_raw(b, "</ul>\n");
	struct page_fields fs = person_fields(v, PERSON_FORM_REL, 0, "rel");
	person_details(b, &fs, "Add a relationship");
	page_form_start(b, person_path(r, v, "relationships"),
			"Add a relationship");
	/* "7" reads the type from this person's side (label), "-7" from
	 * the other's (inverse label), when the two differ. */
	struct page_option *o =
	    arena_alloc(r->arena, (2 * v->n_types + 1) * sizeof(*o));
	size_t n = 0;
	for (size_t i = 0; i < v->n_types; i++) {
		const struct relationship_type *ty = &v->types[i];
		o[n++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)ty->id),
		    arena_printf(r->arena, "%s is %s …", v->name, ty->label)};
		if (strcmp(ty->label, ty->inverse_label) != 0)
			o[n++] = (struct page_option){
			    arena_printf(r->arena, "-%lld", (long long)ty->id),
			    arena_printf(r->arena, "%s is %s …", v->name,
					 ty->inverse_label)};
	}
	page_select(b, &fs, "type", "Relationship", o, n, n ? o[0].value : "");
	page_input(b, &fs, "text", "other", "The other person", NULL, true,
		   "Their name, or the number at the end of their page's "
		   "address.");
	page_input(b, &fs, "text", "notes", "Notes", NULL, false, NULL);
	page_form_end(b, &fs, "Add relationship");
	html_raw(b, "</details>\n");
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
	if (!any)
		html_raw(b, "<p class=\"empty\">Not written down yet.</p>\n");
	if (v->n_referred) {
		html_raw(b, "<h3 id=\"referred-h\">People they introduced"
			    "</h3>\n<ul class=\"list referred\">\n");
		for (size_t i = 0; i < v->n_referred; i++) {
			const struct person *x = &v->referred[i];
			html_raw(b, "<li>");
			page_person_link(
			    b, x->id,
			    page_name(r, x->given_name, x->family_name));
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
		if (v->more_referred)
			html_raw(b, "<p class=\"why\">Only the first 100 are "
				    "listed.</p>\n");
	}
	person_rels(b, r, v);
	html_raw(b, "</section>\n");
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

/* The touch fields, with t's values as defaults (NULL: a new touch). */
static void person_touch_fields(struct buf *b, struct req *r,
				const struct person_view *v,
				struct page_fields *fs,
				const struct interaction *t)
{
	char *on = arena_alloc(r->arena, DATE_STR_MAX);
	date_format(t ? time_local_days(t->occurred_at, 0) : v->today, on);
	char *fu = NULL;
	if (t && t->has_follow_up) {
		fu = arena_alloc(r->arena, DATE_STR_MAX);
		date_format(t->follow_up_on, fu);
	}
	page_select(b, fs, "kind", "Kind", person_touch_kinds,
		    COUNT(person_touch_kinds),
		    t ? interaction_kind_name(t->kind) : "call");
	page_input(b, fs, "date", "on", "On", on, true, "YYYY-MM-DD");
	page_input(b, fs, "text", "summary", "What happened",
		   t ? t->summary : NULL, true, NULL);
	page_textarea(b, fs, "notes", "Notes", t ? t->notes : NULL, 3, false);
	page_input(b, fs, "date", "follow_up_on", "Follow up on", fu, false,
		   "Leave empty for no follow-up.");
	if (t) {
		static const struct page_option done[] = {{"no", "Not yet"},
							  {"yes", "Done"}};
		page_select(b, fs, "follow_up_done", "Follow-up", done,
			    COUNT(done), t->follow_up_done ? "yes" : "no");
	}
}

static void person_touch_form(struct buf *b, struct req *r,
			      const struct person_view *v)
{
	struct page_fields fs = person_fields(v, PERSON_FORM_TOUCH, 0, "touch");
	person_details(b, &fs, "Log a touch");
	page_form_start(b, person_path(r, v, "interactions"), "Log a touch");
	person_touch_fields(b, r, v, &fs, NULL);
	page_form_end(b, &fs, "Log touch");
	html_raw(b, "</details>\n");
}

static void person_touch_edit(struct buf *b, struct req *r,
			      const struct person_view *v,
			      const struct interaction *t)
{
	const char *base =
	    arena_printf(r->arena, "interactions/%lld", (long long)t->id);
	struct page_fields fs =
	    person_fields(v, PERSON_FORM_TOUCH_EDIT, t->id,
			  arena_printf(r->arena, "t%lld", (long long)t->id));
	struct page_fields ds = person_fields(
	    v, PERSON_FORM_TOUCH_DELETE, t->id,
	    arena_printf(r->arena, "t%lld-delete", (long long)t->id));
	struct page_fields open = {NULL, fs.err ? fs.err : ds.err, "", false};
	person_details(b, &open, "Change or remove");
	page_form_start(
	    b, person_path(r, v, base),
	    arena_printf(r->arena, "Change touch %lld", (long long)t->id));
	person_touch_fields(b, r, v, &fs, t);
	page_form_end(b, &fs, "Save touch");
	person_button(
	    b, &ds,
	    person_path(r, v, arena_printf(r->arena, "%s/delete", base)),
	    arena_printf(r->arena, "Remove touch %lld", (long long)t->id),
	    t->n_people > 1 ? "Remove it for everyone on it" : "Remove touch");
	html_raw(b, "</details>\n");
}

static void person_timeline(struct buf *b, struct req *r,
			    const struct person_view *v)
{
	html_raw(b, "<section aria-labelledby=\"touch-h\"><h2 id=\"touch-h\">"
		    "Timeline</h2>\n");
	person_touch_form(b, r, v);
	if (!v->n_touches)
		html_raw(b, "<p class=\"empty\">No touches yet.</p>\n");
	else
		html_raw(b, "<ol class=\"timeline\">\n");
	for (size_t i = 0; i < v->n_touches; i++) {
		const struct interaction *t = &v->touches[i];
		html_raw(b, "<li id=\"touch-");
		html_int(b, t->id);
		html_raw(b, "\"><span class=\"when\">");
		page_time_day(b, t->occurred_at);
		html_raw(b, "</span> <span class=\"kind\">");
		html_txt(b, interaction_kind_name(t->kind));
		html_raw(b, "</span> ");
		html_txt(b, t->summary);
		if (t->deal_id) {
			html_raw(b, " <a class=\"why\" href=\"/deals/");
			html_int(b, t->deal_id);
			html_raw(b, "\">on a deal</a>");
		}
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
		person_touch_edit(b, r, v, t);
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

enum result page_person_render(struct req *r, int64_t id, int64_t after,
			       const struct page_person_failed *failed,
			       int status, struct error *err)
{
	struct person_view v;
	enum result res = person_load(r, id, after, &v, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	v.failed = failed;
	struct buf b;
	page_begin(&b, v.name, PAGE_NAV_PEOPLE);
	person_heading(&b, &v);
	html_raw(&b, "<div class=\"columns\"><div>\n");
	person_facts(&b, r, &v);
	person_dates(&b, r, &v);
	person_ties(&b, r, &v);
	person_contact(&b, &v);
	res = page_deal_list_for(&b, r, v.p.org_id, v.p.id, err);
	if (res != R_OK) {
		buf_free(&b);
		return res;
	}
	html_raw(&b, "</div><div>\n");
	person_timeline(&b, r, &v);
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
	return page_person_render(r, id, after, NULL, 200, err);
}
