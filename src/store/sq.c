/*
 * sq.c: helpers around sqlite3 shared by the SQLite driver (store layer).
 *
 * The statement cache (keyed by the address of each SQL literal, so every
 * call site prepares its statement once per connection), binding and
 * stepping with errors turned into struct error, write scopes that nest as
 * savepoints, and small arena helpers. See sq.h for the contracts.
 */
#include "sq.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/arena.h"

static size_t sq_slot_of(const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return (size_t)(h % STORE_STMT_SLOTS);
}

/* True when every parameter of st is named $N with N its own index. */
static bool sq_params_in_order(sqlite3_stmt *st)
{
	int n = sqlite3_bind_parameter_count(st);
	for (int i = 1; i <= n; i++) {
		char want[16];
		snprintf(want, sizeof(want), "$%d", i);
		const char *name = sqlite3_bind_parameter_name(st, i);
		if (!name || strcmp(name, want) != 0)
			return false;
	}
	return true;
}

sqlite3_stmt *sq_prep(struct store *s, const char *sql, struct error *err)
{
	size_t i = sq_slot_of(sql);
	for (size_t probe = 0; probe < STORE_STMT_SLOTS; probe++) {
		struct store_stmt_slot *slot = &s->slots[i];
		if (slot->sql == sql) {
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (!slot->sql)
			break;
		i = (i + 1) % STORE_STMT_SLOTS;
	}
	if (s->slots[i].sql) {
		error_set(err, R_DB, "",
			  "internal: the statement cache is full");
		return NULL;
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
			       NULL) != SQLITE_OK) {
		sq_fail(s, "preparing a statement", err);
		return NULL;
	}
	if (!sq_params_in_order(st)) {
		sqlite3_finalize(st);
		error_set(err, R_DB, "",
			  "internal: a statement's parameters are not $1, $2, "
			  "... in order of first use: %.300s",
			  sql);
		return NULL;
	}
	s->slots[i].sql = sql;
	s->slots[i].stmt = st;
	return st;
}

enum result sq_fail(struct store *s, const char *what, struct error *err)
{
	int code = sqlite3_extended_errcode(s->db);
	int primary = code & 0xff;
	s->busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
	enum result r = R_DB;
	if (code == SQLITE_CONSTRAINT_UNIQUE ||
	    code == SQLITE_CONSTRAINT_PRIMARYKEY)
		r = R_CONFLICT;
	return error_set(err, r, "", "database error while %s: %s", what,
			 sqlite3_errmsg(s->db));
}

void sq_bind_i64(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void sq_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

enum result sq_row(struct store *s, sqlite3_stmt *st, const char *what,
		   struct error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return R_OK;
	if (rc == SQLITE_DONE)
		return R_NOT_FOUND;
	enum result r = sq_fail(s, what, err);
	sqlite3_reset(st);
	return r;
}

enum result sq_exec(struct store *s, sqlite3_stmt *st, const char *what,
		    struct error *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	enum result r = R_OK;
	if (rc != SQLITE_DONE)
		r = sq_fail(s, what, err);
	sqlite3_reset(st);
	return r;
}

const char *sq_text(struct arena *a, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return NULL;
	return arena_strndup(a, (const char *)t,
			     (size_t)sqlite3_column_bytes(st, col));
}

int64_t sq_i64(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);
}

int sq_int(sqlite3_stmt *st, int col)
{
	int64_t v = sqlite3_column_int64(st, col);
	if (v > INT32_MAX)
		return INT32_MAX;
	if (v < INT32_MIN)
		return INT32_MIN;
	return (int)v;
}

bool sq_null(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL;
}

/* Runs one of the fixed scope statements. */
static enum result sq_scope_exec(struct store *s, const char *sql,
				 const char *what, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, sql, err);
	if (!st)
		return R_DB;
	return sq_exec(s, st, what, err);
}

enum result sq_begin(struct store *s, struct error *err)
{
	enum result r;
	if (s->depth == 0)
		r = sq_scope_exec(s, "BEGIN IMMEDIATE",
				  "starting a transaction", err);
	else
		r = sq_scope_exec(s, "SAVEPOINT store_w", "opening a savepoint",
				  err);
	if (r == R_OK)
		s->depth++;
	return r;
}

enum result sq_end(struct store *s, enum result r, struct error *err)
{
	s->depth--;
	if (s->depth == 0) {
		if (r == R_OK &&
		    sq_scope_exec(s, "COMMIT", "committing", err) == R_OK)
			return R_OK;
		sq_scope_exec(s, "ROLLBACK", "rolling back", NULL);
		return r == R_OK ? R_DB : r;
	}
	if (r != R_OK)
		sq_scope_exec(s, "ROLLBACK TO store_w", "rolling back", NULL);
	enum result rel =
	    sq_scope_exec(s, "RELEASE store_w", "releasing a savepoint",
			  r == R_OK ? err : NULL);
	return r == R_OK ? rel : r;
}

enum result sq_read_begin(struct store *s, struct error *err)
{
	if (s->depth == 0 &&
	    sq_scope_exec(s, "BEGIN", "starting a read", err) != R_OK)
		return R_DB;
	s->depth++;
	return R_OK;
}

void sq_read_end(struct store *s)
{
	s->depth--;
	if (s->depth == 0)
		sq_scope_exec(s, "COMMIT", "ending a read", NULL);
}

enum result sq_exists(struct store *s, const char *sql, int64_t id,
		      struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, sql, err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "checking a reference", err);
	sqlite3_reset(st);
	return r;
}

int sq_limit(const struct store_page *page)
{
	if (!page || page->limit <= 0)
		return STORE_LIMIT_DEFAULT;
	return page->limit > STORE_LIMIT_MAX ? STORE_LIMIT_MAX : page->limit;
}

int64_t sq_after(const struct store_page *page)
{
	return page && page->after_id > 0 ? page->after_id : 0;
}

int64_t sq_now(void)
{
	return (int64_t)time(NULL);
}

void *sq_grow(struct arena *a, void *items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = arena_alloc(a, ncap * size);
	if (n)
		memcpy(p, items, n * size);
	*cap = ncap;
	return p;
}

const char *sq_display_name(struct arena *a, const char *given,
			    const char *family)
{
	size_t g = given ? strlen(given) : 0;
	size_t f = family ? strlen(family) : 0;
	char *out = arena_alloc(a, g + f + 2);
	if (g)
		memcpy(out, given, g);
	if (f) {
		out[g] = ' ';
		memcpy(out + g + 1, family, f);
		out[g + 1 + f] = '\0';
	} else {
		out[g] = '\0';
	}
	return out;
}

bool sq_sees_all(const struct store *s)
{
	return s->viewer.user_id <= 0 || s->viewer.role == AUTH_ROLE_ADMIN;
}

void sq_bind_viewer(struct store *s, sqlite3_stmt *st, int i)
{
	const struct auth_subject *v = &s->viewer;
	bool all = v->user_id <= 0 || v->role == AUTH_ROLE_ADMIN;
	sqlite3_bind_int64(st, i, all ? 0 : v->user_id);
	sqlite3_bind_int64(st, i + 1, v->team_id);
	sqlite3_bind_int64(st, i + 2, v->role == AUTH_ROLE_MANAGER);
}

void sq_bind_owner(struct store *s, sqlite3_stmt *st, int i)
{
	sqlite3_bind_int64(st, i, s->viewer.user_id > 0 ? s->viewer.user_id : 0);
}
