/*
 * page_coach.c: the coach against pressure as a page (web layer).
 *
 * A textarea, a role (what the seller wrote or will say, what the buyer
 * wrote, or a call transcript) and, for transcripts, the seller's name.
 * The POST runs the engine of core/coach/coach.h in this handler and
 * shows the text again with each finding marked where it is, numbered and
 * tied to its reason and a better way to say it; for a transcript, each
 * speaker's share of the talk and questions beside the published
 * reference figures.
 *
 * Findings carry byte offsets into the text we passed (code points too,
 * for clients that count those); the marks are cut at those bytes. The
 * rules are parsed once, on first use, and shared read-only by every
 * worker thread, as coach.h allows.
 *
 * An open deal may be chosen with the text. Then, for a buyer's text or a
 * transcript, the page lists the concerns the coach would put on that
 * deal's ledger (core/concern_suggest.h), each with a checkbox, those on
 * the ledger already shown as such; the second form posts the ticked ones
 * (their category and words travel as hidden fields) to /coach/apply,
 * which adds them with source coach in one transaction and answers 303 to
 * the deal's page.
 */
#include "web/page.h"

#include <pthread.h>
#include <string.h>

#include "core/coach/coach.h"
#include "core/concern_suggest.h"
#include "store/store_coach.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/num.h"
#include "web/html.h"

/* What one render of the page shows; all borrowed. */
struct coach_view {
	const char *text; /* the coached text, NULL before a run */
	size_t len;
	const struct coach_result *res;
	const struct page_option *deals; /* "No deal" and the open deals */
	size_t n_deals;
	const struct deal *deal;	 /* the deal chosen, NULL: none */
	struct concern_suggestion *sugg; /* arena-owned */
	size_t n_sugg;
};

static struct coach_rules *coach_page_rules;
static pthread_once_t coach_page_once = PTHREAD_ONCE_INIT;

static void coach_page_load(void)
{
	struct error err = {0};
	if (coach_rules_builtin(&coach_page_rules, &err) != R_OK)
		coach_page_rules = NULL;
}

static const struct page_option coach_page_roles[] = {
    {"seller", "What I wrote or will say (email, script)"},
    {"buyer", "What the buyer wrote (find their concerns)"},
    {"transcript", "A call transcript (Speaker: text lines)"},
};

/* Reads the open deals (the first STORE_LIMIT_MAX by id) as the options
   of the deal select, after "No deal". */
static enum result coach_page_deals(struct req *r, struct coach_view *v,
				    struct error *err)
{
	struct deal_filter f = {STATUS_OPEN, -1, NULL, 0};
	struct store_page pg = {0, STORE_LIMIT_MAX};
	struct deal *items = NULL;
	size_t n = 0;
	bool more = false;
	enum result res = store_deal_list(r->store, r->arena, &f, &pg, &items,
					  &n, &more, err);
	if (res != R_OK)
		return res;
	struct page_option *o = arena_alloc(r->arena, (n + 1) * sizeof(*o));
	o[0].value = "";
	o[0].text = "No deal";
	for (size_t i = 0; i < n; i++) {
		o[i + 1].value =
		    arena_printf(r->arena, "%lld", (long long)items[i].id);
		o[i + 1].text =
		    items[i].org_name
			? arena_printf(r->arena, "%s (%s)", items[i].title,
				       items[i].org_name)
			: items[i].title;
	}
	v->deals = o;
	v->n_deals = n + 1;
	return R_OK;
}

static void coach_page_form(struct buf *b, struct page_fields *fs,
			    const struct coach_view *v)
{
	page_form_start(b, "/coach", "Coach my text");
	page_select(b, fs, "role", "What is it?", coach_page_roles,
		    sizeof(coach_page_roles) / sizeof(coach_page_roles[0]),
		    "seller");
	page_select(b, fs, "deal",
		    "Deal (optional: offer the buyer's concerns "
		    "to its ledger)",
		    v->deals, v->n_deals, "");
	page_textarea(b, fs, "text", "Text", NULL, 10, true);
	page_input(b, fs, "text", "seller", "Seller's name (transcripts)", NULL,
		   false, "Leave empty and the coach guesses who is selling.");
	page_form_end(b, fs, "Coach it");
}

/* Writes text with the findings marked, cut at their byte offsets; a
 * finding that overlaps an earlier one is marked from where that ends. */
