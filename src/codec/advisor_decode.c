/*
 * advisor_decode.c: strict JSON decoders of the honest advisor (codec
 * layer).
 *
 * As deal_decode.c: a table per body names each field a client may
 * send, its kind and limits, and one loop walks the object against it.
 * The walker is a small one of its own (deal_decode.c's is file-local),
 * with the kinds these bodies need: a score that may be null (not known
 * yet, which is different from 0), a yes/no, and a list of links.
 */
#include "codec/advisor_json.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/deal.h"
#include "core/model.h"
#include "util/arena.h"

enum ad_type {
	AD_STR,	  /* const char *; null clears */
	AD_ID,	  /* int64_t > 0 */
	AD_I64,	  /* int64_t in [lo, hi]; null is 0 */
	AD_INT,	  /* int in [lo, hi] */
	AD_BOOL,  /* bool */
	AD_SCORE, /* int 0..5 with bool at has_off; null: unknown */
	AD_PRICE, /* enum price_model by name */
	AD_LINKS, /* array of strings into links / n_links */
	AD_RO,	  /* refused */
};

struct ad_field {
	const char *name;
	enum ad_type type;
	size_t off, has_off;
	int64_t lo, hi; /* AD_I64, AD_INT; AD_STR: hi is the byte limit */
	bool required, nullable;
};

#define AT(type, member) offsetof(type, member)
#define N(t)		 (sizeof(t) / sizeof((t)[0]))

static const char *ad_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a decimal number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "a value";
}

static enum result ad_wrong(const char *field, const json_t *v,
			    const char *want, struct error *err)
{
	return error_set(err, R_INVALID, field, "%s: must be %s, not %s", field,
			 want, ad_type_name(v));
}

static enum result ad_range(const struct ad_field *f, const json_t *v,
			    int64_t *out, struct error *err)
{
	if (!json_is_integer(v))
		return ad_wrong(f->name, v, "an integer", err);
	json_int_t n = json_integer_value(v);
	if (n < f->lo || n > f->hi)
		return error_set(err, R_INVALID, f->name,
				 "%s: %lld is out of range (%lld to %lld)",
				 f->name, (long long)n, (long long)f->lo,
				 (long long)f->hi);
	*out = (int64_t)n;
	return R_OK;
}

static enum result ad_links(const struct ad_field *f, const json_t *v,
			    struct arena *a, char *rec, struct error *err)
{
	if (!json_is_array(v))
		return ad_wrong(f->name, v, "an array of web addresses", err);
	size_t n = json_array_size(v);
	if (n > ADVISOR_LINKS_MAX)
		return error_set(err, R_INVALID, f->name,
				 "%s: %zu links, the most is %d", f->name, n,
				 ADVISOR_LINKS_MAX);
	const char **links = arena_alloc(a, sizeof(*links) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		const json_t *s = json_array_get(v, i);
		char name[32];
		snprintf(name, sizeof(name), "%s[%zu]", f->name, i);
		if (!json_is_string(s))
			return ad_wrong(name, s, "a string", err);
		if (json_string_length(s) > ADVISOR_LINK_MAX)
			return error_set(err, R_INVALID, name,
					 "%s: is %zu bytes long, the most is "
					 "%d",
					 name, json_string_length(s),
					 ADVISOR_LINK_MAX);
		links[i] = arena_strndup(a, json_string_value(s),
					 json_string_length(s));
	}
	*(const char ***)(rec + f->off) = links;
	*(size_t *)(rec + f->has_off) = n;
	return R_OK;
}

