/*
 * demo_advisor.c: the honest advisor's part of the demo data (cli layer).
 *
 * Two of demo_deals.c's deals get needs, offerings and scores. Riverbend's
 * staff scheduling (closed no_fit) shows the outcome the advisor exists
 * for: a competitor's simpler tool fits best, and the recommendation of
 * it is on record with its reasons. Bluestem's route planning (deciding)
 * shows a live comparison in which ours leads by a hair, one unknown
 * could change that and a competitor's per-user price cannot be compared
 * yet. Deals are found by organization and title; everything goes
 * through core's validation and the store, inside demo_fill()'s
 * transaction.
 */
#include "cli/demo.h"

#include <string.h>

#include "codec/advisor_json.h"
#include "codec/codec.h"
#include "core/validate_advisor.h"
#include "store/store_advisor.h"
#include "store/store_deal.h"
#include "util/buf.h"

#define DA_DAY 86400

/* demo.c's organizations by index, as in demo_deals.c. */
enum { DA_BLUESTEM = 2, DA_RIVERBEND = 4 };

struct da {
	struct store *s;
	struct arena *a;
	const int64_t *orgs;
	int64_t now;
	struct error *err;
	enum result r; /* sticky: the first failure */
};

static int64_t da_deal(struct da *t, int org, const char *title)
{
	if (t->r != R_OK)
		return 0;
	struct deal_filter f = {
	    .status = -1, .stage = -1, .org_id = t->orgs[org]};
	struct store_page page = {0, STORE_LIMIT_MAX};
	struct deal *items;
	size_t n;
	bool more;
	t->r =
	    store_deal_list(t->s, t->a, &f, &page, &items, &n, &more, t->err);
	for (size_t i = 0; t->r == R_OK && i < n; i++)
		if (strcmp(items[i].title, title) == 0)
			return items[i].id;
	if (t->r == R_OK)
		t->r = error_set(t->err, R_NOT_FOUND, "deal",
				 "demo: the deal \"%s\" is missing", title);
	return 0;
}

static int64_t da_need(struct da *t, int64_t deal, const char *words,
		       int weight, bool must)
{
	if (t->r != R_OK)
		return 0;
	struct need n = {.deal_id = deal,
			 .words = words,
			 .weight = weight,
			 .must_have = must};
	t->r = validate_need(&n, t->err);
	if (t->r == R_OK)
		t->r = store_need_create(t->s, &n, t->err);
	return n.id;
}

static int64_t da_offering(struct da *t, const char *vendor, const char *name,
			   bool ours, int64_t price, enum price_model model,
			   const char *notes, const char *link)
{
	if (t->r != R_OK)
		return 0;
	struct offering o = {.vendor = vendor,
			     .name = name,
			     .is_ours = ours,
			     .price_minor = price,
			     .currency = "EUR",
			     .price_model = model,
			     .notes = notes,
			     .links = &link,
			     .n_links = link ? 1 : 0};
	t->r = validate_offering(&o, t->err);
	if (t->r == R_OK)
		t->r = store_offering_create(t->s, &o, t->err);
	return o.id;
}

/* score < 0: not known yet, with evidence saying what was asked. */
static void da_fit(struct da *t, int64_t deal, int64_t need, int64_t off,
		   int score, const char *evidence, const char *source)
{
	if (t->r != R_OK)
		return;
	struct fit f = {.need_id = need,
			.offering_id = off,
			.has_score = score >= 0,
			.score = score < 0 ? 0 : score,
			.evidence = evidence,
			.source = source};
	bool created;
	t->r = validate_fit(&f, t->err);
	if (t->r == R_OK)
		t->r = store_fit_put(t->s, deal, &f, &created, t->err);
}

/* Records a recommendation with the ranking as it stands. */
static void da_recommend(struct da *t, int64_t deal, int64_t off,
			 const char *why, int days_ago)
{
	if (t->r != R_OK)
		return;
	struct advisor_data d;
	t->r = store_advisor_read(t->s, t->a, deal, &d, t->err);
	if (t->r != R_OK)
		return;
	struct advisor_input in;
	struct advisor_ranking k;
	store_advisor_input(&d, &in);
	advisor_rank(&in, t->a, &k);
	json_t *j = codec_advisor(&d.deal, &in, &k);
	struct buf b;
	buf_init(&b, 1024 * 1024);
	bool ok = codec_write(j, &b);
	json_decref(j);
	struct recommendation rec = {.deal_id = deal,
				     .offering_id = off,
				     .rationale = why,
				     .ranking_json = ok ? buf_str(&b) : "{}",
				     .created_at =
					 t->now - (int64_t)days_ago * DA_DAY};
	t->r = validate_recommendation(&rec, t->err);
	if (t->r == R_OK)
		t->r = store_recommendation_create(t->s, t->a, &rec, t->err);
	buf_free(&b);
}

