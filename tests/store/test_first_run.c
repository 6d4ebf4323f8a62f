/*
 * test_first_run.c: the first-run admin (cmd_user_first_admin, cli
 * layer, over a fresh database from the store fixture).
 *
 * On a database with no user it makes "admin" with a one-time password
 * that then verifies; on one with a user it does nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cmd_user.h"
#include "fixture.h"
#include "store/store_auth.h"

static void makes_one_admin(void **state)
{
	struct fixture *fx = *state;
	char pw[CMD_USER_OTP_MAX];
	bool created = false;
	assert_int_equal(
	    cmd_user_first_admin(fx->s, 1800000000, pw, &created, &fx->err),
	    R_OK);
	assert_true(created);
	assert_int_equal(strlen(pw), 24);
	struct user u;
	assert_int_equal(
	    store_user_by_login(fx->s, fx->a, "admin", &u, &fx->err), R_OK);
	assert_int_equal(u.role, AUTH_ROLE_ADMIN);
	assert_true(secret_password_verify(u.password_hash, pw));
	assert_false(secret_password_verify(u.password_hash, "admin"));
	/* the second time there is a user: nothing happens */
	char again[CMD_USER_OTP_MAX];
	assert_int_equal(
	    cmd_user_first_admin(fx->s, 1800000001, again, &created, &fx->err),
	    R_OK);
	assert_false(created);
	assert_string_equal(again, "");
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM app_user"), 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM audit_log "
					 "WHERE actor_kind = 'system'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(makes_one_admin, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
