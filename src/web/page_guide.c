/*
 * page_guide.c: the decision guide, a clean printable page written for
 * the buyer (web layer).
 *
 * It says, in the buyer's own words, what they need; the options,
 * competitors' included, and how each meets every need with the
 * evidence; what is still not known and which of it could change the
 * choice; the recommendation and why; and how sure the comparison is.
 * It has no seller navigation and no forms, and /static/advisor.css
 * hides the screen-only links when printed. Once the buyer's share link
 * exists, this is the page it shows.
 */
#include "web/api_advisor.h"

#include <string.h>

#include "store/store_advisor.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/html.h"
#include "web/page.h"

#define GUIDE_TEXT_MAX 8192

static const char *guide_weight_words(int w)
{
	static const char *const words[] = {
	    "",	       "nice to have",	"helpful",
	    "matters", "matters a lot", "matters most"};
	return w >= 1 && w <= 5 ? words[w] : "";
}

/* back: the crumb's link and text (NULL: none, on the buyer's copy). */
static void guide_head(struct buf *b, const struct deal *d, const char *back,
		       const char *back_text)
{
	buf_init(b, PAGE_MAX);
	html_raw(b, "<!doctype html>\n<html lang=\"en\"><head>"
		    "<meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\"><title>Decision guide: ");
	html_txt(b, d->title);
	html_raw(b, "</title>"
		    "<link rel=\"stylesheet\" href=\"/static/app.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/advisor.css\">"
		    "</head><body class=\"guide\">\n"
		    "<main id=\"main\">\n<p class=\"no-print crumbs\">");
	if (back) {
		html_raw(b, "<a href=\"");
		html_attr(b, back);
		html_raw(b, "\">");
		html_txt(b, back_text);
		html_raw(b, "</a> · ");
	}
	html_raw(b, "Print this page to share it.</p>\n<h1>Choosing well: ");
	html_txt(b, d->title);
	html_raw(b, "</h1>\n<p class=\"lead\">A guide for ");
	html_txt(b, d->org_name);
	html_raw(b, ". It compares every option we looked at, including "
		    "other companies' products, against what you told us "
		    "you need.</p>\n");
}

static void guide_needs(struct buf *b, const struct advisor_input *in)
{
	html_raw(b, "<section><h2>What you need</h2>\n");
	if (!in->n_needs) {
		html_raw(b, "<p class=\"empty\">We have not written down your "
			    "needs yet.</p></section>\n");
		return;
	}
	html_raw(b, "<ul>\n");
	for (size_t i = 0; i < in->n_needs; i++) {
		html_raw(b, "<li>");
		html_txt(b, in->needs[i].words);
		html_raw(b, " <span class=\"why\">(");
		html_raw(b, guide_weight_words(in->needs[i].weight));
		html_raw(b, in->needs[i].must_have ? "; a must-have)" : ")");
		html_raw(b, "</span></li>\n");
	}
	html_raw(b, "</ul></section>\n");
}

static const struct fit *guide_cell(const struct advisor_input *in, size_t i,
				    size_t o)
{
	for (size_t k = 0; k < in->n_fits; k++)
		if (in->fits[k].need_id == in->needs[i].id &&
		    in->fits[k].offering_id == in->offerings[o].id)
			return &in->fits[k];
	return NULL;
}

static void guide_option(struct buf *b, const struct advisor_input *in,
			 const struct advisor_rank *rk, struct buf *t)
{
	const struct offering *o = &in->offerings[rk->offering];
	html_raw(b, "<article class=\"option\"><h3>");
	html_txt(b, o->name);
	html_raw(b, " <span class=\"why\">by ");
	html_txt(b, o->vendor);
	html_raw(b, o->is_ours ? " (ours)" : " (another company's)");
	html_raw(b, "</span></h3>\n<p>");
	advisor_text_rank(in, rk, t);
	html_txt(b, buf_str(t));
	buf_reset(t);
	html_raw(b, "</p>\n<table class=\"figures\"><thead><tr>"
		    "<th scope=\"col\">Your need</th><th scope=\"col\">How "
		    "well</th><th scope=\"col\">What shows it</th></tr>"
		    "</thead><tbody>\n");
	for (size_t i = 0; i < in->n_needs; i++) {
		const struct fit *f = guide_cell(in, i, rk->offering);
		html_raw(b, "<tr><th scope=\"row\">");
		html_txt(b, in->needs[i].words);
		html_raw(b, "</th><td>");
		if (f && f->has_score) {
			html_int(b, f->score);
			html_raw(b, " of 5");
		} else {
			html_raw(b, "not known yet");
		}
		html_raw(b, "</td><td>");
		if (f) {
			html_txt(b, f->evidence);
			if (f->source) {
				html_raw(b, " <span class=\"why\">(");
				html_txt(b, f->source);
				html_raw(b, ")</span>");
			}
		}
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n<p class=\"why\">");
	advisor_text_vfm(in, rk, t);
	html_txt(b, buf_str(t));
	buf_reset(t);
	html_raw(b, "</p>\n");
	for (size_t i = 0; i < o->n_links; i++) {
		html_raw(b, i ? " · " : "<p class=\"links\">");
		html_raw(b, "<a href=\"");
		html_attr(b, o->links[i]);
		html_raw(b, "\" rel=\"noopener noreferrer\">");
		html_txt(b, o->links[i]);
		html_raw(b, "</a>");
	}
	html_raw(b, o->n_links ? "</p>\n</article>\n" : "</article>\n");
}

