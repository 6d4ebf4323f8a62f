/*
 * api.h: what the server gives a request handler, and the handlers
 * (web layer, internal to src/web).
 *
 * The server parses the request (route, path parameters, query string,
 * JSON body) into a struct req, runs the route's handler inside one store
 * transaction and turns what the handler left in the req, or the error it
 * returned, into the HTTP response. A handler never writes to the socket:
 * it calls api_reply_*() on success, or returns an enum result with err
 * filled, which route.c maps to a status and an application/problem+json
 * body. Everything a handler allocates comes from r->arena.
 */
#ifndef RAPPORT_WEB_API_H
#define RAPPORT_WEB_API_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "util/buf.h"
#include "util/result.h"

struct arena;
struct store;
struct MHD_Connection;

#define API_PARAMS_MAX 4

struct route;
struct auth_who;

struct req {
	struct MHD_Connection *conn;
	const char *method; /* "GET", ... ("HEAD" is served as "GET") */
	const char *path;
	const struct route *route;
	struct arena *arena;
	struct store *store;
	json_t *body; /* the parsed request body, or NULL; borrowed */
	const char *params[API_PARAMS_MAX]; /* path parameters in order */
	int64_t now; /* the request's time, seconds since the epoch (UTC) */

	/* the reply, filled by api_reply_*() */
	int status;
	json_t *out;              /* owned; NULL for no body */
	const char *location;     /* Location header, arena-owned */
	const char *set_cookie;   /* Set-Cookie header, arena-owned */
	const char *content_type; /* for raw replies */
	const char *raw;          /* raw body (pages, assets), not owned */
	size_t raw_len;
	bool raw_copy; /* raw must be copied (arena memory) */
	bool cache;    /* static asset: may be cached */
	bool syntax;   /* an R_INVALID is a 400 (shape, type), not a 422 */
	/* POST page routes (no JSON body): the urlencoded form as sent */
	const char *form; /* borrowed, "" when none */
	size_t form_len;
	/* the caller, checked by the server before the handler runs
	 * (server.c); anonymous on public routes. Borrowed. */
	const struct auth_who *who;
	bool writes; /* runs as a write (route_writes) */
	int refused; /* the server's: the status auth_check refused with */
};

typedef enum result (*api_fn)(struct req *r, struct error *err);

/* Who may call a route. The zero value is the common case. */
enum route_who {
	ROUTE_USER = 0, /* any logged-in user (records filtered by owner) */
	ROUTE_PUBLIC,	/* anyone, no login: /healthz, /login, assets */
	ROUTE_BUYER,	/* anyone with a live buyer link in the path; the
			   handler checks it (unknown: 404) */
	ROUTE_MANAGER,	/* managers and admins */
	ROUTE_ADMIN,	/* admins only */
};

/* Whether a write with a session needs the session's CSRF token. */
enum route_csrf {
	ROUTE_CSRF_WRITES = 0, /* every method but GET (the default) */
	ROUTE_CSRF_NONE,       /* no session to protect yet (the logins), or
				  the secret is in the path (buyer links) */
};

/* How the handler's transaction runs. */
enum route_tx {
	ROUTE_TX_AUTO = 0, /* GET: a read; any other method: a write */
	ROUTE_TX_READ,	   /* a read whatever the method (POST /coach) */
	ROUTE_TX_WRITE,
	ROUTE_TX_APPLY, /* a read, a write with ?apply=1 (POST /api/v1/coach) */
};

/* One row of the route table: see route.c. */
struct route {
	const char *method;
	const char *pattern; /* "/api/v1/people/{id}"; {id} is digits only */
	api_fn fn;
	const char *query; /* allowed query parameters, "tag,org_id,..." */
	bool body;         /* takes a JSON object body */
	bool store;        /* needs the database (runs in a transaction) */
	enum route_who who;
	enum route_csrf csrf;
	enum route_tx tx;
	bool own_audit; /* the handler writes its own audit entries; else
			   the server audits every successful write */
};

/* ---- replies ---- */

