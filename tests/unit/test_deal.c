/*
 * test_deal.c: unit tests of the deal side of core: status and concern
 * transitions, readiness, stall, the ask flag, repeat business, the
 * outcome measures (with numbers worked out by hand in the comments) and
 * the validation of deals and their parts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/deal.h"
#include "core/deal_rules.h"
#include "core/metrics.h"
#include "core/validate_deal.h"
#include "util/arena.h"
#include "util/date.h"

#define H 3600
#define DAY 86400

/* ---- transitions ---- */

static void status_moves(void **state)
{
	(void)state;
	struct error err = {0};
	assert_int_equal(deal_status_check(STATUS_OPEN, STATUS_WON, false, &err),
			 R_OK);
	assert_int_equal(deal_status_check(STATUS_OPEN, STATUS_LOST, false,
					   &err),
			 R_OK);
	assert_int_equal(deal_status_check(STATUS_OPEN, STATUS_NO_FIT, false,
					   &err),
			 R_OK);
	assert_int_equal(deal_status_check(STATUS_LOST, STATUS_OPEN, false,
					   &err),
			 R_OK);
	assert_int_equal(deal_status_check(STATUS_NO_FIT, STATUS_OPEN, false,
					   &err),
			 R_OK);
	assert_int_equal(deal_status_check(STATUS_WON, STATUS_RESCINDED, true,
					   &err),
			 R_OK);
}

static void status_refusals(void **state)
{
	(void)state;
	struct error err = {0};
	/* rescinding a deal that was never won says to win it first */
	assert_int_equal(deal_status_check(STATUS_OPEN, STATUS_RESCINDED, true,
					   &err),
			 R_INVALID);
	assert_string_equal(err.field, "status");
	assert_non_null(strstr(err.message, "only a won deal can be "
					    "rescinded"));
	/* a rescission needs a reason */
	assert_int_equal(deal_status_check(STATUS_WON, STATUS_RESCINDED, false,
					   &err),
			 R_INVALID);
	assert_string_equal(err.field, "reason");
	assert_int_equal(deal_status_check(STATUS_WON, STATUS_LOST, false,
					   &err),
			 R_INVALID);
	assert_non_null(strstr(err.message, "rescind it"));
	assert_int_equal(deal_status_check(STATUS_WON, STATUS_WON, false, &err),
			 R_INVALID);
	assert_non_null(strstr(err.message, "already won"));
	assert_int_equal(deal_status_check(STATUS_RESCINDED, STATUS_OPEN, false,
					   &err),
			 R_INVALID);
	assert_int_equal(deal_status_check(STATUS_LOST, STATUS_WON, false,
					   &err),
			 R_INVALID);
}

static void concern_moves(void **state)
{
	(void)state;
	struct error err = {0};
	enum concern_status to;
	/* every (status, action) pair: -1 means refused */
	static const int want[CSTATUS_COUNT][CACTION_COUNT] = {
		/* answer, resolve, drop, reopen */
		[CSTATUS_OPEN] = {CSTATUS_ANSWERED, -1, CSTATUS_DROPPED, -1},
		[CSTATUS_ANSWERED] = {CSTATUS_ANSWERED, CSTATUS_RESOLVED,
				      CSTATUS_DROPPED, CSTATUS_OPEN},
		[CSTATUS_RESOLVED] = {-1, -1, -1, CSTATUS_OPEN},
		[CSTATUS_DROPPED] = {-1, -1, -1, CSTATUS_OPEN},
	};
	for (int s = 0; s < CSTATUS_COUNT; s++)
		for (int a = 0; a < CACTION_COUNT; a++) {
			enum result r = concern_transition(
				(enum concern_status)s,
				(enum concern_action)a, &to, &err);
			if (want[s][a] < 0) {
				assert_int_equal(r, R_INVALID);
				assert_true(err.message[0] != '\0');
			} else {
				assert_int_equal(r, R_OK);
				assert_int_equal(to, want[s][a]);
			}
		}
	assert_int_equal(concern_transition(CSTATUS_OPEN, CACTION_RESOLVE, &to,
					    &err),
			 R_INVALID);
	assert_non_null(strstr(err.message, "answer it first"));
}

