/*
 * route.c: the route table, path matching, and the one place where an
 * enum result becomes an HTTP status (web layer).
 *
 * A route is one row: method, path pattern, handler, the query parameters
 * it accepts, whether it takes a JSON body and whether it needs the
 * database. The server walks this table for every request, so a new
 * endpoint is one row here and one handler in its resource's file; the
 * tests walk the same URLs. "{id}" segments match only digits, "{name}"
 * segments any non-empty text.
 *
 * Three more columns, zero by default so that most rows need not name
 * them: who may call (any logged-in user unless the row says public,
 * buyer link, manager or admin), whether a session's write needs its CSRF
 * token (yes unless the row says none), and how the transaction runs (a
 * read for GET, a write otherwise, unless the row says); a fourth,
 * own_audit, marks the handlers that write their own audit entries (the
 * server audits every other successful write). The server
 * enforces them before any handler runs (server.c), and
 * tests/web/test_authz_matrix.py walks the same table (route_dump).
 */
#include "web/route.h"

#include <string.h>

#include "util/utf8.h"
#include "web/api_auth.h"
#include "web/api_advisor.h"

#define PAGING "limit,cursor"

/*
 * Rows leave out the trailing columns that keep their default (zero):
 * that is what keeps the table one readable line per route, so the
 * warning about fields left out is off for the table alone.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct route route_table[] = {
	{"GET", "/healthz", api_health_get, "", false, true, ROUTE_PUBLIC},
	{"GET", "/", page_home, "days,tz_offset,offset", false, true},
	{"GET", "/static/{name}", page_static, "", false, false, ROUTE_PUBLIC},
	{"GET", "/people", page_people, "q,tag,org_id,cursor", false, true},
	{"GET", "/people/new", page_people_new, "", false, true},
	{"POST", "/people/new", page_people_create, "", false, true},
	{"GET", "/people/{id}", page_person, "cursor", false, true},
	{"GET", "/people/{id}/edit", page_people_edit, "", false, true},
	{"POST", "/people/{id}/edit", page_people_update, "", false, true},
	{"POST", "/people/{id}/delete", page_people_delete, "", false, true},
	{"POST", "/people/{id}/facts", page_person_fact, "", false, true},
	{"POST", "/people/{id}/dates", page_person_date, "", false, true},
	{"POST", "/people/{id}/interactions", page_person_touch, "", false,
	 true},
	/* changing and removing on a person's page (page_person_edit.c) */
	{"POST", "/people/{id}/facts/{id}", page_person_fact_edit, "", false,
	 true},
	{"POST", "/people/{id}/facts/{id}/delete", page_person_fact_delete, "",
	 false, true},
	{"POST", "/people/{id}/dates/{id}", page_person_date_edit, "", false,
	 true},
	{"POST", "/people/{id}/dates/{id}/delete", page_person_date_delete, "",
	 false, true},
	{"POST", "/people/{id}/interactions/{id}", page_person_touch_edit, "",
	 false, true},
	{"POST", "/people/{id}/interactions/{id}/delete",
	 page_person_touch_delete, "", false, true},
	{"POST", "/people/{id}/relationships", page_person_rel, "", false,
	 true},
	{"POST", "/people/{id}/relationships/{id}/delete",
	 page_person_rel_delete, "", false, true},
	{"GET", "/organizations", page_orgs, "cursor", false, true},
	{"GET", "/organizations/new", page_orgs_new, "", false, true},
	{"POST", "/organizations/new", page_orgs_create, "", false, true},
	{"GET", "/organizations/{id}", page_org, "cursor", false, true},
	{"GET", "/organizations/{id}/edit", page_orgs_edit, "", false, true},
	{"POST", "/organizations/{id}/edit", page_orgs_update, "", false,
	 true},
	{"POST", "/organizations/{id}/delete", page_orgs_delete, "", false,
	 true},
	{"GET", "/coach", page_coach, "", false, true},
	{"POST", "/coach", page_coach_run, "", false, true, .tx = ROUTE_TX_READ},
	{"POST", "/coach/apply", page_coach_apply, "", false, true},
	/* deal pages (page_deals.c, page_deal*.c, page_metrics.c) */
	{"GET", "/deals", page_deals, "status,owner", false, true},
	{"GET", "/deals/new", page_deals_new, "org_id", false, true},
	{"POST", "/deals/new", page_deals_create, "", false, true},
	{"GET", "/deals/{id}", page_deal, "", false, true},
	{"GET", "/deals/{id}/edit", page_deals_edit, "", false, true},
	{"POST", "/deals/{id}/edit", page_deals_update, "", false, true},
	{"POST", "/deals/{id}/concerns", page_deal_concern_add, "", false,
	 true},
	{"POST", "/deals/{id}/concerns/{id}/answer", page_deal_concern_answer,
	 "", false, true},
	{"POST", "/deals/{id}/concerns/{id}/resolve",
	 page_deal_concern_resolve, "", false, true},
	{"POST", "/deals/{id}/concerns/{id}/drop", page_deal_concern_drop, "",
	 false, true},
	{"POST", "/deals/{id}/concerns/{id}/reopen", page_deal_concern_reopen,
	 "", false, true},
	{"POST", "/deals/{id}/stakeholders", page_deal_stakeholder_add, "",
	 false, true},
	{"POST", "/deals/{id}/stakeholders/{id}", page_deal_stakeholder_edit,
	 "", false, true},
	{"POST", "/deals/{id}/plan", page_deal_step_add, "", false, true},
	{"POST", "/deals/{id}/plan/{id}/done", page_deal_step_done, "", false,
	 true},
	{"POST", "/deals/{id}/plan/{id}", page_deal_step_edit, "", false,
	 true},
	{"POST", "/deals/{id}/plan/{id}/delete", page_deal_step_delete, "",
	 false, true},
	{"POST", "/deals/{id}/stakeholders/{id}/delete",
	 page_deal_stakeholder_delete, "", false, true},
	{"POST", "/deals/{id}/interactions", page_deal_touch, "", false, true},
	{"POST", "/deals/{id}/delete", page_deal_delete, "", false, true},
	{"POST", "/deals/{id}/stage", page_deal_stage, "", false, true},
	{"POST", "/deals/{id}/status", page_deal_status, "", false, true},
	{"GET", "/metrics", page_metrics, "from,to,owner", false, true},
	/* the honest advisor's pages (page_advisor.c, page_guide.c) */
	{"GET", "/deals/{id}/fit", page_fit, "", false, true},
	{"POST", "/deals/{id}/fit/needs", page_fit_need, "", false, true},
	{"POST", "/deals/{id}/fit/scores", page_fit_score, "", false, true},
	{"POST", "/deals/{id}/fit/offerings", page_fit_offering, "", false,
	 true},
	{"POST", "/deals/{id}/fit/recommend", page_fit_recommend, "", false,
	 true},
	{"GET", "/deals/{id}/guide", page_guide, "", false, true},

	{"GET", "/api/v1/people", api_people_list, "tag,org_id," PAGING, false,
	 true},
	{"POST", "/api/v1/people", api_people_create, "", true, true},
	{"GET", "/api/v1/people/{id}", api_people_get, "", false, true},
	{"PATCH", "/api/v1/people/{id}", api_people_update, "", true, true},
	{"DELETE", "/api/v1/people/{id}", api_people_delete, "", false, true},

	{"GET", "/api/v1/organizations", api_orgs_list, PAGING, false, true},
	{"POST", "/api/v1/organizations", api_orgs_create, "", true, true},
	{"GET", "/api/v1/organizations/{id}", api_orgs_get, "", false, true},
	{"PATCH", "/api/v1/organizations/{id}", api_orgs_update, "", true,
	 true},
	{"DELETE", "/api/v1/organizations/{id}", api_orgs_delete, "", false,
	 true},

	{"GET", "/api/v1/people/{id}/facts", api_facts_list, "", false, true},
	{"POST", "/api/v1/people/{id}/facts", api_facts_create, "", true, true},
	{"GET", "/api/v1/facts/{id}", api_facts_get, "", false, true},
	{"PATCH", "/api/v1/facts/{id}", api_facts_update, "", true, true},
	{"DELETE", "/api/v1/facts/{id}", api_facts_delete, "", false, true},

	{"GET", "/api/v1/people/{id}/dates", api_dates_list, "", false, true},
	{"POST", "/api/v1/people/{id}/dates", api_dates_create, "", true, true},
	{"GET", "/api/v1/dates/{id}", api_dates_get, "", false, true},
	{"PATCH", "/api/v1/dates/{id}", api_dates_update, "", true, true},
	{"DELETE", "/api/v1/dates/{id}", api_dates_delete, "", false, true},

	{"GET", "/api/v1/interactions", api_interactions_list,
	 "person_id," PAGING, false, true},
	{"POST", "/api/v1/interactions", api_interactions_create, "", true,
	 true},
	{"GET", "/api/v1/interactions/{id}", api_interactions_get, "", false,
	 true},
	{"PATCH", "/api/v1/interactions/{id}", api_interactions_update, "",
	 true, true},
	{"DELETE", "/api/v1/interactions/{id}", api_interactions_delete, "",
	 false, true},

	{"POST", "/api/v1/relationships", api_relationships_create, "", true,
	 true},
	{"GET", "/api/v1/relationships/{id}", api_relationships_get, "", false,
	 true},
	{"DELETE", "/api/v1/relationships/{id}", api_relationships_delete, "",
	 false, true},
	{"GET", "/api/v1/people/{id}/relationships",
	 api_relationships_of_person, "", false, true},
	{"GET", "/api/v1/relationship-types", api_reltypes_list, "", false,
	 true},
	{"POST", "/api/v1/relationship-types", api_reltypes_create, "", true,
	 true, ROUTE_MANAGER},
	{"DELETE", "/api/v1/relationship-types/{id}", api_reltypes_delete, "",
	 false, true, ROUTE_MANAGER},

	{"GET", "/api/v1/tags", api_tags_list, "", false, true},
	{"PUT", "/api/v1/tags/{name}", api_tags_put, "", true, true},

	{"GET", "/api/v1/today", api_today_get, "days,tz_offset,limit,offset",
	 false, true},
	{"GET", "/api/v1/search", api_search_get, "q,limit", false, true},

	/* deals (api_deals.c, api_plan.c, api_concerns.c, api_metrics.c) */
	{"GET", "/api/v1/deals", api_deals_list,
	 "status,stage,owner,org_id," PAGING, false, true},
	{"POST", "/api/v1/deals", api_deals_create, "stall_days", true, true},
	{"GET", "/api/v1/deals/{id}", api_deals_get, "stall_days", false, true},
	{"PATCH", "/api/v1/deals/{id}", api_deals_update, "stall_days", true,
	 true},
	{"DELETE", "/api/v1/deals/{id}", api_deals_delete, "", false, true},
	{"POST", "/api/v1/deals/{id}/stage", api_deals_stage, "stall_days",
	 true, true},
	{"POST", "/api/v1/deals/{id}/status", api_deals_status, "stall_days",
	 true, true},
	{"GET", "/api/v1/deals/{id}/readiness", api_deals_readiness,
	 "stall_days", false, true},
	{"GET", "/api/v1/deals/{id}/stakeholders", api_stakeholders_list, "",
	 false, true},
	{"POST", "/api/v1/deals/{id}/stakeholders", api_stakeholders_create, "",
	 true, true},
	{"GET", "/api/v1/stakeholders/{id}", api_stakeholders_get, "", false,
	 true},
	{"PATCH", "/api/v1/stakeholders/{id}", api_stakeholders_update, "",
	 true, true},
	{"DELETE", "/api/v1/stakeholders/{id}", api_stakeholders_delete, "",
	 false, true},
	{"GET", "/api/v1/deals/{id}/plan", api_plan_list, "", false, true},
	{"POST", "/api/v1/deals/{id}/plan", api_plan_create, "", true, true},
	{"GET", "/api/v1/plan-steps/{id}", api_plan_step_get, "", false, true},
	{"PATCH", "/api/v1/plan-steps/{id}", api_plan_step_update, "", true,
	 true},
	{"DELETE", "/api/v1/plan-steps/{id}", api_plan_step_delete, "", false,
	 true},
	{"POST", "/api/v1/plan-steps/{id}/done", api_plan_step_done, "", true,
	 true},
	{"GET", "/api/v1/deals/{id}/concerns", api_concerns_list, "", false,
	 true},
	{"POST", "/api/v1/deals/{id}/concerns", api_concerns_create, "", true,
	 true},
	{"GET", "/api/v1/concerns/{id}", api_concerns_get, "", false, true},
	{"POST", "/api/v1/concerns/{id}/answer", api_concerns_answer, "", true,
	 true},
	{"POST", "/api/v1/concerns/{id}/resolve", api_concerns_resolve, "",
	 true, true},
	{"POST", "/api/v1/concerns/{id}/drop", api_concerns_drop, "", true,
	 true},
	{"POST", "/api/v1/concerns/{id}/reopen", api_concerns_reopen, "", true,
	 true},
	{"GET", "/api/v1/metrics", api_metrics_get, "from,to,owner,stall_days",
	 false, true},
	{"POST", "/api/v1/coach", api_coach_post, "role,seller,deal,apply", true,
	 true, .tx = ROUTE_TX_APPLY},

	/* the honest advisor (api_advisor.c) */
	{"GET", "/api/v1/offerings", api_offerings_list, "is_ours," PAGING,
	 false, true},
	{"POST", "/api/v1/offerings", api_offerings_create, "", true, true},
	{"GET", "/api/v1/offerings/{id}", api_offerings_get, "", false, true},
	{"PATCH", "/api/v1/offerings/{id}", api_offerings_update, "", true,
	 true},
	{"DELETE", "/api/v1/offerings/{id}", api_offerings_delete, "", false,
	 true},
	{"GET", "/api/v1/deals/{id}/needs", api_needs_list, "", false, true},
	{"POST", "/api/v1/deals/{id}/needs", api_needs_create, "", true, true},
	{"GET", "/api/v1/needs/{id}", api_needs_get, "", false, true},
	{"PATCH", "/api/v1/needs/{id}", api_needs_update, "", true, true},
	{"DELETE", "/api/v1/needs/{id}", api_needs_delete, "", false, true},
	{"GET", "/api/v1/deals/{id}/fit", api_fit_get, "", false, true},
	{"PUT", "/api/v1/deals/{id}/fit", api_fit_put, "", true, true},
	{"POST", "/api/v1/deals/{id}/fit", api_fit_put, "", true, true},
	{"DELETE", "/api/v1/deals/{id}/fit", api_fit_drop, "offering_id", false,
	 true},
	{"GET", "/api/v1/deals/{id}/recommendations", api_recommendations_list,
	 "", false, true},
	{"POST", "/api/v1/deals/{id}/recommendations",
	 api_recommendations_create, "", true, true},

	/* accounts (page_login.c, page_account.c, api_auth.c) */
	{"GET", "/login", page_login, "next", false, true, ROUTE_PUBLIC},
	{"POST", "/login", page_login_post, "", false, true, ROUTE_PUBLIC,
	 ROUTE_CSRF_NONE, .own_audit = true},
	{"POST", "/logout", page_logout, "", false, true, ROUTE_PUBLIC,
	 .own_audit = true},
	{"GET", "/account", page_account, "", false, true},
	{"POST", "/account/password", page_account_password, "", false, true,
	 .own_audit = true},
	{"POST", "/account/tokens", page_account_token_new, "", false, true,
	 .own_audit = true},
	{"POST", "/account/tokens/{id}/revoke", page_account_token_revoke, "",
	 false, true, .own_audit = true},
	{"GET", "/api/v1/session", api_session_get, "", false, true},
	{"POST", "/api/v1/session", api_session_create, "", true, true,
	 ROUTE_PUBLIC, ROUTE_CSRF_NONE, .own_audit = true},
	{"DELETE", "/api/v1/session", api_session_delete, "", false, true,
	 .own_audit = true},
	{"GET", "/api/v1/tokens", api_tokens_list, "", false, true},
	{"POST", "/api/v1/tokens", api_tokens_create, "", true, true,
	 .own_audit = true},
	{"DELETE", "/api/v1/tokens/{id}", api_tokens_delete, "", false, true,
	 .own_audit = true},
	{"GET", "/api/v1/audit", api_audit_list, PAGING, false, true,
	 ROUTE_ADMIN},
	{"GET", "/audit", page_audit, "cursor", false, true, ROUTE_ADMIN},

	/* the buyer's link (api_links.c, page_buyer.c): the token is the
	 * {name}; the handlers check it (unknown, expired, revoked: 404) */
	{"POST", "/api/v1/deals/{id}/links", api_links_create, "", true, true,
	 .own_audit = true},
	{"GET", "/api/v1/deals/{id}/links", api_links_list, "", false, true},
	{"DELETE", "/api/v1/deals/{id}/links/{id}", api_links_delete, "",
	 false, true, .own_audit = true},
	{"GET", "/buyer/{name}", page_buyer, "", false, true, ROUTE_BUYER},
	{"GET", "/buyer/{name}/guide", page_buyer_guide, "", false, true,
	 ROUTE_BUYER},
	{"POST", "/buyer/{name}/plan/{id}/done", page_buyer_step_done, "",
	 false, true, ROUTE_BUYER, .own_audit = true},
	{"POST", "/buyer/{name}/concerns", page_buyer_concern_add, "", false,
	 true, ROUTE_BUYER, .own_audit = true},
	{"POST", "/buyer/{name}/concerns/{id}/resolve",
	 page_buyer_concern_resolve, "", false, true, ROUTE_BUYER,
	 .own_audit = true},
};
#pragma GCC diagnostic pop

