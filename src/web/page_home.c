/*
 * page_home.c: the home page "/" and the compiled-in assets under
 * /static/ (web layer).
 *
 * The home page is today's list rendered on the server: who is due for a
 * touch and why, which important dates are coming (with the age when the
 * year is known) and which follow-ups are owed, each linking to the
 * person's page, in the layout of page_layout.c. Each part shows the
 * first page of its entries and says how many there are in all.
 */
#include "web/api.h"

#include <string.h>

#include "core/today.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web/page.h"
#include "web_static.h"

/* Says how many more there are when a part shows one page of them. */
static void page_more(struct buf *b, size_t shown, size_t total)
{
	if (total <= shown)
		return;
	html_raw(b, "<p class=\"why\">And ");
	html_int(b, (int64_t)(total - shown));
	html_raw(b, " more.</p>\n");
}

static void page_due(struct buf *b, const struct today *t)
{
	html_raw(b, "<h2>Due for a touch</h2>\n");
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
	page_more(b, t->n_due, t->due_total);
}

static void page_dates(struct buf *b, const struct today *t)
{
	html_raw(b, "<h2>Dates coming up</h2>\n");
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
	page_more(b, t->n_dates, t->dates_total);
}

static void page_followups(struct buf *b, const struct today *t)
{
	html_raw(b, "<h2>Follow-ups owed</h2>\n");
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
	page_more(b, t->n_followups, t->followups_total);
}

/* Renders "/": today's list. */
enum result page_home(struct req *r, struct error *err)
{
	struct today t;
	enum result res = api_today_build(r, &t, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct buf b;
	page_begin(&b, "Today", PAGE_NAV_TODAY);
	html_raw(&b, "<h1>Today</h1>\n<p class=\"lead\">");
	page_day(&b, t.local_day);
	html_raw(&b, "</p>\n");
	page_due(&b, &t);
	page_dates(&b, &t);
	page_followups(&b, &t);
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
