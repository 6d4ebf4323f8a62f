/*
 * store_deals.c: deals and their events (store layer, SQLite driver).
 *
 * A deal's stage and status change only through store_deal_set_stage and
 * store_deal_set_status, which write the deal and its event in one scope,
 * so the event history is complete. Repeat business is worked out on
 * read from the organization's first won deal (deal_rules_repeat), so it
 * is never stale. Deleting a deal keeps its interactions (they are
 * touches with people) and takes them off the deal.
 */
#include <string.h>

#include "core/deal_rules.h"
#include "sq.h"
#include "store/store_deal.h"

#define DEAL_SELECT                                                          \
	"SELECT d.id, d.org_id, o.name, d.title, d.need, d.benefit, "         \
	"d.value_minor, d.price_minor, d.currency, d.stage, d.status, "       \
	"d.source, d.referred_by, p.given_name, p.family_name, d.owner, "     \
	"d.won_on, d.closed_on, d.status_reason, d.created_at, d.updated_at, " \
	"d.shared, (SELECT coalesce(ou.display_name, ou.login) FROM "         \
	"app_user ou WHERE ou.id = d.owner_user_id) "                         \
	"FROM deal d JOIN organization o ON o.id = d.org_id "                 \
	"LEFT JOIN person p ON p.id = d.referred_by "

static void deals_read_row(struct arena *a, sqlite3_stmt *st, struct deal *d)
{
	memset(d, 0, sizeof(*d));
	d->id = sq_i64(st, 0);
	d->org_id = sq_i64(st, 1);
	d->org_name = sq_text(a, st, 2);
	d->title = sq_text(a, st, 3);
	d->need = sq_text(a, st, 4);
	d->benefit = sq_text(a, st, 5);
	d->value_minor = sq_i64(st, 6);
	d->price_minor = sq_i64(st, 7);
	d->currency = sq_text(a, st, 8);
	deal_stage_parse((const char *)sqlite3_column_text(st, 9), &d->stage);
	deal_status_parse((const char *)sqlite3_column_text(st, 10),
			  &d->status);
	deal_source_parse((const char *)sqlite3_column_text(st, 11),
			  &d->source);
	d->referred_by = sq_i64(st, 12);
	if (!sq_null(st, 13))
		d->referred_by_name = sq_display_name(
			a, (const char *)sqlite3_column_text(st, 13),
			(const char *)sqlite3_column_text(st, 14));
	d->owner = sq_text(a, st, 15);
	d->has_won_on = !sq_null(st, 16);
	d->won_on = sq_i64(st, 16);
	d->has_closed_on = !sq_null(st, 17);
	d->closed_on = sq_i64(st, 17);
	d->status_reason = sq_text(a, st, 18);
	d->created_at = sq_i64(st, 19);
	d->updated_at = sq_i64(st, 20);
	d->shared = sq_int(st, 21) != 0;
	d->owner_user = sq_text(a, st, 22);
}

static enum result deals_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no deal %lld",
			 (long long)id);
}

/* Sets d->repeat from the organization's first won deal. */
static enum result deals_fill_repeat(struct store *s, struct deal *d,
				     struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id FROM deal WHERE org_id = $1 AND "
				   "won_on IS NOT NULL ORDER BY won_on, id "
				   "LIMIT 1",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, d->org_id);
	enum result r = sq_row(s, st, "reading an organization's first win",
			       err);
	int64_t first = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	d->repeat = deal_rules_repeat(d->id, first);
	return R_OK;
}

/* Checks the deal's references: org_id and referred_by. */
static enum result deals_check_refs(struct store *s, const struct deal *d,
				    struct error *err)
{
	enum result r = sq_exists(s, "SELECT 1 FROM organization WHERE id = $1",
				  d->org_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "org_id",
				 "org_id: there is no organization %lld (add "
				 "it first, or pick another)",
				 (long long)d->org_id);
	if (r != R_OK || !d->referred_by)
		return r;
	r = sq_person_visible(s, d->referred_by, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "referred_by",
				 "referred_by: there is no person %lld (add "
				 "the person who referred the buyer first)",
				 (long long)d->referred_by);
	return r;
}