#define ROUTE_COUNT (sizeof(route_table) / sizeof(route_table[0]))
#define ROUTE_SEGMENTS_MAX 8

static const char *const route_who_names[] = {
	[ROUTE_USER] = "user",	     [ROUTE_PUBLIC] = "public",
	[ROUTE_BUYER] = "buyer_link", [ROUTE_MANAGER] = "manager",
	[ROUTE_ADMIN] = "admin",
};

const char *route_who_name(enum route_who who)
{
	return route_who_names[who];
}

bool route_writes(const struct route *rt, bool apply)
{
	switch (rt->tx) {
	case ROUTE_TX_READ:
		return false;
	case ROUTE_TX_WRITE:
		return true;
	case ROUTE_TX_APPLY:
		return apply;
	case ROUTE_TX_AUTO:
		break;
	}
	return strcmp(rt->method, "GET") != 0;
}

bool route_needs_csrf(const struct route *rt)
{
	return rt->csrf == ROUTE_CSRF_WRITES && rt->who != ROUTE_BUYER &&
	       strcmp(rt->method, "GET") != 0;
}

json_t *route_dump(void)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ROUTE_COUNT; i++) {
		const struct route *rt = &route_table[i];
		json_array_append_new(
		    a, json_pack("{s:s, s:s, s:s, s:b, s:b, s:b}", "method",
				 rt->method, "pattern", rt->pattern, "who",
				 route_who_name(rt->who), "csrf",
				 route_needs_csrf(rt), "body", rt->body,
				 "writes", route_writes(rt, true)));
	}
	return a;
}

