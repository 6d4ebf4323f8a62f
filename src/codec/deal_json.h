/*
 * deal_json.h: JSON encoders and strict decoders of the deal side (codec
 * layer).
 *
 * The same conventions as codec.h: snake_case fields as in core/deal.h,
 * dates "YYYY-MM-DD", times RFC 3339 in UTC, "none" as null; decoders
 * refuse unknown fields, wrong types, read-only fields (saying which
 * endpoint changes them), over-long strings and bad enum names, naming
 * the field. The rules of the domain are core's validate_deal() and
 * friends.
 */
#ifndef RAPPORT_CODEC_DEAL_JSON_H
#define RAPPORT_CODEC_DEAL_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/deal.h"
#include "core/deal_rules.h"
#include "core/metrics.h"
#include "store/store_deal.h"
#include "util/result.h"

struct arena;

/* ---- encoders: new references; inputs borrowed ---- */

json_t *codec_deal(const struct deal *d);
json_t *codec_deal_event(const struct deal_event *e);
json_t *codec_stakeholder(const struct stakeholder *k);
json_t *codec_plan_step(const struct plan_step *p);
json_t *codec_concern(const struct concern *c);
json_t *codec_deal_readiness(const struct deal_readiness *r);
json_t *codec_deal_stall(const struct deal_stall *s);
/*
 * A deal with everything on its page: the deal's fields and
 * "stakeholders", "plan", "concerns", "events", "asks" (with counts of
 * all and of flagged asks), "readiness" and "stall".
 */
json_t *codec_deal_full(const struct deal_full *f,
			const struct deal_readiness *r,
			const struct deal_stall *s);
/* The measures: counts, rates (null when undefined), medians. */
json_t *codec_metrics(const struct metrics *m);

/* ---- decoders (as codec.h: fields named in j change, null clears) ---- */

/*
 * A deal. With partial false (a create) title, org_id and source are
 * required and stage may be given (default exploring); with partial true
 * (a PATCH) stage and status are refused, pointing to their endpoints.
 */
enum result codec_deal_from_json(const json_t *j, struct arena *a,
				 struct deal *inout, bool partial,
				 struct error *err);
/* deal_id comes from the URL. */
enum result codec_stakeholder_from_json(const json_t *j, struct arena *a,
					struct stakeholder *inout,
					bool partial, struct error *err);
/* "done": true marks the step done at now (kept if already done), false
 * clears it. deal_id comes from the URL. */
enum result codec_plan_step_from_json(const json_t *j, struct arena *a,
				      struct plan_step *inout, bool partial,
				      int64_t now, struct error *err);
/* A new concern: category and words required, raised_by, source and
 * raised_at optional; its status and answer move through the actions. */
enum result codec_concern_from_json(const json_t *j, struct arena *a,
				    struct concern *inout, struct error *err);

/* The body of POST /deals/{id}/stage: {stage, reason?, at?}. */
struct deal_stage_move {
	enum deal_stage stage;
	const char *reason;
	int64_t at; /* 0: now */
};
enum result codec_stage_move_from_json(const json_t *j, struct arena *a,
				       struct deal_stage_move *out,
				       struct error *err);

/* The body of POST /deals/{id}/status: {status, reason?, date?, at?}. */
struct deal_status_move {
	enum deal_status status;
	const char *reason;
	bool has_date;
	int64_t date; /* day it took effect; default today */
	int64_t at;   /* 0: now */
};
enum result codec_status_move_from_json(const json_t *j, struct arena *a,
					struct deal_status_move *out,
					struct error *err);

/* The body of POST /concerns/{id}/<action>: {answer, at?} to answer,
 * {reason?, at?} otherwise. */
struct concern_move {
	const char *text; /* the answer, or the reason */
	int64_t at;       /* 0: now */
};
enum result codec_concern_move_from_json(const json_t *j, struct arena *a,
					 enum concern_action action,
					 struct concern_move *out,
					 struct error *err);

#endif
