/*
 * page_deal.c: one deal's page (web layer).
 *
 * The page opens with the buyer's need and the benefit they expect, in
 * their words, because every other section serves those. Then the
 * concern ledger, first among the sections: unsettled concerns (open, or
 * answered and waiting for the buyer to confirm) stand out, each with
 * the small form for its next move; settled ones follow. Then what is
 * missing before an ask (core's readiness, in core's words), the buying
 * committee, the mutual plan with overdue steps marked, the forms that
 * move the stage or record the outcome, and a timeline of everything
 * that happened, newest first.
 *
 * Every action is a small POST form (page_deal_post.c). On bad input or
 * a move the rules refuse, the whole page is rendered again with 422 and
 * that form keeps what was typed, with the message (core's own) beside
 * it.
 */
#include "web/page_deal.h"

#include <stdlib.h>
#include <string.h>

#include "core/deal_rules.h"
#include "store/store.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web/page.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The most interactions the timeline shows. */
#define DEAL_TOUCHES_MAX STORE_LIMIT_MAX

/* Everything the page shows. */
struct deal_view {
	struct deal_full f;
	struct deal_readiness ready;
	struct deal_stall stall;
	int64_t today;
	const char *today_text;
	struct interaction *touches; /* on this deal, newest first */
	size_t n_touches;
	bool more_touches;	   /* older ones than DEAL_TOUCHES_MAX exist */
	struct person *org_people; /* candidates for the committee */
	size_t n_org_people;
	const struct page_deal_failed *failed;
};

/* ---- reading ---- */

static enum result deal_load(struct req *r, int64_t id, struct deal_view *v,
			     struct error *err)
{
	memset(v, 0, sizeof(*v));
	v->today = time_local_days(r->now, 0);
	char *t = arena_alloc(r->arena, DATE_STR_MAX);
	date_format(v->today, t);
	v->today_text = t;
	enum result res =
	    store_deal_read_full(r->store, r->arena, id, &v->f, err);
	if (res != R_OK)
		return res;
	const struct deal_full *f = &v->f;
	deal_rules_readiness(f->concerns, f->n_concerns, f->stakeholders,
			     f->n_stakeholders, f->steps, f->n_steps, v->today,
			     &v->ready);
	deal_rules_stall(f->deal.status,
			 deal_rules_last_activity(f->deal.created_at,
						  f->last_interaction, f->steps,
						  f->n_steps),
			 r->now, DEAL_STALL_DAYS_DEFAULT, &v->stall);
	struct person_filter pf = {NULL, f->deal.org_id};
	struct store_page page = {0, STORE_LIMIT_MAX};
	bool more = false;
	res = store_person_list(r->store, r->arena, &pf, &page, &v->org_people,
				&v->n_org_people, &more, err);
	if (res == R_OK)
		res = store_interaction_list_by_deal(
		    r->store, r->arena, id, DEAL_TOUCHES_MAX, &v->touches,
		    &v->n_touches, &v->more_touches, err);
	return res;
}

/* ---- helpers ---- */

/* The fields state for form (and item): what was typed and the error
 * when it is the one that failed. */
static struct page_fields deal_fields(const struct deal_view *v,
				      enum page_deal_form form, int64_t item,
				      const char *prefix)
{
	struct page_fields fs = {NULL, NULL, prefix, false};
	const struct page_deal_failed *x = v->failed;
	if (x && x->form == form && x->item == item) {
		fs.in = x->in;
		fs.err = x->bad;
	}
	return fs;
}

/* An action path under the deal: /deals/ID/rest. */
static const char *deal_path(struct req *r, const struct deal_view *v,
			     const char *rest)
{
	return arena_printf(r->arena, "/deals/%lld/%s", (long long)v->f.deal.id,
			    rest);
}

/* The name of the stakeholder id, or NULL. */
static const char *deal_stakeholder_name(struct req *r,
					 const struct deal_view *v, int64_t id)
{
	for (size_t i = 0; i < v->f.n_stakeholders; i++)
		if (v->f.stakeholders[i].id == id)
			return v->f.stakeholders[i].person_name;
	(void)r;
	return NULL;
}

/* Options listing the committee, after a first "(unknown)". */
static const struct page_option *
deal_people_options(struct req *r, const struct deal_view *v, bool by_person,
		    const char *none, size_t *n)
{
	struct page_option *o =
	    arena_alloc(r->arena, (v->f.n_stakeholders + 1) * sizeof(*o));
	*n = 0;
	o[(*n)++] = (struct page_option){"", none};
	for (size_t i = 0; i < v->f.n_stakeholders; i++) {
		const struct stakeholder *k = &v->f.stakeholders[i];
		o[(*n)++] = (struct page_option){
		    arena_printf(r->arena, "%lld",
				 (long long)(by_person ? k->person_id : k->id)),
		    k->person_name ? k->person_name : "?"};
	}
	return o;
}

static void deal_open_details(struct buf *b, const struct page_fields *fs,
			      const char *summary)
{
	html_raw(b, fs->err ? "<details class=\"quick\" open><summary>"
			    : "<details class=\"quick\"><summary>");
	html_txt(b, summary);
	html_raw(b, "</summary>\n");
}

