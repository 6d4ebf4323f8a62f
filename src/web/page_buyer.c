/*
 * page_buyer.c: the buyer's link, /buyer/{token} (web layer).
 *
 * The buyer has no account: the link's token is what lets them in, so
 * the route table marks these routes "buyer link" and the server asks
 * for no login (and no CSRF token: the secret is in the path, which
 * another site cannot know). Every handler first looks the token up
 * (store_link_find): an unknown, expired or revoked token, or one whose
 * deal is gone, is the same 404, so the reply says nothing about which.
 *
 * What the buyer sees is the deal's need and expected benefit, the
 * mutual plan (ticking off the steps that are theirs), the concerns
 * (adding one in their own words, confirming an answered one resolved)
 * and the decision guide: nothing else, no notes, no personal facts, no
 * other person and no link into the seller's pages. Every change is
 * written to the audit log with actor "buyer_link"; a concern added here
 * has source "buyer link" and, like a confirmation, shows on the deal's
 * timeline.
 */
#include <string.h>

#include "core/validate_deal.h"
#include "store/store_auth.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/api_advisor.h"
#include "web/api_auth.h"
#include "web/auth.h"
#include "web/html.h"
#include "web/page.h"

#define BUYER_WORDS_MAX 2000

/* The live link named by the path's first parameter, or R_NOT_FOUND with
 * the one message every bad link gets. */
static enum result buyer_link(struct req *r, struct buyer_link *l,
			      struct error *err)
{
	const char *token = r->params[0];
	if (token && auth_token_shape(token)) {
		char hash[SECRET_HASH_TEXT];
		secret_token_hash(token, hash);
		enum result res = store_link_find(r->store, hash, r->now, l, err);
		if (res != R_NOT_FOUND)
			return res;
	}
	return error_set(err, R_NOT_FOUND, "",
			 "this link does not work (it may have expired or "
			 "been withdrawn); ask the person who sent it for a "
			 "new one");
}

/* A 404 page with no way into the rest of the site. */
static enum result buyer_fail(struct req *r, enum result res,
			      struct error *err)
{
	if (res != R_NOT_FOUND && res != R_INVALID)
		return res;
	struct buf b;
	buf_init(&b, PAGE_MAX);
	html_raw(&b, "<!doctype html>\n<html lang=\"en\"><head><meta "
		     "charset=\"utf-8\"><title>Not found</title><link "
		     "rel=\"stylesheet\" href=\"/static/app.css\"></head>"
		     "<body><main id=\"main\"><h1>Not found</h1>\n<p "
		     "class=\"error\">");
	html_txt(&b, err->message);
	html_raw(&b, "</p></main></body></html>\n");
	return page_reply(r, &b, res == R_NOT_FOUND ? 404 : 400, err);
}

/* Audits a change made through link l. */
static enum result buyer_audit(struct req *r, const struct buyer_link *l,
			       const char *action, const char *entity,
			       int64_t id, const char *fields,
			       struct error *err)
{
	char addr[AUTH_ADDRESS_MAX];
	auth_client_address(r, addr);
	struct audit_entry e = {0};
	e.at = r->now;
	e.actor = AUDIT_ACTOR_BUYER_LINK;
	e.actor_id = l->id;
	e.action = action;
	e.entity = entity;
	e.entity_id = id;
	e.fields = fields;
	e.address = addr;
	return store_audit_add(r->store, &e, err);
}

static const char *buyer_self(struct req *r, const char *suffix)
{
	return arena_printf(r->arena, "/buyer/%s%s", r->params[0], suffix);
}

static void buyer_head(struct buf *b, const struct deal *d)
{
	buf_init(b, PAGE_MAX);
	html_raw(b, "<!doctype html>\n<html lang=\"en\"><head><meta "
		    "charset=\"utf-8\"><meta name=\"viewport\" "
		    "content=\"width=device-width, initial-scale=1\"><title>");
	html_txt(b, d->title);
	html_raw(b, "</title><link rel=\"stylesheet\" "
		    "href=\"/static/app.css\"></head><body class=\"buyer\">\n"
		    "<main id=\"main\">\n<h1>");
	html_txt(b, d->title);
	html_raw(b, "</h1>\n<p class=\"lead\">Shared with you so that we can "
		    "plan this together. Tick off your steps and tell us "
		    "what worries you, in your own words.</p>\n");
	html_raw(b, "<section><h2>What you need</h2>\n<p class=\"prose\">");
	html_txt(b, d->need && d->need[0] ? d->need : "Not written down yet.");
	html_raw(b, "</p>\n<h2>What you expect from it</h2>\n<p "
		    "class=\"prose\">");
	html_txt(b, d->benefit && d->benefit[0] ? d->benefit
						: "Not written down yet.");
	html_raw(b, "</p></section>\n");
}

