/*
 * store_tags.c: tags and the keep-in-touch cadence they give (store
 * layer, SQLite driver).
 *
 * Tags are created when a person first carries them (store_people.c) or
 * here; a tag's cadence is inherited by its people whose own cadence is 0
 * (the shortest among their tags wins). Which tag that is, is kept on
 * each person (cadence_tag_id) so that the daily list need not look at
 * tags per person; a cadence change here recomputes it for the tag's
 * people in the same transaction.
 */
#include "sq.h"
#include "store/store.h"

enum result store_tag_put(struct store *s, const struct tag *t,
			  struct error *err)
{
	if (!t->name || !*t->name)
		return error_set(err, R_INVALID, "name",
				 "name: a tag needs a name");
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO tag (name, cadence_days, cadence_max_days) "
		    "VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET "
		    "cadence_days = excluded.cadence_days, "
		    "cadence_max_days = excluded.cadence_max_days",
		    err);
	enum result r = R_DB;
	if (st) {
		sq_bind_text(st, 1, t->name);
		sq_bind_i64(st, 2, t->cadence_days);
		sq_bind_i64(st, 3, t->cadence_max_days);
		r = sq_exec(s, st, "saving a tag", err);
	}
	if (r == R_OK)
		r = store_people_retag(s, t->name, err);
	return sq_end(s, r, err);
}

enum result store_tag_list(struct store *s, struct arena *a, struct tag **items,
			   size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT t.name, t.cadence_days, t.cadence_max_days, "
	    "(SELECT count(*) FROM person_tag pt WHERE pt.tag_id = t.id) "
	    "FROM tag t ORDER BY t.name",
	    err);
	if (!st)
		return R_DB;
	size_t count = 0, cap = 0;
	struct tag *ts = NULL;
	enum result r;
	while ((r = sq_row(s, st, "listing tags", err)) == R_OK) {
		ts = sq_grow(a, ts, count, &cap, sizeof(*ts));
		struct tag *t = &ts[count++];
		t->name = sq_text(a, st, 0);
		t->cadence_days = sq_int(st, 1);
		t->cadence_max_days = sq_int(st, 2);
		t->people = sq_i64(st, 3);
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = ts;
	*n = count;
	return R_OK;
}