/* ---- heading, need and benefit ---- */

static void deal_heading(struct buf *b, const struct deal_view *v)
{
	const struct deal *d = &v->f.deal;
	html_raw(b, "<p class=\"crumbs\"><a href=\"/deals\">Deals</a></p>\n"
		    "<div class=\"title-row\"><h1>");
	html_txt(b, d->title);
	html_raw(b, "</h1><a class=\"button\" href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "/edit\">Edit</a></div>\n<p class=\"lead\"><a "
		    "href=\"/organizations/");
	html_int(b, d->org_id);
	html_raw(b, "\">");
	html_txt(b, d->org_name);
	html_raw(b, "</a> · <span class=\"badge stage\">");
	html_raw(b, d->status == STATUS_OPEN
			? page_deal_stage_text(d->stage)
			: page_deal_status_text(d->status));
	html_raw(b, "</span> · ");
	page_deal_money(b, d->value_minor, d->currency);
	if (d->owner && d->owner[0]) {
		html_raw(b, " · ");
		html_txt(b, d->owner);
	}
	if (d->owner_user) {
		html_raw(b, " · ");
		page_owner_line(b, d->owner_user, d->shared);
	}
	if (d->repeat)
		html_raw(b, " · repeat business");
	html_raw(b, "</p>\n<p class=\"deal-links\"><a href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "/fit\">What fits their needs</a> · <a href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "/guide\">Decision guide</a> · <a href=\"#touch-h\">Log "
		    "a touch</a></p>\n");
	if (v->stall.stalled) {
		html_raw(b, "<p class=\"stall\">Stalled since ");
		page_time_day(b, v->stall.since);
		html_raw(b, ": ");
		html_int(b, v->stall.days_quiet);
		html_raw(b, " days without a touch or a plan step done. Find "
			    "out why, or agree to stop.</p>\n");
	}
	html_raw(b, "<div class=\"need\"><h2>Their need</h2>\n");
	if (d->need && d->need[0]) {
		html_raw(b, "<blockquote class=\"prose\">");
		html_txt(b, d->need);
		html_raw(b, "</blockquote>\n");
	} else {
		html_raw(b, "<p class=\"empty\">Not written down yet: ask them "
			    "what they need, and write it in their words."
			    "</p>\n");
	}
	html_raw(b, "<h2>The benefit they expect</h2>\n");
	if (d->benefit && d->benefit[0]) {
		html_raw(b, "<blockquote class=\"prose\">");
		html_txt(b, d->benefit);
		html_raw(b, "</blockquote>\n");
	} else {
		html_raw(b, "<p class=\"empty\">Not written down yet.</p>\n");
	}
	html_raw(b, "</div>\n");
}

/* ---- the concern ledger ---- */

static const struct page_option deal_categories[] = {
    {"price", "Price"},	  {"value", "Value"}, {"approval", "Approval"},
    {"timing", "Timing"}, {"risk", "Risk"},   {"competitor", "Competitor"},
    {"fit", "Fit"},	  {"other", "Other"},
};

/* One move's small form on concern c. */
static void deal_concern_form(struct buf *b, struct req *r,
			      const struct deal_view *v,
			      const struct concern *c, enum page_deal_form form)
{
	static const struct {
		enum page_deal_form form;
		const char *path, *prefix, *label, *submit;
	} moves[] = {
	    {PAGE_DEAL_FORM_ANSWER, "answer", "answer", "Answer concern",
	     "Record the answer"},
	    {PAGE_DEAL_FORM_RESOLVE, "resolve", "resolve", "Resolve concern",
	     "The buyer confirmed: resolved"},
	    {PAGE_DEAL_FORM_DROP, "drop", "drop", "Drop concern", "Drop it"},
	    {PAGE_DEAL_FORM_REOPEN, "reopen", "reopen", "Reopen concern",
	     "Reopen"},
	};
	size_t k = 0;
	while (moves[k].form != form)
		k++;
	const char *prefix = arena_printf(r->arena, "c%lld-%s",
					  (long long)c->id, moves[k].prefix);
	struct page_fields fs = deal_fields(v, form, c->id, prefix);
	const char *label =
	    arena_printf(r->arena, "%s %lld", moves[k].label, (long long)c->id);
	bool small = form == PAGE_DEAL_FORM_RESOLVE;
	if (!small)
		deal_open_details(b, &fs,
				  form == PAGE_DEAL_FORM_ANSWER &&
					  c->status == CSTATUS_ANSWERED
				      ? "Give a better answer"
				  : form == PAGE_DEAL_FORM_ANSWER ? "Answer it"
				  : form == PAGE_DEAL_FORM_DROP	  ? "Drop it"
								: "Reopen it");
	page_form_start(
	    b,
	    deal_path(r, v,
		      arena_printf(r->arena, "concerns/%lld/%s",
				   (long long)c->id, moves[k].path)),
	    label);
	if (form == PAGE_DEAL_FORM_ANSWER)
		page_textarea(b, &fs, "answer",
			      "The information given, in a sentence or two",
			      NULL, 3, true);
	else if (form != PAGE_DEAL_FORM_RESOLVE)
		page_input(b, &fs, "text", "reason", "Why (optional)", NULL,
			   false, NULL);
	page_form_end(b, &fs, moves[k].submit);
	if (!small)
		html_raw(b, "</details>\n");
}

