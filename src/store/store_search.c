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
 * every person (think "the" in notes), so ranking is bounded. First the
 * names alone are searched in person_name_fts (ids only, no positions:
 * the cheapest read there is); when more than SEARCH_NAMES_CAP names
 * match, which is the usual case for a short prefix of a common name, the
 * page is the first of them in id order and nothing else is read.
 * Otherwise the matches are counted up to SEARCH_RANK_CAP; a set that
 * small is ranked whole.
 * A larger set is narrowed to matches in the name column, ranked the same
 * way when that is small enough and otherwise taken in id order; the rest
 * of the page is filled with other matches in id order. Those unranked
 * hits carry rank 0, after every ranked hit (bm25 ranks are negative).
 * Measured with 100,000 generated people: three-letter prefixes p99 under
 * 4 ms, where ranking every match took up to 150 ms; reading the names
 * first cut a typical three-letter search from four FTS5 queries to one.
 */
#include <string.h>

#include "sq.h"
#include "store/store.h"
#include "util/buf.h"

/* Most matches ranked with bm25 for one query. */
#define SEARCH_RANK_CAP 500
/* More names matching than this: the page is the first of them. */
#define SEARCH_NAMES_CAP 100
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
	if (sq_exec(s, st, "indexing a person for search", err) != R_OK)
		return R_DB;
	st =
	    sq_prep(s,
		    "INSERT INTO person_name_fts (rowid, name) "
		    "SELECT id, given_name || ' ' || coalesce(family_name, '') "
		    "FROM person WHERE id = $1",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "indexing a person's name for search", err);
}

