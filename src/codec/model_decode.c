/*
 * model_decode.c: strict JSON decoders of the core types (codec layer).
 *
 * Each type has a table of the fields a client may send: name, kind of
 * value, where it goes in the struct, its limits, and whether a create
 * needs it. One loop walks the request object against the table, so an
 * unknown field, a value of the wrong type, a string too long (measured
 * before it is copied), a bad date or a bad enum name is refused the same
 * way for every type, with the field named. Fields the server fills
 * (id, created_at, ...) are listed as read-only so that sending one says
 * so instead of "unknown field". Arrays of structured values (tags,
 * contacts, people) have their own small readers.
 */
#include "codec/codec.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "util/arena.h"
#include "util/date.h"

enum cf_type {
	CF_STR,  /* const char *; null clears */
	CF_ID,   /* int64_t, positive; null is 0 */
	CF_INT,  /* int in [lo, hi]; null is 0 */
	CF_I64,  /* int64_t in [lo, hi] */
	CF_BOOL, /* bool */
	CF_DAY,  /* int64_t day count + bool has_ flag at has_off */
	CF_TIME, /* int64_t seconds, RFC 3339 */
	CF_ENUM, /* enum written through parse() */
	CF_RO,   /* read-only: refused */
	CF_FN,   /* read by fn() */
};

struct cfield {
	const char *name;
	enum cf_type type;
	size_t off;
	size_t has_off; /* CF_DAY only */
	int64_t lo, hi; /* CF_INT, CF_I64; CF_STR: hi is the byte limit */
	bool required;  /* must be present when partial is false */
	bool nullable;  /* JSON null is allowed */
	bool (*parse)(const char *s, void *out); /* CF_ENUM */
	const char *(*list)(void);               /* CF_ENUM */
	enum result (*fn)(const json_t *v, struct arena *a, void *rec,
			  struct error *err); /* CF_FN */
};

#define AT(type, member) offsetof(type, member)

static const char *codec_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a decimal number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static enum result codec_wrong_type(const char *field, const json_t *v,
				    const char *want, struct error *err)
{
	return error_set(err, R_INVALID, field, "%s: must be %s, not %s",
			 field, want, codec_type_name(v));
}

/*
 * Copies the string v into the arena after checking its length against
 * max bytes and that it is not empty after trimming nothing (empty strings
 * are allowed; validate decides whether a field may be empty).
 */
static enum result codec_read_str(const json_t *v, const char *field,
				  size_t max, struct arena *a,
				  const char **out, struct error *err)
{
	if (!json_is_string(v))
		return codec_wrong_type(field, v, "a string", err);
	size_t n = json_string_length(v);
	if (n > max)
		return error_set(err, R_INVALID, field,
				 "%s: is %zu bytes long, the most is %zu",
				 field, n, max);
	*out = arena_strndup(a, json_string_value(v), n);
	return R_OK;
}

static enum result codec_read_int(const json_t *v, const char *field,
				  int64_t lo, int64_t hi, int64_t *out,
				  struct error *err)
{
	if (!json_is_integer(v))
		return codec_wrong_type(field, v, "an integer", err);
	json_int_t n = json_integer_value(v);
	if (n < lo || n > hi)
		return error_set(err, R_INVALID, field,
				 "%s: %lld is out of range (%lld to %lld)",
				 field, (long long)n, (long long)lo,
				 (long long)hi);
	*out = (int64_t)n;
	return R_OK;
}

static enum result codec_read_day(const json_t *v, const char *field,
				  int64_t *out, struct error *err)
{
	if (!json_is_string(v))
		return codec_wrong_type(field, v, "a date (\"YYYY-MM-DD\")",
					err);
	const char *s = json_string_value(v);
	if (json_string_length(v) >= DATE_STR_MAX || !date_parse(s, out))
		return error_set(err, R_INVALID, field,
				 "%s: %.40s is not a date (use YYYY-MM-DD)",
				 field, s);
	return R_OK;
}

static enum result codec_read_id(const json_t *v, const char *field,
				 int64_t *out, struct error *err)
{
	if (!json_is_integer(v))
		return codec_wrong_type(field, v, "an id (a positive integer)",
					err);
	if (json_integer_value(v) < 1)
		return error_set(err, R_INVALID, field,
				 "%s: %lld is not an id (ids are positive)",
				 field, (long long)json_integer_value(v));
	*out = (int64_t)json_integer_value(v);
	return R_OK;
}

