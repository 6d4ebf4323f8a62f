/*
 * page_deals.c: the deals board, the form that adds or edits a deal, and
 * what the deal pages share (web layer). See page_deal.h.
 *
 * /deals shows the open deals in columns by the buyer's stage, exploring
 * to committed, each card with its organization, title, value, how many
 * concerns are still unsettled and, when it has gone quiet, since when.
 * ?status= lists the deals with another status instead, ?owner= narrows
 * to one seller; links under the board lead to the closed deals.
 *
 * Concern counts and the last sign of life come from the one read the
 * measures use (store_metrics_inputs), so the board costs a fixed number
 * of statements however many cards it has, and "stalled" means on the
 * board what it means in the measures.
 */
#include "web/page_deal.h"

#include <stdlib.h>
#include <string.h>

#include "core/deal_rules.h"
#include "core/metrics.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/utf8.h"
#include "web/html.h"
#include "web/page.h"

#define DEALS_BOARD_MAX 1000 /* cards on one board */
#define DEALS_OWNER_MAX 200  /* bytes of ?owner= */
#define DEALS_ORGS_MAX	STORE_LIMIT_MAX

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- words ---- */

static const char *const deals_stage_words[STAGE_COUNT] = {
    "Exploring", "Evaluating", "Trialing", "Deciding", "Committed"};
static const char *const deals_status_words[STATUS_COUNT] = {
    "Open", "Won", "Lost", "No fit", "Rescinded"};
static const char *const deals_role_words[ROLE_COUNT] = {
    "Decision maker", "Champion",	   "User",	"Technical",
    "Finance",	      "Partner or spouse", "Influencer"};
static const char *const deals_stance_words[STANCE_COUNT] = {
    "Unknown", "Supportive", "Neutral", "Skeptical"};
static const char *const deals_side_words[SIDE_COUNT] = {"Buyer", "Seller",
							 "Both"};
static const char *const deals_category_words[CONCERN_CATEGORY_COUNT] = {
    "Price", "Value",	   "Approval", "Timing",
    "Risk",  "Competitor", "Fit",      "Other"};

const char *page_deal_stage_text(enum deal_stage s)
{
	return (unsigned)s < STAGE_COUNT ? deals_stage_words[s] : "?";
}

const char *page_deal_status_text(enum deal_status s)
{
	return (unsigned)s < STATUS_COUNT ? deals_status_words[s] : "?";
}

const char *page_deal_role_text(enum stakeholder_role r)
{
	return (unsigned)r < ROLE_COUNT ? deals_role_words[r] : "?";
}

const char *page_deal_stance_text(enum stakeholder_stance s)
{
	return (unsigned)s < STANCE_COUNT ? deals_stance_words[s] : "?";
}

const char *page_deal_side_text(enum plan_side s)
{
	return (unsigned)s < SIDE_COUNT ? deals_side_words[s] : "?";
}

const char *page_deal_category_text(enum concern_category c)
{
	return (unsigned)c < CONCERN_CATEGORY_COUNT ? deals_category_words[c]
						    : "?";
}

/* ---- money ---- */

void page_deal_money(struct buf *b, int64_t minor, const char *currency)
{
	if (minor <= 0) {
		html_raw(b, "—");
		return;
	}
	char digits[32];
	int n =
	    snprintf(digits, sizeof(digits), "%lld", (long long)(minor / 100));
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, digits[i]);
	}
	buf_printf(b, ".%02lld", (long long)(minor % 100));
	if (currency && currency[0]) {
		html_raw(b, " ");
		html_txt(b, currency);
	}
}

