/*
 * decode_table.c: the one table walker shared by model_decode.c,
 * deal_decode.c and advisor_decode.c (codec layer). See decode_table.h.
 *
 * The messages here are part of the API (tests and clients match on
 * them), so a change of wording is a change of the API.
 */
#include "codec/decode_table.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"

static const char *dt_type_name(const json_t *v)
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

enum result dt_wrong_type(const char *field, const json_t *v, const char *want,
			  struct error *err)
{
	return error_set(err, R_INVALID, field, "%s: must be %s, not %s", field,
			 want, dt_type_name(v));
}

enum result dt_read_str(const json_t *v, const char *field, size_t max,
			struct arena *a, const char **out, struct error *err)
{
	if (!json_is_string(v))
		return dt_wrong_type(field, v, "a string", err);
	size_t n = json_string_length(v);
	if (n > max)
		return error_set(err, R_INVALID, field,
				 "%s: is %zu bytes long, the most is %zu",
				 field, n, max);
	*out = arena_strndup(a, json_string_value(v), n);
	return R_OK;
}

enum result dt_read_int(const json_t *v, const char *field, int64_t lo,
			int64_t hi, int64_t *out, struct error *err)
{
	if (!json_is_integer(v))
		return dt_wrong_type(field, v, "an integer", err);
	json_int_t n = json_integer_value(v);
	if (n < lo || n > hi)
		return error_set(err, R_INVALID, field,
				 "%s: %lld is out of range (%lld to %lld)",
				 field, (long long)n, (long long)lo,
				 (long long)hi);
	*out = (int64_t)n;
	return R_OK;
}

enum result dt_read_id(const json_t *v, const char *field, int64_t *out,
		       struct error *err)
{
	if (!json_is_integer(v))
		return dt_wrong_type(field, v, "an id (a positive integer)",
				     err);
	if (json_integer_value(v) < 1)
		return error_set(err, R_INVALID, field,
				 "%s: %lld is not an id (ids are positive)",
				 field, (long long)json_integer_value(v));
	*out = (int64_t)json_integer_value(v);
	return R_OK;
}

static enum result dt_read_day(const struct dt_field *f, const json_t *v,
			       char *rec, struct error *err)
{
	if (!json_is_string(v))
		return dt_wrong_type(f->name, v, "a date (\"YYYY-MM-DD\")",
				     err);
	const char *s = json_string_value(v);
	if (json_string_length(v) < DATE_STR_MAX &&
	    date_parse(s, (int64_t *)(rec + f->off))) {
		*(bool *)(rec + f->has_off) = true;
		return R_OK;
	}
	if (f->terse)
		return error_set(err, R_INVALID, f->name,
				 "%s: \"%.12s\" is not a date (use YYYY-MM-DD)",
				 f->name, s);
	return error_set(err, R_INVALID, f->name,
			 "%s: %.40s is not a date (use YYYY-MM-DD)", f->name,
			 s);
}

static enum result dt_read_time(const struct dt_field *f, const json_t *v,
				int64_t *out, struct error *err)
{
	if (!json_is_string(v))
		return dt_wrong_type(f->name, v,
				     "a time (\"YYYY-MM-DDTHH:MM:SSZ\")", err);
	if (json_string_length(v) <= 40 &&
	    time_parse(json_string_value(v), out))
		return R_OK;
	if (f->terse)
		return error_set(err, R_INVALID, f->name,
				 "%s: is not a time (use RFC 3339, e.g. "
				 "2026-03-01T14:30:00Z)",
				 f->name);
	return error_set(err, R_INVALID, f->name,
			 "%s: %.40s is not a time (use RFC 3339, e.g. "
			 "2026-03-01T14:30:00Z)",
			 f->name, json_string_value(v));
}

static enum result dt_read_enum(const struct dt_field *f, const json_t *v,
				void *p, struct error *err)
{
	if (!json_is_string(v))
		return dt_wrong_type(f->name, v, "a string", err);
	if (json_string_length(v) > (size_t)f->hi ||
	    !f->parse(json_string_value(v), p))
		return error_set(err, R_INVALID, f->name,
				 "%s: \"%.*s\" is not one of %s", f->name,
				 (int)f->hi, json_string_value(v), f->list());
	return R_OK;
}

/* Reads one present, non-null value of field f into rec. */
static enum result dt_field(const struct dt_field *f, const json_t *v,
			    struct arena *a, char *rec, void *ctx,
			    struct error *err)
{
	char *p = rec + f->off;
	int64_t n = 0;
	enum result r = R_OK;
	switch (f->type) {
	case DT_STR:
		return dt_read_str(v, f->name, (size_t)f->hi, a,
				   (const char **)p, err);
	case DT_ID:
		return dt_read_id(v, f->name, (int64_t *)p, err);
	case DT_INT:
		r = dt_read_int(v, f->name, f->lo, f->hi, &n, err);
		if (r == R_OK)
			*(int *)p = (int)n;
		return r;
	case DT_I64:
		return dt_read_int(v, f->name, f->lo, f->hi, (int64_t *)p, err);
	case DT_BOOL:
		if (!json_is_boolean(v))
			return dt_wrong_type(f->name, v, "true or false", err);
		*(bool *)p = json_is_true(v);
		/* Offset 0 is every record's id, never a has-flag. */
		if (f->has_off)
			*(bool *)(rec + f->has_off) = true;
		return R_OK;
	case DT_DAY:
		return dt_read_day(f, v, rec, err);
	case DT_TIME:
		return dt_read_time(f, v, (int64_t *)p, err);
	case DT_ENUM:
		return dt_read_enum(f, v, p, err);
	case DT_RO:
		return error_set(err, R_INVALID, f->name, "%s: %s", f->name,
				 f->hint ? f->hint
					 : "is read-only (leave it out)");
	case DT_FN:
		return f->fn(f, v, a, rec, ctx, err);
	}
	return R_OK;
}

/* Clears the field f in rec, for a JSON null. */
static void dt_clear(const struct dt_field *f, char *rec)
{
	char *p = rec + f->off;
	switch (f->type) {
	case DT_STR:
		*(const char **)p = NULL;
		break;
	case DT_ID:
	case DT_I64:
	case DT_TIME:
		*(int64_t *)p = 0;
		break;
	case DT_INT:
		*(int *)p = 0;
		break;
	case DT_DAY:
		*(int64_t *)p = 0;
		*(bool *)(rec + f->has_off) = false;
		break;
	default:
		break;
	}
}

enum result dt_decode(const json_t *j, const struct dt_field *tab, size_t n_tab,
		      struct arena *a, void *rec, bool partial, void *ctx,
		      struct error *err)
{
	if (!json_is_object(j))
		return dt_wrong_type("body", j, "a JSON object", err);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)j, key, v)
	{
		const struct dt_field *f = NULL;
		for (size_t i = 0; i < n_tab && !f; i++)
			if (strcmp(tab[i].name, key) == 0)
				f = &tab[i];
		if (!f) {
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return error_set(err, R_INVALID, name,
					 "%s: is not a field here (check "
					 "the spelling; see docs/api.md)",
					 name);
		}
		if (json_is_null(v) && f->type != DT_RO) {
			if (!f->nullable)
				return error_set(err, R_INVALID, f->name,
						 "%s: may not be null",
						 f->name);
			if (f->type != DT_FN) {
				dt_clear(f, rec);
				continue;
			}
		}
		enum result r = dt_field(f, v, a, rec, ctx, err);
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
