/*
 * demo_deals.c: the deals of the demo data set (cli layer).
 *
 * Eight deals across the demo's organizations, so that `make run` shows
 * every buyer stage, every status (a rescinded deal among them), concerns
 * in every state, repeat business, referrals, an ask made over open
 * concerns, a deal ready for an ask and one that has stalled. People and
 * organizations are the demo's, by their index in demo.c's tables (names
 * in the comments). Times count back from now; everything goes through
 * the store and core's validation, inside demo_fill()'s transaction.
 */
#include "cli/demo.h"

#include <string.h>

#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store.h"
#include "store/store_deal.h"

#define DD_DAY 86400

/* demo.c's organizations (0-based) and people, by index. */
enum { D_HARBOR, D_NORTHWIND, D_BLUESTEM, D_COPPERLEAF, D_RIVERBEND, D_ALDER };
enum {
	P_MAYA = 0, P_DANIEL = 1, P_PRIYA = 2, P_GRACE = 5, P_SAMUEL = 6,
	P_AMARA = 7, P_HANNAH = 8, P_LUIS = 9, P_ELENA = 12, P_MARCUS = 16,
	P_SOFIA = 17, P_OLIVIA = 20, P_NATHAN = 21, P_RAVI = 23, P_FIONA = 24,
	P_KENJI = 25
};

struct dd {
	struct store *s;
	struct arena *a;
	const int64_t *orgs, *people;
	int64_t now, today;
	struct error *err;
	enum result r; /* sticky: the first failure */
};

/* The time days ago (at 10:00 UTC plus h hours). */
static int64_t dd_ago(const struct dd *t, int days, int h)
{
	return (t->today - days) * DD_DAY + (10 + h) * 3600;
}

static int64_t dd_deal(struct dd *t, int org, const char *title,
		       const char *need, enum deal_source source, int referrer,
		       const char *owner, int64_t value, int created_days_ago)
{
	if (t->r != R_OK)
		return 0;
	struct deal d = {.org_id = t->orgs[org], .title = title, .need = need,
			 .source = source, .owner = owner,
			 .value_minor = value, .currency = "EUR",
			 .price_minor = value,
			 .referred_by = referrer >= 0 ? t->people[referrer] : 0,
			 .created_at = dd_ago(t, created_days_ago, 0)};
	t->r = validate_deal(&d, t->err);
	if (t->r == R_OK)
		t->r = store_deal_create(t->s, &d, t->err);
	return d.id;
}

static void dd_stage(struct dd *t, int64_t deal, enum deal_stage st,
		     const char *reason, int days_ago)
{
	if (t->r == R_OK)
		t->r = store_deal_set_stage(t->s, deal, st, reason,
					    dd_ago(t, days_ago, 1), t->err);
}

static void dd_status(struct dd *t, int64_t deal, enum deal_status st,
		      const char *reason, int days_ago)
{
	if (t->r == R_OK)
		t->r = store_deal_set_status(t->s, deal, st, reason,
					     t->today - days_ago,
					     dd_ago(t, days_ago, 2), t->err);
}

static int64_t dd_who(struct dd *t, int64_t deal, int person,
		      enum stakeholder_role role, enum stakeholder_stance st,
		      const char *notes)
{
	if (t->r != R_OK)
		return 0;
	struct stakeholder k = {.deal_id = deal, .person_id = t->people[person],
				.role = role, .stance = st, .notes = notes};
	t->r = store_stakeholder_create(t->s, &k, t->err);
	return k.id;
}

static void dd_step(struct dd *t, int64_t deal, const char *title,
		    enum plan_side side, int due_in_days, int done_days_ago)
{
	if (t->r != R_OK)
		return;
	struct plan_step p = {.deal_id = deal, .title = title, .side = side,
			      .has_due_on = true,
			      .due_on = t->today + due_in_days};
	if (done_days_ago >= 0)
		p.done_at = dd_ago(t, done_days_ago, 3);
	t->r = validate_plan_step(&p, t->err);
	if (t->r == R_OK)
		t->r = store_plan_step_create(t->s, &p, t->err);
}

/* A concern raised days_ago; answered, then resolved or dropped a day
 * apart each when the text or flag says so. */
static void dd_concern(struct dd *t, int64_t deal, int64_t by,
		       enum concern_category cat, const char *words,
		       int days_ago, const char *answer,
		       enum concern_action last)
{
	if (t->r != R_OK)
		return;
	struct concern c = {.deal_id = deal, .category = cat, .words = words,
			    .raised_by = by, .raised_at = dd_ago(t, days_ago, 0)};
	t->r = validate_concern(&c, t->now, t->err);
	if (t->r == R_OK)
		t->r = store_concern_create(t->s, &c, t->err);
	if (t->r == R_OK && answer)
		t->r = store_concern_act(t->s, t->a, c.id, CACTION_ANSWER,
					 answer, dd_ago(t, days_ago - 1, 0),
					 NULL, t->err);
	if (t->r == R_OK &&
	    (last == CACTION_RESOLVE || last == CACTION_DROP))
		t->r = store_concern_act(
			t->s, t->a, c.id, last,
			last == CACTION_DROP ? "no longer a worry for them"
					     : NULL,
			dd_ago(t, days_ago - 2, 0), NULL, t->err);
}