static void concern_apply_times(void **state)
{
	(void)state;
	struct concern c = {.status = CSTATUS_OPEN, .raised_at = 100};
	concern_apply(&c, CACTION_ANSWER, CSTATUS_ANSWERED, "the ROI sheet",
		      200);
	assert_int_equal(c.answered_at, 200);
	assert_string_equal(c.answer, "the ROI sheet");
	concern_apply(&c, CACTION_RESOLVE, CSTATUS_RESOLVED, NULL, 300);
	assert_int_equal(c.resolved_at, 300);
	concern_apply(&c, CACTION_REOPEN, CSTATUS_OPEN, "raised again", 400);
	assert_int_equal(c.status, CSTATUS_OPEN);
	assert_int_equal(c.resolved_at, 0);
	assert_int_equal(c.reopened_at, 400);
	assert_int_equal(c.reopen_count, 1);
	assert_int_equal(c.answered_at, 200); /* kept */
	concern_apply(&c, CACTION_DROP, CSTATUS_DROPPED, "moot", 500);
	assert_int_equal(c.dropped_at, 500);
	assert_string_equal(c.close_reason, "moot");
}

static void enum_names(void **state)
{
	(void)state;
	enum deal_stage st;
	assert_true(deal_stage_parse("trialing", &st));
	assert_int_equal(st, STAGE_TRIALING);
	assert_false(deal_stage_parse("Trialing", &st));
	assert_false(deal_stage_parse(NULL, &st));
	assert_string_equal(deal_status_name(STATUS_NO_FIT), "no_fit");
	assert_string_equal(stakeholder_role_name(ROLE_DECISION_MAKER),
			    "decision_maker");
	enum concern_source cs;
	assert_true(concern_source_parse("buyer_link", &cs));
	assert_int_equal(cs, CSOURCE_BUYER_LINK);
}

/* ---- readiness ---- */

static void readiness_missing_all(void **state)
{
	(void)state;
	int64_t today = date_to_days(2026, 3, 10);
	struct concern cs[] = {{.status = CSTATUS_OPEN},
			       {.status = CSTATUS_ANSWERED},
			       {.status = CSTATUS_RESOLVED},
			       {.status = CSTATUS_DROPPED}};
	struct stakeholder ks[] = {{.role = ROLE_CHAMPION}};
	struct plan_step ps[] = {
		/* buyer, due yesterday, not done: overdue */
		{.title = "Security review", .side = SIDE_BUYER,
		 .has_due_on = true, .due_on = today - 1},
		/* seller's own lateness does not hold the buyer back */
		{.title = "Send quote", .side = SIDE_SELLER,
		 .has_due_on = true, .due_on = today - 5},
		/* due today is not late yet */
		{.title = "Call", .side = SIDE_BOTH, .has_due_on = true,
		 .due_on = today},
		/* done late is done */
		{.title = "Trial", .side = SIDE_BUYER, .has_due_on = true,
		 .due_on = today - 9, .done_at = 1},
		/* both sides, two days late: overdue too */
		{.title = "Budget talk", .side = SIDE_BOTH, .has_due_on = true,
		 .due_on = today - 2},
	};
	struct deal_readiness r;
	deal_rules_readiness(cs, 4, ks, 1, ps, 5, today, &r);
	assert_false(r.ready);
	assert_int_equal(r.open_concerns, 1);
	assert_int_equal(r.answered_concerns, 1);
	assert_false(r.has_decision_maker);
	assert_int_equal(r.overdue_buyer_steps, 2);
	assert_int_equal(r.n_missing, 3);
	assert_string_equal(r.missing[0],
			    "1 concern is still open and 1 answered but not "
			    "yet confirmed by the buyer: answer the open ones "
			    "and ask whether the answers settled the others");
	assert_non_null(strstr(r.missing[1], "no decision maker is known"));
	/* the earliest overdue step is named, with the count of the rest */
	assert_string_equal(r.missing[2],
			    "the buyer's step \"Budget talk\" was due "
			    "2026-03-08 (and 1 more step is overdue): ask the "
			    "buyer how it is going and agree a new date");
}