/* Records one event on deal_id. */
static enum result deals_event(struct store *s, int64_t deal_id,
			       enum deal_event_kind kind, const char *from,
			       const char *to, const char *reason, int64_t at,
			       struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "INSERT INTO deal_event (deal_id, kind, "
				   "from_value, to_value, reason, at) VALUES "
				   "($1, $2, $3, $4, $5, $6)",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	sq_bind_text(st, 2, deal_event_kind_name(kind));
	sq_bind_text(st, 3, from);
	sq_bind_text(st, 4, to);
	sq_bind_text(st, 5, reason && *reason ? reason : NULL);
	sq_bind_i64(st, 6, at);
	return sq_exec(s, st, "recording a deal event", err);
}

/* Binds a day that may be absent. */
static void deals_bind_day(sqlite3_stmt *st, int i, bool has, int64_t day)
{
	if (has)
		sq_bind_i64(st, i, day);
	else
		sqlite3_bind_null(st, i);
}

static enum result deals_insert(struct store *s, struct deal *d,
				struct error *err)
{
	sqlite3_stmt *st = sq_prep(
		s,
		"INSERT INTO deal (org_id, title, need, benefit, value_minor, "
		"price_minor, currency, stage, status, source, referred_by, "
		"owner, won_on, closed_on, status_reason, created_at, "
		"updated_at, owner_user_id, shared) VALUES ($1, $2, $3, $4, "
		"$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, "
		SQ_OWNER("$17") ", $18) RETURNING id",
		err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, d->org_id);
	sq_bind_text(st, 2, d->title ? d->title : "");
	sq_bind_text(st, 3, d->need);
	sq_bind_text(st, 4, d->benefit);
	sq_bind_i64(st, 5, d->value_minor);
	sq_bind_i64(st, 6, d->price_minor);
	sq_bind_text(st, 7, d->currency && *d->currency ? d->currency : NULL);
	sq_bind_text(st, 8, deal_stage_name(d->stage));
	sq_bind_text(st, 9, deal_status_name(d->status));
	sq_bind_text(st, 10, deal_source_name(d->source));
	sq_bind_id(st, 11, d->referred_by);
	sq_bind_text(st, 12, d->owner && *d->owner ? d->owner : NULL);
	deals_bind_day(st, 13, d->has_won_on, d->won_on);
	deals_bind_day(st, 14, d->has_closed_on, d->closed_on);
	sq_bind_text(st, 15, d->status_reason);
	sq_bind_i64(st, 16, d->created_at);
	sq_bind_owner(s, st, 17);
	sq_bind_i64(st, 18, d->has_shared ? d->shared : 1);
	enum result r = sq_row(s, st, "adding a deal", err);
	if (r == R_OK)
		d->id = sq_i64(st, 0);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_DB : r;
}

enum result store_deal_create(struct store *s, struct deal *d,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	if (!d->created_at)
		d->created_at = sq_now();
	d->updated_at = d->created_at;
	enum result r = deals_check_refs(s, d, err);
	if (r == R_OK)
		r = deals_insert(s, d, err);
	if (r == R_OK)
		r = deals_event(s, d->id, EVENT_CREATED, NULL,
				deal_stage_name(d->stage), NULL, d->created_at,
				err);
	return sq_end(s, r, err);
}

enum result store_deal_get(struct store *s, struct arena *a, int64_t id,
			   struct deal *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, DEAL_SELECT "WHERE d.id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a deal", err);
	if (r == R_OK)
		deals_read_row(a, st, out);
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		return deals_not_found(err, id);
	if (r != R_OK)
		return r;
	return deals_fill_repeat(s, out, err);
}

