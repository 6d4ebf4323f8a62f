/*
 * test_util.c: unit tests of util/ (buf, num, date, arena).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/num.h"
#include "util/result.h"
#include "util/utf8.h"

static void buf_sticky_overflow(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 5);
	buf_puts(&b, "abc");
	assert_true(buf_ok(&b));
	buf_puts(&b, "de");
	assert_true(buf_ok(&b));
	assert_string_equal(buf_str(&b), "abcde");
	buf_putc(&b, 'f');
	assert_false(buf_ok(&b));
	buf_puts(&b, "");
	assert_false(buf_ok(&b));
	assert_string_equal(buf_str(&b), "abcde");
	buf_free(&b);
}

static void buf_printf_grows(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_true(buf_ok(&b));
	assert_int_equal(strncmp(buf_str(&b), "0,1,2,", 6), 0);
	char *s = buf_steal(&b);
	assert_non_null(s);
	free(s);
	assert_string_equal(buf_str(&b), "");
}

static void num_full_match(void **state)
{
	(void)state;
	int64_t v;
	assert_true(num_parse_i64("42", 0, 100, &v));
	assert_int_equal(v, 42);
	assert_true(num_parse_i64("-5", -10, 10, &v));
	assert_false(num_parse_i64("12abc", 0, 100, &v));
	assert_false(num_parse_i64("", 0, 100, &v));
	assert_false(num_parse_i64(" 1", 0, 100, &v));
	assert_false(num_parse_i64("+1", 0, 100, &v));
	assert_false(num_parse_i64("101", 0, 100, &v));
	assert_false(num_parse_i64("99999999999999999999", 0, INT64_MAX, &v));
}

static void date_round_trip(void **state)
{
	(void)state;
	int64_t d;
	char s[DATE_STR_MAX];
	assert_true(date_parse("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(date_parse("2024-02-29", &d));
	date_format(d, s);
	assert_string_equal(s, "2024-02-29");
	assert_false(date_parse("2023-02-29", &d));
	assert_false(date_parse("2023-02-30", &d));
	assert_false(date_parse("2023-13-01", &d));
	assert_false(date_parse("2023-1-01", &d));
	assert_false(date_parse("2023-01-01x", &d));
	assert_true(date_parse("1900-03-01", &d));
	date_format(d, s);
	assert_string_equal(s, "1900-03-01");
}

static void time_parse_offsets(void **state)
{
	(void)state;
	int64_t t;
	char s[TIME_STR_MAX];
	assert_true(time_parse("2026-11-23T19:30:00Z", &t));
	time_format(t, s);
	assert_string_equal(s, "2026-11-23T19:30:00Z");
	int64_t t2;
	assert_true(time_parse("2026-11-23T20:30:00+01:00", &t2));
	assert_int_equal(t, t2);
	assert_true(time_parse("2026-11-23T19:30:00.123Z", &t2));
	assert_int_equal(t, t2);
	assert_false(time_parse("2026-11-23T24:00:00Z", &t2));
	assert_false(time_parse("2026-11-23T19:30:00", &t2));
	assert_false(time_parse("2026-11-23", &t2));
	assert_int_equal(time_local_days(0, -3600), -1);
	assert_int_equal(time_local_days(86399, 0), 0);
}

static void arena_many(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	for (int i = 0; i < 10000; i++) {
		char *s = arena_printf(a, "item %d", i);
		assert_non_null(s);
	}
	char *big = arena_alloc(a, 1 << 20);
	big[(1 << 20) - 1] = 'x';
	assert_string_equal(arena_strndup(a, "hello", 4), "hell");
	arena_free(a);
	arena_free(NULL);
}

static void repair_one(const char *in, size_t n, const char *want)
{
	struct buf b;
	buf_init(&b, 256);
	utf8_repair(in, n, &b);
	assert_true(buf_ok(&b));
	assert_string_equal(buf_str(&b), want);
	assert_true(utf8_valid(buf_str(&b), b.len));
	buf_free(&b);
}

static void utf8_repair_cases(void **state)
{
	(void)state;
	repair_one("plain", 5, "plain");
	repair_one("caf\xC3\xA9", 5, "caf\xC3\xA9");
	/* a character cut in two by truncation, at the end: one bad char */
	repair_one("ab\xE2\x82", 4, "ab\xEF\xBF\xBD");
	/* the same bytes before a newline count the same */
	repair_one("ab\xE2\x82\n", 5, "ab\xEF\xBF\xBD\n");
	/* a stray continuation byte and an overlong slash in the middle */
	repair_one("a\x80" "b\xC0\xAF" "c", 6,
		   "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c");
	/* a NUL inside the bytes */
	repair_one("a\0b", 3, "a\xEF\xBF\xBD" "b");
	repair_one("", 0, "");
}

static void error_set_keeps_utf8(void **state)
{
	(void)state;
	struct error e;
	/* "%.4s" cuts the two-byte e-acute of "cafe\u0301"-like text in two */
	error_set(&e, R_INVALID, "f", "x%.4s", "caf\xC3\xA9");
	assert_string_equal(e.message, "xcaf");
	error_set(&e, R_INVALID, "f", "[%.5s]", "ab\xE2\x82\xAC");
	assert_string_equal(e.message, "[ab\xE2\x82\xAC]");
	error_set(&e, R_INVALID, "f", "[%.4s]", "ab\xE2\x82\xAC");
	assert_string_equal(e.message, "[ab??]");
	error_set(&e, R_INVALID, "bad\xFF", "stray \x80 byte");
	assert_string_equal(e.field, "bad?");
	assert_string_equal(e.message, "stray ? byte");
}

/* Counting a text whole or in pieces cut at ASCII bytes gives one total
 * (the coach counts a transcript turn by turn). */
static void utf8_count_in_pieces(void **state)
{
	(void)state;
	const char *t = "a:\xE0\x97\nb:\xF0\x9F\x98\n:\xF0\xF0";
	size_t n = strlen(t);
	size_t whole = utf8_count(t, n), parts = 0, from = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || t[i] == ':' || t[i] == '\n') {
			parts += utf8_count(t + from, i - from);
			from = i;
		}
	assert_int_equal(whole, parts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_sticky_overflow),
		cmocka_unit_test(buf_printf_grows),
		cmocka_unit_test(num_full_match),
		cmocka_unit_test(date_round_trip),
		cmocka_unit_test(time_parse_offsets),
		cmocka_unit_test(arena_many),
		cmocka_unit_test(utf8_repair_cases),
		cmocka_unit_test(error_set_keeps_utf8),
		cmocka_unit_test(utf8_count_in_pieces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
