/*
 * store_auth.h: users, teams, sessions, API tokens, login attempts, buyer
 * links and the audit log (store layer).
 *
 * The same conventions as store.h: results through out-parameters,
 * strings from the caller's arena, R_NOT_FOUND for a missing record,
 * R_INVALID naming the field for a reference to a missing one, R_CONFLICT
 * for a duplicate, R_DB when the database fails. Secrets never reach this
 * layer as they were given: callers pass an Argon2id string for a
 * password and the hex hash of a token (util/secret.h), and look tokens
 * up by that hash. Times are unix seconds passed in by the caller, so
 * that tests can fix the clock.
 */
#ifndef RAPPORT_STORE_STORE_AUTH_H
#define RAPPORT_STORE_STORE_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/auth.h"
#include "store/store.h"
#include "util/result.h"

struct arena;
struct store;

/* ---- users and teams (store_users.c) ---- */

struct user {
	int64_t id;
	const char *login;
	const char *display_name; /* NULL: none */
	enum auth_role role;
	int64_t team_id;       /* 0: none */
	const char *team_name; /* read only; NULL when no team */
	const char *password_hash;
	int64_t created_at;
	int64_t password_changed_at;
	bool disabled;
};

/* Creates u (login, role, password_hash required; team_id 0 or an
 * existing team); sets u->id. R_CONFLICT when the login is taken. */
enum result store_user_create(struct store *s, struct user *u, int64_t now,
			      struct error *err);
enum result store_user_get(struct store *s, struct arena *a, int64_t id,
			   struct user *out, struct error *err);
enum result store_user_by_login(struct store *s, struct arena *a,
				const char *login, struct user *out,
				struct error *err);
/* Every user, by login (an installation has tens, not thousands). */
enum result store_user_list(struct store *s, struct arena *a,
			    struct user **items, size_t *n, struct error *err);
/* How many users there are (0 on a new database: see first run). */
enum result store_user_count(struct store *s, int64_t *out, struct error *err);
/* Sets a new password hash and ends every session of the user: whoever
 * knew the old password is out. */
enum result store_user_set_password(struct store *s, int64_t id,
				    const char *password_hash, int64_t now,
				    struct error *err);
/* Changes role, team (0: none) and disabled; disabling ends sessions. */
enum result store_user_update(struct store *s, const struct user *u,
			      struct error *err);
/* Deletes the user with their sessions and tokens. Refuses (R_CONFLICT)
 * to delete the last admin who is not disabled. */
enum result store_user_delete(struct store *s, int64_t id, struct error *err);

/* Finds a team by name, creating it if need be; sets *id. */
enum result store_team_ensure(struct store *s, const char *name, int64_t now,
			      int64_t *id, struct error *err);

/* ---- sessions (store_sessions.c) ---- */

struct session {
	int64_t id;
	const char *token_hash;
	int64_t user_id;
	int64_t created_at;
	int64_t last_seen;
	int64_t expires_at;
	const char *address; /* the client's address at login, or NULL */
};

/* Creates a session (token_hash, user_id, times); sets s->id. */
enum result store_session_create(struct store *s, struct session *sess,
				 struct error *err);
/*
 * Finds the session with this token hash and its user (who must not be
 * disabled). R_NOT_FOUND when there is none; expiry is the caller's to
 * judge (core's auth_session_state).
 */
enum result store_session_find(struct store *s, struct arena *a,
			       const char *token_hash, struct session *out,
			       struct user *user, struct error *err);
/* Sets last_seen. */
enum result store_session_touch(struct store *s, int64_t id, int64_t now,
				struct error *err);
/* Ends one session (R_OK even when it was already gone). */
enum result store_session_delete(struct store *s, int64_t id,
				 struct error *err);
/* Ends every session of a user except keep_id (0: all of them). */
enum result store_session_delete_user(struct store *s, int64_t user_id,
				      int64_t keep_id, struct error *err);
/* Deletes sessions past their absolute end or idle since idle_before;
 * *n says how many. */
enum result store_session_purge(struct store *s, int64_t now,
				int64_t idle_before, int64_t *n,
				struct error *err);

/* ---- API tokens and buyer links (store_tokens.c) ---- */

struct api_token {
	int64_t id;
	int64_t user_id;
	const char *name;
	bool read_only;
	int64_t created_at;
	int64_t last_used;  /* 0: never */
	int64_t revoked_at; /* 0: live */
};

#define STORE_TOKEN_NAME_MAX 100

/* Creates a token for t->user_id with its hash; sets t->id. R_INVALID
 * (field name) for an empty or overlong name. */
enum result store_token_create(struct store *s, struct api_token *t,
			       const char *token_hash, struct error *err);
/* A user's tokens, newest first, revoked ones included. */
enum result store_token_list(struct store *s, struct arena *a, int64_t user_id,
			     struct api_token **items, size_t *n,
			     struct error *err);
/* The live (not revoked) token with this hash and its user, who must not
 * be disabled. R_NOT_FOUND otherwise. */
enum result store_token_find(struct store *s, struct arena *a,
			     const char *token_hash, struct api_token *out,
			     struct user *user, struct error *err);
/* Notes that a token was used (at most once a minute is the caller's
 * business). */
enum result store_token_used(struct store *s, int64_t id, int64_t now,
			     struct error *err);
