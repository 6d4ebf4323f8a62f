/*
 * page_home.c: the home page "/" and the compiled-in assets under
 * /static/ (web layer).
 *
 * The home page is today's list rendered on the server: who is due for a
 * touch and why, which important dates are coming (with the age when the
 * year is known) and which follow-ups are owed. No JavaScript and nothing
 * fetched from elsewhere; every string that came from a user goes through
 * html_txt() or html_url_arg(). The full web interface is a later issue.
 */
#include "web/api.h"

#include <string.h>

#include "core/today.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web_static.h"

#define PAGE_MAX (4 * 1024 * 1024)

static void page_person_link(struct buf *b, int64_t id, const char *name)
{
	html_raw(b, "<a href=\"/api/v1/people/");
	html_int(b, id);
	html_raw(b, "\">");
	html_txt(b, name);
	html_raw(b, "</a>");
}

static void page_day(struct buf *b, int64_t day)
{
	char s[DATE_STR_MAX];
	date_format(day, s);
	html_txt(b, s);
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
}

/* Renders "/": today's list and links to the API. */
enum result page_home(struct req *r, struct error *err)
{
	struct today t;
	enum result res = api_today_build(r, &t, err);
	if (res != R_OK)
		return res;
	struct buf b;
	buf_init(&b, PAGE_MAX);
	html_raw(&b, "<!doctype html>\n<html lang=\"en\"><head>"
		     "<meta charset=\"utf-8\">"
		     "<meta name=\"viewport\" content=\"width=device-width, "
		     "initial-scale=1\">"
		     "<title>rapport: today</title>"
		     "<link rel=\"stylesheet\" href=\"/static/app.css\">"
		     "</head><body>\n<header><h1>rapport</h1></header>\n"
		     "<main>\n<p>Today is ");
	page_day(&b, t.local_day);
	html_raw(&b, ".</p>\n");
	page_due(&b, &t);
	page_dates(&b, &t);
	page_followups(&b, &t);
	html_raw(&b, "</main>\n<footer>JSON API: "
		     "<a href=\"/api/v1/today\">today</a>, "
		     "<a href=\"/api/v1/people\">people</a>, "
		     "<a href=\"/api/v1/organizations\">organizations</a>, "
		     "<a href=\"/api/v1/tags\">tags</a>, "
		     "<a href=\"/healthz\">health</a>.</footer>\n"
		     "</body></html>\n");
	if (!buf_ok(&b)) {
		buf_free(&b);
		return error_set(err, R_TOO_BIG, "",
				 "the page is too large to show");
	}
	r->raw_len = b.len;
	r->raw = arena_strndup(r->arena, b.data, b.len);
	r->raw_copy = true;
	r->content_type = "text/html; charset=utf-8";
	r->status = 200;
	buf_free(&b);
	return R_OK;
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
