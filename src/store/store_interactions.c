/*
 * store_interactions.c: interactions (touches) and their people (store
 * layer, SQLite driver).
 *
 * Each person's last_touch (the newest occurred_at of their interactions)
 * is kept on the person row so that the daily list never scans the
 * interactions: a new interaction moves it forward when newer; an update
 * or a delete recomputes it for everyone it concerned, from the
 * (person_id, occurred_at) index of interaction_person, which copies
 * occurred_at for that purpose.
 *
 * A person's timeline is newest first (occurred_at desc, id desc); its
 * pages continue after the interaction whose id is page.after_id, i.e.
 * they hold the interactions older than that one in that order.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"
#include "store/store_auth.h"

#define INTERACTION_COLUMNS                                                    \
	"i.id, i.kind, i.occurred_at, i.summary, i.notes, i.follow_up_on, "    \
	"i.follow_up_done, i.deal_id, i.created_at"

static void inter_read_row(struct arena *a, sqlite3_stmt *st,
			   struct interaction *i)
{
	memset(i, 0, sizeof(*i));
	i->id = sq_i64(st, 0);
	if (!interaction_kind_parse((const char *)sqlite3_column_text(st, 1),
				    &i->kind))
		i->kind = INTERACTION_NOTE;
	i->occurred_at = sq_i64(st, 2);
	i->summary = sq_text(a, st, 3);
	i->notes = sq_text(a, st, 4);
	i->has_follow_up = !sq_null(st, 5);
	i->follow_up_on = sq_i64(st, 5);
	i->follow_up_done = sq_i64(st, 6) != 0;
	i->deal_id = sq_i64(st, 7);
	i->created_at = sq_i64(st, 8);
}

static enum result inter_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no interaction %lld",
			 (long long)id);
}

/* Reads the interaction's people in the order they were given. */
static enum result inter_fill_people(struct store *s, struct arena *a,
				     struct interaction *i, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT person_id FROM interaction_person "
		    "WHERE interaction_id = $1 ORDER BY position",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, i->id);
	size_t n = 0, cap = 0;
	int64_t *ids = NULL;
	enum result r;
	while ((r = sq_row(s, st, "reading an interaction's people", err)) ==
	       R_OK) {
		ids = sq_grow(a, ids, n, &cap, sizeof(*ids));
		ids[n++] = sq_i64(st, 0);
	}
	sqlite3_reset(st);
	i->people = ids;
	i->n_people = n;
	return r == R_NOT_FOUND ? R_OK : r;
}

/* Checks the deal the interaction is on, if any, exists: interaction's
 * deal_id has no foreign key (deleting a deal keeps its touches). */
static enum result inter_check_deal(struct store *s,
				    const struct interaction *i,
				    struct error *err)
{
	if (!i->deal_id)
		return R_OK;
	enum result r = sq_exists(s, "SELECT 1 FROM deal WHERE id = $1",
				  i->deal_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "deal_id",
				 "deal_id: there is no deal %lld; give the id "
				 "of an existing deal or leave it out",
				 (long long)i->deal_id);
	return r;
}

