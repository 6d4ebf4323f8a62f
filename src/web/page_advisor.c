/*
 * page_advisor.c: a deal's fit page: the buyer's needs, the grid of how
 * each offering (ours or a competitor's) meets them with the evidence,
 * the ranking with its reasons, how sure it is and what is worth finding
 * out, the recommendations made, and the forms that add a need, set a
 * score, add an offering to the catalogue and record a recommendation
 * (web layer).
 *
 * As on a person's page, each form POSTs to its own path and the answer
 * is 303 back here, or the page again with 422 (409 for a clash), the
 * form that failed keeping what was typed and its message beside the
 * field. The decision guide for the buyer is page_guide.c.
 */
#include "web/api_advisor.h"

#include <stdio.h>
#include <string.h>

#include "core/validate_advisor.h"
#include "store/store_advisor.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/num.h"
#include "web/html.h"
#include "web/page.h"

#define FIT_CATALOGUE_MAX 500 /* offerings offered in the forms */
#define FIT_TEXT_MAX	  8192

enum fit_form {
	FIT_FORM_NONE,
	FIT_FORM_NEED,
	FIT_FORM_SCORE,
	FIT_FORM_OFFERING,
	FIT_FORM_RECOMMEND
};

static const struct page_option fit_weights[] = {{"1", "1: nice to have"},
						 {"2", "2"},
						 {"3", "3: matters"},
						 {"4", "4"},
						 {"5", "5: matters most"}};
static const struct page_option fit_must[] = {
    {"no", "No"}, {"yes", "Yes: an option that does not meet it does not fit"}};
static const struct page_option fit_scores[] = {
    {"", "Not known yet"},     {"0", "0: does not meet it"}, {"1", "1"},
    {"2", "2: partly"},	       {"3", "3: meets it"},	     {"4", "4"},
    {"5", "5: meets it fully"}};
static const struct page_option fit_whose[] = {{"theirs", "A competitor's"},
					       {"ours", "Ours"}};
