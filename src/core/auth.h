/*
 * auth.h: the rules of who may do what, and when a login stops counting
 * (core layer: pure, no I/O).
 *
 * Roles and what they may touch, when a session has expired (idle or
 * absolute, given the time so tests can fix the clock), how long a login
 * attempt must wait after failures (per account and per client address),
 * the password policy, login names, and a comparison that takes the same
 * time wherever the inputs differ. Hashing, randomness and the database
 * live elsewhere (util/secret.c, store/store_auth.h, web/auth.c); see
 * docs/accounts.md for the reasons behind the numbers.
 */
#ifndef RAPPORT_CORE_AUTH_H
#define RAPPORT_CORE_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/result.h"

/* ---- roles and permissions ---- */

enum auth_role {
	AUTH_ROLE_NONE = 0, /* anonymous: no login */
	AUTH_ROLE_SELLER,
	AUTH_ROLE_MANAGER,
	AUTH_ROLE_ADMIN,
};

/* "admin", "manager", "seller" ("none" for AUTH_ROLE_NONE). */
const char *auth_role_name(enum auth_role role);
/* Parses a role name; false (and *out untouched) when it is none of the
 * three. */
bool auth_role_parse(const char *s, enum auth_role *out);

/* Who is asking: a user with a role and a team (0: none). */
struct auth_subject {
	int64_t user_id; /* 0: anonymous */
	enum auth_role role;
	int64_t team_id;
};

/* What is asked about: a record's owner and the owner's team, and
 * whether the owner shared it with their team. */
struct auth_object {
	int64_t owner_id; /* 0: nobody owns it (only admins may write it) */
	int64_t team_id;  /* the owner's team, 0: none */
	bool shared;	  /* shared with the owner's team */
};

enum auth_action {
	AUTH_READ,
	AUTH_WRITE,  /* change or delete */
	AUTH_MANAGE, /* users, teams, the audit log: admins only */
};

/*
 * True when subject may do action to object. An admin may do anything; a
 * manager may read and write what belongs to anyone of their own team; a
 * seller may read and write their own records and read those their team
 * shares. Nobody else may do anything, and only admins may AUTH_MANAGE.
 * A team of 0 is no team: it matches nothing.
 */
bool auth_may(const struct auth_subject *subject, enum auth_action action,
	      const struct auth_object *object);

/* ---- sessions ---- */

/* A session ends after this long without a request ... */
#define AUTH_SESSION_IDLE_SECS (12 * 3600)
/* ... and at the latest this long after the login. */
#define AUTH_SESSION_ABSOLUTE_SECS (7 * 24 * 3600)
/* last_seen is written at most once per this many seconds per session,
 * so that reads do not each cost a write. */
#define AUTH_SESSION_TOUCH_SECS 60

enum auth_session_state {
	AUTH_SESSION_LIVE,
	AUTH_SESSION_IDLE,    /* no request for AUTH_SESSION_IDLE_SECS */
	AUTH_SESSION_EXPIRED, /* past its absolute end */
};

/*
 * The state at now of a session last seen at last_seen that ends at the
 * latest at expires_at. The absolute end wins when both apply; a clock
 * that went back (now < last_seen) counts as no idle time.
 */
enum auth_session_state auth_session_state(int64_t last_seen,
					   int64_t expires_at, int64_t now);
/* True when last_seen is old enough to be worth writing again. */
bool auth_session_should_touch(int64_t last_seen, int64_t now);

/* ---- login back-off ---- */

/*
 * A back-off policy: `free` failures cost nothing, then each further
 * failure doubles the wait from base_secs, up to cap_secs. Failures
 * older than window_secs are forgotten, and a success forgets the ones
 * before it.
 */
struct auth_backoff {
	int free;
	int64_t base_secs;
	int64_t cap_secs;
	int64_t window_secs;
};

/* Per account: the cap is short so that an attacker's guesses can only
 * slow its owner down, never lock them out (docs/accounts.md). */
extern const struct auth_backoff auth_backoff_account;
/* Per client address: longer, since it slows only that address. */
extern const struct auth_backoff auth_backoff_address;

/*
 * The wait, in seconds from now, before another attempt may be checked,
 * after failures failures the last of which was at last_failure_at (0:
 * none). 0 means go ahead. Counts past INT_MAX and clocks that went back
 * are handled (the wait never passes the cap).
 */
int64_t auth_backoff_wait(const struct auth_backoff *policy, int64_t failures,
			  int64_t last_failure_at, int64_t now);

/* ---- passwords and logins ---- */

/* The shortest password, in characters (code points), and the longest in
 * bytes (a bound on the work of hashing). */
#define AUTH_PASSWORD_MIN_CHARS 12
#define AUTH_PASSWORD_MAX_BYTES 1024

/*
 * Checks a new password against the policy: valid UTF-8 with no control
 * characters, at least AUTH_PASSWORD_MIN_CHARS characters, at most
 * AUTH_PASSWORD_MAX_BYTES bytes, not the login itself and not one
 * character repeated. No rules on character classes: length is what
 * makes a password strong, and a passphrase of four words passes.
 * R_INVALID with field "password" and a sentence that says what to do.
 */
enum result auth_password_check(const char *password, const char *login,
				struct error *err);

#define AUTH_LOGIN_MAX 64

/*
 * Checks a login name: 1 to AUTH_LOGIN_MAX bytes of lower-case letters,
 * digits and ". _ - @", starting with a letter or digit. R_INVALID with
 * field "login" otherwise.
 */
enum result auth_login_check(const char *login, struct error *err);

/*
 * Compares n bytes of a and b in time that depends only on n, so that a
 * secret's comparison does not say how much of it a guess got right.
 * True when equal.
 */
bool auth_equal_ct(const void *a, const void *b, size_t n);
/* The same for NUL-terminated strings: the lengths may differ (which is
 * not hidden), the contents are compared in constant time. */
bool auth_streq_ct(const char *a, const char *b);

#endif
