/*
 * advisor.h: the honest advisor: the buyer's weighted needs, the
 * offerings that could meet them (ours and competitors'), how well each
 * fits each need, and the ranking that follows (core layer).
 *
 * A seller who could never recommend a competitor cannot be trusted to
 * recommend anything, so nothing here prefers our own offerings: is_ours
 * is shown, never weighed. The ranking is a weighted score over the
 * needs with three honesty rules:
 *
 *  - a must-have is a hard limit: an offering whose known score on one is
 *    below ADVISOR_MUST_MIN does not fit, and says which need and why;
 *  - an unknown score is unknown, not zero: each offering has a point
 *    score over the needs whose score is known and the range it could
 *    still take (every unknown 0 .. every unknown 5);
 *  - the ranking says how sure it is (the smallest single change to a
 *    weight or a known score that would put second level with or above
 *    first) and which unknowns could change the order if found out.
 *
 * Value for money sets the deal's expected benefit against each
 * offering's yearly cost, beside the score and never mixed into it.
 * Strings are borrowed as in deal.h; ids are positive, 0 means none.
 * docs/advisor.md has the definitions with a worked example.
 */
#ifndef RAPPORT_CORE_ADVISOR_H
#define RAPPORT_CORE_ADVISOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/result.h"

struct arena;
struct buf;

#define ADVISOR_WEIGHT_MIN  1
#define ADVISOR_WEIGHT_MAX  5
#define ADVISOR_SCORE_MAX   5
#define ADVISOR_MUST_MIN    3	 /* a must-have is met from this score up */
#define ADVISOR_NEEDS_MAX   30	 /* needs on one deal */
#define ADVISOR_OPTIONS_MAX 30	 /* offerings compared on one deal */
#define ADVISOR_LINKS_MAX   10	 /* links on one offering */
#define ADVISOR_LINK_MAX    2000 /* bytes in one link */

/* How an offering is priced; value for money needs a yearly cost. */
enum price_model {
	PRICE_ONE_TIME,
	PRICE_MONTHLY,
	PRICE_YEARLY,
	PRICE_PER_USER_MONTHLY,
	PRICE_PER_USER_YEARLY,
	PRICE_QUOTE, /* priced on request */
	PRICE_MODEL_COUNT
};

/* An offering in the shared catalogue, ours or a competitor's. */
struct offering {
	int64_t id;
	const char *vendor;   /* required */
	const char *name;     /* required; vendor and name are unique */
	int64_t price_minor;  /* minor units; 0: unknown */
	const char *currency; /* required with a price */
	enum price_model price_model;
	const char *notes;
	const char **links; /* http(s) links, at most ADVISOR_LINKS_MAX */
	size_t n_links;
	bool is_ours;
	int64_t created_at;
	int64_t updated_at;
};

/* A need on a deal, in the buyer's words. */
struct need {
	int64_t id;
	int64_t deal_id;
	const char *words; /* required */
	int weight;	   /* ADVISOR_WEIGHT_MIN..MAX */
	bool must_have;
	int64_t created_at;
	int64_t updated_at;
};

/* How well an offering meets a need: a score with its evidence, or not
 * known yet (has_score false; evidence may say what was asked). */
struct fit {
	int64_t id;
	int64_t need_id;
	int64_t offering_id;
	bool has_score;
	int score;	      /* 0..ADVISOR_SCORE_MAX when has_score */
	const char *evidence; /* a sentence; required with a score */
	const char *source;   /* where it comes from: a trial, a document */
	int64_t updated_at;
};

/* A recommendation as recorded, with the ranking at that moment. */
struct recommendation {
	int64_t id;
	int64_t deal_id;
	int64_t offering_id;	   /* 0 once the offering is deleted */
	const char *offering_name; /* copied when recorded */
	const char *vendor;	   /* copied when recorded */
	bool is_ours;		   /* copied when recorded */
	const char *rationale;	   /* required */
	const char *ranking_json;  /* the ranking then, as the API gives it */
	int64_t created_at;
};

/* What the ranking reads: one deal's needs, the offerings compared on
 * it, the scores known or recorded as unknown (a missing pair is
 * unknown), and the deal's expected benefit. */
struct advisor_input {
	const struct need *needs;
	size_t n_needs;
	const struct offering *offerings;
	size_t n_offerings;
	const struct fit *fits;
	size_t n_fits;
	int64_t benefit_minor; /* the deal's value; 0: unknown */
	const char *currency;  /* the deal's currency */
};

enum advisor_vfm_state {
	VFM_OK,
	VFM_NO_BENEFIT,	    /* the deal has no expected value */
	VFM_NO_PRICE,	    /* the offering has no price */
	VFM_OTHER_CURRENCY, /* priced in another currency */
	VFM_PER_USER,	    /* the cost depends on the number of users */
	VFM_QUOTE,	    /* priced on request */
};

