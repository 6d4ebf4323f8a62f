/*
 * store_plan.c: the buying committee and the mutual plan of a deal
 * (store layer, SQLite driver).
 *
 * Both hang off a deal and are read whole with it (a committee has a
 * handful of people, a plan a handful of steps), so their lists are not
 * paged. A new plan step goes to the end of the plan. Person names are
 * joined in on read, for the deal's page.
 */
#include <string.h>

#include "sq.h"
#include "store/store_deal.h"

/* R_OK when deal id exists, else R_NOT_FOUND with a message. */
static enum result plan_deal_exists(struct store *s, int64_t id,
				    struct error *err)
{
	enum result r =
		sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "id", "there is no deal %lld",
				 (long long)id);
	return r;
}

/* R_OK when person id exists, else R_INVALID naming field. */
static enum result plan_person_exists(struct store *s, const char *field,
				      int64_t id, struct error *err)
{
	enum result r = sq_person_visible(s, id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, field,
				 "%s: there is no person %lld (add them "
				 "first, or pick another)",
				 field, (long long)id);
	return r;
}

/* ---- stakeholders ---- */

#define SH_SELECT                                                          \
	"SELECT k.id, k.deal_id, k.person_id, p.given_name, p.family_name, " \
	"k.role, k.stance, k.notes, k.created_at FROM stakeholder k "       \
	"JOIN person p ON p.id = k.person_id "

static void sh_read_row(struct arena *a, sqlite3_stmt *st,
			struct stakeholder *k)
{
	memset(k, 0, sizeof(*k));
	k->id = sq_i64(st, 0);
	k->deal_id = sq_i64(st, 1);
	k->person_id = sq_i64(st, 2);
	k->person_name =
		sq_display_name(a, (const char *)sqlite3_column_text(st, 3),
				(const char *)sqlite3_column_text(st, 4));
	stakeholder_role_parse((const char *)sqlite3_column_text(st, 5),
			       &k->role);
	stakeholder_stance_parse((const char *)sqlite3_column_text(st, 6),
				 &k->stance);
	k->notes = sq_text(a, st, 7);
	k->created_at = sq_i64(st, 8);
}

static enum result sh_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no stakeholder %lld",
			 (long long)id);
}

/* The clash message when the person is already on the deal. */
static enum result sh_conflict(enum result r, const struct stakeholder *k,
			       struct error *err)
{
	if (r != R_CONFLICT)
		return r;
	return error_set(err, R_CONFLICT, "person_id",
			 "person_id: person %lld is already on this deal's "
			 "committee (change their role or stance instead)",
			 (long long)k->person_id);
}

enum result store_stakeholder_create(struct store *s, struct stakeholder *k,
				     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = plan_deal_exists(s, k->deal_id, err);
	if (r == R_OK)
		r = plan_person_exists(s, "person_id", k->person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO stakeholder (deal_id, person_id, "
			     "role, stance, notes, created_at) VALUES ($1, $2, "
			     "$3, $4, $5, $6) RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		k->created_at = sq_now();
		sq_bind_i64(st, 1, k->deal_id);
		sq_bind_i64(st, 2, k->person_id);
		sq_bind_text(st, 3, stakeholder_role_name(k->role));
		sq_bind_text(st, 4, stakeholder_stance_name(k->stance));
		sq_bind_text(st, 5, k->notes);
		sq_bind_i64(st, 6, k->created_at);
		r = sq_row(s, st, "adding a stakeholder", err);
		if (r == R_OK)
			k->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
		r = sh_conflict(r, k, err);
	}
	return sq_end(s, r, err);
}

enum result store_stakeholder_get(struct store *s, struct arena *a,
				  int64_t id, struct stakeholder *out,
				  struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, SH_SELECT "WHERE k.id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a stakeholder", err);
	if (r == R_OK)
		sh_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? sh_not_found(err, id) : r;
}

enum result store_stakeholder_update(struct store *s, struct stakeholder *k,
				     struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = plan_person_exists(s, "person_id", k->person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE stakeholder SET person_id = $1, role = "
			     "$2, stance = $3, notes = $4 WHERE id = $5 "
			     "RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_i64(st, 1, k->person_id);
		sq_bind_text(st, 2, stakeholder_role_name(k->role));
		sq_bind_text(st, 3, stakeholder_stance_name(k->stance));
		sq_bind_text(st, 4, k->notes);
		sq_bind_i64(st, 5, k->id);
		r = sq_row(s, st, "updating a stakeholder", err);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = sh_not_found(err, k->id);
		r = sh_conflict(r, k, err);
	}
	return sq_end(s, r, err);
}

/* Deletes one row of table by id (the SQL names the table). */
static enum result plan_delete_row(struct store *s, const char *exists_sql,
				   const char *delete_sql, int64_t id,
				   const char *what, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = sq_exists(s, exists_sql, id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id", "there is no %s %lld",
			      what, (long long)id);
	if (r == R_OK) {
		sqlite3_stmt *st = sq_prep(s, delete_sql, err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting", err);
		}
	}
	return sq_end(s, r, err);
}

enum result store_stakeholder_delete(struct store *s, int64_t id,
				     struct error *err)
{
	return plan_delete_row(s, "SELECT 1 FROM stakeholder WHERE id = $1",
			       "DELETE FROM stakeholder WHERE id = $1", id,
			       "stakeholder", err);
}

