/*
 * page_metrics.c: what trust earns, as a page (web layer).
 *
 * /metrics shows the measures of core/metrics.h for a period (?from= and
 * ?to=, days, both included; default the 365 days up to today), for
 * everyone or one seller (?owner=): the figures, then a trend per
 * calendar quarter of the period and the same figures per owner, each
 * as a chart drawn by the server (svg.c) with a table of the numbers
 * under it. The definitions are in docs/deals.md; this page only counts
 * through core and draws.
 */
#include <string.h>

#include "core/metrics.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/utf8.h"
#include "web/html.h"
#include "web/page.h"
#include "web/page_deal.h"
#include "web/svg.h"

#define METRICS_DAYS_MAX     36600 /* a century, as the API */
#define METRICS_QUARTERS_MAX 16	   /* the trend shows the last four years */
#define METRICS_OWNERS_DRAWN 12
#define METRICS_OWNER_MAX    200

/* The period and owner asked for. */
struct metrics_query {
	int64_t from, to;
	const char *owner;
	const char *from_text, *to_text;
};

static enum result metrics_day(struct req *r, const char *name, int64_t *out,
			       struct error *err)
{
	const char *s = api_query(r, name);
	if (!s || !s[0])
		return R_OK;
	if (!date_parse(s, out))
		return error_set(err, R_INVALID, name,
				 "%s: \"%.12s\" is not a date (use "
				 "YYYY-MM-DD)",
				 name, s);
	return R_OK;
}

static enum result metrics_read_query(struct req *r, struct metrics_query *q,
				      struct error *err)
{
	q->to = time_local_days(r->now, 0);
	enum result res = metrics_day(r, "to", &q->to, err);
	q->from = q->to - 364;
	if (res == R_OK)
		res = metrics_day(r, "from", &q->from, err);
	if (res == R_OK && q->from > q->to)
		res = error_set(err, R_INVALID, "from",
				"from: is after to (give the earlier day as "
				"from)");
	if (res == R_OK && q->to - q->from > METRICS_DAYS_MAX)
		res = error_set(err, R_INVALID, "from",
				"from: the period is longer than a century "
				"(narrow it)");
	q->owner = api_query(r, "owner");
	if (res == R_OK && q->owner &&
	    (strlen(q->owner) > METRICS_OWNER_MAX ||
	     !utf8_valid(q->owner, strlen(q->owner))))
		res = error_set(err, R_INVALID, "owner",
				"owner: must be valid UTF-8 of at most %d "
				"bytes",
				METRICS_OWNER_MAX);
	if (q->owner && !q->owner[0])
		q->owner = NULL;
	char *f = arena_alloc(r->arena, DATE_STR_MAX);
	char *t = arena_alloc(r->arena, DATE_STR_MAX);
	date_format(q->from, f);
	date_format(q->to, t);
	q->from_text = f;
	q->to_text = t;
	return res;
}

/* ---- numbers ---- */

/* A rate as a percentage, or -1 when undefined. */
static double metrics_pct(struct metrics_rate rt)
{
	double v;
	return metrics_rate_value(rt, &v) ? v * 100.0 : -1.0;
}

/* A median in days, or -1 when there is none. */
static double metrics_days(struct metrics_median m)
{
	return m.count ? (double)m.seconds / 86400.0 : -1.0;
}

static void metrics_rate_cell(struct buf *b, struct metrics_rate rt)
{
	html_raw(b, "<td>");
	double v = metrics_pct(rt);
	if (v < 0) {
		html_raw(b, "—");
	} else {
		buf_printf(b, "%.0f%%", v);
		html_raw(b, " <span class=\"why\">(");
		html_int(b, rt.num);
		html_raw(b, " of ");
		html_int(b, rt.den);
		html_raw(b, ")</span>");
	}
	html_raw(b, "</td>");
}

