/*
 * store_advisor.h: the honest advisor's part of the store interface
 * (store layer).
 *
 * The catalogue of offerings (store_offerings.c), a deal's needs, the
 * fit of each offering to each need and the recommendations made
 * (store_advisor.c). The same contracts as store.h: strings and arrays
 * come from the caller's arena, a missing record is R_NOT_FOUND, a
 * reference to a missing record R_INVALID naming the field, a duplicate
 * or a full list R_CONFLICT, a database failure R_DB; every write is one
 * transaction of its own or joins the running store_run_tx().
 */
#ifndef RAPPORT_STORE_STORE_ADVISOR_H
#define RAPPORT_STORE_STORE_ADVISOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/advisor.h"
#include "core/deal.h"
#include "store/store.h"
#include "util/result.h"

struct arena;
struct store;

/* ---- offerings (store_offerings.c) ---- */

/* Adds o and sets its id and times; R_CONFLICT when the vendor already
 * has an offering of that name. */
enum result store_offering_create(struct store *s, struct offering *o,
				  struct error *err);
enum result store_offering_get(struct store *s, struct arena *a, int64_t id,
			       struct offering *out, struct error *err);
/* Writes every field of o->id; R_CONFLICT as for create. */
enum result store_offering_update(struct store *s, struct offering *o,
				  struct error *err);
/* Deletes the offering with its fits on every deal; recommendations of
 * it keep its vendor and name, with offering_id none. */
enum result store_offering_delete(struct store *s, int64_t id,
				  struct error *err);
/* Lists by id a page at a time; is_ours -1 for all, 0 or 1 to filter. */
enum result store_offering_list(struct store *s, struct arena *a, int is_ours,
				const struct store_page *page,
				struct offering **items, size_t *n, bool *more,
				struct error *err);

/* ---- needs (store_advisor.c) ---- */

/* Adds n to deal n->deal_id (R_NOT_FOUND when there is none;
 * R_CONFLICT when it has ADVISOR_NEEDS_MAX needs already). */
enum result store_need_create(struct store *s, struct need *n,
			      struct error *err);
enum result store_need_get(struct store *s, struct arena *a, int64_t id,
			   struct need *out, struct error *err);
/* Writes words, weight and must_have of n->id. */
enum result store_need_update(struct store *s, struct need *n,
			      struct error *err);
/* Deletes the need with its fits. */
enum result store_need_delete(struct store *s, int64_t id, struct error *err);
/* The deal's needs by id; R_NOT_FOUND when the deal does not exist. */
enum result store_need_list(struct store *s, struct arena *a, int64_t deal_id,
			    struct need **items, size_t *n, struct error *err);

/* ---- fits (store_advisor.c) ---- */

/*
 * Sets how offering f->offering_id fits need f->need_id of deal deal_id
 * (a score, or unknown), replacing what was there; *created says whether
 * the pair is new. R_NOT_FOUND when the deal does not exist; R_INVALID
 * (need_id) when the need is not on this deal, (offering_id) when the
 * offering does not exist; R_CONFLICT when the offering is new to the
 * deal and ADVISOR_OPTIONS_MAX are compared already. Sets f->id and
 * f->updated_at.
 */
enum result store_fit_put(struct store *s, int64_t deal_id, struct fit *f,
			  bool *created, struct error *err);
/* Takes offering_id out of deal_id's comparison (its fits on the deal's
 * needs); R_NOT_FOUND when it was not compared there. */
enum result store_fit_drop(struct store *s, int64_t deal_id,
			   int64_t offering_id, struct error *err);

/* Everything the ranking of one deal reads, in one snapshot. */
struct advisor_data {
	struct deal deal;
	struct need *needs; /* by id */
	size_t n_needs;
	struct offering *offerings; /* compared on the deal, by id */
	size_t n_offerings;
	struct fit *fits;
	size_t n_fits;
};
/* Reads deal_id's needs, compared offerings and fits (R_NOT_FOUND when
 * the deal does not exist). */
enum result store_advisor_read(struct store *s, struct arena *a,
			       int64_t deal_id, struct advisor_data *out,
			       struct error *err);

/* Points in at d's needs, offerings, fits and the deal's value and
 * currency (borrowed), ready for advisor_rank(). */
void store_advisor_input(const struct advisor_data *d,
			 struct advisor_input *in);

/* ---- recommendations (store_advisor.c) ---- */

/*
 * Records r on deal r->deal_id, copying the offering's vendor, name and
 * is_ours (set in r too); ranking_json is stored as given. R_NOT_FOUND
 * when the deal does not exist, R_INVALID (offering_id) when the
 * offering does not. Sets r->id and r->created_at (now when 0).
 */
enum result store_recommendation_create(struct store *s, struct arena *a,
					struct recommendation *r,
					struct error *err);
/* The deal's recommendations, newest first; R_NOT_FOUND without the deal. */
enum result store_recommendation_list(struct store *s, struct arena *a,
				      int64_t deal_id,
				      struct recommendation **items, size_t *n,
				      struct error *err);
/*
 * Counts recommendations made from from_time up to (not including)
 * to_time on deals of owner (NULL: every deal): *total, and *competitor
 * of them for an offering that is not ours.
 */
enum result store_recommendation_counts(struct store *s, int64_t from_time,
					int64_t to_time, const char *owner,
					int64_t *total, int64_t *competitor,
					struct error *err);

#endif
