/*
 * test_store_deals.c: the deal side of the store: deals and their
 * events, stage and status moves, the committee, the plan, the concern
 * ledger, deletes that cascade, repeat business and the metrics inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/deal_rules.h"
#include "fixture.h"
#include "store/store_deal.h"
#include "util/date.h"

static int64_t new_deal(struct fixture *fx, int64_t org, const char *owner)
{
	struct deal d = {.org_id = org, .title = "Pilot",
			 .source = SOURCE_INBOUND, .owner = owner};
	assert_int_equal(store_deal_create(fx->s, &d, &fx->err), R_OK);
	assert_true(d.id > 0);
	return d.id;
}

static void deal_crud_and_events(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ana = fixture_person(fx, "Ana", "Silva", org);
	struct deal d = {.org_id = org, .title = "Pilot", .need = "fewer outages",
			 .source = SOURCE_REFERRAL, .referred_by = ana,
			 .value_minor = 500000, .currency = "EUR",
			 .owner = "sam"};
	assert_int_equal(store_deal_create(fx->s, &d, &fx->err), R_OK);
	struct deal got;
	assert_int_equal(store_deal_get(fx->s, fx->a, d.id, &got, &fx->err),
			 R_OK);
	assert_string_equal(got.org_name, "Acme");
	assert_string_equal(got.referred_by_name, "Ana Silva");
	assert_int_equal(got.value_minor, 500000);
	assert_int_equal(got.status, STATUS_OPEN);
	assert_false(got.repeat);
	/* a missing organization names the field */
	struct deal bad = {.org_id = 999, .title = "x", .source = SOURCE_INBOUND};
	assert_int_equal(store_deal_create(fx->s, &bad, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "org_id");
	/* stages move both ways and each move is an event */
	assert_int_equal(store_deal_set_stage(fx->s, d.id, STAGE_TRIALING,
					      "pilot agreed", 1000, &fx->err),
			 R_OK);
	assert_int_equal(store_deal_set_stage(fx->s, d.id, STAGE_EVALUATING,
					      NULL, 2000, &fx->err),
			 R_OK);
	assert_int_equal(store_deal_set_stage(fx->s, d.id, STAGE_EVALUATING,
					      NULL, 2001, &fx->err),
			 R_INVALID);
	struct deal_event *ev;
	size_t n;
	assert_int_equal(store_deal_events(fx->s, fx->a, d.id, &ev, &n,
					   &fx->err),
			 R_OK);
	assert_int_equal(n, 3);
	assert_int_equal(ev[0].at, 1000); /* ordered by time */
	assert_string_equal(ev[0].from, "exploring");
	assert_string_equal(ev[0].to, "trialing");
	assert_string_equal(ev[0].reason, "pilot agreed");
	assert_string_equal(ev[1].to, "evaluating");
	assert_int_equal(ev[2].kind, EVENT_CREATED);
	/* rescinding an open deal is refused and changes nothing */
	int64_t day = date_to_days(2026, 3, 1);
	assert_int_equal(store_deal_set_status(fx->s, d.id, STATUS_RESCINDED,
					       "refund", day, 3000, &fx->err),
			 R_INVALID);
	assert_int_equal(store_deal_set_status(fx->s, d.id, STATUS_WON, NULL,
					       day, 3000, &fx->err),
			 R_OK);
	assert_int_equal(store_deal_set_status(fx->s, d.id, STATUS_RESCINDED,
					       "refund", day - 1, 4000,
					       &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "date");
	assert_int_equal(store_deal_set_status(fx->s, d.id, STATUS_RESCINDED,
					       "refund", day + 10, 4000,
					       &fx->err),
			 R_OK);
	assert_int_equal(store_deal_get(fx->s, fx->a, d.id, &got, &fx->err),
			 R_OK);
	assert_int_equal(got.status, STATUS_RESCINDED);
	assert_true(got.has_won_on);
	assert_int_equal(got.won_on, day);
	assert_int_equal(got.closed_on, day + 10);
	assert_string_equal(got.status_reason, "refund");
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM deal_event"), 5);
}

static void repeat_and_list(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t other = fixture_org(fx, "Beta");
	int64_t first = new_deal(fx, org, "sam");
	int64_t second = new_deal(fx, org, "kim");
	int64_t third = new_deal(fx, other, "sam");
	struct deal got;
	assert_int_equal(store_deal_get(fx->s, fx->a, second, &got, &fx->err),
			 R_OK);
	assert_false(got.repeat); /* nobody won at Acme yet */
	assert_int_equal(store_deal_set_status(fx->s, first, STATUS_WON, NULL,
					       date_to_days(2026, 1, 5), 10,
					       &fx->err),
			 R_OK);
	assert_int_equal(store_deal_get(fx->s, fx->a, second, &got, &fx->err),
			 R_OK);
	assert_true(got.repeat);
	assert_int_equal(store_deal_get(fx->s, fx->a, first, &got, &fx->err),
			 R_OK);
	assert_false(got.repeat); /* the first win itself */
	struct deal_filter f = {.status = -1, .stage = -1, .owner = "sam"};
	struct store_page page = {0, 1};
	struct deal *items;
	size_t n;
	bool more;
	assert_int_equal(store_deal_list(fx->s, fx->a, &f, &page, &items, &n,
					 &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_true(more);
	assert_int_equal(items[0].id, first);
	page.after_id = items[0].id;
	assert_int_equal(store_deal_list(fx->s, fx->a, &f, &page, &items, &n,
					 &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_int_equal(items[0].id, third);
	f = (struct deal_filter){.status = STATUS_WON, .stage = -1};
	page = (struct store_page){0, 0};
	assert_int_equal(store_deal_list(fx->s, fx->a, &f, &page, &items, &n,
					 &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
}

static void committee_plan_concerns(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ana = fixture_person(fx, "Ana", NULL, org);
	int64_t deal = new_deal(fx, org, NULL);
	int64_t other = new_deal(fx, org, NULL);
	struct stakeholder k = {.deal_id = deal, .person_id = ana,
				.role = ROLE_DECISION_MAKER};
	assert_int_equal(store_stakeholder_create(fx->s, &k, &fx->err), R_OK);
	struct stakeholder twice = k;
	assert_int_equal(store_stakeholder_create(fx->s, &twice, &fx->err),
			 R_CONFLICT);
	assert_string_equal(fx->err.field, "person_id");
	struct plan_step p1 = {.deal_id = deal, .title = "Trial",
			       .side = SIDE_BUYER};
	struct plan_step p2 = {.deal_id = deal, .title = "Quote",
			       .side = SIDE_SELLER};
	assert_int_equal(store_plan_step_create(fx->s, &p1, &fx->err), R_OK);
	assert_int_equal(store_plan_step_create(fx->s, &p2, &fx->err), R_OK);
	assert_int_equal(p1.position, 0);
	assert_int_equal(p2.position, 1);
	/* a concern raised by a stakeholder of another deal is refused */
	struct concern c = {.deal_id = other, .category = CONCERN_PRICE,
			    .words = "too dear", .raised_by = k.id,
			    .raised_at = 100};
	assert_int_equal(store_concern_create(fx->s, &c, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "raised_by");
	c.deal_id = deal;
	assert_int_equal(store_concern_create(fx->s, &c, &fx->err), R_OK);
	struct concern got;
	assert_int_equal(store_concern_act(fx->s, fx->a, c.id, CACTION_RESOLVE,
					   NULL, 200, &got, &fx->err),
			 R_INVALID);
	assert_int_equal(store_concern_act(fx->s, fx->a, c.id, CACTION_ANSWER,
					   "ROI sheet", 50, &got, &fx->err),
			 R_INVALID); /* before it was raised */
	assert_string_equal(fx->err.field, "at");
	assert_int_equal(store_concern_act(fx->s, fx->a, c.id, CACTION_ANSWER,
					   "ROI sheet", 200, &got, &fx->err),
			 R_OK);
	assert_int_equal(store_concern_act(fx->s, fx->a, c.id, CACTION_RESOLVE,
					   NULL, 300, &got, &fx->err),
			 R_OK);
	assert_int_equal(store_concern_get(fx->s, fx->a, c.id, &got, &fx->err),
			 R_OK);
	assert_int_equal(got.status, CSTATUS_RESOLVED);
	assert_string_equal(got.answer, "ROI sheet");
	assert_string_equal(got.raised_by_name, "Ana");
	assert_int_equal(got.answered_at, 200);
	assert_int_equal(got.resolved_at, 300);
	struct deal_full full;
	assert_int_equal(store_deal_read_full(fx->s, fx->a, deal, &full,
					      &fx->err),
			 R_OK);
	assert_int_equal(full.n_stakeholders, 1);
	assert_int_equal(full.n_steps, 2);
	assert_int_equal(full.n_concerns, 1);
	assert_int_equal(full.n_events, 1);
	/* deleting the deal takes its parts with it */
	assert_int_equal(store_deal_delete(fx->s, deal, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM concern"), 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM plan_step"), 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM stakeholder"),
			 0);
	assert_int_equal(store_deal_read_full(fx->s, fx->a, deal, &full,
					      &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_deal_delete(fx->s, deal, &fx->err),
			 R_NOT_FOUND);
}

static void asks_and_metrics_inputs(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ana = fixture_person(fx, "Ana", NULL, org);
	int64_t deal = new_deal(fx, org, "sam");
	struct concern c = {.deal_id = deal, .category = CONCERN_RISK,
			    .words = "what if it fails", .raised_at = 1000};
	assert_int_equal(store_concern_create(fx->s, &c, &fx->err), R_OK);
	struct interaction it = {.kind = INTERACTION_ASK, .occurred_at = 2000,
				 .summary = "asked for the order",
				 .people = &ana, .n_people = 1,
				 .deal_id = deal};
	assert_int_equal(store_interaction_create(fx->s, &it, &fx->err), R_OK);
	struct deal_full full;
	assert_int_equal(store_deal_read_full(fx->s, fx->a, deal, &full,
					      &fx->err),
			 R_OK);
	assert_int_equal(full.n_asks, 1);
	assert_true(full.asks[0].flagged);
	assert_int_equal(full.last_interaction, 2000);
	struct metrics_input in;
	assert_int_equal(store_metrics_inputs(fx->s, fx->a, &in, &fx->err),
			 R_OK);
	assert_int_equal(in.n_deals, 1);
	assert_int_equal(in.n_concerns, 1);
	assert_int_equal(in.n_asks, 1);
	assert_string_equal(in.deals[0].owner, "sam");
	assert_true(in.deals[0].last_activity >= in.deals[0].created_at);
	/* deleting the deal keeps the ask as a touch, off the deal */
	assert_int_equal(store_deal_delete(fx->s, deal, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM interaction "
					 "WHERE deal_id IS NULL"),
			 1);
}

/* The deal side of the daily list: steps due (overdue first), stalled
 * deals as deal_rules_stall judges them, unsettled concerns; paged with
 * totals, open deals only. */
static void today_deal_side(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ana = fixture_person(fx, "Ana", NULL, org);
	int64_t a = new_deal(fx, org, NULL), b = new_deal(fx, org, NULL);
	int64_t closed = new_deal(fx, org, NULL);
	int64_t today = 20000, now = today * 86400 + 3600;
	struct plan_step steps[] = {
	    {.deal_id = a, .title = "late", .side = SIDE_BUYER,
	     .has_due_on = true, .due_on = today - 3, .owner_person_id = ana},
	    {.deal_id = b, .title = "today", .side = SIDE_SELLER,
	     .has_due_on = true, .due_on = today},
	    {.deal_id = a, .title = "far", .side = SIDE_BOTH,
	     .has_due_on = true, .due_on = today + 30},
	    {.deal_id = a, .title = "undated", .side = SIDE_BUYER},
	    {.deal_id = closed, .title = "closed", .side = SIDE_BUYER,
	     .has_due_on = true, .due_on = today - 9},
	};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		assert_int_equal(store_plan_step_create(fx->s, &steps[i],
							&fx->err),
				 R_OK);
	assert_int_equal(store_deal_set_status(fx->s, closed, STATUS_LOST,
					       NULL, today, now, &fx->err),
			 R_OK);
	/* a is quiet since its creation long ago; b had a touch lately */
	fixture_exec(fx, "UPDATE deal SET created_at = 1000");
	struct interaction it = {.kind = INTERACTION_CALL,
				 .occurred_at = now - 2 * 86400,
				 .summary = "call", .people = &ana,
				 .n_people = 1, .deal_id = b};
	assert_int_equal(store_interaction_create(fx->s, &it, &fx->err), R_OK);
	struct concern c1 = {.deal_id = b, .category = CONCERN_PRICE,
			     .words = "dear", .raised_at = 500};
	struct concern c2 = {.deal_id = b, .category = CONCERN_RISK,
			     .words = "risky", .raised_at = 900};
	struct concern c3 = {.deal_id = a, .category = CONCERN_FIT,
			     .words = "fits?", .raised_at = 700};
	assert_int_equal(store_concern_create(fx->s, &c1, &fx->err), R_OK);
	assert_int_equal(store_concern_create(fx->s, &c2, &fx->err), R_OK);
	assert_int_equal(store_concern_create(fx->s, &c3, &fx->err), R_OK);
	assert_int_equal(store_concern_act(fx->s, fx->a, c2.id, CACTION_ANSWER,
					   "it is safe", 1000, NULL, &fx->err),
			 R_OK);
	assert_int_equal(store_concern_act(fx->s, fx->a, c3.id, CACTION_DROP,
					   NULL, 1000, NULL, &fx->err),
			 R_OK);
	struct deal_today_window w = {today, now, 14, 0, 50, 0};
	struct deal_today t;
	assert_int_equal(store_deal_today_read(fx->s, fx->a, &w, &t, &fx->err),
			 R_OK);
	assert_int_equal(t.steps_total, 2);
	assert_int_equal(t.n_steps, 2);
	assert_string_equal(t.steps[0].step.title, "late");
	assert_string_equal(t.steps[0].step.owner_person_name, "Ana");
	assert_string_equal(t.steps[0].org_name, "Acme");
	assert_string_equal(t.steps[1].step.title, "today");
	assert_int_equal(t.stalled_total, 1);
	assert_int_equal(t.stalled[0].deal_id, a);
	assert_int_equal(t.stalled[0].since, 1000);
	/* the same judgement as core's */
	struct deal_stall st;
	deal_rules_stall(STATUS_OPEN, t.stalled[0].since, now, 0, &st);
	assert_true(st.stalled);
	assert_int_equal(t.concerns_total, 1);
	assert_int_equal(t.concerns[0].deal_id, b);
	assert_int_equal(t.concerns[0].open_concerns, 1);
	assert_int_equal(t.concerns[0].answered_concerns, 1);
	assert_int_equal(t.concerns[0].since, 500);
	/* paging: one entry a page, totals unchanged */
	w.limit = 1;
	w.offset = 1;
	assert_int_equal(store_deal_today_read(fx->s, fx->a, &w, &t, &fx->err),
			 R_OK);
	assert_int_equal(t.n_steps, 1);
	assert_string_equal(t.steps[0].step.title, "today");
	assert_int_equal(t.steps_total, 2);
	assert_int_equal(t.n_stalled, 0);
	assert_int_equal(t.stalled_total, 1);
	/* a step done is a sign of life: a is no longer stalled */
	steps[3].done_at = now - 86400;
	assert_int_equal(store_plan_step_update(fx->s, &steps[3], &fx->err),
			 R_OK);
	w.offset = 0;
	assert_int_equal(store_deal_today_read(fx->s, fx->a, &w, &t, &fx->err),
			 R_OK);
	assert_int_equal(t.stalled_total, 0);
	w.limit = 0;
	assert_int_equal(store_deal_today_read(fx->s, fx->a, &w, &t, &fx->err),
			 R_INVALID);
}

/* A deal's interactions newest first; a missing deal on a touch is
 * refused naming deal_id; the deals a person sits on with their role. */
static void interactions_by_deal_and_deals_by_person(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ana = fixture_person(fx, "Ana", NULL, org);
	int64_t bo = fixture_person(fx, "Bo", NULL, 0);
	int64_t d1 = new_deal(fx, org, NULL), d2 = new_deal(fx, org, NULL);
	int64_t at[] = {3000, 1000, 2000, 2000};
	int64_t ids[4];
	for (int i = 0; i < 4; i++) {
		struct interaction it = {.kind = INTERACTION_NOTE,
					 .occurred_at = at[i], .summary = "n",
					 .people = i == 3 ? &bo : &ana,
					 .n_people = 1,
					 .deal_id = i == 1 ? d2 : d1};
		assert_int_equal(store_interaction_create(fx->s, &it,
							  &fx->err),
				 R_OK);
		ids[i] = it.id;
	}
	struct interaction *items;
	size_t n;
	bool more;
	assert_int_equal(store_interaction_list_by_deal(fx->s, fx->a, d1, 10,
							&items, &n, &more,
							&fx->err),
			 R_OK);
	assert_int_equal(n, 3);
	assert_false(more);
	assert_int_equal(items[0].id, ids[0]);
	assert_int_equal(items[1].id, ids[3]); /* same time: higher id first */
	assert_int_equal(items[2].id, ids[2]);
	assert_int_equal(items[1].n_people, 1);
	assert_int_equal(items[1].people[0], bo);
	assert_int_equal(store_interaction_list_by_deal(fx->s, fx->a, d1, 2,
							&items, &n, &more,
							&fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	assert_int_equal(store_interaction_list_by_deal(fx->s, fx->a, 999, 2,
							&items, &n, &more,
							&fx->err),
			 R_NOT_FOUND);
	/* a touch on a deal that does not exist, created or updated */
	struct interaction bad = {.kind = INTERACTION_NOTE, .occurred_at = 5,
				  .summary = "x", .people = &ana,
				  .n_people = 1, .deal_id = 999};
	assert_int_equal(store_interaction_create(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "deal_id");
	bad.id = ids[0];
	assert_int_equal(store_interaction_update(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "deal_id");
	/* deals by stakeholder, newest first, with the role */
	struct stakeholder k1 = {.deal_id = d1, .person_id = bo,
				 .role = ROLE_FINANCE};
	struct stakeholder k2 = {.deal_id = d2, .person_id = bo,
				 .role = ROLE_CHAMPION};
	assert_int_equal(store_stakeholder_create(fx->s, &k1, &fx->err), R_OK);
	assert_int_equal(store_stakeholder_create(fx->s, &k2, &fx->err), R_OK);
	struct deal *deals;
	enum stakeholder_role *roles;
	assert_int_equal(store_deal_list_by_person(fx->s, fx->a, bo, 10,
						   &deals, &roles, &n, &more,
						   &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_int_equal(deals[0].id, d2);
	assert_int_equal(roles[0], ROLE_CHAMPION);
	assert_int_equal(deals[1].id, d1);
	assert_int_equal(roles[1], ROLE_FINANCE);
	assert_int_equal(store_deal_list_by_person(fx->s, fx->a, bo, 1,
						   &deals, &roles, &n, &more,
						   &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_true(more);
	assert_int_equal(store_deal_list_by_person(fx->s, fx->a, ana, 10,
						   &deals, &roles, &n, &more,
						   &fx->err),
			 R_OK);
	assert_int_equal(n, 0);
	/* the people a person referred */
	fixture_exec(fx, "UPDATE person SET referred_by = 1 WHERE id = 2");
	struct person *ps;
	assert_int_equal(store_person_list_referred(fx->s, fx->a, ana, 10, &ps,
						    &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ps[0].id, bo);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(deal_crud_and_events,
						fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(repeat_and_list, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(committee_plan_concerns,
						fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(asks_and_metrics_inputs,
						fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(today_deal_side, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(
		    interactions_by_deal_and_deals_by_person, fixture_setup,
		    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
