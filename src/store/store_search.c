/*
 * store_search.c: full-text prefix search over people with FTS5 (store
 * layer, SQLite driver).
 *
 * person_fts holds one document per person (rowid = person id) with the
 * columns name, org, title, emails, notes and facts (labels and values).
 * The writers call store_search_reindex() in their own transaction
 * whenever something a document holds changes, so the index is never
 * behind the tables.
 *
 * Speed: the table has prefix indexes for 1 to 4 characters, so a short
 * prefix reads one doclist instead of merging every term it starts. bm25
 * ranking costs per matching row, and a three-letter prefix can match
 * every person (think "the" in notes), so ranking is bounded: the matches
 * are counted up to SEARCH_RANK_CAP; a set that small is ranked whole.
 * A larger set is narrowed to matches in the name column, ranked the same
 * way when that is small enough and otherwise taken in id order; the rest
 * of the page is filled with other matches in id order. Those unranked
 * hits carry rank 0, after every ranked hit (bm25 ranks are negative).
 * Measured with 100,000 generated people: three-letter prefixes p99 under
 * 4 ms, where ranking every match took up to 150 ms.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"
#include "util/buf.h"

/* Most matches ranked with bm25 for one query. */
#define SEARCH_RANK_CAP 500
/* Words of a query used; the rest are ignored. */
#define SEARCH_WORDS_MAX 16
#define SEARCH_QUERY_MAX 2048

enum result store_search_reindex(struct store *s, int64_t id, struct error *err)
{
	if (store_search_drop(s, id, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "INSERT INTO person_fts (rowid, name, org, title, emails, notes, "
	    "facts) "
	    "SELECT p.id, p.given_name || ' ' || coalesce(p.family_name, ''), "
	    "o.name, p.title, "
	    "(SELECT group_concat(c.value, ' ') FROM contact c "
	    "WHERE c.person_id = p.id AND c.kind = 'email'), "
	    "p.notes, "
	    "(SELECT group_concat(coalesce(f.label, '') || ' ' || "
	    "coalesce(f.value, ''), ' ') FROM fact f "
	    "WHERE f.person_id = p.id) "
	    "FROM person p LEFT JOIN organization o ON o.id = p.org_id "
	    "WHERE p.id = $1",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "indexing a person for search", err);
}

enum result store_search_drop(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM person_fts WHERE rowid = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "removing a person from search", err);
}

enum result store_search_set_org(struct store *s, int64_t org_id,
				 const char *name, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "UPDATE person_fts SET org = $1 WHERE rowid IN "
		    "(SELECT id FROM person WHERE org_id = $2)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, name);
	sq_bind_i64(st, 2, org_id);
	return sq_exec(s, st, "updating search for an organization", err);
}

/* True for bytes that are part of a word: ASCII letters and digits, and
 * every byte of a multi-byte UTF-8 character (FTS5 sorts those out). */
static bool search_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * Turns what a person typed into an FTS5 query: each word becomes a
 * quoted prefix term ("ann"*), all of which must match. Punctuation
 * separates words and never reaches FTS5 as syntax. False when q has no
 * words.
 */
static bool search_build_query(const char *q, struct buf *out)
{
	int words = 0;
	const unsigned char *p = (const unsigned char *)(q ? q : "");
	while (*p && words < SEARCH_WORDS_MAX) {
		while (*p && !search_word_byte(*p))
			p++;
		const unsigned char *start = p;
		while (*p && search_word_byte(*p))
			p++;
		if (p == start)
			break;
		buf_puts(out, words ? " \"" : "\"");
		buf_add(out, (const char *)start, (size_t)(p - start));
		buf_puts(out, "\"*");
		words++;
	}
	return words > 0 && buf_ok(out);
}

