/*
 * sq_auth.h: what the SQLite driver's account files share (store layer,
 * internal to src/store).
 *
 * Sessions and tokens are looked up together with their user in one
 * statement, so the columns of a user and the reader of them are shared
 * by store_users.c, store_sessions.c and store_tokens.c.
 */
#ifndef RAPPORT_STORE_SQ_AUTH_H
#define RAPPORT_STORE_SQ_AUTH_H

#include "sq.h"
#include "store/store_auth.h"

/* The columns of a user, from "app_user u LEFT JOIN team t". */
#define SQ_USER_COLS                                                           \
	"u.id, u.login, u.display_name, u.role, u.team_id, t.name, "           \
	"u.password_hash, u.created_at, u.password_changed_at, u.disabled "
/* How many columns SQ_USER_COLS is. */
#define SQ_USER_NCOLS 10

/* Reads the SQ_USER_COLS columns of st starting at col into u, strings
 * in a. */
void sq_user_read(struct arena *a, sqlite3_stmt *st, int col, struct user *u);

#endif