static void coach_page_marked(struct buf *b, const char *text, size_t len,
			      const struct coach_result *res)
{
	struct buf piece;
	buf_init(&piece, len + 1);
	size_t pos = 0;
	html_raw(b, "<div class=\"coached\" id=\"coached\">");
	for (size_t i = 0; i < res->n_findings; i++) {
		const struct coach_finding *f = &res->findings[i];
		size_t s = f->byte_start, e = f->byte_end;
		if (e > len || s >= e || e <= pos)
			continue;
		if (s < pos)
			s = pos;
		buf_reset(&piece);
		buf_add(&piece, text + pos, s - pos);
		html_txt(b, buf_str(&piece));
		buf_reset(&piece);
		buf_add(&piece, text + s, e - s);
		html_raw(b, "<mark class=\"sev-");
		html_raw(b, coach_severity_name(f->severity));
		html_raw(b, "\" id=\"m-");
		html_int(b, (int64_t)i + 1);
		html_raw(b, "\" data-label=\"");
		html_attr(b, f->label);
		html_raw(b, "\">");
		html_txt(b, buf_str(&piece));
		html_raw(b, "</mark><sup><a href=\"#f-");
		html_int(b, (int64_t)i + 1);
		html_raw(b, "\" aria-label=\"finding ");
		html_int(b, (int64_t)i + 1);
		html_raw(b, "\">");
		html_int(b, (int64_t)i + 1);
		html_raw(b, "</a></sup>");
		pos = e;
	}
	buf_reset(&piece);
	buf_add(&piece, text + pos, len - pos);
	html_txt(b, buf_str(&piece));
	html_raw(b, "</div>\n");
	buf_free(&piece);
}

static void coach_page_findings(struct buf *b, const char *text, size_t len,
				const struct coach_result *res)
{
	if (!res->n_findings) {
		html_raw(b, "<p class=\"good\">Nothing marked: no pressure "
			    "language found.</p>\n");
		return;
	}
	struct buf piece;
	buf_init(&piece, len + 1);
	html_raw(b, "<ol class=\"findings\">\n");
	for (size_t i = 0; i < res->n_findings; i++) {
		const struct coach_finding *f = &res->findings[i];
		html_raw(b, "<li id=\"f-");
		html_int(b, (int64_t)i + 1);
		html_raw(b, "\"><span class=\"badge sev-");
		html_raw(b, coach_severity_name(f->severity));
		html_raw(b, "\">");
		html_txt(b, f->label);
		html_raw(b, "</span> ");
		if (f->byte_end <= len && f->byte_start < f->byte_end) {
			buf_reset(&piece);
			buf_add(&piece, text + f->byte_start,
				f->byte_end - f->byte_start);
			html_raw(b, "<q>");
			html_txt(b, buf_str(&piece));
			html_raw(b, "</q>");
		}
		if (f->speaker) {
			html_raw(b, " <span class=\"why\">(");
			html_txt(b, f->speaker);
			html_raw(b, ")</span>");
		}
		html_raw(b, "<p>");
		html_txt(b, f->reason);
		html_raw(b, "</p><p class=\"suggest\"><strong>Try:</strong> ");
		html_txt(b, f->suggestion);
		html_raw(b, "</p></li>\n");
	}
	html_raw(b, "</ol>\n");
	buf_free(&piece);
}

static void coach_page_percent(struct buf *b, double share)
{
	html_int(b, (int64_t)(share * 100.0 + 0.5));
	html_raw(b, "%");
}

static void coach_page_speakers(struct buf *b, const struct coach_result *res)
{
	html_raw(b, "<h2>Who talked</h2>\n<table class=\"figures\"><thead><tr>"
		    "<th scope=\"col\">Speaker</th><th scope=\"col\">Share of "
		    "talk</th><th scope=\"col\">Words</th><th scope=\"col\">"
		    "Questions</th><th scope=\"col\">Longest run (words)</th>"
		    "</tr></thead><tbody>\n");
	for (size_t i = 0; i < res->n_speakers; i++) {
		const struct coach_speaker *sp = &res->speakers[i];
		bool high = sp->is_seller &&
			    sp->talk_share * 100.0 > COACH_REF_TALK_HIGH;
		html_raw(b, "<tr><th scope=\"row\">");
		html_txt(b, sp->name);
		if (sp->is_seller)
			html_raw(b, res->seller_guessed ? " (seller, guessed)"
							: " (seller)");
		html_raw(b, high ? "</th><td class=\"late\">" : "</th><td>");
		coach_page_percent(b, sp->talk_share);
		html_raw(b, "</td><td>");
		html_int(b, (int64_t)sp->words);
		html_raw(b, "</td><td>");
		html_int(b, (int64_t)sp->questions);
		html_raw(b, "</td><td>");
		html_int(b, (int64_t)sp->longest_monologue);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n<p class=\"reference\">For reference: "
		    "top sellers talk about ");
	html_int(b, COACH_REF_TALK_TOP);
	html_raw(b, "% of a call; calls where the seller talks more than ");
	html_int(b, COACH_REF_TALK_HIGH);
	html_raw(b, "% do worse; good discovery calls ask ");
	html_int(b, COACH_REF_QUESTIONS_LO);
	html_raw(b, "–");
	html_int(b, COACH_REF_QUESTIONS_HI);
	html_raw(b, " questions.</p>\n");
}

