/*
 * store_users.c: users and teams (store layer, SQLite driver).
 *
 * A user's password is kept as the Argon2id string the caller made; a
 * new one ends every session of the user in the same transaction, so
 * that changing a password throws out whoever knew the old one. The last
 * admin who can still log in cannot be deleted, so an installation is
 * never left without someone able to manage it.
 */
#include "sq_auth.h"

#include <string.h>

void sq_user_read(struct arena *a, sqlite3_stmt *st, int col, struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = sq_i64(st, col);
	u->login = sq_text(a, st, col + 1);
	u->display_name = sq_text(a, st, col + 2);
	const char *role = (const char *)sqlite3_column_text(st, col + 3);
	u->role = AUTH_ROLE_NONE;
	auth_role_parse(role, &u->role);
	u->team_id = sq_i64(st, col + 4);
	u->team_name = sq_text(a, st, col + 5);
	u->password_hash = sq_text(a, st, col + 6);
	u->created_at = sq_i64(st, col + 7);
	u->password_changed_at = sq_i64(st, col + 8);
	u->disabled = sq_int(st, col + 9) != 0;
}

static enum result user_check_refs(struct store *s, const struct user *u,
				   struct error *err)
{
	if (u->role == AUTH_ROLE_NONE)
		return error_set(err, R_INVALID, "role",
				 "role: use admin, manager or seller");
	if (u->team_id) {
		enum result r = sq_exists(s, "SELECT 1 FROM team WHERE id = $1",
					  u->team_id, err);
		if (r == R_NOT_FOUND)
			return error_set(err, R_INVALID, "team_id",
					 "team_id: there is no team %lld",
					 (long long)u->team_id);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

enum result store_user_create(struct store *s, struct user *u, int64_t now,
			      struct error *err)
{
	if (!u->login || !u->login[0] || !u->password_hash ||
	    !u->password_hash[0])
		return error_set(err, R_INVALID, "login",
				 "login: a user needs a login and a password");
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = user_check_refs(s, u, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO app_user (login, display_name, role, "
			     "team_id, password_hash, created_at, "
			     "password_changed_at, disabled) "
			     "VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, u->login);
		sq_bind_text(st, 2, u->display_name);
		sq_bind_text(st, 3, auth_role_name(u->role));
		sq_bind_id(st, 4, u->team_id);
		sq_bind_text(st, 5, u->password_hash);
		sq_bind_i64(st, 6, now);
		sq_bind_i64(st, 7, u->disabled ? 1 : 0);
		r = sq_exec(s, st, "adding a user", err);
		if (r == R_CONFLICT)
			error_set(err, R_CONFLICT, "login",
				  "login: %s is taken; choose another",
				  u->login);
	}
	if (r == R_OK) {
		u->id = sqlite3_last_insert_rowid(s->db);
		u->created_at = now;
		u->password_changed_at = now;
	}
	return sq_end(s, r, err);
}

enum result store_user_get(struct store *s, struct arena *a, int64_t id,
			   struct user *out, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT " SQ_USER_COLS "FROM app_user u LEFT JOIN team t "
		    "ON t.id = u.team_id WHERE u.id = $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a user", err);
	if (r == R_OK)
		sq_user_read(a, st, 0, out);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		error_set(err, r, "", "there is no user %lld", (long long)id);
	return r;
}

enum result store_user_by_login(struct store *s, struct arena *a,
				const char *login, struct user *out,
				struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT " SQ_USER_COLS "FROM app_user u LEFT JOIN team t "
		    "ON t.id = u.team_id WHERE u.login = $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, login);
	enum result r = sq_row(s, st, "reading a user", err);
	if (r == R_OK)
		sq_user_read(a, st, 0, out);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		error_set(err, r, "login", "login: there is no user %s", login);
	return r;
}

enum result store_user_list(struct store *s, struct arena *a,
			    struct user **items, size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT " SQ_USER_COLS "FROM app_user u LEFT JOIN team t "
		    "ON t.id = u.team_id ORDER BY u.login",
		    err);
	if (!st)
		return R_DB;
	size_t count = 0, cap = 0;
	struct user *us = NULL;
	enum result r;
	while ((r = sq_row(s, st, "listing users", err)) == R_OK) {
		us = sq_grow(a, us, count, &cap, sizeof(*us));
		sq_user_read(a, st, 0, &us[count++]);
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = us;
	*n = count;
	return R_OK;
}

enum result store_user_count(struct store *s, int64_t *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, "SELECT count(*) FROM app_user", err);
	if (!st)
		return R_DB;
	enum result r = sq_row(s, st, "counting users", err);
	*out = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* R_OK when user id exists, R_NOT_FOUND (with a message) when not. */
static enum result user_exists(struct store *s, int64_t id, struct error *err)
{
	enum result r =
	    sq_exists(s, "SELECT 1 FROM app_user WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		error_set(err, r, "", "there is no user %lld", (long long)id);
	return r;
}

enum result store_user_set_password(struct store *s, int64_t id,
				    const char *password_hash, int64_t now,
				    struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = user_exists(s, id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE app_user SET password_hash = $1, "
			     "password_changed_at = $2 WHERE id = $3",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, password_hash);
		sq_bind_i64(st, 2, now);
		sq_bind_i64(st, 3, id);
		r = sq_exec(s, st, "changing a password", err);
	}
	if (r == R_OK)
		r = store_session_delete_user(s, id, 0, err);
	return sq_end(s, r, err);
}

/* Counts admins who can log in, other than except_id. */
static enum result user_other_admins(struct store *s, int64_t except_id,
				     int64_t *n, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT count(*) FROM app_user WHERE role = "
				   "'admin' AND disabled = 0 AND id <> $1",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, except_id);
	enum result r = sq_row(s, st, "counting admins", err);
	*n = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* R_CONFLICT when taking user id away would leave no admin. */
static enum result user_keep_an_admin(struct store *s, int64_t id,
				      const char *doing, struct error *err)
{
	int64_t others = 0;
	enum result r = user_other_admins(s, id, &others, err);
	if (r == R_OK && others == 0)
		r = error_set(err, R_CONFLICT, "",
			      "cannot %s the last admin; make another user "
			      "an admin first",
			      doing);
	return r;
}

enum result store_user_update(struct store *s, const struct user *u,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = user_exists(s, u->id, err);
	if (r == R_OK)
		r = user_check_refs(s, u, err);
	if (r == R_OK && (u->role != AUTH_ROLE_ADMIN || u->disabled))
		r = user_keep_an_admin(s, u->id, "demote or disable", err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st =
		    sq_prep(s,
			    "UPDATE app_user SET display_name = $1, role = $2, "
			    "team_id = $3, disabled = $4 WHERE id = $5",
			    err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, u->display_name);
		sq_bind_text(st, 2, auth_role_name(u->role));
		sq_bind_id(st, 3, u->team_id);
		sq_bind_i64(st, 4, u->disabled ? 1 : 0);
		sq_bind_i64(st, 5, u->id);
		r = sq_exec(s, st, "changing a user", err);
	}
	if (r == R_OK && u->disabled)
		r = store_session_delete_user(s, u->id, 0, err);
	return sq_end(s, r, err);
}

enum result store_user_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = user_exists(s, id, err);
	if (r == R_OK) {
		struct user u;
		struct arena *a = arena_new();
		r = store_user_get(s, a, id, &u, err);
		if (r == R_OK && u.role == AUTH_ROLE_ADMIN && !u.disabled)
			r = user_keep_an_admin(s, id, "delete", err);
		arena_free(a);
	}
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s, "DELETE FROM app_user WHERE id = $1", err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_i64(st, 1, id);
		r = sq_exec(s, st, "deleting a user", err);
	}
	return sq_end(s, r, err);
}

enum result store_team_ensure(struct store *s, const char *name, int64_t now,
			      int64_t *id, struct error *err)
{
	if (!name || !name[0] || strlen(name) > 100)
		return error_set(err, R_INVALID, "team",
				 "team: give a name of 1 to 100 characters");
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO team (name, created_at) "
		    "VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
		    err);
	enum result r = st ? R_OK : R_DB;
	if (r == R_OK) {
		sq_bind_text(st, 1, name);
		sq_bind_i64(st, 2, now);
		r = sq_exec(s, st, "adding a team", err);
	}
	if (r == R_OK) {
		st = sq_prep(s, "SELECT id FROM team WHERE name = $1", err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, name);
		r = sq_row(s, st, "reading a team", err);
		if (r == R_OK)
			*id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = error_set(err, R_DB, "team",
				      "the team %s vanished while being added",
				      name);
	}
	return sq_end(s, r, err);
}