enum result store_stakeholder_list(struct store *s, struct arena *a,
				   int64_t deal_id, struct stakeholder **items,
				   size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	enum result r = plan_deal_exists(s, deal_id, err);
	if (r != R_OK)
		return r;
	sqlite3_stmt *st = sq_prep(
		s, SH_SELECT "WHERE k.deal_id = $1 ORDER BY k.id", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	struct stakeholder *ks = NULL;
	size_t count = 0, cap = 0;
	while ((r = sq_row(s, st, "listing stakeholders", err)) == R_OK) {
		ks = sq_grow(a, ks, count, &cap, sizeof(*ks));
		sh_read_row(a, st, &ks[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = ks;
	*n = count;
	return R_OK;
}

/* ---- plan steps ---- */

#define STEP_SELECT                                                           \
	"SELECT s.id, s.deal_id, s.title, s.side, s.owner_person_id, "        \
	"p.given_name, p.family_name, s.due_on, s.done_at, s.position, "      \
	"s.created_at FROM plan_step s LEFT JOIN person p ON p.id = "         \
	"s.owner_person_id "

static void step_read_row(struct arena *a, sqlite3_stmt *st,
			  struct plan_step *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sq_i64(st, 0);
	p->deal_id = sq_i64(st, 1);
	p->title = sq_text(a, st, 2);
	plan_side_parse((const char *)sqlite3_column_text(st, 3), &p->side);
	p->owner_person_id = sq_i64(st, 4);
	if (!sq_null(st, 5))
		p->owner_person_name = sq_display_name(
			a, (const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6));
	p->has_due_on = !sq_null(st, 7);
	p->due_on = sq_i64(st, 7);
	p->done_at = sq_i64(st, 8);
	p->position = sq_int(st, 9);
	p->created_at = sq_i64(st, 10);
}

static enum result step_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no plan step %lld",
			 (long long)id);
}

/* Binds the step's fields as $1..$6: title, side, owner, due, done,
 * position. */
static void step_bind(sqlite3_stmt *st, const struct plan_step *p)
{
	sq_bind_text(st, 1, p->title ? p->title : "");
	sq_bind_text(st, 2, plan_side_name(p->side));
	sq_bind_id(st, 3, p->owner_person_id);
	if (p->has_due_on)
		sq_bind_i64(st, 4, p->due_on);
	else
		sqlite3_bind_null(st, 4);
	sq_bind_id(st, 5, p->done_at);
	sq_bind_i64(st, 6, p->position);
}

enum result store_plan_step_create(struct store *s, struct plan_step *p,
				   struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = plan_deal_exists(s, p->deal_id, err);
	if (r == R_OK && p->owner_person_id)
		r = plan_person_exists(s, "owner_person_id",
				       p->owner_person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "SELECT coalesce(max(position) + 1, 0) FROM "
			     "plan_step WHERE deal_id = $1",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_i64(st, 1, p->deal_id);
		r = sq_row(s, st, "placing a plan step", err);
		if (r == R_OK)
			p->position = sq_int(st, 0);
		sqlite3_reset(st);
		st = sq_prep(s,
			     "INSERT INTO plan_step (title, side, "
			     "owner_person_id, due_on, done_at, position, "
			     "deal_id, created_at) VALUES ($1, $2, $3, $4, $5, "
			     "$6, $7, $8) RETURNING id",
			     err);
		r = r == R_OK && st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		p->created_at = sq_now();
		step_bind(st, p);
		sq_bind_i64(st, 7, p->deal_id);
		sq_bind_i64(st, 8, p->created_at);
		r = sq_row(s, st, "adding a plan step", err);
		if (r == R_OK)
			p->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	return sq_end(s, r, err);
}

enum result store_plan_step_get(struct store *s, struct arena *a, int64_t id,
				struct plan_step *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, STEP_SELECT "WHERE s.id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a plan step", err);
	if (r == R_OK)
		step_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? step_not_found(err, id) : r;
}

enum result store_plan_step_update(struct store *s, struct plan_step *p,
				   struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = R_OK;
	if (p->owner_person_id)
		r = plan_person_exists(s, "owner_person_id",
				       p->owner_person_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE plan_step SET title = $1, side = $2, "
			     "owner_person_id = $3, due_on = $4, done_at = $5, "
			     "position = $6 WHERE id = $7 RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		step_bind(st, p);
		sq_bind_i64(st, 7, p->id);
		r = sq_row(s, st, "updating a plan step", err);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = step_not_found(err, p->id);
	}
	return sq_end(s, r, err);
}

enum result store_plan_step_delete(struct store *s, int64_t id,
				   struct error *err)
{
	return plan_delete_row(s, "SELECT 1 FROM plan_step WHERE id = $1",
			       "DELETE FROM plan_step WHERE id = $1", id,
			       "plan step", err);
}

enum result store_plan_step_list(struct store *s, struct arena *a,
				 int64_t deal_id, struct plan_step **items,
				 size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	enum result r = plan_deal_exists(s, deal_id, err);
	if (r != R_OK)
		return r;
	sqlite3_stmt *st = sq_prep(
		s, STEP_SELECT "WHERE s.deal_id = $1 ORDER BY s.position, s.id",
		err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	struct plan_step *ps = NULL;
	size_t count = 0, cap = 0;
	while ((r = sq_row(s, st, "listing plan steps", err)) == R_OK) {
		ps = sq_grow(a, ps, count, &cap, sizeof(*ps));
		step_read_row(a, st, &ps[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = ps;
	*n = count;
	return R_OK;
}