/* Replies status with the JSON value j (stolen). */
void api_reply_json(struct req *r, int status, json_t *j);
/* Replies 201 with j (stolen) and Location: the formatted path. */
void api_reply_created(struct req *r, json_t *j, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Replies 204 with no body. */
void api_reply_empty(struct req *r);
/* Replies {"items": items (stolen), "next_cursor": ...}; after_id is the
 * id to continue after when more is true. */
void api_reply_list(struct req *r, json_t *items, bool more,
		    int64_t after_id);

/* ---- input ---- */

/* Path parameter i as an id (the route only matches digits). Returns
 * R_NOT_FOUND when it does not fit an int64 or is 0. */
enum result api_param_id(struct req *r, int i, int64_t *out,
			 struct error *err);
/* Reads path parameter i as a person id and checks that the person
 * exists: R_NOT_FOUND otherwise. */
enum result api_param_person(struct req *r, int i, int64_t *out,
			     struct error *err);
/* The query parameter name, or NULL when absent. Borrowed. */
const char *api_query(struct req *r, const char *name);
/* Reads ?limit= and ?cursor= into *after_id and *limit; 400 on bad ones. */
enum result api_page(struct req *r, int64_t *after_id, int *limit,
		     struct error *err);
/* Reads an optional positive id from the query (0 when absent). */
enum result api_query_id(struct req *r, const char *name, int64_t *out,
			 struct error *err);
/* Reads an optional integer in [lo, hi] from the query (def if absent). */
enum result api_query_int(struct req *r, const char *name, int lo, int hi,
			  int def, int *out, struct error *err);
/* The request body (an object, checked by the server). */
const json_t *api_body(struct req *r);
/* Marks a decoder's R_INVALID as a 400 and passes res through. */
enum result api_syntax(struct req *r, enum result res);

/* Writes the opaque cursor for after_id into out (32 bytes). */
void api_cursor_encode(int64_t after_id, char out[32]);
/* Reads a cursor; false when it was not made by api_cursor_encode. */
bool api_cursor_decode(const char *s, int64_t *after_id);

/* ---- handlers, one file per resource ---- */

enum result api_health_get(struct req *r, struct error *err);

enum result api_people_list(struct req *r, struct error *err);
enum result api_people_create(struct req *r, struct error *err);
enum result api_people_get(struct req *r, struct error *err);
enum result api_people_update(struct req *r, struct error *err);
enum result api_people_delete(struct req *r, struct error *err);

enum result api_orgs_list(struct req *r, struct error *err);
enum result api_orgs_create(struct req *r, struct error *err);
enum result api_orgs_get(struct req *r, struct error *err);
enum result api_orgs_update(struct req *r, struct error *err);
enum result api_orgs_delete(struct req *r, struct error *err);

enum result api_facts_list(struct req *r, struct error *err);
enum result api_facts_create(struct req *r, struct error *err);
enum result api_facts_get(struct req *r, struct error *err);
enum result api_facts_update(struct req *r, struct error *err);
enum result api_facts_delete(struct req *r, struct error *err);

enum result api_dates_list(struct req *r, struct error *err);
enum result api_dates_create(struct req *r, struct error *err);
enum result api_dates_get(struct req *r, struct error *err);
enum result api_dates_update(struct req *r, struct error *err);
enum result api_dates_delete(struct req *r, struct error *err);

enum result api_interactions_list(struct req *r, struct error *err);
enum result api_interactions_create(struct req *r, struct error *err);
enum result api_interactions_get(struct req *r, struct error *err);
enum result api_interactions_update(struct req *r, struct error *err);
enum result api_interactions_delete(struct req *r, struct error *err);

enum result api_relationships_create(struct req *r, struct error *err);
enum result api_relationships_get(struct req *r, struct error *err);
enum result api_relationships_delete(struct req *r, struct error *err);
enum result api_relationships_of_person(struct req *r, struct error *err);
enum result api_reltypes_list(struct req *r, struct error *err);
enum result api_reltypes_create(struct req *r, struct error *err);
enum result api_reltypes_delete(struct req *r, struct error *err);

enum result api_tags_list(struct req *r, struct error *err);
enum result api_tags_put(struct req *r, struct error *err);

enum result api_today_get(struct req *r, struct error *err);
enum result api_search_get(struct req *r, struct error *err);

/* Deals (api_deals.c, api_plan.c, api_concerns.c, api_metrics.c). */
enum result api_deals_list(struct req *r, struct error *err);
enum result api_deals_create(struct req *r, struct error *err);
enum result api_deals_get(struct req *r, struct error *err);
enum result api_deals_update(struct req *r, struct error *err);
enum result api_deals_delete(struct req *r, struct error *err);
enum result api_deals_stage(struct req *r, struct error *err);
enum result api_deals_status(struct req *r, struct error *err);
enum result api_deals_readiness(struct req *r, struct error *err);
enum result api_stakeholders_list(struct req *r, struct error *err);
enum result api_stakeholders_create(struct req *r, struct error *err);
enum result api_stakeholders_get(struct req *r, struct error *err);
enum result api_stakeholders_update(struct req *r, struct error *err);
enum result api_stakeholders_delete(struct req *r, struct error *err);
enum result api_plan_list(struct req *r, struct error *err);
enum result api_plan_create(struct req *r, struct error *err);
enum result api_plan_step_get(struct req *r, struct error *err);
enum result api_plan_step_update(struct req *r, struct error *err);
enum result api_plan_step_delete(struct req *r, struct error *err);
enum result api_plan_step_done(struct req *r, struct error *err);
enum result api_concerns_list(struct req *r, struct error *err);
enum result api_concerns_create(struct req *r, struct error *err);
enum result api_concerns_get(struct req *r, struct error *err);
enum result api_concerns_answer(struct req *r, struct error *err);
enum result api_concerns_resolve(struct req *r, struct error *err);
enum result api_concerns_drop(struct req *r, struct error *err);
enum result api_concerns_reopen(struct req *r, struct error *err);
enum result api_metrics_get(struct req *r, struct error *err);
enum result api_coach_post(struct req *r, struct error *err);

/* Pages and assets (page_home.c). */
enum result page_home(struct req *r, struct error *err);
enum result page_static(struct req *r, struct error *err);
/* HTML pages (page_people.c, page_person.c, page_orgs.c, page_coach.c);
 * POST routes without a JSON body take a urlencoded form (r->form). */
enum result page_people(struct req *r, struct error *err);
enum result page_people_new(struct req *r, struct error *err);
enum result page_people_create(struct req *r, struct error *err);
enum result page_people_edit(struct req *r, struct error *err);
enum result page_people_update(struct req *r, struct error *err);
enum result page_people_delete(struct req *r, struct error *err);
enum result page_person(struct req *r, struct error *err);
enum result page_person_fact(struct req *r, struct error *err);
enum result page_person_date(struct req *r, struct error *err);
enum result page_person_touch(struct req *r, struct error *err);
/* (page_person_edit.c) */
enum result page_person_fact_edit(struct req *r, struct error *err);
enum result page_person_fact_delete(struct req *r, struct error *err);
enum result page_person_date_edit(struct req *r, struct error *err);
enum result page_person_date_delete(struct req *r, struct error *err);
enum result page_person_touch_edit(struct req *r, struct error *err);
enum result page_person_touch_delete(struct req *r, struct error *err);
enum result page_person_rel(struct req *r, struct error *err);
enum result page_person_rel_delete(struct req *r, struct error *err);
enum result page_orgs(struct req *r, struct error *err);
enum result page_orgs_new(struct req *r, struct error *err);
enum result page_orgs_create(struct req *r, struct error *err);
enum result page_org(struct req *r, struct error *err);
enum result page_orgs_edit(struct req *r, struct error *err);
enum result page_orgs_update(struct req *r, struct error *err);
enum result page_orgs_delete(struct req *r, struct error *err);
enum result page_coach(struct req *r, struct error *err);
enum result page_coach_run(struct req *r, struct error *err);
/* Deal pages (page_deals.c, page_deal.c, page_deal_post.c,
 * page_metrics.c). */
enum result page_deals(struct req *r, struct error *err);
enum result page_deals_new(struct req *r, struct error *err);
enum result page_deals_create(struct req *r, struct error *err);
enum result page_deals_edit(struct req *r, struct error *err);
enum result page_deals_update(struct req *r, struct error *err);
enum result page_deal(struct req *r, struct error *err);
enum result page_deal_concern_add(struct req *r, struct error *err);
enum result page_deal_concern_answer(struct req *r, struct error *err);
enum result page_deal_concern_resolve(struct req *r, struct error *err);
enum result page_deal_concern_drop(struct req *r, struct error *err);
enum result page_deal_concern_reopen(struct req *r, struct error *err);
enum result page_deal_stakeholder_add(struct req *r, struct error *err);
enum result page_deal_stakeholder_edit(struct req *r, struct error *err);
enum result page_deal_stakeholder_delete(struct req *r, struct error *err);
enum result page_deal_step_edit(struct req *r, struct error *err);
enum result page_deal_step_delete(struct req *r, struct error *err);
enum result page_deal_touch(struct req *r, struct error *err);
enum result page_deal_delete(struct req *r, struct error *err);
enum result page_deal_step_add(struct req *r, struct error *err);
enum result page_deal_step_done(struct req *r, struct error *err);
enum result page_deal_stage(struct req *r, struct error *err);
enum result page_deal_status(struct req *r, struct error *err);
enum result page_metrics(struct req *r, struct error *err);
enum result page_coach_apply(struct req *r, struct error *err);

/*
 * Reads the query's days= and tz_offset= and builds today's list into a
 * codec-ready struct today (api_today.c; the home page uses it too).
 */
struct today;
enum result api_today_build(struct req *r, struct today *out,
			    struct error *err);

#endif
