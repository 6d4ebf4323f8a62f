/*
 * store_tokens.c: API tokens and the buyer's links (store layer, SQLite
 * driver).
 *
 * Both are random tokens known here only by their hash. A revoked token
 * or link is kept with the time it was revoked, so that lists show it;
 * lookups find only live ones. A token is revoked by its owner only:
 * another user's token id is "not found", which tells nothing about
 * whether it exists.
 */
#include "sq_auth.h"

#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"

enum result store_token_create(struct store *s, struct api_token *t,
			       const char *token_hash, struct error *err)
{
	size_t len = t->name ? strlen(t->name) : 0;
	if (len == 0 || len > STORE_TOKEN_NAME_MAX || !utf8_valid(t->name, len))
		return error_set(err, R_INVALID, "name",
				 "name: give the token a name of 1 to %d "
				 "characters, e.g. \"laptop script\"",
				 STORE_TOKEN_NAME_MAX);
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO api_token (token_hash, user_id, name, "
		    "read_only, created_at) VALUES ($1, $2, $3, $4, $5)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, token_hash);
	sq_bind_i64(st, 2, t->user_id);
	sq_bind_text(st, 3, t->name);
	sq_bind_i64(st, 4, t->read_only ? 1 : 0);
	sq_bind_i64(st, 5, t->created_at);
	enum result r = sq_exec(s, st, "adding an API token", err);
	if (r == R_OK)
		t->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

static void token_read(struct arena *a, sqlite3_stmt *st, struct api_token *t)
{
	memset(t, 0, sizeof(*t));
	t->id = sq_i64(st, 0);
	t->user_id = sq_i64(st, 1);
	t->name = sq_text(a, st, 2);
	t->read_only = sq_int(st, 3) != 0;
	t->created_at = sq_i64(st, 4);
	t->last_used = sq_i64(st, 5);
	t->revoked_at = sq_i64(st, 6);
}

enum result store_token_list(struct store *s, struct arena *a, int64_t user_id,
			     struct api_token **items, size_t *n,
			     struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT id, user_id, name, read_only, created_at, "
		    "coalesce(last_used, 0), coalesce(revoked_at, 0) "
		    "FROM api_token WHERE user_id = $1 ORDER BY id DESC",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, user_id);
	size_t count = 0, cap = 0;
	struct api_token *ts = NULL;
	enum result r;
	while ((r = sq_row(s, st, "listing API tokens", err)) == R_OK) {
		ts = sq_grow(a, ts, count, &cap, sizeof(*ts));
		token_read(a, st, &ts[count++]);
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = ts;
	*n = count;
	return R_OK;
}

enum result store_token_find(struct store *s, struct arena *a,
			     const char *token_hash, struct api_token *out,
			     struct user *user, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT k.id, k.user_id, k.name, k.read_only, "
		    "k.created_at, coalesce(k.last_used, 0), 0, " SQ_USER_COLS
		    "FROM api_token k JOIN app_user u ON u.id = k.user_id "
		    "LEFT JOIN team t ON t.id = u.team_id "
		    "WHERE k.token_hash = $1 AND k.revoked_at IS NULL "
		    "AND u.disabled = 0",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, token_hash);
	enum result r = sq_row(s, st, "reading an API token", err);
	if (r == R_OK) {
		token_read(a, st, out);
		sq_user_read(a, st, 7, user);
	}
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		error_set(err, r, "", "there is no such API token");
	return r;
}

enum result store_token_used(struct store *s, int64_t id, int64_t now,
			     struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "UPDATE api_token SET last_used = $1 WHERE id = $2", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, now);
	sq_bind_i64(st, 2, id);
	return sq_exec(s, st, "noting an API token's use", err);
}