/* Splits path in place at '/' into segs; returns the count or -1. */
static int route_split(char *path, char **segs)
{
	if (path[0] != '/')
		return -1;
	if (path[1] == '\0')
		return 0;
	int n = 0;
	char *p = path + 1;
	for (;;) {
		if (n == ROUTE_SEGMENTS_MAX)
			return -1;
		segs[n++] = p;
		char *slash = strchr(p, '/');
		if (!slash)
			return n;
		*slash = '\0';
		p = slash + 1;
	}
}

static bool route_digits(const char *s)
{
	if (!*s || strlen(s) > 19)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Matches one pattern against split segments; fills params on success. */
static bool route_fits(const char *pattern, char **segs, int n,
		       const char **params)
{
	const char *p = pattern + 1;
	int i = 0, k = 0;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (i >= n)
			return false;
		if (p[0] == '{') {
			bool id = len == 4 && memcmp(p, "{id}", 4) == 0;
			if (!segs[i][0] || (id && !route_digits(segs[i])))
				return false;
			if (k < API_PARAMS_MAX)
				params[k++] = segs[i];
		} else if (strlen(segs[i]) != len ||
			   memcmp(segs[i], p, len) != 0) {
			return false;
		}
		i++;
		p += len;
		if (*p == '/')
			p++;
	}
	return i == n;
}