/* Clears the field f in rec, for a JSON null. */
static void codec_clear(const struct cfield *f, void *rec)
{
	char *p = (char *)rec + f->off;
	switch (f->type) {
	case CF_STR: *(const char **)p = NULL; break;
	case CF_ID:
	case CF_I64:
	case CF_TIME: *(int64_t *)p = 0; break;
	case CF_INT: *(int *)p = 0; break;
	case CF_DAY:
		*(int64_t *)p = 0;
		*(bool *)((char *)rec + f->has_off) = false;
		break;
	default: break;
	}
}

static enum result codec_enum(const struct cfield *f, const json_t *v,
			      void *p, struct error *err)
{
	if (!json_is_string(v))
		return codec_wrong_type(f->name, v, "a string", err);
	if (json_string_length(v) > 64 || !f->parse(json_string_value(v), p))
		return error_set(err, R_INVALID, f->name,
				 "%s: \"%.64s\" is not one of %s", f->name,
				 json_string_value(v), f->list());
	return R_OK;
}

/* Reads one present, non-null value of field f into rec. */
static enum result codec_field(const struct cfield *f, const json_t *v,
			       struct arena *a, void *rec, struct error *err)
{
	char *p = (char *)rec + f->off;
	int64_t n = 0;
	enum result r = R_OK;
	switch (f->type) {
	case CF_STR:
		return codec_read_str(v, f->name, (size_t)f->hi, a,
				      (const char **)p, err);
	case CF_ID:
		return codec_read_id(v, f->name, (int64_t *)p, err);
	case CF_INT:
		r = codec_read_int(v, f->name, f->lo, f->hi, &n, err);
		if (r == R_OK)
			*(int *)p = (int)n;
		return r;
	case CF_I64:
		return codec_read_int(v, f->name, f->lo, f->hi, (int64_t *)p,
				      err);
	case CF_BOOL:
		if (!json_is_boolean(v))
			return codec_wrong_type(f->name, v, "true or false",
						err);
		*(bool *)p = json_is_true(v);
		/* Offset 0 is every record's id, never a has-flag. */
		if (f->has_off)
			*(bool *)((char *)rec + f->has_off) = true;
		return R_OK;
	case CF_DAY:
		r = codec_read_day(v, f->name, (int64_t *)p, err);
		if (r == R_OK)
			*(bool *)((char *)rec + f->has_off) = true;
		return r;
	case CF_TIME:
		if (!json_is_string(v))
			return codec_wrong_type(
				f->name, v,
				"a time (\"YYYY-MM-DDTHH:MM:SSZ\")", err);
		if (json_string_length(v) > 40 ||
		    !time_parse(json_string_value(v), (int64_t *)p))
			return error_set(err, R_INVALID, f->name,
					 "%s: %.40s is not a time (use RFC "
					 "3339, e.g. 2026-03-01T14:30:00Z)",
					 f->name, json_string_value(v));
		return R_OK;
	case CF_ENUM:
		return codec_enum(f, v, p, err);
	case CF_RO:
		return error_set(err, R_INVALID, f->name,
				 "%s: is read-only (leave it out)", f->name);
	case CF_FN:
		return f->fn(v, a, rec, err);
	}
	return R_OK;
}

/*
 * Walks the object j against the table: every key must name a field,
 * every value must fit it; with partial false every required field must
 * be present.
 */
static enum result codec_decode(const json_t *j, const struct cfield *tab,
				size_t n_tab, struct arena *a, void *rec,
				bool partial, struct error *err)
{
	if (!json_is_object(j))
		return codec_wrong_type("body", j, "a JSON object", err);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)j, key, v) {
		const struct cfield *f = NULL;
		for (size_t i = 0; i < n_tab; i++)
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
		if (json_is_null(v) && f->type != CF_RO) {
			if (!f->nullable)
				return error_set(err, R_INVALID, f->name,
						 "%s: may not be null",
						 f->name);
			codec_clear(f, rec);
			continue;
		}
		enum result r = codec_field(f, v, a, rec, err);
		if (r != R_OK)
			return r;
	}
	if (!partial)
		for (size_t i = 0; i < n_tab; i++)
			if (tab[i].required &&
			    !json_object_get(j, tab[i].name))
				return error_set(err, R_INVALID, tab[i].name,
						 "%s: is required",
						 tab[i].name);
	return R_OK;
}

/* ---- enum adapters: the model's parsers take typed pointers ---- */