/* Checks there is at least one person, each exists and none repeats. */
static enum result inter_check_people(struct store *s,
				      const struct interaction *i,
				      struct error *err)
{
	if (i->n_people == 0 || !i->people)
		return error_set(err, R_INVALID, "people",
				 "people: an interaction needs at least one "
				 "person");
	for (size_t k = 0; k < i->n_people; k++) {
		for (size_t j = 0; j < k; j++)
			if (i->people[j] == i->people[k])
				return error_set(err, R_INVALID, "people",
						 "people: person %lld is "
						 "listed twice; list each "
						 "person once",
						 (long long)i->people[k]);
		enum result r = sq_person_visible(s, i->people[k], err);
		if (r == R_NOT_FOUND)
			return error_set(err, R_INVALID, "people",
					 "people: there is no person %lld; "
					 "create them first or leave them out",
					 (long long)i->people[k]);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

/* Links the interaction to its people; moves their last touch forward. */
static enum result inter_put_people(struct store *s,
				    const struct interaction *i,
				    struct error *err)
{
	for (size_t k = 0; k < i->n_people; k++) {
		sqlite3_stmt *st =
		    sq_prep(s,
			    "INSERT INTO interaction_person (interaction_id, "
			    "person_id, position, occurred_at) "
			    "VALUES ($1, $2, $3, $4)",
			    err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, i->id);
		sq_bind_i64(st, 2, i->people[k]);
		sq_bind_i64(st, 3, (int64_t)k);
		sq_bind_i64(st, 4, i->occurred_at);
		if (sq_exec(s, st, "linking a person to an interaction", err) !=
		    R_OK)
			return R_DB;
		st = sq_prep(s,
			     "UPDATE person SET last_touch = $1 "
			     "WHERE id = $2 AND last_touch < $1",
			     err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, i->occurred_at);
		sq_bind_i64(st, 2, i->people[k]);
		if (sq_exec(s, st, "updating a last touch", err) != R_OK)
			return R_DB;
	}
	return R_OK;
}

enum result store_interactions_retouch(struct store *s, int64_t id,
				       struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "UPDATE person SET last_touch = coalesce(("
		    "SELECT max(occurred_at) FROM interaction_person "
		    "WHERE person_id = $1), 0) WHERE id = $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "recomputing a last touch", err);
}

/* Binds kind, occurred_at, summary, notes, follow_up_on, follow_up_done,
 * deal_id as $1..$7. */
static void inter_bind_fields(sqlite3_stmt *st, const struct interaction *i)
{
	sq_bind_text(st, 1, interaction_kind_name(i->kind));
	sq_bind_i64(st, 2, i->occurred_at);
	sq_bind_text(st, 3, i->summary ? i->summary : "");
	sq_bind_text(st, 4, i->notes);
	if (i->has_follow_up)
		sq_bind_i64(st, 5, i->follow_up_on);
	else
		sqlite3_bind_null(st, 5);
	sq_bind_i64(st, 6, i->has_follow_up && i->follow_up_done ? 1 : 0);
	sq_bind_id(st, 7, i->deal_id);
}

static enum result inter_insert(struct store *s, struct interaction *i,
				struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "INSERT INTO interaction (kind, occurred_at, summary, notes, "
	    "follow_up_on, follow_up_done, deal_id, created_at) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
	    err);
	if (!st)
		return R_DB;
	int64_t now = sq_now();
	inter_bind_fields(st, i);
	sq_bind_i64(st, 8, now);
	enum result r = sq_row(s, st, "adding an interaction", err);
	if (r == R_OK) {
		i->id = sq_i64(st, 0);
		i->created_at = now;
	}
	sqlite3_reset(st);
	return r == R_OK ? R_OK : R_DB;
}

enum result store_interaction_create(struct store *s, struct interaction *i,
				     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = inter_check_people(s, i, err);
	if (r == R_OK)
		r = inter_check_deal(s, i, err);
	if (r == R_OK)
		r = inter_insert(s, i, err);
	if (r == R_OK)
		r = inter_put_people(s, i, err);
	return sq_end(s, r, err);
}

enum result store_interaction_get(struct store *s, struct arena *a, int64_t id,
				  struct interaction *out, struct error *err)
{
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT " INTERACTION_COLUMNS
				   " FROM interaction i WHERE i.id = $1",
				   err);
	enum result r = R_DB;
	if (st) {
		sq_bind_i64(st, 1, id);
		r = sq_row(s, st, "reading an interaction", err);
		if (r == R_OK)
			inter_read_row(a, st, out);
		sqlite3_reset(st);
	}
	if (r == R_NOT_FOUND)
		r = inter_not_found(err, id);
	if (r == R_OK)
		r = inter_fill_people(s, a, out, err);
	sq_read_end(s);
	return r;
}

