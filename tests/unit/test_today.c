/*
 * test_today.c: unit tests of core/today (cadence, next occurrence of a
 * date, the daily list) with fixed clocks and time zones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <string.h>

#include <cmocka.h>

#include "core/today.h"
#include "util/arena.h"
#include "util/date.h"

#define HOUR 3600
#define DAY 86400

/* Seconds since the epoch of y-m-d h:mi UTC. */
static int64_t at(int y, int m, int d, int h, int mi)
{
	return date_to_days(y, m, d) * DAY + h * HOUR + mi * 60;
}

static int64_t day(int y, int m, int d)
{
	return date_to_days(y, m, d);
}

/* ---- cadence_resolve ---- */

static void cadence_own_wins(void **state)
{
	(void)state;
	struct cadence_row r = {.own_days = 14, .own_max_days = 20,
				.tag_days = 7, .tag_max_days = 9,
				.tag = "clients"};
	struct cadence c = cadence_resolve(&r);
	assert_int_equal(c.ideal_days, 14);
	assert_int_equal(c.max_days, 20);
	assert_string_equal(c.source, "own");
}

static void cadence_inherits_from_tag(void **state)
{
	(void)state;
	struct cadence_row r = {.tag_days = 30, .tag_max_days = 40,
				.tag = "clients"};
	struct cadence c = cadence_resolve(&r);
	assert_int_equal(c.ideal_days, 30);
	assert_int_equal(c.max_days, 40);
	assert_string_equal(c.source, "clients");

	/* the tag's max goes with the tag's ideal, not the person's */
	r.own_max_days = 99;
	c = cadence_resolve(&r);
	assert_int_equal(c.max_days, 40);

	r.tag = NULL;
	c = cadence_resolve(&r);
	assert_string_equal(c.source, "tag");
}

static void cadence_default_max(void **state)
{
	(void)state;
	struct cadence_row r = {.own_days = 30};
	assert_int_equal(cadence_resolve(&r).max_days, 45);
	r.own_days = 7; /* 10.5 rounds up */
	assert_int_equal(cadence_resolve(&r).max_days, 11);
	r.own_days = 1;
	assert_int_equal(cadence_resolve(&r).max_days, 2);
	r.own_days = MODEL_CADENCE_MAX_DAYS;
	assert_int_equal(cadence_resolve(&r).max_days, 5475);
	r.own_days = INT_MAX; /* no overflow on absurd input */
	assert_int_equal(cadence_resolve(&r).max_days, INT_MAX);
	struct cadence_row t = {.tag_days = 30, .tag = "clients"};
	assert_int_equal(cadence_resolve(&t).max_days, 45);
}

static void cadence_none(void **state)
{
	(void)state;
	struct cadence_row r = {0};
	struct cadence c = cadence_resolve(&r);
	assert_int_equal(c.ideal_days, 0);
	assert_null(c.source);
	r.own_days = -3;
	r.own_max_days = 10;
	assert_int_equal(cadence_resolve(&r).ideal_days, 0);
}

static void cadence_max_below_ideal(void **state)
{
	(void)state;
	struct cadence_row r = {.own_days = 30, .own_max_days = 10};
	struct cadence c = cadence_resolve(&r);
	assert_int_equal(c.ideal_days, 30);
	assert_int_equal(c.max_days, 30);
}

/* ---- today_next_occurrence ---- */

static void next_same_day_and_tomorrow(void **state)
{
	(void)state;
	int64_t from = day(2026, 5, 9);
	assert_int_equal(today_next_occurrence(5, 9, from), from);
	assert_int_equal(today_next_occurrence(5, 10, from), from + 1);
	/* yesterday's date is next year's */
	assert_int_equal(today_next_occurrence(5, 8, from), day(2027, 5, 8));
}

