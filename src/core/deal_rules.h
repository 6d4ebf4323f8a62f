/*
 * deal_rules.h: is a deal ready for an ask, has it stalled, was an ask
 * made over unsettled concerns (core layer).
 *
 * Pure functions of the deal's parts: the caller reads them from the
 * store and passes the clock in (now as a time, today as a day count), so
 * the rules are tested with hand-made values.
 */
#ifndef RAPPORT_CORE_DEAL_RULES_H
#define RAPPORT_CORE_DEAL_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/deal.h"

#define DEAL_READINESS_MISSING_MAX 3
#define DEAL_READINESS_TEXT_MAX 512

/*
 * Whether a deal is ready for an ask, and if not, what is missing, one
 * sentence per condition, in the order: concerns, decision maker, buyer
 * steps overdue.
 */
struct deal_readiness {
	bool ready;
	int open_concerns;     /* concerns in status open */
	int answered_concerns; /* answered, waiting for the buyer to confirm */
	bool has_decision_maker;
	int overdue_buyer_steps; /* owned by the buyer (or both), past due */
	size_t n_missing;
	char missing[DEAL_READINESS_MISSING_MAX][DEAL_READINESS_TEXT_MAX];
};

/*
 * A deal is ready for an ask when no concern is open or merely answered,
 * a stakeholder with the role decision_maker is known, and no plan step
 * owned by the buyer or by both is past its due day (due before today)
 * and not done. Fills *out; the arrays are borrowed.
 */
void deal_rules_readiness(const struct concern *concerns, size_t n_concerns,
			  const struct stakeholder *people, size_t n_people,
			  const struct plan_step *steps, size_t n_steps,
			  int64_t today, struct deal_readiness *out);

struct deal_stall {
	bool stalled;
	int64_t since;  /* the last sign of life: time of the latest activity */
	int64_t days_quiet; /* whole days from since to now */
	int threshold_days;
};

/*
 * The latest sign of life on a deal: the newest of its creation, its
 * newest interaction (0: none) and the newest plan step done.
 */
int64_t deal_rules_last_activity(int64_t created_at, int64_t last_interaction,
				 const struct plan_step *steps,
				 size_t n_steps);

/*
 * An open deal is stalled when more than threshold_days whole days (of
 * 86400 seconds) have passed since last_activity; other statuses never
 * stall. threshold_days below 1 means DEAL_STALL_DAYS_DEFAULT.
 */
void deal_rules_stall(enum deal_status status, int64_t last_activity,
		      int64_t now, int threshold_days, struct deal_stall *out);

/*
 * True when, at time at, some concern had been raised and was not yet
 * resolved or dropped (open or answered): an ask then is flagged. Taken
 * from the concerns' times, so an ask recorded late is judged by the
 * ledger as it stood when the ask was made. A concern reopened after at
 * has lost its earlier resolution time and counts as unsettled since it
 * was raised.
 */
bool deal_rules_ask_flagged(const struct concern *concerns, size_t n,
			    int64_t at);

/*
 * Repeat business: a deal is repeat business when its organization's
 * first won deal (the earliest won day, then the lowest id, counting
 * deals rescinded later) exists and is another deal. first_won_id is
 * that deal's id, 0 when the organization never won one.
 */
bool deal_rules_repeat(int64_t deal_id, int64_t first_won_id);

#endif
