/*
 * visible.c: checks the records named in a request's path against the
 * caller before the handler runs (web layer). See visible.h.
 */
#include "web/visible.h"

#include <string.h>

#include "store/store_auth.h"

/* The path segment before an {id} and the record it names. */
static const struct {
	const char *segment;
	enum store_record kind;
} visible_kinds[] = {
    {"people", STORE_REC_PERSON},
    {"deals", STORE_REC_DEAL},
    {"facts", STORE_REC_FACT},
    {"dates", STORE_REC_DATE},
    {"interactions", STORE_REC_INTERACTION},
    {"relationships", STORE_REC_RELATIONSHIP},
    {"stakeholders", STORE_REC_STAKEHOLDER},
    {"plan", STORE_REC_PLAN_STEP},
    {"plan-steps", STORE_REC_PLAN_STEP},
    {"concerns", STORE_REC_CONCERN},
    {"needs", STORE_REC_NEED},
};

/* Finds the kind named by the segment [s, s + n); false when none. */
static bool visible_kind(const char *s, size_t n, enum store_record *out)
{
	for (size_t i = 0; i < sizeof(visible_kinds) / sizeof(visible_kinds[0]);
	     i++)
		if (strlen(visible_kinds[i].segment) == n &&
		    memcmp(visible_kinds[i].segment, s, n) == 0) {
			*out = visible_kinds[i].kind;
			return true;
		}
	return false;
}

enum result visible_gate(struct req *r, struct error *err)
{
	if (!r->route || !r->store || r->route->who == ROUTE_PUBLIC ||
	    r->route->who == ROUTE_BUYER)
		return R_OK;
	enum auth_action action = r->writes ? AUTH_WRITE : AUTH_READ;
	const char *p = r->route->pattern;
	const char *prev = NULL;
	size_t prev_len = 0;
	int param = 0;
	while (*p == '/') {
		const char *seg = p + 1;
		size_t len = strcspn(seg, "/");
		if (len > 0 && seg[0] == '{') {
			enum store_record kind;
			int64_t id;
			if (strncmp(seg, "{id}", len) == 0 && prev &&
			    visible_kind(prev, prev_len, &kind) &&
			    param < API_PARAMS_MAX &&
			    api_param_id(r, param, &id, NULL) == R_OK) {
				enum result res =
				    store_may(r->store, kind, id, action, err);
				if (res != R_OK)
					return res;
			}
			param++;
		}
		prev = seg;
		prev_len = len;
		p = seg + len;
	}
	return R_OK;
}