static void next_wraps_year(void **state)
{
	(void)state;
	assert_int_equal(today_next_occurrence(1, 1, day(2025, 12, 31)),
			 day(2026, 1, 1));
	assert_int_equal(today_next_occurrence(12, 31, day(2026, 1, 1)),
			 day(2026, 12, 31));
	assert_int_equal(today_next_occurrence(12, 31, day(2025, 12, 31)),
			 day(2025, 12, 31));
}

static void next_29_february(void **state)
{
	(void)state;
	/* common year: kept on 28 February */
	assert_int_equal(today_next_occurrence(2, 29, day(2023, 2, 1)),
			 day(2023, 2, 28));
	assert_int_equal(today_next_occurrence(2, 29, day(2023, 2, 28)),
			 day(2023, 2, 28));
	/* leap year: the real day */
	assert_int_equal(today_next_occurrence(2, 29, day(2024, 2, 1)),
			 day(2024, 2, 29));
	assert_int_equal(today_next_occurrence(2, 29, day(2024, 2, 28)),
			 day(2024, 2, 29));
	/* after it, next year's */
	assert_int_equal(today_next_occurrence(2, 29, day(2023, 3, 1)),
			 day(2024, 2, 29));
	assert_int_equal(today_next_occurrence(2, 29, day(2024, 3, 1)),
			 day(2025, 2, 28));
	/* century rules: 2100 is common, 2000 leap */
	assert_int_equal(today_next_occurrence(2, 29, day(2100, 1, 1)),
			 day(2100, 2, 28));
	assert_int_equal(today_next_occurrence(2, 29, day(2000, 1, 1)),
			 day(2000, 2, 29));
	/* 28 February is unaffected in a leap year */
	assert_int_equal(today_next_occurrence(2, 28, day(2024, 2, 29)),
			 day(2025, 2, 28));
}

static void next_extremes(void **state)
{
	(void)state;
	/* year 1 and year 9999 */
	assert_int_equal(today_next_occurrence(3, 5, day(1, 1, 1)),
			 day(1, 3, 5));
	assert_int_equal(today_next_occurrence(1, 1, day(9999, 12, 31)),
			 day(10000, 1, 1));
	/* far in the future and far in the past: within a year of from */
	int64_t far[] = {INT64_MAX / 2, INT64_MIN / 2, INT64_MIN,
			 (int64_t)1 << 40, -((int64_t)1 << 40)};
	for (size_t i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
		int64_t n = today_next_occurrence(7, 14, far[i]);
		assert_true(n >= far[i]);
		assert_true(n - far[i] <= 365);
	}
	/* the 400-year shift keeps the calendar exact */
	int64_t f = day(2026, 5, 9) + 146097 * (int64_t)1000;
	assert_int_equal(today_next_occurrence(5, 10, f), f + 1);
	assert_int_equal(today_next_occurrence(INT_MIN, INT_MAX, INT64_MAX),
			 INT64_MAX);
	/* out-of-range month or day is pinned, never a crash */
	assert_int_equal(today_next_occurrence(13, 40, day(2026, 1, 1)),
			 day(2026, 12, 31));
	assert_int_equal(today_next_occurrence(0, 0, day(2026, 1, 1)),
			 day(2026, 1, 1));
}

/* ---- today_build: who is due ---- */

struct fixture {
	struct arena *arena;
};

static int setup(void **state)
{
	static struct fixture f;
	f.arena = arena_new();
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(f->arena);
	return 0;
}

static struct arena *arena_of(void **state)
{
	return ((struct fixture *)*state)->arena;
}

static void build_empty(void **state)
{
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 14, NULL, 0,
		    NULL, 0, NULL, 0, &t);
	assert_int_equal(t.local_day, day(2026, 5, 9));
	assert_int_equal(t.n_due, 0);
	assert_int_equal(t.n_dates, 0);
	assert_int_equal(t.n_followups, 0);
}