/* Reads one present value (null is handled by the caller). */
static enum result ad_field(const struct ad_field *f, const json_t *v,
			    struct arena *a, char *rec, struct error *err)
{
	char *p = rec + f->off;
	int64_t n = 0;
	enum result r;
	switch (f->type) {
	case AD_STR:
		if (!json_is_string(v))
			return ad_wrong(f->name, v, "a string", err);
		if (json_string_length(v) > (size_t)f->hi)
			return error_set(err, R_INVALID, f->name,
					 "%s: is %zu bytes long, the most is "
					 "%lld",
					 f->name, json_string_length(v),
					 (long long)f->hi);
		*(const char **)p = arena_strndup(a, json_string_value(v),
						  json_string_length(v));
		return R_OK;
	case AD_ID:
		if (!json_is_integer(v))
			return ad_wrong(f->name, v,
					"an id (a positive integer)", err);
		if (json_integer_value(v) < 1)
			return error_set(err, R_INVALID, f->name,
					 "%s: %lld is not an id (ids are "
					 "positive)",
					 f->name,
					 (long long)json_integer_value(v));
		*(int64_t *)p = (int64_t)json_integer_value(v);
		return R_OK;
	case AD_I64:
		return ad_range(f, v, (int64_t *)p, err);
	case AD_INT:
	case AD_SCORE:
		if (f->type == AD_SCORE && !json_is_integer(v))
			return ad_wrong(f->name, v,
					"a whole number from 0 to 5, or null "
					"when not known",
					err);
		r = ad_range(f, v, &n, err);
		if (r != R_OK)
			return r;
		*(int *)p = (int)n;
		if (f->type == AD_SCORE)
			*(bool *)(rec + f->has_off) = true;
		return R_OK;
	case AD_BOOL:
		if (!json_is_boolean(v))
			return ad_wrong(f->name, v, "true or false", err);
		*(bool *)p = json_is_true(v);
		return R_OK;
	case AD_PRICE:
		if (!json_is_string(v))
			return ad_wrong(f->name, v, "a string", err);
		if (json_string_length(v) > 32 ||
		    !price_model_parse(json_string_value(v),
				       (enum price_model *)p))
			return error_set(err, R_INVALID, f->name,
					 "%s: \"%.32s\" is not one of %s",
					 f->name, json_string_value(v),
					 price_model_list());
		return R_OK;
	case AD_LINKS:
		return ad_links(f, v, a, rec, err);
	case AD_RO:
		return error_set(err, R_INVALID, f->name,
				 "%s: is read-only (leave it out)", f->name);
	}
	return R_OK;
}

static void ad_clear(const struct ad_field *f, char *rec)
{
	char *p = rec + f->off;
	switch (f->type) {
	case AD_STR:
		*(const char **)p = NULL;
		break;
	case AD_I64:
		*(int64_t *)p = 0;
		break;
	case AD_SCORE:
		*(int *)p = 0;
		*(bool *)(rec + f->has_off) = false;
		break;
	case AD_LINKS:
		*(const char ***)p = NULL;
		*(size_t *)(rec + f->has_off) = 0;
		break;
	default:
		break;
	}
}

static enum result ad_decode(const json_t *j, const struct ad_field *tab,
			     size_t n_tab, struct arena *a, void *rec,
			     bool partial, struct error *err)
{
	if (!json_is_object(j))
		return ad_wrong("body", j, "a JSON object", err);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)j, key, v)
	{
		const struct ad_field *f = NULL;
		for (size_t i = 0; i < n_tab && !f; i++)
			if (strcmp(tab[i].name, key) == 0)
				f = &tab[i];
		if (!f) {
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return error_set(err, R_INVALID, name,
					 "%s: is not a field here (check the "
					 "spelling; see docs/api.md)",
					 name);
		}
		if (json_is_null(v) && f->type != AD_RO) {
			if (!f->nullable)
				return error_set(err, R_INVALID, f->name,
						 "%s: may not be null",
						 f->name);
			ad_clear(f, rec);
			continue;
		}
		enum result r = ad_field(f, v, a, rec, err);
		if (r != R_OK)
			return r;
	}
	if (!partial)
		for (size_t i = 0; i < n_tab; i++)
			if (tab[i].required && !json_object_get(j, tab[i].name))
				return error_set(err, R_INVALID, tab[i].name,
						 "%s: is required",
						 tab[i].name);
	return R_OK;
}

