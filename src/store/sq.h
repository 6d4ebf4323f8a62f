/*
 * sq.h: what the SQLite driver's files share (store layer).
 *
 * The connection with its statement cache and transaction depth, and small
 * helpers around sqlite3: preparing a cached statement, binding, stepping,
 * turning sqlite's errors into a struct error, opening and closing a write
 * scope, and copying columns into the caller's arena. Nothing outside
 * src/store includes this header, apart from the store's own tests, which
 * look at the connection. The helpers live in sq.c.
 *
 * SQL is written with PostgreSQL-style placeholders $1, $2, ... which
 * SQLite accepts as named parameters numbered in order of first
 * appearance; sq_prep() checks that $N really is parameter N, so a
 * statement that names them out of order fails loudly the first time it is
 * prepared instead of binding the wrong values.
 */
#ifndef RAPPORT_STORE_SQ_H
#define RAPPORT_STORE_SQ_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/auth.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/result.h"

/* Slots in the statement cache; well above the number of statements. */
#define STORE_STMT_SLOTS 512

struct store_stmt_slot {
	const char *sql; /* the literal's address is the key */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	int version; /* schema version after migrations */
	int depth;   /* open scopes: 0 none, 1 a transaction, >1 savepoints */
	bool busy;   /* the last sqlite failure was SQLITE_BUSY or LOCKED */
	struct store_stmt_slot slots[STORE_STMT_SLOTS];
	/* who the reads are for (store_set_viewer); user_id 0: nobody set
	 * one (the command line), which sees everything */
	struct auth_subject viewer;
};

/*
 * The visibility filter on a person or deal row aliased t, for a list or
 * a search (docs/accounts.md, "Owners"): true when the viewer may read
 * the row. v, tm and m are the statement's next three placeholders, in
 * that order, bound by sq_bind_viewer(): the viewer's id (0: sees all),
 * their team (0: none) and 1 for a manager (who also sees what the
 * team's sellers keep to themselves). The team's users come from one
 * uncorrelated subquery, which SQLite runs once per statement.
 */
#define SQ_VISIBLE(t, v, tm, m)                                               \
	"(" v " = 0 OR " t ".owner_user_id IS NULL OR " t ".owner_user_id = " v \
	" OR (" t ".owner_user_id IN (SELECT vu.id FROM app_user vu "          \
	"WHERE vu.team_id = " tm ") AND (" t ".shared = 1 OR " m " = 1)))"

/*
 * The same for an interaction row aliased i: every person on it and its
 * deal (if any) visible, as store_may() asks of one interaction. v, tm
 * and m as for SQ_VISIBLE (each may be used more than once).
 */
#define SQ_INTERACTION_VISIBLE(i, v, tm, m)                                    \
	"(NOT EXISTS (SELECT 1 FROM interaction_person vip JOIN person vp "    \
	"ON vp.id = vip.person_id WHERE vip.interaction_id = " i ".id "        \
	"AND NOT " SQ_VISIBLE("vp", v, tm, m) ") AND (" i ".deal_id IS NULL "  \
	"OR EXISTS (SELECT 1 FROM deal vd WHERE vd.id = " i ".deal_id AND "    \
	SQ_VISIBLE("vd", v, tm, m) ")))"

/* Like sq_exists() on person id, and R_NOT_FOUND too when the viewer may
 * not read them: for ids inside request bodies, so that a person one may
 * not see is told apart from a missing one by nothing (store_owners.c). */
enum result sq_person_visible(struct store *s, int64_t id,
			      struct error *err);

/* True when the viewer sees every row (an admin, or no viewer: the
 * command line), so lists may run their statements unfiltered. */
bool sq_sees_all(const struct store *s);

/* Binds the three placeholders of SQ_VISIBLE from index i on. */
void sq_bind_viewer(struct store *s, sqlite3_stmt *st, int i);
/* Binds, at index i, the owner a new record gets: the viewer, or 0 for
 * none, which the insert turns into the first admin (SQ_OWNER). */
void sq_bind_owner(struct store *s, sqlite3_stmt *st, int i);
/* The owner_user_id value of an insert, from the placeholder p bound by
 * sq_bind_owner(): the viewer, else the first admin, else NULL. */
#define SQ_OWNER(p)                                                           \
	"COALESCE(NULLIF(" p ", 0), (SELECT min(au.id) FROM app_user au "     \
	"WHERE au.role = 'admin'))"

