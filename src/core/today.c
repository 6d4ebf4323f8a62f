/*
 * today.c: the daily list of who is due, which dates are coming and which
 * follow-ups are owed (core layer).
 *
 * Everything here is arithmetic on plain values: the store reads the rows,
 * the caller passes the clock and the user's offset from UTC, and the
 * result lands in the caller's arena. Days are counted in the user's time
 * zone, so "today" flips at the user's midnight, not at UTC's.
 *
 * Inputs come from a database and a clock we do not control, so every
 * subtraction of day counts saturates instead of overflowing, and calendar
 * work on far-away days is done inside one 400-year Gregorian cycle (the
 * calendar repeats exactly every 146097 days) and moved back afterwards.
 */
#include "today.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/date.h"

#define TODAY_DAY_SECS 86400
#define TODAY_CYCLE_DAYS 146097 /* days in 400 Gregorian years */
#define TODAY_CYCLE_YEARS 400

/* v as an int, pinned to INT_MIN..INT_MAX. */
static int today_clamp_int(int64_t v)
{
	if (v > INT_MAX)
		return INT_MAX;
	if (v < INT_MIN)
		return INT_MIN;
	return (int)v;
}

/* a - b, pinned to the int64 range instead of overflowing. */
static int64_t today_sub(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		return b < 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* a + b, pinned to the int64 range instead of overflowing. */
static int64_t today_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* The day count, in the user's zone, of UTC time secs (floor division). */
static int64_t today_local_day(int64_t secs, int32_t utc_offset)
{
	int64_t t = today_add(secs, utc_offset);
	int64_t q = t / TODAY_DAY_SECS;
	if (t % TODAY_DAY_SECS < 0)
		q--;
	return q;
}

/* days modulo one 400-year cycle, in 0..TODAY_CYCLE_DAYS-1. */
static int64_t today_cycle_rem(int64_t days)
{
	int64_t r = days % TODAY_CYCLE_DAYS;
	return r < 0 ? r + TODAY_CYCLE_DAYS : r;
}

/* The Gregorian year that day count `days` falls in, for any int64. */
static int64_t today_year_of(int64_t days)
{
	int64_t cycles = days / TODAY_CYCLE_DAYS;
	if (days % TODAY_CYCLE_DAYS < 0)
		cycles--;
	int y, m, d;
	date_from_days(today_cycle_rem(days), &y, &m, &d);
	return (int64_t)y + cycles * TODAY_CYCLE_YEARS;
}

/* Day count of month/day in year y, with 29 February on 28 February in a
 * common year. month and day must already be in range. */
static int64_t today_in_year(int y, int month, int day)
{
	if (month == 2 && day == 29 && !date_is_leap(y))
		day = 28;
	return date_to_days(y, month, day);
}

struct cadence cadence_resolve(const struct cadence_row *row)
{
	struct cadence c = {0, 0, NULL};
	int max;
	if (row->own_days > 0) {
		c.ideal_days = row->own_days;
		max = row->own_max_days;
		c.source = "own";
	} else if (row->tag_days > 0) {
		c.ideal_days = row->tag_days;
		max = row->tag_max_days;
		c.source = row->tag ? row->tag : "tag";
	} else {
		return c;
	}
	if (max <= 0) {
		/* one and a half times the ideal, rounded up */
		int64_t def = ((int64_t)c.ideal_days * 3 + 1) / 2;
		max = today_clamp_int(def);
	}
	/* A maximum below the ideal makes no sense; treat it as the ideal. */
	c.max_days = max < c.ideal_days ? c.ideal_days : max;
	return c;
}

int64_t today_next_occurrence(int month, int day, int64_t from)
{
	if (month < 1)
		month = 1;
	if (month > 12)
		month = 12;
	if (day < 1)
		day = 1;
	/* 2000 is a leap year, so 29 February stays a valid input */
	int dim = date_days_in_month(2000, month);
	if (day > dim)
		day = dim;

	/* Work inside the first cycle after 1970, then move the answer back
	 * by the same offset; the calendar repeats so the gap is the same. */
	int64_t r = today_cycle_rem(from);
	int y, m, d;
	date_from_days(r, &y, &m, &d);
	int64_t next = today_in_year(y, month, day);
	if (next < r)
		next = today_in_year(y + 1, month, day);
	return today_add(from, next - r);
}

/* Case-insensitive ASCII order of two names; NULL sorts as "". */
static int today_name_cmp(const char *a, const char *b)
{
	if (!a)
		a = "";
	if (!b)
		b = "";
	for (size_t i = 0;; i++) {
		unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (ca == '\0')
			break;
	}
	return strcmp(a, b);
}

static int today_id_cmp(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int today_due_cmp(const void *pa, const void *pb)
{
	const struct today_due *a = pa, *b = pb;
	if (a->past_max != b->past_max)
		return a->past_max ? -1 : 1;
	if (a->days_overdue != b->days_overdue)
		return a->days_overdue > b->days_overdue ? -1 : 1;
	int c = today_name_cmp(a->name, b->name);
	return c ? c : today_id_cmp(a->person_id, b->person_id);
}

static int today_date_cmp(const void *pa, const void *pb)
{
	const struct today_date *a = pa, *b = pb;
	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	int c = today_name_cmp(a->person_name, b->person_name);
	return c ? c : today_id_cmp(a->date.id, b->date.id);
}

static int today_followup_cmp(const void *pa, const void *pb)
{
	const struct today_followup *a = pa, *b = pb;
	if (a->days_late != b->days_late)
		return a->days_late > b->days_late ? -1 : 1;
	int c = today_name_cmp(a->row.person_name, b->row.person_name);
	return c ? c : today_id_cmp(a->row.interaction_id,
				    b->row.interaction_id);
}

/* An arena array of n elements of size bytes, NULL when n is 0. */
static void *today_array(struct arena *arena, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / size)
		abort(); /* the inputs could not have fit in memory either */
	return arena_alloc(arena, n * size);
}

/* Fills out->due with the people whose gap has reached their ideal. */
static void today_build_due(struct arena *arena, int32_t utc_offset,
			    const struct cadence_row *people, size_t n,
			    struct today *out)
{
	out->due = today_array(arena, n, sizeof(*out->due));
	out->n_due = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cadence_row *p = &people[i];
		struct cadence c = cadence_resolve(p);
		if (c.ideal_days <= 0)
			continue;
		int64_t start = p->last_touch ? p->last_touch : p->created_at;
		int64_t since = today_sub(out->local_day,
					  today_local_day(start, utc_offset));
		int days = since < 0 ? 0 : today_clamp_int(since);
		if (days < c.ideal_days)
			continue;
		struct today_due *d = &out->due[out->n_due++];
		d->person_id = p->person_id;
		d->name = p->name;
		d->cadence = c;
		d->last_touch = p->last_touch;
		d->days_since = days;
		d->days_overdue = days - c.ideal_days;
		d->past_max = days > c.max_days;
	}
	if (out->n_due > 1)
		qsort(out->due, out->n_due, sizeof(*out->due), today_due_cmp);
}

