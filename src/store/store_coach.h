/*
 * store_coach.h: the coach's concerns against a deal's ledger (store
 * layer).
 *
 * The one use case behind POST /api/v1/coach?deal=ID, the coach page's
 * "Add to the deal's concern ledger" and `rapport coach --deal`: read the
 * deal, refuse a closed one, mark which suggestions are on the ledger
 * already and, when asked, add the others with source coach. Same
 * contracts as store.h.
 */
#ifndef RAPPORT_STORE_STORE_COACH_H
#define RAPPORT_STORE_STORE_COACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/concern_suggest.h"
#include "core/deal.h"
#include "store/store.h"
#include "util/result.h"

struct arena;

/*
 * Reads deal deal_id into *deal (strings from a) and fills existing_id
 * and existing_status of the n suggestions from its ledger. With apply,
 * adds each suggestion not on the ledger yet (only those with pick[i]
 * true when pick is not NULL) as an open concern with source coach,
 * raised at at, and sets its added_id; all of them or none, in one write
 * scope that joins a running store_run_tx(). Running it again adds
 * nothing, since what it added is then on the ledger.
 *
 * R_NOT_FOUND (field "deal") when there is no such deal; R_INVALID
 * (field "deal") when the deal is not open; R_INVALID naming "words" when
 * a suggestion's words are refused by validate_concern (not expected:
 * concern_suggest() cleans them); R_DB on a database failure.
 */
enum result store_coach_concerns(struct store *s, struct arena *a,
				 int64_t deal_id,
				 struct concern_suggestion *sugg, size_t n,
				 const bool *pick, bool apply, int64_t at,
				 struct deal *deal, struct error *err);

#endif
