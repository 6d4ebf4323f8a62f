/*
 * store_dates.c: important dates of people (store layer, SQLite driver).
 *
 * Birthdays, anniversaries and custom dates, kept as month, day and an
 * optional year; core works out when each next falls.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"

#define DATE_COLUMNS                                                           \
	"id, person_id, kind, label, month, day, year, remind_days, "          \
	"created_at"

static void dates_read_row(struct arena *a, sqlite3_stmt *st,
			   struct important_date *d)
{
	memset(d, 0, sizeof(*d));
	d->id = sq_i64(st, 0);
	d->person_id = sq_i64(st, 1);
	if (!date_kind_parse((const char *)sqlite3_column_text(st, 2),
			     &d->kind))
		d->kind = DATE_CUSTOM;
	d->label = sq_text(a, st, 3);
	d->month = sq_int(st, 4);
	d->day = sq_int(st, 5);
	d->year = sq_int(st, 6);
	d->remind_days = sq_int(st, 7);
	d->created_at = sq_i64(st, 8);
}

static enum result dates_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id",
			 "there is no important date %lld", (long long)id);
}

static enum result dates_check_person(struct store *s, int64_t person_id,
				      struct error *err)
{
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", person_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "person_id",
				 "person_id: there is no person %lld; add the "
				 "date to an existing person",
				 (long long)person_id);
	return r;
}

/* Binds kind, label, month, day, year, remind_days, person_id as $1..$7. */
static void dates_bind_fields(sqlite3_stmt *st, const struct important_date *d)
{
	sq_bind_text(st, 1, date_kind_name(d->kind));
	sq_bind_text(st, 2, d->label);
	sq_bind_i64(st, 3, d->month);
	sq_bind_i64(st, 4, d->day);
	sq_bind_i64(st, 5, d->year);
	sq_bind_i64(st, 6, d->remind_days);
	sq_bind_i64(st, 7, d->person_id);
}

enum result store_date_create(struct store *s, struct important_date *d,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = dates_check_person(s, d->person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO important_date (kind, label, month, "
			     "day, year, remind_days, person_id, created_at) "
			     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
			     "RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		int64_t now = sq_now();
		dates_bind_fields(st, d);
		sq_bind_i64(st, 8, now);
		r = sq_row(s, st, "adding an important date", err);
		if (r == R_OK) {
			d->id = sq_i64(st, 0);
			d->created_at = now;
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	return sq_end(s, r, err);
}

enum result store_date_get(struct store *s, struct arena *a, int64_t id,
			   struct important_date *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "SELECT " DATE_COLUMNS " FROM important_date WHERE id = $1",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading an important date", err);
	if (r == R_OK)
		dates_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? dates_not_found(err, id) : r;
}

enum result store_date_update(struct store *s, struct important_date *d,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = sq_exists(
	    s, "SELECT 1 FROM important_date WHERE id = $1", d->id, err);
	if (r == R_NOT_FOUND)
		r = dates_not_found(err, d->id);
	if (r == R_OK)
		r = dates_check_person(s, d->person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE important_date SET kind = $1, label = $2, "
			     "month = $3, day = $4, year = $5, "
			     "remind_days = $6, person_id = $7 WHERE id = $8 "
			     "RETURNING created_at",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		dates_bind_fields(st, d);
		sq_bind_i64(st, 8, d->id);
		r = sq_row(s, st, "updating an important date", err);
		if (r == R_OK)
			d->created_at = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = dates_not_found(err, d->id);
	}
	return sq_end(s, r, err);
}

enum result store_date_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = sq_prep(
	    s, "DELETE FROM important_date WHERE id = $1 RETURNING id", err);
	enum result r = R_DB;
	if (st) {
		sq_bind_i64(st, 1, id);
		r = sq_row(s, st, "deleting an important date", err);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = dates_not_found(err, id);
	}
	return sq_end(s, r, err);
}

enum result store_date_list(struct store *s, struct arena *a, int64_t person_id,
			    struct important_date **items, size_t *n,
			    struct error *err)
{
	*items = NULL;
	*n = 0;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", person_id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "person_id",
			      "there is no person %lld", (long long)person_id);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "SELECT " DATE_COLUMNS " FROM important_date "
			     "WHERE person_id = $1 ORDER BY month, day, id",
			     err);
		r = st ? R_OK : R_DB;
	}
	size_t count = 0, cap = 0;
	struct important_date *ds = NULL;
	if (r == R_OK) {
		sq_bind_i64(st, 1, person_id);
		while ((r = sq_row(s, st, "listing important dates", err)) ==
		       R_OK) {
			ds = sq_grow(a, ds, count, &cap, sizeof(*ds));
			dates_read_row(a, st, &ds[count++]);
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_OK;
	}
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = ds;
	*n = count;
	return R_OK;
}
