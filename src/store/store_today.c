/*
 * store_today.c: what the daily list needs (store layer, SQLite driver).
 *
 * Two readers. store_today_read() is what the server and the command
 * line use: bounded by the page asked for, not by the size of the book.
 * Who is due comes from each person's due_at and past_max_at (kept by
 * triggers, see 0001-init.sql and docs/today.md) through the person_due
 * index, in core's order, only the page read in full; the dates from an
 * index on their day of the year; the follow-ups due from a partial
 * index. store_today_inputs() reads everything core could need (every
 * person with a cadence and every date, merged in two scans in person id
 * order, each display name made once) and is kept as the reference the
 * bounded reader is tested against.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"
#include "util/date.h"

/* A cursor over one of the ordered scans: the person id of its current
 * row, or 0 when it is exhausted. */
struct today_cursor {
	sqlite3_stmt *st;
	int64_t person_id;
};

/* The tags that carry a cadence, by id (ascending). */
struct today_tags {
	int64_t *ids;
	struct cadence_row *rows; /* only tag, tag_days, tag_max_days used */
	size_t n, cap;
};

struct today_acc {
	struct cadence_row *people;
	size_t n_people, cap_people;
	struct date_row *dates;
	size_t n_dates, cap_dates;
};

static enum result today_step(struct store *s, struct today_cursor *c,
			      struct error *err)
{
	enum result r = sq_row(s, c->st, "reading the daily list", err);
	if (r == R_OK)
		c->person_id = sq_i64(c->st, 0);
	else if (r == R_NOT_FOUND)
		c->person_id = 0;
	return r == R_NOT_FOUND ? R_OK : r;
}

