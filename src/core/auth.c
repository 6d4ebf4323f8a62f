/*
 * auth.c: roles and permissions, session expiry, login back-off, the
 * password policy and constant-time comparison (core layer). See auth.h.
 */
#include "core/auth.h"

#include <string.h>
#include <strings.h>

#include "util/utf8.h"

static const char *const auth_role_names[] = {
    [AUTH_ROLE_NONE] = "none",
    [AUTH_ROLE_SELLER] = "seller",
    [AUTH_ROLE_MANAGER] = "manager",
    [AUTH_ROLE_ADMIN] = "admin",
};

const char *auth_role_name(enum auth_role role)
{
	if ((unsigned)role >=
	    sizeof(auth_role_names) / sizeof(auth_role_names[0]))
		return "none";
	return auth_role_names[role];
}

bool auth_role_parse(const char *s, enum auth_role *out)
{
	if (!s)
		return false;
	for (int i = AUTH_ROLE_SELLER; i <= AUTH_ROLE_ADMIN; i++)
		if (strcmp(s, auth_role_names[i]) == 0) {
			*out = (enum auth_role)i;
			return true;
		}
	return false;
}

bool auth_may(const struct auth_subject *subject, enum auth_action action,
	      const struct auth_object *object)
{
	if (!subject || subject->user_id <= 0)
		return false;
	if (subject->role == AUTH_ROLE_ADMIN)
		return true;
	if (action == AUTH_MANAGE || !object)
		return false;
	bool own = object->owner_id > 0 && object->owner_id == subject->user_id;
	bool team = subject->team_id > 0 && object->team_id == subject->team_id;
	switch (subject->role) {
	case AUTH_ROLE_MANAGER:
		return own || team;
	case AUTH_ROLE_SELLER:
		return own || (action == AUTH_READ && team && object->shared);
	default:
		return false;
	}
}

enum auth_session_state auth_session_state(int64_t last_seen,
					   int64_t expires_at, int64_t now)
{
	if (now >= expires_at)
		return AUTH_SESSION_EXPIRED;
	if (now > last_seen && now - last_seen >= AUTH_SESSION_IDLE_SECS)
		return AUTH_SESSION_IDLE;
	return AUTH_SESSION_LIVE;
}

bool auth_session_should_touch(int64_t last_seen, int64_t now)
{
	return now - last_seen >= AUTH_SESSION_TOUCH_SECS;
}

/*
 * Per account: 5 free failures, then 1, 2, 4 ... seconds, never more
 * than a minute. At the cap an attacker gets about 1,440 guesses a day
 * per account, against passwords of 12 characters or more, while the
 * owner waits at most a minute; a lock-out would hand the attacker a way
 * to keep the owner out.
 */
const struct auth_backoff auth_backoff_account = {5, 1, 60, 24 * 3600};
/* Per address: 20 free failures (an office behind one address), then
 * doubling from 1 second up to 15 minutes. */
const struct auth_backoff auth_backoff_address = {20, 1, 15 * 60, 24 * 3600};

int64_t auth_backoff_wait(const struct auth_backoff *p, int64_t failures,
			  int64_t last_failure_at, int64_t now)
{
	if (failures <= p->free || last_failure_at <= 0)
		return 0;
	if (now - last_failure_at >= p->window_secs)
		return 0;
	int64_t extra = failures - p->free; /* >= 1 */
	int64_t wait = p->base_secs;
	for (int64_t i = 1; i < extra && wait < p->cap_secs; i++)
		wait *= 2;
	if (wait > p->cap_secs)
		wait = p->cap_secs;
	/* A clock that went back must not stretch the wait past the cap. */
	int64_t since = now - last_failure_at;
	if (since < 0)
		since = 0;
	return since >= wait ? 0 : wait - since;
}

enum result auth_password_check(const char *pw, const char *login,
				struct error *err)
{
	if (!pw || !*pw)
		return error_set(err, R_INVALID, "password",
				 "password: is required (at least %d "
				 "characters; a few words make a good one)",
				 AUTH_PASSWORD_MIN_CHARS);
	size_t len = strlen(pw);
	if (len > AUTH_PASSWORD_MAX_BYTES)
		return error_set(err, R_INVALID, "password",
				 "password: is longer than %d bytes; use a "
				 "shorter one",
				 AUTH_PASSWORD_MAX_BYTES);
	if (!utf8_valid(pw, len))
		return error_set(err, R_INVALID, "password",
				 "password: is not valid UTF-8 text");
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)pw[i] < 0x20 || pw[i] == 0x7f)
			return error_set(err, R_INVALID, "password",
					 "password: holds a control character "
					 "(a tab or a line break?); type it "
					 "without one");
	if (utf8_count(pw, len) < AUTH_PASSWORD_MIN_CHARS)
		return error_set(err, R_INVALID, "password",
				 "password: is too short; use at least %d "
				 "characters (a few unrelated words make a "
				 "strong one that is easy to remember)",
				 AUTH_PASSWORD_MIN_CHARS);
	bool same = true;
	for (size_t i = 1; i < len && same; i++)
		same = pw[i] == pw[0];
	if (same)
		return error_set(err, R_INVALID, "password",
				 "password: is one character repeated; use "
				 "a few unrelated words instead");
	if (login && strcasecmp(pw, login) == 0)
		return error_set(err, R_INVALID, "password",
				 "password: must not be the login name");
	return R_OK;
}

enum result auth_login_check(const char *login, struct error *err)
{
	size_t len = login ? strlen(login) : 0;
	if (len == 0)
		return error_set(err, R_INVALID, "login",
				 "login: is required (e.g. ana or "
				 "ana@example.com)");
	if (len > AUTH_LOGIN_MAX)
		return error_set(err, R_INVALID, "login",
				 "login: is longer than %d characters",
				 AUTH_LOGIN_MAX);
	for (size_t i = 0; i < len; i++) {
		char c = login[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		bool punct = c == '.' || c == '_' || c == '-' || c == '@';
		if (!alnum && !(punct && i > 0))
			return error_set(err, R_INVALID, "login",
					 "login: use lower-case letters, "
					 "digits and . _ - @ (starting with a "
					 "letter or digit)");
	}
	return R_OK;
}

bool auth_equal_ct(const void *a, const void *b, size_t n)
{
	const volatile unsigned char *x = a;
	const volatile unsigned char *y = b;
	unsigned char diff = 0;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(x[i] ^ y[i]);
	return diff == 0;
}

bool auth_streq_ct(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	size_t n = strlen(a);
	if (strlen(b) != n)
		return false;
	return auth_equal_ct(a, b, n);
}