#define RO(n)                                                                  \
	{                                                                      \
		.name = (n), .type = AD_RO                                     \
	}
#define STR(n, T, m, max, req)                                                 \
	{                                                                      \
		.name = (n), .type = AD_STR, .off = AT(T, m), .hi = (max),     \
		.required = (req), .nullable = !(req)                          \
	}

static const struct ad_field offering_fields[] = {
    RO("id"),
    RO("created_at"),
    RO("updated_at"),
    STR("vendor", struct offering, vendor, MODEL_NAME_MAX, true),
    STR("name", struct offering, name, MODEL_NAME_MAX, true),
    {.name = "price_minor",
     .type = AD_I64,
     .off = AT(struct offering, price_minor),
     .lo = 0,
     .hi = DEAL_MONEY_MAX,
     .nullable = true},
    STR("currency", struct offering, currency, 8, false),
    {.name = "price_model",
     .type = AD_PRICE,
     .off = AT(struct offering, price_model)},
    STR("notes", struct offering, notes, MODEL_TEXT_MAX, false),
    {.name = "links",
     .type = AD_LINKS,
     .off = AT(struct offering, links),
     .has_off = AT(struct offering, n_links),
     .nullable = true},
    {.name = "is_ours",
     .type = AD_BOOL,
     .off = AT(struct offering, is_ours),
     .required = true},
};

static const struct ad_field need_fields[] = {
    RO("id"),
    RO("deal_id"),
    RO("created_at"),
    RO("updated_at"),
    STR("words", struct need, words, MODEL_TEXT_MAX, true),
    {.name = "weight",
     .type = AD_INT,
     .off = AT(struct need, weight),
     .lo = ADVISOR_WEIGHT_MIN,
     .hi = ADVISOR_WEIGHT_MAX},
    {.name = "must_have", .type = AD_BOOL, .off = AT(struct need, must_have)},
};

static const struct ad_field fit_fields[] = {
    RO("id"),
    RO("updated_at"),
    {.name = "need_id",
     .type = AD_ID,
     .off = AT(struct fit, need_id),
     .required = true},
    {.name = "offering_id",
     .type = AD_ID,
     .off = AT(struct fit, offering_id),
     .required = true},
    {.name = "score",
     .type = AD_SCORE,
     .off = AT(struct fit, score),
     .has_off = AT(struct fit, has_score),
     .lo = 0,
     .hi = ADVISOR_SCORE_MAX,
     .nullable = true},
    STR("evidence", struct fit, evidence, MODEL_TEXT_MAX, false),
    STR("source", struct fit, source, MODEL_NAME_MAX, false),
};

static const struct ad_field recommendation_fields[] = {
    RO("id"),
    RO("deal_id"),
    RO("vendor"),
    RO("offering_name"),
    RO("is_ours"),
    RO("ranking"),
    RO("created_at"),
    {.name = "offering_id",
     .type = AD_ID,
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
	return ad_decode(j, offering_fields, N(offering_fields), a, inout,
			 partial, err);
}

enum result codec_need_from_json(const json_t *j, struct arena *a,
				 struct need *inout, bool partial,
				 struct error *err)
{
	if (!partial)
		inout->weight = 3;
	return ad_decode(j, need_fields, N(need_fields), a, inout, partial,
			 err);
}

enum result codec_fit_from_json(const json_t *j, struct arena *a,
				struct fit *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	return ad_decode(j, fit_fields, N(fit_fields), a, out, false, err);
}

enum result codec_recommendation_from_json(const json_t *j, struct arena *a,
					   struct recommendation *out,
					   struct error *err)
{
	memset(out, 0, sizeof(*out));
	return ad_decode(j, recommendation_fields, N(recommendation_fields), a,
			 out, false, err);
}