static bool codec_fact_kind(const char *s, void *out)
{
	return fact_kind_parse(s, out);
}

static bool codec_date_kind(const char *s, void *out)
{
	return date_kind_parse(s, out);
}

static bool codec_interaction_kind(const char *s, void *out)
{
	return interaction_kind_parse(s, out);
}

/* ---- arrays ---- */

static enum result codec_tags(const json_t *v, struct arena *a, void *rec,
			      struct error *err)
{
	struct person *p = rec;
	if (!json_is_array(v))
		return codec_wrong_type("tags", v, "an array of strings", err);
	size_t n = json_array_size(v);
	if (n > MODEL_TAGS_MAX)
		return error_set(err, R_INVALID, "tags",
				 "tags: %zu tags, the most is %d", n,
				 MODEL_TAGS_MAX);
	const char **tags = arena_alloc(a, (n ? n : 1) * sizeof(*tags));
	for (size_t i = 0; i < n; i++) {
		char field[32];
		snprintf(field, sizeof(field), "tags[%zu]", i);
		enum result r = codec_read_str(json_array_get(v, i), field,
					       MODEL_NAME_MAX, a, &tags[i],
					       err);
		if (r != R_OK)
			return r;
	}
	p->tags = tags;
	p->n_tags = n;
	return R_OK;
}

static enum result codec_one_contact(const json_t *v, size_t i,
				     struct arena *a, struct contact *c,
				     struct error *err)
{
	char field[32];
	snprintf(field, sizeof(field), "contacts[%zu]", i);
	if (!json_is_object(v))
		return codec_wrong_type(field, v, "an object", err);
	const char *key;
	json_t *x;
	bool has_kind = false, has_value = false;
	json_object_foreach((json_t *)v, key, x) {
		char sub[60];
		snprintf(sub, sizeof(sub), "%s.%.20s", field, key);
		enum result r = R_OK;
		if (strcmp(key, "kind") == 0) {
			has_kind = true;
			if (!json_is_string(x))
				return codec_wrong_type(sub, x, "a string",
							err);
			if (!contact_kind_parse(json_string_value(x),
						&c->kind))
				return error_set(
					err, R_INVALID, sub,
					"%s: \"%.64s\" is not one of %s", sub,
					json_string_value(x),
					contact_kind_list());
		} else if (strcmp(key, "label") == 0) {
			if (!json_is_null(x))
				r = codec_read_str(x, sub, MODEL_NAME_MAX, a,
						   &c->label, err);
		} else if (strcmp(key, "value") == 0) {
			has_value = true;
			r = codec_read_str(x, sub, MODEL_NAME_MAX * 5, a,
					   &c->value, err);
		} else if (strcmp(key, "id") == 0) {
			r = error_set(err, R_INVALID, sub,
				      "%s: is read-only (leave it out)", sub);
		} else {
			r = error_set(err, R_INVALID, sub,
				      "%s: is not a field of a contact (kind, "
				      "label, value)",
				      sub);
		}
		if (r != R_OK)
			return r;
	}
	if (!has_kind || !has_value)
		return error_set(err, R_INVALID, field,
				 "%s.%s: is required", field,
				 has_kind ? "value" : "kind");
	return R_OK;
}

static enum result codec_contacts(const json_t *v, struct arena *a,
				  void *rec, struct error *err)
{
	struct person *p = rec;
	if (!json_is_array(v))
		return codec_wrong_type("contacts", v, "an array of objects",
					err);
	size_t n = json_array_size(v);
	if (n > MODEL_CONTACTS_MAX)
		return error_set(err, R_INVALID, "contacts",
				 "contacts: %zu contacts, the most is %d", n,
				 MODEL_CONTACTS_MAX);
	struct contact *cs = arena_alloc(a, (n ? n : 1) * sizeof(*cs));
	for (size_t i = 0; i < n; i++) {
		enum result r = codec_one_contact(json_array_get(v, i), i, a,
						  &cs[i], err);
		if (r != R_OK)
			return r;
	}
	p->contacts = cs;
	p->n_contacts = n;
	return R_OK;
}