static void metrics_median_cell(struct buf *b, struct metrics_median m)
{
	html_raw(b, "<td>");
	if (!m.count) {
		html_raw(b, "—");
	} else {
		buf_printf(b, "%.1f days", metrics_days(m));
		html_raw(b, " <span class=\"why\">(");
		html_int(b, m.count);
		html_raw(b, ")</span>");
	}
	html_raw(b, "</td>");
}

/* A table with a row per group (label) and a column per measure. */
static void metrics_table(struct buf *b, const char *caption, const char *first,
			  const char *const *labels, const struct metrics *ms,
			  size_t n, bool stalled)
{
	html_raw(b, "<div class=\"scroll\"><table class=\"figures\">"
		    "<caption>");
	html_txt(b, caption);
	html_raw(b, "</caption><thead><tr><th scope=\"col\">");
	html_txt(b, first);
	html_raw(b, "</th><th scope=\"col\">Win rate</th><th scope=\"col\">"
		    "Rescinded</th><th scope=\"col\">Repeat business</th><th "
		    "scope=\"col\">Referrals</th><th scope=\"col\">Time to "
		    "answer</th><th scope=\"col\">Time to resolve</th><th "
		    "scope=\"col\">Asks with open concerns</th>");
	if (stalled)
		html_raw(b, "<th scope=\"col\">Stalled now</th>");
	html_raw(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct metrics *m = &ms[i];
		html_raw(b, "<tr><th scope=\"row\">");
		html_txt(b, labels[i]);
		html_raw(b, "</th>");
		metrics_rate_cell(b, m->win_rate);
		metrics_rate_cell(b, m->rescission_rate);
		metrics_rate_cell(b, m->repeat_rate);
		metrics_rate_cell(b, m->referral_share);
		metrics_median_cell(b, m->time_to_answer);
		metrics_median_cell(b, m->time_to_resolve);
		metrics_rate_cell(b, m->asks_flagged);
		if (stalled) {
			html_raw(b, "<td>");
			html_int(b, m->stalled);
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

/* ---- charts ---- */

/* Draws the rates of ms (win, rescission, repeat, referral) per group. */
static void metrics_rates_chart(struct buf *b, struct req *r, const char *id,
				const char *title, const char *desc,
				const char *const *labels,
				const struct metrics *ms, size_t n)
{
	double *v = arena_alloc(r->arena, 4 * (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i] = metrics_pct(ms[i].win_rate);
		v[n + i] = metrics_pct(ms[i].rescission_rate);
		v[2 * n + i] = metrics_pct(ms[i].repeat_rate);
		v[3 * n + i] = metrics_pct(ms[i].asks_flagged);
	}
	const struct svg_series series[] = {
	    {"Win rate", v},
	    {"Rescinded", v + n},
	    {"Repeat business", v + 2 * n},
	    {"Asks with open concerns", v + 3 * n},
	};
	struct svg_bars c = {id, title, desc, labels, n, series, 4, 100, "%"};
	svg_bar_chart(b, &c);
}

/* Draws the median days to answer and to resolve per group. */
static void metrics_days_chart(struct buf *b, struct req *r, const char *id,
			       const char *const *labels,
			       const struct metrics *ms, size_t n)
{
	double *v = arena_alloc(r->arena, 2 * (n + 1) * sizeof(*v));
	double max = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = metrics_days(ms[i].time_to_answer);
		v[n + i] = metrics_days(ms[i].time_to_resolve);
		max = v[i] > max ? v[i] : max;
		max = v[n + i] > max ? v[n + i] : max;
	}
	/* A scale of whole steps: 4, 8, 20, 40, ... days. */
	double top = 4;
	while (top < max && top < 40000)
		top *= top < 8 ? 2 : 2.5;
	const struct svg_series series[] = {
	    {"Days to answer", v},
	    {"Days to resolve", v + n},
	};
	struct svg_bars c = {
	    id,
	    "Concerns: median days to answer and to resolve",
	    "How long buyers waited, per quarter, for an answer and for a "
	    "concern to be settled.",
	    labels,
	    n,
	    series,
	    2,
	    top,
	    " d"};
	svg_bar_chart(b, &c);
}

/* ---- the trend per quarter ---- */

/* Splits from..to into calendar quarters (the last QUARTERS_MAX). */
static size_t metrics_quarters(struct req *r, int64_t from, int64_t to,
			       int64_t *starts, int64_t *ends,
			       const char **labels)
{
	size_t n = 0;
	int y, m, d;
	date_from_days(from, &y, &m, &d);
	int qm = (m - 1) / 3 * 3 + 1;
	for (int64_t start = date_to_days(y, qm, 1); start <= to;) {
		int ny = qm == 10 ? y + 1 : y, nm = qm == 10 ? 1 : qm + 3;
		int64_t next = date_to_days(ny, nm, 1);
		if (n == METRICS_QUARTERS_MAX) {
			memmove(starts, starts + 1, (n - 1) * sizeof(*starts));
			memmove(ends, ends + 1, (n - 1) * sizeof(*ends));
			memmove(labels, labels + 1, (n - 1) * sizeof(*labels));
			n--;
		}
		starts[n] = start < from ? from : start;
		ends[n] = next - 1 > to ? to : next - 1;
		labels[n] =
		    arena_printf(r->arena, "%d Q%d", y, (qm - 1) / 3 + 1);
		n++;
		y = ny;
		qm = nm;
		start = next;
	}
	return n;
}

/* ---- the page ---- */

static void metrics_filters(struct buf *b, const struct metrics_query *q,
			    const char *const *owners, size_t n_owners)
{
	html_raw(b, "<form method=\"get\" action=\"/metrics\" "
		    "class=\"filters\" aria-label=\"Period and owner\">\n"
		    "<div class=\"field\"><label for=\"from\">From</label>"
		    "<input type=\"date\" id=\"from\" name=\"from\" value=\"");
	html_attr(b, q->from_text);
	html_raw(b, "\"></div>\n<div class=\"field\"><label for=\"to\">To"
		    "</label><input type=\"date\" id=\"to\" name=\"to\" "
		    "value=\"");
	html_attr(b, q->to_text);
	html_raw(b, "\"></div>\n<div class=\"field\"><label for=\"owner\">"
		    "Owner</label><select id=\"owner\" name=\"owner\">"
		    "<option value=\"\">Everyone</option>");
	for (size_t i = 0; i < n_owners; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, owners[i]);
		html_raw(b, q->owner && strcmp(q->owner, owners[i]) == 0
				? "\" selected>"
				: "\">");
		html_txt(b, owners[i]);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div>\n<button type=\"submit\">Show</button>\n"
		    "</form>\n");
}

/* The headline figures of m as a definition list. */
static void metrics_headline(struct buf *b, const struct metrics *m)
{
	html_raw(b,
		 "<dl class=\"facts headline\">\n<dt>Deals started</dt><dd>");
	html_int(b, m->deals_started);
	html_raw(b, "</dd>\n<dt>Won, lost, no fit</dt><dd>");
	html_int(b, m->won);
	html_raw(b, ", ");
	html_int(b, m->lost);
	html_raw(b, ", ");
	html_int(b, m->no_fit);
	html_raw(b, "</dd>\n<dt>Stalled now</dt><dd><a href=\"/deals\">");
	html_int(b, m->stalled);
	html_raw(b, m->stalled == 1 ? " deal" : " deals");
	html_raw(b, "</a> quiet more than ");
	html_int(b, m->stall_days);
	html_raw(b, " days</dd>\n</dl>\n");
}

/* Renders GET /metrics. */
enum result page_metrics(struct req *r, struct error *err)
{
	struct metrics_query q;
	enum result res = metrics_read_query(r, &q, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct metrics_input in;
	res = store_metrics_inputs(r->store, r->arena, &in, err);
	if (res != R_OK)
		return res;
	const char **owners = NULL;
	size_t n_owners = 0;
	metrics_owners(&in, r->arena, &owners, &n_owners);
	/* The period: everyone (or the owner) and every owner. */
	struct metrics *all =
	    arena_alloc(r->arena, (n_owners + 1) * sizeof(*all));
	metrics_compute_groups(&in, owners, n_owners, q.from, q.to, r->now,
			       DEAL_STALL_DAYS_DEFAULT, r->arena, all);
	struct metrics mine;
	if (q.owner)
		metrics_compute(&in, q.owner, q.from, q.to, r->now,
				DEAL_STALL_DAYS_DEFAULT, r->arena, &mine);
	const struct metrics *head = q.owner ? &mine : &all[0];
	/* The trend per quarter, for the same people. */
	int64_t starts[METRICS_QUARTERS_MAX], ends[METRICS_QUARTERS_MAX];
	const char *qlabels[METRICS_QUARTERS_MAX];
	size_t nq = metrics_quarters(r, q.from, q.to, starts, ends, qlabels);
	struct metrics *qs = arena_alloc(r->arena, (nq + 1) * sizeof(*qs));
	for (size_t i = 0; i < nq; i++)
		metrics_compute(&in, q.owner, starts[i], ends[i], r->now,
				DEAL_STALL_DAYS_DEFAULT, r->arena, &qs[i]);

	struct buf b;
	page_begin(&b, "Measures", PAGE_NAV_DEALS);
	html_raw(&b, "<p class=\"crumbs\"><a href=\"/deals\">Deals</a></p>\n"
		     "<h1>What trust earns</h1>\n<p class=\"lead\">");
	html_txt(&b, q.owner ? q.owner : "Everyone");
	html_raw(&b, ", ");
	html_txt(&b, q.from_text);
	html_raw(&b, " to ");
	html_txt(&b, q.to_text);
	html_raw(&b, ".</p>\n");
	metrics_filters(&b, &q, owners, n_owners);
	metrics_headline(&b, head);
	const char *label = q.owner ? q.owner : "Everyone";
	metrics_table(&b, "The period", "Who", &label, head, 1, true);

	html_raw(&b, "<section aria-labelledby=\"trend-h\"><h2 id=\"trend-h\">"
		     "Per quarter</h2>\n");
	metrics_rates_chart(&b, r, "trend", "Per quarter: outcome rates",
			    "Win rate, rescissions, repeat business and asks "
			    "made over open concerns, per calendar quarter of "
			    "the period.",
			    qlabels, qs, nq);
	metrics_days_chart(&b, r, "answer", qlabels, qs, nq);
	metrics_table(&b, "Per quarter", "Quarter", qlabels, qs, nq, false);
	html_raw(&b, "</section>\n");

	if (!q.owner) {
		html_raw(&b, "<section aria-labelledby=\"owners-h\"><h2 "
			     "id=\"owners-h\">Per owner</h2>\n");
		size_t drawn = n_owners < METRICS_OWNERS_DRAWN
				   ? n_owners
				   : METRICS_OWNERS_DRAWN;
		if (n_owners)
			metrics_rates_chart(
			    &b, r, "owners", "Per owner: outcome rates",
			    "Win rate, rescissions, repeat business and asks "
			    "made over open concerns, per seller, over the "
			    "period.",
			    owners, all + 1, drawn);
		else
			html_raw(&b, "<p class=\"empty\">No deal has an owner "
				     "yet.</p>\n");
		if (n_owners)
			metrics_table(&b, "Per owner", "Owner", owners, all + 1,
				      n_owners, true);
		html_raw(&b, "</section>\n");
	}
	html_raw(&b, "<p class=\"why\">Win rate leaves out deals closed as no "
		     "fit: deciding together that it is not right is a good "
		     "outcome. Definitions: docs/deals.md.</p>\n");
	page_end(&b);
	return page_reply(r, &b, 200, err);
}