enum result store_deal_update(struct store *s, struct deal *d,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = deals_check_refs(s, d, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE deal SET org_id = $1, title = $2, need = "
			     "$3, benefit = $4, value_minor = $5, price_minor "
			     "= $6, currency = $7, source = $8, referred_by = "
			     "$9, owner = $10, updated_at = $11, shared = "
			     "COALESCE($12, shared) WHERE id = $13 "
			     "RETURNING created_at",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		int64_t now = sq_now();
		sq_bind_i64(st, 1, d->org_id);
		sq_bind_text(st, 2, d->title ? d->title : "");
		sq_bind_text(st, 3, d->need);
		sq_bind_text(st, 4, d->benefit);
		sq_bind_i64(st, 5, d->value_minor);
		sq_bind_i64(st, 6, d->price_minor);
		sq_bind_text(st, 7,
			     d->currency && *d->currency ? d->currency : NULL);
		sq_bind_text(st, 8, deal_source_name(d->source));
		sq_bind_id(st, 9, d->referred_by);
		sq_bind_text(st, 10, d->owner && *d->owner ? d->owner : NULL);
		sq_bind_i64(st, 11, now);
		if (d->has_shared)
			sq_bind_i64(st, 12, d->shared);
		sq_bind_i64(st, 13, d->id);
		r = sq_row(s, st, "updating a deal", err);
		if (r == R_OK)
			d->updated_at = now;
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = deals_not_found(err, d->id);
	}
	return sq_end(s, r, err);
}

enum result store_deal_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		r = deals_not_found(err, id);
	sqlite3_stmt *st;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE interaction SET deal_id = NULL WHERE "
			     "deal_id = $1",
			     err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "taking interactions off a deal",
				    err);
		}
	}
	if (r == R_OK) {
		st = sq_prep(s, "DELETE FROM deal WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting a deal", err);
		}
	}
	return sq_end(s, r, err);
}

enum result store_deal_list(struct store *s, struct arena *a,
			    const struct deal_filter *f,
			    const struct store_page *page, struct deal **items,
			    size_t *n, bool *more, struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	sqlite3_stmt *st = sq_prep(
		s,
		DEAL_SELECT "WHERE d.id > $1 AND ($2 IS NULL OR d.status = $2) "
			    "AND ($3 IS NULL OR d.stage = $3) AND ($4 IS NULL "
			    "OR d.owner = $4) AND ($5 IS NULL OR d.org_id = "
			    "$5) AND " SQ_VISIBLE("d", "$6", "$7", "$8")
			    " ORDER BY d.id LIMIT $9",
		err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, sq_after(page));
	sq_bind_text(st, 2,
		     f && f->status >= 0
			     ? deal_status_name((enum deal_status)f->status)
			     : NULL);
	sq_bind_text(st, 3,
		     f && f->stage >= 0
			     ? deal_stage_name((enum deal_stage)f->stage)
			     : NULL);
	sq_bind_text(st, 4, f ? f->owner : NULL);
	sq_bind_id(st, 5, f ? f->org_id : 0);
	sq_bind_viewer(s, st, 6);
	sq_bind_i64(st, 9, (int64_t)limit + 1);
	struct deal *ds = arena_alloc(a, sizeof(*ds) * (size_t)limit);
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing deals", err)) == R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			break;
		}
		deals_read_row(a, st, &ds[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	for (size_t i = 0; i < count; i++)
		if ((r = deals_fill_repeat(s, &ds[i], err)) != R_OK)
			return r;
	*items = ds;
	*n = count;
	return R_OK;
}

/* Reads the stage and status of deal id, and its won day. */
static enum result deals_state(struct store *s, int64_t id,
			       enum deal_stage *stage,
			       enum deal_status *status, bool *has_won,
			       int64_t *won_on, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
		s, "SELECT stage, status, won_on FROM deal WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a deal", err);
	if (r == R_OK) {
		deal_stage_parse((const char *)sqlite3_column_text(st, 0),
				 stage);
		deal_status_parse((const char *)sqlite3_column_text(st, 1),
				  status);
		*has_won = !sq_null(st, 2);
		*won_on = sq_i64(st, 2);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? deals_not_found(err, id) : r;
}

enum result store_deal_set_stage(struct store *s, int64_t id,
				 enum deal_stage stage, const char *reason,
				 int64_t at, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum deal_stage old = STAGE_EXPLORING;
	enum deal_status status = STATUS_OPEN;
	bool has_won = false;
	int64_t won_on = 0;
	enum result r = deals_state(s, id, &old, &status, &has_won, &won_on,
				    err);
	if (r == R_OK && old == stage)
		r = error_set(err, R_INVALID, "stage",
			      "stage: the deal is already %s (pick the stage "
			      "the buyer has moved to)",
			      deal_stage_name(stage));
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "UPDATE deal SET stage = $1, updated_at = $2 "
			     "WHERE id = $3",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_text(st, 1, deal_stage_name(stage));
		sq_bind_i64(st, 2, at);
		sq_bind_i64(st, 3, id);
		r = sq_exec(s, st, "moving a deal", err);
	}
	if (r == R_OK)
		r = deals_event(s, id, EVENT_STAGE, deal_stage_name(old),
				deal_stage_name(stage), reason, at, err);
	return sq_end(s, r, err);
}