static void due_at_ideal_not_before(void **state)
{
	int64_t now = at(2026, 5, 9, 12, 0);
	struct cadence_row p[] = {
		{.person_id = 1, .name = "Ana", .own_days = 30,
		 .last_touch = at(2026, 4, 9, 9, 0), .created_at = 1},
		{.person_id = 2, .name = "Ben", .own_days = 30,
		 .last_touch = at(2026, 4, 10, 9, 0), .created_at = 1},
	};
	struct today t;
	today_build(arena_of(state), now, 0, 0, p, 2, NULL, 0, NULL, 0, &t);
	assert_int_equal(t.n_due, 1);
	assert_int_equal(t.due[0].person_id, 1);
	assert_int_equal(t.due[0].days_since, 30);
	assert_int_equal(t.due[0].days_overdue, 0);
	assert_false(t.due[0].past_max);
	assert_string_equal(t.due[0].cadence.source, "own");
	assert_int_equal(t.due[0].last_touch, p[0].last_touch);
}

static void due_never_touched_counts_from_created(void **state)
{
	int64_t now = at(2026, 5, 9, 12, 0);
	struct cadence_row p[] = {
		{.person_id = 1, .name = "New", .tag_days = 7, .tag = "leads",
		 .created_at = at(2026, 5, 1, 8, 0)},
		{.person_id = 2, .name = "Newer", .tag_days = 7, .tag = "leads",
		 .created_at = at(2026, 5, 3, 8, 0)},
	};
	struct today t;
	today_build(arena_of(state), now, 0, 0, p, 2, NULL, 0, NULL, 0, &t);
	assert_int_equal(t.n_due, 1);
	assert_int_equal(t.due[0].person_id, 1);
	assert_int_equal(t.due[0].last_touch, 0);
	assert_int_equal(t.due[0].days_since, 8);
	assert_int_equal(t.due[0].days_overdue, 1);
	assert_string_equal(t.due[0].cadence.source, "leads");
}

static void due_touch_resets_clock(void **state)
{
	/* created long ago, touched yesterday: not due */
	struct cadence_row p = {.person_id = 1, .name = "Ana", .own_days = 7,
				.last_touch = at(2026, 5, 8, 10, 0),
				.created_at = at(2020, 1, 1, 0, 0)};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, &p, 1, NULL,
		    0, NULL, 0, &t);
	assert_int_equal(t.n_due, 0);
	/* a touch in the future (clock skew) is not negative days */
	p.last_touch = at(2026, 6, 1, 0, 0);
	p.own_days = 1;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, &p, 1, NULL,
		    0, NULL, 0, &t);
	assert_int_equal(t.n_due, 0);
}

static void due_no_cadence_never_due(void **state)
{
	struct cadence_row p = {.person_id = 1, .name = "Ana",
				.created_at = at(1970, 1, 2, 0, 0)};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, &p, 1, NULL,
		    0, NULL, 0, &t);
	assert_int_equal(t.n_due, 0);
}

static void due_order(void **state)
{
	int64_t now = at(2026, 5, 9, 12, 0);
	int64_t today = day(2026, 5, 9);
	/* touch n days before today at noon */
#define AGO(n) ((today - (n)) * DAY + 12 * HOUR)
	struct cadence_row p[] = {
		/* 5 overdue, max 45 from 30: not past max */
		{.person_id = 1, .name = "carla", .own_days = 30,
		 .last_touch = AGO(35)},
		/* 2 overdue but past its max of 11 (ideal 10, max 11) */
		{.person_id = 2, .name = "Dan", .own_days = 10,
		 .own_max_days = 11, .last_touch = AGO(12)},
		/* 5 overdue, same as carla: name decides (Bea < carla) */
		{.person_id = 3, .name = "Bea", .own_days = 10,
		 .own_max_days = 100, .last_touch = AGO(15)},
		/* 20 overdue, past max: first */
		{.person_id = 4, .name = "Zed", .own_days = 10,
		 .last_touch = AGO(30)},
		/* at its max exactly: not past it */
		{.person_id = 5, .name = "Eve", .own_days = 10,
		 .own_max_days = 12, .last_touch = AGO(12)},
		/* same name and overdue as Bea: id decides */
		{.person_id = 0, .name = "Bea", .own_days = 10,
		 .own_max_days = 100, .last_touch = AGO(15)},
	};
#undef AGO
	struct today t;
	today_build(arena_of(state), now, 0, 0, p, 6, NULL, 0, NULL, 0, &t);
	assert_int_equal(t.n_due, 6);
	int64_t want[] = {4, 2, 0, 3, 1, 5};
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(t.due[i].person_id, want[i]);
	assert_true(t.due[0].past_max);
	assert_true(t.due[1].past_max);
	assert_false(t.due[2].past_max);
	assert_false(t.due[5].past_max);
	assert_int_equal(t.due[0].days_overdue, 20);
	assert_int_equal(t.due[5].days_overdue, 2);
}

