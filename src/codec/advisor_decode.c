/*
 * advisor_decode.c: strict JSON decoders of the honest advisor (codec
 * layer).
 *
 * As deal_decode.c: a table per body names each field a client may
 * send, its kind and limits, and dt_decode() (decode_table.c) walks the
 * object against it. Two kinds are read here: a score that may be null
 * (not known yet, which is different from 0) and a list of links.
 */
#include "codec/advisor_json.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "codec/decode_table.h"
#include "core/deal.h"
#include "core/model.h"

#define AT(type, member) offsetof(type, member)
#define N(t)		 (sizeof(t) / sizeof((t)[0]))

static bool ad_price_model(const char *s, void *out)
{
	return price_model_parse(s, out);
}

/* A score 0..5 with its has-flag; null means not known yet (not 0). */
static enum result ad_score(const struct dt_field *f, const json_t *v,
			    struct arena *a, void *rec, void *ctx,
			    struct error *err)
{
	(void)a;
	(void)ctx;
	int *p = (int *)((char *)rec + f->off);
	bool *has = (bool *)((char *)rec + f->has_off);
	if (json_is_null(v)) {
		*p = 0;
		*has = false;
		return R_OK;
	}
	if (!json_is_integer(v))
		return dt_wrong_type(f->name, v,
				     "a whole number from 0 to 5, or null "
				     "when not known",
				     err);
	int64_t n = 0;
	enum result r = dt_read_int(v, f->name, f->lo, f->hi, &n, err);
	if (r != R_OK)
		return r;
	*p = (int)n;
	*has = true;
	return R_OK;
}

/* An array of web addresses into links, its length at has_off. */
static enum result ad_links(const struct dt_field *f, const json_t *v,
			    struct arena *a, void *rec, void *ctx,
			    struct error *err)
{
	(void)ctx;
	const char ***out = (const char ***)((char *)rec + f->off);
	size_t *n_out = (size_t *)((char *)rec + f->has_off);
	if (json_is_null(v)) {
		*out = NULL;
		*n_out = 0;
		return R_OK;
	}
	if (!json_is_array(v))
		return dt_wrong_type(f->name, v, "an array of web addresses",
				     err);
	size_t n = json_array_size(v);
	if (n > ADVISOR_LINKS_MAX)
		return error_set(err, R_INVALID, f->name,
				 "%s: %zu links, the most is %d", f->name, n,
				 ADVISOR_LINKS_MAX);
	const char **links = arena_alloc(a, sizeof(*links) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof(name), "%s[%zu]", f->name, i);
		enum result r =
		    dt_read_str(json_array_get(v, i), name, ADVISOR_LINK_MAX, a,
				&links[i], err);
		if (r != R_OK)
			return r;
	}
	*out = links;
	*n_out = n;
	return R_OK;
}

#define RO(n)                                                                  \
	{                                                                      \
		.name = (n), .type = DT_RO                                     \
	}
#define STR(n, T, m, max, req)                                                 \
	{                                                                      \
		.name = (n), .type = DT_STR, .off = AT(T, m), .hi = (max),     \
		.required = (req), .nullable = !(req)                          \
	}

static const struct dt_field offering_fields[] = {
    RO("id"),
    RO("created_at"),
    RO("updated_at"),
    STR("vendor", struct offering, vendor, MODEL_NAME_MAX, true),
    STR("name", struct offering, name, MODEL_NAME_MAX, true),
    {.name = "price_minor",
     .type = DT_I64,
     .off = AT(struct offering, price_minor),
     .lo = 0,
     .hi = DEAL_MONEY_MAX,
     .nullable = true},
    STR("currency", struct offering, currency, 8, false),
    {.name = "price_model",
     .type = DT_ENUM,
     .off = AT(struct offering, price_model),
     .hi = 32,
     .parse = ad_price_model,
     .list = price_model_list},
    STR("notes", struct offering, notes, MODEL_TEXT_MAX, false),
    {.name = "links",
     .type = DT_FN,
     .fn = ad_links,
     .off = AT(struct offering, links),
     .has_off = AT(struct offering, n_links),
     .nullable = true},
    {.name = "is_ours",
     .type = DT_BOOL,
     .off = AT(struct offering, is_ours),
     .required = true},
};

static const struct dt_field need_fields[] = {
    RO("id"),
    RO("deal_id"),
    RO("created_at"),
    RO("updated_at"),
    STR("words", struct need, words, MODEL_TEXT_MAX, true),
    {.name = "weight",
     .type = DT_INT,
     .off = AT(struct need, weight),
     .lo = ADVISOR_WEIGHT_MIN,
     .hi = ADVISOR_WEIGHT_MAX},
    {.name = "must_have", .type = DT_BOOL, .off = AT(struct need, must_have)},
};

static const struct dt_field fit_fields[] = {
    RO("id"),
    RO("updated_at"),
    {.name = "need_id",
     .type = DT_ID,
     .off = AT(struct fit, need_id),
     .required = true},
    {.name = "offering_id",
     .type = DT_ID,
     .off = AT(struct fit, offering_id),
     .required = true},
    {.name = "score",
     .type = DT_FN,
     .fn = ad_score,
     .off = AT(struct fit, score),
     .has_off = AT(struct fit, has_score),
     .lo = 0,
     .hi = ADVISOR_SCORE_MAX,
     .nullable = true},
    STR("evidence", struct fit, evidence, MODEL_TEXT_MAX, false),
    STR("source", struct fit, source, MODEL_NAME_MAX, false),
};

static const struct dt_field recommendation_fields[] = {
    RO("id"),
    RO("deal_id"),
    RO("vendor"),
    RO("offering_name"),
    RO("is_ours"),
    RO("ranking"),
    RO("created_at"),
    {.name = "offering_id",
     .type = DT_ID,
     .off = AT(struct recommendation, offering_id),
     .required = true},
    STR("rationale", struct recommendation, rationale, MODEL_TEXT_MAX, true),
};

enum result codec_offering_from_json(const json_t *j, struct arena *a,
				     struct offering *inout, bool partial,
				     struct error *err)
{
	if (!partial)
		inout->price_model = PRICE_YEARLY;
	return dt_decode(j, offering_fields, N(offering_fields), a, inout,
			 partial, NULL, err);
}

enum result codec_need_from_json(const json_t *j, struct arena *a,
				 struct need *inout, bool partial,
				 struct error *err)
{
	if (!partial)
		inout->weight = 3;
	return dt_decode(j, need_fields, N(need_fields), a, inout, partial,
			 NULL, err);
}

enum result codec_fit_from_json(const json_t *j, struct arena *a,
				struct fit *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dt_decode(j, fit_fields, N(fit_fields), a, out, false, NULL,
			 err);
}

enum result codec_recommendation_from_json(const json_t *j, struct arena *a,
					   struct recommendation *out,
					   struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dt_decode(j, recommendation_fields, N(recommendation_fields), a,
			 out, false, NULL, err);
}