/* Writes the new status with its days. */
static enum result deals_write_status(struct store *s, int64_t id,
				      enum deal_status status,
				      const char *reason, bool has_won,
				      int64_t won_on, bool has_closed,
				      int64_t closed_on, int64_t at,
				      struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "UPDATE deal SET status = $1, won_on = $2, "
				   "closed_on = $3, status_reason = $4, "
				   "updated_at = $5 WHERE id = $6",
				   err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, deal_status_name(status));
	deals_bind_day(st, 2, has_won, won_on);
	deals_bind_day(st, 3, has_closed, closed_on);
	sq_bind_text(st, 4, reason && *reason ? reason : NULL);
	sq_bind_i64(st, 5, at);
	sq_bind_i64(st, 6, id);
	return sq_exec(s, st, "changing a deal's status", err);
}

enum result store_deal_set_status(struct store *s, int64_t id,
				  enum deal_status status, const char *reason,
				  int64_t day, int64_t at, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum deal_stage stage = STAGE_EXPLORING;
	enum deal_status old = STATUS_OPEN;
	bool has_won = false;
	int64_t won_on = 0;
	enum result r = deals_state(s, id, &stage, &old, &has_won, &won_on,
				    err);
	if (r == R_OK)
		r = deal_status_check(old, status, reason && *reason, err);
	if (r == R_OK && status == STATUS_RESCINDED && has_won && day < won_on)
		r = error_set(err, R_INVALID, "date",
			      "date: a deal cannot be rescinded before the day "
			      "it was won (use a date on or after the win)");
	bool has_closed = status != STATUS_OPEN;
	if (r == R_OK && status == STATUS_WON) {
		has_won = true;
		won_on = day;
	}
	if (r == R_OK)
		r = deals_write_status(s, id, status, reason, has_won, won_on,
				       has_closed, day, at, err);
	if (r == R_OK)
		r = deals_event(s, id, EVENT_STATUS, deal_status_name(old),
				deal_status_name(status), reason, at, err);
	return sq_end(s, r, err);
}

enum result store_deal_events(struct store *s, struct arena *a,
			      int64_t deal_id, struct deal_event **items,
			      size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id, kind, from_value, to_value, "
				   "reason, at FROM deal_event WHERE deal_id "
				   "= $1 ORDER BY at, id",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	struct deal_event *es = NULL;
	size_t count = 0, cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading a deal's events", err)) == R_OK) {
		es = sq_grow(a, es, count, &cap, sizeof(*es));
		struct deal_event *e = &es[count++];
		memset(e, 0, sizeof(*e));
		e->id = sq_i64(st, 0);
		e->deal_id = deal_id;
		deal_event_kind_parse((const char *)sqlite3_column_text(st, 1),
				      &e->kind);
		e->from = sq_text(a, st, 2);
		e->to = sq_text(a, st, 3);
		e->reason = sq_text(a, st, 4);
		e->at = sq_i64(st, 5);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = es;
	*n = count;
	return R_OK;
}