static void due_time_zones(void **state)
{
	/* touched 2026-05-02 23:30 UTC: 03 May at UTC+2, 02 May at UTC-5;
	 * now 2026-05-09 12:00 UTC is 9 May in both zones */
	struct cadence_row p = {.person_id = 1, .name = "Ana", .own_days = 7,
				.last_touch = at(2026, 5, 2, 23, 30)};
	int64_t now = at(2026, 5, 9, 12, 0);
	struct today t;
	today_build(arena_of(state), now, 0, 0, &p, 1, NULL, 0, NULL, 0, &t);
	assert_int_equal(t.n_due, 1);
	assert_int_equal(t.due[0].days_since, 7);
	today_build(arena_of(state), now, 2 * HOUR, 0, &p, 1, NULL, 0, NULL,
		    0, &t);
	assert_int_equal(t.n_due, 0);
	today_build(arena_of(state), now, -5 * HOUR, 0, &p, 1, NULL, 0, NULL,
		    0, &t);
	assert_int_equal(t.n_due, 1);
	assert_int_equal(t.due[0].days_since, 7);
}

static void due_extremes(void **state)
{
	/* cadence 3650 since year 1; absurd clocks saturate */
	struct cadence_row p[] = {
		{.person_id = 1, .name = "Old", .own_days = 3650,
		 .created_at = at(1, 1, 1, 0, 0)},
		{.person_id = 2, .name = "Min", .own_days = 3650,
		 .created_at = INT64_MIN},
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, p, 2, NULL,
		    0, NULL, 0, &t);
	assert_int_equal(t.n_due, 2);
	assert_int_equal(t.due[0].person_id, 2);
	assert_int_equal(t.due[0].days_since, INT_MAX);
	assert_int_equal(t.due[1].days_since,
			 day(2026, 5, 9) - day(1, 1, 1));
	assert_true(t.due[1].past_max);

	today_build(arena_of(state), INT64_MAX, INT32_MAX, 0, p, 2, NULL, 0,
		    NULL, 0, &t);
	assert_int_equal(t.n_due, 2);
	/* at the start of time nobody has waited long enough */
	today_build(arena_of(state), INT64_MIN, INT32_MIN, 0, p, 2, NULL, 0,
		    NULL, 0, &t);
	assert_int_equal(t.n_due, 0);
}

/* ---- today_build: important dates ---- */

static struct date_row birthday(int64_t id, const char *name, int month,
				int dayn, int year, int remind)
{
	struct date_row r = {.person_name = name};
	r.date.id = id;
	r.date.person_id = id;
	r.date.kind = DATE_BIRTHDAY;
	r.date.month = month;
	r.date.day = dayn;
	r.date.year = year;
	r.date.remind_days = remind;
	return r;
}

