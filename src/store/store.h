/*
 * store.h: the one interface to rapport's data (store layer).
 *
 * Everything above this layer reads and writes through these functions;
 * only store/ speaks SQL. A struct store is one connection: use it from
 * one thread at a time (the server keeps one per worker thread). Strings
 * and arrays in results are allocated from the caller's arena.
 *
 * Every function that can fail returns an enum result and, given a
 * non-NULL struct error, says what went wrong in words a person can act
 * on (the field, and how to fix it). A missing record is R_NOT_FOUND, a
 * reference to a missing record (org_id 7 that does not exist) is
 * R_INVALID naming the field, a duplicate of something unique R_CONFLICT,
 * a database failure R_DB.
 *
 * Writes outside store_run_tx() are each their own transaction. Use cases
 * that read, check and write run inside store_run_tx() so that nothing is
 * half-written.
 */
#ifndef RAPPORT_STORE_STORE_H
#define RAPPORT_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/today.h"
#include "util/result.h"

struct arena;
struct store;

/* Page size bounds for list functions. */
#define STORE_LIMIT_DEFAULT 50
#define STORE_LIMIT_MAX 500

/*
 * Opens (creating if need be) the database at path and applies pending
 * migrations in one transaction. A database made by a newer rapport is
 * refused with R_INVALID and a message naming both versions. On success
 * *out is a new store owned by the caller (store_close() it).
 */
enum result store_open(const char *path, struct store **out,
		       struct error *err);
/* Closes the connection. NULL is a no-op. */
void store_close(struct store *s);
/* The schema version the database is at, and the newest this binary knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/*
 * Runs fn(s, ctx, err) inside one transaction (BEGIN IMMEDIATE): commits
 * when it returns R_OK, rolls back otherwise. Retries the whole of fn a
 * few times when the database is busy, so fn must be safe to run again.
 * Returns what fn returned (or R_DB). Write functions called inside join
 * the transaction; each runs in a savepoint, so one that fails leaves
 * nothing behind while fn decides what to do. Should not be nested (a
 * nested call becomes a savepoint and is not retried).
 */
typedef enum result (*store_tx_fn)(struct store *s, void *ctx,
				   struct error *err);
enum result store_run_tx(struct store *s, store_tx_fn fn, void *ctx,
			 struct error *err);

/*
 * Runs fn(s, ctx, err) inside one read transaction, so that every read it
 * makes sees the same snapshot of the database (and the connection takes
 * its read lock once). fn must not write. Returns what fn returned (or
 * R_DB when the transaction cannot start).
 */
enum result store_run_read(struct store *s, store_tx_fn fn, void *ctx,
			   struct error *err);

/*
 * For a server that checkpoints the write-ahead log from a thread of its
 * own (store_checkpoint): makes this connection's writers leave the
 * checkpoint to it unless the log passes pages pages (a backstop), so
 * that no request waits for a checkpoint's copying and syncing.
 */
void store_checkpoint_after(struct store *s, int pages);
/*
 * Copies what it can of the write-ahead log into the database without
 * waiting for or blocking readers and writers (a passive checkpoint).
 * R_DB with err filled when SQLite fails.
 */
enum result store_checkpoint(struct store *s, struct error *err);

/* Filters and paging for list functions. A limit of 0 means default. */
struct store_page {
	int64_t after_id; /* return records with id > after_id; 0: from start */
	int limit;
};

struct person_filter {
	const char *tag; /* NULL: any */
	int64_t org_id;  /* 0: any */
};

/* ---- people ---- */

/*
 * Creates p with its tags and contacts; sets p->id, created_at, updated_at
 * (and contact ids). Tags are created as needed. The search index is
 * updated in the same transaction.
 */
enum result store_person_create(struct store *s, struct person *p,
				struct error *err);
/* Reads one person with tags, contacts, org_name and last_touch. */
enum result store_person_get(struct store *s, struct arena *a, int64_t id,
			     struct person *out, struct error *err);
/* Replaces all fields, tags and contacts of person p->id; bumps updated_at. */
enum result store_person_update(struct store *s, struct person *p,
				struct error *err);
