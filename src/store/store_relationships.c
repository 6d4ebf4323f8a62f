/*
 * store_relationships.c: relationship types and relationships between
 * people (store layer, SQLite driver).
 *
 * The built-in types are seeded by the first migration and cannot be
 * deleted; a type still used by a relationship cannot be deleted either.
 * A relationship reads "from_id is <label> to_id" and, from the other
 * side, "to_id is <inverse_label> from_id".
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"

#define REL_COLUMNS                                                            \
	"r.id, r.type_id, r.from_id, r.to_id, r.notes, t.name, t.label, "      \
	"t.inverse_label, pf.given_name, pf.family_name, pt.given_name, "      \
	"pt.family_name, r.created_at"
#define REL_FROM                                                               \
	" FROM relationship r "                                                \
	"JOIN relationship_type t ON t.id = r.type_id "                        \
	"JOIN person pf ON pf.id = r.from_id "                                 \
	"JOIN person pt ON pt.id = r.to_id "

enum result store_reltype_create(struct store *s, struct relationship_type *t,
				 struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT 1 FROM relationship_type WHERE name = $1", err);
	enum result r = R_DB;
	if (st) {
		sq_bind_text(st, 1, t->name ? t->name : "");
		r = sq_row(s, st, "checking a relationship type", err);
		sqlite3_reset(st);
	}
	if (r == R_OK)
		r = error_set(err, R_CONFLICT, "name",
			      "name: there is already a relationship type "
			      "named '%s'; pick another name",
			      t->name ? t->name : "");
	else if (r == R_NOT_FOUND) {
		st = sq_prep(s,
			     "INSERT INTO relationship_type (name, label, "
			     "inverse_label, builtin) VALUES ($1, $2, $3, 0) "
			     "RETURNING id",
			     err);
		r = R_DB;
		if (st) {
			sq_bind_text(st, 1, t->name ? t->name : "");
			sq_bind_text(st, 2, t->label ? t->label : "");
			sq_bind_text(st, 3,
				     t->inverse_label
					 ? t->inverse_label
					 : (t->label ? t->label : ""));
			r = sq_row(s, st, "adding a relationship type", err);
			if (r == R_OK) {
				t->id = sq_i64(st, 0);
				t->builtin = false;
			}
			sqlite3_reset(st);
			if (r == R_NOT_FOUND)
				r = R_DB;
		}
	}
	return sq_end(s, r, err);
}

enum result store_reltype_list(struct store *s, struct arena *a,
			       struct relationship_type **items, size_t *n,
			       struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id, name, label, inverse_label, "
				   "builtin FROM relationship_type ORDER BY id",
				   err);
	if (!st)
		return R_DB;
	size_t count = 0, cap = 0;
	struct relationship_type *ts = NULL;
	enum result r;
	while ((r = sq_row(s, st, "listing relationship types", err)) == R_OK) {
		ts = sq_grow(a, ts, count, &cap, sizeof(*ts));
		struct relationship_type *t = &ts[count++];
		t->id = sq_i64(st, 0);
		t->name = sq_text(a, st, 1);
		t->label = sq_text(a, st, 2);
		t->inverse_label = sq_text(a, st, 3);
		t->builtin = sq_i64(st, 4) != 0;
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = ts;
	*n = count;
	return R_OK;
}

/* Refuses to delete type id when it is built in or in use. */
static enum result rel_type_deletable(struct store *s, int64_t id,
				      struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT name, builtin, (SELECT count(*) FROM relationship "
		    "WHERE type_id = $1) FROM relationship_type WHERE id = $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a relationship type", err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id",
			      "there is no relationship type %lld",
			      (long long)id);
	else if (r == R_OK && sq_i64(st, 1))
		r = error_set(err, R_CONFLICT, "id",
			      "'%s' is a built-in relationship type and cannot "
			      "be deleted",
			      (const char *)sqlite3_column_text(st, 0));
	else if (r == R_OK && sq_i64(st, 2))
		r = error_set(err, R_CONFLICT, "id",
			      "relationship type '%s' is used by %lld "
			      "relationship(s); delete those first",
			      (const char *)sqlite3_column_text(st, 0),
			      (long long)sq_i64(st, 2));
	sqlite3_reset(st);
	return r;
}

enum result store_reltype_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = rel_type_deletable(s, id, err);
	if (r == R_OK) {
		sqlite3_stmt *st = sq_prep(
		    s, "DELETE FROM relationship_type WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting a relationship type", err);
		}
	}
	return sq_end(s, r, err);
}

/* Checks type, both people, and that the two people differ. */
static enum result rel_check_refs(struct store *s,
				  const struct relationship *rel,
				  struct error *err)
{
	enum result r =
	    sq_exists(s, "SELECT 1 FROM relationship_type WHERE id = $1",
		      rel->type_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "type_id",
				 "type_id: there is no relationship type "
				 "%lld; pick one from the list of types or "
				 "create it first",
				 (long long)rel->type_id);
	if (r != R_OK)
		return r;
	const char *fields[2] = {"from_id", "to_id"};
	int64_t ids[2] = {rel->from_id, rel->to_id};
	for (int k = 0; k < 2; k++) {
		r = sq_person_visible(s, ids[k], err);
		if (r == R_NOT_FOUND)
			return error_set(err, R_INVALID, fields[k],
					 "%s: there is no person %lld; create "
					 "them first",
					 fields[k], (long long)ids[k]);
		if (r != R_OK)
			return r;
	}
	if (rel->from_id == rel->to_id)
		return error_set(err, R_INVALID, "to_id",
				 "to_id: a person cannot be related to "
				 "themselves; pick two different people");
	return R_OK;
}