static void coach_page_orientation(struct buf *b,
				   const struct coach_result *res)
{
	const struct coach_orientation *o = &res->orientation;
	if (!o->self_refs && !o->buyer_refs)
		return;
	html_raw(b, "<p class=\"reference\">The seller said I, we, our ");
	html_int(b, (int64_t)o->self_refs);
	html_raw(b, " times and you, your ");
	html_int(b, (int64_t)o->buyer_refs);
	html_raw(b, " times (");
	coach_page_percent(b, o->self_share);
	html_raw(b, " about themselves).</p>\n");
}

/* One suggestion as a list item: a ticked checkbox, or a note that it
   is on the ledger already; hidden fields carry what /coach/apply adds. */
static void coach_page_concern(struct buf *b,
			       const struct concern_suggestion *c, size_t i)
{
	html_raw(b, "<li>");
	if (c->existing_id) {
		html_raw(b, "<span class=\"badge\">");
		html_txt(b, concern_category_name(c->category));
		html_raw(b, "</span> <q>");
		html_txt(b, c->words);
		html_raw(b, "</q> <span class=\"why\">(on the ledger already: "
			    "concern ");
		html_int(b, c->existing_id);
		html_raw(b, ", ");
		html_txt(b, concern_status_name(c->existing_status));
		html_raw(b, ")</span></li>\n");
		return;
	}
	html_raw(b, "<div class=\"field check\"><input type=\"checkbox\" "
		    "name=\"add\" id=\"add-");
	html_int(b, (int64_t)i);
	html_raw(b, "\" value=\"");
	html_int(b, (int64_t)i);
	html_raw(b, "\" checked><label for=\"add-");
	html_int(b, (int64_t)i);
	html_raw(b, "\"><span class=\"badge\">");
	html_txt(b, concern_category_name(c->category));
	html_raw(b, "</span> <q>");
	html_txt(b, c->words);
	html_raw(b, "</q>");
	if (c->speaker) {
		html_raw(b, " <span class=\"why\">(");
		html_txt(b, c->speaker);
		html_raw(b, ")</span>");
	}
	html_raw(b, "</label></div>");
	html_raw(b, "<input type=\"hidden\" name=\"category\" value=\"");
	html_attr(b, concern_category_name(c->category));
	html_raw(b, "\"><input type=\"hidden\" name=\"words\" value=\"");
	html_attr(b, c->words);
	html_raw(b, "\"></li>\n");
}

/* The concerns for the chosen deal's ledger, with the form adding them. */
static void coach_page_ledger(struct buf *b, const struct coach_view *v)
{
	const struct deal *d = v->deal;
	html_raw(b, "<section aria-labelledby=\"ledger-h\" id=\"ledger\">"
		    "<h2 id=\"ledger-h\">Concerns for the ledger of <a "
		    "href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "\">");
	html_txt(b, d->title);
	html_raw(b, "</a></h2>\n");
	if (v->res->role == COACH_ROLE_SELLER) {
		html_raw(b,
			 "<p class=\"why\">This is the seller's text: it has "
			 "no buyer concerns for the ledger. Choose \"What "
			 "the buyer wrote\" or \"A call transcript\" to "
			 "find them.</p>\n</section>\n");
		return;
	}
	if (!v->n_sugg) {
		html_raw(b, "<p>The coach found no concerns in the buyer's "
			    "words.</p>\n</section>\n");
		return;
	}
	size_t fresh = 0;
	for (size_t i = 0; i < v->n_sugg; i++)
		fresh += !v->sugg[i].existing_id;
	if (fresh)
		page_form_start(b, "/coach/apply",
				"Add to the deal's concern ledger");
	html_raw(b, "<ul class=\"concerns\">\n");
	for (size_t i = 0; i < v->n_sugg; i++)
		coach_page_concern(b, &v->sugg[i], i);
	html_raw(b, "</ul>\n");
	if (!fresh) {
		html_raw(b, "<p class=\"good\">All of these are on the deal's "
			    "ledger already.</p>\n</section>\n");
		return;
	}
	html_raw(b, "<input type=\"hidden\" name=\"deal\" value=\"");
	html_int(b, d->id);
	html_raw(b, "\">\n");
	struct page_fields afs = {NULL, NULL, "apply", false};
	page_form_end(b, &afs, "Add to the deal's concern ledger");
	html_raw(b, "</section>\n");
}

