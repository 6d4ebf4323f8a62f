/*
 * test_store_auth.c: users, teams, sessions, API tokens, login attempts,
 * buyer links and the audit log (tests of the store layer).
 *
 * Times are fixed numbers, as the store takes the clock from its caller.
 * The hashes are made-up hex strings: the store only keeps and compares
 * them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "store/store_auth.h"

#define T0 1800000000

static int64_t add_user(struct fixture *fx, const char *login,
			enum auth_role role, int64_t team)
{
	struct user u = {0};
	u.login = login;
	u.role = role;
	u.team_id = team;
	u.password_hash = "$argon2id$made-up";
	assert_int_equal(store_user_create(fx->s, &u, T0, &fx->err), R_OK);
	assert_true(u.id > 0);
	return u.id;
}

static void schema_is_at_3(void **state)
{
	struct fixture *fx = *state;
	assert_true(store_schema_version(fx->s) >= 3);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM app_user"), 0);
}

static void users(void **state)
{
	struct fixture *fx = *state;
	int64_t team = 0;
	assert_int_equal(store_team_ensure(fx->s, "east", T0, &team, &fx->err),
			 R_OK);
	int64_t again = 0;
	assert_int_equal(store_team_ensure(fx->s, "east", T0, &again, &fx->err),
			 R_OK);
	assert_int_equal(team, again);
	int64_t ana = add_user(fx, "ana", AUTH_ROLE_ADMIN, team);
	add_user(fx, "ben", AUTH_ROLE_SELLER, 0);

	struct user u = {0};
	u.login = "ana";
	u.role = AUTH_ROLE_SELLER;
	u.password_hash = "x";
	assert_int_equal(store_user_create(fx->s, &u, T0, &fx->err),
			 R_CONFLICT);
	assert_string_equal(fx->err.field, "login");
	u.login = "cy";
	u.team_id = 999;
	assert_int_equal(store_user_create(fx->s, &u, T0, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "team_id");

	struct user got;
	assert_int_equal(
	    store_user_by_login(fx->s, fx->a, "ana", &got, &fx->err), R_OK);
	assert_int_equal(got.id, ana);
	assert_int_equal(got.role, AUTH_ROLE_ADMIN);
	assert_string_equal(got.team_name, "east");
	assert_int_equal(
	    store_user_by_login(fx->s, fx->a, "nobody", &got, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(store_user_get(fx->s, fx->a, 999, &got, &fx->err),
			 R_NOT_FOUND);

	struct user *list = NULL;
	size_t n = 0;
	assert_int_equal(store_user_list(fx->s, fx->a, &list, &n, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].login, "ana");
	int64_t count = 0;
	assert_int_equal(store_user_count(fx->s, &count, &fx->err), R_OK);
	assert_int_equal(count, 2);
}

static void last_admin_stays(void **state)
{
	struct fixture *fx = *state;
	int64_t ana = add_user(fx, "ana", AUTH_ROLE_ADMIN, 0);
	int64_t ben = add_user(fx, "ben", AUTH_ROLE_SELLER, 0);
	assert_int_equal(store_user_delete(fx->s, ana, &fx->err), R_CONFLICT);
	struct user u;
	assert_int_equal(store_user_get(fx->s, fx->a, ana, &u, &fx->err), R_OK);
	u.role = AUTH_ROLE_SELLER;
	assert_int_equal(store_user_update(fx->s, &u, &fx->err), R_CONFLICT);
	assert_int_equal(store_user_delete(fx->s, ben, &fx->err), R_OK);
	assert_int_equal(store_user_delete(fx->s, ben, &fx->err), R_NOT_FOUND);
}

static int64_t add_session(struct fixture *fx, int64_t user, const char *hash)
{
	struct session s = {0};
	s.token_hash = hash;
	s.user_id = user;
	s.created_at = T0;
	s.last_seen = T0;
	s.expires_at = T0 + AUTH_SESSION_ABSOLUTE_SECS;
	s.address = "127.0.0.1";
	assert_int_equal(store_session_create(fx->s, &s, &fx->err), R_OK);
	return s.id;
}

static void sessions(void **state)
{
	struct fixture *fx = *state;
	int64_t ana = add_user(fx, "ana", AUTH_ROLE_ADMIN, 0);
	int64_t s1 = add_session(fx, ana, "aa01");
	int64_t s2 = add_session(fx, ana, "aa02");
	struct session got;
	struct user u;
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "aa01", &got, &u, &fx->err), R_OK);
	assert_int_equal(got.id, s1);
	assert_int_equal(u.id, ana);
	assert_string_equal(u.login, "ana");
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "zz", &got, &u, &fx->err),
	    R_NOT_FOUND);
	/* touch moves last_seen */
	assert_int_equal(store_session_touch(fx->s, s1, T0 + 100, &fx->err),
			 R_OK);
	store_session_find(fx->s, fx->a, "aa01", &got, &u, &fx->err);
	assert_int_equal(got.last_seen, T0 + 100);
	/* all but one end */
	assert_int_equal(store_session_delete_user(fx->s, ana, s2, &fx->err),
			 R_OK);
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "aa01", &got, &u, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "aa02", &got, &u, &fx->err), R_OK);
	/* a new password ends them all */
	assert_int_equal(
	    store_user_set_password(fx->s, ana, "$new", T0 + 5, &fx->err),
	    R_OK);
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "aa02", &got, &u, &fx->err),
	    R_NOT_FOUND);
	/* a disabled user's sessions are not found */
	int64_t ben = add_user(fx, "ben", AUTH_ROLE_SELLER, 0);
	add_session(fx, ben, "bb01");
	assert_int_equal(store_user_get(fx->s, fx->a, ben, &u, &fx->err), R_OK);
	u.disabled = true;
	assert_int_equal(store_user_update(fx->s, &u, &fx->err), R_OK);
	assert_int_equal(
	    store_session_find(fx->s, fx->a, "bb01", &got, &u, &fx->err),
	    R_NOT_FOUND);
}