const struct route *route_match(const char *method, char *path_copy,
				const char **params, bool *path_known,
				struct buf *allow)
{
	char *segs[ROUTE_SEGMENTS_MAX];
	int n = route_split(path_copy, segs);
	*path_known = false;
	if (n < 0)
		return NULL;
	if (strcmp(method, "HEAD") == 0)
		method = "GET";
	const char *tmp[API_PARAMS_MAX];
	for (size_t i = 0; i < ROUTE_COUNT; i++) {
		const struct route *rt = &route_table[i];
		bool same = strcmp(rt->method, method) == 0;
		if (!route_fits(rt->pattern, segs, n, same ? params : tmp))
			continue;
		if (same)
			return rt;
		if (*path_known)
			buf_puts(allow, ", ");
		*path_known = true;
		buf_puts(allow, rt->method);
		if (strcmp(rt->method, "GET") == 0)
			buf_puts(allow, ", HEAD");
	}
	return NULL;
}

bool route_query_allowed(const struct route *rt, const char *name)
{
	size_t len = strlen(name);
	const char *p = rt->query;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == len && memcmp(p, name, n) == 0)
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

/* The one table from result to status, with the problem type and title. */
static const struct {
	enum result res;
	int status;
	const char *type;
	const char *title;
} route_results[] = {
	{R_NOT_FOUND, 404, "not-found", "Not Found"},
	{R_INVALID, 422, "invalid", "Unprocessable Content"},
	{R_CONFLICT, 409, "conflict", "Conflict"},
	{R_FORBIDDEN, 403, "forbidden", "Forbidden"},
	{R_TOO_BIG, 413, "too-big", "Content Too Large"},
	{R_DB, 500, "server-error", "Internal Server Error"},
	{R_IO, 500, "server-error", "Internal Server Error"},
};

