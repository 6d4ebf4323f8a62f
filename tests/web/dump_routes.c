/*
 * dump_routes.c: prints the route table as JSON (a test helper, not a
 * test): method, pattern, who may call, whether a session's write needs
 * the CSRF token, whether it takes a body and whether it can write.
 * tests/web/test_authz_matrix.py builds its matrix from this, so a new
 * route without an expectation there fails the test.
 */
#include <stdio.h>

#include <jansson.h>

#include "web/route.h"

int main(void)
{
	json_t *routes = route_dump();
	int rc = json_dumpf(routes, stdout, JSON_INDENT(1)) == 0 ? 0 : 1;
	putchar('\n');
	json_decref(routes);
	return rc;
}