static void dates_today_tomorrow_horizon(void **state)
{
	struct date_row d[] = {
		birthday(1, "Today", 5, 9, 1990, 0),
		birthday(2, "Tomorrow", 5, 10, 0, 0),
		birthday(3, "Edge", 5, 23, 0, 0),    /* in 14 */
		birthday(4, "Outside", 5, 24, 0, 0), /* in 15 */
		birthday(5, "Yesterday", 5, 8, 0, 0),
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 14, NULL, 0, d,
		    5, NULL, 0, &t);
	assert_int_equal(t.n_dates, 3);
	assert_int_equal(t.dates[0].date.id, 1);
	assert_int_equal(t.dates[0].in_days, 0);
	assert_int_equal(t.dates[0].on, day(2026, 5, 9));
	assert_int_equal(t.dates[0].turns, 36);
	assert_string_equal(t.dates[0].person_name, "Today");
	assert_int_equal(t.dates[1].date.id, 2);
	assert_int_equal(t.dates[1].in_days, 1);
	assert_int_equal(t.dates[1].turns, -1);
	assert_int_equal(t.dates[2].date.id, 3);
	assert_int_equal(t.dates[2].in_days, 14);

	/* horizon 0: only today */
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, NULL, 0, d,
		    5, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].date.id, 1);
	/* a negative horizon counts as 0 */
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, -7, NULL, 0, d,
		    5, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
}

static void dates_remind_days_widen(void **state)
{
	struct date_row d[] = {
		birthday(1, "Far", 6, 8, 0, 30),  /* in 30, reminds 30 ahead */
		birthday(2, "Near", 6, 8, 0, 29), /* in 30, reminds 29 ahead */
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 7, NULL, 0, d,
		    2, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].date.id, 1);
	assert_int_equal(t.dates[0].in_days, 30);
}

static void dates_wrap_into_next_year(void **state)
{
	struct date_row d[] = {
		birthday(1, "New Year", 1, 1, 2000, 0),
		birthday(2, "Old Year", 12, 31, 2000, 0),
	};
	d[1].date.kind = DATE_ANNIVERSARY;
	struct today t;
	today_build(arena_of(state), at(2025, 12, 31, 12, 0), 0, 3, NULL, 0,
		    d, 2, NULL, 0, &t);
	assert_int_equal(t.n_dates, 2);
	assert_int_equal(t.dates[0].date.id, 2);
	assert_int_equal(t.dates[0].in_days, 0);
	assert_int_equal(t.dates[0].turns, 25);
	assert_int_equal(t.dates[1].date.id, 1);
	assert_int_equal(t.dates[1].on, day(2026, 1, 1));
	assert_int_equal(t.dates[1].in_days, 1);
	assert_int_equal(t.dates[1].turns, 26); /* the age in 2026 */
}

static void dates_29_february(void **state)
{
	struct date_row d[] = {birthday(1, "Leapling", 2, 29, 2000, 0)};
	struct today t;
	/* common year: shown on 28 February, not on 1 March */
	today_build(arena_of(state), at(2023, 2, 28, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].on, day(2023, 2, 28));
	assert_int_equal(t.dates[0].turns, 23);
	today_build(arena_of(state), at(2023, 3, 1, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 0);
	/* leap year: the 29th, not the 28th */
	today_build(arena_of(state), at(2024, 2, 28, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 0);
	today_build(arena_of(state), at(2024, 2, 29, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].turns, 24);
	/* year unknown: the same, with no age */
	d[0].date.year = 0;
	today_build(arena_of(state), at(2023, 2, 28, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].turns, -1);
}

static void dates_time_zone_flip(void **state)
{
	/* 2026-05-09 23:30 UTC: already 10 May at UTC+2, still 9 May at
	 * UTC-5. A birthday on 10 May with horizon 0 shows only at +2. */
	int64_t now = at(2026, 5, 9, 23, 30);
	struct date_row d[] = {birthday(1, "Ana", 5, 10, 1980, 0)};
	struct today t;
	today_build(arena_of(state), now, 2 * HOUR, 0, NULL, 0, d, 1, NULL, 0,
		    &t);
	assert_int_equal(t.local_day, day(2026, 5, 10));
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].in_days, 0);
	assert_int_equal(t.dates[0].turns, 46);
	today_build(arena_of(state), now, -5 * HOUR, 0, NULL, 0, d, 1, NULL,
		    0, &t);
	assert_int_equal(t.local_day, day(2026, 5, 9));
	assert_int_equal(t.n_dates, 0);
	today_build(arena_of(state), now, 0, 0, NULL, 0, d, 1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 0);

	/* and the other way: a birthday on 9 May has gone at +2 */
	d[0].date.day = 9;
	today_build(arena_of(state), now, -5 * HOUR, 0, NULL, 0, d, 1, NULL,
		    0, &t);
	assert_int_equal(t.n_dates, 1);
	today_build(arena_of(state), now, 2 * HOUR, 0, NULL, 0, d, 1, NULL, 0,
		    &t);
	assert_int_equal(t.n_dates, 0);
}