/* Writes the whole page: the form, and the result when there is one. */
static enum result coach_page_render(struct req *r, struct page_fields *fs,
				     const struct coach_view *v, int status,
				     struct error *err)
{
	const struct coach_result *res = v->res;
	struct buf b;
	page_begin(&b, "Coach", PAGE_NAV_COACH);
	html_raw(&b, "<h1>Coach</h1>\n<p class=\"lead\">Paste an email draft, "
		     "a call script or a transcript. The coach marks pressure "
		     "(false urgency, scarcity, guilt, assumptive closes, "
		     "dismissing concerns) and offers a better way to say it; "
		     "in the buyer's words it finds their concerns.</p>\n");
	coach_page_form(&b, fs, v);
	if (res) {
		html_raw(&b, "<section aria-labelledby=\"result-h\" "
			     "id=\"result\"><h2 id=\"result-h\">");
		html_int(&b, (int64_t)res->n_findings);
		html_raw(&b, res->n_findings == 1 ? " finding" : " findings");
		html_raw(&b, "</h2>\n");
		coach_page_marked(&b, v->text, v->len, res);
		coach_page_findings(&b, v->text, v->len, res);
		if (res->role != COACH_ROLE_BUYER)
			coach_page_orientation(&b, res);
		if (res->role == COACH_ROLE_TRANSCRIPT)
			coach_page_speakers(&b, res);
		html_raw(&b, "</section>\n");
		if (v->deal)
			coach_page_ledger(&b, v);
	}
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Renders GET /coach. */
enum result page_coach(struct req *r, struct error *err)
{
	struct page_fields fs = {NULL, NULL, "coach", false};
	struct coach_view v = {0};
	enum result res = coach_page_deals(r, &v, err);
	if (res != R_OK)
		return res;
	return coach_page_render(r, &fs, &v, 200, err);
}

/* With a deal chosen: the suggestions of out against its ledger. A
   missing or closed deal goes into bad, beside the deal select. */
static enum result coach_page_with_deal(struct req *r, int64_t deal_id,
					struct coach_view *v, struct deal *deal,
					struct error *bad, struct error *err)
{
	v->n_sugg =
	    concern_suggest(v->res, v->text, v->len, r->arena, &v->sugg);
	enum result res =
	    store_coach_concerns(r->store, r->arena, deal_id, v->sugg,
				 v->n_sugg, NULL, false, r->now, deal, bad);
	if (res == R_OK)
		v->deal = deal;
	else if (res == R_NOT_FOUND || res == R_INVALID)
		return res;
	else
		*err = *bad;
	return res;
}

/* Handles POST /coach: the form again with the findings (and, with a
   deal, the concerns for its ledger), or 422. */
enum result page_coach_run(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	struct page_fields fs = {&f, &bad, "coach", false};
	struct coach_view v = {0};
	res = coach_page_deals(r, &v, err);
	if (res != R_OK)
		return res;
	const char *text = page_form_get(&f, "text");
	const char *role = page_form_get(&f, "role");
	struct coach_options opt = {COACH_ROLE_SELLER, NULL};
	opt.seller = page_form_text(r->arena, &f, "seller");
	int64_t deal_id = 0;
	pthread_once(&coach_page_once, coach_page_load);
	if (!coach_page_rules)
		return error_set(err, R_IO, "",
				 "the coach's rules did not load");
	if (!role || !coach_role_parse(role, &opt.role))
		res = error_set(&bad, R_INVALID, "role",
				"role: must be seller, buyer or transcript");
	else if (!text || !page_form_text(r->arena, &f, "text"))
		res = error_set(&bad, R_INVALID, "text",
				"text: is required (paste an email draft, a "
				"call script or a transcript)");
	else
		res = page_form_id(&f, "deal", &deal_id, &bad);
	if (res != R_OK)
		return coach_page_render(r, &fs, &v, 422, err);
	if (opt.role != COACH_ROLE_TRANSCRIPT)
		opt.seller = NULL;
	size_t len = strlen(text);
	struct coach_result *out = NULL;
	res = coach_run(coach_page_rules, text, len, &opt, &out, &bad);
	if (res != R_OK)
		return coach_page_render(r, &fs, &v,
					 res == R_TOO_BIG ? 413 : 422, err);
	v.text = text;
	v.len = len;
	v.res = out;
	struct deal deal;
	int status = 200;
	if (deal_id)
		res = coach_page_with_deal(r, deal_id, &v, &deal, &bad, err);
	if (res == R_NOT_FOUND || res == R_INVALID)
		status = 422;
	else if (res != R_OK)
		goto out;
	else
		fs.err = NULL;
	res = coach_page_render(r, &fs, &v, status, err);
out:
	coach_result_free(out);
	return res;
}

/* A refused /coach/apply: the message, and the way back. */
static enum result coach_page_apply_fail(struct req *r, int status,
					 const struct error *why,
					 struct error *err)
{
	struct buf b;
	page_begin(&b, "Coach", PAGE_NAV_COACH);
	html_raw(&b, "<h1>Nothing was added</h1>\n<p class=\"error\" "
		     "role=\"alert\">");
	html_txt(&b, why->message);
	html_raw(&b, "</p>\n<p><a href=\"/coach\">Back to the coach</a></p>\n");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Reads the ticked concerns of the ledger form into *sugg / *pick. */
static enum result coach_page_picks(struct req *r, const struct page_form *f,
				    struct concern_suggestion **sugg,
				    bool **pick, size_t *n, size_t *picked,
				    struct error *err)
{
	size_t nc = page_form_count(f, "category");
	if (nc != page_form_count(f, "words") || nc > PAGE_FORM_FIELDS_MAX)
		return error_set(err, R_INVALID, "words",
				 "the form does not pair each category with "
				 "its words (send the form the coach page "
				 "gave)");
	*sugg = arena_alloc(r->arena, (nc + 1) * sizeof(**sugg));
	*pick = arena_alloc(r->arena, (nc + 1) * sizeof(**pick));
	*n = nc;
	*picked = 0;
	for (size_t i = 0; i < nc; i++) {
		const char *cat = page_form_nth(f, "category", i);
		if (!concern_category_parse(cat, &(*sugg)[i].category))
			return error_set(err, R_INVALID, "category",
					 "category: \"%.40s\" is not one of %s",
					 cat, concern_category_list());
		(*sugg)[i].words = page_form_nth(f, "words", i);
	}
	size_t na = page_form_count(f, "add");
	for (size_t i = 0; i < na; i++) {
		const char *s = page_form_nth(f, "add", i);
		int k;
		if (!nc || !num_parse_int(s, 0, (int)nc - 1, &k))
			return error_set(err, R_INVALID, "add",
					 "add: \"%.24s\" is not one of the "
					 "concerns listed (send the form the "
					 "coach page gave)",
					 s);
		*picked += !(*pick)[k];
		(*pick)[k] = true;
	}
	return R_OK;
}

/* Handles POST /coach/apply: adds the ticked concerns to the deal's
   ledger with source coach, then 303 to the deal's page. */
enum result page_coach_apply(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	int64_t deal_id = 0;
	struct concern_suggestion *sugg = NULL;
	bool *pick = NULL;
	size_t n = 0, picked = 0;
	res = page_form_id(&f, "deal", &deal_id, err);
	if (res == R_OK && !deal_id)
		res = error_set(err, R_INVALID, "deal",
				"deal: is required (the deal whose ledger "
				"takes the concerns)");
	if (res == R_OK)
		res = coach_page_picks(r, &f, &sugg, &pick, &n, &picked, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error why = {0};
	if (!picked) {
		error_set(&why, R_INVALID, "add",
			  "No concern was ticked: tick the ones to add to the "
			  "deal's ledger, or leave the ledger as it is.");
		return coach_page_apply_fail(r, 422, &why, err);
	}
	struct deal deal;
	res = store_coach_concerns(r->store, r->arena, deal_id, sugg, n, pick,
				   true, r->now, &deal, &why);
	if (res == R_NOT_FOUND)
		return page_fail(r, res, &why);
	if (res == R_INVALID)
		return coach_page_apply_fail(r, 422, &why, err);
	if (res != R_OK) {
		*err = why;
		return res;
	}
	return page_redirect(
	    r, arena_printf(r->arena, "/deals/%lld", (long long)deal_id));
}