static void dd_touch(struct dd *t, int64_t deal, int person,
		     enum interaction_kind kind, const char *summary,
		     int days_ago)
{
	if (t->r != R_OK)
		return;
	int64_t who = t->people[person];
	struct interaction it = {.kind = kind, .summary = summary,
				 .occurred_at = dd_ago(t, days_ago, 4),
				 .people = &who, .n_people = 1,
				 .deal_id = deal};
	t->r = validate_interaction(&it, t->now, t->err);
	if (t->r == R_OK)
		t->r = store_interaction_create(t->s, &it, t->err);
}

/* Harbor Lane: a won deal, then repeat business still being evaluated. */
static void dd_harbor(struct dd *t)
{
	int64_t won = dd_deal(t, D_HARBOR, "Ordering for the central kitchen",
			      "Stop losing Saturday orders in the shared "
			      "spreadsheet",
			      SOURCE_REFERRAL, P_RAVI, "Sam Ortiz", 1800000,
			      260);
	int64_t maya = dd_who(t, won, P_MAYA, ROLE_CHAMPION, STANCE_SUPPORTIVE,
			      "Asked for this after the flour shortage week");
	int64_t dan = dd_who(t, won, P_DANIEL, ROLE_DECISION_MAKER,
			     STANCE_SUPPORTIVE, NULL);
	dd_stage(t, won, STAGE_EVALUATING, "two options compared", 240);
	dd_stage(t, won, STAGE_TRIALING, "pilot in the Eastside bakery", 225);
	dd_stage(t, won, STAGE_DECIDING, NULL, 210);
	dd_stage(t, won, STAGE_COMMITTED, "signed", 200);
	dd_concern(t, won, dan, CONCERN_PRICE,
		   "The yearly fee is more than the spreadsheet costs us", 230,
		   "Walked through the hours the team spends re-keying orders",
		   CACTION_RESOLVE);
	dd_concern(t, won, maya, CONCERN_TIMING,
		   "Not during the holiday rush", 220,
		   "Agreed to start in January", CACTION_RESOLVE);
	dd_step(t, won, "Pilot at Eastside", SIDE_BOTH, -215, 214);
	dd_status(t, won, STATUS_WON, "signed for all eleven bakeries", 200);

	int64_t again = dd_deal(t, D_HARBOR, "Ordering for the two new bakeries",
				"Same setup for the sites opening in spring",
				SOURCE_REPEAT, -1, "Sam Ortiz", 400000, 20);
	dd_who(t, again, P_MAYA, ROLE_CHAMPION, STANCE_SUPPORTIVE, NULL);
	int64_t dan2 = dd_who(t, again, P_DANIEL, ROLE_DECISION_MAKER,
			      STANCE_NEUTRAL, "Wants per-site numbers");
	dd_who(t, again, P_PRIYA, ROLE_USER, STANCE_UNKNOWN, NULL);
	dd_stage(t, again, STAGE_EVALUATING, "looking at per-site pricing", 10);
	dd_concern(t, again, dan2, CONCERN_VALUE,
		   "Will two small sites really use it?", 9,
		   "Shared the usage of the two smallest current bakeries",
		   CACTION_ANSWER);
	dd_step(t, again, "Share expected order volumes per site", SIDE_BUYER,
		-3, -1);
	dd_step(t, again, "Send per-site pricing", SIDE_SELLER, 4, -1);
	dd_touch(t, again, P_MAYA, INTERACTION_CALL,
		 "Talked through the spring opening dates", 3);
}

/* Northwind: trialing, with open concerns and an ask made too early. */
static void dd_northwind(struct dd *t)
{
	int64_t d = dd_deal(t, D_NORTHWIND, "Patient reminder texts",
			    "Fewer missed appointments without more phone "
			    "calls",
			    SOURCE_INBOUND, -1, "Lee Park", 950000, 45);
	int64_t grace = dd_who(t, d, P_GRACE, ROLE_DECISION_MAKER,
			       STANCE_SKEPTICAL, "Burned by a vendor before");
	int64_t sam = dd_who(t, d, P_SAMUEL, ROLE_TECHNICAL, STANCE_SUPPORTIVE,
			     NULL);
	dd_who(t, d, P_AMARA, ROLE_USER, STANCE_UNKNOWN, NULL);
	dd_stage(t, d, STAGE_EVALUATING, NULL, 35);
	dd_stage(t, d, STAGE_TRIALING, "two-week trial at one clinic", 14);
	dd_concern(t, d, grace, CONCERN_RISK,
		   "What happens to patient data if your company goes under?",
		   6, NULL, CACTION_ANSWER);
	dd_concern(t, d, sam, CONCERN_APPROVAL,
		   "The privacy officer has to sign off", 12,
		   "Sent the data processing agreement and the audit report",
		   CACTION_ANSWER);
	dd_concern(t, d, sam, CONCERN_COMPETITOR,
		   "The scheduling vendor says they will add texts", 20, NULL,
		   CACTION_DROP);
	dd_step(t, d, "Trial at the Valley clinic", SIDE_BOTH, 0, -1);
	dd_touch(t, d, P_GRACE, INTERACTION_ASK,
		 "Asked whether they would go ahead after the trial", 2);
}