static enum result codec_people(const json_t *v, struct arena *a, void *rec,
				struct error *err)
{
	struct interaction *in = rec;
	if (!json_is_array(v))
		return codec_wrong_type("people", v, "an array of person ids",
					err);
	size_t n = json_array_size(v);
	if (n > MODEL_PEOPLE_PER_INTERACTION_MAX)
		return error_set(err, R_INVALID, "people",
				 "people: %zu people, the most is %d", n,
				 MODEL_PEOPLE_PER_INTERACTION_MAX);
	int64_t *ids = arena_alloc(a, (n ? n : 1) * sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		char field[32];
		snprintf(field, sizeof(field), "people[%zu]", i);
		enum result r =
			codec_read_id(json_array_get(v, i), field, &ids[i], err);
		if (r != R_OK)
			return r;
	}
	in->people = ids;
	in->n_people = n;
	return R_OK;
}

/* ---- the tables ---- */

#define RO(n) {.name = (n), .type = CF_RO}
#define STR(n, T, m, max, req)                                                \
	{.name = (n), .type = CF_STR, .off = AT(T, m), .hi = (max),           \
	 .required = (req), .nullable = !(req)}

static const struct cfield person_fields[] = {
	RO("id"), RO("org_name"), RO("last_touch"), RO("created_at"),
	RO("updated_at"), RO("owner"), RO("owner_user"),
	STR("given_name", struct person, given_name, MODEL_NAME_MAX, true),
	STR("family_name", struct person, family_name, MODEL_NAME_MAX, false),
	{.name = "org_id", .type = CF_ID, .off = AT(struct person, org_id),
	 .nullable = true},
	STR("title", struct person, title, MODEL_NAME_MAX, false),
	STR("how_met", struct person, how_met, MODEL_TEXT_MAX, false),
	{.name = "met_on", .type = CF_DAY, .off = AT(struct person, met_on),
	 .has_off = AT(struct person, has_met_on), .nullable = true},
	{.name = "referred_by", .type = CF_ID,
	 .off = AT(struct person, referred_by), .nullable = true},
	{.name = "cadence_days", .type = CF_INT,
	 .off = AT(struct person, cadence_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	{.name = "cadence_max_days", .type = CF_INT,
	 .off = AT(struct person, cadence_max_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	STR("notes", struct person, notes, MODEL_TEXT_MAX, false),
	{.name = "shared", .type = CF_BOOL, .off = AT(struct person, shared),
	 .has_off = AT(struct person, has_shared)},
	{.name = "tags", .type = CF_FN, .fn = codec_tags},
	{.name = "contacts", .type = CF_FN, .fn = codec_contacts},
};

static const struct cfield org_fields[] = {
	RO("id"), RO("created_at"), RO("updated_at"),
	STR("name", struct organization, name, MODEL_NAME_MAX, true),
	STR("domain", struct organization, domain, MODEL_NAME_MAX, false),
	STR("industry", struct organization, industry, MODEL_NAME_MAX, false),
	STR("notes", struct organization, notes, MODEL_TEXT_MAX, false),
};

static const struct cfield fact_fields[] = {
	RO("id"), RO("person_id"), RO("created_at"),
	{.name = "kind", .type = CF_ENUM, .off = AT(struct fact, kind),
	 .required = true, .parse = codec_fact_kind, .list = fact_kind_list},
	STR("label", struct fact, label, MODEL_NAME_MAX, false),
	STR("value", struct fact, value, MODEL_TEXT_MAX, true),
	{.name = "learned_on", .type = CF_DAY, .off = AT(struct fact, learned_on),
	 .has_off = AT(struct fact, has_learned_on), .nullable = true},
	{.name = "interaction_id", .type = CF_ID,
	 .off = AT(struct fact, interaction_id), .nullable = true},
};

static const struct cfield date_fields[] = {
	RO("id"), RO("person_id"), RO("created_at"),
	{.name = "kind", .type = CF_ENUM, .off = AT(struct important_date, kind),
	 .required = true, .parse = codec_date_kind, .list = date_kind_list},
	STR("label", struct important_date, label, MODEL_NAME_MAX, false),
	{.name = "month", .type = CF_INT, .off = AT(struct important_date, month),
	 .lo = 1, .hi = 12, .required = true},
	{.name = "day", .type = CF_INT, .off = AT(struct important_date, day),
	 .lo = 1, .hi = 31, .required = true},
	{.name = "year", .type = CF_INT, .off = AT(struct important_date, year),
	 .lo = 1, .hi = 9999, .nullable = true},
	{.name = "remind_days", .type = CF_INT,
	 .off = AT(struct important_date, remind_days), .lo = 0, .hi = 366},
};

static const struct cfield interaction_fields[] = {
	RO("id"), RO("created_at"),
	{.name = "kind", .type = CF_ENUM, .off = AT(struct interaction, kind),
	 .required = true, .parse = codec_interaction_kind,
	 .list = interaction_kind_list},
	{.name = "occurred_at", .type = CF_TIME,
	 .off = AT(struct interaction, occurred_at)},
	STR("summary", struct interaction, summary, MODEL_TEXT_MAX, true),
	STR("notes", struct interaction, notes, MODEL_TEXT_MAX, false),
	{.name = "people", .type = CF_FN, .fn = codec_people, .required = true},
	{.name = "follow_up_on", .type = CF_DAY,
	 .off = AT(struct interaction, follow_up_on),
	 .has_off = AT(struct interaction, has_follow_up), .nullable = true},
	{.name = "follow_up_done", .type = CF_BOOL,
	 .off = AT(struct interaction, follow_up_done)},
	{.name = "deal_id", .type = CF_ID, .off = AT(struct interaction, deal_id),
	 .nullable = true},
};

static const struct cfield reltype_fields[] = {
	RO("id"), RO("builtin"),
	STR("name", struct relationship_type, name, MODEL_NAME_MAX, true),
	STR("label", struct relationship_type, label, MODEL_NAME_MAX, true),
	STR("inverse_label", struct relationship_type, inverse_label,
	    MODEL_NAME_MAX, false),
};

static const struct cfield relationship_fields[] = {
	RO("id"), RO("created_at"), RO("from_name"), RO("to_name"),
	RO("label"), RO("inverse_label"),
	{.name = "type_id", .type = CF_ID,
	 .off = AT(struct relationship, type_id)},
	STR("type", struct relationship, type_name, MODEL_NAME_MAX, false),
	{.name = "from_id", .type = CF_ID,
	 .off = AT(struct relationship, from_id), .required = true},
	{.name = "to_id", .type = CF_ID, .off = AT(struct relationship, to_id),
	 .required = true},
	STR("notes", struct relationship, notes, MODEL_TEXT_MAX, false),
};

static const struct cfield tag_fields[] = {
	RO("name"), RO("people"),
	{.name = "cadence_days", .type = CF_INT,
	 .off = AT(struct tag, cadence_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	{.name = "cadence_max_days", .type = CF_INT,
	 .off = AT(struct tag, cadence_max_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
};

#define N(t) (sizeof(t) / sizeof((t)[0]))

enum result codec_person_from_json(const json_t *j, struct arena *a,
				   struct person *inout, bool partial,
				   struct error *err)
{
	return codec_decode(j, person_fields, N(person_fields), a, inout,
			    partial, err);
}

enum result codec_org_from_json(const json_t *j, struct arena *a,
				struct organization *inout, bool partial,
				struct error *err)
{
	return codec_decode(j, org_fields, N(org_fields), a, inout, partial,
			    err);
}

enum result codec_fact_from_json(const json_t *j, struct arena *a,
				 struct fact *inout, bool partial,
				 struct error *err)
{
	return codec_decode(j, fact_fields, N(fact_fields), a, inout, partial,
			    err);
}

enum result codec_date_from_json(const json_t *j, struct arena *a,
				 struct important_date *inout, bool partial,
				 struct error *err)
{
	return codec_decode(j, date_fields, N(date_fields), a, inout, partial,
			    err);
}

enum result codec_interaction_from_json(const json_t *j, struct arena *a,
					struct interaction *inout,
					bool partial, struct error *err)
{
	return codec_decode(j, interaction_fields, N(interaction_fields), a,
			    inout, partial, err);
}

enum result codec_reltype_from_json(const json_t *j, struct arena *a,
				    struct relationship_type *inout,
				    bool partial, struct error *err)
{
	return codec_decode(j, reltype_fields, N(reltype_fields), a, inout,
			    partial, err);
}

enum result codec_relationship_from_json(const json_t *j, struct arena *a,
					 struct relationship *inout,
					 bool partial, struct error *err)
{
	enum result r = codec_decode(j, relationship_fields,
				     N(relationship_fields), a, inout, partial,
				     err);
	if (r == R_OK && !partial && !json_object_get(j, "type_id") &&
	    !json_object_get(j, "type"))
		return error_set(err, R_INVALID, "type",
				 "type: is required (a type's name, or "
				 "type_id)");
	return r;
}

enum result codec_tag_from_json(const json_t *j, struct arena *a,
				struct tag *inout, bool partial,
				struct error *err)
{
	return codec_decode(j, tag_fields, N(tag_fields), a, inout, partial,
			    err);
}
