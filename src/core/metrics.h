/*
 * metrics.h: what trust earns, measured over a period and per owner
 * (core layer).
 *
 * Win rate alone rewards pushing. These measures also count what pushing
 * costs: deals rescinded after they were won, customers who come back,
 * referrals, how long the buyer waits for an answer and for a concern to
 * be settled, how often the business was asked for while concerns were
 * unsettled, and how many deals have gone quiet. The store reads the raw
 * rows (metrics inputs) and this module does all the counting, so every
 * figure is tested here with hand-checked numbers. See docs/deals.md for
 * the definitions and why they were chosen.
 */
#ifndef RAPPORT_CORE_METRICS_H
#define RAPPORT_CORE_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/deal.h"

struct arena;

/* One deal as the measures see it. */
struct metrics_deal {
	int64_t id;
	int64_t org_id;
	const char *owner; /* NULL: nobody */
	enum deal_status status;
	enum deal_source source;
	int64_t created_at;
	bool has_won_on;
	int64_t won_on; /* day */
	bool has_closed_on;
	int64_t closed_on; /* day */
	int64_t last_activity; /* deal_rules_last_activity() */
	/* not the viewer's to see: counted nowhere, only read to tell
	 * repeat business from a first win */
	bool hidden;
};

/* An ask for the business (an interaction of kind ask on a deal). */
struct metrics_ask {
	int64_t deal_id;
	int64_t at;
};

/*
 * Everything the measures read. deals must be sorted by id and concerns
 * by deal_id (the store reads them so); asks in any order. Concerns and
 * asks of deals missing from deals are ignored.
 */
struct metrics_input {
	const struct metrics_deal *deals;
	size_t n_deals;
	const struct concern *concerns;
	size_t n_concerns;
	const struct metrics_ask *asks;
	size_t n_asks;
};

/* A share: num / den, undefined (JSON null) when den is 0. */
struct metrics_rate {
	int64_t num;
	int64_t den;
};

/* A median duration in seconds over count values; none when count is 0. */
struct metrics_median {
	int64_t count;
	int64_t seconds;
};

struct metrics {
	int64_t from_day, to_day; /* the period, both days included (UTC) */
	const char *owner;        /* borrowed; NULL: every owner */
	int64_t deals_started;    /* created in the period */
	int64_t won;              /* won_on in the period (rescinded or not) */
	int64_t lost;             /* closed lost in the period */
	int64_t no_fit;           /* closed no_fit in the period */
	struct metrics_rate win_rate;         /* won / (won + lost) */
	struct metrics_rate rescission_rate;  /* of won: now rescinded */
	struct metrics_rate repeat_rate;      /* of won: repeat business */
	struct metrics_rate referral_share;   /* of started: referrals */
	struct metrics_median time_to_answer; /* answered in the period */
	struct metrics_median time_to_resolve; /* resolved in the period */
	struct metrics_rate asks_flagged;     /* asks in the period */
	int64_t stalled;     /* open deals stalled at now */
	int stall_days;      /* the threshold used */
};

/*
 * Computes the measures for deals owned by owner (NULL: all deals) over
 * the days from_day..to_day (both included, UTC), with now and stall_days
 * for the stalled count (see deal_rules_stall). Scratch memory comes from
 * a. Fills *out; never fails.
 *
 * A won deal is repeat business when its organization's first won deal
 * (the earliest won_on, then the lowest id, among every owner's deals)
 * is another deal; deal_rules.h says the same for one deal's page.
 */
void metrics_compute(const struct metrics_input *in, const char *owner,
		     int64_t from_day, int64_t to_day, int64_t now,
		     int stall_days, struct arena *a, struct metrics *out);

/*
 * The same for everyone and for each of owners at once, in one pass:
 * out[0] is all deals, out[1 + i] the deals of owners[i]. owners must be
 * sorted in byte order without repeats (metrics_owners() gives them so);
 * out has room for n_owners + 1 results.
 */
void metrics_compute_groups(const struct metrics_input *in,
			    const char *const *owners, size_t n_owners,
			    int64_t from_day, int64_t to_day, int64_t now,
			    int stall_days, struct arena *a,
			    struct metrics *out);

/*
 * The distinct owners of the deals, sorted (byte order), without NULL;
 * *owners is arena-owned, the strings borrowed from the deals.
 */
void metrics_owners(const struct metrics_input *in, struct arena *a,
		    const char ***owners, size_t *n);

/* The value of a rate in [0, 1]; false when it is undefined. */
bool metrics_rate_value(struct metrics_rate r, double *out);

#endif
