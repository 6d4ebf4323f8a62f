/*
 * store_sessions.c: browser sessions and login attempts (store layer,
 * SQLite driver).
 *
 * A session is found by the hash of its token together with its user in
 * one statement, since that happens on every request that carries a
 * cookie; a disabled user's sessions are not found. Whether a session
 * found has expired is core's rule (auth_session_state), so the clock
 * stays with the caller. Login attempts are counted per login typed or
 * per client address, from the last success on (see core/auth.c for the
 * back-off they feed).
 */
#include "sq_auth.h"

#include <string.h>

#include "util/arena.h"

enum result store_session_create(struct store *s, struct session *sess,
				 struct error *err)
{
	if (!sess->token_hash || !sess->token_hash[0] || sess->user_id <= 0)
		return error_set(err, R_INVALID, "session",
				 "a session needs a token hash and a user");
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO session (token_hash, user_id, created_at, "
		    "last_seen, expires_at, address) "
		    "VALUES ($1, $2, $3, $4, $5, $6)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, sess->token_hash);
	sq_bind_i64(st, 2, sess->user_id);
	sq_bind_i64(st, 3, sess->created_at);
	sq_bind_i64(st, 4, sess->last_seen);
	sq_bind_i64(st, 5, sess->expires_at);
	sq_bind_text(st, 6, sess->address);
	enum result r = sq_exec(s, st, "starting a session", err);
	if (r == R_OK)
		sess->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

enum result store_session_find(struct store *s, struct arena *a,
			       const char *token_hash, struct session *out,
			       struct user *user, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT x.id, x.user_id, x.created_at, x.last_seen, "
		    "x.expires_at, x.address, " SQ_USER_COLS
		    "FROM session x JOIN app_user u ON u.id = x.user_id "
		    "LEFT JOIN team t ON t.id = u.team_id "
		    "WHERE x.token_hash = $1 AND u.disabled = 0",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, token_hash);
	enum result r = sq_row(s, st, "reading a session", err);
	if (r == R_OK) {
		memset(out, 0, sizeof(*out));
		out->id = sq_i64(st, 0);
		out->token_hash = arena_strdup(a, token_hash);
		out->user_id = sq_i64(st, 1);
		out->created_at = sq_i64(st, 2);
		out->last_seen = sq_i64(st, 3);
		out->expires_at = sq_i64(st, 4);
		out->address = sq_text(a, st, 5);
		sq_user_read(a, st, 6, user);
	}
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		error_set(err, r, "", "there is no such session");
	return r;
}

enum result store_session_touch(struct store *s, int64_t id, int64_t now,
				struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "UPDATE session SET last_seen = $1 WHERE id = $2", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, now);
	sq_bind_i64(st, 2, id);
	return sq_exec(s, st, "noting a session's use", err);
}

enum result store_session_delete(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, "DELETE FROM session WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "ending a session", err);
}

enum result store_session_delete_user(struct store *s, int64_t user_id,
				      int64_t keep_id, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "DELETE FROM session WHERE user_id = $1 AND id <> $2", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, user_id);
	sq_bind_i64(st, 2, keep_id);
	return sq_exec(s, st, "ending a user's sessions", err);
}

enum result store_session_purge(struct store *s, int64_t now,
				int64_t idle_before, int64_t *n,
				struct error *err)
{
	*n = 0;
	sqlite3_stmt *st = sq_prep(
	    s, "DELETE FROM session WHERE expires_at <= $1 OR last_seen < $2",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, now);
	sq_bind_i64(st, 2, idle_before);
	enum result r = sq_exec(s, st, "purging ended sessions", err);
	if (r == R_OK)
		*n = sqlite3_changes(s->db);
	return r;
}

enum result store_login_record(struct store *s, const char *login,
			       const char *address, bool ok, int64_t now,
			       struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO login_attempt (login, address, ok, at) "
		    "VALUES ($1, $2, $3, $4)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, login ? login : "");
	sq_bind_text(st, 2, address ? address : "");
	sq_bind_i64(st, 3, ok ? 1 : 0);
	sq_bind_i64(st, 4, now);
	return sq_exec(s, st, "recording a login attempt", err);
}

enum result store_login_failures(struct store *s, const char *key,
				 bool by_address, int64_t since, int64_t *count,
				 int64_t *last, struct error *err)
{
	*count = 0;
	*last = 0;
	/* Two literals rather than a column name pasted in. */
	sqlite3_stmt *st =
	    by_address
		? sq_prep(s,
			  "SELECT count(*), coalesce(max(at), 0) FROM "
			  "login_attempt WHERE address = $1 AND ok = 0 AND "
			  "at > $2 AND id > (SELECT coalesce(max(id), 0) "
			  "FROM login_attempt WHERE address = $1 AND ok = 1)",
			  err)
		: sq_prep(s,
			  "SELECT count(*), coalesce(max(at), 0) FROM "
			  "login_attempt WHERE login = $1 AND ok = 0 AND "
			  "at > $2 AND id > (SELECT coalesce(max(id), 0) "
			  "FROM login_attempt WHERE login = $1 AND ok = 1)",
			  err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, key ? key : "");
	sq_bind_i64(st, 2, since);
	enum result r = sq_row(s, st, "counting login failures", err);
	if (r == R_OK) {
		*count = sq_i64(st, 0);
		*last = sq_i64(st, 1);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

enum result store_login_purge(struct store *s, int64_t before,
			      struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM login_attempt WHERE at < $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, before);
	return sq_exec(s, st, "forgetting old login attempts", err);
}