static void dates_year_in_future_or_same(void **state)
{
	struct date_row d[] = {
		/* an anniversary that has not happened yet: no occurrence
		 * before 2030, so nothing this year */
		birthday(1, "Future", 5, 10, 2030, 365),
		/* born today: turns 0 */
		birthday(2, "Baby", 5, 9, 2026, 0),
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, NULL, 0, d,
		    2, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].date.id, 2);
	assert_int_equal(t.dates[0].turns, 0);
	/* within its 365 days of reminder once 2030's comes near */
	today_build(arena_of(state), at(2029, 5, 9, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 0);
	today_build(arena_of(state), at(2029, 12, 1, 12, 0), 0, 0, NULL, 0, d,
		    1, NULL, 0, &t);
	assert_int_equal(t.n_dates, 1);
	assert_int_equal(t.dates[0].on, day(2030, 5, 10));
	assert_int_equal(t.dates[0].in_days, 160);
	assert_int_equal(t.dates[0].turns, 0);
}

static void dates_order_ties(void **state)
{
	struct date_row d[] = {
		birthday(3, "carl", 5, 12, 0, 0),
		birthday(1, "Bob", 5, 12, 0, 0),
		birthday(2, "Bob", 5, 12, 0, 0),
		birthday(4, "Zoe", 5, 11, 0, 0),
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 7, NULL, 0, d,
		    4, NULL, 0, &t);
	assert_int_equal(t.n_dates, 4);
	int64_t want[] = {4, 1, 2, 3};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(t.dates[i].date.id, want[i]);
}

static void dates_extremes(void **state)
{
	struct date_row d[] = {
		birthday(1, "Ancient", 5, 9, 1, 365),
		birthday(2, "Last", 12, 31, 9999, 365),
		birthday(3, "Leap", 2, 29, 0, 365),
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, INT_MAX, NULL,
		    0, d, 3, NULL, 0, &t);
	assert_int_equal(t.n_dates, 3);
	assert_int_equal(t.dates[0].turns, 2025);
	assert_int_equal(t.dates[2].on, day(9999, 12, 31));
	assert_int_equal(t.dates[2].turns, 0);
	/* years no validation lets through: no overflow either */
	struct date_row odd[] = {
		birthday(4, "Min", 5, 9, INT_MIN, 0),
		birthday(5, "Max", 5, 9, INT_MAX, 0),
	};
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, NULL, 0,
		    odd, 2, NULL, 0, &t);
	assert_int_equal(t.n_dates, 2);
	assert_int_equal(t.dates[0].turns, -1);
	assert_int_equal(t.dates[1].turns, -1);
	/* clocks at the ends of time: no overflow, ages saturate */
	today_build(arena_of(state), INT64_MAX, 0, 365, NULL, 0, d, 3, NULL, 0,
		    &t);
	for (size_t i = 0; i < t.n_dates; i++)
		assert_true(t.dates[i].in_days >= 0 &&
			    t.dates[i].in_days <= 365);
	today_build(arena_of(state), INT64_MIN, 0, 365, NULL, 0, d, 3, NULL, 0,
		    &t);
	assert_true(t.n_dates <= 3);
}

/* ---- today_build: follow-ups ---- */