static void readiness_ready(void **state)
{
	(void)state;
	int64_t today = date_to_days(2026, 3, 10);
	struct concern cs[] = {{.status = CSTATUS_RESOLVED}};
	struct stakeholder ks[] = {{.role = ROLE_USER},
				   {.role = ROLE_DECISION_MAKER}};
	struct plan_step ps[] = {{.title = "Sign", .side = SIDE_BUYER,
				  .has_due_on = true, .due_on = today}};
	struct deal_readiness r;
	deal_rules_readiness(cs, 1, ks, 2, ps, 1, today, &r);
	assert_true(r.ready);
	assert_int_equal(r.n_missing, 0);
	/* nothing at all: only the decision maker is missing */
	deal_rules_readiness(NULL, 0, NULL, 0, NULL, 0, today, &r);
	assert_false(r.ready);
	assert_int_equal(r.n_missing, 1);
	/* two answered concerns, plural */
	struct concern two[] = {{.status = CSTATUS_ANSWERED},
				{.status = CSTATUS_ANSWERED}};
	deal_rules_readiness(two, 2, ks, 2, NULL, 0, today, &r);
	assert_string_equal(r.missing[0],
			    "2 answered concerns are not yet confirmed by the "
			    "buyer: ask whether the answer settled them");
}

/* ---- stall ---- */

static void stall_threshold(void **state)
{
	(void)state;
	int64_t now = 1000 * DAY;
	struct deal_stall s;
	deal_rules_stall(STATUS_OPEN, now - 21 * DAY, now, 21, &s);
	assert_false(s.stalled); /* exactly 21 days is not more than 21 */
	assert_int_equal(s.days_quiet, 21);
	deal_rules_stall(STATUS_OPEN, now - 21 * DAY - 1, now, 21, &s);
	assert_true(s.stalled);
	assert_int_equal(s.since, now - 21 * DAY - 1);
	deal_rules_stall(STATUS_WON, now - 90 * DAY, now, 21, &s);
	assert_false(s.stalled); /* only open deals stall */
	deal_rules_stall(STATUS_OPEN, now - 8 * DAY, now, 7, &s);
	assert_true(s.stalled);
	deal_rules_stall(STATUS_OPEN, now - 8 * DAY, now, 0, &s);
	assert_false(s.stalled); /* 0 means the default, 21 */
	assert_int_equal(s.threshold_days, 21);
}

static void last_activity(void **state)
{
	(void)state;
	struct plan_step ps[] = {{.done_at = 500}, {.done_at = 0},
				 {.done_at = 900}};
	assert_int_equal(deal_rules_last_activity(100, 0, NULL, 0), 100);
	assert_int_equal(deal_rules_last_activity(100, 700, ps, 2), 700);
	assert_int_equal(deal_rules_last_activity(100, 700, ps, 3), 900);
}

static void ask_flag(void **state)
{
	(void)state;
	struct concern cs[] = {
		{.raised_at = 100, .answered_at = 150, .resolved_at = 200},
		{.raised_at = 300, .dropped_at = 400},
	};
	assert_false(deal_rules_ask_flagged(cs, 2, 50));  /* none raised */
	assert_true(deal_rules_ask_flagged(cs, 2, 100));  /* just raised */
	assert_true(deal_rules_ask_flagged(cs, 2, 170));  /* answered only */
	assert_false(deal_rules_ask_flagged(cs, 2, 200)); /* resolved */
	assert_true(deal_rules_ask_flagged(cs, 2, 399));
	assert_false(deal_rules_ask_flagged(cs, 2, 400)); /* dropped */
	assert_false(deal_rules_ask_flagged(NULL, 0, 400));
}

