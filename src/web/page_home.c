/*
 * page_home.c: the home page "/" and the compiled-in assets under
 * /static/ (web layer).
 *
 * The home page is today's list rendered on the server: who is due for a
 * touch and why, which important dates are coming (with the age when the
 * year is known) and which follow-ups are owed, each linking to the
 * person's page, in the layout of page_layout.c; then the deal side:
 * plan steps due (overdue first), stalled deals and deals with concerns
 * not yet settled, each linking to the part of the deal's page where the
 * seller acts. Each part shows one page of its entries (?offset=, the
 * API's paging) and says how many there are in all, with links to the
 * pages before and after.
 */
#include "web/api.h"

#include <string.h>

#include "core/deal_rules.h"
#include "core/today.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web/page.h"
#include "web_static.h"

/* The page of the daily list being shown: from offset, limit entries. */
struct home_page {
	size_t offset, limit;
	const char *days; /* ?days= as given, kept in the paging links */
	const char *tz;	  /* ?tz_offset= as given */
};

/* Writes a link to the list from offset, keeping days and tz_offset. */
static void home_link(struct buf *b, const struct home_page *hp,
		      size_t offset, const char *rel, const char *text)
{
	html_raw(b, "<a rel=\"");
	html_raw(b, rel);
	html_raw(b, "\" href=\"/?offset=");
	html_int(b, (int64_t)offset);
	if (hp->days) {
		html_raw(b, "&amp;days=");
		html_url_arg(b, hp->days);
	}
	if (hp->tz) {
		html_raw(b, "&amp;tz_offset=");
		html_url_arg(b, hp->tz);
	}
	html_raw(b, "\">");
	html_raw(b, text);
	html_raw(b, "</a>");
}

/*
 * Says how many entries a part has in all and which of them it shows
 * ("12 people due, showing the 50 most overdue"), with links to the
 * pages before and after. what and order are literals: the count's
 * noun and the words for the order the first page is in.
 */
static void page_more(struct buf *b, const struct home_page *hp, size_t shown,
		      size_t total, const char *what, const char *order)
{
	if (!total)
		return;
	html_raw(b, "<p class=\"why total\">");
	html_int(b, (int64_t)total);
	html_raw(b, " ");
	html_raw(b, what);
	if (shown < total || hp->offset) {
		if (!shown) {
			html_raw(b, ", none on this page");
		} else if (hp->offset) {
			html_raw(b, ", showing ");
			html_int(b, (int64_t)hp->offset + 1);
			html_raw(b, "–");
			html_int(b, (int64_t)(hp->offset + shown));
		} else {
			html_raw(b, ", showing the ");
			html_int(b, (int64_t)shown);
			html_raw(b, " ");
			html_raw(b, order);
		}
	}
	html_raw(b, ".");
	if (hp->offset) {
		html_raw(b, " ");
		home_link(b, hp,
			  hp->offset > hp->limit ? hp->offset - hp->limit : 0,
			  "prev", "Previous page");
	}
	if (hp->offset + shown < total) {
		html_raw(b, " ");
		home_link(b, hp, hp->offset + hp->limit, "next",
			  "Next page");
	}
	html_raw(b, "</p>\n");
}

static void page_due(struct buf *b, const struct home_page *hp,
		     const struct today *t)
{
	html_raw(b, "<h2>Due for a touch</h2>\n");
	page_more(b, hp, t->n_due, t->due_total,
		  t->due_total == 1 ? "person due" : "people due",
		  "most overdue");
	if (!t->n_due)
		html_raw(b, "<p class=\"empty\">Nobody is due.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < t->n_due; i++) {
		const struct today_due *d = &t->due[i];
		html_raw(b, "<li>");
		page_person_link(b, d->person_id, d->name);
		html_raw(b, d->past_max ? " <span class=\"late\">"
					: " <span class=\"why\">");
		html_raw(b, "every ");
		html_int(b, d->cadence.ideal_days);
		html_raw(b, " days (");
		if (d->cadence.source && strcmp(d->cadence.source, "own") != 0) {
			html_raw(b, "tag ");
			html_txt(b, d->cadence.source);
		} else {
			html_raw(b, "own cadence");
		}
		html_raw(b, "); ");
		html_raw(b, d->last_touch ? "last touch " : "added ");
		html_int(b, d->days_since);
		html_raw(b, " days ago, ");
		html_int(b, d->days_overdue);
		html_raw(b, " days overdue");
		if (d->past_max)
			html_raw(b, ", past the longest gap");
		html_raw(b, "</span></li>\n");
	}
	if (t->n_due)
		html_raw(b, "</ul>\n");
}