/* Deletes the person and what hangs off them (contacts, tag links, facts,
 * dates, relationships, their place on interactions; interactions with
 * nobody left). People they referred keep referred_by 0. */
enum result store_person_delete(struct store *s, int64_t id,
				struct error *err);
/* Lists people by id; *more says whether another page follows. */
enum result store_person_list(struct store *s, struct arena *a,
			      const struct person_filter *f,
			      const struct store_page *page,
			      struct person **items, size_t *n, bool *more,
			      struct error *err);

/* A search result: the person and a rank (lower is better; 0 for hits
 * added unranked when the query matched too many people to rank). */
struct search_hit {
	int64_t person_id;
	const char *name;
	const char *org_name;
	const char *title;
	double rank;
};
/*
 * Full-text prefix search over names, organization, title, emails, notes
 * and facts: every word of q must match the start of a word. Ranked best
 * first, at most limit hits (0: STORE_LIMIT_DEFAULT, clamped to
 * STORE_LIMIT_MAX). An empty or punctuation-only q gives no hits. When
 * more than a few hundred people match, only matches in the name are
 * ranked and the rest follow in id order (see store_search.c).
 */
enum result store_person_search(struct store *s, struct arena *a,
				const char *q, int limit,
				struct search_hit **hits, size_t *n,
				struct error *err);

/* ---- organizations ---- */
enum result store_org_create(struct store *s, struct organization *o,
			     struct error *err);
enum result store_org_get(struct store *s, struct arena *a, int64_t id,
			  struct organization *out, struct error *err);
enum result store_org_update(struct store *s, struct organization *o,
			     struct error *err);
/* Deleting an organization leaves its people without one; one with deals
 * is refused (R_CONFLICT). */
enum result store_org_delete(struct store *s, int64_t id, struct error *err);
enum result store_org_list(struct store *s, struct arena *a,
			   const struct store_page *page,
			   struct organization **items, size_t *n, bool *more,
			   struct error *err);

/* ---- facts ---- */
enum result store_fact_create(struct store *s, struct fact *f,
			      struct error *err);
enum result store_fact_get(struct store *s, struct arena *a, int64_t id,
			   struct fact *out, struct error *err);
enum result store_fact_update(struct store *s, struct fact *f,
			      struct error *err);
enum result store_fact_delete(struct store *s, int64_t id, struct error *err);
/* A person's facts, all of them (people have tens, not thousands), by id.
 * R_NOT_FOUND when the person does not exist. The same holds for
 * store_date_list (ordered by month and day) and store_relationship_list. */
enum result store_fact_list(struct store *s, struct arena *a,
			    int64_t person_id, struct fact **items, size_t *n,
			    struct error *err);

/* ---- important dates ---- */
enum result store_date_create(struct store *s, struct important_date *d,
			      struct error *err);
enum result store_date_get(struct store *s, struct arena *a, int64_t id,
			   struct important_date *out, struct error *err);
enum result store_date_update(struct store *s, struct important_date *d,
			      struct error *err);
enum result store_date_delete(struct store *s, int64_t id, struct error *err);
enum result store_date_list(struct store *s, struct arena *a,
			    int64_t person_id, struct important_date **items,
			    size_t *n, struct error *err);

/* ---- interactions ---- */
/* Creates i with its people; the people's last touch moves if newer. */
enum result store_interaction_create(struct store *s, struct interaction *i,
				     struct error *err);
enum result store_interaction_get(struct store *s, struct arena *a,
				  int64_t id, struct interaction *out,
				  struct error *err);
enum result store_interaction_update(struct store *s, struct interaction *i,
				     struct error *err);
enum result store_interaction_delete(struct store *s, int64_t id,
				     struct error *err);
/*
 * With person_id 0: every interaction by id, page.after_id as usual.
 * With person_id set: that person's timeline, newest first (occurred_at
 * descending, then id descending); page.after_id is then the id of the
 * last interaction of the previous page and the next page holds the
 * interactions older than it in that order. R_NOT_FOUND when the person
 * does not exist, R_INVALID (field after_id) when that interaction does
 * not. Each item comes with its people.
 */