static const struct page_option fit_models[] = {
    {"yearly", "A year"},
    {"monthly", "A month"},
    {"one_time", "Once"},
    {"per_user_monthly", "Per user a month"},
    {"per_user_yearly", "Per user a year"},
    {"quote", "On request"}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Everything the page shows. */
struct fit_view {
	struct advisor_data d;
	struct advisor_input in;
	struct advisor_ranking k;
	struct recommendation *recs;
	size_t n_recs;
	struct offering *catalogue;
	size_t n_catalogue;
};

static enum result fit_load(struct req *r, int64_t id, struct fit_view *v,
			    struct error *err)
{
	memset(v, 0, sizeof(*v));
	enum result res =
	    store_advisor_read(r->store, r->arena, id, &v->d, err);
	if (res == R_OK)
		res = store_recommendation_list(r->store, r->arena, id,
						&v->recs, &v->n_recs, err);
	struct store_page page = {0, FIT_CATALOGUE_MAX};
	bool more = false;
	if (res == R_OK)
		res = store_offering_list(r->store, r->arena, -1, &page,
					  &v->catalogue, &v->n_catalogue, &more,
					  err);
	if (res != R_OK)
		return res;
	store_advisor_input(&v->d, &v->in);
	advisor_rank(&v->in, r->arena, &v->k);
	return R_OK;
}

static const char *fit_who(const struct offering *o)
{
	return o->is_ours ? "ours" : "a competitor's";
}

static const struct fit *fit_cell(const struct advisor_input *in, size_t i,
				  size_t o)
{
	for (size_t k = 0; k < in->n_fits; k++)
		if (in->fits[k].need_id == in->needs[i].id &&
		    in->fits[k].offering_id == in->offerings[o].id)
			return &in->fits[k];
	return NULL;
}

/* Options naming offerings: "Name (Vendor, ours)". */
static struct page_option *
fit_offering_options(struct req *r, const struct offering *os, size_t n)
{
	struct page_option *opts =
	    arena_alloc(r->arena, sizeof(*opts) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		opts[i].value =
		    arena_printf(r->arena, "%lld", (long long)os[i].id);
		opts[i].text = arena_printf(r->arena, "%s (%s, %s)", os[i].name,
					    os[i].vendor, fit_who(&os[i]));
	}
	return opts;
}

static void fit_heading(struct buf *b, const struct fit_view *v)
{
	const struct deal *d = &v->d.deal;
	html_raw(b, "<p class=\"crumbs\"><a href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "\">");
	html_txt(b, d->title);
	html_raw(b, "</a></p>\n<div class=\"title-row\"><h1>What fits ");
	html_txt(b, d->org_name);
	html_raw(b, "</h1><a class=\"button\" href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "/guide\">Decision guide for the buyer</a></div>\n"
		    "<p class=\"lead\">Ours and competitors' offerings are "
		    "scored the same way; whether one is ours is shown, never "
		    "counted.</p>\n");
}

static void fit_needs(struct buf *b, const struct fit_view *v,
		      struct page_fields *fs)
{
	html_raw(b, "<section aria-labelledby=\"needs-h\"><h2 id=\"needs-h\">"
		    "The buyer's needs</h2>\n");
	if (!v->in.n_needs)
		html_raw(b, "<p class=\"empty\">None yet. What did the buyer "
			    "say they need, in their words?</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < v->in.n_needs; i++) {
		const struct need *n = &v->in.needs[i];
		html_raw(b, "<li>");
		html_txt(b, n->words);
		html_raw(b, " <span class=\"why\">weight ");
		html_int(b, n->weight);
		html_raw(b, n->must_have ? ", must-have" : "");
		html_raw(b, "</span></li>\n");
	}
	if (v->in.n_needs)
		html_raw(b, "</ul>\n");
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Add a need</summary>\n");
	char action[64];
	snprintf(action, sizeof(action), "/deals/%lld/fit/needs",
		 (long long)v->d.deal.id);
	page_form_start(b, action, "Add a need");
	page_textarea(b, fs, "words", "The need, in the buyer's words", NULL, 2,
		      true);
	page_select(b, fs, "weight", "How much it matters", fit_weights,
		    COUNT(fit_weights), "3");
	page_select(b, fs, "must_have", "A must-have?", fit_must,
		    COUNT(fit_must), "no");
	page_form_end(b, fs, "Add the need");
	html_raw(b, "</details></section>\n");
}

static void fit_grid(struct buf *b, const struct fit_view *v)
{
	const struct advisor_input *in = &v->in;
	html_raw(b, "<section aria-labelledby=\"grid-h\"><h2 id=\"grid-h\">"
		    "How each option meets them</h2>\n");
	if (!in->n_offerings || !in->n_needs) {
		html_raw(b, "<p class=\"empty\">Set a score below to put an "
			    "offering in the comparison.</p></section>\n");
		return;
	}
	html_raw(b, "<table class=\"figures\"><thead><tr><th scope=\"col\">"
		    "Need</th>");
	for (size_t o = 0; o < in->n_offerings; o++) {
		html_raw(b, "<th scope=\"col\">");
		html_txt(b, in->offerings[o].name);
		html_raw(b, "<br><span class=\"why\">");
		html_txt(b, in->offerings[o].vendor);
		html_raw(b, ", ");
		html_raw(b, fit_who(&in->offerings[o]));
		html_raw(b, "</span></th>");
	}
	html_raw(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < in->n_needs; i++) {
		html_raw(b, "<tr><th scope=\"row\">");
		html_txt(b, in->needs[i].words);
		html_raw(b, in->needs[i].must_have ? " <span class=\"badge\">"
						     "must-have</span>"
						   : "");
		html_raw(b, "</th>");
		for (size_t o = 0; o < in->n_offerings; o++) {
			const struct fit *f = fit_cell(in, i, o);
			html_raw(b, "<td>");
			if (f && f->has_score) {
				html_int(b, f->score);
				html_raw(b, " of 5");
			} else {
				html_raw(b, "<em>unknown</em>");
			}
			if (f && f->evidence) {
				html_raw(b, "<br><span class=\"why\">");
				html_txt(b, f->evidence);
				if (f->source) {
					html_raw(b, " (");
					html_txt(b, f->source);
					html_raw(b, ")");
				}
				html_raw(b, "</span>");
			}
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></section>\n");
}

static void fit_score_form(struct req *r, struct buf *b,
			   const struct fit_view *v, struct page_fields *fs)
{
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Set a score</summary>\n");
	if (!v->in.n_needs || !v->n_catalogue) {
		html_raw(b, "<p class=\"empty\">Add a need and an offering "
			    "first.</p></details>\n");
		return;
	}
	struct page_option *needs =
	    arena_alloc(r->arena, sizeof(*needs) * v->in.n_needs);
	for (size_t i = 0; i < v->in.n_needs; i++) {
		needs[i].value = arena_printf(r->arena, "%lld",
					      (long long)v->in.needs[i].id);
		needs[i].text = v->in.needs[i].words;
	}
	char action[64];
	snprintf(action, sizeof(action), "/deals/%lld/fit/scores",
		 (long long)v->d.deal.id);
	page_form_start(b, action, "Set a score");
	page_select(b, fs, "need_id", "Need", needs, v->in.n_needs, NULL);
	page_select(b, fs, "offering_id", "Offering",
		    fit_offering_options(r, v->catalogue, v->n_catalogue),
		    v->n_catalogue, NULL);
	page_select(b, fs, "score", "How well it meets the need", fit_scores,
		    COUNT(fit_scores), "");
	page_textarea(b, fs, "evidence",
		      "Evidence (required with a score: what shows it)", NULL,
		      2, false);
	page_input(b, fs, "text", "source", "Source", NULL, false,
		   "Where it comes from: a trial, a document, a reference "
		   "call.");
	page_form_end(b, fs, "Set the score");
	html_raw(b, "</details>\n");
}

static void fit_ranking(struct buf *b, const struct fit_view *v)
{
	const struct advisor_input *in = &v->in;
	const struct advisor_ranking *k = &v->k;
	struct buf t;
	buf_init(&t, FIT_TEXT_MAX);
	html_raw(b, "<section aria-labelledby=\"rank-h\"><h2 id=\"rank-h\">"
		    "Ranking</h2>\n");
	if (!k->n)
		html_raw(b, "<p class=\"empty\">Nothing to rank yet.</p>\n");
	else
		html_raw(b, "<ol class=\"findings\">\n");
	for (size_t i = 0; i < k->n; i++) {
		const struct advisor_rank *rk = &k->ranks[i];
		const struct offering *o = &in->offerings[rk->offering];
		double p = 0;
		html_raw(b, "<li><p><strong>");
		html_txt(b, o->name);
		html_raw(b, "</strong> (");
		html_txt(b, o->vendor);
		html_raw(b, ", ");
		html_raw(b, fit_who(o));
		html_raw(b, ")");
		if (rk->place > 1 && i > 0 &&
		    k->ranks[i - 1].place == rk->place)
			html_raw(b, " <span class=\"badge\">tied</span>");
		if (!rk->fits)
			html_raw(b, " <span class=\"badge sev-high\">does not "
				    "fit</span>");
		html_raw(b, ": ");
		if (advisor_point(rk, &p)) {
			buf_printf(b, "%.1f of 5 (could be %.1f to %.1f)", p,
				   advisor_min(rk), advisor_max(rk));
		} else {
			html_raw(b, "not known yet");
		}
		html_raw(b, "</p><p>");
		advisor_text_rank(in, rk, &t);
		html_txt(b, buf_str(&t));
		buf_reset(&t);
		html_raw(b, "</p><p class=\"why\">");
		advisor_text_vfm(in, rk, &t);
		html_txt(b, buf_str(&t));
		buf_reset(&t);
		html_raw(b, "</p></li>\n");
	}
	if (k->n)
		html_raw(b, "</ol>\n");
	html_raw(b, "<h3>How sure</h3>\n<p>");
	advisor_text_sureness(in, k, &t);
	html_txt(b, buf_str(&t));
	buf_reset(&t);
	html_raw(b, "</p>\n<h3>Worth finding out</h3>\n");
	if (!k->n_unknowns)
		html_raw(b, "<p class=\"empty\">No unknown could change the "
			    "order.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < k->n_unknowns; i++) {
		advisor_text_unknown(in, k, &k->unknowns[i], &t);
		html_raw(b, "<li>");
		html_txt(b, buf_str(&t));
		html_raw(b, "</li>\n");
		buf_reset(&t);
	}
	if (k->n_unknowns)
		html_raw(b, "</ul>\n");
	html_raw(b, "</section>\n");
	buf_free(&t);
}

static void fit_recommend(struct req *r, struct buf *b,
			  const struct fit_view *v, struct page_fields *fs)
{
	html_raw(b, "<section aria-labelledby=\"rec-h\"><h2 id=\"rec-h\">"
		    "Recommendations</h2>\n");
	if (!v->n_recs)
		html_raw(b, "<p class=\"empty\">None recorded yet. Recommend "
			    "what fits the buyer best, even when it is not "
			    "ours.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < v->n_recs; i++) {
		const struct recommendation *x = &v->recs[i];
		html_raw(b, "<li><span class=\"when\">");
		page_time_day(b, x->created_at);
		html_raw(b, "</span> <strong>");
		html_txt(b, x->offering_name);
		html_raw(b, "</strong> (");
		html_txt(b, x->vendor);
		html_raw(b, x->is_ours ? ", ours)" : ", a competitor's)");
		html_raw(b, "<br>");
		html_txt(b, x->rationale);
		html_raw(b, "</li>\n");
	}
	if (v->n_recs)
		html_raw(b, "</ul>\n");
	if (v->in.n_offerings) {
		char action[64];
		snprintf(action, sizeof(action), "/deals/%lld/fit/recommend",
			 (long long)v->d.deal.id);
		html_raw(b, "<details class=\"quick\"");
		html_raw(b, fs->err ? " open" : "");
		html_raw(b, "><summary>Record a recommendation</summary>\n");
		page_form_start(b, action, "Record a recommendation");
		page_select(
		    b, fs, "offering_id", "Recommend",
		    fit_offering_options(r, v->in.offerings, v->in.n_offerings),
		    v->in.n_offerings, NULL);
		page_textarea(b, fs, "rationale", "Why it fits the buyer best",
			      NULL, 3, true);
		page_form_end(b, fs, "Record it with today's ranking");
		html_raw(b, "</details>\n");
	}
	html_raw(b, "</section>\n");
}

static void fit_offering_form(struct buf *b, const struct fit_view *v,
			      struct page_fields *fs)
{
	html_raw(b, "<details class=\"quick\"");
	html_raw(b, fs->err ? " open" : "");
	html_raw(b, "><summary>Add an offering to the catalogue</summary>\n");
	char action[64];
	snprintf(action, sizeof(action), "/deals/%lld/fit/offerings",
		 (long long)v->d.deal.id);
	page_form_start(b, action, "Add an offering");
	page_input(b, fs, "text", "vendor", "Vendor", NULL, true, NULL);
	page_input(b, fs, "text", "name", "Name", NULL, true, NULL);
	page_select(b, fs, "whose", "Whose is it?", fit_whose, COUNT(fit_whose),
		    "theirs");
	page_input(b, fs, "number", "price_minor", "Price in cents", NULL,
		   false,
		   "Minor units: 4800.00 is 480000. Empty when not "
		   "known.");
	page_input(b, fs, "text", "currency", "Currency", NULL, false,
		   "EUR, USD, ...");
	page_select(b, fs, "price_model", "Priced", fit_models,
		    COUNT(fit_models), "yearly");
	page_textarea(b, fs, "links", "Links (https://, one per line)", NULL, 2,
		      false);
	page_textarea(b, fs, "notes", "Notes", NULL, 2, false);
	page_form_end(b, fs, "Add the offering");
	html_raw(b, "</details>\n");
}

static enum result fit_render(struct req *r, int64_t id, enum fit_form form,
			      const struct page_form *in,
			      const struct error *bad, int status,
			      struct error *err)
{
	struct fit_view v;
	enum result res = fit_load(r, id, &v, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct page_fields nf = {.prefix = "need"}, sf = {.prefix = "score"},
			   of = {.prefix = "offering"}, rf = {.prefix = "rec"};
	struct page_fields *which = form == FIT_FORM_NEED	 ? &nf
				    : form == FIT_FORM_SCORE	 ? &sf
				    : form == FIT_FORM_OFFERING	 ? &of
				    : form == FIT_FORM_RECOMMEND ? &rf
								 : NULL;
	if (which) {
		which->in = in;
		which->err = bad;
	}
	struct buf b;
	page_begin(&b, arena_printf(r->arena, "Fit: %s", v.d.deal.title),
		   PAGE_NAV_DEALS);
	fit_heading(&b, &v);
	fit_needs(&b, &v, &nf);
	fit_grid(&b, &v);
	fit_score_form(r, &b, &v, &sf);
	fit_offering_form(&b, &v, &of);
	fit_ranking(&b, &v);
	fit_recommend(r, &b, &v, &rf);
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /deals/{id}/fit. */
enum result page_fit(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return fit_render(r, id, FIT_FORM_NONE, NULL, NULL, 200, err);
}

/* The end of a form's POST: 303 back, the page again with 422 or 409,
 * or the failure itself. */
static enum result fit_after(struct req *r, int64_t id, enum result res,
			     enum fit_form form, const struct page_form *in,
			     const struct error *bad, const char *anchor,
			     struct error *err)
{
	if (res == R_OK)
		return page_redirect(r, arena_printf(r->arena,
						     "/deals/%lld/fit#%s",
						     (long long)id, anchor));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	return fit_render(r, id, form, in, bad, res == R_CONFLICT ? 409 : 422,
			  err);
}

/* Reads the deal id of a form's path and the form; checks the deal. */
static enum result fit_begin(struct req *r, int64_t *id, struct page_form *f,
			     struct error *err)
{
	struct deal d;
	enum result res = api_param_id(r, 0, id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, *id, &d, err);
	if (res == R_OK)
		res = page_form_read(r, f, err);
	return res;
}

/* Handles POST /deals/{id}/fit/needs. */
enum result page_fit_need(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = fit_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct need n = {.deal_id = id};
	struct error bad = {0};
	n.words = page_form_text(r->arena, &f, "words");
	const char *must = page_form_get(&f, "must_have");
	res = page_form_int(&f, "weight", ADVISOR_WEIGHT_MIN,
			    ADVISOR_WEIGHT_MAX, 3, &n.weight, &bad);
	if (res == R_OK && must && strcmp(must, "yes") != 0 &&
	    strcmp(must, "no") != 0)
		res = error_set(&bad, R_INVALID, "must_have",
				"must_have: answer yes or no");
	n.must_have = must && strcmp(must, "yes") == 0;
	if (res == R_OK)
		res = validate_need(&n, &bad);
	if (res == R_OK)
		res = store_need_create(r->store, &n, &bad);
	return fit_after(r, id, res, FIT_FORM_NEED, &f, &bad, "needs-h", err);
}

/* Handles POST /deals/{id}/fit/scores. */
enum result page_fit_score(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = fit_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct fit fit = {0};
	struct error bad = {0};
	fit.evidence = page_form_text(r->arena, &f, "evidence");
	fit.source = page_form_text(r->arena, &f, "source");
	res = page_form_id(&f, "need_id", &fit.need_id, &bad);
	if (res == R_OK)
		res = page_form_id(&f, "offering_id", &fit.offering_id, &bad);
	const char *score = page_form_text(r->arena, &f, "score");
	if (res == R_OK && score) {
		res = page_form_int(&f, "score", 0, ADVISOR_SCORE_MAX, 0,
				    &fit.score, &bad);
		fit.has_score = true;
	}
	bool created;
	if (res == R_OK)
		res = validate_fit(&fit, &bad);
	if (res == R_OK)
		res = store_fit_put(r->store, id, &fit, &created, &bad);
	return fit_after(r, id, res, FIT_FORM_SCORE, &f, &bad, "grid-h", err);
}

/* Reads the links textarea: one address per line, blank lines skipped. */
static void fit_form_links(struct req *r, const char *text, struct offering *o)
{
	o->links = NULL;
	o->n_links = 0;
	if (!text)
		return;
	size_t n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	o->links = arena_alloc(r->arena, sizeof(*o->links) * n);
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t s = 0, e = len;
		while (s < e && (p[s] == ' ' || p[s] == '\t'))
			s++;
		while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t'))
			e--;
		if (e > s)
			o->links[o->n_links++] =
			    arena_strndup(r->arena, p + s, e - s);
		p += len + (nl ? 1 : 0);
	}
}

/* Handles POST /deals/{id}/fit/offerings. */
enum result page_fit_offering(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = fit_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct offering o = {0};
	struct error bad = {0};
	o.vendor = page_form_text(r->arena, &f, "vendor");
	o.name = page_form_text(r->arena, &f, "name");
	o.currency = page_form_text(r->arena, &f, "currency");
	o.notes = page_form_text(r->arena, &f, "notes");
	fit_form_links(r, page_form_text(r->arena, &f, "links"), &o);
	const char *whose = page_form_get(&f, "whose");
	const char *model = page_form_get(&f, "price_model");
	const char *price = page_form_text(r->arena, &f, "price_minor");
	if (!whose || (strcmp(whose, "ours") && strcmp(whose, "theirs")))
		res = error_set(&bad, R_INVALID, "whose",
				"whose: say whether it is ours or a "
				"competitor's");
	else if (model && *model && !price_model_parse(model, &o.price_model))
		res =
		    error_set(&bad, R_INVALID, "price_model",
			      "price_model: use one of %s", price_model_list());
	else if (price &&
		 !num_parse_i64(price, 0, DEAL_MONEY_MAX, &o.price_minor))
		res = error_set(&bad, R_INVALID, "price_minor",
				"price_minor: \"%.24s\" is not a whole number "
				"of cents (write 4800.00 as 480000)",
				price);
	o.is_ours = whose && strcmp(whose, "ours") == 0;
	if (res == R_OK && !model)
		o.price_model = PRICE_YEARLY;
	if (res == R_OK)
		res = validate_offering(&o, &bad);
	if (res == R_OK)
		res = store_offering_create(r->store, &o, &bad);
	return fit_after(r, id, res, FIT_FORM_OFFERING, &f, &bad, "grid-h",
			 err);
}

/* Handles POST /deals/{id}/fit/recommend. */
enum result page_fit_recommend(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = fit_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct recommendation rec = {.deal_id = id};
	struct error bad = {0};
	rec.rationale = page_form_text(r->arena, &f, "rationale");
	res = page_form_id(&f, "offering_id", &rec.offering_id, &bad);
	if (res == R_OK)
		res = api_recommendation_record(r, &rec, &bad);
	return fit_after(r, id, res, FIT_FORM_RECOMMEND, &f, &bad, "rec-h",
			 err);
}
