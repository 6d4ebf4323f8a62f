/*
 * test_auth.c: unit tests of core/auth: roles and permissions, session
 * expiry with fixed clocks, the login back-off, the password policy,
 * login names and constant-time comparison.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/auth.h"

#define T0 1800000000 /* a fixed clock: 2027-01-15 */

static void roles_parse_and_name(void **state)
{
	(void)state;
	enum auth_role r = AUTH_ROLE_NONE;
	assert_true(auth_role_parse("admin", &r));
	assert_int_equal(r, AUTH_ROLE_ADMIN);
	assert_true(auth_role_parse("manager", &r));
	assert_int_equal(r, AUTH_ROLE_MANAGER);
	assert_true(auth_role_parse("seller", &r));
	assert_int_equal(r, AUTH_ROLE_SELLER);
	assert_false(auth_role_parse("none", &r));
	assert_false(auth_role_parse("Admin", &r));
	assert_false(auth_role_parse("", &r));
	assert_false(auth_role_parse(NULL, &r));
	assert_int_equal(r, AUTH_ROLE_SELLER); /* untouched on failure */
	assert_string_equal(auth_role_name(AUTH_ROLE_MANAGER), "manager");
	assert_string_equal(auth_role_name((enum auth_role)99), "none");
}

static void permissions(void **state)
{
	(void)state;
	struct auth_subject admin = {1, AUTH_ROLE_ADMIN, 0};
	struct auth_subject mgr = {2, AUTH_ROLE_MANAGER, 10};
	struct auth_subject sel = {3, AUTH_ROLE_SELLER, 10};
	struct auth_subject other = {4, AUTH_ROLE_SELLER, 20};
	struct auth_subject anon = {0, AUTH_ROLE_NONE, 0};
	struct auth_subject noteam = {5, AUTH_ROLE_SELLER, 0};
	struct auth_object own3 = {3, 10, false};
	struct auth_object shared3 = {3, 10, true};
	struct auth_object own4 = {4, 20, true};
	struct auth_object nobody = {0, 0, false};
	struct auth_object own5 = {5, 0, true};

	/* admin: everything, including managing */
	assert_true(auth_may(&admin, AUTH_WRITE, &own4));
	assert_true(auth_may(&admin, AUTH_MANAGE, NULL));
	assert_true(auth_may(&admin, AUTH_WRITE, &nobody));
	/* manager: their team's, not another team's, never managing */
	assert_true(auth_may(&mgr, AUTH_WRITE, &own3));
	assert_true(auth_may(&mgr, AUTH_READ, &own3));
	assert_false(auth_may(&mgr, AUTH_READ, &own4));
	assert_false(auth_may(&mgr, AUTH_MANAGE, &own3));
	assert_false(auth_may(&mgr, AUTH_WRITE, &nobody));
	/* seller: own; the team's shared ones read only */
	assert_true(auth_may(&sel, AUTH_WRITE, &own3));
	struct auth_subject sel2 = {6, AUTH_ROLE_SELLER, 10};
	assert_false(auth_may(&sel2, AUTH_READ, &own3));
	assert_true(auth_may(&sel2, AUTH_READ, &shared3));
	assert_false(auth_may(&sel2, AUTH_WRITE, &shared3));
	assert_false(auth_may(&other, AUTH_READ, &shared3));
	assert_false(auth_may(&sel, AUTH_MANAGE, &own3));
	/* no team matches no team */
	struct auth_subject noteam2 = {7, AUTH_ROLE_SELLER, 0};
	assert_true(auth_may(&noteam, AUTH_WRITE, &own5));
	assert_false(auth_may(&noteam2, AUTH_READ, &own5));
	/* anonymous: nothing */
	assert_false(auth_may(&anon, AUTH_READ, &shared3));
	assert_false(auth_may(NULL, AUTH_READ, &shared3));
	assert_false(auth_may(&sel, AUTH_READ, NULL));
}

static void session_expiry(void **state)
{
	(void)state;
	int64_t end = T0 + AUTH_SESSION_ABSOLUTE_SECS;
	assert_int_equal(auth_session_state(T0, end, T0), AUTH_SESSION_LIVE);
	/* idle: one second short of the limit, then at it */
	assert_int_equal(
	    auth_session_state(T0, end, T0 + AUTH_SESSION_IDLE_SECS - 1),
	    AUTH_SESSION_LIVE);
	assert_int_equal(
	    auth_session_state(T0, end, T0 + AUTH_SESSION_IDLE_SECS),
	    AUTH_SESSION_IDLE);
	/* kept alive by use, it still ends at its absolute end */
	assert_int_equal(auth_session_state(end - 10, end, end - 1),
			 AUTH_SESSION_LIVE);
	assert_int_equal(auth_session_state(end - 10, end, end),
			 AUTH_SESSION_EXPIRED);
	/* both: the absolute end wins */
	assert_int_equal(auth_session_state(T0, end, end + 86400),
			 AUTH_SESSION_EXPIRED);
	/* a clock that went back is no idle time */
	assert_int_equal(auth_session_state(T0, end, T0 - 5000),
			 AUTH_SESSION_LIVE);
	assert_false(auth_session_should_touch(T0, T0 + 59));
	assert_true(auth_session_should_touch(T0, T0 + 60));
}

