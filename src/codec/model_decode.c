/*
 * model_decode.c: strict JSON decoders of the core types (codec layer).
 *
 * Each type has a table of the fields a client may send, walked by
 * dt_decode() (decode_table.c), which refuses unknown fields, wrong
 * types, strings too long, bad dates and bad enum names the same way for
 * every type, with the field named. Fields the server fills (id,
 * created_at, ...) are listed as read-only. Arrays of structured values
 * (tags, contacts, people) have their own small readers here.
 */
#include "codec/codec.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "codec/decode_table.h"

#define AT(type, member) offsetof(type, member)
#define N(t) (sizeof(t) / sizeof((t)[0]))

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

static enum result codec_tags(const struct dt_field *f, const json_t *v,
			      struct arena *a, void *rec, void *ctx,
			      struct error *err)
{
	(void)f;
	(void)ctx;
	struct person *p = rec;
	if (!json_is_array(v))
		return dt_wrong_type("tags", v, "an array of strings", err);
	size_t n = json_array_size(v);
	if (n > MODEL_TAGS_MAX)
		return error_set(err, R_INVALID, "tags",
				 "tags: %zu tags, the most is %d", n,
				 MODEL_TAGS_MAX);
	const char **tags = arena_alloc(a, (n ? n : 1) * sizeof(*tags));
	for (size_t i = 0; i < n; i++) {
		char field[32];
		snprintf(field, sizeof(field), "tags[%zu]", i);
		enum result r = dt_read_str(json_array_get(v, i), field,
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
		return dt_wrong_type(field, v, "an object", err);
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
				return dt_wrong_type(sub, x, "a string",
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
				r = dt_read_str(x, sub, MODEL_NAME_MAX, a,
						   &c->label, err);
		} else if (strcmp(key, "value") == 0) {
			has_value = true;
			r = dt_read_str(x, sub, MODEL_NAME_MAX * 5, a,
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

static enum result codec_contacts(const struct dt_field *f, const json_t *v,
			      struct arena *a, void *rec, void *ctx,
			      struct error *err)
{
	(void)f;
	(void)ctx;
	struct person *p = rec;
	if (!json_is_array(v))
		return dt_wrong_type("contacts", v, "an array of objects",
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

static enum result codec_people(const struct dt_field *f, const json_t *v,
			      struct arena *a, void *rec, void *ctx,
			      struct error *err)
{
	(void)f;
	(void)ctx;
	struct interaction *in = rec;
	if (!json_is_array(v))
		return dt_wrong_type("people", v, "an array of person ids",
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
			dt_read_id(json_array_get(v, i), field, &ids[i], err);
		if (r != R_OK)
			return r;
	}
	in->people = ids;
	in->n_people = n;
	return R_OK;
}

/* ---- the tables ---- */

#define RO(n) {.name = (n), .type = DT_RO}
#define STR(n, T, m, max, req)                                                \
	{.name = (n), .type = DT_STR, .off = AT(T, m), .hi = (max),           \
	 .required = (req), .nullable = !(req)}

static const struct dt_field person_fields[] = {
	RO("id"), RO("org_name"), RO("last_touch"), RO("created_at"),
	RO("updated_at"), RO("owner"), RO("owner_user"),
	STR("given_name", struct person, given_name, MODEL_NAME_MAX, true),
	STR("family_name", struct person, family_name, MODEL_NAME_MAX, false),
	{.name = "org_id", .type = DT_ID, .off = AT(struct person, org_id),
	 .nullable = true},
	STR("title", struct person, title, MODEL_NAME_MAX, false),
	STR("how_met", struct person, how_met, MODEL_TEXT_MAX, false),
	{.name = "met_on", .type = DT_DAY, .off = AT(struct person, met_on),
	 .has_off = AT(struct person, has_met_on), .nullable = true},
	{.name = "referred_by", .type = DT_ID,
	 .off = AT(struct person, referred_by), .nullable = true},
	{.name = "cadence_days", .type = DT_INT,
	 .off = AT(struct person, cadence_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	{.name = "cadence_max_days", .type = DT_INT,
	 .off = AT(struct person, cadence_max_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	STR("notes", struct person, notes, MODEL_TEXT_MAX, false),
	{.name = "shared", .type = DT_BOOL, .off = AT(struct person, shared),
	 .has_off = AT(struct person, has_shared)},
	{.name = "tags", .type = DT_FN, .fn = codec_tags},
	{.name = "contacts", .type = DT_FN, .fn = codec_contacts},
};

static const struct dt_field org_fields[] = {
	RO("id"), RO("created_at"), RO("updated_at"),
	STR("name", struct organization, name, MODEL_NAME_MAX, true),
	STR("domain", struct organization, domain, MODEL_NAME_MAX, false),
	STR("industry", struct organization, industry, MODEL_NAME_MAX, false),
	STR("notes", struct organization, notes, MODEL_TEXT_MAX, false),
};

static const struct dt_field fact_fields[] = {
	RO("id"), RO("person_id"), RO("created_at"),
	{.name = "kind", .type = DT_ENUM, .off = AT(struct fact, kind),
	 .hi = 64, .required = true, .parse = codec_fact_kind,
	 .list = fact_kind_list},
	STR("label", struct fact, label, MODEL_NAME_MAX, false),
	STR("value", struct fact, value, MODEL_TEXT_MAX, true),
	{.name = "learned_on", .type = DT_DAY, .off = AT(struct fact, learned_on),
	 .has_off = AT(struct fact, has_learned_on), .nullable = true},
	{.name = "interaction_id", .type = DT_ID,
	 .off = AT(struct fact, interaction_id), .nullable = true},
};

static const struct dt_field date_fields[] = {
	RO("id"), RO("person_id"), RO("created_at"),
	{.name = "kind", .type = DT_ENUM, .off = AT(struct important_date, kind),
	 .hi = 64, .required = true, .parse = codec_date_kind,
	 .list = date_kind_list},
	STR("label", struct important_date, label, MODEL_NAME_MAX, false),
	{.name = "month", .type = DT_INT, .off = AT(struct important_date, month),
	 .lo = 1, .hi = 12, .required = true},
	{.name = "day", .type = DT_INT, .off = AT(struct important_date, day),
	 .lo = 1, .hi = 31, .required = true},
	{.name = "year", .type = DT_INT, .off = AT(struct important_date, year),
	 .lo = 1, .hi = 9999, .nullable = true},
	{.name = "remind_days", .type = DT_INT,
	 .off = AT(struct important_date, remind_days), .lo = 0, .hi = 366},
};

static const struct dt_field interaction_fields[] = {
	RO("id"), RO("created_at"),
	{.name = "kind", .type = DT_ENUM, .off = AT(struct interaction, kind),
	 .hi = 64, .required = true, .parse = codec_interaction_kind,
	 .list = interaction_kind_list},
	{.name = "occurred_at", .type = DT_TIME,
	 .off = AT(struct interaction, occurred_at)},
	STR("summary", struct interaction, summary, MODEL_TEXT_MAX, true),
	STR("notes", struct interaction, notes, MODEL_TEXT_MAX, false),
	{.name = "people", .type = DT_FN, .fn = codec_people, .required = true},
	{.name = "follow_up_on", .type = DT_DAY,
	 .off = AT(struct interaction, follow_up_on),
	 .has_off = AT(struct interaction, has_follow_up), .nullable = true},
	{.name = "follow_up_done", .type = DT_BOOL,
	 .off = AT(struct interaction, follow_up_done)},
	{.name = "deal_id", .type = DT_ID, .off = AT(struct interaction, deal_id),
	 .nullable = true},
};

static const struct dt_field reltype_fields[] = {
	RO("id"), RO("builtin"),
	STR("name", struct relationship_type, name, MODEL_NAME_MAX, true),
	STR("label", struct relationship_type, label, MODEL_NAME_MAX, true),
	STR("inverse_label", struct relationship_type, inverse_label,
	    MODEL_NAME_MAX, false),
};

static const struct dt_field relationship_fields[] = {
	RO("id"), RO("created_at"), RO("from_name"), RO("to_name"),
	RO("label"), RO("inverse_label"),
	{.name = "type_id", .type = DT_ID,
	 .off = AT(struct relationship, type_id)},
	STR("type", struct relationship, type_name, MODEL_NAME_MAX, false),
	{.name = "from_id", .type = DT_ID,
	 .off = AT(struct relationship, from_id), .required = true},
	{.name = "to_id", .type = DT_ID, .off = AT(struct relationship, to_id),
	 .required = true},
	STR("notes", struct relationship, notes, MODEL_TEXT_MAX, false),
};

static const struct dt_field tag_fields[] = {
	RO("name"), RO("people"),
	{.name = "cadence_days", .type = DT_INT,
	 .off = AT(struct tag, cadence_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
	{.name = "cadence_max_days", .type = DT_INT,
	 .off = AT(struct tag, cadence_max_days), .lo = 0,
	 .hi = MODEL_CADENCE_MAX_DAYS, .nullable = true},
};

enum result codec_person_from_json(const json_t *j, struct arena *a,
				   struct person *inout, bool partial,
				   struct error *err)
{
	return dt_decode(j, person_fields, N(person_fields), a, inout,
			 partial, NULL, err);
}

enum result codec_org_from_json(const json_t *j, struct arena *a,
				struct organization *inout, bool partial,
				struct error *err)
{
	return dt_decode(j, org_fields, N(org_fields), a, inout, partial,
			 NULL, err);
}

enum result codec_fact_from_json(const json_t *j, struct arena *a,
				 struct fact *inout, bool partial,
				 struct error *err)
{
	return dt_decode(j, fact_fields, N(fact_fields), a, inout, partial,
			 NULL, err);
}

enum result codec_date_from_json(const json_t *j, struct arena *a,
				 struct important_date *inout, bool partial,
				 struct error *err)
{
	return dt_decode(j, date_fields, N(date_fields), a, inout, partial,
			 NULL, err);
}

enum result codec_interaction_from_json(const json_t *j, struct arena *a,
					struct interaction *inout,
					bool partial, struct error *err)
{
	return dt_decode(j, interaction_fields, N(interaction_fields), a,
			 inout, partial, NULL, err);
}

enum result codec_reltype_from_json(const json_t *j, struct arena *a,
				    struct relationship_type *inout,
				    bool partial, struct error *err)
{
	return dt_decode(j, reltype_fields, N(reltype_fields), a, inout,
			 partial, NULL, err);
}

enum result codec_relationship_from_json(const json_t *j, struct arena *a,
					 struct relationship *inout,
					 bool partial, struct error *err)
{
	enum result r = dt_decode(j, relationship_fields,
				  N(relationship_fields), a, inout, partial,
				  NULL, err);
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
	return dt_decode(j, tag_fields, N(tag_fields), a, inout, partial,
			 NULL, err);
}