static void followups_due_and_order(void **state)
{
	int64_t today = day(2026, 5, 9);
	struct followup_row f[] = {
		{.interaction_id = 1, .follow_up_on = today, .person_name = "A"},
		{.interaction_id = 2, .follow_up_on = today + 1,
		 .person_name = "B"},
		{.interaction_id = 3, .follow_up_on = today - 10,
		 .person_name = "C"},
		{.interaction_id = 4, .follow_up_on = today - 3,
		 .person_name = "D"},
		{.interaction_id = 5, .follow_up_on = today - 3,
		 .person_name = "a"},
	};
	struct today t;
	today_build(arena_of(state), at(2026, 5, 9, 12, 0), 0, 0, NULL, 0,
		    NULL, 0, f, 5, &t);
	assert_int_equal(t.n_followups, 4);
	int64_t want[] = {3, 5, 4, 1};
	int late[] = {10, 3, 3, 0};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(t.followups[i].row.interaction_id, want[i]);
		assert_int_equal(t.followups[i].days_late, late[i]);
	}
}

static void followups_time_zone_and_extremes(void **state)
{
	struct followup_row f[] = {
		{.interaction_id = 1, .follow_up_on = day(2026, 5, 10)},
		{.interaction_id = 2, .follow_up_on = INT64_MIN},
		{.interaction_id = 3, .follow_up_on = INT64_MAX},
	};
	int64_t now = at(2026, 5, 9, 23, 30);
	struct today t;
	today_build(arena_of(state), now, 2 * HOUR, 0, NULL, 0, NULL, 0, f, 3,
		    &t);
	assert_int_equal(t.n_followups, 2);
	assert_int_equal(t.followups[0].row.interaction_id, 2);
	assert_int_equal(t.followups[0].days_late, INT_MAX);
	assert_int_equal(t.followups[1].row.interaction_id, 1);
	assert_int_equal(t.followups[1].days_late, 0);
	today_build(arena_of(state), now, -5 * HOUR, 0, NULL, 0, NULL, 0, f, 3,
		    &t);
	assert_int_equal(t.n_followups, 1);
	assert_int_equal(t.followups[0].row.interaction_id, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cadence_own_wins),
		cmocka_unit_test(cadence_inherits_from_tag),
		cmocka_unit_test(cadence_default_max),
		cmocka_unit_test(cadence_none),
		cmocka_unit_test(cadence_max_below_ideal),
		cmocka_unit_test(next_same_day_and_tomorrow),
		cmocka_unit_test(next_wraps_year),
		cmocka_unit_test(next_29_february),
		cmocka_unit_test(next_extremes),
		cmocka_unit_test_setup_teardown(build_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(due_at_ideal_not_before, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			due_never_touched_counts_from_created, setup, teardown),
		cmocka_unit_test_setup_teardown(due_touch_resets_clock, setup,
						teardown),
		cmocka_unit_test_setup_teardown(due_no_cadence_never_due, setup,
						teardown),
		cmocka_unit_test_setup_teardown(due_order, setup, teardown),
		cmocka_unit_test_setup_teardown(due_time_zones, setup,
						teardown),
		cmocka_unit_test_setup_teardown(due_extremes, setup, teardown),
		cmocka_unit_test_setup_teardown(dates_today_tomorrow_horizon,
						setup, teardown),
		cmocka_unit_test_setup_teardown(dates_remind_days_widen, setup,
						teardown),
		cmocka_unit_test_setup_teardown(dates_wrap_into_next_year,
						setup, teardown),
		cmocka_unit_test_setup_teardown(dates_29_february, setup,
						teardown),
		cmocka_unit_test_setup_teardown(dates_time_zone_flip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(dates_year_in_future_or_same,
						setup, teardown),
		cmocka_unit_test_setup_teardown(dates_order_ties, setup,
						teardown),
		cmocka_unit_test_setup_teardown(dates_extremes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(followups_due_and_order, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			followups_time_zone_and_extremes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
