/*
 * fuzz_route.c: libFuzzer target for what the server parses out of a
 * request line before any handler runs (fuzz, over the web and util
 * layers).
 *
 * The input is "METHOD PATH?QUERY": the method and path go to
 * route_match(), each query parameter's name to route_query_allowed()
 * for the route found, and each value to the parser the handlers use for
 * it: num_parse_int() and num_parse_i64() for numbers and ids,
 * api_cursor_decode() for paging cursors. Splitting the query at '&' and
 * '=' stands in for libmicrohttpd, which does that part in the server.
 *
 * Checks beyond "no crash":
 *  - a matched route has the method asked for (HEAD is served as GET),
 *    and every "{id}" parameter it hands out is 1 to 19 digits;
 *  - when nothing matched but the path is known, the Allow list is not
 *    empty;
 *  - the number parsers agree with a reference written here (an optional
 *    minus sign, then digits, and nothing else, in range);
 *  - a cursor that decodes is exactly the one api_cursor_encode() writes
 *    for that id, so there is one spelling per page and none made up;
 *  - GET /static/{name}, the one handler that runs without a database,
 *    answers or refuses with a problem document that keeps its message.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/num.h"
#include "web/api.h"
#include "web/route.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The server refuses longer paths before matching (WEB_PATH_MAX). */
#define FUZZ_ROUTE_MAX 4096

static void fuzz_route_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_route: %s (%s)\n", what, detail);
	abort();
}

/*
 * The reference number parser: '-'? [0-9]+ in [min, max]. Returns false
 * for anything else, including overflow.
 */
static bool fuzz_route_ref_num(const char *s, int64_t min, int64_t max,
			       int64_t *out)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	if (!*s)
		return false;
	/* Accumulate as a negative number: its range is the larger one. */
	int64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		int d = *s - '0';
		if (v < (INT64_MIN + d) / 10)
			return false;
		v = v * 10 - d;
	}
	if (!neg) {
		if (v == INT64_MIN)
			return false;
		v = -v;
	}
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

static void fuzz_route_numbers(const char *value)
{
	static const int64_t ranges[][2] = {
	    {1, INT64_MAX},  /* ids */
	    {1, 500},	     /* limit */
	    {0, 365},	     /* days */
	    {-50400, 50400}, /* tz_offset in seconds */
	    {INT64_MIN, INT64_MAX},
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		int64_t got = 0, want = 0;
		bool ok =
		    num_parse_i64(value, ranges[i][0], ranges[i][1], &got);
		bool ref = fuzz_route_ref_num(value, ranges[i][0], ranges[i][1],
					      &want);
		if (ok != ref || (ok && got != want))
			fuzz_route_fail("num_parse_i64 disagrees", value);
	}
	int n = 0;
	int64_t want = 0;
	bool ok = num_parse_int(value, INT_MIN, INT_MAX, &n);
	if (ok != fuzz_route_ref_num(value, INT_MIN, INT_MAX, &want) ||
	    (ok && n != want))
		fuzz_route_fail("num_parse_int disagrees", value);
}

static void fuzz_route_cursor(const char *value)
{
	int64_t id = -1;
	if (!api_cursor_decode(value, &id))
		return;
	if (id < 0)
		fuzz_route_fail("a cursor decoded to a negative id", value);
	char again[32];
	api_cursor_encode(id, again);
	if (strcmp(again, value) != 0)
		fuzz_route_fail("a cursor has a second spelling", value);
}

/* Splits query at '&' and '=' in place and checks each parameter. */
static void fuzz_route_query(const struct route *rt, char *query)
{
	char *p = query;
	while (p) {
		char *amp = strchr(p, '&');
		if (amp)
			*amp = '\0';
		char *eq = strchr(p, '=');
		const char *value = "";
		if (eq) {
			*eq = '\0';
			value = eq + 1;
		}
		if (rt)
			route_query_allowed(rt, p);
		fuzz_route_numbers(value);
		fuzz_route_cursor(value);
		p = amp ? amp + 1 : NULL;
	}
}

static bool fuzz_route_digits(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 19)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* The parameters handed out fit the pattern's placeholders. */
static void fuzz_route_params(const struct route *rt, const char **params)
{
	const char *p = rt->pattern;
	int k = 0;
	while ((p = strchr(p, '{')) != NULL && k < API_PARAMS_MAX) {
		if (!params[k] || !params[k][0])
			fuzz_route_fail("an empty path parameter", rt->pattern);
		if (strncmp(p, "{id}", 4) == 0 && !fuzz_route_digits(params[k]))
			fuzz_route_fail("an {id} that is not digits",
					params[k]);
		k++;
		p++;
	}
}

/*
 * Runs the one handler that needs neither database nor connection, the
 * static asset lookup, and puts its refusal through route_problem() as
 * the server would: the problem document must carry the message.
 */
static void fuzz_route_static(const char **params)
{
	struct req r = {.method = "GET", .arena = arena_new()};
	memcpy(r.params, params, sizeof(r.params));
	struct error err;
	error_clear(&err);
	enum result res = page_static(&r, &err);
	if (res != R_OK) {
		json_t *p = route_problem(route_status(res, r.syntax), &err);
		const char *detail =
		    json_string_value(json_object_get(p, "detail"));
		if (!detail || strcmp(detail, err.message) != 0)
			fuzz_route_fail("a refusal lost its message",
					err.message);
		json_decref(p);
	}
	json_decref(r.out);
	arena_free(r.arena);
}

static void fuzz_route_match(const char *method, char *path, char *query)
{
	const char *params[API_PARAMS_MAX] = {0};
	bool known = true;
	struct buf allow;
	buf_init(&allow, 256);
	const struct route *rt =
	    route_match(method, path, params, &known, &allow);
	if (rt) {
		const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
		if (strcmp(rt->method, want) != 0)
			fuzz_route_fail("a route of another method", method);
		fuzz_route_params(rt, params);
		if (rt->fn == page_static)
			fuzz_route_static(params);
	} else if (known && !buf_str(&allow)[0]) {
		fuzz_route_fail("a known path with nothing allowed", method);
	}
	buf_free(&allow);
	if (query)
		fuzz_route_query(rt, query);
}

/* libFuzzer's entry: one request line, matched and its query read. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_ROUTE_MAX)
		return 0;
	char *line = xstrndup((const char *)data, size);
	/* "METHOD PATH": without a space the whole line is a GET path. */
	const char *method = "GET";
	char *path = line;
	char *space = strchr(line, ' ');
	if (space) {
		*space = '\0';
		method = line;
		path = space + 1;
	}
	char *query = strchr(path, '?');
	if (query)
		*query++ = '\0';
	fuzz_route_match(method, path, query);
	free(line);
	return 0;
}