/* Counts matches of the FTS5 query fq, stopping past SEARCH_RANK_CAP. */
static enum result search_count(struct store *s, const char *fq, int *count,
				struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT count(*) FROM (SELECT rowid FROM person_fts "
		    "WHERE person_fts MATCH $1 LIMIT $2)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, fq);
	sq_bind_i64(st, 2, SEARCH_RANK_CAP + 1);
	enum result r = sq_row(s, st, "searching", err);
	if (r == R_OK)
		*count = sq_int(st, 0);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

struct search_acc {
	struct search_hit *hits;
	size_t n;
	size_t limit;
};

/* Appends the hit unless it is already there or the page is full. */
static void search_add(struct search_acc *acc, int64_t id, double rank)
{
	if (acc->n >= acc->limit)
		return;
	for (size_t i = 0; i < acc->n; i++)
		if (acc->hits[i].person_id == id)
			return;
	acc->hits[acc->n].person_id = id;
	acc->hits[acc->n].rank = rank;
	acc->n++;
}

/* Adds matches of fq: ranked best first, or in id order with rank 0. */
static enum result search_collect(struct store *s, const char *fq, bool ranked,
				  struct search_acc *acc, struct error *err)
{
	sqlite3_stmt *st;
	if (ranked)
		st = sq_prep(s,
			     "SELECT rowid, bm25(person_fts, 10.0, 4.0, 3.0, "
			     "3.0, 1.0, 2.0) AS r FROM person_fts "
			     "WHERE person_fts MATCH $1 ORDER BY r, rowid "
			     "LIMIT $2",
			     err);
	else
		st = sq_prep(s,
			     "SELECT rowid, 0.0 FROM person_fts "
			     "WHERE person_fts MATCH $1 LIMIT $2",
			     err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, fq);
	/* Enough rows to fill the page even when some are already there. */
	sq_bind_i64(st, 2, (int64_t)(acc->limit + acc->n));
	enum result r;
	while ((r = sq_row(s, st, "searching", err)) == R_OK)
		search_add(acc, sq_i64(st, 0), sqlite3_column_double(st, 1));
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* Fills in name, organization and title of each hit. */
static enum result search_describe(struct store *s, struct arena *a,
				   struct search_acc *acc, struct error *err)
{
	for (size_t i = 0; i < acc->n; i++) {
		struct search_hit *h = &acc->hits[i];
		sqlite3_stmt *st = sq_prep(
		    s,
		    "SELECT p.given_name, p.family_name, o.name, p.title "
		    "FROM person p LEFT JOIN organization o "
		    "ON o.id = p.org_id WHERE p.id = $1",
		    err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, h->person_id);
		enum result r = sq_row(s, st, "reading a search hit", err);
		if (r == R_OK) {
			const char *given =
			    (const char *)sqlite3_column_text(st, 0);
			const char *family =
			    (const char *)sqlite3_column_text(st, 1);
			h->name = sq_display_name(a, given, family);
			h->org_name = sq_text(a, st, 2);
			h->title = sq_text(a, st, 3);
		}
		sqlite3_reset(st);
		if (r == R_DB)
			return r;
	}
	return R_OK;
}

/* Runs the bounded search strategy described at the top of the file. */
static enum result search_run(struct store *s, const char *fq,
			      struct search_acc *acc, struct error *err)
{
	int count = 0;
	if (search_count(s, fq, &count, err) != R_OK)
		return R_DB;
	if (count <= SEARCH_RANK_CAP)
		return search_collect(s, fq, true, acc, err);
	struct buf nq;
	buf_init(&nq, SEARCH_QUERY_MAX + 32);
	buf_puts(&nq, "{name} : (");
	buf_puts(&nq, fq);
	buf_puts(&nq, ")");
	enum result r = search_count(s, buf_str(&nq), &count, err);
	if (r == R_OK)
		r = search_collect(s, buf_str(&nq), count <= SEARCH_RANK_CAP,
				   acc, err);
	buf_free(&nq);
	if (r == R_OK)
		r = search_collect(s, fq, false, acc, err);
	return r;
}

enum result store_person_search(struct store *s, struct arena *a, const char *q,
				int limit, struct search_hit **hits, size_t *n,
				struct error *err)
{
	*hits = NULL;
	*n = 0;
	if (limit <= 0)
		limit = STORE_LIMIT_DEFAULT;
	if (limit > STORE_LIMIT_MAX)
		limit = STORE_LIMIT_MAX;
	struct buf fq;
	buf_init(&fq, SEARCH_QUERY_MAX);
	if (!search_build_query(q, &fq)) {
		bool too_long = !buf_ok(&fq);
		buf_free(&fq);
		if (too_long)
			return error_set(err, R_TOO_BIG, "q",
					 "q: the search is too long; use "
					 "fewer or shorter words");
		return R_OK;
	}
	struct search_acc acc = {
	    arena_alloc(a, sizeof(struct search_hit) * (size_t)limit), 0,
	    (size_t)limit};
	enum result r = sq_read_begin(s, err);
	if (r == R_OK) {
		r = search_run(s, buf_str(&fq), &acc, err);
		if (r == R_OK)
			r = search_describe(s, a, &acc, err);
		sq_read_end(s);
	}
	buf_free(&fq);
	if (r != R_OK)
		return r;
	*hits = acc.hits;
	*n = acc.n;
	return R_OK;
}
