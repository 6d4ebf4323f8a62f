/*
 * coach_deal_json.h: the deal part of a coach reply (codec layer).
 *
 * POST /api/v1/coach?deal=ID and `rapport coach --deal ID --json` add the
 * same keys to the object of coach_json.h, from this one encoder: "deal"
 * (id, title, status), "concerns" (what the coach would put on the
 * ledger: category, words, speaker in transcripts, the index of the first
 * finding behind it, and whether the same concern is on the ledger
 * already: exists, existing_id, existing_status), "applied", "added" (the
 * ids of the concerns just added, empty unless applied) and, for seller
 * text, a "note" saying why there are no concerns.
 */
#ifndef RAPPORT_CODEC_COACH_DEAL_JSON_H
#define RAPPORT_CODEC_COACH_DEAL_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "core/coach/coach.h"
#include "core/concern_suggest.h"
#include "core/deal.h"

/* The note given with seller text (no buyer concerns in it). */
#define COACH_DEAL_SELLER_NOTE                                                 \
	"seller text has no buyer concerns, so nothing goes on the deal's "    \
	"ledger; coach what the buyer wrote (role buyer) or a call "           \
	"transcript (role transcript) to find them"

/*
 * Adds the keys above to o (a coach result object; borrowed) for deal d
 * and the n suggestions s of a coach run in role; applied says whether
 * they were just written (their added_id set).
 */
void coach_deal_json_add(json_t *o, const struct deal *d, enum coach_role role,
			 const struct concern_suggestion *s, size_t n,
			 bool applied);

#endif