static void deal_concern(struct buf *b, struct req *r,
			 const struct deal_view *v, const struct concern *c)
{
	html_raw(b, "<li class=\"concern ");
	html_raw(b, concern_status_name(c->status));
	html_raw(b, "\" id=\"concern-");
	html_int(b, c->id);
	html_raw(b, "\"><p><span class=\"badge\">");
	html_raw(b, page_deal_category_text(c->category));
	html_raw(b, "</span> <span class=\"badge cstatus\">");
	html_raw(b, concern_status_name(c->status));
	html_raw(b, "</span></p>\n<blockquote class=\"prose\">");
	html_txt(b, c->words);
	html_raw(b, "</blockquote>\n<p class=\"why\">Raised ");
	const char *by = c->raised_by_name
			     ? c->raised_by_name
			     : deal_stakeholder_name(r, v, c->raised_by);
	if (by) {
		html_raw(b, "by ");
		html_txt(b, by);
		html_raw(b, " ");
	}
	html_raw(b, "on ");
	page_time_day(b, c->raised_at);
	if (c->answered_at) {
		html_raw(b, "; answered ");
		page_time_day(b, c->answered_at);
	}
	if (c->resolved_at) {
		html_raw(b, "; the buyer confirmed it resolved ");
		page_time_day(b, c->resolved_at);
	}
	if (c->dropped_at) {
		html_raw(b, "; dropped ");
		page_time_day(b, c->dropped_at);
	}
	if (c->reopen_count) {
		html_raw(b, "; reopened ");
		html_int(b, c->reopen_count);
		html_raw(b, c->reopen_count == 1 ? " time" : " times");
	}
	html_raw(b, "</p>\n");
	if (c->answer && c->answer[0]) {
		html_raw(b, "<p class=\"answer\"><span class=\"label\">What we "
			    "told them:</span> ");
		html_txt(b, c->answer);
		html_raw(b, "</p>\n");
	}
	if (c->close_reason && c->close_reason[0]) {
		html_raw(b, "<p class=\"why\">Reason: ");
		html_txt(b, c->close_reason);
		html_raw(b, "</p>\n");
	}
	html_raw(b, "<div class=\"moves\">\n");
	if (c->status == CSTATUS_ANSWERED)
		deal_concern_form(b, r, v, c, PAGE_DEAL_FORM_RESOLVE);
	if (c->status == CSTATUS_OPEN || c->status == CSTATUS_ANSWERED) {
		deal_concern_form(b, r, v, c, PAGE_DEAL_FORM_ANSWER);
		deal_concern_form(b, r, v, c, PAGE_DEAL_FORM_DROP);
	} else {
		deal_concern_form(b, r, v, c, PAGE_DEAL_FORM_REOPEN);
	}
	/* A move the page did not offer (a stale page) failed: say why. */
	const struct page_deal_failed *x = v->failed;
	if (x && x->item == c->id && x->form >= PAGE_DEAL_FORM_ANSWER &&
	    x->form <= PAGE_DEAL_FORM_REOPEN &&
	    ((x->form == PAGE_DEAL_FORM_RESOLVE &&
	      c->status != CSTATUS_ANSWERED) ||
	     (x->form == PAGE_DEAL_FORM_REOPEN &&
	      concern_unsettled(c->status)) ||
	     ((x->form == PAGE_DEAL_FORM_ANSWER ||
	       x->form == PAGE_DEAL_FORM_DROP) &&
	      !concern_unsettled(c->status)))) {
		html_raw(b, "<p class=\"error\" role=\"alert\">");
		html_txt(b, x->bad->message);
		html_raw(b, "</p>\n");
	}
	html_raw(b, "</div></li>\n");
}

static void deal_concerns(struct buf *b, struct req *r,
			  const struct deal_view *v)
{
	const struct deal_full *f = &v->f;
	size_t unsettled = 0;
	for (size_t i = 0; i < f->n_concerns; i++)
		unsettled += concern_unsettled(f->concerns[i].status);
	html_raw(b, "<section aria-labelledby=\"concerns-h\" "
		    "class=\"ledger\"><h2 id=\"concerns-h\">Concerns <span "
		    "class=\"count\">");
	html_int(b, (int64_t)unsettled);
	html_raw(b, " unsettled</span></h2>\n");
	if (!unsettled)
		html_raw(b, "<p class=\"empty\">No concern is waiting. When "
			    "the buyer raises one, write it down in their "
			    "words.</p>\n");
	else
		html_raw(b, "<ol class=\"concerns\">\n");
	for (size_t i = 0; i < f->n_concerns; i++)
		if (concern_unsettled(f->concerns[i].status))
			deal_concern(b, r, v, &f->concerns[i]);
	if (unsettled)
		html_raw(b, "</ol>\n");
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_CONCERN, 0, "concern");
	deal_open_details(b, &fs, "Add a concern");
	page_form_start(b, deal_path(r, v, "concerns"), "Add a concern");
	page_select(b, &fs, "category", "Category", deal_categories,
		    COUNT(deal_categories), "other");
	page_textarea(b, &fs, "words", "In the buyer's words", NULL, 3, true);
	size_t n = 0;
	const struct page_option *who =
	    deal_people_options(r, v, false, "(not recorded)", &n);
	page_select(b, &fs, "raised_by", "Raised by", who, n, "");
	page_form_end(b, &fs, "Add concern");
	html_raw(b, "</details>\n");
	if (unsettled < f->n_concerns) {
		html_raw(b, "<h3>Settled</h3>\n<ol class=\"concerns settled\">"
			    "\n");
		for (size_t i = 0; i < f->n_concerns; i++)
			if (!concern_unsettled(f->concerns[i].status))
				deal_concern(b, r, v, &f->concerns[i]);
		html_raw(b, "</ol>\n");
	}
	html_raw(b, "</section>\n");
}