static void session_purge(void **state)
{
	struct fixture *fx = *state;
	int64_t ana = add_user(fx, "ana", AUTH_ROLE_ADMIN, 0);
	add_session(fx, ana, "p1");
	int64_t live = add_session(fx, ana, "p2");
	store_session_touch(fx->s, live, T0 + 1000, &fx->err);
	int64_t n = 0;
	assert_int_equal(
	    store_session_purge(fx->s, T0 + 1000, T0 + 500, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_session_purge(fx->s,
					     T0 + AUTH_SESSION_ABSOLUTE_SECS, 0,
					     &n, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
}

static void tokens(void **state)
{
	struct fixture *fx = *state;
	int64_t ana = add_user(fx, "ana", AUTH_ROLE_ADMIN, 0);
	int64_t ben = add_user(fx, "ben", AUTH_ROLE_SELLER, 0);
	struct api_token t = {0};
	t.user_id = ana;
	t.name = "laptop";
	t.read_only = true;
	t.created_at = T0;
	assert_int_equal(store_token_create(fx->s, &t, "h1", &fx->err), R_OK);
	struct api_token bad = t;
	bad.name = "";
	assert_int_equal(store_token_create(fx->s, &bad, "h2", &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "name");

	struct api_token got;
	struct user u;
	assert_int_equal(
	    store_token_find(fx->s, fx->a, "h1", &got, &u, &fx->err), R_OK);
	assert_true(got.read_only);
	assert_int_equal(u.id, ana);
	assert_int_equal(store_token_used(fx->s, t.id, T0 + 9, &fx->err), R_OK);

	/* another user cannot revoke it, nor learn that it exists */
	assert_int_equal(store_token_revoke(fx->s, ben, t.id, T0, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(
	    store_token_revoke(fx->s, ana, t.id, T0 + 10, &fx->err), R_OK);
	assert_int_equal(
	    store_token_find(fx->s, fx->a, "h1", &got, &u, &fx->err),
	    R_NOT_FOUND);
	struct api_token *list = NULL;
	size_t n = 0;
	assert_int_equal(
	    store_token_list(fx->s, fx->a, ana, &list, &n, &fx->err), R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].revoked_at, T0 + 10);
	assert_int_equal(list[0].last_used, T0 + 9);
}

static void login_attempts(void **state)
{
	struct fixture *fx = *state;
	int64_t n = 0, last = 0;
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_login_record(fx->s, "ana", "10.0.0.1",
						    false, T0 + i, &fx->err),
				 R_OK);
	store_login_record(fx->s, "ben", "10.0.0.1", false, T0 + 5, &fx->err);
	assert_int_equal(
	    store_login_failures(fx->s, "ana", false, 0, &n, &last, &fx->err),
	    R_OK);
	assert_int_equal(n, 3);
	assert_int_equal(last, T0 + 2);
	assert_int_equal(store_login_failures(fx->s, "10.0.0.1", true, 0, &n,
					      &last, &fx->err),
			 R_OK);
	assert_int_equal(n, 4);
	/* a window */
	store_login_failures(fx->s, "ana", false, T0 + 1, &n, &last, &fx->err);
	assert_int_equal(n, 1);
	/* a success forgets the failures before it */
	store_login_record(fx->s, "ana", "10.0.0.2", true, T0 + 6, &fx->err);
	store_login_failures(fx->s, "ana", false, 0, &n, &last, &fx->err);
	assert_int_equal(n, 0);
	assert_int_equal(last, 0);
	store_login_record(fx->s, "ana", "10.0.0.2", false, T0 + 7, &fx->err);
	store_login_failures(fx->s, "ana", false, 0, &n, &last, &fx->err);
	assert_int_equal(n, 1);
	assert_int_equal(store_login_purge(fx->s, T0 + 6, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM login_attempt"),
			 2);
}

static void buyer_links(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	char sql[256];
	snprintf(sql, sizeof(sql),
		 "INSERT INTO deal (org_id, title, stage, status, source, "
		 "created_at, updated_at) VALUES (%lld, 'Pilot', 'exploring', "
		 "'open', 'inbound', 0, 0)",
		 (long long)org);
	fixture_exec(fx, sql);
	int64_t deal = fixture_int(fx, "SELECT max(id) FROM deal");
	struct buyer_link l = {0};
	l.deal_id = deal;
	l.created_at = T0;
	l.expires_at = T0 + 100;
	assert_int_equal(store_link_create(fx->s, &l, "L1", &fx->err), R_OK);
	struct buyer_link got;
	assert_int_equal(store_link_find(fx->s, "L1", T0 + 99, &got, &fx->err),
			 R_OK);
	assert_int_equal(got.deal_id, deal);
	/* expired, made up, revoked: all simply not found */
	assert_int_equal(store_link_find(fx->s, "L1", T0 + 100, &got, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_link_find(fx->s, "L9", T0, &got, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_link_revoke(fx->s, deal + 1, l.id, T0, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_link_revoke(fx->s, deal, l.id, T0 + 1, &fx->err),
			 R_OK);
	assert_int_equal(store_link_find(fx->s, "L1", T0 + 2, &got, &fx->err),
			 R_NOT_FOUND);
	struct buyer_link *list = NULL;
	size_t n = 0;
	assert_int_equal(
	    store_link_list(fx->s, fx->a, deal, &list, &n, &fx->err), R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].revoked_at, T0 + 1);
	/* a link to no deal */
	l.deal_id = deal + 100;
	assert_int_equal(store_link_create(fx->s, &l, "L2", &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "deal_id");
	l.deal_id = deal;
	l.expires_at = T0;
	assert_int_equal(store_link_create(fx->s, &l, "L3", &fx->err),
			 R_INVALID);
}

static void audit_log(void **state)
{
	struct fixture *fx = *state;
	for (int i = 0; i < 5; i++) {
		struct audit_entry e = {0};
		e.at = T0 + i;
		e.actor = AUDIT_ACTOR_USER;
		e.actor_id = 7;
		e.actor_name = "ana";
		e.action = "update";
		e.entity = "person";
		e.entity_id = 100 + i;
		e.fields = "notes,title";
		assert_int_equal(store_audit_add(fx->s, &e, &fx->err), R_OK);
	}
	struct audit_entry bad = {0};
	bad.action = "steal";
	bad.entity = "person";
	assert_int_equal(store_audit_add(fx->s, &bad, &fx->err), R_INVALID);
	bad.action = "create";
	bad.entity = "";
	assert_int_equal(store_audit_add(fx->s, &bad, &fx->err), R_INVALID);

	struct store_page page = {0, 2};
	struct audit_entry *es = NULL;
	size_t n = 0;
	bool more = false;
	assert_int_equal(
	    store_audit_list(fx->s, fx->a, &page, &es, &n, &more, &fx->err),
	    R_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	assert_int_equal(es[0].entity_id, 104); /* newest first */
	assert_int_equal(es[0].actor, AUDIT_ACTOR_USER);
	assert_string_equal(es[0].fields, "notes,title");
	page.after_id = es[1].id;
	page.limit = 10;
	assert_int_equal(
	    store_audit_list(fx->s, fx->a, &page, &es, &n, &more, &fx->err),
	    R_OK);
	assert_int_equal(n, 3);
	assert_false(more);
	assert_int_equal(es[2].entity_id, 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(schema_is_at_3, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(users, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(last_admin_stays, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(sessions, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(session_purge, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(tokens, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(login_attempts, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(buyer_links, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(audit_log, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