/* Revokes user_id's token id. R_NOT_FOUND when the user has no such
 * token (another user's token is not found either). */
enum result store_token_revoke(struct store *s, int64_t user_id, int64_t id,
			       int64_t now, struct error *err);

struct buyer_link {
	int64_t id;
	int64_t deal_id;
	int64_t created_by; /* 0: unknown */
	int64_t created_at;
	int64_t expires_at;
	int64_t revoked_at; /* 0: live */
};

/* Creates a link to l->deal_id (R_INVALID, field deal_id, when there is
 * no such deal); sets l->id. */
enum result store_link_create(struct store *s, struct buyer_link *l,
			      const char *token_hash, struct error *err);
/* The link with this hash if it is live at now (not revoked, not past
 * its expiry); R_NOT_FOUND otherwise, whatever the reason, so a caller
 * cannot tell an expired link from a made-up one. */
enum result store_link_find(struct store *s, const char *token_hash,
			    int64_t now, struct buyer_link *out,
			    struct error *err);
/* A deal's links, newest first. */
enum result store_link_list(struct store *s, struct arena *a, int64_t deal_id,
			    struct buyer_link **items, size_t *n,
			    struct error *err);
/* Revokes link id of deal deal_id; R_NOT_FOUND when it is not that
 * deal's. */
enum result store_link_revoke(struct store *s, int64_t deal_id, int64_t id,
			      int64_t now, struct error *err);

/* ---- login attempts (store_sessions.c) ---- */

/* Records an attempt with what was typed as login and the client's
 * address. */
enum result store_login_record(struct store *s, const char *login,
			       const char *address, bool ok, int64_t now,
			       struct error *err);
/*
 * Counts the failed attempts for login (when by_address is false) or
 * from address (when true) since the last success for the same key and
 * after since; *last is the time of the newest of them (0: none).
 */
enum result store_login_failures(struct store *s, const char *key,
				 bool by_address, int64_t since, int64_t *count,
				 int64_t *last, struct error *err);
/* Forgets attempts older than before. */
enum result store_login_purge(struct store *s, int64_t before,
			      struct error *err);

/* ---- the audit log (store_audit.c) ---- */

enum audit_actor {
	AUDIT_ACTOR_USER,
	AUDIT_ACTOR_BUYER_LINK,
	AUDIT_ACTOR_CLI,
	AUDIT_ACTOR_SYSTEM,
};

struct audit_entry {
	int64_t id;
	int64_t at;
	enum audit_actor actor;
	int64_t actor_id;	/* user or link id; 0: none */
	const char *actor_name; /* the login at the time, or NULL */
	const char *action;	/* "create", "update", "delete", "login",
				   "logout", "login_failed", "password",
				   "revoke" */
	const char *entity;	/* "person", "deal", "session", ... */
	int64_t entity_id;	/* 0: none */
	const char *fields;	/* names of the fields changed,
				   comma-separated; NULL: none */
	const char *address;	/* the client's address, or NULL */
};

/* "user", "buyer_link", "cli", "system". */
const char *audit_actor_name(enum audit_actor a);

/* Appends e to the log; sets e->id. R_INVALID for an unknown action. */
enum result store_audit_add(struct store *s, struct audit_entry *e,
			    struct error *err);
/* The log newest first: page->after_id is the id of the last entry of
 * the previous page (0: from the newest). */
enum result store_audit_list(struct store *s, struct arena *a,
			     const struct store_page *page,
			     struct audit_entry **items, size_t *n, bool *more,
			     struct error *err);

/* ---- owners: who may see a person, a deal and what hangs off them
 * (store_owners.c, docs/accounts.md "Owners") ---- */

/*
 * Sets whom this connection's lists, searches, daily list, board and
 * metrics are for, and whose records new people and deals become, until
 * the next call. NULL (or a user id of 0) is nobody: everything is seen,
 * and new records go to the first admin (the command line). The server
 * sets the caller before each handler and clears it after.
 */
void store_set_viewer(struct store *s, const struct auth_subject *who);

/* The records that carry an owner or follow one. */
enum store_record {
	STORE_REC_PERSON,
	STORE_REC_DEAL,
	STORE_REC_FACT,	  /* follows its person */
	STORE_REC_DATE,	  /* follows its person */
	STORE_REC_INTERACTION, /* follows all its people and its deal */
	STORE_REC_RELATIONSHIP, /* follows both its people */
	STORE_REC_STAKEHOLDER, /* follows its deal */
	STORE_REC_PLAN_STEP,   /* follows its deal */
	STORE_REC_CONCERN,     /* follows its deal */
	STORE_REC_NEED,	       /* follows its deal */
};

/*
 * May the viewer (store_set_viewer) do action to record kind id? R_OK
 * when it may, and also when the record does not exist (the caller then
 * says not found in its own words); R_NOT_FOUND when the viewer may not
 * even read it, so that its existence does not leak; R_FORBIDDEN when it
 * may read but not write it. A record follows every person and deal it
 * hangs off: it is seen only when all of them are. An owner of NULL
 * (records from before the owners) is open to every user. R_DB when the
 * database fails.
 */
enum result store_may(struct store *s, enum store_record kind, int64_t id,
		      enum auth_action action, struct error *err);

#endif
