/*
 * store_today.c: what the daily list needs, read in bulk (store layer,
 * SQLite driver).
 *
 * Built for 100,000 people: no interaction is scanned (each person's last
 * touch is kept on their row), no tag is looked up per person (the tag
 * whose cadence a person inherits is kept on their row too, as
 * cadence_tag_id) and there is no query per person. The few tags with a
 * cadence are read into a table first; then two scans in person id order
 * are merged: every person (from the covering index person_today) and the
 * important dates (from their covering index). Each person's display name
 * is made once and shared by their cadence row and their dates.
 * Follow-ups come from a partial index of the ones not done.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"

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

static enum result today_followups(struct store *s, struct arena *a,
				   int64_t until_day, struct followup_row **out,
				   size_t *n, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT i.id, i.follow_up_on, i.summary, p.id, p.given_name, "
	    "p.family_name FROM interaction i "
	    "JOIN interaction_person ip ON ip.interaction_id = i.id "
	    "AND ip.position = (SELECT min(position) FROM "
	    "interaction_person WHERE interaction_id = i.id) "
	    "JOIN person p ON p.id = ip.person_id "
	    "WHERE i.follow_up_done = 0 AND i.follow_up_on <= $1 "
	    "ORDER BY i.follow_up_on, i.id",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, until_day);
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
