/*
 * test_codec.c: unit tests of src/codec: what the encoders write, that
 * decoding what they write gives the record back, and that the decoders
 * refuse each kind of bad input naming the field (max and max+1, bad
 * dates, bad enums, wrong types, unknown and read-only fields).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "codec/codec.h"
#include "util/arena.h"
#include "util/date.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	assert_non_null(j);
	return j;
}

/* Decodes text as a person; returns the result and leaves err filled. */
static enum result person_from(const char *text, struct arena *a,
			       struct person *p, bool partial,
			       struct error *err)
{
	json_t *j = parse(text);
	enum result r = codec_person_from_json(j, a, p, partial, err);
	json_decref(j);
	return r;
}

static void person_round_trip(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *tags[] = {"client", "vip"};
	struct contact contacts[] = {{1, CONTACT_EMAIL, "work", "a@b.example"}};
	struct person p = {.id = 7, .given_name = "Ana", .family_name = "Lima",
			   .org_id = 3, .org_name = "Acme", .title = "CTO",
			   .has_met_on = true, .met_on = date_to_days(2023, 5, 4),
			   .cadence_days = 30, .notes = "tea \"green\"",
			   .tags = tags, .n_tags = 2, .contacts = contacts,
			   .n_contacts = 1, .created_at = 1700000000,
			   .updated_at = 1700000001};
	json_t *j = codec_person(&p);
	assert_string_equal(json_string_value(json_object_get(j, "met_on")),
			    "2023-05-04");
	assert_true(json_is_null(json_object_get(j, "referred_by")));
	assert_true(json_is_null(json_object_get(j, "last_touch")));
	assert_true(json_is_null(json_object_get(j, "cadence_max_days")));
	assert_string_equal(
		json_string_value(json_object_get(j, "created_at")),
		"2023-11-14T22:13:20Z");
	/* Take away what the server fills, then decode the rest back. */
	const char *ro[] = {"id",	  "org_name",   "last_touch",
			    "created_at", "updated_at", "owner",
			    "owner_user"};
	for (size_t i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		json_object_del(j, ro[i]);
	json_t *cs = json_object_get(j, "contacts");
	json_object_del(json_array_get(cs, 0), "id");
	struct person q = {0};
	struct error err = {0};
	assert_int_equal(codec_person_from_json(j, a, &q, false, &err), R_OK);
	assert_string_equal(q.given_name, "Ana");
	assert_string_equal(q.notes, "tea \"green\"");
	assert_int_equal(q.org_id, 3);
	assert_true(q.has_met_on);
	assert_int_equal(q.met_on, p.met_on);
	assert_int_equal(q.n_tags, 2);
	assert_string_equal(q.tags[1], "vip");
	assert_int_equal(q.n_contacts, 1);
	assert_int_equal(q.contacts[0].kind, CONTACT_EMAIL);
	assert_string_equal(q.contacts[0].label, "work");
	json_decref(j);
	arena_free(a);
}

static void person_patch_and_null(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct person p = {.given_name = "Ana", .title = "CTO", .org_id = 4,
			   .has_met_on = true, .met_on = 100};
	struct error err = {0};
	assert_int_equal(person_from("{\"title\": null, \"org_id\": null, "
				     "\"met_on\": null, \"notes\": \"n\"}",
				     a, &p, true, &err),
			 R_OK);
	assert_null(p.title);
	assert_int_equal(p.org_id, 0);
	assert_false(p.has_met_on);
	assert_string_equal(p.notes, "n");
	assert_string_equal(p.given_name, "Ana");
	/* A create needs given_name; a patch does not. */
	struct person c = {0};
	assert_int_equal(person_from("{\"title\": \"x\"}", a, &c, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "given_name");
	arena_free(a);
}

/* Expects text to be refused as a person with field named. */
static void refuse(const char *text, const char *field)
{
	struct arena *a = arena_new();
	struct person p = {0};
	struct error err = {0};
	assert_int_equal(person_from(text, a, &p, true, &err), R_INVALID);
	assert_string_equal(err.field, field);
	assert_true(strncmp(err.message, field, strlen(field)) == 0);
	arena_free(a);
}

static void person_refusals(void **state)
{
	(void)state;
	refuse("{\"nickname\": \"x\"}", "nickname");
	refuse("{\"id\": 3}", "id");
	refuse("{\"last_touch\": null}", "last_touch");
	refuse("{\"given_name\": 3}", "given_name");
	refuse("{\"given_name\": null}", "given_name");
	refuse("{\"org_id\": \"3\"}", "org_id");
	refuse("{\"org_id\": -3}", "org_id");
	refuse("{\"org_id\": 0}", "org_id");
	refuse("{\"cadence_days\": 3651}", "cadence_days");
	refuse("{\"cadence_days\": -1}", "cadence_days");
	refuse("{\"cadence_days\": 2.0}", "cadence_days");
	refuse("{\"met_on\": \"2023-02-30\"}", "met_on");
	refuse("{\"met_on\": \"2023-2-3\"}", "met_on");
	refuse("{\"met_on\": 20230203}", "met_on");
	refuse("{\"tags\": \"a\"}", "tags");
	refuse("{\"tags\": [\"a\", 2]}", "tags[1]");
	refuse("{\"contacts\": [{\"kind\": \"fax\", \"value\": \"1\"}]}",
	       "contacts[0].kind");
	refuse("{\"contacts\": [{\"kind\": \"email\"}]}", "contacts[0]");
	refuse("{\"contacts\": [{\"value\": \"x\", \"kind\": \"email\", "
	       "\"id\": 1}]}",
	       "contacts[0].id");
	refuse("{\"contacts\": [3]}", "contacts[0]");
	refuse("[]", "body");
}

static void string_limits(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char name[MODEL_NAME_MAX + 2];
	memset(name, 'x', sizeof(name));
	name[MODEL_NAME_MAX] = '\0';
	json_t *j = json_pack("{s:s}", "given_name", name);
	struct person p = {0};
	struct error err = {0};
	assert_int_equal(codec_person_from_json(j, a, &p, false, &err), R_OK);
	assert_int_equal(strlen(p.given_name), MODEL_NAME_MAX);
	json_decref(j);
	name[MODEL_NAME_MAX] = 'x';
	name[MODEL_NAME_MAX + 1] = '\0';
	j = json_pack("{s:s}", "given_name", name);
	assert_int_equal(codec_person_from_json(j, a, &p, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "given_name");
	json_decref(j);
	arena_free(a);
}

static void other_types(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct error err = {0};
	json_t *j = parse("{\"kind\": \"call\", \"summary\": \"s\", "
			  "\"people\": [1, 2], \"occurred_at\": "
			  "\"2024-04-01T10:00:00+02:00\", \"follow_up_on\": "
			  "\"2024-02-29\"}");
	struct interaction it = {0};
	assert_int_equal(codec_interaction_from_json(j, a, &it, false, &err),
			 R_OK);
	assert_int_equal(it.n_people, 2);
	assert_int_equal(it.occurred_at, 1711958400);
	assert_true(it.has_follow_up);
	json_decref(j);
	json_t *back = codec_interaction(&it);
	assert_string_equal(
		json_string_value(json_object_get(back, "occurred_at")),
		"2024-04-01T08:00:00Z");
	json_decref(back);

	j = parse("{\"kind\": \"birthday\", \"month\": 2, \"day\": 29, "
		  "\"year\": null}");
	struct important_date d = {.year = 1990};
	assert_int_equal(codec_date_from_json(j, a, &d, false, &err), R_OK);
	assert_int_equal(d.year, 0);
	json_decref(j);
	j = parse("{\"kind\": \"birthday\", \"month\": 13, \"day\": 1}");
	assert_int_equal(codec_date_from_json(j, a, &d, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "month");
	json_decref(j);

	j = parse("{\"kind\": \"hobby\", \"value\": \"x\"}");
	struct fact f = {0};
	assert_int_equal(codec_fact_from_json(j, a, &f, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "kind");
	assert_non_null(strstr(err.message, "passion"));
	json_decref(j);

	j = parse("{\"from_id\": 1, \"to_id\": 2}");
	struct relationship rel = {0};
	assert_int_equal(codec_relationship_from_json(j, a, &rel, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "type");
	json_decref(j);

	j = parse("{\"cadence_days\": 7, \"name\": \"x\"}");
	struct tag t = {0};
	assert_int_equal(codec_tag_from_json(j, a, &t, false, &err),
			 R_INVALID);
	assert_string_equal(err.field, "name");
	json_decref(j);
	arena_free(a);
}

static void relationship_sides(void **state)
{
	(void)state;
	struct relationship r = {.id = 1, .type_id = 2, .from_id = 10,
				 .to_id = 20, .type_name = "manager",
				 .label = "manager of",
				 .inverse_label = "reports to",
				 .from_name = "Ana", .to_name = "Ben"};
	json_t *a = codec_relationship_from(&r, 10);
	json_t *b = codec_relationship_from(&r, 20);
	assert_string_equal(json_string_value(json_object_get(a, "label")),
			    "manager of");
	assert_string_equal(
		json_string_value(json_object_get(a, "other_name")), "Ben");
	assert_string_equal(json_string_value(json_object_get(b, "label")),
			    "reports to");
	assert_string_equal(
		json_string_value(json_object_get(b, "other_label")),
		"manager of");
	assert_int_equal(json_integer_value(json_object_get(b, "other_id")),
			 10);
	json_decref(a);
	json_decref(b);
}

static void bad_utf8_from_the_database(void **state)
{
	(void)state;
	struct organization o = {.id = 1, .name = "Caf\xc3\xa9 \xff ok"};
	json_t *j = codec_org(&o);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "name")),
			    "Caf\xc3\xa9 \xef\xbf\xbd ok");
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_round_trip),
		cmocka_unit_test(person_patch_and_null),
		cmocka_unit_test(person_refusals),
		cmocka_unit_test(string_limits),
		cmocka_unit_test(other_types),
		cmocka_unit_test(relationship_sides),
		cmocka_unit_test(bad_utf8_from_the_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