/* Updates the row and relinks its people; old people get retouched. */
static enum result inter_update_all(struct store *s, struct arena *a,
				    struct interaction *i, struct error *err)
{
	struct interaction old = {.id = i->id};
	enum result r = inter_fill_people(s, a, &old, err);
	if (r != R_OK)
		return r;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "UPDATE interaction SET kind = $1, occurred_at = $2, "
		    "summary = $3, notes = $4, follow_up_on = $5, "
		    "follow_up_done = $6, deal_id = $7 WHERE id = $8 "
		    "RETURNING created_at",
		    err);
	if (!st)
		return R_DB;
	inter_bind_fields(st, i);
	sq_bind_i64(st, 8, i->id);
	r = sq_row(s, st, "updating an interaction", err);
	if (r == R_OK)
		i->created_at = sq_i64(st, 0);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		return inter_not_found(err, i->id);
	if (r != R_OK)
		return r;
	st = sq_prep(
	    s, "DELETE FROM interaction_person WHERE interaction_id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, i->id);
	r = sq_exec(s, st, "unlinking an interaction's people", err);
	if (r == R_OK)
		r = inter_put_people(s, i, err);
	for (size_t k = 0; r == R_OK && k < old.n_people; k++)
		r = store_interactions_retouch(s, old.people[k], err);
	for (size_t k = 0; r == R_OK && k < i->n_people; k++)
		r = store_interactions_retouch(s, i->people[k], err);
	return r;
}

enum result store_interaction_update(struct store *s, struct interaction *i,
				     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM interaction WHERE id = $1", i->id, err);
	if (r == R_NOT_FOUND)
		r = inter_not_found(err, i->id);
	if (r == R_OK)
		r = inter_check_people(s, i, err);
	if (r == R_OK)
		r = inter_check_deal(s, i, err);
	if (r == R_OK) {
		struct arena *a = arena_new();
		r = inter_update_all(s, a, i, err);
		arena_free(a);
	}
	return sq_end(s, r, err);
}

enum result store_interaction_delete(struct store *s, int64_t id,
				     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	struct arena *a = arena_new();
	struct interaction old = {.id = id};
	enum result r =
	    sq_exists(s, "SELECT 1 FROM interaction WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		r = inter_not_found(err, id);
	if (r == R_OK)
		r = inter_fill_people(s, a, &old, err);
	if (r == R_OK) {
		sqlite3_stmt *st =
		    sq_prep(s, "DELETE FROM interaction WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting an interaction", err);
		}
	}
	for (size_t k = 0; r == R_OK && k < old.n_people; k++)
		r = store_interactions_retouch(s, old.people[k], err);
	arena_free(a);
	return sq_end(s, r, err);
}

/* Binds and returns the list statement: a person's timeline (after the
 * cursor interaction when there is one) or every interaction by id. */
static sqlite3_stmt *inter_list_stmt(struct store *s, int64_t person_id,
				     int64_t after, int limit,
				     struct error *err)
{
	/* Each filtered by the viewer (SQ_INTERACTION_VISIBLE), which
	 * passes every row at once for one who sees all ($v = 0). */
	sqlite3_stmt *st;
	if (!person_id) {
		st = sq_prep(s,
			     "SELECT " INTERACTION_COLUMNS
			     " FROM interaction i WHERE i.id > $1 AND "
			     SQ_INTERACTION_VISIBLE("i", "$2", "$3", "$4") " ORDER BY i.id LIMIT $5",
			     err);
		if (st) {
			sq_bind_i64(st, 1, after);
			sq_bind_viewer(s, st, 2);
			sq_bind_i64(st, 5, (int64_t)limit + 1);
		}
		return st;
	}
	if (!after) {
		st = sq_prep(s,
			     "SELECT " INTERACTION_COLUMNS
			     " FROM interaction_person ip "
			     "JOIN interaction i ON i.id = ip.interaction_id "
			     "WHERE ip.person_id = $1 AND " SQ_INTERACTION_VISIBLE("i", "$2", "$3", "$4")
			     " ORDER BY ip.occurred_at DESC, "
			     "ip.interaction_id DESC LIMIT $5",
			     err);
		if (st) {
			sq_bind_i64(st, 1, person_id);
			sq_bind_viewer(s, st, 2);
			sq_bind_i64(st, 5, (int64_t)limit + 1);
		}
		return st;
	}
	st = sq_prep(
	    s,
	    "SELECT " INTERACTION_COLUMNS " FROM interaction_person ip "
	    "JOIN interaction i ON i.id = ip.interaction_id "
	    "JOIN interaction c ON c.id = $1 "
	    "WHERE ip.person_id = $2 AND (ip.occurred_at < c.occurred_at "
	    "OR (ip.occurred_at = c.occurred_at "
	    "AND ip.interaction_id < c.id)) AND " SQ_INTERACTION_VISIBLE("i", "$3", "$4", "$5")
	    " ORDER BY ip.occurred_at DESC, ip.interaction_id DESC "
	    "LIMIT $6",
	    err);
	if (st) {
		sq_bind_i64(st, 1, after);
		sq_bind_i64(st, 2, person_id);
		sq_bind_viewer(s, st, 3);
		sq_bind_i64(st, 6, (int64_t)limit + 1);
	}
	return st;
}