static void repeat_business(void **state)
{
	(void)state;
	assert_false(deal_rules_repeat(5, 0)); /* the org never won */
	assert_false(deal_rules_repeat(5, 5)); /* this is the first win */
	assert_true(deal_rules_repeat(6, 5));
}

/* ---- metrics: the worked example ----
 *
 * Period 2026-01-01..2026-12-31, stall threshold 21 days, now is
 * 2026-12-31 12:00.
 *
 * deal org owner status     source    created     won / closed
 *  1   10  ana   won        inbound   2025-05-01  won 2025-06-01
 *  2   10  ana   won        referral  2026-01-10  won 2026-02-01 (repeat)
 *  3   20  ben   rescinded  referral  2026-01-15  won 2026-03-01
 *  4   20  ben   lost       outbound  2026-02-01  closed 2026-05-01
 *  5   30  ana   no_fit     inbound   2026-03-01  closed 2026-06-01
 *  6   30  ben   open       inbound   2026-04-01  quiet 30 days: stalled
 *  7   20  ana   won        repeat    2026-05-01  won 2026-07-01 (repeat)
 *
 * All: started 6 (2..7), referrals 2 -> 2/6; won 3 (2, 3, 7), lost 1,
 * no fit 1 -> win rate 3/4; rescinded 1 of 3 won; repeat 2 of 3 (2 after
 * 1, 7 after 3); stalled 1.
 *
 * Concerns (raised -> answered -> resolved/dropped), T0 = 2026-02-01,
 * T1 = 2026-03-01, T2 = 2026-04-02, all 00:00 UTC:
 *   deal 2: T0 -> T0+2h -> resolved T0+26h
 *   deal 3: T1 -> T1+4h -> dropped T1+10h
 *   deal 6: T2 -> T2+6h (answered, unsettled); T2+1h (open)
 * Answer times 2h, 4h, 6h: median 4h = 14400 s over 3; resolve: 26h =
 * 93600 s over 1.
 * Asks: deal 2 at T0+1h (flagged: concern open), deal 2 at T0+30h (not:
 * resolved at 26h), deal 3 at T1+11h (not: dropped at 10h), deal 6 at
 * T2+2h (flagged), deal 1 in 2025 (outside) -> 2 of 4.
 *
 * ana (1, 2, 5, 7): started 3, referral 1/3, won 2, lost 0 -> 2/2,
 * rescinded 0/2, repeat 2/2, answer median 2h over 1, asks 1/2, stalled 0.
 * ben (3, 4, 6): started 3, referral 1/3, won 1, lost 1 -> 1/2, rescinded
 * 1/1, repeat 0/1, answer median (4h + 6h) / 2 = 5h = 18000 s, asks 1/2,
 * stalled 1.
 */

static int64_t t_at(int y, int m, int d)
{
	return date_to_days(y, m, d) * DAY;
}

#define WON(y, m, d) .has_won_on = true, .won_on = date_to_days(y, m, d)
#define CLOSED(y, m, d)                                                       \
	.has_closed_on = true, .closed_on = date_to_days(y, m, d)

struct example {
	struct metrics_deal deals[7];
	struct concern concerns[4];
	struct metrics_ask asks[5];
	struct metrics_input in;
	int64_t now;
};