/* Refuses a relationship that is already recorded. */
static enum result rel_check_unique(struct store *s,
				    const struct relationship *rel,
				    struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT id FROM relationship WHERE "
		    "type_id = $1 AND from_id = $2 AND to_id = $3",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, rel->type_id);
	sq_bind_i64(st, 2, rel->from_id);
	sq_bind_i64(st, 3, rel->to_id);
	enum result r = sq_row(s, st, "checking a relationship", err);
	if (r == R_OK)
		r = error_set(err, R_CONFLICT, "",
			      "this relationship is already recorded (as "
			      "relationship %lld)",
			      (long long)sq_i64(st, 0));
	else if (r == R_NOT_FOUND)
		r = R_OK;
	sqlite3_reset(st);
	return r;
}

enum result store_relationship_create(struct store *s, struct relationship *rel,
				      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = rel_check_refs(s, rel, err);
	if (r == R_OK)
		r = rel_check_unique(s, rel, err);
	if (r == R_OK) {
		sqlite3_stmt *st = sq_prep(
		    s,
		    "INSERT INTO relationship (type_id, from_id, to_id, "
		    "notes, created_at) VALUES ($1, $2, $3, $4, $5) "
		    "RETURNING id",
		    err);
		r = R_DB;
		if (st) {
			int64_t now = sq_now();
			sq_bind_i64(st, 1, rel->type_id);
			sq_bind_i64(st, 2, rel->from_id);
			sq_bind_i64(st, 3, rel->to_id);
			sq_bind_text(st, 4, rel->notes);
			sq_bind_i64(st, 5, now);
			r = sq_row(s, st, "adding a relationship", err);
			if (r == R_OK) {
				rel->id = sq_i64(st, 0);
				rel->created_at = now;
			}
			sqlite3_reset(st);
			if (r == R_NOT_FOUND)
				r = R_DB;
		}
	}
	return sq_end(s, r, err);
}

static void rel_read_row(struct arena *a, sqlite3_stmt *st,
			 struct relationship *rel)
{
	memset(rel, 0, sizeof(*rel));
	rel->id = sq_i64(st, 0);
	rel->type_id = sq_i64(st, 1);
	rel->from_id = sq_i64(st, 2);
	rel->to_id = sq_i64(st, 3);
	rel->notes = sq_text(a, st, 4);
	rel->type_name = sq_text(a, st, 5);
	rel->label = sq_text(a, st, 6);
	rel->inverse_label = sq_text(a, st, 7);
	rel->from_name =
	    sq_display_name(a, (const char *)sqlite3_column_text(st, 8),
			    (const char *)sqlite3_column_text(st, 9));
	rel->to_name =
	    sq_display_name(a, (const char *)sqlite3_column_text(st, 10),
			    (const char *)sqlite3_column_text(st, 11));
	rel->created_at = sq_i64(st, 12);
}

enum result store_relationship_get(struct store *s, struct arena *a, int64_t id,
				   struct relationship *out, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT " REL_COLUMNS REL_FROM "WHERE r.id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a relationship", err);
	if (r == R_OK)
		rel_read_row(a, st, out);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id",
			      "there is no relationship %lld", (long long)id);
	return r;
}

enum result store_relationship_delete(struct store *s, int64_t id,
				      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = sq_prep(
	    s, "DELETE FROM relationship WHERE id = $1 RETURNING id", err);
	enum result r = R_DB;
	if (st) {
		sq_bind_i64(st, 1, id);
		r = sq_row(s, st, "deleting a relationship", err);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = error_set(err, R_NOT_FOUND, "id",
				      "there is no relationship %lld",
				      (long long)id);
	}
	return sq_end(s, r, err);
}

enum result store_relationship_list(struct store *s, struct arena *a,
				    int64_t person_id,
				    struct relationship **items, size_t *n,
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
			     "SELECT " REL_COLUMNS REL_FROM
			     "WHERE (r.from_id = $1 OR r.to_id = $1) AND "
			     SQ_VISIBLE("pf", "$2", "$3", "$4") " AND "
			     SQ_VISIBLE("pt", "$2", "$3", "$4")
			     " ORDER BY r.id",
			     err);
		r = st ? R_OK : R_DB;
	}
	size_t count = 0, cap = 0;
	struct relationship *rs = NULL;
	if (r == R_OK) {
		sq_bind_i64(st, 1, person_id);
		sq_bind_viewer(s, st, 2);
		while ((r = sq_row(s, st, "listing relationships", err)) ==
		       R_OK) {
			rs = sq_grow(a, rs, count, &cap, sizeof(*rs));
			rel_read_row(a, st, &rs[count++]);
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_OK;
	}
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = rs;
	*n = count;
	return R_OK;
}
