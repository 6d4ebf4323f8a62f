/*
 * demo.h: the demo data set behind `rapport init --demo` (cli layer).
 *
 * A small, believable book of relationships: people in a handful of
 * organizations with their families, passions and tastes, birthdays and
 * anniversaries, touches over the past months, follow-ups and who
 * introduced whom. Dates and touches are placed relative to today so the
 * daily list always has something on it.
 */
#ifndef RAPPORT_CLI_DEMO_H
#define RAPPORT_CLI_DEMO_H

#include <stdint.h>

#include "util/result.h"

struct store;

/* What demo_fill() created. */
struct demo_counts {
	int orgs;
	int people;
	int facts;
	int dates;
	int interactions;
	int relationships;
};

/*
 * Fills the store with the demo data in one transaction, as of now (UTC
 * seconds) in a time zone utc_offset seconds from UTC. Refuses with
 * R_CONFLICT, writing nothing, when the database already holds people or
 * organizations. On success fills *counts. Any failure rolls everything
 * back and leaves its reason in err.
 */
enum result demo_fill(struct store *s, int64_t now, int32_t utc_offset,
		      struct demo_counts *counts, struct error *err);

/*
 * Adds the demo's deals (demo_deals.c) for the organizations and people
 * demo_fill() created, given by their index in its tables; a is scratch
 * memory. Called inside demo_fill()'s transaction.
 */
struct arena;
enum result demo_deals_put(struct store *s, struct arena *a,
			   const int64_t *org_ids, const int64_t *person_ids,
			   int64_t now, int64_t today, struct error *err);

/*
 * Adds the honest advisor's demo (demo_advisor.c): needs, offerings and
 * scores on two of the demo's deals, and a competitor recommended on
 * one. Called after demo_deals_put(), inside the same transaction.
 */
enum result demo_advisor_put(struct store *s, struct arena *a,
			     const int64_t *org_ids, int64_t now,
			     struct error *err);

#endif