/* ---- readiness ---- */

static void deal_readiness(struct buf *b, const struct deal_view *v)
{
	html_raw(b, "<section aria-labelledby=\"ready-h\"><h2 id=\"ready-h\">"
		    "Before you ask for the business</h2>\n");
	if (v->f.deal.status != STATUS_OPEN)
		html_raw(b, "<p class=\"why\">The deal is closed; this is how "
			    "it stood.</p>\n");
	if (v->ready.ready) {
		html_raw(b, "<p class=\"good\">Ready: no concern is waiting, "
			    "the decision maker is known and the buyer's steps "
			    "are on time.</p>\n");
	} else {
		html_raw(b, "<ul class=\"missing\">\n");
		for (size_t i = 0; i < v->ready.n_missing; i++) {
			html_raw(b, "<li>");
			html_txt(b, v->ready.missing[i]);
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	size_t flagged = 0;
	for (size_t i = 0; i < v->f.n_asks; i++)
		flagged += v->f.asks[i].flagged;
	if (v->f.n_asks) {
		html_raw(b, "<p class=\"why\">");
		html_int(b, (int64_t)v->f.n_asks);
		html_raw(b, v->f.n_asks == 1 ? " ask so far" : " asks so far");
		if (flagged) {
			html_raw(b, ", <span class=\"late\">");
			html_int(b, (int64_t)flagged);
			html_raw(b, " made while concerns were open</span>");
		}
		html_raw(b, ".</p>\n");
	}
	html_raw(b, "</section>\n");
}

/* ---- the buying committee ---- */

static const struct page_option deal_roles[] = {
    {"decision_maker", "Decision maker"},
    {"champion", "Champion"},
    {"user", "User"},
    {"technical", "Technical"},
    {"finance", "Finance"},
    {"partner", "Partner or spouse"},
    {"influencer", "Influencer"},
};

static const struct page_option deal_stances[] = {
    {"unknown", "Unknown"},
    {"supportive", "Supportive"},
    {"neutral", "Neutral"},
    {"skeptical", "Skeptical"},
};

static void deal_member(struct buf *b, struct req *r, const struct deal_view *v,
			const struct stakeholder *k)
{
	html_raw(b, "<li>");
	page_person_link(b, k->person_id,
			 k->person_name ? k->person_name : "?");
	html_raw(b, " <span class=\"why\">");
	html_raw(b, page_deal_role_text(k->role));
	html_raw(b, ", </span><span class=\"stance ");
	html_raw(b, stakeholder_stance_name(k->stance));
	html_raw(b, "\">");
	html_raw(b, page_deal_stance_text(k->stance));
	html_raw(b, "</span>");
	if (k->notes && k->notes[0]) {
		html_raw(b, "<p class=\"prose\">");
		html_txt(b, k->notes);
		html_raw(b, "</p>");
	}
	const char *prefix = arena_printf(r->arena, "k%lld", (long long)k->id);
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_STANCE, k->id, prefix);
	deal_open_details(b, &fs, "Change role, stance or notes");
	page_form_start(b,
			deal_path(r, v,
				  arena_printf(r->arena, "stakeholders/%lld",
					       (long long)k->id)),
			arena_printf(r->arena, "Role and stance of %s",
				     k->person_name ? k->person_name : "?"));
	page_select(b, &fs, "role", "Role", deal_roles, COUNT(deal_roles),
		    stakeholder_role_name(k->role));
	page_select(b, &fs, "stance", "Stance", deal_stances,
		    COUNT(deal_stances), stakeholder_stance_name(k->stance));
	page_input(b, &fs, "text", "notes", "Notes", k->notes, false, NULL);
	page_form_end(b, &fs, "Save");
	const char *dprefix =
	    arena_printf(r->arena, "k%lld-delete", (long long)k->id);
	struct page_fields dfs =
	    deal_fields(v, PAGE_DEAL_FORM_STAKEHOLDER_DELETE, k->id, dprefix);
	page_form_start(
	    b,
	    deal_path(r, v,
		      arena_printf(r->arena, "stakeholders/%lld/delete",
				   (long long)k->id)),
	    arena_printf(r->arena, "Take %s off the committee",
			 k->person_name ? k->person_name : "?"));
	page_form_end(b, &dfs, "Take off the committee");
	html_raw(b, "</details></li>\n");
}

static void deal_committee(struct buf *b, struct req *r,
			   const struct deal_view *v)
{
	const struct deal_full *f = &v->f;
	html_raw(b, "<section aria-labelledby=\"committee-h\"><h2 "
		    "id=\"committee-h\">Buying committee</h2>\n");
	if (!f->n_stakeholders)
		html_raw(b, "<p class=\"empty\">Nobody yet. Who decides, who "
			    "uses it, who pays?</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < f->n_stakeholders; i++)
		deal_member(b, r, v, &f->stakeholders[i]);
	if (f->n_stakeholders)
		html_raw(b, "</ul>\n");
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_PERSON, 0, "person");
	deal_open_details(b, &fs, "Add someone to the committee");
	page_form_start(b, deal_path(r, v, "stakeholders"),
			"Add to the committee");
	struct page_option *o =
	    arena_alloc(r->arena, (v->n_org_people + 1) * sizeof(*o));
	size_t n = 0;
	o[n++] = (struct page_option){"", "(someone else: give the id below)"};
	for (size_t i = 0; i < v->n_org_people; i++) {
		const struct person *p = &v->org_people[i];
		o[n++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)p->id),
		    page_name(r, p->given_name, p->family_name)};
	}
	page_select(b, &fs, "person_id", "Person at the organization", o, n,
		    v->n_org_people ? o[1].value : "");
	page_input(b, &fs, "number", "other_person_id",
		   "Or another person (id)", NULL, false,
		   "For someone outside the organization, e.g. a partner: "
		   "the number at the end of their page's address.");
	page_select(b, &fs, "role", "Role", deal_roles, COUNT(deal_roles),
		    "user");
	page_select(b, &fs, "stance", "Stance", deal_stances,
		    COUNT(deal_stances), "unknown");
	page_input(b, &fs, "text", "notes", "Notes", NULL, false, NULL);
	page_form_end(b, &fs, "Add to committee");
	html_raw(b, "</details></section>\n");
}