enum result store_search_drop(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM person_fts WHERE rowid = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	if (sq_exec(s, st, "removing a person from search", err) != R_OK)
		return R_DB;
	st = sq_prep(s, "DELETE FROM person_name_fts WHERE rowid = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "removing a person's name from search", err);
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

/*
 * Owners (docs/accounts.md): a viewer who sees everything (an admin, the
 * command line) runs the statements above unchanged; anyone else runs
 * them joined to person and filtered by SQ_VISIBLE, a lookup by primary
 * key per match read, within the same LIMITs. The counts that choose
 * the strategy stay unfiltered: they only decide whether to rank.
 */
#define SEARCH_VISIBLE SQ_VISIBLE("p", "$2", "$3", "$4")

static bool search_sees_all(const struct store *s)
{
	return s->viewer.user_id <= 0 || s->viewer.role == AUTH_ROLE_ADMIN;
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
	bool all = search_sees_all(s);
	if (ranked && all)
		st = sq_prep(s,
			     "SELECT rowid, bm25(person_fts, 10.0, 4.0, 3.0, "
			     "3.0, 1.0, 2.0) AS r FROM person_fts "
			     "WHERE person_fts MATCH $1 ORDER BY r, rowid "
			     "LIMIT $2",
			     err);
	else if (all)
		st = sq_prep(s,
			     "SELECT rowid, 0.0 FROM person_fts "
			     "WHERE person_fts MATCH $1 LIMIT $2",
			     err);
	else if (ranked)
		st = sq_prep(s,
			     "SELECT f.rowid, bm25(person_fts, 10.0, 4.0, 3.0, "
			     "3.0, 1.0, 2.0) AS r FROM person_fts f "
			     "JOIN person p ON p.id = f.rowid "
			     "WHERE person_fts MATCH $1 AND " SEARCH_VISIBLE
			     " ORDER BY r, f.rowid LIMIT $5",
			     err);
	else
		st = sq_prep(s,
			     "SELECT f.rowid, 0.0 FROM person_fts f "
			     "JOIN person p ON p.id = f.rowid "
			     "WHERE person_fts MATCH $1 AND " SEARCH_VISIBLE
			     " LIMIT $5",
			     err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, fq);
	/* Enough rows to fill the page even when some are already there;
	 * the filtered statements take the limit after the viewer. */
	sq_bind_i64(st, all ? 2 : 5, (int64_t)(acc->limit + acc->n));
	if (!all)
		sq_bind_viewer(s, st, 2);
	enum result r;
	while ((r = sq_row(s, st, "searching", err)) == R_OK)
		search_add(acc, sq_i64(st, 0), sqlite3_column_double(st, 1));
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/*
 * Fills in name, organization and title of each hit, with one statement
 * for the whole page (the ids go in as a JSON array for json_each): a
 * statement per hit cost more than the search itself.
 */
static enum result search_describe(struct store *s, struct arena *a,
				   struct search_acc *acc, struct error *err)
{
	if (acc->n == 0)
		return R_OK;
	struct buf ids;
	buf_init(&ids, 32 * (acc->n + 1));
	for (size_t i = 0; i < acc->n; i++) {
		/* ids are positive: digits by hand, printf costs more here */
		char d[24];
		size_t k = sizeof(d);
		uint64_t v = (uint64_t)acc->hits[i].person_id;
		do {
			d[--k] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		buf_putc(&ids, i ? ',' : '[');
		buf_add(&ids, d + k, sizeof(d) - k);
	}
	buf_putc(&ids, ']');
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT p.id, p.given_name, p.family_name, o.name, p.title "
		    "FROM person p LEFT JOIN organization o ON o.id = p.org_id "
		    "WHERE p.id IN (SELECT value FROM json_each($1))",
		    err);
	if (!st) {
		buf_free(&ids);
		return R_DB;
	}
	sq_bind_text(st, 1, buf_str(&ids));
	enum result r;
	while ((r = sq_row(s, st, "reading search hits", err)) == R_OK) {
		int64_t id = sq_i64(st, 0);
		for (size_t i = 0; i < acc->n; i++) {
			struct search_hit *h = &acc->hits[i];
			if (h->person_id != id)
				continue;
			h->name = sq_display_name(
			    a, (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
			h->org_name = sq_text(a, st, 3);
			h->title = sq_text(a, st, 4);
			break;
		}
	}
	sqlite3_reset(st);
	buf_free(&ids);
	return r == R_NOT_FOUND ? R_OK : r;
}

/*
 * Reads, in id order, up to SEARCH_NAMES_CAP + 1 people whose name
 * matches fq, from person_name_fts; when there are more than
 * SEARCH_NAMES_CAP, adds the first of them (rank 0) to acc and sets
 * *done. Called only for pages of at most SEARCH_NAMES_CAP hits.
 */
static enum result search_names(struct store *s, const char *fq,
				struct search_acc *acc, bool *done,
				struct error *err)
{
	bool all = search_sees_all(s);
	sqlite3_stmt *st =
	    all ? sq_prep(s,
			  "SELECT rowid FROM person_name_fts "
			  "WHERE person_name_fts MATCH $1 LIMIT $2",
			  err)
		: sq_prep(s,
			  "SELECT f.rowid FROM person_name_fts f "
			  "JOIN person p ON p.id = f.rowid "
			  "WHERE person_name_fts MATCH $1 "
			  "AND " SEARCH_VISIBLE " LIMIT $5",
			  err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, fq);
	sq_bind_i64(st, all ? 2 : 5, SEARCH_NAMES_CAP + 1);
	if (!all)
		sq_bind_viewer(s, st, 2);
	int64_t first[SEARCH_NAMES_CAP];
	size_t n_first = 0;
	int count = 0;
	enum result r;
	while ((r = sq_row(s, st, "searching names", err)) == R_OK) {
		if (n_first < acc->limit && n_first < SEARCH_NAMES_CAP)
			first[n_first++] = sq_i64(st, 0);
		count++;
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*done = count > SEARCH_NAMES_CAP;
	if (*done)
		for (size_t i = 0; i < n_first; i++)
			search_add(acc, first[i], 0.0);
	return R_OK;
}

/* Runs the bounded search strategy described at the top of the file. */
static enum result search_run(struct store *s, const char *fq,
			      struct search_acc *acc, struct error *err)
{
	int count = 0;
	/* Many names match: the page is the first of them in id order, for
	 * one cheap read (ranking would only order people by the length of
	 * their names). */
	bool done = false;
	if (acc->limit <= SEARCH_NAMES_CAP &&
	    search_names(s, fq, acc, &done, err) != R_OK)
		return R_DB;
	if (done)
		return R_OK;
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
