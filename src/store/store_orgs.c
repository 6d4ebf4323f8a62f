/*
 * store_orgs.c: organizations (store layer, SQLite driver).
 *
 * A rename is carried into the search documents of the organization's
 * people; deleting an organization leaves its people without one (the
 * foreign key sets their org_id to NULL) and clears it from their search
 * documents, all in one transaction.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"

#define ORG_COLUMNS "id, name, domain, industry, notes, created_at, updated_at"

static void orgs_read_row(struct arena *a, sqlite3_stmt *st,
			  struct organization *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sq_i64(st, 0);
	o->name = sq_text(a, st, 1);
	o->domain = sq_text(a, st, 2);
	o->industry = sq_text(a, st, 3);
	o->notes = sq_text(a, st, 4);
	o->created_at = sq_i64(st, 5);
	o->updated_at = sq_i64(st, 6);
}

static enum result orgs_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id",
			 "there is no organization %lld", (long long)id);
}

enum result store_org_create(struct store *s, struct organization *o,
			     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO organization (name, domain, industry, notes, "
		    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) "
		    "RETURNING id",
		    err);
	enum result r = R_DB;
	int64_t now = sq_now();
	if (st) {
		sq_bind_text(st, 1, o->name ? o->name : "");
		sq_bind_text(st, 2, o->domain);
		sq_bind_text(st, 3, o->industry);
		sq_bind_text(st, 4, o->notes);
		sq_bind_i64(st, 5, now);
		r = sq_row(s, st, "adding an organization", err);
		if (r == R_OK) {
			o->id = sq_i64(st, 0);
			o->created_at = o->updated_at = now;
		}
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	return sq_end(s, r, err);
}

enum result store_org_get(struct store *s, struct arena *a, int64_t id,
			  struct organization *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "SELECT " ORG_COLUMNS " FROM organization WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading an organization", err);
	if (r == R_OK)
		orgs_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? orgs_not_found(err, id) : r;
}

/* Updates the row; sets *renamed when the name changed. */
static enum result orgs_update_row(struct store *s, struct organization *o,
				   bool *renamed, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT name FROM organization WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, o->id);
	enum result r = sq_row(s, st, "reading an organization", err);
	if (r == R_OK) {
		const char *old = (const char *)sqlite3_column_text(st, 0);
		*renamed = !old || !o->name || strcmp(old, o->name) != 0;
	}
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		return orgs_not_found(err, o->id);
	if (r != R_OK)
		return r;
	st = sq_prep(s,
		     "UPDATE organization SET name = $1, domain = $2, "
		     "industry = $3, notes = $4, updated_at = $5 WHERE id = $6 "
		     "RETURNING created_at",
		     err);
	if (!st)
		return R_DB;
	int64_t now = sq_now();
	sq_bind_text(st, 1, o->name ? o->name : "");
	sq_bind_text(st, 2, o->domain);
	sq_bind_text(st, 3, o->industry);
	sq_bind_text(st, 4, o->notes);
	sq_bind_i64(st, 5, now);
	sq_bind_i64(st, 6, o->id);
	r = sq_row(s, st, "updating an organization", err);
	if (r == R_OK) {
		o->created_at = sq_i64(st, 0);
		o->updated_at = now;
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? orgs_not_found(err, o->id) : r;
}

enum result store_org_update(struct store *s, struct organization *o,
			     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	bool renamed = false;
	enum result r = orgs_update_row(s, o, &renamed, err);
	if (r == R_OK && renamed)
		r = store_search_set_org(s, o->id, o->name ? o->name : "", err);
	return sq_end(s, r, err);
}

enum result store_org_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM organization WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		r = orgs_not_found(err, id);
	/* Deals need their organization (deal.org_id is NOT NULL): refuse
	 * rather than let the foreign key fail as a database error. */
	if (r == R_OK) {
		r = sq_exists(s, "SELECT 1 FROM deal WHERE org_id = $1", id,
			      err);
		if (r == R_OK)
			r = error_set(err, R_CONFLICT, "id",
				      "organization %lld has deals; delete "
				      "them or move them to another "
				      "organization first",
				      (long long)id);
		else if (r == R_NOT_FOUND)
			r = R_OK;
	}
	if (r == R_OK)
		r = store_search_set_org(s, id, NULL, err);
	if (r == R_OK) {
		sqlite3_stmt *st =
		    sq_prep(s, "DELETE FROM organization WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting an organization", err);
		}
	}
	return sq_end(s, r, err);
}

enum result store_org_list(struct store *s, struct arena *a,
			   const struct store_page *page,
			   struct organization **items, size_t *n, bool *more,
			   struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT " ORG_COLUMNS " FROM organization "
				   "WHERE id > $1 ORDER BY id LIMIT $2",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, sq_after(page));
	sq_bind_i64(st, 2, (int64_t)limit + 1);
	struct organization *os = arena_alloc(a, sizeof(*os) * (size_t)limit);
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing organizations", err)) == R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			break;
		}
		orgs_read_row(a, st, &os[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = os;
	*n = count;
	return R_OK;
}
