/*
 * route.h: the route table and the mapping of results to HTTP (web layer,
 * internal to src/web).
 */
#ifndef RAPPORT_WEB_ROUTE_H
#define RAPPORT_WEB_ROUTE_H

#include <jansson.h>

#include "util/buf.h"
#include "web/api.h"

/*
 * Finds the route for method and path, filling params with the path's
 * parameter segments (borrowed from path_copy, which route_match splits in
 * place). Returns NULL when none fits; then *path_known says whether some
 * other method would have fitted, and allow lists those methods
 * ("GET, HEAD, POST").
 */
const struct route *route_match(const char *method, char *path_copy,
				const char **params, bool *path_known,
				struct buf *allow);

/* "user", "public", "buyer_link", "manager" or "admin". */
const char *route_who_name(enum route_who who);
/* True when the route's handler runs as a write; apply says whether the
 * request asked ?apply=1 (ROUTE_TX_APPLY). */
bool route_writes(const struct route *rt, bool apply);
/* True when a request with a session must carry the CSRF token. */
bool route_needs_csrf(const struct route *rt);
/* Returns a new JSON array of every route: method, pattern, who, csrf,
 * body, writes (for the authorization matrix test: route_dump). */
json_t *route_dump(void);

/* True when the query parameter name is one the route accepts. */
bool route_query_allowed(const struct route *rt, const char *name);

/* The HTTP status for a result; syntax makes R_INVALID a 400. */
int route_status(enum result res, bool syntax);

/*
 * Returns a new application/problem+json object (RFC 9457) for status
 * with err's message as the detail and err's field, if any, as "field".
 */
json_t *route_problem(int status, const struct error *err);

#endif
