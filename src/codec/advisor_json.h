/*
 * advisor_json.h: JSON encoders and strict decoders of the honest
 * advisor (codec layer).
 *
 * The same conventions as codec.h and deal_json.h: snake_case fields as
 * in core/advisor.h, times RFC 3339 in UTC, "none" as null. Decoders
 * refuse unknown fields, wrong types, read-only fields, over-long strings
 * and bad enum names, naming the field; the rules of the domain are
 * core's validate_offering() and friends. A score of null is "not known
 * yet", never 0.
 */
#ifndef RAPPORT_CODEC_ADVISOR_JSON_H
#define RAPPORT_CODEC_ADVISOR_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/advisor.h"
#include "util/result.h"

struct arena;
struct deal;

/* ---- encoders: new references; inputs borrowed ---- */

json_t *codec_offering(const struct offering *o);
json_t *codec_need(const struct need *n);
json_t *codec_fit(const struct fit *f);
/* With "ranking": the snapshot parsed back (null if it does not parse). */
json_t *codec_recommendation(const struct recommendation *r);
/*
 * The fit of a deal with its explanations: "deal_id", "title",
 * "benefit_minor", "currency", "needs", "offerings" (those compared),
 * "fits", "ranking" (best first: place, scores and range, must-haves
 * failed and unknown, value for money, reasons), "sureness" and
 * "unknowns" (those that matter, with why) and "unknown_count". This is
 * also the snapshot a recommendation keeps.
 */
json_t *codec_advisor(const struct deal *d, const struct advisor_input *in,
		      const struct advisor_ranking *k);

/* ---- decoders (as codec.h: fields named in j change, null clears) ---- */

/* An offering: vendor, name and is_ours required on create (partial
 * false); price_model defaults to yearly; links an array of strings. */
enum result codec_offering_from_json(const json_t *j, struct arena *a,
				     struct offering *inout, bool partial,
				     struct error *err);
/* A need: words required on create; weight (default 3), must_have.
 * deal_id comes from the URL. */
enum result codec_need_from_json(const json_t *j, struct arena *a,
				 struct need *inout, bool partial,
				 struct error *err);
/* A fit: need_id and offering_id required; score 0..5 or null (or left
 * out) for not known; evidence, source. */
enum result codec_fit_from_json(const json_t *j, struct arena *a,
				struct fit *out, struct error *err);
/* A recommendation: offering_id and rationale required; deal_id comes
 * from the URL, the rest is filled by the server. */
enum result codec_recommendation_from_json(const json_t *j, struct arena *a,
					   struct recommendation *out,
					   struct error *err);

#endif