/*
 * Returns the prepared statement for sql, preparing it on first use and
 * caching it for the life of the connection; it comes back reset with its
 * bindings cleared. sql must be a string literal (its address is the cache
 * key). NULL with err filled (R_DB) when sqlite cannot prepare it.
 */
sqlite3_stmt *sq_prep(struct store *s, const char *sql, struct error *err);

/* Fills err from sqlite's last error on s, prefixed by what was being done;
 * returns R_DB (R_CONFLICT for a unique clash). */
enum result sq_fail(struct store *s, const char *what, struct error *err);

/* Binding: NULL text binds SQL NULL; sq_bind_id binds 0 as NULL. */
void sq_bind_i64(sqlite3_stmt *st, int i, int64_t v);
void sq_bind_text(sqlite3_stmt *st, int i, const char *v);
void sq_bind_id(sqlite3_stmt *st, int i, int64_t id);

/*
 * Steps st once. R_OK when a row is ready, R_NOT_FOUND when the statement
 * is done; otherwise resets st and returns R_DB (err filled). Callers
 * sqlite3_reset() st when they are done with the rows.
 */
enum result sq_row(struct store *s, sqlite3_stmt *st, const char *what,
		   struct error *err);
/* Runs st to completion and resets it. R_OK or R_DB/R_CONFLICT. */
enum result sq_exec(struct store *s, sqlite3_stmt *st, const char *what,
		    struct error *err);

/* Column readers; text is copied into a (NULL stays NULL). */
const char *sq_text(struct arena *a, sqlite3_stmt *st, int col);
int64_t sq_i64(sqlite3_stmt *st, int col);
int sq_int(sqlite3_stmt *st, int col);
bool sq_null(sqlite3_stmt *st, int col);

/*
 * Write scopes. sq_begin opens a transaction (BEGIN IMMEDIATE) when none
 * is running, or a savepoint inside the running one, so every write
 * function works both alone and inside store_run_tx(). sq_end closes the
 * scope: commits or releases when r is R_OK, rolls back otherwise, and
 * returns r (or R_DB if the commit failed). Every sq_begin that returned
 * R_OK must be matched by exactly one sq_end.
 */
enum result sq_begin(struct store *s, struct error *err);
enum result sq_end(struct store *s, enum result r, struct error *err);

/* Read scopes: a deferred transaction at depth 0 so that a read made of
 * several statements sees one snapshot; nothing inside a running one. */
enum result sq_read_begin(struct store *s, struct error *err);
void sq_read_end(struct store *s);

/*
 * Runs a one-column existence query (bound to id as $1) and returns
 * R_OK when it gives a row, R_NOT_FOUND when not, R_DB on failure.
 */
enum result sq_exists(struct store *s, const char *sql, int64_t id,
		      struct error *err);

/* Clamps a page's limit to 1..STORE_LIMIT_MAX (0 gives the default). */
int sq_limit(const struct store_page *page);
int64_t sq_after(const struct store_page *page);

/* The current time, seconds since the epoch. */
int64_t sq_now(void);

/*
 * Grows an arena array: returns a pointer to room for *cap elements of
 * size bytes holding the *n old ones, doubling *cap when *n == *cap.
 */
void *sq_grow(struct arena *a, void *items, size_t n, size_t *cap, size_t size);

/* "given family" (or just given) in the arena. */
const char *sq_display_name(struct arena *a, const char *given,
			    const char *family);

/* Rebuilds person id's search document (store_search.c). */
enum result store_search_reindex(struct store *s, int64_t id,
				 struct error *err);
/* Drops person id's search document. */
enum result store_search_drop(struct store *s, int64_t id, struct error *err);
/* Sets the organization column of the documents of org_id's people. */
enum result store_search_set_org(struct store *s, int64_t org_id,
				 const char *name, struct error *err);

/* Recomputes person id's last_touch from their interactions
 * (store_interactions.c). */
enum result store_interactions_retouch(struct store *s, int64_t id,
				       struct error *err);

/* Recomputes cadence_tag_id of every person carrying the tag named tag,
 * after its cadence changed (store_people.c). */
enum result store_people_retag(struct store *s, const char *tag,
			       struct error *err);

/* Reads person id's tags and contacts into p (store_people.c). */
enum result store_people_fill(struct store *s, struct arena *a,
			      struct person *p, struct error *err);

#endif
