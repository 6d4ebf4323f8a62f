/*
 * fixture.h: a fresh database per store test (tests of the store layer).
 *
 * Each test gets a new SQLite file in a temporary directory, opened with
 * store_open(), and an arena for results; teardown closes and removes
 * both. Small helpers create the records most tests need.
 */
#ifndef RAPPORT_TESTS_STORE_FIXTURE_H
#define RAPPORT_TESTS_STORE_FIXTURE_H

#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"

struct fixture {
	char dir[256];
	char path[300];
	struct store *s;
	struct arena *a;
	struct error err;
};

/* cmocka setup and teardown: *state becomes a struct fixture. */
int fixture_setup(void **state);
int fixture_teardown(void **state);

/* Creates a person (optionally in org_id) and returns their id. */
int64_t fixture_person(struct fixture *fx, const char *given,
		       const char *family, int64_t org_id);
/* Creates an organization and returns its id. */
int64_t fixture_org(struct fixture *fx, const char *name);
/* Creates an interaction at time `at` with the given people. */
int64_t fixture_touch(struct fixture *fx, int64_t at, const int64_t *people,
		      size_t n);
/* Runs sql (no parameters) on the store's own connection. */
void fixture_exec(struct fixture *fx, const char *sql);
/* Returns the first column of the first row of sql as an integer. */
int64_t fixture_int(struct fixture *fx, const char *sql);
/* Number of search hits for q. */
size_t fixture_hits(struct fixture *fx, const char *q);

#endif
