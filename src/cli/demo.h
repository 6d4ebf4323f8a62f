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

#endif