/* Reads the deal's asks and its newest interaction. */
static enum result deals_touches(struct store *s, struct arena *a,
				 struct deal_full *f, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id, kind, occurred_at FROM "
				   "interaction WHERE deal_id = $1 ORDER BY "
				   "occurred_at, id",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, f->deal.id);
	size_t cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading a deal's interactions", err)) ==
	       R_OK) {
		int64_t at = sq_i64(st, 2);
		if (at > f->last_interaction)
			f->last_interaction = at;
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		if (!kind || strcmp(kind, "ask") != 0)
			continue;
		f->asks = sq_grow(a, f->asks, f->n_asks, &cap,
				  sizeof(*f->asks));
		f->asks[f->n_asks++] = (struct deal_ask){
			.interaction_id = sq_i64(st, 0), .at = at};
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

enum result store_deal_read_full(struct store *s, struct arena *a, int64_t id,
				 struct deal_full *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = store_deal_get(s, a, id, &out->deal, err);
	if (r == R_OK)
		r = store_stakeholder_list(s, a, id, &out->stakeholders,
					   &out->n_stakeholders, err);
	if (r == R_OK)
		r = store_plan_step_list(s, a, id, &out->steps, &out->n_steps,
					 err);
	if (r == R_OK)
		r = store_concern_list(s, a, id, &out->concerns,
				       &out->n_concerns, err);
	if (r == R_OK)
		r = store_deal_events(s, a, id, &out->events, &out->n_events,
				      err);
	if (r == R_OK)
		r = deals_touches(s, a, out, err);
	sq_read_end(s);
	for (size_t i = 0; r == R_OK && i < out->n_asks; i++)
		out->asks[i].flagged = deal_rules_ask_flagged(
			out->concerns, out->n_concerns, out->asks[i].at);
	return r;
}

/* ---- the deal side of the daily list ---- */

/* The open deals' last activity, as deal_rules_last_activity() takes it:
 * the newest of creation, an interaction on the deal, a step done. CASE
 * rather than SQLite's max(a, b, c), so PostgreSQL runs it too. */
#define DEALS_ACTIVITY DEALS_ACTIVITY_F("")
/* The same with more conditions f on the deals d (the viewer's filter). */
#define DEALS_ACTIVITY_F(f)                                                  \
	"WITH act AS (SELECT d.id, d.title, d.org_id, d.created_at AS c, "   \
	"coalesce((SELECT max(i.occurred_at) FROM interaction i "            \
	"WHERE i.deal_id = d.id), 0) AS t, "                                 \
	"coalesce((SELECT max(p.done_at) FROM plan_step p "                  \
	"WHERE p.deal_id = d.id), 0) AS s "                                  \
	"FROM deal d WHERE d.status = 'open'" f "), "                        \
	"last AS (SELECT id, title, org_id, CASE WHEN c >= t AND c >= s "    \
	"THEN c WHEN t >= s THEN t ELSE s END AS at FROM act) "

#define DEALS_UNSETTLED DEALS_UNSETTLED_F("")
#define DEALS_UNSETTLED_F(f)                                                 \
	"WITH u AS (SELECT c.deal_id, "                                      \
	"sum(CASE WHEN c.status = 'open' THEN 1 ELSE 0 END) AS o, "          \
	"sum(CASE WHEN c.status = 'answered' THEN 1 ELSE 0 END) AS a, "      \
	"min(c.raised_at) AS since FROM concern c JOIN deal d "              \
	"ON d.id = c.deal_id WHERE d.status = 'open' AND c.status IN "       \
	"('open', 'answered')" f " GROUP BY c.deal_id) "

/* The viewer's filter on the deals d of the daily list, with its
 * placeholders from $a on. */
#define DEALS_TODAY_VISIBLE(a, b, c) " AND " SQ_VISIBLE("d", a, b, c)

/* Runs a one-row count statement into *out: v bound as $vpos and the
 * viewer from $vat on, each when not 0. */
static enum result deals_count(struct store *s, const char *sql, int64_t v,
			       int vpos, int vat, size_t *out,
			       struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, sql, err);
	if (!st)
		return R_DB;
	if (vpos)
		sq_bind_i64(st, vpos, v);
	if (vat)
		sq_bind_viewer(s, st, vat);
	enum result r = sq_row(s, st, "counting the daily list's deals", err);
	*out = r == R_OK ? (size_t)sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

#define DEALS_STEPS_COUNT                                                    \
	"SELECT count(*) FROM plan_step s JOIN deal d ON d.id = s.deal_id "  \
	"WHERE d.status = 'open' AND s.done_at IS NULL AND s.due_on "        \
	"IS NOT NULL AND s.due_on <= $1"
#define DEALS_STEPS_SQL                                                      \
	"SELECT s.id, s.deal_id, s.title, s.side, s.owner_person_id, "       \
	"p.given_name, p.family_name, s.due_on, s.position, s.created_at, "  \
	"d.title, o.name FROM plan_step s JOIN deal d ON d.id = s.deal_id "  \
	"JOIN organization o ON o.id = d.org_id LEFT JOIN person p ON "      \
	"p.id = s.owner_person_id WHERE d.status = 'open' AND s.done_at IS " \
	"NULL AND s.due_on IS NOT NULL AND s.due_on <= $1 "

static enum result deals_today_steps(struct store *s, struct arena *a,
				     const struct deal_today_window *w,
				     struct deal_today *out, struct error *err)
{
	int64_t until = w->today + w->horizon_days;
	bool all = sq_sees_all(s);
	int k = all ? 0 : 3;
	enum result r = deals_count(
	    s,
	    all ? DEALS_STEPS_COUNT
		: DEALS_STEPS_COUNT DEALS_TODAY_VISIBLE("$2", "$3", "$4"),
	    until, 1, all ? 0 : 2, &out->steps_total, err);
	sqlite3_stmt *st =
	    r != R_OK ? NULL
		      : sq_prep(s,
				all ? DEALS_STEPS_SQL
				      "ORDER BY s.due_on, s.id "
				      "LIMIT $2 OFFSET $3"
				    : DEALS_STEPS_SQL DEALS_TODAY_VISIBLE(
					  "$2", "$3", "$4") " ORDER BY "
							    "s.due_on, s.id "
							    "LIMIT $5 OFFSET "
							    "$6",
				err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, until);
	if (!all)
		sq_bind_viewer(s, st, 2);
	sq_bind_i64(st, 2 + k, w->limit);
	sq_bind_i64(st, 3 + k, w->offset);
	out->steps = arena_alloc(a, sizeof(*out->steps) * (size_t)w->limit);
	while ((r = sq_row(s, st, "reading the plan steps due", err)) == R_OK) {
		struct deal_today_step *x = &out->steps[out->n_steps++];
		memset(x, 0, sizeof(*x));
		struct plan_step *p = &x->step;
		p->id = sq_i64(st, 0);
		p->deal_id = sq_i64(st, 1);
		p->title = sq_text(a, st, 2);
		plan_side_parse((const char *)sqlite3_column_text(st, 3),
				&p->side);
		p->owner_person_id = sq_i64(st, 4);
		if (!sq_null(st, 5))
			p->owner_person_name = sq_display_name(
			    a, (const char *)sqlite3_column_text(st, 5),
			    (const char *)sqlite3_column_text(st, 6));
		p->has_due_on = true;
		p->due_on = sq_i64(st, 7);
		p->position = sq_int(st, 8);
		p->created_at = sq_i64(st, 9);
		x->deal_title = sq_text(a, st, 10);
		x->org_name = sq_text(a, st, 11);
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

/* Reads one page of deals (id, title, org name, since, open, answered)
 * from st, already bound. */
static enum result deals_today_rows(struct store *s, struct arena *a,
				    sqlite3_stmt *st, int limit,
				    struct deal_today_deal **items, size_t *n,
				    struct error *err)
{
	*items = arena_alloc(a, sizeof(**items) * (size_t)limit);
	enum result r;
	while ((r = sq_row(s, st, "reading the daily list's deals", err)) ==
	       R_OK) {
		struct deal_today_deal *x = &(*items)[(*n)++];
		x->deal_id = sq_i64(st, 0);
		x->title = sq_text(a, st, 1);
		x->org_name = sq_text(a, st, 2);
		x->since = sq_i64(st, 3);
		x->open_concerns = sq_int(st, 4);
		x->answered_concerns = sq_int(st, 5);
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

/* The page of stalled deals after DEALS_ACTIVITY: before, limit,
 * offset. */
#define DEALS_STALLED_SQL(b, l, o)                                           \
	"SELECT l.id, l.title, o.name, l.at, 0, 0 FROM last l "              \
	"JOIN organization o ON o.id = l.org_id WHERE l.at < " b " "         \
	"ORDER BY l.at, l.id LIMIT " l " OFFSET " o

static enum result deals_today_stalled(struct store *s, struct arena *a,
				       const struct deal_today_window *w,
				       struct deal_today *out,
				       struct error *err)
{
	int days = w->stall_days < 1 ? DEAL_STALL_DAYS_DEFAULT : w->stall_days;
	/* deal_rules_stall: stalled when now - at > days * 86400. */
	int64_t before = w->now - (int64_t)days * 86400;
	/* Filtered, the viewer's placeholders come first (in the CTE). */
	bool all = sq_sees_all(s);
	int k = all ? 0 : 3;
	enum result r = deals_count(
	    s,
	    all ? DEALS_ACTIVITY "SELECT count(*) FROM last WHERE at < $1"
		: DEALS_ACTIVITY_F(DEALS_TODAY_VISIBLE(
		      "$1", "$2", "$3")) "SELECT count(*) FROM last "
					 "WHERE at < $4",
	    before, all ? 1 : 4, all ? 0 : 1, &out->stalled_total, err);
	sqlite3_stmt *st =
	    r != R_OK ? NULL
		      : sq_prep(s,
				all ? DEALS_ACTIVITY DEALS_STALLED_SQL(
					  "$1", "$2", "$3")
				    : DEALS_ACTIVITY_F(DEALS_TODAY_VISIBLE(
					  "$1", "$2", "$3"))
					  DEALS_STALLED_SQL("$4", "$5", "$6"),
				err);
	if (!st)
		return R_DB;
	if (!all)
		sq_bind_viewer(s, st, 1);
	sq_bind_i64(st, 1 + k, before);
	sq_bind_i64(st, 2 + k, w->limit);
	sq_bind_i64(st, 3 + k, w->offset);
	return deals_today_rows(s, a, st, w->limit, &out->stalled,
				&out->n_stalled, err);
}

/* The page of deals with concerns unsettled after DEALS_UNSETTLED. */
#define DEALS_UNSETTLED_SQL(l, o)                                            \
	"SELECT d.id, d.title, o.name, u.since, u.o, u.a FROM u JOIN deal d " \
	"ON d.id = u.deal_id JOIN organization o ON o.id = d.org_id "        \
	"ORDER BY u.since, d.id LIMIT " l " OFFSET " o

static enum result deals_today_concerns(struct store *s, struct arena *a,
					const struct deal_today_window *w,
					struct deal_today *out,
					struct error *err)
{
	bool all = sq_sees_all(s);
	int k = all ? 0 : 3;
	enum result r = deals_count(
	    s,
	    all ? DEALS_UNSETTLED "SELECT count(*) FROM u"
		: DEALS_UNSETTLED_F(DEALS_TODAY_VISIBLE(
		      "$1", "$2", "$3")) "SELECT count(*) FROM u",
	    0, 0, all ? 0 : 1, &out->concerns_total, err);
	sqlite3_stmt *st =
	    r != R_OK ? NULL
		      : sq_prep(s,
				all ? DEALS_UNSETTLED DEALS_UNSETTLED_SQL(
					  "$1", "$2")
				    : DEALS_UNSETTLED_F(DEALS_TODAY_VISIBLE(
					  "$1", "$2", "$3"))
					  DEALS_UNSETTLED_SQL("$4", "$5"),
				err);
	if (!st)
		return R_DB;
	if (!all)
		sq_bind_viewer(s, st, 1);
	sq_bind_i64(st, 1 + k, w->limit);
	sq_bind_i64(st, 2 + k, w->offset);
	return deals_today_rows(s, a, st, w->limit, &out->concerns,
				&out->n_concerns, err);
}

enum result store_deal_today_read(struct store *s, struct arena *a,
				  const struct deal_today_window *w,
				  struct deal_today *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (w->limit < 1 || w->limit > STORE_LIMIT_MAX || w->offset < 0 ||
	    w->horizon_days < 0)
		return error_set(err, R_INVALID, "limit",
				 "limit: must be 1 to %d, offset and horizon "
				 "not negative",
				 STORE_LIMIT_MAX);
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = deals_today_steps(s, a, w, out, err);
	if (r == R_OK)
		r = deals_today_stalled(s, a, w, out, err);
	if (r == R_OK)
		r = deals_today_concerns(s, a, w, out, err);
	sq_read_end(s);
	return r;
}

enum result store_deal_list_by_person(struct store *s, struct arena *a,
				      int64_t person_id, int limit,
				      struct deal **items,
				      enum stakeholder_role **roles, size_t *n,
				      bool *more, struct error *err)
{
	*items = NULL;
	*roles = NULL;
	*n = 0;
	*more = false;
	if (limit < 1 || limit > STORE_LIMIT_MAX)
		limit = STORE_LIMIT_MAX;
	struct deal *ds = arena_alloc(a, sizeof(*ds) * (size_t)limit);
	enum stakeholder_role *rs =
	    arena_alloc(a, sizeof(*rs) * (size_t)limit);
	size_t count = 0, k = 0;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	/* The deals, then the roles in the same order (a person sits once
	 * on a committee, so deal id orders both alike). */
	sqlite3_stmt *st = sq_prep(
	    s,
	    DEAL_SELECT "JOIN stakeholder k ON k.deal_id = d.id "
			"WHERE k.person_id = $1 AND "
			SQ_VISIBLE("d", "$2", "$3", "$4")
			" ORDER BY d.id DESC LIMIT $5",
	    err);
	enum result r = st ? R_OK : R_DB;
	if (st) {
		sq_bind_i64(st, 1, person_id);
		sq_bind_viewer(s, st, 2);
		sq_bind_i64(st, 5, (int64_t)limit + 1);
		while ((r = sq_row(s, st, "listing a person's deals", err)) ==
		       R_OK) {
			if (count == (size_t)limit) {
				*more = true;
				break;
			}
			deals_read_row(a, st, &ds[count++]);
		}
		sqlite3_reset(st);
		r = r == R_DB ? r : R_OK;
	}
	st = r == R_OK ? sq_prep(s,
				 "SELECT k.role FROM stakeholder k JOIN deal "
				 "d ON d.id = k.deal_id WHERE k.person_id = "
				 "$1 AND " SQ_VISIBLE("d", "$2", "$3", "$4")
				 " ORDER BY k.deal_id DESC LIMIT $5",
				 err)
		       : NULL;
	if (r == R_OK && !st)
		r = R_DB;
	if (st) {
		sq_bind_i64(st, 1, person_id);
		sq_bind_viewer(s, st, 2);
		sq_bind_i64(st, 5, (int64_t)count);
		while (k < count && (r = sq_row(s, st, "reading a person's "
						"roles", err)) == R_OK) {
			if (!stakeholder_role_parse(
				(const char *)sqlite3_column_text(st, 0),
				&rs[k]))
				rs[k] = ROLE_USER;
			k++;
		}
		sqlite3_reset(st);
		r = r == R_DB ? r : R_OK;
	}
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = ds;
	*roles = rs;
	*n = count;
	return R_OK;
}
