/*
 * store_deal.h: the deal part of the store interface (store layer).
 *
 * Deals, their events, the buying committee, the mutual plan, the concern
 * ledger and the rows the outcome measures read. The same contracts as
 * store.h: strings and arrays come from the caller's arena, a missing
 * record is R_NOT_FOUND, a reference to a missing record R_INVALID naming
 * the field, a duplicate R_CONFLICT, a database failure R_DB; every write
 * is one transaction of its own or joins the running store_run_tx().
 *
 * Writes that change a status (a deal's, a concern's) read the current
 * state, ask core whether the move is allowed (deal_status_check,
 * concern_transition) and write, all in one scope, so two requests
 * cannot both move the same record from the same state.
 */
#ifndef RAPPORT_STORE_STORE_DEAL_H
#define RAPPORT_STORE_STORE_DEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/deal.h"
#include "core/metrics.h"
#include "store/store.h"
#include "util/result.h"

struct arena;
struct store;

/* Filters of store_deal_list; a negative enum or 0/NULL means any. */
struct deal_filter {
	int status; /* enum deal_status, or -1 */
	int stage;  /* enum deal_stage, or -1 */
	const char *owner;
	int64_t org_id;
};

/* ---- deals (store_deals.c) ---- */

/*
 * Creates d with status open (unless d->status says otherwise, for
 * imports and demo data) and records a "created" event; sets d->id,
 * created_at (to now when 0) and updated_at. R_INVALID when org_id or
 * referred_by names nobody.
 */
enum result store_deal_create(struct store *s, struct deal *d,
			      struct error *err);
/* Reads one deal with org_name, referred_by_name and repeat. */
enum result store_deal_get(struct store *s, struct arena *a, int64_t id,
			   struct deal *out, struct error *err);
/*
 * Writes the fields a PATCH may change: org_id, title, need, benefit,
 * value, price, currency, source, referred_by, owner. Stage and status
 * move only through store_deal_set_stage and store_deal_set_status, so
 * that every move is an event.
 */
enum result store_deal_update(struct store *s, struct deal *d,
			      struct error *err);
/* Deletes the deal with its events, committee, plan and concerns; its
 * interactions stay, no longer on a deal. */
enum result store_deal_delete(struct store *s, int64_t id, struct error *err);
/* Lists deals by id; *more says whether another page follows. */
enum result store_deal_list(struct store *s, struct arena *a,
			    const struct deal_filter *f,
			    const struct store_page *page, struct deal **items,
			    size_t *n, bool *more, struct error *err);
/*
 * Moves the deal to stage at time at with an optional reason, and records
 * the event. Any stage may follow any other; the same stage again is
 * R_INVALID (nothing to record).
 */
enum result store_deal_set_stage(struct store *s, int64_t id,
				 enum deal_stage stage, const char *reason,
				 int64_t at, struct error *err);
/*
 * Changes the deal's status (see deal_status_check) on day with an
 * optional reason (required to rescind), at time at, and records the
 * event. Winning sets won_on; leaving open sets closed_on; reopening
 * clears closed_on; rescinding keeps won_on. R_INVALID when day is before
 * the day the deal was won (for a rescission).
 */
enum result store_deal_set_status(struct store *s, int64_t id,
				  enum deal_status status, const char *reason,
				  int64_t day, int64_t at, struct error *err);
/* The deal's events, oldest first. */
enum result store_deal_events(struct store *s, struct arena *a,
			      int64_t deal_id, struct deal_event **items,
			      size_t *n, struct error *err);

/* Everything on a deal's page, read in one snapshot. */
struct deal_full {
	struct deal deal;
	struct stakeholder *stakeholders;
	size_t n_stakeholders;
	struct plan_step *steps; /* in plan order */
	size_t n_steps;
	struct concern *concerns; /* oldest first */
	size_t n_concerns;
	struct deal_event *events; /* oldest first */
	size_t n_events;
	struct deal_ask *asks; /* oldest first; flagged is filled */
	size_t n_asks;
	int64_t last_interaction; /* newest interaction on the deal, 0: none */
};
enum result store_deal_read_full(struct store *s, struct arena *a, int64_t id,
				 struct deal_full *out, struct error *err);

/* ---- the deal side of the daily list (store_deals.c) ---- */

/* What store_deal_today_read() is asked for. */
struct deal_today_window {
	int64_t today;	  /* the user's day count */
	int64_t now;	  /* the clock, for stalls */
	int horizon_days; /* steps due up to today + horizon_days */
	int stall_days;	  /* below 1: DEAL_STALL_DAYS_DEFAULT */
	int limit;	  /* each list's page size, 1..STORE_LIMIT_MAX */
	int offset;	  /* each list's first entry */
};

