/*
 * store_metrics.c: the rows the outcome measures read (store layer,
 * SQLite driver).
 *
 * Scans: every deal, then its last sign of life (the newer of its
 * creation, its newest interaction and its newest plan step done, as in
 * deal_rules_last_activity) merged in from two grouped scans, every
 * concern's times in deal order, and every ask on a deal. The
 * counting is core's (metrics_compute); no deal is left out because
 * repeat business looks at every owner's earlier wins, but those the
 * viewer may not see (SQ_VISIBLE) come marked hidden and count nowhere. All three run in
 * one read snapshot.
 */
#include <string.h>

#include "sq.h"
#include "store/store_deal.h"

static enum result metrics_read_deals(struct store *s, struct arena *a,
				      struct metrics_input *in,
				      struct error *err)
{
	/* Every deal is read (repeat business looks at every owner's
	 * wins); those the viewer may not see come marked hidden. */
	bool all = sq_sees_all(s);
	sqlite3_stmt *st = sq_prep(
		s,
		all ? "SELECT id, org_id, owner, status, source, created_at, "
		      "won_on, closed_on, 1 FROM deal ORDER BY id"
		    : "SELECT id, org_id, owner, status, source, created_at, "
		      "won_on, closed_on, " SQ_VISIBLE("d", "$1", "$2", "$3")
		      " FROM deal d ORDER BY id",
		err);
	if (!st)
		return R_DB;
	if (!all)
		sq_bind_viewer(s, st, 1);
	struct metrics_deal *ds = NULL;
	size_t count = 0, cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading deals for the measures", err)) ==
	       R_OK) {
		ds = sq_grow(a, ds, count, &cap, sizeof(*ds));
		struct metrics_deal *d = &ds[count++];
		memset(d, 0, sizeof(*d));
		d->id = sq_i64(st, 0);
		d->org_id = sq_i64(st, 1);
		d->owner = sq_text(a, st, 2);
		deal_status_parse((const char *)sqlite3_column_text(st, 3),
				  &d->status);
		deal_source_parse((const char *)sqlite3_column_text(st, 4),
				  &d->source);
		d->created_at = sq_i64(st, 5);
		d->has_won_on = !sq_null(st, 6);
		d->won_on = sq_i64(st, 6);
		d->has_closed_on = !sq_null(st, 7);
		d->closed_on = sq_i64(st, 7);
		d->last_activity = d->created_at;
		d->hidden = sq_int(st, 8) == 0;
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	in->deals = ds;
	in->n_deals = count;
	return R_OK;
}

/*
 * Raises each deal's last_activity to the newest time sql gives for it
 * (rows of deal_id, time in deal order): its interactions, its plan
 * steps done. One grouped scan per table and a merge with the deals
 * (sorted by id) is several times faster than a subquery per deal.
 */
static enum result metrics_merge_activity(struct store *s, const char *sql,
					  struct metrics_input *in,
					  struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, sql, err);
	if (!st)
		return R_DB;
	struct metrics_deal *ds = (struct metrics_deal *)in->deals;
	size_t k = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading deal activity", err)) == R_OK) {
		int64_t id = sq_i64(st, 0), at = sq_i64(st, 1);
		while (k < in->n_deals && ds[k].id < id)
			k++;
		if (k < in->n_deals && ds[k].id == id &&
		    at > ds[k].last_activity)
			ds[k].last_activity = at;
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

static enum result metrics_read_concerns(struct store *s, struct arena *a,
					 struct metrics_input *in,
					 struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT deal_id, status, raised_at, "
				   "answered_at, resolved_at, dropped_at FROM "
				   "concern ORDER BY deal_id, id",
				   err);
	if (!st)
		return R_DB;
	struct concern *cs = NULL;
	size_t count = 0, cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading concerns for the measures",
			   err)) == R_OK) {
		cs = sq_grow(a, cs, count, &cap, sizeof(*cs));
		struct concern *c = &cs[count++];
		memset(c, 0, sizeof(*c));
		c->deal_id = sq_i64(st, 0);
		concern_status_parse((const char *)sqlite3_column_text(st, 1),
				     &c->status);
		c->raised_at = sq_i64(st, 2);
		c->answered_at = sq_i64(st, 3);
		c->resolved_at = sq_i64(st, 4);
		c->dropped_at = sq_i64(st, 5);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	in->concerns = cs;
	in->n_concerns = count;
	return R_OK;
}

static enum result metrics_read_asks(struct store *s, struct arena *a,
				     struct metrics_input *in,
				     struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT deal_id, occurred_at FROM "
				   "interaction WHERE deal_id IS NOT NULL AND "
				   "kind = 'ask'",
				   err);
	if (!st)
		return R_DB;
	struct metrics_ask *ks = NULL;
	size_t count = 0, cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading asks for the measures", err)) ==
	       R_OK) {
		ks = sq_grow(a, ks, count, &cap, sizeof(*ks));
		ks[count++] = (struct metrics_ask){.deal_id = sq_i64(st, 0),
						   .at = sq_i64(st, 1)};
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	in->asks = ks;
	in->n_asks = count;
	return R_OK;
}

enum result store_metrics_inputs(struct store *s, struct arena *a,
				 struct metrics_input *out, struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = metrics_read_deals(s, a, out, err);
	if (r == R_OK)
		r = metrics_merge_activity(
			s,
			"SELECT deal_id, max(occurred_at) FROM interaction WHERE "
			"deal_id IS NOT NULL GROUP BY deal_id ORDER BY deal_id",
			out, err);
	if (r == R_OK)
		r = metrics_merge_activity(
			s,
			"SELECT deal_id, max(done_at) FROM plan_step WHERE done_at "
			"IS NOT NULL GROUP BY deal_id ORDER BY deal_id",
			out, err);
	if (r == R_OK)
		r = metrics_read_concerns(s, a, out, err);
	if (r == R_OK)
		r = metrics_read_asks(s, a, out, err);
	sq_read_end(s);
	return r;
}