static void guide_unknowns(struct buf *b, const struct advisor_input *in,
			   const struct advisor_ranking *k, struct buf *t)
{
	html_raw(b, "<section><h2>What is still not known</h2>\n");
	if (!k->n_unknown_cells) {
		html_raw(b, "<p>Every option has been scored on every need."
			    "</p></section>\n");
		return;
	}
	html_raw(b, "<p>");
	html_int(b, (int64_t)k->n_unknown_cells);
	html_raw(b, k->n_unknown_cells == 1 ? " score is" : " scores are");
	html_raw(b, " not known yet. ");
	if (!k->n_unknowns) {
		html_raw(b, "None of them could change the order.</p>"
			    "</section>\n");
		return;
	}
	html_raw(b, "These could change the order, so they are worth "
		    "finding out first:</p>\n<ul>\n");
	for (size_t i = 0; i < k->n_unknowns; i++) {
		advisor_text_unknown(in, k, &k->unknowns[i], t);
		html_raw(b, "<li>");
		html_txt(b, buf_str(t));
		html_raw(b, "</li>\n");
		buf_reset(t);
	}
	html_raw(b, "</ul></section>\n");
}

static void guide_recommendation(struct buf *b,
				 const struct recommendation *recs, size_t n)
{
	html_raw(b, "<section><h2>Our recommendation</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">We have not made a "
			    "recommendation yet.</p></section>\n");
		return;
	}
	const struct recommendation *x = &recs[0]; /* the newest */
	html_raw(b, "<p class=\"recommended\"><strong>");
	html_txt(b, x->offering_name);
	html_raw(b, "</strong> by ");
	html_txt(b, x->vendor);
	html_raw(b, x->is_ours ? " (ours)." : ", which is not ours.");
	html_raw(b, "</p>\n<p class=\"prose\">");
	html_txt(b, x->rationale);
	html_raw(b, "</p>\n<p class=\"why\">Recommended on ");
	page_time_day(b, x->created_at);
	html_raw(b, ".</p></section>\n");
}

/* Renders GET /deals/{id}/guide. */
enum result page_guide(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return page_guide_render(r, id,
				 arena_printf(r->arena, "/deals/%lld/fit",
					      (long long)id),
				 "Back to the comparison", err);
}

enum result page_guide_render(struct req *r, int64_t id, const char *back,
			      const char *back_text, struct error *err)
{
	struct advisor_data d;
	struct recommendation *recs = NULL;
	size_t n_recs = 0;
	enum result res = store_advisor_read(r->store, r->arena, id, &d, err);
	if (res == R_OK)
		res = store_recommendation_list(r->store, r->arena, id, &recs,
						&n_recs, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct advisor_input in;
	struct advisor_ranking k;
	store_advisor_input(&d, &in);
	advisor_rank(&in, r->arena, &k);
	struct buf b, t;
	buf_init(&t, GUIDE_TEXT_MAX);
	guide_head(&b, &d.deal, back, back_text);
	guide_needs(&b, &in);
	html_raw(&b, "<section><h2>The options, best fit first</h2>\n");
	if (!k.n)
		html_raw(&b, "<p class=\"empty\">No options compared "
			     "yet.</p>\n");
	for (size_t i = 0; i < k.n; i++)
		guide_option(&b, &in, &k.ranks[i], &t);
	html_raw(&b, "<h3>How sure this comparison is</h3>\n<p>");
	advisor_text_sureness(&in, &k, &t);
	html_txt(&b, buf_str(&t));
	buf_reset(&t);
	html_raw(&b, "</p></section>\n");
	guide_unknowns(&b, &in, &k, &t);
	guide_recommendation(&b, recs, n_recs);
	html_raw(&b, "<footer><p>Scores run from 0 (does not meet the need) "
		     "to 5 (meets it fully); a must-have that scores below 3 "
		     "rules an option out. Prepared on ");
	char day[DATE_STR_MAX];
	date_format(time_local_days(r->now, 0), day);
	html_txt(&b, day);
	html_raw(&b, ".</p></footer>\n</main></body></html>\n");
	buf_free(&t);
	return page_reply(r, &b, 200, err);
}