/* Statuses that do not come from a result (400, 401, 405, 415, 429,
 * 503). */
static const struct {
	int status;
	const char *type;
	const char *title;
} route_statuses[] = {
	{400, "bad-request", "Bad Request"},
	{401, "unauthorized", "Unauthorized"},
	{405, "method-not-allowed", "Method Not Allowed"},
	{415, "unsupported-media-type", "Unsupported Media Type"},
	{429, "too-many-requests", "Too Many Requests"},
	{503, "unavailable", "Service Unavailable"},
};

int route_status(enum result res, bool syntax)
{
	if (res == R_INVALID && syntax)
		return 400;
	for (size_t i = 0; i < sizeof(route_results) / sizeof(route_results[0]);
	     i++)
		if (route_results[i].res == res)
			return route_results[i].status;
	return 500;
}

json_t *route_problem(int status, const struct error *err)
{
	const char *type = "server-error", *title = "Internal Server Error";
	for (size_t i = 0; i < sizeof(route_results) / sizeof(route_results[0]);
	     i++)
		if (route_results[i].status == status) {
			type = route_results[i].type;
			title = route_results[i].title;
			break;
		}
	for (size_t i = 0;
	     i < sizeof(route_statuses) / sizeof(route_statuses[0]); i++)
		if (route_statuses[i].status == status) {
			type = route_statuses[i].type;
			title = route_statuses[i].title;
		}
	char uri[64];
	snprintf(uri, sizeof(uri), "urn:rapport:problem:%s", type);
	json_t *o = json_pack("{s:s, s:s, s:i}", "type", uri, "title", title,
			      "status", status);
	/*
	 * Messages quote what was sent, cut to a length: the cut, or the
	 * input itself, may leave broken UTF-8, which jansson refuses. Repair
	 * rather than lose the message.
	 */
	const char *detail = err && err->message[0] ? err->message : title;
	struct buf b;
	buf_init(&b, 4096);
	utf8_repair(detail, strlen(detail), &b);
	json_t *d = buf_ok(&b) ? json_string(buf_str(&b)) : NULL;
	json_object_set_new(o, "detail", d ? d : json_string(title));
	if (err && err->field[0]) {
		buf_reset(&b);
		utf8_repair(err->field, strlen(err->field), &b);
		json_t *f = buf_ok(&b) ? json_string(buf_str(&b)) : NULL;
		if (f)
			json_object_set_new(o, "field", f);
	}
	buf_free(&b);
	return o;
}