/* A plan step not done, due by the window's end, on an open deal. */
struct deal_today_step {
	struct plan_step step; /* with owner_person_name */
	const char *deal_title;
	const char *org_name;
};

/* An open deal: stalled (since is its last activity) or with unsettled
 * concerns (open and answered counts, oldest raised_at). */
struct deal_today_deal {
	int64_t deal_id;
	const char *title;
	const char *org_name;
	int64_t since;
	int open_concerns;
	int answered_concerns;
};

/* One page of each list with the size of each whole list. */
struct deal_today {
	struct deal_today_step *steps; /* due day, then id: overdue first */
	size_t n_steps, steps_total;
	struct deal_today_deal *stalled; /* quiet longest first */
	size_t n_stalled, stalled_total;
	struct deal_today_deal *concerns; /* oldest unsettled concern first */
	size_t n_concerns, concerns_total;
};

/*
 * Reads the deal side of the daily list, on open deals only: the plan
 * steps not done and due on or before today + horizon_days, the deals
 * stalled as deal_rules_stall() judges them (no activity for more than
 * stall_days whole days), and the deals with open or answered concerns.
 * Each list is one page (limit from offset) with its total, in one
 * snapshot. The cost grows with the number of open deals, not with the
 * book (see docs/today.md).
 */
enum result store_deal_today_read(struct store *s, struct arena *a,
				  const struct deal_today_window *w,
				  struct deal_today *out, struct error *err);

/*
 * The open and closed deals on whose buying committee person_id sits,
 * newest first, at most limit (1..STORE_LIMIT_MAX); roles[i] is the
 * person's role on items[i]; *more says whether more exist.
 */
enum result store_deal_list_by_person(struct store *s, struct arena *a,
				      int64_t person_id, int limit,
				      struct deal **items,
				      enum stakeholder_role **roles, size_t *n,
				      bool *more, struct error *err);

/* ---- buying committee (store_plan.c) ---- */

/* Adds s to deal s->deal_id; R_CONFLICT when the person is already on
 * it, R_INVALID when person_id names nobody. */
enum result store_stakeholder_create(struct store *s, struct stakeholder *k,
				     struct error *err);
enum result store_stakeholder_get(struct store *s, struct arena *a,
				  int64_t id, struct stakeholder *out,
				  struct error *err);
enum result store_stakeholder_update(struct store *s, struct stakeholder *k,
				     struct error *err);
enum result store_stakeholder_delete(struct store *s, int64_t id,
				     struct error *err);
enum result store_stakeholder_list(struct store *s, struct arena *a,
				   int64_t deal_id, struct stakeholder **items,
				   size_t *n, struct error *err);

/* ---- mutual plan (store_plan.c) ---- */

/* Adds p at the end of deal p->deal_id's plan (p->position is set). */
enum result store_plan_step_create(struct store *s, struct plan_step *p,
				   struct error *err);
enum result store_plan_step_get(struct store *s, struct arena *a, int64_t id,
				struct plan_step *out, struct error *err);
enum result store_plan_step_update(struct store *s, struct plan_step *p,
				   struct error *err);
enum result store_plan_step_delete(struct store *s, int64_t id,
				   struct error *err);
enum result store_plan_step_list(struct store *s, struct arena *a,
				 int64_t deal_id, struct plan_step **items,
				 size_t *n, struct error *err);

/* ---- concern ledger (store_concerns.c) ---- */

/* Adds c (status open unless set, raised_at now when 0); R_INVALID when
 * raised_by is not a stakeholder of the deal. */
enum result store_concern_create(struct store *s, struct concern *c,
				 struct error *err);
enum result store_concern_get(struct store *s, struct arena *a, int64_t id,
			      struct concern *out, struct error *err);
enum result store_concern_list(struct store *s, struct arena *a,
			       int64_t deal_id, struct concern **items,
			       size_t *n, struct error *err);
/*
 * Does action to concern id at time at (see concern_transition): text is
 * the answer for CACTION_ANSWER (required), the reason otherwise
 * (optional). On success *out (when not NULL) is the concern as stored.
 */
enum result store_concern_act(struct store *s, struct arena *a, int64_t id,
			      enum concern_action action, const char *text,
			      int64_t at, struct concern *out,
			      struct error *err);

/* ---- outcome measures (store_metrics.c) ---- */

/*
 * Reads every deal (sorted by id, with its last activity), every concern
 * (sorted by deal) and every ask on a deal, for metrics_compute(). The
 * period and owner are applied by core, because repeat business looks at
 * every owner's earlier deals.
 */
enum result store_metrics_inputs(struct store *s, struct arena *a,
				 struct metrics_input *out, struct error *err);

#endif