enum result store_token_revoke(struct store *s, int64_t user_id, int64_t id,
			       int64_t now, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE api_token SET revoked_at = coalesce(revoked_at, $1) "
	    "WHERE id = $2 AND user_id = $3",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, now);
	sq_bind_i64(st, 2, id);
	sq_bind_i64(st, 3, user_id);
	enum result r = sq_exec(s, st, "revoking an API token", err);
	if (r == R_OK && sqlite3_changes(s->db) == 0)
		r = error_set(err, R_NOT_FOUND, "",
			      "you have no API token %lld", (long long)id);
	return r;
}

/* ---- buyer links ---- */

enum result store_link_create(struct store *s, struct buyer_link *l,
			      const char *token_hash, struct error *err)
{
	if (l->expires_at <= l->created_at)
		return error_set(err, R_INVALID, "expires_at",
				 "expires_at: must be after the link is made");
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", l->deal_id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_INVALID, "deal_id",
			      "deal_id: there is no deal %lld",
			      (long long)l->deal_id);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO buyer_link (token_hash, deal_id, "
			     "created_by, created_at, expires_at) "
			     "VALUES ($1, $2, $3, $4, $5)",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, token_hash);
		sq_bind_i64(st, 2, l->deal_id);
		sq_bind_id(st, 3, l->created_by);
		sq_bind_i64(st, 4, l->created_at);
		sq_bind_i64(st, 5, l->expires_at);
		r = sq_exec(s, st, "sharing a deal", err);
	}
	if (r == R_OK)
		l->id = sqlite3_last_insert_rowid(s->db);
	return sq_end(s, r, err);
}

static void link_read(sqlite3_stmt *st, struct buyer_link *l)
{
	memset(l, 0, sizeof(*l));
	l->id = sq_i64(st, 0);
	l->deal_id = sq_i64(st, 1);
	l->created_by = sq_i64(st, 2);
	l->created_at = sq_i64(st, 3);
	l->expires_at = sq_i64(st, 4);
	l->revoked_at = sq_i64(st, 5);
}

enum result store_link_find(struct store *s, const char *token_hash,
			    int64_t now, struct buyer_link *out,
			    struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT id, deal_id, coalesce(created_by, 0), created_at, "
		    "expires_at, 0 FROM buyer_link WHERE token_hash = $1 "
		    "AND revoked_at IS NULL AND expires_at > $2",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, token_hash);
	sq_bind_i64(st, 2, now);
	enum result r = sq_row(s, st, "reading a shared link", err);
	if (r == R_OK)
		link_read(st, out);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		error_set(err, r, "",
			  "this link does not work (any more); ask the seller "
			  "who shared it for a new one");
	return r;
}

enum result store_link_list(struct store *s, struct arena *a, int64_t deal_id,
			    struct buyer_link **items, size_t *n,
			    struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT id, deal_id, coalesce(created_by, 0), created_at, "
		    "expires_at, coalesce(revoked_at, 0) FROM buyer_link "
		    "WHERE deal_id = $1 ORDER BY id DESC",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	size_t count = 0, cap = 0;
	struct buyer_link *ls = NULL;
	enum result r;
	while ((r = sq_row(s, st, "listing shared links", err)) == R_OK) {
		ls = sq_grow(a, ls, count, &cap, sizeof(*ls));
		link_read(st, &ls[count++]);
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = ls;
	*n = count;
	return R_OK;
}

enum result store_link_revoke(struct store *s, int64_t deal_id, int64_t id,
			      int64_t now, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE buyer_link SET revoked_at = coalesce(revoked_at, $1) "
	    "WHERE id = $2 AND deal_id = $3",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, now);
	sq_bind_i64(st, 2, id);
	sq_bind_i64(st, 3, deal_id);
	enum result r = sq_exec(s, st, "revoking a shared link", err);
	if (r == R_OK && sqlite3_changes(s->db) == 0)
		r = error_set(err, R_NOT_FOUND, "",
			      "deal %lld has no shared link %lld",
			      (long long)deal_id, (long long)id);
	return r;
}