enum result page_deal_read_money(const struct page_form *f, const char *name,
				 int64_t *minor, struct error *err)
{
	const char *s = page_form_get(f, name);
	*minor = 0;
	while (s && (*s == ' ' || *s == '\t'))
		s++;
	if (!s || !*s)
		return R_OK;
	int64_t whole = 0, cents = 0;
	int decimals = -1; /* -1: no point seen */
	bool any = false, ok = true;
	const char *p = s;
	for (; *p && *p != ' ' && *p != '\t'; p++) {
		if (*p == '.' && decimals < 0) {
			decimals = 0;
		} else if (*p >= '0' && *p <= '9') {
			any = true;
			if (decimals < 0) {
				if (whole > DEAL_MONEY_MAX / 100) {
					ok = false;
					break;
				}
				whole = whole * 10 + (*p - '0');
			} else if (++decimals <= 2) {
				cents = cents * 10 + (*p - '0');
			} else {
				ok = false;
			}
		} else {
			ok = false;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		ok = false;
	if (decimals == 1)
		cents *= 10;
	if (ok && any && whole * 100 + cents <= DEAL_MONEY_MAX) {
		*minor = whole * 100 + cents;
		return R_OK;
	}
	return error_set(
	    err, R_INVALID, name,
	    "%s: \"%.24s\" is not an amount (digits with an "
	    "optional point and up to two decimals, e.g. 12000.50, "
	    "at most a trillion)",
	    name, s);
}

const char *page_deal_money_value(struct req *r, int64_t minor)
{
	if (minor <= 0)
		return "";
	return arena_printf(r->arena, "%lld.%02lld", (long long)(minor / 100),
			    (long long)(minor % 100));
}

/* ---- a short list of deals, for the person and organization pages ---- */

/* Writes one deal as a list item: title, stage or status, value. */
static void deals_item(struct buf *b, const struct deal *d, const char *role)
{
	html_raw(b, "<li><a href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "\">");
	html_txt(b, d->title);
	html_raw(b, "</a> <span class=\"why\">");
	html_raw(b, d->status == STATUS_OPEN
			? page_deal_stage_text(d->stage)
			: page_deal_status_text(d->status));
	if (d->value_minor) {
		html_raw(b, ", ");
		page_deal_money(b, d->value_minor, d->currency);
	}
	if (role) {
		html_raw(b, "; ");
		html_raw(b, role);
	}
	html_raw(b, "</span></li>\n");
}

enum result page_deal_list_for(struct buf *b, struct req *r, int64_t org_id,
			       int64_t person_id, struct error *err)
{
	struct deal_filter f = {.status = -1, .stage = -1, .org_id = org_id};
	struct store_page page = {0, STORE_LIMIT_MAX};
	struct deal *items = NULL;
	enum stakeholder_role *roles = NULL;
	size_t n = 0;
	bool more = false;
	html_raw(b, "<section aria-labelledby=\"deals-h\"><h2 id=\"deals-h\">"
		    "Deals</h2>\n");
	enum result res =
	    person_id ? store_deal_list_by_person(r->store, r->arena,
						  person_id, STORE_LIMIT_MAX,
						  &items, &roles, &n, &more,
						  err)
	    : org_id  ? store_deal_list(r->store, r->arena, &f, &page, &items,
					&n, &more, err)
		      : R_OK;
	if (res != R_OK)
		return res;
	if (n)
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < n; i++)
		deals_item(b, &items[i],
			   roles ? page_deal_role_text(roles[i]) : NULL);
	if (n)
		html_raw(b, "</ul>\n");
	else
		html_raw(b, person_id
				? "<p class=\"empty\">Not on the buying "
				  "committee of any deal.</p>\n"
				: "<p class=\"empty\">No deals yet.</p>\n");
	if (more)
		html_raw(b, "<p class=\"why\">Only the first 500 deals are "
			    "listed.</p>\n");
	if (org_id && !person_id) {
		html_raw(b, "<p><a href=\"/deals/new?org_id=");
		html_int(b, org_id);
		html_raw(b, "\">Start a deal</a></p>\n");
	}
	html_raw(b, "</section>\n");
	return R_OK;
}

/* ---- the board ---- */

/* What the board reads besides the deals it lists. */
struct deals_board {
	struct metrics_input in;
	const char **owners;
	size_t n_owners;
	int64_t by_status[STATUS_COUNT]; /* for the owner asked for */
};

/* The index of deal id in in->deals (sorted by id), or -1. */
static long deals_find(const struct metrics_input *in, int64_t id)
{
	size_t lo = 0, hi = in->n_deals;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->deals[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < in->n_deals && in->deals[lo].id == id ? (long)lo : -1;
}

/* How many of deal id's concerns are unsettled (concerns sorted by
 * deal). */
static int deals_unsettled(const struct metrics_input *in, int64_t id)
{
	size_t lo = 0, hi = in->n_concerns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->concerns[mid].deal_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	int n = 0;
	for (; lo < in->n_concerns && in->concerns[lo].deal_id == id; lo++)
		n += concern_unsettled(in->concerns[lo].status);
	return n;
}

/* Reads ?status= (default open) and ?owner= (blank: any). */
static enum result deals_query(struct req *r, enum deal_status *status,
			       const char **owner, struct error *err)
{
	const char *s = api_query(r, "status");
	*status = STATUS_OPEN;
	if (s && s[0] && !deal_status_parse(s, status))
		return error_set(err, R_INVALID, "status",
				 "status: \"%.24s\" is not one of %s", s,
				 deal_status_list());
	*owner = api_query(r, "owner");
	if (*owner && (strlen(*owner) > DEALS_OWNER_MAX ||
		       !utf8_valid(*owner, strlen(*owner))))
		return error_set(err, R_INVALID, "owner",
				 "owner: must be valid UTF-8 of at most %d "
				 "bytes",
				 DEALS_OWNER_MAX);
	if (*owner && !(*owner)[0])
		*owner = NULL;
	return R_OK;
}

/* The filter form: owner and status, sent with GET. */
static void deals_filters(struct buf *b, const struct deals_board *bd,
			  enum deal_status status, const char *owner)
{
	html_raw(b, "<form method=\"get\" action=\"/deals\" class=\"filters\" "
		    "aria-label=\"Filter deals\">\n<div class=\"field\"><label "
		    "for=\"owner\">Owner</label><select id=\"owner\" "
		    "name=\"owner\"><option value=\"\">Anyone</option>");
	for (size_t i = 0; i < bd->n_owners; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, bd->owners[i]);
		html_raw(b, owner && strcmp(owner, bd->owners[i]) == 0
				? "\" selected>"
				: "\">");
		html_txt(b, bd->owners[i]);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div>\n<div class=\"field\"><label "
		    "for=\"status\">Status</label><select id=\"status\" "
		    "name=\"status\">");
	for (int s = 0; s < STATUS_COUNT; s++) {
		html_raw(b, "<option value=\"");
		html_raw(b, deal_status_name((enum deal_status)s));
		html_raw(b, (int)status == s ? "\" selected>" : "\">");
		html_raw(b, page_deal_status_text((enum deal_status)s));
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div>\n<button type=\"submit\">Show</button>\n"
		    "</form>\n");
}

/* Links to the deals of every other status, with their counts. */
static void deals_status_links(struct buf *b, const struct deals_board *bd,
			       enum deal_status current, const char *owner)
{
	html_raw(b, "<nav aria-label=\"Deals by status\" class=\"statuses\">"
		    "<ul>");
	for (int s = 0; s < STATUS_COUNT; s++) {
		html_raw(b, "<li><a href=\"/deals?status=");
		html_raw(b, deal_status_name((enum deal_status)s));
		if (owner) {
			html_raw(b, "&amp;owner=");
			html_url_arg(b, owner);
		}
		html_raw(b, "\"");
		if ((int)current == s)
			html_raw(b, " aria-current=\"page\"");
		html_raw(b, ">");
		html_raw(b, page_deal_status_text((enum deal_status)s));
		html_raw(b, " <span class=\"count\">");
		html_int(b, bd->by_status[s]);
		html_raw(b, "</span></a></li>");
	}
	html_raw(b, "</ul></nav>\n");
}

/* One card of the board. */
static void deals_card(struct buf *b, struct req *r,
		       const struct deals_board *bd, const struct deal *d)
{
	long k = deals_find(&bd->in, d->id);
	struct deal_stall stall = {0};
	if (k >= 0)
		deal_rules_stall(d->status, bd->in.deals[k].last_activity,
				 r->now, DEAL_STALL_DAYS_DEFAULT, &stall);
	int open = deals_unsettled(&bd->in, d->id);
	html_raw(b, stall.stalled ? "<li class=\"card stalled\">"
				  : "<li class=\"card\">");
	html_raw(b, "<a class=\"card-title\" href=\"/deals/");
	html_int(b, d->id);
	html_raw(b, "\">");
	html_txt(b, d->title);
	html_raw(b, "</a>\n<p class=\"org\">");
	html_txt(b, d->org_name);
	html_raw(b, "</p>\n<p class=\"value\">");
	page_deal_money(b, d->value_minor, d->currency);
	html_raw(b, "</p>\n<p class=\"concerns");
	html_raw(b, open ? " unsettled\">" : "\">");
	html_int(b, open);
	html_raw(b, open == 1 ? " open concern" : " open concerns");
	html_raw(b, "</p>\n");
	if (d->owner && d->owner[0]) {
		html_raw(b, "<p class=\"why\">");
		html_txt(b, d->owner);
		html_raw(b, "</p>\n");
	}
	if (stall.stalled) {
		html_raw(b, "<p class=\"stall\">Stalled since ");
		page_time_day(b, stall.since);
		html_raw(b, " (");
		html_int(b, stall.days_quiet);
		html_raw(b, " days quiet)</p>\n");
	}
	html_raw(b, "</li>\n");
}

/* The open deals in columns by stage. */
static void deals_columns(struct buf *b, struct req *r,
			  const struct deals_board *bd,
			  const struct deal *items, size_t n)
{
	html_raw(b, "<div class=\"board\">\n");
	for (int s = 0; s < STAGE_COUNT; s++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += items[i].stage == (enum deal_stage)s;
		html_raw(b, "<section class=\"stage-col\" aria-labelledby="
			    "\"stage-");
		html_raw(b, deal_stage_name((enum deal_stage)s));
		html_raw(b, "\"><h2 id=\"stage-");
		html_raw(b, deal_stage_name((enum deal_stage)s));
		html_raw(b, "\">");
		html_raw(b, page_deal_stage_text((enum deal_stage)s));
		html_raw(b, " <span class=\"count\">");
		html_int(b, (int64_t)count);
		html_raw(b, "</span></h2>\n");
		if (!count)
			html_raw(b, "<p class=\"empty\">None.</p>\n");
		else
			html_raw(b, "<ol class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			if (items[i].stage == (enum deal_stage)s)
				deals_card(b, r, bd, &items[i]);
		if (count)
			html_raw(b, "</ol>\n");
		html_raw(b, "</section>\n");
	}
	html_raw(b, "</div>\n");
}

/* The deals of a status other than open, as a table. */
static void deals_table(struct buf *b, enum deal_status status,
			const struct deal *items, size_t n)
{
	if (!n) {
		html_raw(b, "<p class=\"empty\">No deals with this status."
			    "</p>\n");
		return;
	}
	html_raw(b, "<table class=\"figures deals\"><caption>");
	html_raw(b, page_deal_status_text(status));
	html_raw(b, " deals</caption><thead><tr><th scope=\"col\">Deal</th>"
		    "<th scope=\"col\">Organization</th><th scope=\"col\">"
		    "Value</th><th scope=\"col\">Closed on</th><th "
		    "scope=\"col\">Reason</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct deal *d = &items[i];
		html_raw(b, "<tr><td><a href=\"/deals/");
		html_int(b, d->id);
		html_raw(b, "\">");
		html_txt(b, d->title);
		html_raw(b, "</a></td><td>");
		html_txt(b, d->org_name);
		html_raw(b, "</td><td>");
		page_deal_money(b, d->value_minor, d->currency);
		html_raw(b, "</td><td>");
		if (d->has_closed_on)
			page_day(b, d->closed_on);
		html_raw(b, "</td><td>");
		html_txt(b, d->status_reason);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
}

/* Lists up to DEALS_BOARD_MAX deals of status and owner; *more when
 * there were more. */
static enum result deals_read(struct req *r, enum deal_status status,
			      const char *owner, struct deal **items, size_t *n,
			      bool *more, struct error *err)
{
	struct deal_filter f = {
	    .status = (int)status, .stage = -1, .owner = owner};
	struct deal *all =
	    arena_alloc(r->arena, DEALS_BOARD_MAX * sizeof(*all));
	struct store_page page = {0, STORE_LIMIT_MAX};
	*n = 0;
	*more = true;
	while (*more && *n < DEALS_BOARD_MAX) {
		struct deal *got = NULL;
		size_t k = 0;
		enum result res = store_deal_list(r->store, r->arena, &f, &page,
						  &got, &k, more, err);
		if (res != R_OK)
			return res;
		for (size_t i = 0; i < k && *n < DEALS_BOARD_MAX; i++)
			all[(*n)++] = got[i];
		if (k)
			page.after_id = got[k - 1].id;
	}
	*items = all;
	return R_OK;
}

/* Renders GET /deals. */
enum result page_deals(struct req *r, struct error *err)
{
	enum deal_status status;
	const char *owner = NULL;
	enum result res = deals_query(r, &status, &owner, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct deals_board bd = {0};
	res = store_metrics_inputs(r->store, r->arena, &bd.in, err);
	if (res != R_OK)
		return res;
	metrics_owners(&bd.in, r->arena, &bd.owners, &bd.n_owners);
	for (size_t i = 0; i < bd.in.n_deals; i++) {
		const struct metrics_deal *d = &bd.in.deals[i];
		if (!owner || (d->owner && strcmp(d->owner, owner) == 0))
			bd.by_status[d->status]++;
	}
	struct deal *items = NULL;
	size_t n = 0;
	bool more = false;
	res = deals_read(r, status, owner, &items, &n, &more, err);
	if (res != R_OK)
		return res;
	struct buf b;
	page_begin(&b, "Deals", PAGE_NAV_DEALS);
	html_raw(&b, "<div class=\"title-row\"><h1>Deals</h1>"
		     "<a class=\"button\" href=\"/deals/new\">Start a deal</a>"
		     "</div>\n");
	deals_filters(&b, &bd, status, owner);
	deals_status_links(&b, &bd, status, owner);
	if (status == STATUS_OPEN)
		deals_columns(&b, r, &bd, items, n);
	else
		deals_table(&b, status, items, n);
	if (more)
		html_raw(&b, "<p class=\"why\">Only the first 1000 deals are "
			     "shown: narrow the list by owner.</p>\n");
	html_raw(&b, "<p><a href=\"/metrics\">What trust earns: the "
		     "measures</a></p>\n");
	page_end(&b);
	return page_reply(r, &b, 200, err);
}

/* ---- the deal form ---- */

static const struct page_option deals_sources[] = {
    {"inbound", "Inbound (they came to us)"},
    {"outbound", "Outbound (we reached out)"},
    {"referral", "Referral (give who referred them)"},
    {"repeat", "Repeat (a customer coming back)"},
};

/* The field a validator's error goes beside: the form's names for the
 * amounts are value and price, in major units. */
static void deals_field_names(struct error *bad)
{
	if (strcmp(bad->field, "value_minor") == 0)
		snprintf(bad->field, sizeof(bad->field), "value");
	else if (strcmp(bad->field, "price_minor") == 0)
		snprintf(bad->field, sizeof(bad->field), "price");
}

/* The organizations as select options, with the deal's own listed even
 * past the first page. */
static const struct page_option *deals_org_options(struct req *r,
						   const struct deal *d,
						   size_t *n, struct error *err,
						   enum result *res)
{
	struct store_page all = {0, DEALS_ORGS_MAX};
	struct organization *orgs = NULL;
	size_t k = 0;
	bool more = false;
	*res = store_org_list(r->store, r->arena, &all, &orgs, &k, &more, err);
	struct page_option *opts =
	    arena_alloc(r->arena, (k + 2) * sizeof(*opts));
	*n = 0;
	opts[(*n)++] = (struct page_option){"", "(choose one)"};
	bool listed = !d->org_id;
	for (size_t i = 0; *res == R_OK && i < k; i++) {
		listed |= orgs[i].id == d->org_id;
		opts[(*n)++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)orgs[i].id),
		    orgs[i].name};
	}
	if (!listed)
		opts[(*n)++] = (struct page_option){
		    arena_printf(r->arena, "%lld", (long long)d->org_id),
		    d->org_name ? d->org_name : "(current)"};
	return opts;
}

/* Renders the new or edit page with in's typed values and bad's error. */
static enum result deals_form_page(struct req *r, const struct deal *d,
				   const struct page_form *in,
				   const struct error *bad, int status,
				   struct error *err)
{
	size_t n_orgs = 0;
	enum result res = R_OK;
	const struct page_option *orgs =
	    deals_org_options(r, d, &n_orgs, err, &res);
	if (res != R_OK)
		return res;
	bool editing = d->id != 0;
	struct page_fields fs = {in, bad, "deal", false};
	struct buf b;
	page_begin(&b, editing ? "Edit deal" : "Start a deal", PAGE_NAV_DEALS);
	if (editing) {
		html_raw(&b, "<p class=\"crumbs\"><a href=\"/deals/");
		html_int(&b, d->id);
		html_raw(&b, "\">");
		html_txt(&b, d->title);
		html_raw(&b, "</a></p>\n<h1>Edit ");
		html_txt(&b, d->title);
		html_raw(&b, "</h1>\n");
	} else {
		html_raw(&b, "<h1>Start a deal</h1>\n");
	}
	const char *action =
	    editing
		? arena_printf(r->arena, "/deals/%lld/edit", (long long)d->id)
		: "/deals/new";
	page_form_start(&b, action, editing ? "Edit deal" : "Start a deal");
	page_select(&b, &fs, "org_id", "Organization", orgs, n_orgs,
		    d->org_id
			? arena_printf(r->arena, "%lld", (long long)d->org_id)
			: "");
	page_input(&b, &fs, "text", "title", "Title", d->title, true,
		   "A few words you will recognise, e.g. Team plan for "
		   "2025.");
	page_textarea(&b, &fs, "need", "Their need, in their words", d->need, 3,
		      false);
	page_textarea(&b, &fs, "benefit", "The benefit they expect", d->benefit,
		      3, false);
	page_input(&b, &fs, "text", "value", "Estimated value",
		   page_deal_money_value(r, d->value_minor), false,
		   "Leave empty when you do not know it, e.g. 12000.50.");
	page_input(&b, &fs, "text", "price", "Price",
		   page_deal_money_value(r, d->price_minor), false, NULL);
	page_input(&b, &fs, "text", "currency", "Currency", d->currency, false,
		   "Three capital letters, e.g. EUR; needed with an amount.");
	page_select(&b, &fs, "source", "How it came", deals_sources,
		    COUNT(deals_sources), deal_source_name(d->source));
	page_input(&b, &fs, "number", "referred_by", "Referred by (person id)",
		   d->referred_by ? arena_printf(r->arena, "%lld",
						 (long long)d->referred_by)
				  : "",
		   false, "The number at the end of their page's address.");
	page_input(&b, &fs, "text", "owner", "Owner", d->owner, false,
		   "The seller looking after it.");
	page_shared_box(&b, &fs, d->id == 0 || d->shared);
	page_form_end(&b, &fs, editing ? "Save changes" : "Start deal");
	page_end(&b);
	return page_reply(r, &b, status, err);
}

/* Overwrites d's editable fields with the form's and checks them. */
static enum result deals_read_form(struct req *r, const struct page_form *f,
				   struct deal *d, struct error *bad)
{
	d->title = page_form_text(r->arena, f, "title");
	d->need = page_form_text(r->arena, f, "need");
	d->benefit = page_form_text(r->arena, f, "benefit");
	d->currency = page_form_text(r->arena, f, "currency");
	d->owner = page_form_text(r->arena, f, "owner");
	page_form_shared(f, &d->shared, &d->has_shared);
	enum result res = page_form_id(f, "org_id", &d->org_id, bad);
	if (res == R_OK)
		res = page_form_id(f, "referred_by", &d->referred_by, bad);
	if (res == R_OK)
		res = page_deal_read_money(f, "value", &d->value_minor, bad);
	if (res == R_OK)
		res = page_deal_read_money(f, "price", &d->price_minor, bad);
	const char *source = page_form_get(f, "source");
	if (res == R_OK && (!source || !deal_source_parse(source, &d->source)))
		res =
		    error_set(bad, R_INVALID, "source",
			      "source: must be one of %s", deal_source_list());
	if (res == R_OK && !d->org_id)
		res = error_set(bad, R_INVALID, "org_id",
				"org_id: choose the buyer's organization (add "
				"it first under Organizations)");
	if (res == R_OK && !d->title)
		res = error_set(bad, R_INVALID, "title",
				"title: is required (a few words naming the "
				"deal)");
	if (res == R_OK)
		res = validate_deal(d, bad);
	deals_field_names(bad);
	return res;
}

/* Renders GET /deals/new (?org_id= chooses the organization). */
enum result page_deals_new(struct req *r, struct error *err)
{
	struct deal d = {0};
	d.source = SOURCE_INBOUND;
	enum result res = api_query_id(r, "org_id", &d.org_id, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return deals_form_page(r, &d, NULL, NULL, 200, err);
}

/* The end of a failed save: the form again with 422 (409 for a
 * conflict), or the failure itself. */
static enum result deals_form_failed(struct req *r, const struct deal *was,
				     const struct page_form *f, enum result res,
				     struct error *bad, struct error *err)
{
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	deals_field_names(bad);
	return deals_form_page(r, was, f, bad, res == R_CONFLICT ? 409 : 422,
			       err);
}

/* Handles POST /deals/new: 303 to the new deal, or 422 with the form. */
enum result page_deals_create(struct req *r, struct error *err)
{
	struct page_form f;
	enum result res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct deal d = {0};
	struct error bad = {0};
	res = deals_read_form(r, &f, &d, &bad);
	if (res == R_OK)
		res = store_deal_create(r->store, &d, &bad);
	if (res == R_OK)
		return page_redirect(
		    r, arena_printf(r->arena, "/deals/%lld", (long long)d.id));
	struct deal empty = {0};
	return deals_form_failed(r, &empty, &f, res, &bad, err);
}

/* Renders GET /deals/{id}/edit. */
enum result page_deals_edit(struct req *r, struct error *err)
{
	int64_t id;
	struct deal d;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, id, &d, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	return deals_form_page(r, &d, NULL, NULL, 200, err);
}

/* Handles POST /deals/{id}/edit. */
enum result page_deals_update(struct req *r, struct error *err)
{
	int64_t id;
	struct deal d;
	struct page_form f;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, id, &d, err);
	if (res == R_OK)
		res = page_form_read(r, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct deal was = d;
	struct error bad = {0};
	res = deals_read_form(r, &f, &d, &bad);
	if (res == R_OK)
		res = store_deal_update(r->store, &d, &bad);
	if (res == R_OK)
		return page_redirect(
		    r, arena_printf(r->arena, "/deals/%lld", (long long)id));
	return deals_form_failed(r, &was, &f, res, &bad, err);
}