/* ---- the mutual plan ---- */

static const struct page_option deal_sides[] = {
    {"buyer", "The buyer"},
    {"seller", "Us"},
    {"both", "Both"},
};

/* The forms that change step p or take it off the plan. */
static void deal_step_edit(struct buf *b, struct req *r,
			   const struct deal_view *v, const struct plan_step *p)
{
	const char *prefix =
	    arena_printf(r->arena, "s%lld-edit", (long long)p->id);
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_STEP_EDIT, p->id, prefix);
	struct page_fields dfs = deal_fields(
	    v, PAGE_DEAL_FORM_STEP_DELETE, p->id,
	    arena_printf(r->arena, "s%lld-delete", (long long)p->id));
	if (dfs.err)
		fs.err = dfs.err; /* open the details to show it */
	deal_open_details(b, &fs, "Change or remove");
	fs.err = dfs.err ? NULL : fs.err;
	page_form_start(
	    b,
	    deal_path(r, v,
		      arena_printf(r->arena, "plan/%lld", (long long)p->id)),
	    arena_printf(r->arena, "Change step %lld", (long long)p->id));
	page_input(b, &fs, "text", "title", "Step", p->title, true, NULL);
	page_select(b, &fs, "side", "Whose step", deal_sides, COUNT(deal_sides),
		    plan_side_name(p->side));
	size_t n = 0;
	const struct page_option *who =
	    deal_people_options(r, v, true, "(nobody named)", &n);
	page_select(
	    b, &fs, "owner_person_id", "Who on their side", who, n,
	    p->owner_person_id
		? arena_printf(r->arena, "%lld", (long long)p->owner_person_id)
		: "");
	const char *due = NULL;
	if (p->has_due_on) {
		char *t = arena_alloc(r->arena, DATE_STR_MAX);
		date_format(p->due_on, t);
		due = t;
	}
	page_input(b, &fs, "date", "due_on", "Due on", due, false,
		   "YYYY-MM-DD; leave empty for no date.");
	page_form_end(b, &fs, "Save step");
	page_form_start(
	    b,
	    deal_path(
		r, v,
		arena_printf(r->arena, "plan/%lld/delete", (long long)p->id)),
	    arena_printf(r->arena, "Remove step %lld", (long long)p->id));
	page_form_end(b, &dfs, "Remove from the plan");
	html_raw(b, "</details>\n");
}