/* Riverbend: three schools; a competitor's simple tool fits best. */
static void da_riverbend(struct da *t)
{
	int64_t d = da_deal(t, DA_RIVERBEND, "Staff scheduling");
	int64_t early = da_need(t, d,
				"Cover for an absent teacher arranged "
				"before 8 in the morning",
				5, true);
	int64_t small = da_need(t, d,
				"Three schools, not forty: nothing to "
				"administer",
				4, true);
	int64_t office = da_need(t, d,
				 "The office can run it without "
				 "training",
				 3, false);
	int64_t texts =
	    da_need(t, d, "Substitutes get a text, not a call", 2, false);
	int64_t ours = da_offering(t, "Brightline", "Brightline Workforce",
				   true, 600000, PRICE_YEARLY,
				   "Scheduling for districts and large trusts",
				   "https://brightline.example/workforce");
	int64_t cover =
	    da_offering(t, "SubSimple", "Cover Desk", false, 4000,
			PRICE_MONTHLY, "Substitute cover for small schools",
			"https://subsimple.example/cover-desk");
	da_fit(t, d, early, ours, 5,
	       "Assigns cover from the pool at 6:00; "
	       "seen in the demo",
	       "demo with Sofia");
	da_fit(t, d, small, ours, 1,
	       "Needs a district admin and role set-up "
	       "before the first use",
	       "our onboarding guide");
	da_fit(t, d, office, ours, 2,
	       "Two half-day trainings in the standard "
	       "plan",
	       "our onboarding guide");
	da_fit(t, d, texts, ours, 5, "Texts and app alerts", "product sheet");
	da_fit(t, d, early, cover, 4,
	       "Texts the substitute list in order "
	       "from 6:30; Sofia ran it for a week",
	       "Sofia's trial");
	da_fit(t, d, small, cover, 5, "One page of settings per school",
	       "Sofia's trial");
	da_fit(t, d, office, cover, 5,
	       "The office manager set it up in an "
	       "hour",
	       "Sofia's trial");
	da_fit(t, d, texts, cover, 5, "Texts only", "vendor's site");
	da_recommend(t, d, cover,
		     "They run three schools and need cover settled before "
		     "8; Cover Desk does that with nothing to administer and "
		     "costs a fraction. Ours is built for districts and would "
		     "need an admin they do not have.",
		     80);
}

/* Bluestem: deciding; ours leads by a hair with one unknown. */
static void da_bluestem(struct da *t)
{
	int64_t d = da_deal(t, DA_BLUESTEM, "Route planning pilot");
	int64_t hills = da_need(t, d, "Works offline in the hills", 5, true);
	int64_t learn =
	    da_need(t, d, "Drivers learn it in a morning", 3, false);
	int64_t stops = da_need(t, d, "Plans forty stops a day", 4, false);
	int64_t books =
	    da_need(t, d, "Exports to our accounting package", 2, false);
	int64_t ours =
	    da_offering(t, "Brightline", "Brightline Routes", true, 480000,
			PRICE_YEARLY, "Route planning with offline maps",
			"https://brightline.example/routes");
	int64_t pad = da_offering(t, "Meridian Maps", "RoutePad", false, 30000,
				  PRICE_MONTHLY, NULL,
				  "https://meridian.example/routepad");
	int64_t fleet =
	    da_offering(t, "FleetWise", "FleetWise Pro", false, 1500,
			PRICE_PER_USER_MONTHLY, "Priced per driver", NULL);
	da_fit(t, d, hills, ours, 4,
	       "Offline maps synced at the depot held "
	       "on the hill route test",
	       "test run, day 11");
	da_fit(t, d, learn, ours, 3,
	       "Two of five drivers needed help on day "
	       "one",
	       "test run, day 11");
	da_fit(t, d, stops, ours, 5, "Planned 46 stops in one run",
	       "test run, day 11");
	da_fit(t, d, books, ours, -1,
	       "Asked our team whether their package "
	       "is supported",
	       NULL);
	da_fit(t, d, hills, pad, 5, "Fully offline by design",
	       "Hannah's "
	       "reference call");
	da_fit(t, d, learn, pad, 4,
	       "Drivers at the reference site learnt it "
	       "in an hour",
	       "Hannah's reference call");
	da_fit(t, d, stops, pad, 4, "Up to 40 stops per route",
	       "vendor's site");
	da_fit(t, d, books, pad, 2, "CSV export only", "vendor's site");
	da_fit(t, d, hills, fleet, 2, "Needs a signal to re-plan",
	       "vendor's site");
	da_fit(t, d, learn, fleet, 5, "Very simple driver app",
	       "vendor's demo");
	da_fit(t, d, stops, fleet, 5, "No limit on stops", "vendor's site");
	da_fit(t, d, books, fleet, 5, "Direct export to their package",
	       "vendor's site");
}

enum result demo_advisor_put(struct store *s, struct arena *a,
			     const int64_t *org_ids, int64_t now,
			     struct error *err)
{
	struct da t = {
	    .s = s, .a = a, .orgs = org_ids, .now = now, .err = err, .r = R_OK};
	da_riverbend(&t);
	da_bluestem(&t);
	return t.r;
}
