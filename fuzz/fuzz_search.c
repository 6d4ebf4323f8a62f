/*
 * fuzz_search.c: libFuzzer target for the search box (fuzz, over the
 * store layer).
 *
 * What a person types into search (GET /api/v1/search?q=, `rapport
 * search`) is turned by store_search.c into an FTS5 query. The promise is
 * that punctuation separates words and never reaches FTS5 as syntax, so
 * no query can make SQLite fail. The target keeps one in-memory database
 * with a few people for the whole run (searching does not change it) and
 * searches it with the input: at most 200 bytes, as the API allows, but
 * not only valid UTF-8, because `rapport search` hands the store its
 * arguments as they are. The first byte picks the page size.
 *
 * Checks: the search returns R_OK, at most limit hits, each hit a person
 * that exists, with a name, no person twice.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/alloc.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The API's limits on q and on the page (api_search.c). */
#define FUZZ_SEARCH_Q_MAX     200
#define FUZZ_SEARCH_LIMIT_MAX 100

static struct store *fuzz_search_store;
static int64_t fuzz_search_ids[4];

static void fuzz_search_fail(const char *what, const char *q)
{
	fprintf(stderr, "fuzz_search: %s (q \"%s\")\n", what, q);
	abort();
}

/* Adds one person with an email and a note, so every column has text. */
static void fuzz_search_add(size_t i, const char *given, const char *family,
			    const char *email, const char *notes)
{
	struct contact c = {.kind = CONTACT_EMAIL, .value = email};
	struct person p = {.given_name = given,
			   .family_name = family,
			   .notes = notes,
			   .contacts = &c,
			   .n_contacts = 1};
	struct error err;
	if (store_person_create(fuzz_search_store, &p, &err) != R_OK) {
		fprintf(stderr, "fuzz_search: setup: %s\n", err.message);
		abort();
	}
	fuzz_search_ids[i] = p.id;
}

/* Called once by libFuzzer before any input: opens and fills the store. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct error err;
	if (store_open(":memory:", &fuzz_search_store, &err) != R_OK) {
		fprintf(stderr, "fuzz_search: setup: %s\n", err.message);
		abort();
	}
	fuzz_search_add(0, "Ana", "Silva", "ana@example.org",
			"Loves the \"Lisbon\" marathon; NEAR her office.");
	fuzz_search_add(1, "Ben", "O'Neill", "ben@example.com",
			"AND OR NOT: likes puzzles * and ^ carets");
	fuzz_search_add(2, "Zoë", "Ångström", "zoe@example.net",
			"Café owner, ☕ every morning");
	fuzz_search_add(3, "李", "小龙", "li@example.cn", "功夫 teacher");
	return 0;
}

static bool fuzz_search_known(int64_t id)
{
	for (size_t i = 0; i < 4; i++)
		if (fuzz_search_ids[i] == id)
			return true;
	return false;
}

/* libFuzzer's entry: byte 0 picks the limit, the rest is q. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size - 1 > FUZZ_SEARCH_Q_MAX)
		return 0;
	int limit = 1 + data[0] % FUZZ_SEARCH_LIMIT_MAX;
	char *q = xstrndup((const char *)data + 1, size - 1);
	struct arena *a = arena_new();
	struct search_hit *hits = NULL;
	size_t n = 0;
	struct error err;
	if (store_person_search(fuzz_search_store, a, q, limit, &hits, &n,
				&err) != R_OK)
		fuzz_search_fail(err.message, q);
	if (n > (size_t)limit)
		fuzz_search_fail("more hits than the limit", q);
	for (size_t i = 0; i < n; i++) {
		if (!fuzz_search_known(hits[i].person_id) || !hits[i].name)
			fuzz_search_fail("a hit that is not a person", q);
		for (size_t k = 0; k < i; k++)
			if (hits[k].person_id == hits[i].person_id)
				fuzz_search_fail("a person found twice", q);
	}
	arena_free(a);
	free(q);
	return 0;
}