static void deal_step(struct buf *b, struct req *r, const struct deal_view *v,
		      const struct plan_step *p)
{
	bool late = !p->done_at && p->has_due_on && p->due_on < v->today;
	html_raw(b, p->done_at ? "<li class=\"step done\">"
		    : late     ? "<li class=\"step overdue\">"
			       : "<li class=\"step\">");
	html_raw(b, "<span class=\"kind\">");
	html_raw(b, page_deal_side_text(p->side));
	html_raw(b, "</span> ");
	html_txt(b, p->title);
	if (p->owner_person_name) {
		html_raw(b, " <span class=\"why\">(");
		html_txt(b, p->owner_person_name);
		html_raw(b, ")</span>");
	}
	if (p->has_due_on) {
		html_raw(b, late ? " <span class=\"late\">overdue, was due "
				 : " <span class=\"why\">due ");
		page_day(b, p->due_on);
		html_raw(b, "</span>");
	}
	if (p->done_at) {
		html_raw(b, " <span class=\"good\">done ");
		page_time_day(b, p->done_at);
		html_raw(b, "</span>");
	} else {
		const char *prefix =
		    arena_printf(r->arena, "s%lld", (long long)p->id);
		struct page_fields fs =
		    deal_fields(v, PAGE_DEAL_FORM_STEP_DONE, p->id, prefix);
		page_form_start(
		    b,
		    deal_path(r, v,
			      arena_printf(r->arena, "plan/%lld/done",
					   (long long)p->id)),
		    arena_printf(r->arena, "Step %lld done", (long long)p->id));
		page_form_end(b, &fs, "Mark done");
	}
	deal_step_edit(b, r, v, p);
	html_raw(b, "</li>\n");
}

static void deal_plan(struct buf *b, struct req *r, const struct deal_view *v)
{
	const struct deal_full *f = &v->f;
	html_raw(b, "<section aria-labelledby=\"plan-h\"><h2 id=\"plan-h\">"
		    "Mutual plan</h2>\n");
	if (!f->n_steps)
		html_raw(b, "<p class=\"empty\">No steps yet. Agree the next "
			    "steps with the buyer, theirs and ours.</p>\n");
	else
		html_raw(b, "<ol class=\"plan\">\n");
	for (size_t i = 0; i < f->n_steps; i++)
		deal_step(b, r, v, &f->steps[i]);
	if (f->n_steps)
		html_raw(b, "</ol>\n");
	struct page_fields fs = deal_fields(v, PAGE_DEAL_FORM_STEP, 0, "step");
	deal_open_details(b, &fs, "Add a step");
	page_form_start(b, deal_path(r, v, "plan"), "Add a step");
	page_input(b, &fs, "text", "title", "Step", NULL, true,
		   "e.g. Send the security questionnaire");
	page_select(b, &fs, "side", "Whose step", deal_sides, COUNT(deal_sides),
		    "buyer");
	size_t n = 0;
	const struct page_option *who =
	    deal_people_options(r, v, true, "(nobody named)", &n);
	page_select(b, &fs, "owner_person_id", "Who on their side", who, n, "");
	page_input(b, &fs, "date", "due_on", "Due on", NULL, false,
		   "YYYY-MM-DD; leave empty for no date.");
	page_form_end(b, &fs, "Add step");
	html_raw(b, "</details></section>\n");
}

/* ---- stage and outcome ---- */

static const struct page_option deal_stages[] = {
    {"exploring", "Exploring"}, {"evaluating", "Evaluating"},
    {"trialing", "Trialing"},	{"deciding", "Deciding"},
    {"committed", "Committed"},
};

static const struct page_option deal_outcomes[] = {
    {"won", "Won"},
    {"lost", "Lost"},
    {"no_fit", "No fit (decided together it is not right)"},
    {"rescinded", "Rescinded (won, then cancelled)"},
    {"open", "Open again (the buyer came back)"},
};

static void deal_moves(struct buf *b, struct req *r, const struct deal_view *v)
{
	const struct deal *d = &v->f.deal;
	html_raw(b, "<section aria-labelledby=\"move-h\"><h2 id=\"move-h\">"
		    "Where the buyer is</h2>\n<div class=\"columns\"><div>\n");
	struct page_fields sf =
	    deal_fields(v, PAGE_DEAL_FORM_STAGE, 0, "stage");
	page_form_start(b, deal_path(r, v, "stage"), "Move the stage");
	page_select(b, &sf, "stage", "Buyer's stage", deal_stages,
		    COUNT(deal_stages), deal_stage_name(d->stage));
	page_input(b, &sf, "text", "reason", "What happened (optional)", NULL,
		   false, NULL);
	page_form_end(b, &sf, "Move stage");
	html_raw(b, "</div><div>\n");
	struct page_fields of =
	    deal_fields(v, PAGE_DEAL_FORM_STATUS, 0, "status");
	page_form_start(b, deal_path(r, v, "status"), "Record the outcome");
	page_select(b, &of, "status", "Outcome", deal_outcomes,
		    COUNT(deal_outcomes),
		    d->status == STATUS_WON    ? "rescinded"
		    : d->status == STATUS_OPEN ? "won"
					       : "open");
	page_input(b, &of, "date", "date", "On", v->today_text, false,
		   "YYYY-MM-DD");
	page_input(b, &of, "text", "reason", "Reason", NULL, false,
		   "Required to rescind.");
	page_form_end(b, &of, "Record outcome");
	html_raw(b, "</div></div></section>\n");
}

/* ---- timeline ---- */

