/*
 * test_store.c: the SQLite store's opening, migrations, transactions,
 * people, organizations and search (tests of the store layer).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "store/sq.h"
#include "store/store.h"

static void open_records_migrations(void **state)
{
	struct fixture *fx = *state;
	assert_true(store_schema_latest() >= 1);
	assert_int_equal(store_schema_version(fx->s), store_schema_latest());
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM "
					 "schema_migration WHERE version = 1 "
					 "AND applied_at > 0"),
			 1);
	/* A second open finds nothing to do. */
	struct store *again = NULL;
	assert_int_equal(store_open(fx->path, &again, &fx->err), R_OK);
	assert_int_equal(store_schema_version(again), store_schema_latest());
	store_close(again);
	assert_int_equal(
	    fixture_int(fx, "SELECT count(*) FROM schema_migration"),
	    store_schema_latest());
}

static void open_sets_pragmas(void **state)
{
	struct fixture *fx = *state;
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(fx->s->db, "PRAGMA journal_mode", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(fixture_int(fx, "PRAGMA foreign_keys"), 1);
	assert_int_equal(fixture_int(fx, "PRAGMA synchronous"), 1);
	assert_int_equal(fixture_int(fx, "PRAGMA busy_timeout"), 5000);
}

static void open_refuses_newer_database(void **state)
{
	struct fixture *fx = *state;
	char sql[200];
	int newer = store_schema_latest() + 7;
	snprintf(sql, sizeof(sql),
		 "INSERT INTO schema_migration VALUES (%d, 1)", newer);
	fixture_exec(fx, sql);
	struct store *s2 = NULL;
	struct error err = {0};
	assert_int_equal(store_open(fx->path, &s2, &err), R_INVALID);
	assert_null(s2);
	char want[32];
	snprintf(want, sizeof(want), "version %d", newer);
	assert_non_null(strstr(err.message, want));
	snprintf(want, sizeof(want), "up to %d", store_schema_latest());
	assert_non_null(strstr(err.message, want));
}

static void open_bad_path_fails(void **state)
{
	(void)state;
	struct store *s = NULL;
	struct error err = {0};
	assert_int_equal(store_open("/nonexistent-dir/x/y.db", &s, &err), R_DB);
	assert_null(s);
	assert_true(strlen(err.message) > 0);
	assert_int_equal(store_open("", &s, &err), R_INVALID);
}

/* Placeholders must be $1, $2, ... in order of first use, or SQLite
 * would bind values to the wrong ones. */
static void statement_params_out_of_order_refused(void **state)
{
	struct fixture *fx = *state;
	struct error err = {0};
	assert_null(sq_prep(fx->s, "SELECT $2, $1", &err));
	assert_int_equal(err.code, R_DB);
	assert_non_null(strstr(err.message, "in order"));
	assert_null(sq_prep(fx->s, "SELECT nonsense FROM nowhere", &err));
	assert_non_null(strstr(err.message, "nowhere"));
	sqlite3_stmt *st = sq_prep(fx->s, "SELECT $1, $2, $1", &err);
	assert_non_null(st);
	assert_ptr_equal(sq_prep(fx->s, "SELECT $1, $2, $1", &err), st);
}

/* ---- transactions ---- */

struct tx_ctx {
	int64_t id;
	enum result give;
	int calls;
};

static enum result tx_create_then(struct store *s, void *ctx, struct error *err)
{
	struct tx_ctx *c = ctx;
	c->calls++;
	struct person p = {.given_name = "Tx"};
	enum result r = store_person_create(s, &p, err);
	if (r != R_OK)
		return r;
	c->id = p.id;
	if (c->give != R_OK)
		return error_set(err, c->give, "", "the test said no");
	return R_OK;
}

static void tx_commits_and_rolls_back(void **state)
{
	struct fixture *fx = *state;
	struct tx_ctx ok = {0, R_OK, 0};
	assert_int_equal(store_run_tx(fx->s, tx_create_then, &ok, &fx->err),
			 R_OK);
	struct person p;
	assert_int_equal(store_person_get(fx->s, fx->a, ok.id, &p, &fx->err),
			 R_OK);
	struct tx_ctx no = {0, R_CONFLICT, 0};
	assert_int_equal(store_run_tx(fx->s, tx_create_then, &no, &fx->err),
			 R_CONFLICT);
	assert_int_equal(no.calls, 1);
	assert_int_equal(store_person_get(fx->s, fx->a, no.id, &p, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(fx->s->depth, 0);
}

static enum result tx_partial(struct store *s, void *ctx, struct error *err)
{
	struct tx_ctx *c = ctx;
	struct person p = {.given_name = "Kept"};
	if (store_person_create(s, &p, err) != R_OK)
		return R_DB;
	c->id = p.id;
	/* A failing write inside the transaction leaves nothing behind. */
	int64_t nobody = 9999;
	struct interaction i = {
	    .summary = "x", .people = &nobody, .n_people = 1};
	struct error e2 = {0};
	if (store_interaction_create(s, &i, &e2) != R_INVALID)
		return R_DB;
	struct organization o = {.name = "Inside"};
	return store_org_create(s, &o, err);
}

static void tx_failed_write_inside_is_undone(void **state)
{
	struct fixture *fx = *state;
	struct tx_ctx c = {0};
	assert_int_equal(store_run_tx(fx->s, tx_partial, &c, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM interaction"),
			 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM organization"),
			 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person"), 1);
}

/* Makes inserting a contact whose value is "boom" fail half-way through
 * a person write. */
static void install_boom(struct fixture *fx)
{
	fixture_exec(fx, "CREATE TRIGGER boom BEFORE INSERT ON contact "
			 "WHEN NEW.value = 'boom' "
			 "BEGIN SELECT RAISE(ABORT, 'boom went the contact'); "
			 "END");
}

static enum result tx_half_failing_write(struct store *s, void *ctx,
					 struct error *err)
{
	struct contact c = {0, CONTACT_PHONE, NULL, "boom"};
	struct person p = {
	    .given_name = "Half", .contacts = &c, .n_contacts = 1};
	struct error e2 = {0};
	if (store_person_create(s, &p, &e2) != R_DB)
		return R_INVALID;
	struct person q = {.given_name = "Whole"};
	return store_person_create(s, &q, err);
}

static void write_failing_half_way_leaves_nothing(void **state)
{
	struct fixture *fx = *state;
	install_boom(fx);
	struct contact c = {0, CONTACT_PHONE, NULL, "boom"};
	struct person p = {
	    .given_name = "Half", .contacts = &c, .n_contacts = 1};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_DB);
	assert_non_null(strstr(fx->err.message, "boom went the contact"));
	assert_int_equal(p.id, 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person"), 0);
	/* Inside a transaction only the failed write's part is undone. */
	assert_int_equal(
	    store_run_tx(fx->s, tx_half_failing_write, NULL, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person"), 1);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person_fts"), 1);
	assert_int_equal(fixture_hits(fx, "half"), 0);
	assert_int_equal(fixture_hits(fx, "whole"), 1);
}

/* ---- people ---- */

static void person_roundtrip(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Acme");
	int64_t ref = fixture_person(fx, "Rita", "Referrer", 0);
	const char *tags[] = {"golf", "vip", "golf"};
	struct contact cs[2] = {{0, CONTACT_EMAIL, "work", "ann@acme.test"},
				{0, CONTACT_PHONE, NULL, "+1 555"}};
	struct person p = {0};
	p.given_name = "Ann";
	p.family_name = "Lee";
	p.org_id = org;
	p.title = "CFO";
	p.how_met = "conference";
	p.has_met_on = true;
	p.met_on = 19000;
	p.referred_by = ref;
	p.cadence_days = 30;
	p.cadence_max_days = 45;
	p.notes = "likes sailing";
	p.owner = "sam";
	p.tags = tags;
	p.n_tags = 3;
	p.contacts = cs;
	p.n_contacts = 2;
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	assert_true(p.id > 0);
	assert_true(p.created_at > 0);
	assert_true(cs[0].id > 0 && cs[1].id > cs[0].id);

	struct person g;
	assert_int_equal(store_person_get(fx->s, fx->a, p.id, &g, &fx->err),
			 R_OK);
	assert_string_equal(g.given_name, "Ann");
	assert_string_equal(g.family_name, "Lee");
	assert_string_equal(g.org_name, "Acme");
	assert_string_equal(g.title, "CFO");
	assert_true(g.has_met_on);
	assert_int_equal(g.met_on, 19000);
	assert_int_equal(g.referred_by, ref);
	assert_int_equal(g.cadence_days, 30);
	assert_int_equal(g.cadence_max_days, 45);
	assert_string_equal(g.owner, "sam");
	assert_int_equal(g.n_tags, 2);
	assert_string_equal(g.tags[0], "golf");
	assert_string_equal(g.tags[1], "vip");
	assert_int_equal(g.n_contacts, 2);
	assert_int_equal(g.contacts[0].kind, CONTACT_EMAIL);
	assert_string_equal(g.contacts[0].value, "ann@acme.test");
	assert_null(g.contacts[1].label);
	assert_int_equal(g.last_touch, 0);

	/* Update replaces everything, tags and contacts included. */
	const char *tags2[] = {"family"};
	g.family_name = NULL;
	g.org_id = 0;
	g.has_met_on = false;
	g.tags = tags2;
	g.n_tags = 1;
	g.n_contacts = 0;
	assert_int_equal(store_person_update(fx->s, &g, &fx->err), R_OK);
	struct person h;
	assert_int_equal(store_person_get(fx->s, fx->a, p.id, &h, &fx->err),
			 R_OK);
	assert_null(h.family_name);
	assert_null(h.org_name);
	assert_int_equal(h.org_id, 0);
	assert_false(h.has_met_on);
	assert_int_equal(h.n_tags, 1);
	assert_string_equal(h.tags[0], "family");
	assert_int_equal(h.n_contacts, 0);
	assert_int_equal(h.created_at, p.created_at);
}

static void person_bad_references(void **state)
{
	struct fixture *fx = *state;
	struct person p = {.given_name = "X", .org_id = 7};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "org_id");
	assert_string_equal(fx->err.message,
			    "org_id: there is no organization 7; create it "
			    "first or leave org_id out");
	assert_int_equal(p.id, 0);
	p.org_id = 0;
	p.referred_by = 42;
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "referred_by");
	assert_non_null(strstr(fx->err.message, "no person 42"));
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person"), 0);

	int64_t id = fixture_person(fx, "Self", NULL, 0);
	struct person q = {.id = id, .given_name = "Self", .referred_by = id};
	assert_int_equal(store_person_update(fx->s, &q, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "referred_by");
}

static void person_missing(void **state)
{
	struct fixture *fx = *state;
	struct person p = {.id = 5, .given_name = "Nobody"};
	assert_int_equal(store_person_get(fx->s, fx->a, 5, &p, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(fx->err.code, R_NOT_FOUND);
	assert_int_equal(store_person_update(fx->s, &p, &fx->err), R_NOT_FOUND);
	assert_int_equal(store_person_delete(fx->s, 5, &fx->err), R_NOT_FOUND);
	assert_non_null(strstr(fx->err.message, "no person 5"));
}

static void person_odd_input_is_stored_safely(void **state)
{
	struct fixture *fx = *state;
	const char *tags[] = {NULL, "'; DROP TABLE person; --"};
	struct person p = {.given_name = "Robert'); DROP TABLE person;--",
			   .notes = "\"*( NEAR OR AND",
			   .tags = tags,
			   .n_tags = 2};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	struct person g;
	assert_int_equal(store_person_get(fx->s, fx->a, p.id, &g, &fx->err),
			 R_OK);
	assert_string_equal(g.given_name, p.given_name);
	assert_int_equal(g.n_tags, 1);
	assert_int_equal(fixture_hits(fx, "robert"), 1);
	assert_int_equal(fixture_hits(fx, "\"*( NEAR"), 1);
}

static void person_list_pages(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Org");
	int64_t ids[7];
	for (int i = 0; i < 7; i++)
		ids[i] = fixture_person(fx, "P", NULL, i % 2 ? org : 0);
	const char *tags[] = {"club"};
	struct person t = {.id = ids[3],
			   .given_name = "P",
			   .org_id = org,
			   .tags = tags,
			   .n_tags = 1};
	assert_int_equal(store_person_update(fx->s, &t, &fx->err), R_OK);
	t.id = ids[4];
	t.org_id = 0;
	assert_int_equal(store_person_update(fx->s, &t, &fx->err), R_OK);

	struct person *items;
	size_t n;
	bool more;
	struct store_page page = {0, 3};
	int64_t seen[7];
	size_t total = 0;
	for (int round = 0; round < 5; round++) {
		assert_int_equal(store_person_list(fx->s, fx->a, NULL, &page,
						   &items, &n, &more, &fx->err),
				 R_OK);
		for (size_t i = 0; i < n; i++)
			seen[total++] = items[i].id;
		if (!more)
			break;
		page.after_id = items[n - 1].id;
	}
	assert_int_equal(total, 7);
	for (int i = 0; i < 7; i++)
		assert_int_equal(seen[i], ids[i]);

	struct person_filter byorg = {NULL, org};
	page.after_id = 0;
	page.limit = 0;
	assert_int_equal(store_person_list(fx->s, fx->a, &byorg, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 3);
	assert_false(more);
	struct person_filter bytag = {"club", 0};
	assert_int_equal(store_person_list(fx->s, fx->a, &bytag, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_int_equal(items[0].n_tags, 1);
	struct person_filter both = {"club", org};
	assert_int_equal(store_person_list(fx->s, fx->a, &both, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, ids[3]);
	struct person_filter none = {"no-such-tag", 0};
	assert_int_equal(store_person_list(fx->s, fx->a, &none, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 0);
	page.limit = 100000;
	assert_int_equal(store_person_list(fx->s, fx->a, NULL, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 7);
	assert_int_equal(sq_limit(&page), STORE_LIMIT_MAX);
	page.limit = 0;
	assert_int_equal(sq_limit(&page), STORE_LIMIT_DEFAULT);
	page.limit = 7;
	assert_int_equal(store_person_list(fx->s, fx->a, NULL, &page, &items,
					   &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 7);
	assert_false(more);
}

/* ---- organizations ---- */

static void org_crud(void **state)
{
	struct fixture *fx = *state;
	struct organization o = {.name = "Beta",
				 .domain = "beta.test",
				 .industry = "tools",
				 .notes = "n"};
	assert_int_equal(store_org_create(fx->s, &o, &fx->err), R_OK);
	struct organization g;
	assert_int_equal(store_org_get(fx->s, fx->a, o.id, &g, &fx->err), R_OK);
	assert_string_equal(g.name, "Beta");
	assert_string_equal(g.domain, "beta.test");
	g.name = "Gamma";
	g.domain = NULL;
	assert_int_equal(store_org_update(fx->s, &g, &fx->err), R_OK);
	assert_int_equal(store_org_get(fx->s, fx->a, o.id, &g, &fx->err), R_OK);
	assert_string_equal(g.name, "Gamma");
	assert_null(g.domain);
	struct organization *items;
	size_t n;
	bool more;
	fixture_org(fx, "Delta");
	struct store_page page = {0, 1};
	assert_int_equal(
	    store_org_list(fx->s, fx->a, &page, &items, &n, &more, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_true(more);
	page.after_id = items[0].id;
	assert_int_equal(
	    store_org_list(fx->s, fx->a, &page, &items, &n, &more, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_string_equal(items[0].name, "Delta");

	int64_t pid = fixture_person(fx, "Worker", NULL, o.id);
	assert_int_equal(store_org_delete(fx->s, o.id, &fx->err), R_OK);
	struct person p;
	assert_int_equal(store_person_get(fx->s, fx->a, pid, &p, &fx->err),
			 R_OK);
	assert_int_equal(p.org_id, 0);
	assert_null(p.org_name);
	assert_int_equal(store_org_get(fx->s, fx->a, o.id, &g, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_org_delete(fx->s, o.id, &fx->err), R_NOT_FOUND);
	g.id = 999;
	assert_int_equal(store_org_update(fx->s, &g, &fx->err), R_NOT_FOUND);
}

/* ---- search ---- */

static void search_prefix_and_fields(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Northwind");
	struct contact c = {0, CONTACT_EMAIL, NULL, "maya@example.test"};
	struct person p = {.given_name = "Maya",
			   .family_name = "Okafor",
			   .org_id = org,
			   .title = "Procurement lead",
			   .notes = "Loves sailing",
			   .contacts = &c,
			   .n_contacts = 1};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	fixture_person(fx, "Mark", "Other", 0);
	assert_int_equal(fixture_hits(fx, "may"), 1);
	assert_int_equal(fixture_hits(fx, "ma"), 2);
	assert_int_equal(fixture_hits(fx, "ma oka"), 1);
	assert_int_equal(fixture_hits(fx, "north"), 1);
	assert_int_equal(fixture_hits(fx, "procure"), 1);
	assert_int_equal(fixture_hits(fx, "example"), 1);
	assert_int_equal(fixture_hits(fx, "SAIL"), 1);
	assert_int_equal(fixture_hits(fx, "zzz"), 0);
	assert_int_equal(fixture_hits(fx, ""), 0);
	assert_int_equal(fixture_hits(fx, "  ...!? "), 0);
	assert_int_equal(fixture_hits(fx, NULL), 0);
	/* Bytes that are not UTF-8 are ignored, never an error. */
	assert_int_equal(fixture_hits(fx, "\xff\xfe ma \xc3"), 2);
	assert_true(fixture_hits(fx, "ma\xff") <= 2);

	struct search_hit *hits;
	size_t n;
	assert_int_equal(
	    store_person_search(fx->s, fx->a, "maya", 10, &hits, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].person_id, p.id);
	assert_string_equal(hits[0].name, "Maya Okafor");
	assert_string_equal(hits[0].org_name, "Northwind");
	assert_string_equal(hits[0].title, "Procurement lead");
	assert_true(hits[0].rank < 0);
}

static void search_follows_changes(void **state)
{
	struct fixture *fx = *state;
	int64_t org = fixture_org(fx, "Initech");
	int64_t id = fixture_person(fx, "Peter", "Gibbons", org);
	assert_int_equal(fixture_hits(fx, "initech"), 1);

	/* Person update. */
	struct person p;
	assert_int_equal(store_person_get(fx->s, fx->a, id, &p, &fx->err),
			 R_OK);
	struct contact c = {0, CONTACT_EMAIL, NULL, "pg@swingline.test"};
	p.given_name = "Pete";
	p.contacts = &c;
	p.n_contacts = 1;
	assert_int_equal(store_person_update(fx->s, &p, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "peter"), 0);
	assert_int_equal(fixture_hits(fx, "pete"), 1);
	assert_int_equal(fixture_hits(fx, "swingline"), 1);
	/* Contact removed. */
	p.n_contacts = 0;
	assert_int_equal(store_person_update(fx->s, &p, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "swingline"), 0);

	/* Organization renamed, then deleted. */
	struct organization o;
	assert_int_equal(store_org_get(fx->s, fx->a, org, &o, &fx->err), R_OK);
	o.name = "Initrode";
	assert_int_equal(store_org_update(fx->s, &o, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "initech"), 0);
	assert_int_equal(fixture_hits(fx, "initrode"), 1);
	assert_int_equal(store_org_delete(fx->s, org, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "initrode"), 0);
	assert_int_equal(fixture_hits(fx, "pete"), 1);

	/* Facts: create, update, delete. */
	struct fact f = {.person_id = id,
			 .kind = FACT_FAMILY,
			 .label = "daughter",
			 .value = "Zelda, 7"};
	assert_int_equal(store_fact_create(fx->s, &f, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "zeld"), 1);
	assert_int_equal(fixture_hits(fx, "daught"), 1);
	f.value = "Yara, 8";
	assert_int_equal(store_fact_update(fx->s, &f, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "zeld"), 0);
	assert_int_equal(fixture_hits(fx, "yara"), 1);
	/* A fact moved to someone else moves in the index too. */
	int64_t other = fixture_person(fx, "Milton", NULL, 0);
	f.person_id = other;
	assert_int_equal(store_fact_update(fx->s, &f, &fx->err), R_OK);
	struct search_hit *hits;
	size_t n;
	assert_int_equal(
	    store_person_search(fx->s, fx->a, "yara", 5, &hits, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].person_id, other);
	assert_int_equal(store_fact_delete(fx->s, f.id, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "yara"), 0);

	/* Person delete. */
	assert_int_equal(store_person_delete(fx->s, id, &fx->err), R_OK);
	assert_int_equal(fixture_hits(fx, "pete"), 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person_fts"), 1);
}

/* More matches than are ever ranked: names still come first. */
static void search_broad_query_is_bounded(void **state)
{
	struct fixture *fx = *state;
	struct person p = {.given_name = "Filler", .notes = "theory of things"};
	for (int i = 0; i < 620; i++)
		assert_int_equal(store_person_create(fx->s, &p, &fx->err),
				 R_OK);
	int64_t theo = fixture_person(fx, "Theodora", "Quist", 0);
	struct search_hit *hits;
	size_t n;
	assert_int_equal(
	    store_person_search(fx->s, fx->a, "the", 10, &hits, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 10);
	assert_int_equal(hits[0].person_id, theo);
	assert_true(hits[0].rank < 0);
	assert_true(hits[1].rank == 0.0);
	for (size_t i = 1; i < n; i++)
		assert_int_not_equal(hits[i].person_id, theo);
	assert_int_equal(
	    store_person_search(fx->s, fx->a, "the", 1000, &hits, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, STORE_LIMIT_MAX);
	assert_int_equal(
	    store_person_search(fx->s, fx->a, "fil", 0, &hits, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, STORE_LIMIT_DEFAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)
	    T(open_records_migrations),
	    T(open_sets_pragmas),
	    T(open_refuses_newer_database),
	    cmocka_unit_test(open_bad_path_fails),
	    T(statement_params_out_of_order_refused),
	    T(tx_commits_and_rolls_back),
	    T(write_failing_half_way_leaves_nothing),
	    T(tx_failed_write_inside_is_undone),
	    T(person_roundtrip),
	    T(person_bad_references),
	    T(person_missing),
	    T(person_odd_input_is_stored_safely),
	    T(person_list_pages),
	    T(org_crud),
	    T(search_prefix_and_fields),
	    T(search_follows_changes),
	    T(search_broad_query_is_bounded),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