static void example_fill(struct example *e)
{
	memset(e, 0, sizeof(*e));
	e->now = t_at(2026, 12, 31) + 12 * H;
	struct metrics_deal ds[7] = {
		{.id = 1, .org_id = 10, .owner = "ana", .status = STATUS_WON,
		 .source = SOURCE_INBOUND, .created_at = t_at(2025, 5, 1),
		 WON(2025, 6, 1), CLOSED(2025, 6, 1)},
		{.id = 2, .org_id = 10, .owner = "ana", .status = STATUS_WON,
		 .source = SOURCE_REFERRAL, .created_at = t_at(2026, 1, 10),
		 WON(2026, 2, 1), CLOSED(2026, 2, 1)},
		{.id = 3, .org_id = 20, .owner = "ben",
		 .status = STATUS_RESCINDED, .source = SOURCE_REFERRAL,
		 .created_at = t_at(2026, 1, 15), WON(2026, 3, 1),
		 CLOSED(2026, 4, 1)},
		{.id = 4, .org_id = 20, .owner = "ben", .status = STATUS_LOST,
		 .source = SOURCE_OUTBOUND, .created_at = t_at(2026, 2, 1),
		 CLOSED(2026, 5, 1)},
		{.id = 5, .org_id = 30, .owner = "ana", .status = STATUS_NO_FIT,
		 .source = SOURCE_INBOUND, .created_at = t_at(2026, 3, 1),
		 CLOSED(2026, 6, 1)},
		{.id = 6, .org_id = 30, .owner = "ben", .status = STATUS_OPEN,
		 .source = SOURCE_INBOUND, .created_at = t_at(2026, 4, 1),
		 .last_activity = e->now - 30 * DAY},
		{.id = 7, .org_id = 20, .owner = "ana", .status = STATUS_WON,
		 .source = SOURCE_REPEAT, .created_at = t_at(2026, 5, 1),
		 WON(2026, 7, 1), CLOSED(2026, 7, 1)},
	};
	for (int i = 0; i < 7; i++) {
		if (!ds[i].last_activity)
			ds[i].last_activity = e->now - 2 * DAY;
		e->deals[i] = ds[i];
	}
	int64_t t0 = t_at(2026, 2, 1), t1 = t_at(2026, 3, 1),
		t2 = t_at(2026, 4, 2);
	struct concern cs[4] = {
		{.deal_id = 2, .status = CSTATUS_RESOLVED, .raised_at = t0,
		 .answered_at = t0 + 2 * H, .resolved_at = t0 + 26 * H},
		{.deal_id = 3, .status = CSTATUS_DROPPED, .raised_at = t1,
		 .answered_at = t1 + 4 * H, .dropped_at = t1 + 10 * H},
		{.deal_id = 6, .status = CSTATUS_ANSWERED, .raised_at = t2,
		 .answered_at = t2 + 6 * H},
		{.deal_id = 6, .status = CSTATUS_OPEN, .raised_at = t2 + H},
	};
	memcpy(e->concerns, cs, sizeof(cs));
	struct metrics_ask ks[5] = {
		{.deal_id = 6, .at = t2 + 2 * H},
		{.deal_id = 2, .at = t0 + H},
		{.deal_id = 2, .at = t0 + 30 * H},
		{.deal_id = 3, .at = t1 + 11 * H},
		{.deal_id = 1, .at = t_at(2025, 6, 1)},
	};
	memcpy(e->asks, ks, sizeof(ks));
	e->in = (struct metrics_input){e->deals, 7, e->concerns, 4, e->asks,
				       5};
}

static void expect_rate(struct metrics_rate r, int64_t num, int64_t den)
{
	assert_int_equal(r.num, num);
	assert_int_equal(r.den, den);
}

static void metrics_all(void **state)
{
	(void)state;
	struct example e;
	example_fill(&e);
	struct arena *a = arena_new();
	struct metrics m;
	metrics_compute(&e.in, NULL, date_to_days(2026, 1, 1),
			date_to_days(2026, 12, 31), e.now, 21, a, &m);
	assert_int_equal(m.deals_started, 6);
	assert_int_equal(m.won, 3);
	assert_int_equal(m.lost, 1);
	assert_int_equal(m.no_fit, 1);
	expect_rate(m.win_rate, 3, 4);
	expect_rate(m.rescission_rate, 1, 3);
	expect_rate(m.repeat_rate, 2, 3);
	expect_rate(m.referral_share, 2, 6);
	assert_int_equal(m.time_to_answer.count, 3);
	assert_int_equal(m.time_to_answer.seconds, 4 * H);
	assert_int_equal(m.time_to_resolve.count, 1);
	assert_int_equal(m.time_to_resolve.seconds, 26 * H);
	expect_rate(m.asks_flagged, 2, 4);
	assert_int_equal(m.stalled, 1);
	double v;
	assert_true(metrics_rate_value(m.win_rate, &v));
	assert_true(v > 0.7499 && v < 0.7501);
	arena_free(a);
}

