/*
 * validate_advisor.h: the rules an offering, a need, a fit and a
 * recommendation keep before they are stored (core layer).
 *
 * As validate.h: each function checks the whole record and returns R_OK,
 * or R_INVALID with err naming the first field at fault (as the JSON API
 * names it) and a sentence that says how to fix it. Whether referenced
 * records exist is the store's to check.
 */
#ifndef RAPPORT_CORE_VALIDATE_ADVISOR_H
#define RAPPORT_CORE_VALIDATE_ADVISOR_H

#include "core/advisor.h"
#include "util/result.h"

/*
 * An offering: vendor and name required (one line each); price
 * 0..DEAL_MONEY_MAX minor units; currency three capital letters,
 * required with a price; price_model in range; notes multi-line; at
 * most ADVISOR_LINKS_MAX links, each an http:// or https:// address of
 * at most ADVISOR_LINK_MAX bytes with no spaces.
 */
enum result validate_offering(const struct offering *o, struct error *err);

/* A need: deal_id set; words required (multi-line, the buyer's own);
 * weight ADVISOR_WEIGHT_MIN..ADVISOR_WEIGHT_MAX. */
enum result validate_need(const struct need *n, struct error *err);

/* A fit: need_id and offering_id set; a score 0..5 comes with its
 * evidence (a score without evidence is a guess); evidence multi-line,
 * source one line. */
enum result validate_fit(const struct fit *f, struct error *err);

/* A recommendation: deal_id and offering_id set, rationale required. */
enum result validate_recommendation(const struct recommendation *r,
				    struct error *err);

#endif
