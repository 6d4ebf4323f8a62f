/*
 * visible.h: records the caller may not see are not there (web layer,
 * internal to src/web).
 *
 * Before a handler runs, every record id in its path (a person, a deal,
 * or what hangs off one: a fact, a date, a touch, a relationship, a
 * stakeholder, a plan step, a concern, a need) is checked against the
 * caller with store_may(). One check in the dispatch instead of one in
 * each of some eighty handlers, so a new route under /people/{id} or
 * /deals/{id} cannot forget it. See docs/accounts.md, "Owners".
 */
#ifndef RAPPORT_WEB_VISIBLE_H
#define RAPPORT_WEB_VISIBLE_H

#include "util/result.h"
#include "web/api.h"

/*
 * R_OK when the caller (the store's viewer, set by the server) may read
 * every record named in r's path, and write them when r writes.
 * R_NOT_FOUND when one is not theirs to see (a 404, so that ids do not
 * leak), R_FORBIDDEN when one may only be read, R_DB on failure; err says
 * which.
 */
enum result visible_gate(struct req *r, struct error *err);

#endif