/* Value for money: the expected benefit against the yearly cost. */
struct advisor_vfm {
	enum advisor_vfm_state state;
	int64_t yearly_cost; /* minor units (VFM_OK) */
	int64_t net;	     /* benefit - yearly cost */
	double ratio;	     /* benefit / yearly cost */
};

/* One offering's place in the ranking. Indexes are into the input. */
struct advisor_rank {
	size_t offering;
	int place;	/* 1-based; offerings tied share a place */
	bool fits;	/* no must-have failed */
	size_t *failed; /* must-haves failed (need indexes), arena */
	size_t n_failed;
	size_t *must_unknown; /* must-haves with no score yet */
	size_t n_must_unknown;
	int64_t points;	      /* sum of weight x score over known needs */
	int64_t known_weight; /* sum of weights over known needs */
	int64_t total_weight; /* sum of all weights */
	size_t n_known, n_unknown;
	struct advisor_vfm vfm;
};

enum advisor_sure_level {
	SURE_NONE,     /* fewer than two offerings compared */
	SURE_TIED,     /* first and second are level already */
	SURE_FRAGILE,  /* a change of one step would level them */
	SURE_MODERATE, /* two steps */
	SURE_FIRM,     /* three or more, or no single change does it */
	SURE_LEVEL_COUNT
};

/* One change to the inputs: a need's weight or a known score. */
struct advisor_change {
	bool is_weight;
	size_t need;
	size_t offering; /* score changes only */
	int from, to;
};

struct advisor_sureness {
	enum advisor_sure_level level;
	bool has_change;
	struct advisor_change change; /* the smallest that levels them */
	int steps;		      /* |to - from| of that change */
};

/* An unknown score whose value could change the order. */
struct advisor_unknown {
	size_t need, offering;
	bool changes_first;   /* could change which offering is first */
	size_t first_if_low;  /* offering first if it scored 0 */
	size_t first_if_high; /* offering first if it scored 5 */
};

struct advisor_ranking {
	struct advisor_rank *ranks; /* best first */
	size_t n;
	struct advisor_sureness sure;
	struct advisor_unknown *unknowns; /* those that matter, most first */
	size_t n_unknowns;
	size_t n_unknown_cells; /* every unknown score */
};

/* Names of the price models and sureness levels for the API, CLI and
 * database; parse gives false for an unknown name. */
const char *price_model_name(enum price_model v);
bool price_model_parse(const char *s, enum price_model *out);
const char *price_model_list(void);
const char *advisor_sure_name(enum advisor_sure_level v);

/*
 * Ranks the offerings of in. Offerings that fit (no must-have failed)
 * come first; within each group the higher point score (weighted mean
 * over the needs whose score is known) first, an offering with nothing
 * known after those with something; equal scores share a place and are
 * listed with the better-known one first, then in input order. Also
 * works out the sureness and the unknowns that matter. Everything in
 * *out comes from a. in must have at most ADVISOR_NEEDS_MAX needs and
 * ADVISOR_OPTIONS_MAX offerings (the store keeps them so); fits naming
 * a need or offering not in in are ignored.
 */
void advisor_rank(const struct advisor_input *in, struct arena *a,
		  struct advisor_ranking *out);

/* The point score (0..5) over the known needs; false when none is. */
bool advisor_point(const struct advisor_rank *r, double *out);
/* The lowest and highest the score could become as unknowns are found
 * out (0..5); both 0 when the deal has no needs. */
double advisor_min(const struct advisor_rank *r);
double advisor_max(const struct advisor_rank *r);

/*
 * Sentences for people (advisor_text.c), appended to b. The words of
 * needs and names of offerings are written as given; the caller escapes
 * for its medium.
 */
/* Why an offering stands where it does: fit or must-haves failed,
 * the score and its range, unknown must-haves. */
void advisor_text_rank(const struct advisor_input *in,
		       const struct advisor_rank *r, struct buf *b);
/* Value for money in a sentence. */
void advisor_text_vfm(const struct advisor_input *in,
		      const struct advisor_rank *r, struct buf *b);
/* How sure the ranking is, naming the change that would level it. */
void advisor_text_sureness(const struct advisor_input *in,
			   const struct advisor_ranking *k, struct buf *b);
/* Why an unknown matters: what either answer would do to first place. */
void advisor_text_unknown(const struct advisor_input *in,
			  const struct advisor_ranking *k,
			  const struct advisor_unknown *u, struct buf *b);
/* An amount of minor units as "1,234.50 EUR". */
void advisor_text_money(int64_t minor, const char *currency, struct buf *b);

#endif