struct deal_entry {
	int64_t at;
	size_t seq; /* keeps the order of equal times */
	const char *kind;
	const char *text;   /* text, escaped when written */
	const char *detail; /* NULL: none */
	bool flag;
};

static int deal_entry_cmp(const void *a, const void *b)
{
	const struct deal_entry *x = a, *y = b;
	if (x->at != y->at)
		return x->at > y->at ? -1 : 1;
	return x->seq > y->seq ? -1 : x->seq < y->seq;
}

/* The name of a stage or status as stored ("no_fit") in words. */
static const char *deal_state_text(enum deal_event_kind kind, const char *s)
{
	enum deal_stage st;
	enum deal_status ss;
	if (!s)
		return "";
	if (kind == EVENT_STAGE && deal_stage_parse(s, &st))
		return page_deal_stage_text(st);
	if (kind == EVENT_STATUS && deal_status_parse(s, &ss))
		return page_deal_status_text(ss);
	return s;
}

/* Appends one entry to e (room was made by the caller). */
static void deal_add(struct deal_entry *e, size_t *n, int64_t at,
		     const char *kind, const char *text, const char *detail,
		     bool flag)
{
	e[*n] = (struct deal_entry){at, *n, kind, text, detail, flag};
	(*n)++;
}

static size_t deal_entries(struct req *r, const struct deal_view *v,
			   struct deal_entry **out)
{
	const struct deal_full *f = &v->f;
	size_t cap = f->n_events + 5 * f->n_concerns + v->n_touches, n = 0;
	struct deal_entry *e = arena_alloc(r->arena, (cap + 1) * sizeof(*e));
	for (size_t i = 0; i < f->n_events; i++) {
		const struct deal_event *x = &f->events[i];
		if (x->kind == EVENT_CREATED) {
			deal_add(e, &n, x->at, "deal", "Deal started",
				 x->reason, false);
			continue;
		}
		bool stage = x->kind == EVENT_STAGE;
		deal_add(e, &n, x->at, stage ? "stage" : "status",
			 arena_printf(r->arena, "%s: %s → %s",
				      stage ? "Stage" : "Status",
				      deal_state_text(x->kind, x->from),
				      deal_state_text(x->kind, x->to)),
			 x->reason, false);
	}
	for (size_t i = 0; i < f->n_concerns; i++) {
		const struct concern *c = &f->concerns[i];
		deal_add(e, &n, c->raised_at, "concern", "Concern raised",
			 c->words, false);
		if (c->answered_at)
			deal_add(e, &n, c->answered_at, "concern",
				 "Concern answered", c->answer, false);
		if (c->resolved_at)
			deal_add(e, &n, c->resolved_at, "concern",
				 "The buyer confirmed a concern resolved",
				 c->words, false);
		if (c->dropped_at)
			deal_add(e, &n, c->dropped_at, "concern",
				 "Concern dropped", c->words, false);
		if (c->reopened_at)
			deal_add(e, &n, c->reopened_at, "concern",
				 "Concern reopened", c->words, false);
	}
	for (size_t i = 0; i < v->n_touches; i++) {
		const struct interaction *t = &v->touches[i];
		bool flag = false;
		for (size_t k = 0; k < f->n_asks; k++)
			if (f->asks[k].interaction_id == t->id)
				flag = f->asks[k].flagged;
		deal_add(e, &n, t->occurred_at, interaction_kind_name(t->kind),
			 t->summary, NULL, flag);
	}
	qsort(e, n, sizeof(*e), deal_entry_cmp);
	*out = e;
	return n;
}