/* Bluestem: deciding and ready for an ask (a referral). */
static void dd_bluestem(struct dd *t)
{
	int64_t d = dd_deal(t, D_BLUESTEM, "Route planning pilot",
			    "Drivers plan routes on paper every morning",
			    SOURCE_REFERRAL, P_FIONA, "Lee Park", 620000, 60);
	int64_t hannah = dd_who(t, d, P_HANNAH, ROLE_DECISION_MAKER,
				STANCE_SUPPORTIVE, NULL);
	dd_who(t, d, P_LUIS, ROLE_FINANCE, STANCE_NEUTRAL, NULL);
	dd_stage(t, d, STAGE_TRIALING, NULL, 40);
	dd_stage(t, d, STAGE_EVALUATING, "new finance lead wants to compare",
		 30);
	dd_stage(t, d, STAGE_DECIDING, NULL, 8);
	dd_concern(t, d, hannah, CONCERN_FIT,
		   "Our trucks have no data plan in the hills", 25,
		   "Offline maps sync at the depot; showed it on a test run",
		   CACTION_RESOLVE);
	dd_step(t, d, "Test run on the hill route", SIDE_BUYER, -10, 11);
	dd_step(t, d, "Decision meeting", SIDE_BUYER, 5, -1);
	dd_touch(t, d, P_HANNAH, INTERACTION_MEETING,
		 "Reviewed the test run with Hannah and Luis", 5);
}

/* Copperleaf: exploring and quiet for weeks (stalled). */
static void dd_copperleaf(struct dd *t)
{
	int64_t d = dd_deal(t, D_COPPERLEAF, "Project time tracking",
			    "Know which projects lose money before they end",
			    SOURCE_OUTBOUND, -1, "Sam Ortiz", 300000, 40);
	dd_who(t, d, P_ELENA, ROLE_CHAMPION, STANCE_NEUTRAL, NULL);
}

/* Riverbend: one lost, one not a fit. Alder & Finch: won, then
 * rescinded (a referral). */
static void dd_closed(struct dd *t)
{
	int64_t lost = dd_deal(t, D_RIVERBEND, "Parent messaging",
			       "One place for school notices", SOURCE_INBOUND,
			       -1, "Lee Park", 500000, 150);
	dd_who(t, lost, P_MARCUS, ROLE_DECISION_MAKER, STANCE_NEUTRAL, NULL);
	dd_stage(t, lost, STAGE_DECIDING, NULL, 90);
	dd_status(t, lost, STATUS_LOST, "The budget went to the new gym", 60);

	int64_t nofit = dd_deal(t, D_RIVERBEND, "Staff scheduling",
				"Cover for absent teachers", SOURCE_INBOUND,
				-1, "Sam Ortiz", 250000, 100);
	dd_who(t, nofit, P_SOFIA, ROLE_USER, STANCE_SUPPORTIVE, NULL);
	dd_stage(t, nofit, STAGE_EVALUATING, NULL, 95);
	dd_status(t, nofit, STATUS_NO_FIT,
		  "They need it for three schools, not forty; we pointed them "
		  "to a simpler tool",
		  80);

	int64_t gone = dd_deal(t, D_ALDER, "Document assembly",
			       "Draft engagement letters in minutes",
			       SOURCE_REFERRAL, P_KENJI, "Sam Ortiz", 700000,
			       170);
	dd_who(t, gone, P_OLIVIA, ROLE_DECISION_MAKER, STANCE_SUPPORTIVE,
	       NULL);
	int64_t nathan = dd_who(t, gone, P_NATHAN, ROLE_TECHNICAL,
				STANCE_SKEPTICAL, NULL);
	dd_concern(t, gone, nathan, CONCERN_RISK,
		   "Client documents must not leave our servers", 150,
		   "Explained the hosting; it is in the EU", CACTION_ANSWER);
	dd_stage(t, gone, STAGE_COMMITTED, NULL, 120);
	dd_status(t, gone, STATUS_WON, NULL, 120);
	dd_status(t, gone, STATUS_RESCINDED,
		  "Their IT policy ruled out cloud storage after all; "
		  "refunded in full",
		  90);
}

enum result demo_deals_put(struct store *s, struct arena *a,
			   const int64_t *org_ids, const int64_t *person_ids,
			   int64_t now, int64_t today, struct error *err)
{
	struct dd t = {.s = s, .a = a, .orgs = org_ids, .people = person_ids,
		       .now = now, .today = today, .err = err, .r = R_OK};
	dd_harbor(&t);
	dd_northwind(&t);
	dd_bluestem(&t);
	dd_copperleaf(&t);
	dd_closed(&t);
	return t.r;
}