/* Reads the tags with a cadence, ordered by id for today_tag_find. */
static enum result today_read_tags(struct store *s, struct arena *a,
				   struct today_tags *tags, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id, name, cadence_days, "
				   "cadence_max_days FROM tag "
				   "WHERE cadence_days > 0 ORDER BY id",
				   err);
	if (!st)
		return R_DB;
	enum result r;
	while ((r = sq_row(s, st, "reading tags", err)) == R_OK) {
		size_t cap = tags->cap;
		tags->ids =
		    sq_grow(a, tags->ids, tags->n, &cap, sizeof(*tags->ids));
		tags->rows = sq_grow(a, tags->rows, tags->n, &tags->cap,
				     sizeof(*tags->rows));
		tags->ids[tags->n] = sq_i64(st, 0);
		struct cadence_row *row = &tags->rows[tags->n++];
		row->tag = sq_text(a, st, 1);
		row->tag_days = sq_int(st, 2);
		row->tag_max_days = sq_int(st, 3);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* The tag with id, or NULL when it carries no cadence. */
static const struct cadence_row *today_tag_find(const struct today_tags *tags,
						int64_t id)
{
	size_t lo = 0, hi = tags->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tags->ids[mid] == id)
			return &tags->rows[mid];
		if (tags->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Adds a cadence row for the person at ps, with their tag's if any. */
static void today_add_person(struct arena *a, struct today_acc *acc,
			     sqlite3_stmt *ps, const char *name,
			     const struct cadence_row *tag)
{
	acc->people = sq_grow(a, acc->people, acc->n_people, &acc->cap_people,
			      sizeof(*acc->people));
	struct cadence_row *c = &acc->people[acc->n_people++];
	memset(c, 0, sizeof(*c));
	c->person_id = sq_i64(ps, 0);
	c->name = name;
	int own = sq_int(ps, 1);
	c->own_days = own > 0 ? own : 0;
	c->own_max_days = sq_int(ps, 2);
	c->last_touch = sq_i64(ps, 4);
	c->created_at = sq_i64(ps, 5);
	if (tag) {
		c->tag = tag->tag;
		c->tag_days = tag->tag_days;
		c->tag_max_days = tag->tag_max_days;
	}
}

/* Adds the date at ds for a person whose name is given. */
static void today_add_date(struct arena *a, struct today_acc *acc,
			   sqlite3_stmt *ds, const char *name)
{
	acc->dates = sq_grow(a, acc->dates, acc->n_dates, &acc->cap_dates,
			     sizeof(*acc->dates));
	struct date_row *row = &acc->dates[acc->n_dates++];
	struct important_date *d = &row->date;
	memset(row, 0, sizeof(*row));
	d->person_id = sq_i64(ds, 0);
	d->id = sq_i64(ds, 1);
	if (!date_kind_parse((const char *)sqlite3_column_text(ds, 2),
			     &d->kind))
		d->kind = DATE_CUSTOM;
	d->label = sq_text(a, ds, 3);
	d->month = sq_int(ds, 4);
	d->day = sq_int(ds, 5);
	d->year = sq_int(ds, 6);
	d->remind_days = sq_int(ds, 7);
	d->created_at = sq_i64(ds, 8);
	row->person_name = name;
}

/* Merges the person and date scans; see the top of the file. */
static enum result today_merge(struct store *s, struct arena *a,
			       const struct today_tags *tags,
			       struct today_cursor *ps, struct today_cursor *ds,
			       struct today_acc *acc, struct error *err)
{
	enum result r = today_step(s, ds, err);
	while (r == R_OK && (r = today_step(s, ps, err)) == R_OK &&
	       ps->person_id) {
		int64_t id = ps->person_id;
		while (r == R_OK && ds->person_id && ds->person_id < id)
			r = today_step(s, ds, err);
		if (r != R_OK)
			break;
		const struct cadence_row *tag = NULL;
		int64_t tag_id = sq_i64(ps->st, 3); /* NULL reads as 0 */
		if (tag_id)
			tag = today_tag_find(tags, tag_id);
		bool cadence = sq_int(ps->st, 1) > 0 || tag;
		if (!cadence && ds->person_id != id)
			continue;
		const char *name = sq_display_name(
		    a, (const char *)sqlite3_column_text(ps->st, 6),
		    (const char *)sqlite3_column_text(ps->st, 7));
		if (cadence)
			today_add_person(a, acc, ps->st, name, tag);
		while (r == R_OK && ds->person_id == id) {
			today_add_date(a, acc, ds->st, name);
			r = today_step(s, ds, err);
		}
	}
	return r;
}

static enum result today_people_and_dates(struct store *s, struct arena *a,
					  struct today_acc *acc,
					  struct error *err)
{
	struct today_tags tags = {0};
	if (today_read_tags(s, a, &tags, err) != R_OK)
		return R_DB;
	struct today_cursor ps = {0}, ds = {0};
	ds.st = sq_prep(s,
			"SELECT person_id, id, kind, label, month, day, year, "
			"remind_days, created_at FROM important_date "
			"ORDER BY person_id, id",
			err);
	if (ds.st)
		ps.st = sq_prep(s,
				"SELECT id, cadence_days, cadence_max_days, "
				"cadence_tag_id, last_touch, created_at, "
				"given_name, family_name FROM person "
				"ORDER BY id",
				err);
	if (!ps.st)
		return R_DB;
	enum result r = today_merge(s, a, &tags, &ps, &ds, acc, err);
	sqlite3_reset(ps.st);
	sqlite3_reset(ds.st);
	return r;
}

/* The follow-ups not done and due by $1, with their first person; the
 * viewer's filter (SQ_INTERACTION_VISIBLE) goes after it. */
#define TODAY_FOLLOWUP_SQL                                                     \
	"SELECT i.id, i.follow_up_on, i.summary, p.id, p.given_name, "        \
	"p.family_name FROM interaction i "                                    \
	"JOIN interaction_person ip ON ip.interaction_id = i.id "              \
	"AND ip.position = (SELECT min(position) FROM "                        \
	"interaction_person WHERE interaction_id = i.id) "                     \
	"JOIN person p ON p.id = ip.person_id "                                \
	"WHERE i.follow_up_done = 0 AND i.follow_up_on IS NOT NULL "           \
	"AND i.follow_up_on <= $1 "

static enum result today_followups(struct store *s, struct arena *a,
				   int64_t until_day, struct followup_row **out,
				   size_t *n, struct error *err)
{
	bool all = sq_sees_all(s);
	sqlite3_stmt *st = sq_prep(
	    s,
	    all ? TODAY_FOLLOWUP_SQL "ORDER BY i.follow_up_on, i.id"
		: TODAY_FOLLOWUP_SQL "AND " SQ_INTERACTION_VISIBLE(
		      "i", "$2", "$3", "$4") " ORDER BY i.follow_up_on, i.id",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, until_day);
	if (!all)
		sq_bind_viewer(s, st, 2);
	size_t count = 0, cap = 0;
	struct followup_row *rows = NULL;
	enum result r;
	while ((r = sq_row(s, st, "reading follow-ups", err)) == R_OK) {
		rows = sq_grow(a, rows, count, &cap, sizeof(*rows));
		struct followup_row *f = &rows[count++];
		f->interaction_id = sq_i64(st, 0);
		f->follow_up_on = sq_i64(st, 1);
		f->summary = sq_text(a, st, 2);
		f->person_id = sq_i64(st, 3);
		f->person_name =
		    sq_display_name(a, (const char *)sqlite3_column_text(st, 4),
				    (const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_reset(st);
	*out = rows;
	*n = count;
	return r == R_NOT_FOUND ? R_OK : r;
}

enum result store_today_inputs(struct store *s, struct arena *a,
			       int64_t until_day, struct cadence_row **people,
			       size_t *n_people, struct date_row **dates,
			       size_t *n_dates, struct followup_row **followups,
			       size_t *n_followups, struct error *err)
{
	*people = NULL;
	*dates = NULL;
	*followups = NULL;
	*n_people = *n_dates = *n_followups = 0;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	struct today_acc acc = {0};
	struct followup_row *fus = NULL;
	size_t n_fus = 0;
	enum result r = today_people_and_dates(s, a, &acc, err);
	if (r == R_OK)
		r = today_followups(s, a, until_day, &fus, &n_fus, err);
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*people = acc.people;
	*n_people = acc.n_people;
	*dates = acc.dates;
	*n_dates = acc.n_dates;
	*followups = fus;
	*n_followups = n_fus;
	return R_OK;
}

/* ---- the bounded daily list (store_today_read) ---- */

/* The display name of sq_display_name(), in SQL, for the tie-break. */
#define TODAY_NAME_SQL                                                         \
	"(given_name || CASE WHEN coalesce(family_name, '') <> '' "            \
	"THEN ' ' || family_name ELSE '' END)"

/* The page of due people (today_due_group): the columns today_read_due
 * reads, of the ids the subquery orders, which this opens and the
 * statement closes after its order (TODAY_DUE_ORDER) and limits. */
#define TODAY_DUE_SQL                                                          \
	"SELECT p.id, p.cadence_days, p.cadence_max_days, t.name, "            \
	"t.cadence_days, t.cadence_max_days, p.last_touch, p.created_at, "     \
	"p.given_name, p.family_name FROM person p "                           \
	"LEFT JOIN tag t ON t.id = p.cadence_tag_id AND t.cadence_days > 0 "   \
	"WHERE p.id IN (SELECT id FROM person "                                \
	"WHERE due_at IS NOT NULL AND due_at < $1 "                            \
	"AND past_max_at >= $2 AND past_max_at < $3 "
#define TODAY_DUE_ORDER                                                        \
	TODAY_NAME_SQL " COLLATE NOCASE, " TODAY_NAME_SQL                      \
		       " COLLATE BINARY, id "

/* Reads one due person's cadence row (columns of today_due_page). */
static void today_read_due(struct arena *a, sqlite3_stmt *st,
			   struct cadence_row *c)
{
	memset(c, 0, sizeof(*c));
	c->person_id = sq_i64(st, 0);
	int own = sq_int(st, 1);
	c->own_days = own > 0 ? own : 0;
	c->own_max_days = sq_int(st, 2);
	c->tag = sq_text(a, st, 3);
	c->tag_days = sq_int(st, 4);
	c->tag_max_days = sq_int(st, 5);
	c->last_touch = sq_i64(st, 6);
	c->created_at = sq_i64(st, 7);
	c->name = sq_display_name(a, (const char *)sqlite3_column_text(st, 8),
				  (const char *)sqlite3_column_text(st, 9));
}

/*
 * Adds the due people of one group (past their maximum or not) from the
 * group's skip-th on, at most want of them, in core's order: most days
 * overdue (the local day due_at falls on, earliest first), then name as
 * today_name_cmp orders it (ASCII case folded, then bytes: SQLite's
 * NOCASE, then BINARY), then id. Within a group due_at's index order is
 * already the order of days, so the sort only has to take in the rows up
 * to the end of the day of the last one wanted: first that row's due_at
 * is found by walking the index, then those rows are sorted.
 */
static enum result today_due_group(struct store *s, struct arena *a,
				   const struct today_window *w, bool past_max,
				   int64_t due_before, int64_t max_before,
				   int64_t skip, int64_t want, size_t *cap,
				   struct today_inputs *out, struct error *err)
{
	/* past_max_at < $2 when past_max, >= $3 otherwise (one of the two
	 * bounds is made empty). */
	int64_t lo = past_max ? INT64_MIN : max_before;
	int64_t hi = past_max ? max_before : INT64_MAX;
	/* A viewer who does not see everything filters each row read,
	 * through SQ_VISIBLE's three placeholders after the bounds, so the
	 * later placeholders move up by three. */
	bool all = sq_sees_all(s);
	int k = all ? 0 : 3;
	sqlite3_stmt *st = sq_prep(
	    s,
	    all ? "SELECT due_at FROM person WHERE due_at IS NOT NULL "
		  "AND due_at < $1 AND past_max_at >= $2 AND past_max_at < $3 "
		  "ORDER BY due_at LIMIT 1 OFFSET $4"
		: "SELECT due_at FROM person WHERE due_at IS NOT NULL "
		  "AND due_at < $1 AND past_max_at >= $2 AND past_max_at < $3 "
		  "AND " SQ_VISIBLE("person", "$4", "$5", "$6") " "
		  "ORDER BY due_at LIMIT 1 OFFSET $7",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, due_before);
	sq_bind_i64(st, 2, lo);
	sq_bind_i64(st, 3, hi);
	if (!all)
		sq_bind_viewer(s, st, 4);
	sq_bind_i64(st, 4 + k, skip + want - 1);
	enum result r = sq_row(s, st, "reading who is due", err);
	int64_t until = due_before;
	if (r == R_OK) {
		/* the end of the local day that row's due_at falls on */
		int64_t t = sq_i64(st, 0) + w->utc_offset;
		int64_t day = t / 86400 - (t % 86400 < 0);
		int64_t end = (day + 1) * 86400 - w->utc_offset;
		if (end < until)
			until = end;
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	st = sq_prep(
	    s,
	    all ? TODAY_DUE_SQL "ORDER BY (due_at + $4) - ((due_at + $4) % "
				"86400 + 86400) % 86400, " TODAY_DUE_ORDER
				"LIMIT $5 OFFSET $6)"
		: TODAY_DUE_SQL "AND " SQ_VISIBLE(
		      "person", "$4", "$5",
		      "$6") " ORDER BY (due_at + $7) - ((due_at + $7) % "
			    "86400 + 86400) % 86400, " TODAY_DUE_ORDER
			    "LIMIT $8 OFFSET $9)",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, until);
	sq_bind_i64(st, 2, lo);
	sq_bind_i64(st, 3, hi);
	if (!all)
		sq_bind_viewer(s, st, 4);
	sq_bind_i64(st, 4 + k, w->utc_offset);
	sq_bind_i64(st, 5 + k, want);
	sq_bind_i64(st, 6 + k, skip);
	while ((r = sq_row(s, st, "reading who is due", err)) == R_OK) {
		out->people = sq_grow(a, out->people, out->n_people, cap,
				      sizeof(*out->people));
		today_read_due(a, st, &out->people[out->n_people++]);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/*
 * The page of due people: those past their maximum come first, so the
 * page is taken from that group, then from the others.
 */
static enum result today_due_page(struct store *s, struct arena *a,
				  const struct today_window *w,
				  int64_t due_before, int64_t max_before,
				  struct today_inputs *out, struct error *err)
{
	int64_t skip = w->offset, want = w->limit;
	int64_t first = (int64_t)out->past_max_total;
	size_t cap = 0;
	enum result r = R_OK;
	if (skip < first) {
		int64_t n = first - skip < want ? first - skip : want;
		r = today_due_group(s, a, w, true, due_before, max_before, skip,
				    n, &cap, out, err);
		want -= n;
		skip = 0;
	} else {
		skip -= first;
	}
	if (r == R_OK && want > 0 &&
	    skip < (int64_t)(out->due_total - out->past_max_total))
		r = today_due_group(s, a, w, false, due_before, max_before,
				    skip, want, &cap, out, err);
	return r;
}

/* Counts the people due and those past their maximum. */
static enum result today_due_count(struct store *s, int64_t due_before,
				   int64_t max_before, struct today_inputs *out,
				   struct error *err)
{
	bool all = sq_sees_all(s);
	sqlite3_stmt *st = sq_prep(
	    s,
	    all ? "SELECT coalesce(sum(past_max_at < $1), 0), count(*) "
		  "FROM person WHERE due_at IS NOT NULL AND due_at < $2"
		: "SELECT coalesce(sum(past_max_at < $1), 0), count(*) "
		  "FROM person WHERE due_at IS NOT NULL AND due_at < $2 "
		  "AND " SQ_VISIBLE("person", "$3", "$4", "$5"),
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, max_before);
	sq_bind_i64(st, 2, due_before);
	if (!all)
		sq_bind_viewer(s, st, 3);
	enum result r = sq_row(s, st, "counting who is due", err);
	if (r == R_OK) {
		out->past_max_total = (size_t)sq_i64(st, 0);
		out->due_total = (size_t)sq_i64(st, 1);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* month * 100 + day of day count d. */
static int today_md(int64_t d)
{
	int y, m, dd;
	date_from_days(d, &y, &m, &dd);
	return m * 100 + dd;
}

/*
 * The days of the year (month * 100 + day) of the local days from..to,
 * as at most two ranges (two when the span crosses New Year). A span
 * ending on 28 February of a common year takes in 29 February too: such a
 * date falls on the 28th that year (today_next_occurrence). The ranges
 * may hold more than the span; core drops what is outside.
 */
static void today_md_ranges(int64_t from, int64_t to, int md[4])
{
	md[0] = 1, md[1] = 0, md[2] = 1, md[3] = 0; /* empty */
	if (to < from)
		return;
	if (to - from >= 365) {
		md[0] = 0, md[1] = 9999;
		return;
	}
	int lo = today_md(from), hi = today_md(to);
	int y, m, d;
	date_from_days(to, &y, &m, &d);
	if (hi == 228 && !date_is_leap(y))
		hi = 229;
	if (lo <= hi) {
		md[0] = lo, md[1] = hi;
	} else {
		md[0] = lo, md[1] = 1231;
		md[2] = 101, md[3] = hi;
	}
}

/* The columns the date scans read: today_add_date's, then the name. */
#define TODAY_DATE_SQL                                                         \
	"SELECT d.person_id, d.id, d.kind, d.label, d.month, d.day, "          \
	"d.year, d.remind_days, d.created_at, p.given_name, p.family_name "    \
	"FROM important_date d JOIN person p ON p.id = d.person_id "

/*
 * Adds the dates whose day of the year falls on one of the local days
 * from..to: all of them when remind is -1, else those with that
 * remind_days (from the index on remind_days and the day).
 */
static enum result today_dates_span(struct store *s, struct arena *a,
				    int64_t from, int64_t to, int remind,
				    size_t *cap, struct today_inputs *out,
				    struct error *err)
{
	int md[4];
	today_md_ranges(from, to, md);
	bool all = sq_sees_all(s);
	sqlite3_stmt *st;
	if (remind < 0 && all)
		st = sq_prep(s,
			     TODAY_DATE_SQL
			     "WHERE d.month * 100 + d.day BETWEEN $1 AND $2 "
			     "OR d.month * 100 + d.day BETWEEN $3 AND $4",
			     err);
	else if (remind < 0)
		st = sq_prep(s,
			     TODAY_DATE_SQL
			     "WHERE (d.month * 100 + d.day BETWEEN $1 AND $2 "
			     "OR d.month * 100 + d.day BETWEEN $3 AND $4) "
			     "AND " SQ_VISIBLE("p", "$5", "$6", "$7"),
			     err);
	else if (all)
		st = sq_prep(s,
			     TODAY_DATE_SQL
			     "WHERE (d.month * 100 + d.day BETWEEN $1 AND $2 "
			     "OR d.month * 100 + d.day BETWEEN $3 AND $4) "
			     "AND d.remind_days = $5",
			     err);
	else
		st = sq_prep(s,
			     TODAY_DATE_SQL
			     "WHERE (d.month * 100 + d.day BETWEEN $1 AND $2 "
			     "OR d.month * 100 + d.day BETWEEN $3 AND $4) "
			     "AND d.remind_days = $5 "
			     "AND " SQ_VISIBLE("p", "$6", "$7", "$8"),
			     err);
	if (!st)
		return R_DB;
	for (int i = 0; i < 4; i++)
		sq_bind_i64(st, i + 1, md[i]);
	if (remind >= 0)
		sq_bind_i64(st, 5, remind);
	if (!all)
		sq_bind_viewer(s, st, remind >= 0 ? 6 : 5);
	struct today_acc acc = {
	    .dates = out->dates, .n_dates = out->n_dates, .cap_dates = *cap};
	enum result r;
	while ((r = sq_row(s, st, "reading dates", err)) == R_OK)
		today_add_date(
		    a, &acc, st,
		    sq_display_name(a, (const char *)sqlite3_column_text(st, 9),
				    (const char *)sqlite3_column_text(st, 10)));
	sqlite3_reset(st);
	out->dates = acc.dates;
	out->n_dates = acc.n_dates;
	*cap = acc.cap_dates;
	return r == R_NOT_FOUND ? R_OK : r;
}

/* The smallest remind_days above after, or 0 when there is none. */
static enum result today_next_remind(struct store *s, int after, int *out,
				     struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT min(remind_days) FROM important_date "
		    "WHERE remind_days > $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, after);
	enum result r = sq_row(s, st, "reading dates", err);
	*out = r == R_OK && !sq_null(st, 0) ? sq_int(st, 0) : 0;
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/*
 * The candidate dates: those on the days of the window (today and the
 * horizon after it) and, for each remind_days longer than the horizon,
 * those with it on the days between the horizon and that many days.
 * Each candidate is read once; core decides which are in.
 */
static enum result today_dates(struct store *s, struct arena *a,
			       const struct today_window *w,
			       struct today_inputs *out, struct error *err)
{
	int horizon = w->horizon_days < 0 ? 0 : w->horizon_days;
	int64_t day = w->local_day;
	size_t cap = 0;
	enum result r =
	    today_dates_span(s, a, day, day + horizon, -1, &cap, out, err);
	int remind = horizon;
	while (r == R_OK && horizon < 365) {
		r = today_next_remind(s, remind, &remind, err);
		if (r != R_OK || remind == 0)
			break;
		r = today_dates_span(s, a, day + horizon + 1, day + remind,
				     remind, &cap, out, err);
	}
	return r;
}

/* Every follow-up not done and due by the day (a short list: done ones
 * and later ones are not read). */
static enum result today_due_followups(struct store *s, struct arena *a,
				       const struct today_window *w,
				       struct today_inputs *out,
				       struct error *err)
{
	return today_followups(s, a, w->local_day, &out->followups,
			       &out->n_followups, err);
}

enum result store_today_read(struct store *s, struct arena *a,
			     const struct today_window *w,
			     struct today_inputs *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	/* See 0001-init.sql: due when due_at + offset < (day + 1) * 86400,
	 * past the maximum when past_max_at + offset < day * 86400. */
	int64_t due_before = (w->local_day + 1) * 86400 - w->utc_offset;
	int64_t max_before = w->local_day * 86400 - w->utc_offset;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = today_due_count(s, due_before, max_before, out, err);
	if (r == R_OK && w->limit > 0)
		r = today_due_page(s, a, w, due_before, max_before, out, err);
	if (r == R_OK)
		r = today_dates(s, a, w, out, err);
	if (r == R_OK)
		r = today_due_followups(s, a, w, out, err);
	sq_read_end(s);
	return r;
}