static void metrics_per_owner(void **state)
{
	(void)state;
	struct example e;
	example_fill(&e);
	struct arena *a = arena_new();
	const char **owners;
	size_t n;
	metrics_owners(&e.in, a, &owners, &n);
	assert_int_equal(n, 2);
	assert_string_equal(owners[0], "ana");
	assert_string_equal(owners[1], "ben");
	int64_t from = date_to_days(2026, 1, 1), to = date_to_days(2026, 12, 31);
	struct metrics m;
	metrics_compute(&e.in, "ana", from, to, e.now, 21, a, &m);
	assert_int_equal(m.deals_started, 3);
	expect_rate(m.referral_share, 1, 3);
	expect_rate(m.win_rate, 2, 2);
	expect_rate(m.rescission_rate, 0, 2);
	expect_rate(m.repeat_rate, 2, 2);
	assert_int_equal(m.time_to_answer.seconds, 2 * H);
	expect_rate(m.asks_flagged, 1, 2);
	assert_int_equal(m.stalled, 0);
	metrics_compute(&e.in, "ben", from, to, e.now, 21, a, &m);
	assert_int_equal(m.deals_started, 3);
	expect_rate(m.referral_share, 1, 3);
	expect_rate(m.win_rate, 1, 2);
	expect_rate(m.rescission_rate, 1, 1);
	expect_rate(m.repeat_rate, 0, 1);
	assert_int_equal(m.time_to_answer.count, 2);
	assert_int_equal(m.time_to_answer.seconds, 5 * H);
	assert_int_equal(m.time_to_resolve.count, 0);
	expect_rate(m.asks_flagged, 1, 2);
	assert_int_equal(m.stalled, 1);
	/* a longer threshold: deal 6 (30 quiet days) is no longer stalled */
	metrics_compute(&e.in, "ben", from, to, e.now, 31, a, &m);
	assert_int_equal(m.stalled, 0);
	/* nobody's deals: every rate undefined */
	metrics_compute(&e.in, "carl", from, to, e.now, 21, a, &m);
	double v;
	assert_false(metrics_rate_value(m.win_rate, &v));
	assert_int_equal(m.time_to_answer.count, 0);
	arena_free(a);
}

static void metrics_period_edges(void **state)
{
	(void)state;
	struct example e;
	example_fill(&e);
	struct arena *a = arena_new();
	struct metrics m;
	/* one day: 2026-02-01 holds deal 2's win, deal 4's start, concern
	 * 1's answer (T0+2h) and the first ask; the resolution (T0+26h)
	 * falls on the next day */
	int64_t d = date_to_days(2026, 2, 1);
	metrics_compute(&e.in, NULL, d, d, e.now, 21, a, &m);
	assert_int_equal(m.won, 1);
	assert_int_equal(m.deals_started, 1);
	assert_int_equal(m.time_to_answer.count, 1);
	assert_int_equal(m.time_to_resolve.count, 0);
	expect_rate(m.asks_flagged, 1, 1);
	/* 2025 alone: deal 1 is won and is its org's first: not repeat */
	metrics_compute(&e.in, NULL, date_to_days(2025, 1, 1),
			date_to_days(2025, 12, 31), e.now, 21, a, &m);
	expect_rate(m.repeat_rate, 0, 1);
	expect_rate(m.asks_flagged, 0, 1);
	arena_free(a);
}

/* ---- validation ---- */

static struct deal good_deal(void)
{
	struct deal d = {.org_id = 1, .title = "Pilot",
			 .source = SOURCE_INBOUND, .value_minor = 120000,
			 .currency = "EUR"};
	return d;
}