static void page_dates(struct buf *b, const struct home_page *hp,
		       const struct today *t)
{
	html_raw(b, "<h2>Dates coming up</h2>\n");
	page_more(b, hp, t->n_dates, t->dates_total,
		  t->dates_total == 1 ? "date coming up" : "dates coming up",
		  "nearest");
	if (!t->n_dates)
		html_raw(b, "<p class=\"empty\">No dates coming up.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < t->n_dates; i++) {
		const struct today_date *d = &t->dates[i];
		html_raw(b, "<li>");
		page_person_link(b, d->date.person_id, d->person_name);
		html_raw(b, " <span class=\"why\">");
		if (d->date.kind == DATE_CUSTOM && d->date.label)
			html_txt(b, d->date.label);
		else
			html_txt(b, date_kind_name(d->date.kind));
		html_raw(b, d->in_days == 0 ? " today" : " in ");
		if (d->in_days) {
			html_int(b, d->in_days);
			html_raw(b, d->in_days == 1 ? " day" : " days");
		}
		html_raw(b, ", ");
		page_day(b, d->on);
		if (d->turns >= 0) {
			html_raw(b, d->date.kind == DATE_BIRTHDAY ? " (turns "
								  : " (");
			html_int(b, d->turns);
			html_raw(b, d->date.kind == DATE_BIRTHDAY ? ")"
								  : " years)");
		}
		html_raw(b, "</span></li>\n");
	}
	if (t->n_dates)
		html_raw(b, "</ul>\n");
}

static void page_followups(struct buf *b, const struct home_page *hp,
			   const struct today *t)
{
	html_raw(b, "<h2>Follow-ups owed</h2>\n");
	page_more(b, hp, t->n_followups, t->followups_total,
		  t->followups_total == 1 ? "follow-up owed"
					  : "follow-ups owed",
		  "oldest");
	if (!t->n_followups)
		html_raw(b, "<p class=\"empty\">No follow-ups due.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < t->n_followups; i++) {
		const struct today_followup *f = &t->followups[i];
		html_raw(b, "<li>");
		html_txt(b, f->row.summary);
		html_raw(b, " <span class=\"why\">with ");
		page_person_link(b, f->row.person_id, f->row.person_name);
		html_raw(b, ", due ");
		page_day(b, f->row.follow_up_on);
		if (f->days_late) {
			html_raw(b, " <span class=\"late\">(");
			html_int(b, f->days_late);
			html_raw(b, " days late)</span>");
		}
		html_raw(b, "</span></li>\n");
	}
	if (t->n_followups)
		html_raw(b, "</ul>\n");
}

/* ---- the deal side ---- */

/* <a href="/deals/ID#anchor">title</a> (org) */
static void home_deal_link(struct buf *b, int64_t id, const char *anchor,
			   const char *title, const char *org)
{
	html_raw(b, "<a href=\"/deals/");
	html_int(b, id);
	if (anchor) {
		html_raw(b, "#");
		html_raw(b, anchor);
	}
	html_raw(b, "\">");
	html_txt(b, title);
	html_raw(b, "</a>");
	if (org) {
		html_raw(b, " <span class=\"why\">(");
		html_txt(b, org);
		html_raw(b, ")</span>");
	}
}

