/*
 * test_json_write.c: codec_write gives jansson's compact text (tests of
 * the codec layer).
 *
 * The server writes replies with codec_write instead of json_dumpb; for
 * every kind of value without reals the text must be the same byte for
 * byte, and with reals it must read back as the same value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "codec/codec.h"
#include "util/buf.h"

/* Checks codec_write(j) against json_dumpb(j, JSON_COMPACT); steals j. */
static void same_as_jansson(json_t *j)
{
	assert_non_null(j);
	char *want = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
	assert_non_null(want);
	struct buf b;
	buf_init(&b, 1 << 20);
	assert_true(codec_write(j, &b));
	assert_string_equal(buf_str(&b), want);
	free(want);
	buf_free(&b);
	json_decref(j);
}

static void scalars(void **state)
{
	same_as_jansson(json_null());
	same_as_jansson(json_true());
	same_as_jansson(json_false());
	same_as_jansson(json_integer(0));
	same_as_jansson(json_integer(-7));
	same_as_jansson(json_integer(INT64_MAX));
	same_as_jansson(json_integer(INT64_MIN));
	same_as_jansson(json_string(""));
	same_as_jansson(json_string("Zoë Ng / \"Zed\" \\ ünïcödé 🙂"));
	char ctl[40];
	for (int i = 1; i < 32; i++)
		ctl[i - 1] = (char)i;
	ctl[31] = 0x7f;
	ctl[32] = '\0';
	same_as_jansson(json_string(ctl));
	same_as_jansson(json_stringn("a\0b", 3));
}

static void nesting(void **state)
{
	same_as_jansson(json_object());
	same_as_jansson(json_array());
	same_as_jansson(json_pack("{s:i, s:[s, n, b, {}], s:{s:{s:[]}}, s:s}",
				  "id", 7, "list", "x", 0, "o", "a", "b", "c",
				  "key \"quoted\"\n", "value"));
	json_t *deep = json_array();
	json_t *at = deep;
	for (int i = 0; i < 100; i++) {
		json_t *next = json_array();
		json_array_append_new(at, next);
		at = next;
	}
	same_as_jansson(deep);
}

static void reals_read_back(void **state)
{
	static const double v[] = {0.0,
				   -0.0,
				   1.0,
				   -2.5,
				   0.1,
				   1e300,
				   -1e-300,
				   3.0e10,
				   -7.0,
				   1e15,
				   999999999999999.0};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		json_t *j = json_real(v[i]);
		struct buf b;
		buf_init(&b, 1024);
		assert_true(codec_write(j, &b));
		json_t *back = json_loads(buf_str(&b), JSON_DECODE_ANY, NULL);
		assert_non_null(back);
		assert_true(json_is_real(back));
		assert_true(json_real_value(back) == v[i]);
		/* and as jansson writes it */
		char *want = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
		assert_string_equal(buf_str(&b), want);
		free(want);
		json_decref(back);
		json_decref(j);
		buf_free(&b);
	}
}

static void too_big_is_refused(void **state)
{
	struct buf b;
	buf_init(&b, 8);
	json_t *j = json_string("longer than eight bytes");
	assert_false(codec_write(j, &b));
	json_decref(j);
	buf_free(&b);
}

/* codec_write_person(p) against codec_write(codec_person(p)). */
static void person_same(const struct person *p)
{
	struct buf want, got;
	buf_init(&want, 1 << 20);
	buf_init(&got, 1 << 20);
	json_t *j = codec_person(p);
	assert_true(codec_write(j, &want));
	json_decref(j);
	assert_true(codec_write_person(p, &got));
	assert_string_equal(buf_str(&got), buf_str(&want));
	buf_free(&want);
	buf_free(&got);
}

static void person_as_codec_person(void **state)
{
	struct person bare = {.id = 1, .given_name = "Ana"};
	person_same(&bare);
	const char *tags[] = {"client", "golf", NULL, "zeta"};
	struct contact cs[] = {
	    {7, CONTACT_EMAIL, NULL, "ana@example.org"},
	    {9, CONTACT_PHONE, "work \"desk\"", "+1 555\t0100"},
	    {12, CONTACT_LINK, "", "https://example.org/a?b=c&d"}};
	struct person full = {.id = 123456789,
			      .given_name = "Zoë",
			      .family_name = "O'Neil \\ \"Jr\"",
			      .org_id = 42,
			      .org_name = "Acme / Ümlaut",
			      .title = "",
			      .how_met = "at a\nconference\x01",
			      .has_met_on = true,
			      .met_on = -400,
			      .referred_by = 3,
			      .cadence_days = 14,
			      .cadence_max_days = 21,
			      .notes = "line one\r\nline two 🙂",
			      .owner = "dana",
			      .tags = tags,
			      .n_tags = 4,
			      .contacts = cs,
			      .n_contacts = 3,
			      .last_touch = 1700000000,
			      .created_at = 1,
			      .updated_at = 253402300799};
	person_same(&full);
	full.has_met_on = false;
	full.n_tags = 0;
	full.n_contacts = 0;
	full.last_touch = 0;
	person_same(&full);
}

static void person_with_bad_utf8_is_left_to_jansson(void **state)
{
	struct person p = {.id = 2, .given_name = "bad \xC3\x28 byte"};
	struct buf b;
	buf_init(&b, 1 << 20);
	assert_false(codec_write_person(&p, &b));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(scalars),
	    cmocka_unit_test(nesting),
	    cmocka_unit_test(reals_read_back),
	    cmocka_unit_test(too_big_is_refused),
	    cmocka_unit_test(person_as_codec_person),
	    cmocka_unit_test(person_with_bad_utf8_is_left_to_jansson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
