/*
 * test_web_parts.c: unit tests of the web layer's pieces that need no
 * socket: the HTML writers, route matching (params, 404 versus 405 and
 * the Allow list), the result-to-status table, problem bodies and list
 * cursors (including tampered ones).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/html.h"
#include "web/route.h"

static void html_writers(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	html_txt(&b, "<a href=\"x\">Tom & 'Jerry'</a>");
	assert_string_equal(buf_str(&b), "&lt;a href=&quot;x&quot;&gt;Tom "
					 "&amp; &#39;Jerry&#39;&lt;/a&gt;");
	buf_reset(&b);
	html_attr(&b, "\" onload=\"x");
	assert_string_equal(buf_str(&b), "&quot; onload=&quot;x");
	buf_reset(&b);
	html_url_arg(&b, "a b&c=d/\xc3\xa9~");
	assert_string_equal(buf_str(&b), "a%20b%26c%3Dd%2F%C3%A9~");
	buf_reset(&b);
	html_txt(&b, NULL);
	html_txt(&b, "");
	html_int(&b, -42);
	html_raw(&b, "<br>");
	assert_string_equal(buf_str(&b), "-42<br>");
	buf_free(&b);
}

/* Matches method and path; returns the route and fills allow. */
static const struct route *match(const char *method, const char *path,
				 const char **params, bool *known,
				 struct buf *allow)
{
	static char copy[256];
	snprintf(copy, sizeof(copy), "%s", path);
	buf_reset(allow);
	return route_match(method, copy, params, known, allow);
}

static void routes(void **state)
{
	(void)state;
	struct buf allow;
	buf_init(&allow, 256);
	const char *params[API_PARAMS_MAX] = {0};
	bool known;
	const struct route *rt =
		match("GET", "/api/v1/people/42", params, &known, &allow);
	assert_non_null(rt);
	assert_ptr_equal(rt->fn, api_people_get);
	assert_string_equal(params[0], "42");
	rt = match("HEAD", "/api/v1/people/42/facts", params, &known, &allow);
	assert_non_null(rt);
	assert_ptr_equal(rt->fn, api_facts_list);
	rt = match("PUT", "/api/v1/tags/golf-club", params, &known, &allow);
	assert_non_null(rt);
	assert_string_equal(params[0], "golf-club");
	/* Known path, other method: 405 with the methods that work. */
	rt = match("PUT", "/api/v1/people", params, &known, &allow);
	assert_null(rt);
	assert_true(known);
	assert_string_equal(buf_str(&allow), "GET, HEAD, POST");
	/* Not a path at all: 404. */
	const char *none[] = {"/api/v1/people/abc", "/api/v1/people/-1",
			      "/api/v1/people/", "/api/v1/people/1/x",
			      "/api/v1//people", "", "nope",
			      "/api/v1/people/12345678901234567890",
			      "/a/b/c/d/e/f/g/h/i/j"};
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		rt = match("GET", none[i], params, &known, &allow);
		assert_null(rt);
		assert_false(known);
	}
	assert_true(route_query_allowed(
		match("GET", "/api/v1/people", params, &known, &allow),
		"org_id"));
	assert_false(route_query_allowed(
		match("GET", "/api/v1/people", params, &known, &allow),
		"org"));
	buf_free(&allow);
}

static void statuses_and_problems(void **state)
{
	(void)state;
	assert_int_equal(route_status(R_NOT_FOUND, false), 404);
	assert_int_equal(route_status(R_INVALID, false), 422);
	assert_int_equal(route_status(R_INVALID, true), 400);
	assert_int_equal(route_status(R_CONFLICT, false), 409);
	assert_int_equal(route_status(R_FORBIDDEN, false), 403);
	assert_int_equal(route_status(R_TOO_BIG, false), 413);
	assert_int_equal(route_status(R_DB, false), 500);
	assert_int_equal(route_status(R_IO, false), 500);
	struct error err = {0};
	error_set(&err, R_INVALID, "given_name", "given_name: is required");
	json_t *p = route_problem(422, &err);
	assert_string_equal(json_string_value(json_object_get(p, "type")),
			    "urn:rapport:problem:invalid");
	assert_int_equal(json_integer_value(json_object_get(p, "status")), 422);
	assert_string_equal(json_string_value(json_object_get(p, "field")),
			    "given_name");
	json_decref(p);
	p = route_problem(405, NULL);
	assert_string_equal(json_string_value(json_object_get(p, "title")),
			    "Method Not Allowed");
	assert_null(json_object_get(p, "field"));
	json_decref(p);
}

static void cursors(void **state)
{
	(void)state;
	int64_t ids[] = {0, 1, 42, INT64_MAX};
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		char c[32];
		int64_t back = -1;
		api_cursor_encode(ids[i], c);
		assert_true(api_cursor_decode(c, &back));
		assert_int_equal(back, ids[i]);
		/* Changing any one character breaks it. */
		for (size_t k = 0; c[k]; k++) {
			char t[32];
			memcpy(t, c, sizeof(t));
			t[k] = t[k] == '1' ? '2' : '1';
			assert_false(api_cursor_decode(t, &back));
		}
	}
	int64_t out;
	assert_false(api_cursor_decode("", &out));
	assert_false(api_cursor_decode("c1", &out));
	assert_false(api_cursor_decode("c1ffffffffffffffff0000", &out));
	assert_false(api_cursor_decode("c1000000000000002A0000", &out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html_writers),
		cmocka_unit_test(routes),
		cmocka_unit_test(statuses_and_problems),
		cmocka_unit_test(cursors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
