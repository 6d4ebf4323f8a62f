/*
 * store_facts.c: personal facts about people (store layer, SQLite driver).
 *
 * Facts are part of their person's search document, so every write here
 * rebuilds that document (both people's when a fact moves from one person
 * to another) in the same transaction.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"

#define FACT_COLUMNS                                                           \
	"id, person_id, kind, label, value, learned_on, interaction_id, "      \
	"created_at"

static void facts_read_row(struct arena *a, sqlite3_stmt *st, struct fact *f)
{
	memset(f, 0, sizeof(*f));
	f->id = sq_i64(st, 0);
	f->person_id = sq_i64(st, 1);
	if (!fact_kind_parse((const char *)sqlite3_column_text(st, 2),
			     &f->kind))
		f->kind = FACT_OTHER;
	f->label = sq_text(a, st, 3);
	f->value = sq_text(a, st, 4);
	f->has_learned_on = !sq_null(st, 5);
	f->learned_on = sq_i64(st, 5);
	f->interaction_id = sq_i64(st, 6);
	f->created_at = sq_i64(st, 7);
}

static enum result facts_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no fact %lld",
			 (long long)id);
}

/* Checks that the fact's person and interaction exist. */
static enum result facts_check_refs(struct store *s, const struct fact *f,
				    struct error *err)
{
	enum result r = sq_exists(s, "SELECT 1 FROM person WHERE id = $1",
				  f->person_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "person_id",
				 "person_id: there is no person %lld; add the "
				 "fact to an existing person",
				 (long long)f->person_id);
	if (r != R_OK || !f->interaction_id)
		return r;
	r = sq_exists(s, "SELECT 1 FROM interaction WHERE id = $1",
		      f->interaction_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "interaction_id",
				 "interaction_id: there is no interaction "
				 "%lld; record it first or leave "
				 "interaction_id out",
				 (long long)f->interaction_id);
	return r;
}

/* Binds kind, label, value, learned_on, interaction_id as $1..$5. */
static void facts_bind_fields(sqlite3_stmt *st, const struct fact *f)
{
	sq_bind_text(st, 1, fact_kind_name(f->kind));
	sq_bind_text(st, 2, f->label);
	sq_bind_text(st, 3, f->value);
	if (f->has_learned_on)
		sq_bind_i64(st, 4, f->learned_on);
	else
		sqlite3_bind_null(st, 4);
	sq_bind_id(st, 5, f->interaction_id);
}

static enum result facts_insert(struct store *s, struct fact *f,
				struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO fact (kind, label, value, learned_on, "
		    "interaction_id, person_id, created_at) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
		    err);
	if (!st)
		return R_DB;
	int64_t now = sq_now();
	facts_bind_fields(st, f);
	sq_bind_i64(st, 6, f->person_id);
	sq_bind_i64(st, 7, now);
	enum result r = sq_row(s, st, "adding a fact", err);
	if (r == R_OK) {
		f->id = sq_i64(st, 0);
		f->created_at = now;
	}
	sqlite3_reset(st);
	return r == R_OK ? R_OK : R_DB;
}

enum result store_fact_create(struct store *s, struct fact *f,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = facts_check_refs(s, f, err);
	if (r == R_OK)
		r = facts_insert(s, f, err);
	if (r == R_OK)
		r = store_search_reindex(s, f->person_id, err);
	return sq_end(s, r, err);
}

enum result store_fact_get(struct store *s, struct arena *a, int64_t id,
			   struct fact *out, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT " FACT_COLUMNS " FROM fact WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a fact", err);
	if (r == R_OK)
		facts_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? facts_not_found(err, id) : r;
}

/* Reads the person a fact belongs to now. */
static enum result facts_owner(struct store *s, int64_t id, int64_t *person,
			       struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT person_id FROM fact WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a fact", err);
	if (r == R_OK)
		*person = sq_i64(st, 0);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? facts_not_found(err, id) : r;
}

static enum result facts_update_row(struct store *s, struct fact *f,
				    struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "UPDATE fact SET kind = $1, label = $2, value = $3, "
		    "learned_on = $4, interaction_id = $5, person_id = $6 "
		    "WHERE id = $7 RETURNING created_at",
		    err);
	if (!st)
		return R_DB;
	facts_bind_fields(st, f);
	sq_bind_i64(st, 6, f->person_id);
	sq_bind_i64(st, 7, f->id);
	enum result r = sq_row(s, st, "updating a fact", err);
	if (r == R_OK)
		f->created_at = sq_i64(st, 0);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? facts_not_found(err, f->id) : r;
}

enum result store_fact_update(struct store *s, struct fact *f,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	int64_t old_person = 0;
	enum result r = facts_owner(s, f->id, &old_person, err);
	if (r == R_OK)
		r = facts_check_refs(s, f, err);
	if (r == R_OK)
		r = facts_update_row(s, f, err);
	if (r == R_OK)
		r = store_search_reindex(s, f->person_id, err);
	if (r == R_OK && old_person != f->person_id)
		r = store_search_reindex(s, old_person, err);
	return sq_end(s, r, err);
}

enum result store_fact_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	int64_t person = 0;
	enum result r = facts_owner(s, id, &person, err);
	if (r == R_OK) {
		sqlite3_stmt *st =
		    sq_prep(s, "DELETE FROM fact WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting a fact", err);
		}
	}
	if (r == R_OK)
		r = store_search_reindex(s, person, err);
	return sq_end(s, r, err);
}

enum result store_fact_list(struct store *s, struct arena *a, int64_t person_id,
			    struct fact **items, size_t *n, struct error *err)
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
			     "SELECT " FACT_COLUMNS " FROM fact "
			     "WHERE person_id = $1 ORDER BY id",
			     err);
		r = st ? R_OK : R_DB;
	}
	size_t count = 0, cap = 0;
	struct fact *fs = NULL;
	if (r == R_OK) {
		sq_bind_i64(st, 1, person_id);
		while ((r = sq_row(s, st, "listing facts", err)) == R_OK) {
			fs = sq_grow(a, fs, count, &cap, sizeof(*fs));
			facts_read_row(a, st, &fs[count++]);
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_OK;
	}
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = fs;
	*n = count;
	return R_OK;
}
