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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