/* Checks the person and the cursor of a timeline exist. */
static enum result inter_check_list(struct store *s, int64_t person_id,
				    int64_t after, struct error *err)
{
	if (!person_id)
		return R_OK;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", person_id, err);
	if (r == R_OK)
		r = store_may(s, STORE_REC_PERSON, person_id, AUTH_READ, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "person_id",
				 "there is no person %lld",
				 (long long)person_id);
	if (r != R_OK || !after)
		return r;
	r = sq_exists(s, "SELECT 1 FROM interaction WHERE id = $1", after, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "after_id",
				 "after_id: there is no interaction %lld to "
				 "continue from; start again without after_id",
				 (long long)after);
	return r;
}

enum result store_interaction_list(struct store *s, struct arena *a,
				   int64_t person_id,
				   const struct store_page *page,
				   struct interaction **items, size_t *n,
				   bool *more, struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	int64_t after = sq_after(page);
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	struct interaction *is = arena_alloc(a, sizeof(*is) * (size_t)limit);
	size_t count = 0;
	sqlite3_stmt *st = NULL;
	enum result r = inter_check_list(s, person_id, after, err);
	if (r == R_OK) {
		st = inter_list_stmt(s, person_id, after, limit, err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		while ((r = sq_row(s, st, "listing interactions", err)) ==
		       R_OK) {
			if (count == (size_t)limit) {
				*more = true;
				break;
			}
			inter_read_row(a, st, &is[count++]);
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_OK;
	}
	for (size_t k = 0; r == R_OK && k < count; k++)
		r = inter_fill_people(s, a, &is[k], err);
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = is;
	*n = count;
	return R_OK;
}

enum result store_interaction_list_by_deal(struct store *s, struct arena *a,
					   int64_t deal_id, int limit,
					   struct interaction **items,
					   size_t *n, bool *more,
					   struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	if (limit < 1 || limit > STORE_LIMIT_MAX)
		limit = STORE_LIMIT_MAX;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", deal_id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "deal_id",
			      "there is no deal %lld", (long long)deal_id);
	/* The partial index interaction_deal (deal_id, occurred_at) of
	 * 0002-deals.sql gives the rows in order. */
	sqlite3_stmt *st = r != R_OK ? NULL
				     : sq_prep(s,
					       "SELECT " INTERACTION_COLUMNS
					       " FROM interaction i WHERE "
					       "i.deal_id = $1 AND " SQ_INTERACTION_VISIBLE("i", "$2", "$3", "$4")
					       " ORDER BY i.occurred_at DESC, "
					       "i.id DESC LIMIT $5",
					       err);
	if (r == R_OK && !st)
		r = R_DB;
	struct interaction *is = arena_alloc(a, sizeof(*is) * (size_t)limit);
	size_t count = 0;
	if (st) {
		sq_bind_i64(st, 1, deal_id);
		sq_bind_viewer(s, st, 2);
		sq_bind_i64(st, 5, (int64_t)limit + 1);
		while ((r = sq_row(s, st, "listing a deal's interactions",
				   err)) == R_OK) {
			if (count == (size_t)limit) {
				*more = true;
				break;
			}
			inter_read_row(a, st, &is[count++]);
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_OK;
	}
	for (size_t k = 0; r == R_OK && k < count; k++)
		r = inter_fill_people(s, a, &is[k], err);
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = is;
	*n = count;
	return R_OK;
}