enum result store_interaction_list(struct store *s, struct arena *a,
				   int64_t person_id,
				   const struct store_page *page,
				   struct interaction **items, size_t *n,
				   bool *more, struct error *err);

/*
 * The interactions on deal deal_id, newest first (occurred_at, then id,
 * descending), at most limit (1..STORE_LIMIT_MAX), each with its people;
 * *more says whether older ones exist. R_NOT_FOUND when the deal does
 * not exist. (store_interactions.c)
 */
enum result store_interaction_list_by_deal(struct store *s, struct arena *a,
					   int64_t deal_id, int limit,
					   struct interaction **items,
					   size_t *n, bool *more,
					   struct error *err);
/* The people referred by person id (referred_by = id), by name, at most
 * limit (1..STORE_LIMIT_MAX); *more says whether more exist.
 * (store_people.c) */
enum result store_person_list_referred(struct store *s, struct arena *a,
				       int64_t id, int limit,
				       struct person **items, size_t *n,
				       bool *more, struct error *err);

/* ---- relationships ---- */
enum result store_reltype_create(struct store *s, struct relationship_type *t,
				 struct error *err);
enum result store_reltype_list(struct store *s, struct arena *a,
			       struct relationship_type **items, size_t *n,
			       struct error *err);
/* Refuses (R_CONFLICT) to delete a built-in type or one in use. */
enum result store_reltype_delete(struct store *s, int64_t id,
				 struct error *err);
enum result store_relationship_create(struct store *s, struct relationship *r,
				      struct error *err);
enum result store_relationship_get(struct store *s, struct arena *a,
				   int64_t id, struct relationship *out,
				   struct error *err);
enum result store_relationship_delete(struct store *s, int64_t id,
				      struct error *err);
/* Every relationship the person is on, from either side. */
enum result store_relationship_list(struct store *s, struct arena *a,
				    int64_t person_id,
				    struct relationship **items, size_t *n,
				    struct error *err);

/* ---- tags ---- */
/* Creates the tag or sets its cadence. */
enum result store_tag_put(struct store *s, const struct tag *t,
			  struct error *err);
enum result store_tag_list(struct store *s, struct arena *a,
			   struct tag **items, size_t *n, struct error *err);

/* ---- today ---- */
/*
 * Reads what today_build() needs: every person with a cadence of their own
 * or from a tag (people with none cannot be due), every important date,
 * every follow-up not done and due on or before until_day. Not bounded:
 * the reference store_today_read() is tested against.
 */
enum result store_today_inputs(struct store *s, struct arena *a,
			       int64_t until_day, struct cadence_row **people,
			       size_t *n_people, struct date_row **dates,
			       size_t *n_dates, struct followup_row **followups,
			       size_t *n_followups, struct error *err);

/* What store_today_read() is asked for: the user's day and offset from
 * UTC, how far ahead to look for dates, and the page of due people. */
struct today_window {
	int64_t local_day;  /* today's day count in the user's zone */
	int32_t utc_offset; /* seconds */
	int horizon_days;   /* as today_build()'s */
	int limit;          /* due people to read, from offset on */
	int offset;
};

/* What store_today_read() reads, for today_build(). */
struct today_inputs {
	struct cadence_row *people; /* the page of due people, in order */
	size_t n_people;
	size_t due_total;      /* every person due */
	size_t past_max_total; /* of them, those past their maximum */
	struct date_row *dates; /* the dates that may be in the window */
	size_t n_dates;
	struct followup_row *followups; /* every follow-up due */
	size_t n_followups;
};

/*
 * Reads the daily list in one snapshot, bounded for a large database:
 * the page (w->offset, w->limit) of due people in core's order (past
 * their maximum first, most overdue, name, id) with the count of all due
 * and past their maximum, found from each person's due_at and
 * past_max_at (see 0001-init.sql and docs/today.md); the dates whose day
 * of the year falls in the window (a superset: today_build() keeps those
 * in it); the follow-ups due. Passed to today_build(), these give the
 * same due people, dates and follow-ups as store_today_inputs(), whose
 * reads are not bounded.
 */
enum result store_today_read(struct store *s, struct arena *a,
			     const struct today_window *w,
			     struct today_inputs *out, struct error *err);

#endif
