/*
 * fixture.c: a fresh database per store test (tests of the store layer).
 */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/sq.h"
#include "util/alloc.h"

/* Not <unistd.h>: its R_OK (access mode 4) would shadow enum result's. */

int fixture_setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "%s/rapport-store-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/t.db", fx->dir);
	enum result r = store_open(fx->path, &fx->s, &fx->err);
	if (r != R_OK) {
		fprintf(stderr, "store_open %s: %s (%s)\n", fx->path,
			fx->err.message, result_name(r));
		return -1;
	}
	fx->a = arena_new();
	*state = fx;
	return 0;
}

int fixture_teardown(void **state)
{
	struct fixture *fx = *state;
	store_close(fx->s);
	arena_free(fx->a);
	const char *suffix[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[320];
		snprintf(p, sizeof(p), "%s%s", fx->path, suffix[i]);
		remove(p);
	}
	remove(fx->dir);
	free(fx);
	return 0;
}

int64_t fixture_person(struct fixture *fx, const char *given,
		       const char *family, int64_t org_id)
{
	struct person p = {0};
	p.given_name = given;
	p.family_name = family;
	p.org_id = org_id;
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	return p.id;
}

int64_t fixture_org(struct fixture *fx, const char *name)
{
	struct organization o = {0};
	o.name = name;
	assert_int_equal(store_org_create(fx->s, &o, &fx->err), R_OK);
	return o.id;
}

int64_t fixture_touch(struct fixture *fx, int64_t at, const int64_t *people,
		      size_t n)
{
	struct interaction i = {0};
	i.kind = INTERACTION_CALL;
	i.occurred_at = at;
	i.summary = "call";
	i.people = (int64_t *)people;
	i.n_people = n;
	assert_int_equal(store_interaction_create(fx->s, &i, &fx->err), R_OK);
	return i.id;
}

void fixture_exec(struct fixture *fx, const char *sql)
{
	assert_int_equal(sqlite3_exec(fx->s->db, sql, NULL, NULL, NULL),
			 SQLITE_OK);
}

int64_t fixture_int(struct fixture *fx, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx->s->db, sql, -1, &st, NULL),
			 SQLITE_OK);
	int64_t v = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

size_t fixture_hits(struct fixture *fx, const char *q)
{
	struct search_hit *hits = NULL;
	size_t n = 0;
	assert_int_equal(
	    store_person_search(fx->s, fx->a, q, 50, &hits, &n, &fx->err),
	    R_OK);
	return n;
}
