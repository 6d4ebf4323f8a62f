/*
 * test_store_today.c: the bounded daily list agrees with core (tests of
 * the store layer).
 *
 * store_today_read() picks who is due from the SQL-maintained due_at and
 * past_max_at columns and orders them in SQL; core's today_build() is the
 * source of truth for what "due" means. These tests build a database with
 * every kind of cadence, touch, date and follow-up, then for fixed clocks,
 * offsets from UTC, horizons and pages compare the bounded read with
 * today_build() over store_today_inputs(), which reads everything. They
 * compare again after the writes that move the columns (a tag's cadence,
 * a person's cadence, a deleted interaction).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/today.h"
#include "fixture.h"
#include "store/store.h"
#include "util/date.h"

#define DAY  86400
#define HOUR 3600

/* The full list by core, paged by hand. */
static void reference(struct fixture *fx, int64_t now, int32_t off, int horizon,
		      struct today *t)
{
	struct cadence_row *people;
	struct date_row *dates;
	struct followup_row *fus;
	size_t np, nd, nf;
	int64_t local = time_local_days(now, off);
	assert_int_equal(store_today_inputs(fx->s, fx->a, local, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	today_build(fx->a, now, off, horizon, people, np, dates, nd, fus, nf,
		    t);
}

/* The bounded read, as the API makes it. */
static void bounded(struct fixture *fx, int64_t now, int32_t off, int horizon,
		    int limit, int skip, struct today *t)
{
	struct today_window w = {time_local_days(now, off), off, horizon, limit,
				 skip};
	struct today_inputs in;
	if (store_today_read(fx->s, fx->a, &w, &in, &fx->err) != R_OK)
		fail_msg("store_today_read: %s", fx->err.message);
	today_build(fx->a, now, off, horizon, in.people, in.n_people, in.dates,
		    in.n_dates, in.followups, in.n_followups, t);
	t->due_total = in.due_total;
	t->past_max_total = in.past_max_total;
	today_page(t, (size_t)skip, (size_t)limit);
}

static size_t page_len(size_t total, int limit, int skip)
{
	if ((size_t)skip >= total)
		return 0;
	size_t n = total - (size_t)skip;
	return n > (size_t)limit ? (size_t)limit : n;
}

/* Compares the bounded page with the reference's same page. */
static void same(const struct today *ref, const struct today *got, int limit,
		 int skip, const char *where)
{
	size_t past_max = 0;
	for (size_t i = 0; i < ref->n_due; i++)
		past_max += ref->due[i].past_max;
	if (got->due_total != ref->n_due || got->past_max_total != past_max)
		fail_msg("%s: due %zu/%zu past max %zu/%zu", where,
			 got->due_total, ref->n_due, got->past_max_total,
			 past_max);
	size_t n = page_len(ref->n_due, limit, skip);
	if (got->n_due != n)
		fail_msg("%s: %zu due on the page, want %zu", where, got->n_due,
			 n);
	for (size_t i = 0; i < n; i++) {
		const struct today_due *a = &ref->due[(size_t)skip + i];
		const struct today_due *b = &got->due[i];
		if (a->person_id != b->person_id ||
		    a->days_overdue != b->days_overdue ||
		    a->past_max != b->past_max ||
		    a->cadence.ideal_days != b->cadence.ideal_days ||
		    a->cadence.max_days != b->cadence.max_days ||
		    strcmp(a->cadence.source, b->cadence.source) != 0)
			fail_msg("%s: due #%zu is %lld, want %lld (%s)", where,
				 i, (long long)b->person_id,
				 (long long)a->person_id, a->name);
	}
	assert_int_equal(got->dates_total, ref->n_dates);
	n = page_len(ref->n_dates, limit, skip);
	if (got->n_dates != n)
		fail_msg("%s: %zu dates, want %zu", where, got->n_dates, n);
	for (size_t i = 0; i < n; i++)
		if (ref->dates[(size_t)skip + i].date.id !=
			got->dates[i].date.id ||
		    ref->dates[(size_t)skip + i].on != got->dates[i].on)
			fail_msg("%s: date #%zu differs", where, i);
	assert_int_equal(got->followups_total, ref->n_followups);
	n = page_len(ref->n_followups, limit, skip);
	assert_int_equal(got->n_followups, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(
		    ref->followups[(size_t)skip + i].row.interaction_id,
		    got->followups[i].row.interaction_id);
}

/* Every clock, offset, horizon and page below against the reference. */
static void compare_all(struct fixture *fx, int64_t base)
{
	static const int32_t offs[] = {-14 * HOUR, -5 * HOUR, 0,
				       5 * HOUR + 30 * 60, 14 * HOUR};
	static const int horizons[] = {0, 7, 14, 45, 365, 366};
	static const int pages[][2] = {{500, 0}, {3, 0}, {4, 5}, {1, 40}};
	static const int64_t at[] = {0,	       1,	  12 * HOUR,
				     DAY - 1,  3 * DAY,	  20 * DAY + 7,
				     60 * DAY, 200 * DAY, 400 * DAY + HOUR};
	char where[128];
	for (size_t c = 0; c < sizeof(at) / sizeof(at[0]); c++)
		for (size_t o = 0; o < sizeof(offs) / sizeof(offs[0]); o++)
			for (size_t h = 0;
			     h < sizeof(horizons) / sizeof(horizons[0]); h++) {
				struct today ref;
				int64_t now = base + at[c];
				reference(fx, now, offs[o], horizons[h], &ref);
				for (size_t p = 0;
				     p < sizeof(pages) / sizeof(pages[0]);
				     p++) {
					struct today got;
					bounded(fx, now, offs[o], horizons[h],
						pages[p][0], pages[p][1], &got);
					snprintf(where, sizeof(where),
						 "clock +%lld s, offset %d, "
						 "days %d, page %d/%d",
						 (long long)at[c], (int)offs[o],
						 horizons[h], pages[p][0],
						 pages[p][1]);
					same(&ref, &got, pages[p][0],
					     pages[p][1], where);
				}
			}
}

static int64_t add_person(struct fixture *fx, const char *given,
			  const char *family, int days, int max,
			  const char **tags, size_t n_tags)
{
	struct person p = {.given_name = given,
			   .family_name = family,
			   .cadence_days = days,
			   .cadence_max_days = max,
			   .tags = tags,
			   .n_tags = n_tags};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	return p.id;
}

static void add_date(struct fixture *fx, int64_t person, int month, int day,
		     int year, int remind)
{
	struct important_date d = {.person_id = person,
				   .kind = DATE_BIRTHDAY,
				   .month = month,
				   .day = day,
				   .year = year,
				   .remind_days = remind};
	assert_int_equal(store_date_create(fx->s, &d, &fx->err), R_OK);
}

static void due_agrees_with_core(void **state)
{
	struct fixture *fx = *state;
	struct tag weekly = {
	    .name = "weekly", .cadence_days = 7, .cadence_max_days = 10};
	struct tag monthly = {.name = "monthly", .cadence_days = 30};
	assert_int_equal(store_tag_put(fx->s, &weekly, &fx->err), R_OK);
	assert_int_equal(store_tag_put(fx->s, &monthly, &fx->err), R_OK);
	const char *w[] = {"weekly", "monthly"}, *m[] = {"monthly"},
		   *plain[] = {"plain"};
	/* Names that tie but for case, or entirely (the id decides). */
	static const char *const given[] = {"ann",   "Ann", "ANN", "bob", "Bob",
					    "Émile", "zoe", "Zoé", "al",  "Al"};
	static const char *const family[] = {NULL, "Lee", "", "lee", NULL};
	int64_t base =
	    fixture_int(fx, "SELECT CAST(strftime('%s', 'now') AS INTEGER)");
	int64_t ids[120];
	size_t n = 0;
	for (int i = 0; i < 120; i++) {
		int days = (i % 4 == 0) ? 0 : 1 + (i * 7) % 40;
		int max = (i % 3 == 0) ? 0 : days + i % 11;
		const char **tags = i % 5 == 0 ? w : i % 5 == 1 ? m : plain;
		ids[n++] = add_person(fx, given[i % 10], family[i % 5], days,
				      days ? max : 0, tags,
				      i % 5 == 2 ? 0 : 1 + (i % 5 == 0));
	}
	/* Touches at every time of day, some exactly on a day's edge, some
	 * far back, some never (their clock starts at created_at). */
	for (size_t i = 0; i < n; i++) {
		if (i % 6 == 5)
			continue;
		int64_t back = (int64_t)((i * 37) % 90) * DAY +
			       (int64_t)((i * 7919) % DAY);
		if (i % 9 == 0)
			back -= back % DAY;
		fixture_touch(fx, base - back, &ids[i], 1);
	}
	/* Dates on every edge: New Year, 28 and 29 February, far reminders,
	 * a year still to come. */
	static const int md[][2] = {{1, 1},  {12, 31}, {2, 28}, {2, 29},
				    {3, 1},  {6, 15},  {7, 4},	{11, 30},
				    {12, 1}, {4, 30}};
	for (size_t i = 0; i < 60; i++) {
		int year = i % 3 == 0 ? 0 : i % 7 == 0 ? 2999 : 1980 + (int)i;
		add_date(fx, ids[i], md[i % 10][0], md[i % 10][1], year,
			 (int)((i * 13) % 70));
	}
	int y, mo, d;
	date_from_days(time_local_days(base, 0), &y, &mo, &d);
	for (int k = 0; k < 40; k += 3) {
		date_from_days(time_local_days(base, 0) + k, &y, &mo, &d);
		add_date(fx, ids[k], mo, d, 0, 14);
	}
	/* Follow-ups: due, later, done. */
	for (size_t i = 0; i < 12; i++) {
		struct interaction f = {
		    .summary = "follow up",
		    .occurred_at = base - DAY,
		    .people = &ids[i * 3],
		    .n_people = 2,
		    .has_follow_up = true,
		    .follow_up_on = time_local_days(base, 0) - 5 + (int64_t)i,
		    .follow_up_done = i % 4 == 3};
		assert_int_equal(store_interaction_create(fx->s, &f, &fx->err),
				 R_OK);
	}
	compare_all(fx, base);

	/* The writes that move due_at: a tag's cadence, a person's own
	 * cadence, an interaction deleted (the last touch goes back). */
	weekly.cadence_days = 3;
	weekly.cadence_max_days = 0;
	assert_int_equal(store_tag_put(fx->s, &weekly, &fx->err), R_OK);
	monthly.cadence_days = 0;
	assert_int_equal(store_tag_put(fx->s, &monthly, &fx->err), R_OK);
	struct person p;
	assert_int_equal(store_person_get(fx->s, fx->a, ids[4], &p, &fx->err),
			 R_OK);
	p.cadence_days = 2;
	p.cadence_max_days = 2;
	assert_int_equal(store_person_update(fx->s, &p, &fx->err), R_OK);
	int64_t t = fixture_touch(fx, base - 2 * HOUR, &ids[7], 1);
	assert_int_equal(store_interaction_delete(fx->s, t, &fx->err), R_OK);
	t = fixture_touch(fx, base + 5 * DAY, &ids[8], 1);
	compare_all(fx, base);
	assert_int_equal(store_interaction_delete(fx->s, t, &fx->err), R_OK);
	compare_all(fx, base);
}

/* due_at and past_max_at as docs/today.md defines them, by hand. */
static void due_columns_by_hand(void **state)
{
	struct fixture *fx = *state;
	int64_t id = add_person(fx, "Hand", NULL, 10, 0, NULL, 0);
	fixture_touch(fx, 1000000, &id, 1);
	char sql[160];
	snprintf(sql, sizeof(sql), "SELECT due_at FROM person WHERE id = %lld",
		 (long long)id);
	assert_int_equal(fixture_int(fx, sql), 1000000 + 10 * DAY);
	snprintf(sql, sizeof(sql),
		 "SELECT past_max_at FROM person WHERE id = %lld",
		 (long long)id);
	assert_int_equal(fixture_int(fx, sql), 1000000 + 15 * DAY);
	int64_t none = add_person(fx, "None", NULL, 0, 0, NULL, 0);
	snprintf(sql, sizeof(sql),
		 "SELECT due_at IS NULL FROM person WHERE id = %lld",
		 (long long)none);
	assert_int_equal(fixture_int(fx, sql), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)
	    T(due_agrees_with_core),
	    T(due_columns_by_hand),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