static void deal_timeline(struct buf *b, struct req *r,
			  const struct deal_view *v)
{
	struct deal_entry *e = NULL;
	size_t n = deal_entries(r, v, &e);
	html_raw(b, "<section aria-labelledby=\"timeline-h\"><h2 "
		    "id=\"timeline-h\">Timeline</h2>\n<ol class=\"timeline\">"
		    "\n");
	for (size_t i = 0; i < n; i++) {
		html_raw(b, "<li><span class=\"when\">");
		page_time_day(b, e[i].at);
		html_raw(b, "</span> <span class=\"kind\">");
		html_txt(b, e[i].kind);
		html_raw(b, "</span> ");
		html_txt(b, e[i].text);
		if (e[i].flag)
			html_raw(b, " <span class=\"late\">asked while "
				    "concerns were open</span>");
		if (e[i].detail && e[i].detail[0]) {
			html_raw(b, "<p class=\"prose\">");
			html_txt(b, e[i].detail);
			html_raw(b, "</p>");
		}
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n");
	if (v->more_touches)
		html_raw(b, "<p class=\"why\">Only the newest 500 touches on "
			    "the deal are shown; a person's page has all of "
			    "theirs.</p>\n");
	html_raw(b, "</section>\n");
}

/* ---- logging a touch on the deal ---- */

static const struct page_option deal_touch_kinds[] = {
    {"call", "Call"},
    {"meeting", "Meeting"},
    {"email", "Email"},
    {"message", "Message"},
    {"note", "Note"},
    {"gift", "Gift"},
    {"help", "Help given, nothing asked"},
    {"ask", "Asked for the business"},
};

static void deal_touch_form(struct buf *b, struct req *r,
			    const struct deal_view *v)
{
	html_raw(b, "<section aria-labelledby=\"touch-h\"><h2 id=\"touch-h\">"
		    "Log a touch on this deal</h2>\n");
	int unsettled = v->ready.open_concerns + v->ready.answered_concerns;
	if (unsettled) {
		html_raw(b, "<p class=\"late ask-warning\">");
		html_int(b, unsettled);
		html_raw(b, unsettled == 1 ? " concern is" : " concerns are");
		html_raw(b,
			 " not settled: an ask logged now is flagged as made "
			 "while concerns were open.</p>\n");
	}
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_TOUCH, 0, "touch");
	page_form_start(b, deal_path(r, v, "interactions"),
			"Log a touch on this deal");
	page_select(b, &fs, "kind", "Kind", deal_touch_kinds,
		    COUNT(deal_touch_kinds), "call");
	page_input(b, &fs, "date", "on", "On", v->today_text, true,
		   "YYYY-MM-DD");
	/* The committee first, then the rest of the organization. */
	size_t cap = v->f.n_stakeholders + v->n_org_people + 1, n = 0;
	struct page_option *o = arena_alloc(r->arena, cap * sizeof(*o));
	o[n++] = (struct page_option){"", "(someone else: give the id below)"};
	for (size_t i = 0; i < v->f.n_stakeholders; i++) {
		const struct stakeholder *k = &v->f.stakeholders[i];
		o[n++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)k->person_id),
		    k->person_name ? k->person_name : "?"};
	}
	for (size_t i = 0; i < v->n_org_people; i++) {
		const struct person *p = &v->org_people[i];
		bool seen = false;
		for (size_t k = 0; k < v->f.n_stakeholders; k++)
			seen |= v->f.stakeholders[k].person_id == p->id;
		if (!seen)
			o[n++] = (struct page_option){
			    arena_printf(r->arena, "%lld", (long long)p->id),
			    page_name(r, p->given_name, p->family_name)};
	}
	page_select(b, &fs, "person_id", "With", o, n, n > 1 ? o[1].value : "");
	page_input(b, &fs, "number", "other_person_id",
		   "Or with another person (id)", NULL, false,
		   "The number at the end of their page's address.");
	page_input(b, &fs, "text", "summary", "What happened", NULL, true,
		   NULL);
	page_textarea(b, &fs, "notes", "Notes", NULL, 3, false);
	page_input(b, &fs, "date", "follow_up_on", "Follow up on", NULL, false,
		   "Leave empty for no follow-up.");
	page_form_end(b, &fs, "Log touch");
	html_raw(b, "</section>\n");
}

/* ---- deleting the deal ---- */

static void deal_delete_form(struct buf *b, struct req *r,
			     const struct deal_view *v)
{
	struct page_fields fs =
	    deal_fields(v, PAGE_DEAL_FORM_DELETE, 0, "delete");
	html_raw(b, "<section aria-labelledby=\"delete-h\"><h2 "
		    "id=\"delete-h\">Delete this deal</h2>\n");
	page_form_start(b, deal_path(r, v, "delete"), "Delete this deal");
	html_raw(b, "<div class=\"field check\"><input type=\"checkbox\" "
		    "id=\"delete-confirm\" name=\"confirm\" value=\"yes\" "
		    "required");
	if (fs.err) {
		html_raw(b, " aria-invalid=\"true\" aria-describedby=\""
			    "delete-confirm-error\"");
	}
	html_raw(b, "><label for=\"delete-confirm\">Yes, delete ");
	html_txt(b, v->f.deal.title);
	html_raw(b, " with its committee, plan, concerns and history; its "
		    "touches stay on the people's pages</label>");
	if (fs.err) {
		html_raw(b, "<p class=\"error\" id=\"delete-confirm-error\">");
		html_txt(b, fs.err->message);
		html_raw(b, "</p>");
		fs.shown = true;
	}
	html_raw(b, "</div>\n");
	page_form_end(b, &fs, "Delete deal");
	html_raw(b, "</section>\n");
}

/* ---- the page ---- */

enum result page_deal_render(struct req *r, int64_t id,
			     const struct page_deal_failed *failed, int status,
			     struct error *err)
{
	struct deal_view v;
	enum result res = deal_load(r, id, &v, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	v.failed = failed;
	struct buf b;
	page_begin(&b, v.f.deal.title, PAGE_NAV_DEALS);
	deal_heading(&b, &v);
	deal_concerns(&b, r, &v);
	deal_readiness(&b, &v);
	html_raw(&b, "<div class=\"columns\"><div>\n");
	deal_committee(&b, r, &v);
	html_raw(&b, "</div><div>\n");
	deal_plan(&b, r, &v);
	html_raw(&b, "</div></div>\n");
	deal_moves(&b, r, &v);
	deal_touch_form(&b, r, &v);
	deal_timeline(&b, r, &v);
	deal_delete_form(&b, r, &v);
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /deals/{id}. */
enum result page_deal(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return page_deal_render(r, id, NULL, 200, err);
}