static void validate_deals(void **state)
{
	(void)state;
	struct error err = {0};
	struct deal d = good_deal();
	assert_int_equal(validate_deal(&d, &err), R_OK);
	d.org_id = 0;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "org_id");
	d = good_deal();
	d.title = "  ";
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "title");
	d = good_deal();
	d.currency = NULL;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "currency");
	d.currency = "eur";
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	d.currency = "EURO";
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	d = good_deal();
	d.value_minor = -1;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "value_minor");
	d.value_minor = DEAL_MONEY_MAX;
	assert_int_equal(validate_deal(&d, &err), R_OK);
	d.value_minor = DEAL_MONEY_MAX + 1;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	d = good_deal();
	d.source = SOURCE_REFERRAL;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "referred_by");
	d.referred_by = 4;
	assert_int_equal(validate_deal(&d, &err), R_OK);
	d.source = SOURCE_OUTBOUND;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	d = good_deal();
	d.need = "line one\nline two";
	assert_int_equal(validate_deal(&d, &err), R_OK);
	d.owner = "two\nlines";
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	assert_string_equal(err.field, "owner");
	d = good_deal();
	d.stage = STAGE_COUNT;
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
	d = good_deal();
	d.title = "bad \xC0\xAF utf8";
	assert_int_equal(validate_deal(&d, &err), R_INVALID);
}

static void validate_parts(void **state)
{
	(void)state;
	struct error err = {0};
	struct stakeholder k = {.person_id = 3, .role = ROLE_FINANCE};
	assert_int_equal(validate_stakeholder(&k, &err), R_OK);
	k.person_id = 0;
	assert_int_equal(validate_stakeholder(&k, &err), R_INVALID);
	assert_string_equal(err.field, "person_id");
	struct plan_step p = {.title = "Trial", .side = SIDE_BOTH};
	assert_int_equal(validate_plan_step(&p, &err), R_OK);
	p.has_due_on = true;
	p.due_on = date_to_days(1700, 1, 1);
	assert_int_equal(validate_plan_step(&p, &err), R_INVALID);
	assert_string_equal(err.field, "due_on");
	int64_t now = t_at(2026, 3, 1);
	struct concern c = {.category = CONCERN_PRICE, .words = "too dear",
			    .raised_at = now};
	assert_int_equal(validate_concern(&c, now, &err), R_OK);
	c.raised_at = now + 2 * DAY;
	assert_int_equal(validate_concern(&c, now, &err), R_INVALID);
	assert_string_equal(err.field, "raised_at");
	c.raised_at = now;
	c.words = "";
	assert_int_equal(validate_concern(&c, now, &err), R_INVALID);
	assert_string_equal(err.field, "words");
	assert_int_equal(validate_stall_days("stall_days", 0, &err), R_INVALID);
	assert_int_equal(validate_stall_days("stall_days", 1, &err), R_OK);
	assert_int_equal(validate_stall_days("stall_days", DEAL_STALL_DAYS_MAX,
					     &err),
			 R_OK);
	assert_int_equal(validate_stall_days("stall_days",
					     DEAL_STALL_DAYS_MAX + 1, &err),
			 R_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_moves),
		cmocka_unit_test(status_refusals),
		cmocka_unit_test(concern_moves),
		cmocka_unit_test(concern_apply_times),
		cmocka_unit_test(enum_names),
		cmocka_unit_test(readiness_missing_all),
		cmocka_unit_test(readiness_ready),
		cmocka_unit_test(stall_threshold),
		cmocka_unit_test(last_activity),
		cmocka_unit_test(ask_flag),
		cmocka_unit_test(repeat_business),
		cmocka_unit_test(metrics_all),
		cmocka_unit_test(metrics_per_owner),
		cmocka_unit_test(metrics_period_edges),
		cmocka_unit_test(validate_deals),
		cmocka_unit_test(validate_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