static void backoff_account(void **state)
{
	(void)state;
	const struct auth_backoff *p = &auth_backoff_account;
	/* free failures cost nothing */
	for (int n = 0; n <= p->free; n++)
		assert_int_equal(auth_backoff_wait(p, n, T0, T0), 0);
	/* then 1, 2, 4, ... seconds from the last failure */
	assert_int_equal(auth_backoff_wait(p, p->free + 1, T0, T0), 1);
	assert_int_equal(auth_backoff_wait(p, p->free + 2, T0, T0), 2);
	assert_int_equal(auth_backoff_wait(p, p->free + 3, T0, T0), 4);
	assert_int_equal(auth_backoff_wait(p, p->free + 3, T0, T0 + 3), 1);
	assert_int_equal(auth_backoff_wait(p, p->free + 3, T0, T0 + 4), 0);
	/* capped, however many guesses: never a lock-out */
	assert_int_equal(auth_backoff_wait(p, 1000000, T0, T0), p->cap_secs);
	assert_int_equal(auth_backoff_wait(p, INT64_MAX, T0, T0), p->cap_secs);
	assert_int_equal(auth_backoff_wait(p, 1000000, T0, T0 + p->cap_secs),
			 0);
	assert_true(p->cap_secs <= 60);
	/* forgotten after the window; a clock that went back stays capped */
	assert_int_equal(auth_backoff_wait(p, 50, T0, T0 + p->window_secs), 0);
	assert_int_equal(auth_backoff_wait(p, 50, T0, T0 - 100000),
			 p->cap_secs);
	/* no failure time: nothing to wait for */
	assert_int_equal(auth_backoff_wait(p, 50, 0, T0), 0);
}

static void backoff_address(void **state)
{
	(void)state;
	const struct auth_backoff *p = &auth_backoff_address;
	assert_int_equal(auth_backoff_wait(p, p->free, T0, T0), 0);
	assert_int_equal(auth_backoff_wait(p, p->free + 1, T0, T0), 1);
	assert_int_equal(auth_backoff_wait(p, p->free + 40, T0, T0),
			 p->cap_secs);
	assert_true(p->cap_secs > auth_backoff_account.cap_secs);
}

static void password_policy(void **state)
{
	(void)state;
	struct error err = {0};
	assert_int_equal(auth_password_check("correct horse", "ana", &err),
			 R_OK);
	assert_int_equal(auth_password_check("abcdefghijkl", "ana", &err),
			 R_OK); /* 12: the minimum */
	assert_int_equal(auth_password_check("abcdefghijk", "ana", &err),
			 R_INVALID);
	assert_string_equal(err.field, "password");
	assert_non_null(strstr(err.message, "12"));
	/* characters, not bytes: 11 two-byte letters are too short */
	assert_int_equal(auth_password_check(
			     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
			     "ana", &err),
			 R_INVALID);
	assert_int_equal(auth_password_check("", "ana", &err), R_INVALID);
	assert_int_equal(auth_password_check(NULL, "ana", &err), R_INVALID);
	assert_int_equal(auth_password_check("aaaaaaaaaaaaaaaa", "ana", &err),
			 R_INVALID);
	assert_int_equal(
	    auth_password_check("ana@example.com", "ana@example.com", &err),
	    R_INVALID);
	assert_int_equal(auth_password_check("tab\there and more", "x", &err),
			 R_INVALID);
	assert_int_equal(auth_password_check("bad \xff utf-8 text", "x", &err),
			 R_INVALID);
	char big[AUTH_PASSWORD_MAX_BYTES + 2];
	memset(big, 'x', sizeof(big) - 1);
	big[0] = 'y';
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(auth_password_check(big, "x", &err), R_INVALID);
	big[AUTH_PASSWORD_MAX_BYTES] = '\0'; /* exactly the maximum */
	assert_int_equal(auth_password_check(big, "x", &err), R_OK);
}

static void login_names(void **state)
{
	(void)state;
	struct error err = {0};
	assert_int_equal(auth_login_check("ana", &err), R_OK);
	assert_int_equal(auth_login_check("ana.ruiz@example.com", &err), R_OK);
	assert_int_equal(auth_login_check("0x_1-2", &err), R_OK);
	assert_int_equal(auth_login_check("", &err), R_INVALID);
	assert_int_equal(auth_login_check(NULL, &err), R_INVALID);
	assert_int_equal(auth_login_check("Ana", &err), R_INVALID);
	assert_int_equal(auth_login_check(".ana", &err), R_INVALID);
	assert_int_equal(auth_login_check("an a", &err), R_INVALID);
	assert_string_equal(err.field, "login");
	char max[AUTH_LOGIN_MAX + 2];
	memset(max, 'a', sizeof(max));
	max[AUTH_LOGIN_MAX] = '\0';
	assert_int_equal(auth_login_check(max, &err), R_OK);
	max[AUTH_LOGIN_MAX] = 'a';
	max[AUTH_LOGIN_MAX + 1] = '\0';
	assert_int_equal(auth_login_check(max, &err), R_INVALID);
}

static void constant_time_compare(void **state)
{
	(void)state;
	assert_true(auth_equal_ct("abc", "abc", 3));
	assert_false(auth_equal_ct("abc", "abd", 3));
	assert_false(auth_equal_ct("xbc", "abc", 3));
	assert_true(auth_equal_ct("", "", 0));
	assert_true(auth_streq_ct("token", "token"));
	assert_false(auth_streq_ct("token", "token2"));
	assert_false(auth_streq_ct("token", ""));
	assert_false(auth_streq_ct(NULL, "x"));
	assert_false(auth_streq_ct("x", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(roles_parse_and_name),
	    cmocka_unit_test(permissions),
	    cmocka_unit_test(session_expiry),
	    cmocka_unit_test(backoff_account),
	    cmocka_unit_test(backoff_address),
	    cmocka_unit_test(password_policy),
	    cmocka_unit_test(login_names),
	    cmocka_unit_test(constant_time_compare),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
