/*
 * store_coach.c: the coach's concerns against a deal's ledger (store
 * layer).
 *
 * No SQL of its own: it reads and writes through the deal queries
 * (store_deals.c, store_concerns.c) inside one scope, so that "which are
 * new" and "add the new ones" see the same ledger and a second run adds
 * nothing. The rules (what counts as the same concern, which deals take
 * concerns) are core's, in concern_suggest.c.
 */
#include "store/store_coach.h"

#include "core/validate_deal.h"
#include "sq.h"
#include "store/store_deal.h"

/* Reads the deal and its ledger and marks the suggestions found on it. */
static enum result store_coach_read(struct store *s, struct arena *a,
				    int64_t deal_id,
				    struct concern_suggestion *sugg, size_t n,
				    struct deal *deal, struct error *err)
{
	enum result r = store_deal_get(s, a, deal_id, deal, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "deal",
				 "deal: there is no deal %lld",
				 (long long)deal_id);
	if (r == R_OK)
		r = concern_suggest_deal_check(deal, err);
	struct concern *ledger = NULL;
	size_t n_ledger = 0;
	if (r == R_OK)
		r = store_concern_list(s, a, deal_id, &ledger, &n_ledger, err);
	if (r == R_OK)
		concern_suggest_match(sugg, n, ledger, n_ledger);
	return r;
}

enum result store_coach_concerns(struct store *s, struct arena *a,
				 int64_t deal_id,
				 struct concern_suggestion *sugg, size_t n,
				 const bool *pick, bool apply, int64_t at,
				 struct deal *deal, struct error *err)
{
	if (!apply)
		return store_coach_read(s, a, deal_id, sugg, n, deal, err);
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = store_coach_read(s, a, deal_id, sugg, n, deal, err);
	for (size_t i = 0; i < n && r == R_OK; i++) {
		if (sugg[i].existing_id || (pick && !pick[i]))
			continue;
		for (size_t j = 0; j < i && !sugg[i].existing_id; j++)
			if (sugg[j].added_id &&
			    sugg[j].category == sugg[i].category &&
			    concern_suggest_same_words(sugg[j].words,
						       sugg[i].words)) {
				sugg[i].existing_id = sugg[j].added_id;
				sugg[i].existing_status = CSTATUS_OPEN;
			}
		if (sugg[i].existing_id)
			continue;
		struct concern k = {0};
		k.deal_id = deal_id;
		k.category = sugg[i].category;
		k.words = sugg[i].words;
		k.status = CSTATUS_OPEN;
		k.source = CSOURCE_COACH;
		k.raised_at = at;
		r = validate_concern(&k, at, err);
		if (r == R_OK)
			r = store_concern_create(s, &k, err);
		if (r == R_OK)
			sugg[i].added_id = k.id;
	}
	r = sq_end(s, r, err);
	if (r != R_OK)
		for (size_t i = 0; i < n; i++)
			sugg[i].added_id = 0;
	return r;
}