static void buyer_plan(struct buf *b, struct req *r,
		       const struct plan_step *steps, size_t n)
{
	html_raw(b, "<section><h2>Our plan</h2>\n");
	if (!n)
		html_raw(b, "<p class=\"empty\">No steps yet.</p>\n");
	else
		html_raw(b, "<ol class=\"plan\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct plan_step *p = &steps[i];
		html_raw(b, "<li>");
		html_txt(b, p->title);
		html_raw(b, " <span class=\"side\">(");
		html_txt(b, p->side == SIDE_BUYER    ? "yours"
			    : p->side == SIDE_SELLER ? "ours"
						     : "both of us");
		html_raw(b, ")</span>");
		if (p->has_due_on) {
			char day[DATE_STR_MAX];
			date_format(p->due_on, day);
			html_raw(b, " by ");
			html_txt(b, day);
		}
		if (p->done_at) {
			html_raw(b, " <span class=\"done\">done</span>");
		} else if (p->side != SIDE_SELLER) {
			struct page_fields fs = {NULL, NULL, "step", false};
			page_form_start(
			    b,
			    buyer_self(r, arena_printf(r->arena,
						       "/plan/%lld/done",
						       (long long)p->id)),
			    arena_printf(r->arena, "Mark done: %s", p->title));
			page_form_end(b, &fs, "Mark done");
		}
		html_raw(b, "</li>\n");
	}
	if (n)
		html_raw(b, "</ol>\n");
	html_raw(b, "</section>\n");
}

static void buyer_concerns(struct buf *b, struct req *r,
			   const struct concern *items, size_t n,
			   const struct page_form *in, const struct error *bad)
{
	html_raw(b, "<section><h2>Your concerns</h2>\n");
	if (!n)
		html_raw(b, "<p class=\"empty\">None noted yet.</p>\n");
	else
		html_raw(b, "<ul class=\"concerns\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct concern *c = &items[i];
		if (c->status == CSTATUS_DROPPED)
			continue;
		html_raw(b, "<li><q>");
		html_txt(b, c->words);
		html_raw(b, "</q> <span class=\"status\">");
		html_txt(b, c->status == CSTATUS_OPEN	   ? "open"
			    : c->status == CSTATUS_ANSWERED ? "answered"
							    : "resolved");
		html_raw(b, "</span>");
		if (c->answer && c->answer[0]) {
			html_raw(b, "<p class=\"prose\">Our answer: ");
			html_txt(b, c->answer);
			html_raw(b, "</p>");
		}
		if (c->status == CSTATUS_ANSWERED) {
			struct page_fields fs = {NULL, NULL, "resolve", false};
			page_form_start(
			    b,
			    buyer_self(r, arena_printf(r->arena,
						       "/concerns/%lld/resolve",
						       (long long)c->id)),
			    "Confirm this concern is resolved");
			page_form_end(b, &fs, "This is resolved for me");
		}
		html_raw(b, "</li>\n");
	}
	if (n)
		html_raw(b, "</ul>\n");
	struct page_fields fs = {in, bad, "concern", false};
	page_form_start(b, buyer_self(r, "/concerns"), "Add a concern");
	page_textarea(b, &fs, "words", "Something that worries you", NULL, 3,
		      true);
	page_form_end(b, &fs, "Add it");
	html_raw(b, "</section>\n");
}

/* Renders the link's page for l, with a concern form's error if any. */
static enum result buyer_page(struct req *r, const struct buyer_link *l,
			      const struct page_form *in,
			      const struct error *bad, int status,
			      struct error *err)
{
	struct deal d;
	struct plan_step *steps = NULL;
	struct concern *concerns = NULL;
	size_t n_steps = 0, n_concerns = 0;
	enum result res = store_deal_get(r->store, r->arena, l->deal_id, &d, err);
	if (res == R_OK)
		res = store_plan_step_list(r->store, r->arena, l->deal_id,
					   &steps, &n_steps, err);
	if (res == R_OK)
		res = store_concern_list(r->store, r->arena, l->deal_id,
					 &concerns, &n_concerns, err);
	if (res != R_OK)
		return buyer_fail(r, res, err);
	struct buf b;
	buyer_head(&b, &d);
	buyer_plan(&b, r, steps, n_steps);
	buyer_concerns(&b, r, concerns, n_concerns, in, bad);
	html_raw(&b, "<section><h2>Choosing well</h2>\n<p><a href=\"");
	html_attr(&b, buyer_self(r, "/guide"));
	html_raw(&b, "\">The decision guide</a>: every option we looked at, "
		     "other companies' included, against what you need.</p>"
		     "</section>\n</main></body></html>\n");
	return page_reply(r, &b, status, err);
}