static void home_steps(struct buf *b, const struct home_page *hp,
		       const struct deal_today *d, int64_t today)
{
	html_raw(b, "<h3 id=\"steps-due-h\">Plan steps due</h3>\n");
	page_more(b, hp, d->n_steps, d->steps_total,
		  d->steps_total == 1 ? "step due" : "steps due",
		  "due first");
	if (!d->n_steps) {
		html_raw(b, "<p class=\"empty\">No plan step is due.</p>\n");
		return;
	}
	html_raw(b, "<ul class=\"list steps-due\">\n");
	for (size_t i = 0; i < d->n_steps; i++) {
		const struct deal_today_step *x = &d->steps[i];
		const struct plan_step *p = &x->step;
		bool late = p->due_on < today;
		html_raw(b, late ? "<li class=\"overdue\">" : "<li>");
		html_raw(b, "<span class=\"kind\">");
		html_raw(b, p->side == SIDE_BUYER    ? "Buyer"
			    : p->side == SIDE_SELLER ? "Us"
						     : "Both");
		html_raw(b, "</span> ");
		html_txt(b, p->title);
		if (p->owner_person_name) {
			html_raw(b, " <span class=\"why\">(");
			html_txt(b, p->owner_person_name);
			html_raw(b, ")</span>");
		}
		html_raw(b, late ? " <span class=\"late\">overdue, was due "
				 : " <span class=\"why\">due ");
		page_day(b, p->due_on);
		html_raw(b, "</span> on ");
		home_deal_link(b, p->deal_id, "plan-h", x->deal_title,
			       x->org_name);
		html_raw(b, p->side == SIDE_SELLER
				? " <span class=\"why\">— do it, or tell them "
				  "when</span>"
				: " <span class=\"why\">— check in, or agree "
				  "a new date</span>");
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ul>\n");
}

static void home_stalled(struct buf *b, const struct home_page *hp,
			 const struct deal_today *d, int64_t now)
{
	html_raw(b, "<h3 id=\"stalled-h\">Stalled deals</h3>\n");
	page_more(b, hp, d->n_stalled, d->stalled_total,
		  d->stalled_total == 1 ? "deal stalled" : "deals stalled",
		  "quiet longest");
	if (!d->n_stalled) {
		html_raw(b, "<p class=\"empty\">No deal has stalled.</p>\n");
		return;
	}
	html_raw(b, "<ul class=\"list stalled\">\n");
	for (size_t i = 0; i < d->n_stalled; i++) {
		const struct deal_today_deal *x = &d->stalled[i];
		struct deal_stall st;
		deal_rules_stall(STATUS_OPEN, x->since, now, 0, &st);
		html_raw(b, "<li>");
		home_deal_link(b, x->deal_id, NULL, x->title, x->org_name);
		html_raw(b, " <span class=\"late\">quiet since ");
		page_time_day(b, x->since);
		html_raw(b, " (");
		html_int(b, st.days_quiet);
		html_raw(b, " days)</span> <span class=\"why\">— find out "
			    "why, or agree to stop</span></li>\n");
	}
	html_raw(b, "</ul>\n");
}

static void home_concerns(struct buf *b, const struct home_page *hp,
			  const struct deal_today *d)
{
	html_raw(b, "<h3 id=\"deal-concerns-h\">Concerns waiting</h3>\n");
	page_more(b, hp, d->n_concerns, d->concerns_total,
		  d->concerns_total == 1 ? "deal with concerns"
					 : "deals with concerns",
		  "waiting longest");
	if (!d->n_concerns) {
		html_raw(b, "<p class=\"empty\">No concern is waiting."
			    "</p>\n");
		return;
	}
	html_raw(b, "<ul class=\"list concerns-waiting\">\n");
	for (size_t i = 0; i < d->n_concerns; i++) {
		const struct deal_today_deal *x = &d->concerns[i];
		html_raw(b, "<li>");
		home_deal_link(b, x->deal_id, "concerns-h", x->title,
			       x->org_name);
		html_raw(b, " <span class=\"why\">");
		if (x->open_concerns) {
			html_int(b, x->open_concerns);
			html_raw(b, " open — answer them");
		}
		if (x->open_concerns && x->answered_concerns)
			html_raw(b, "; ");
		if (x->answered_concerns) {
			html_int(b, x->answered_concerns);
			html_raw(b, " answered — ask the buyer whether that "
				    "settles it");
		}
		html_raw(b, "; the oldest raised ");
		page_time_day(b, x->since);
		html_raw(b, "</span></li>\n");
	}
	html_raw(b, "</ul>\n");
}

/* Renders "/": today's list, people first, then deals. */
enum result page_home(struct req *r, struct error *err)
{
	struct today t;
	enum result res = api_today_build(r, &t, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	int skip = 0, days = 14;
	res = api_query_int(r, "offset", 0, 10000000, 0, &skip, err);
	if (res == R_OK)
		res = api_query_int(r, "days", 0, 366, 14, &days, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct home_page hp = {(size_t)skip, 50, api_query(r, "days"),
			       api_query(r, "tz_offset")};
	struct deal_today_window w = {t.local_day, r->now, days, 0,
				      (int)hp.limit, skip};
	struct deal_today d;
	res = store_deal_today_read(r->store, r->arena, &w, &d, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct buf b;
	page_begin(&b, "Today", PAGE_NAV_TODAY);
	html_raw(&b, "<h1>Today</h1>\n<p class=\"lead\">");
	page_day(&b, t.local_day);
	html_raw(&b, "</p>\n");
	page_due(&b, &hp, &t);
	page_dates(&b, &hp, &t);
	page_followups(&b, &hp, &t);
	html_raw(&b, "<section aria-labelledby=\"deals-today-h\"><h2 "
		     "id=\"deals-today-h\">Deals</h2>\n");
	home_steps(&b, &hp, &d, t.local_day);
	home_stalled(&b, &hp, &d, r->now);
	home_concerns(&b, &hp, &d);
	html_raw(&b, "</section>\n");
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

/* Serves a compiled-in asset from /static/{name}. */
enum result page_static(struct req *r, struct error *err)
{
	const char *name = r->params[0];
	for (size_t i = 0; i < web_static_count; i++) {
		if (strcmp(web_static[i].name, name) != 0)
			continue;
		const char *dot = strrchr(name, '.');
		r->content_type = dot && strcmp(dot, ".css") == 0
					  ? "text/css; charset=utf-8"
				  : dot && strcmp(dot, ".js") == 0
					  ? "text/javascript; charset=utf-8"
					  : "application/octet-stream";
		r->raw = (const char *)web_static[i].data;
		r->raw_len = web_static[i].len;
		r->cache = true;
		r->status = 200;
		return R_OK;
	}
	return error_set(err, R_NOT_FOUND, "", "there is no asset named %.64s",
			 name);
}