/* Fills out->dates with the dates whose next occurrence is near enough. */
static void today_build_dates(struct arena *arena, int horizon_days,
			      const struct date_row *dates, size_t n,
			      struct today *out)
{
	out->dates = today_array(arena, n, sizeof(*out->dates));
	out->n_dates = 0;
	int horizon = horizon_days < 0 ? 0 : horizon_days;
	for (size_t i = 0; i < n; i++) {
		const struct important_date *dt = &dates[i].date;
		int window = dt->remind_days > horizon ? dt->remind_days
						       : horizon;
		int64_t from = out->local_day;
		/* Years outside 1..9999 never pass validation; should one
		 * come from the database anyway it counts as unknown. */
		bool known = dt->year >= 1 && dt->year <= 9999;
		/* A date with a known year has no occurrence before it. */
		if (known) {
			int64_t first = date_to_days(dt->year, 1, 1);
			if (first > from)
				from = first;
		}
		int64_t on = today_next_occurrence(dt->month, dt->day, from);
		int64_t in = today_sub(on, out->local_day);
		if (in < 0 || in > window)
			continue;
		struct today_date *td = &out->dates[out->n_dates++];
		td->date = *dt;
		td->person_name = dates[i].person_name;
		td->on = on;
		td->in_days = (int)in;
		td->turns = known ? today_clamp_int(today_year_of(on) -
						    dt->year)
				  : -1;
	}
	if (out->n_dates > 1)
		qsort(out->dates, out->n_dates, sizeof(*out->dates),
		      today_date_cmp);
}

/* Fills out->followups with the follow-ups due today or earlier. */
static void today_build_followups(struct arena *arena,
				  const struct followup_row *rows, size_t n,
				  struct today *out)
{
	out->followups = today_array(arena, n, sizeof(*out->followups));
	out->n_followups = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].follow_up_on > out->local_day)
			continue;
		struct today_followup *f = &out->followups[out->n_followups++];
		f->row = rows[i];
		f->days_late = today_clamp_int(
			today_sub(out->local_day, rows[i].follow_up_on));
	}
	if (out->n_followups > 1)
		qsort(out->followups, out->n_followups,
		      sizeof(*out->followups), today_followup_cmp);
}

void today_build(struct arena *arena, int64_t now, int32_t utc_offset,
		 int horizon_days, const struct cadence_row *people,
		 size_t n_people, const struct date_row *dates, size_t n_dates,
		 const struct followup_row *followups, size_t n_followups,
		 struct today *out)
{
	memset(out, 0, sizeof(*out));
	out->local_day = today_local_day(now, utc_offset);
	today_build_due(arena, utc_offset, people, n_people, out);
	today_build_dates(arena, horizon_days, dates, n_dates, out);
	today_build_followups(arena, followups, n_followups, out);
	out->due_total = out->n_due;
	for (size_t i = 0; i < out->n_due; i++)
		out->past_max_total += out->due[i].past_max;
	out->dates_total = out->n_dates;
	out->followups_total = out->n_followups;
}

/* Moves *items to the page offset..offset+limit of its *n elements. */
static void today_slice(void **items, size_t *n, size_t size, size_t offset,
			size_t limit)
{
	if (offset >= *n) {
		*items = NULL;
		*n = 0;
		return;
	}
	*items = (char *)*items + offset * size;
	*n -= offset;
	if (*n > limit)
		*n = limit;
}

void today_page(struct today *t, size_t offset, size_t limit)
{
	void *p = t->dates;
	today_slice(&p, &t->n_dates, sizeof(*t->dates), offset, limit);
	t->dates = p;
	p = t->followups;
	today_slice(&p, &t->n_followups, sizeof(*t->followups), offset,
		    limit);
	t->followups = p;
}