/* GET /buyer/{token} */
enum result page_buyer(struct req *r, struct error *err)
{
	struct buyer_link l;
	enum result res = buyer_link(r, &l, err);
	if (res != R_OK)
		return buyer_fail(r, res, err);
	return buyer_page(r, &l, NULL, NULL, 200, err);
}

/* GET /buyer/{token}/guide */
enum result page_buyer_guide(struct req *r, struct error *err)
{
	struct buyer_link l;
	enum result res = buyer_link(r, &l, err);
	if (res != R_OK)
		return buyer_fail(r, res, err);
	res = page_guide_render(r, l.deal_id, buyer_self(r, ""),
				"Back to our plan", err);
	return res == R_NOT_FOUND ? buyer_fail(r, res, err) : res;
}

/* POST /buyer/{token}/plan/{id}/done: only the buyer's (or shared)
 * steps of this link's deal; any other id is a 404. */
enum result page_buyer_step_done(struct req *r, struct error *err)
{
	struct buyer_link l;
	struct plan_step p;
	int64_t id;
	enum result res = buyer_link(r, &l, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &id, err);
	if (res == R_OK)
		res = store_plan_step_get(r->store, r->arena, id, &p, err);
	if (res == R_OK && (p.deal_id != l.deal_id || p.side == SIDE_SELLER))
		res = error_set(err, R_NOT_FOUND, "",
				"this step is not one you can tick off here");
	if (res != R_OK)
		return buyer_fail(r, res, err);
	if (!p.done_at) {
		p.done_at = r->now;
		res = store_plan_step_update(r->store, &p, err);
		if (res == R_OK)
			res = buyer_audit(r, &l, "update", "plan_step", id,
					  "done_at", err);
		if (res != R_OK)
			return res;
	}
	return page_redirect(r, buyer_self(r, ""));
}

/* POST /buyer/{token}/concerns: words (required). */
enum result page_buyer_concern_add(struct req *r, struct error *err)
{
	struct buyer_link l;
	struct page_form f;
	enum result res = buyer_link(r, &l, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return buyer_fail(r, res, err);
	const char *words = page_form_get(&f, "words");
	struct error bad = {0};
	struct concern c = {0};
	c.deal_id = l.deal_id;
	c.category = CONCERN_OTHER;
	c.words = words ? words : "";
	c.status = CSTATUS_OPEN;
	c.source = CSOURCE_BUYER_LINK;
	c.raised_at = r->now;
	if (strlen(c.words) > BUYER_WORDS_MAX)
		error_set(&bad, R_INVALID, "words",
			  "words: at most %d characters, please",
			  BUYER_WORDS_MAX);
	else
		validate_concern(&c, r->now, &bad);
	if (bad.code != R_OK)
		return buyer_page(r, &l, &f, &bad, 422, err);
	res = store_concern_create(r->store, &c, err);
	if (res == R_OK)
		res = buyer_audit(r, &l, "create", "concern", c.id,
				  "words,source", err);
	if (res != R_OK)
		return res;
	return page_redirect(r, buyer_self(r, ""));
}

/* POST /buyer/{token}/concerns/{id}/resolve: the buyer confirms an
 * answered concern of this link's deal resolved. */
enum result page_buyer_concern_resolve(struct req *r, struct error *err)
{
	struct buyer_link l;
	struct concern c;
	int64_t id;
	enum result res = buyer_link(r, &l, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &id, err);
	if (res == R_OK)
		res = store_concern_get(r->store, r->arena, id, &c, err);
	if (res == R_OK && c.deal_id != l.deal_id)
		res = error_set(err, R_NOT_FOUND, "",
				"this concern is not on this plan");
	if (res != R_OK)
		return buyer_fail(r, res, err);
	if (c.status != CSTATUS_RESOLVED) {
		struct error bad = {0};
		res = store_concern_act(r->store, r->arena, id, CACTION_RESOLVE,
					"confirmed through the buyer's link",
					r->now, NULL, &bad);
		if (res == R_INVALID)
			return buyer_page(r, &l, NULL, &bad, 422, err);
		if (res != R_OK) {
			*err = bad;
			return res;
		}
		res = buyer_audit(r, &l, "update", "concern", id,
				  "status,resolved_at", err);
		if (res != R_OK)
			return res;
	}
	return page_redirect(r, buyer_self(r, ""));
}
