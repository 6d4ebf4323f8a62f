/*
 * validate_deal.h: the rules a deal and its parts keep before they are
 * stored (core layer).
 *
 * As validate.h: each function checks the whole record and returns R_OK,
 * or R_INVALID with err naming the first field at fault (as the JSON API
 * names it) and a sentence that says how to fix it. References to other
 * records (org_id, person_id, ...) are checked for shape here and for
 * existence by the store.
 */
#ifndef RAPPORT_CORE_VALIDATE_DEAL_H
#define RAPPORT_CORE_VALIDATE_DEAL_H

#include <stdint.h>

#include "core/deal.h"
#include "util/result.h"

/*
 * A deal: org_id and title required; need and benefit multi-line; value
 * and price 0..DEAL_MONEY_MAX minor units; currency three capital letters,
 * required when value or price is set; stage, status and source in range;
 * referred_by required when the source is a referral and refused
 * otherwise; owner one line; status_reason multi-line.
 */
enum result validate_deal(const struct deal *d, struct error *err);

/* A stakeholder: person_id required; role and stance in range; notes. */
enum result validate_stakeholder(const struct stakeholder *s,
				 struct error *err);

/* A plan step: title required; side in range; owner_person_id 0 or an id;
 * due_on a real day between the years 1800 and 9999; position >= 0. */
enum result validate_plan_step(const struct plan_step *p, struct error *err);

/*
 * A concern: words required (the buyer's words); category, status and
 * source in range; raised_by 0 or an id; answer and close_reason
 * multi-line; raised_at after 1900 and no more than a day after now.
 */
enum result validate_concern(const struct concern *c, int64_t now,
			     struct error *err);

/*
 * A time given for an event (a stage move, an answer, a step done): after
 * 1900 and no more than a day after now. field names it in the message.
 */
enum result validate_event_time(const char *field, int64_t at, int64_t now,
				struct error *err);

/* A stall threshold in days: 1..DEAL_STALL_DAYS_MAX. */
enum result validate_stall_days(const char *field, int64_t days,
				struct error *err);

#endif
