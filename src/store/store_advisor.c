/*
 * store_advisor.c: a deal's needs, the fit of offerings to them and the
 * recommendations made (store layer, SQLite driver).
 *
 * Which offerings a deal compares is not a list of its own: an offering
 * is compared on a deal when it has a fit row on one of the deal's needs
 * (an explicit "not known yet" counts). Setting the first score puts an
 * offering on the deal; store_fit_drop takes it off. A recommendation
 * copies the offering's vendor, name and whether it is ours, and keeps
 * the ranking it was made from as the JSON text the caller gives, so
 * the record says what was known when it was made.
 */
#include <string.h>

#include "core/advisor.h"
#include "sq.h"
#include "store/store_advisor.h"
#include "store/store_deal.h"

#define NEED_COLUMNS                                                           \
	"id, deal_id, words, weight, must_have, created_at, updated_at "

static void need_read_row(struct arena *a, sqlite3_stmt *st, struct need *n)
{
	memset(n, 0, sizeof(*n));
	n->id = sq_i64(st, 0);
	n->deal_id = sq_i64(st, 1);
	n->words = sq_text(a, st, 2);
	n->weight = sq_int(st, 3);
	n->must_have = sq_int(st, 4) != 0;
	n->created_at = sq_i64(st, 5);
	n->updated_at = sq_i64(st, 6);
}

static enum result advisor_deal_exists(struct store *s, int64_t id,
				       struct error *err)
{
	enum result r =
	    sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "id",
				 "there is no deal %lld", (long long)id);
	return r;
}

static enum result need_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no need %lld",
			 (long long)id);
}

/* One integer from a one-row, one-column query bound to id as $1. */
static enum result advisor_count(struct store *s, const char *sql, int64_t id,
				 int64_t *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, sql, err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "counting", err);
	*out = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

enum result store_need_create(struct store *s, struct need *n,
			      struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	int64_t count = 0;
	enum result r = advisor_deal_exists(s, n->deal_id, err);
	if (r == R_OK)
		r = advisor_count(
		    s, "SELECT count(*) FROM need WHERE deal_id = $1",
		    n->deal_id, &count, err);
	if (r == R_OK && count >= ADVISOR_NEEDS_MAX)
		r = error_set(err, R_CONFLICT, "deal_id",
			      "the deal has %d needs already, the most "
			      "(merge the smaller ones or remove one first)",
			      ADVISOR_NEEDS_MAX);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO need (deal_id, words, weight, "
			     "must_have, created_at, updated_at) VALUES ($1, "
			     "$2, $3, $4, $5, $5) RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		n->created_at = n->updated_at = sq_now();
		sq_bind_i64(st, 1, n->deal_id);
		sq_bind_text(st, 2, n->words);
		sq_bind_i64(st, 3, n->weight);
		sq_bind_i64(st, 4, n->must_have ? 1 : 0);
		sq_bind_i64(st, 5, n->created_at);
		r = sq_row(s, st, "adding a need", err);
		if (r == R_OK)
			n->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	return sq_end(s, r, err);
}

enum result store_need_get(struct store *s, struct arena *a, int64_t id,
			   struct need *out, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT " NEED_COLUMNS "FROM need WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a need", err);
	if (r == R_OK)
		need_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? need_not_found(err, id) : r;
}

enum result store_need_update(struct store *s, struct need *n,
			      struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "UPDATE need SET words = $1, weight = $2, "
				   "must_have = $3, updated_at = $4 WHERE id = "
				   "$5 RETURNING id",
				   err);
	if (!st)
		return R_DB;
	n->updated_at = sq_now();
	sq_bind_text(st, 1, n->words);
	sq_bind_i64(st, 2, n->weight);
	sq_bind_i64(st, 3, n->must_have ? 1 : 0);
	sq_bind_i64(st, 4, n->updated_at);
	sq_bind_i64(st, 5, n->id);
	enum result r = sq_row(s, st, "changing a need", err);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? need_not_found(err, n->id) : r;
}

enum result store_need_delete(struct store *s, int64_t id, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM need WHERE id = $1 RETURNING id", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "deleting a need", err);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? need_not_found(err, id) : r;
}

/* The deal's needs, without checking the deal exists. */
static enum result need_rows(struct store *s, struct arena *a, int64_t deal_id,
			     struct need **items, size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT " NEED_COLUMNS "FROM need WHERE "
				   "deal_id = $1 ORDER BY id",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	size_t cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing needs", err)) == R_OK) {
		*items = sq_grow(a, *items, *n, &cap, sizeof(**items));
		need_read_row(a, st, &(*items)[(*n)++]);
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

enum result store_need_list(struct store *s, struct arena *a, int64_t deal_id,
			    struct need **items, size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = advisor_deal_exists(s, deal_id, err);
	if (r == R_OK)
		r = need_rows(s, a, deal_id, items, n, err);
	sq_read_end(s);
	return r;
}

/* ---- fits ---- */

/* Checks the need is on the deal and the offering exists. */
static enum result fit_check_refs(struct store *s, int64_t deal_id,
				  const struct fit *f, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "SELECT deal_id FROM need WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, f->need_id);
	enum result r = sq_row(s, st, "reading a need", err);
	int64_t on = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	if (on != deal_id)
		return error_set(err, R_INVALID, "need_id",
				 "need_id: deal %lld has no need %lld (add "
				 "the need to this deal first)",
				 (long long)deal_id, (long long)f->need_id);
	r = sq_exists(s, "SELECT 1 FROM offering WHERE id = $1", f->offering_id,
		      err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_INVALID, "offering_id",
				 "offering_id: there is no offering %lld (add "
				 "it to the catalogue first)",
				 (long long)f->offering_id);
	return r;
}

/* Refuses an offering new to the deal when the comparison is full. */
static enum result fit_check_room(struct store *s, int64_t deal_id,
				  int64_t offering_id, struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT count(DISTINCT f.offering_id), coalesce(max("
		    "f.offering_id = $1), 0) FROM fit f JOIN need n ON n.id = "
		    "f.need_id WHERE n.deal_id = $2",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, offering_id);
	sq_bind_i64(st, 2, deal_id);
	enum result r = sq_row(s, st, "counting compared offerings", err);
	int64_t count = r == R_OK ? sq_i64(st, 0) : 0;
	bool already = r == R_OK && sq_int(st, 1) != 0;
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	if (!already && count >= ADVISOR_OPTIONS_MAX)
		return error_set(err, R_CONFLICT, "offering_id",
				 "offering_id: the deal compares %d offerings "
				 "already, the most (take one out of the "
				 "comparison first)",
				 ADVISOR_OPTIONS_MAX);
	return R_OK;
}

enum result store_fit_put(struct store *s, int64_t deal_id, struct fit *f,
			  bool *created, struct error *err)
{
	*created = false;
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = advisor_deal_exists(s, deal_id, err);
	if (r == R_OK)
		r = fit_check_refs(s, deal_id, f, err);
	if (r == R_OK)
		r = fit_check_room(s, deal_id, f->offering_id, err);
	int64_t before = 0;
	if (r == R_OK)
		r = advisor_count(s,
				  "SELECT count(*) FROM fit WHERE need_id = $1",
				  f->need_id, &before, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO fit (need_id, offering_id, score, "
			     "evidence, source, updated_at) VALUES ($1, $2, "
			     "$3, $4, $5, $6) ON CONFLICT (need_id, "
			     "offering_id) DO UPDATE SET score = "
			     "excluded.score, evidence = excluded.evidence, "
			     "source = excluded.source, updated_at = "
			     "excluded.updated_at RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		f->updated_at = sq_now();
		sq_bind_i64(st, 1, f->need_id);
		sq_bind_i64(st, 2, f->offering_id);
		if (f->has_score)
			sq_bind_i64(st, 3, f->score);
		else
			sqlite3_bind_null(st, 3);
		sq_bind_text(st, 4,
			     f->evidence && *f->evidence ? f->evidence : NULL);
		sq_bind_text(st, 5, f->source && *f->source ? f->source : NULL);
		sq_bind_i64(st, 6, f->updated_at);
		r = sq_row(s, st, "setting a fit", err);
		if (r == R_OK)
			f->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	int64_t after = 0;
	if (r == R_OK)
		r = advisor_count(s,
				  "SELECT count(*) FROM fit WHERE need_id = $1",
				  f->need_id, &after, err);
	if (r == R_OK)
		*created = after > before;
	return sq_end(s, r, err);
}

enum result store_fit_drop(struct store *s, int64_t deal_id,
			   int64_t offering_id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r = advisor_deal_exists(s, deal_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "DELETE FROM fit WHERE offering_id = $1 AND "
			     "need_id IN (SELECT id FROM need WHERE deal_id = "
			     "$2) RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_i64(st, 1, offering_id);
		sq_bind_i64(st, 2, deal_id);
		bool any = false;
		while ((r = sq_row(s, st, "taking an offering off a deal",
				   err)) == R_OK)
			any = true;
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = any ? R_OK
				: error_set(err, R_NOT_FOUND, "offering_id",
					    "offering %lld is not compared on "
					    "deal %lld",
					    (long long)offering_id,
					    (long long)deal_id);
	}
	return sq_end(s, r, err);
}

static enum result fit_rows(struct store *s, struct arena *a, int64_t deal_id,
			    struct fit **items, size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT f.id, f.need_id, f.offering_id, f.score, f.evidence, "
	    "f.source, f.updated_at FROM fit f JOIN need n ON n.id = "
	    "f.need_id WHERE n.deal_id = $1 ORDER BY f.need_id, "
	    "f.offering_id",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	size_t cap = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading fits", err)) == R_OK) {
		*items = sq_grow(a, *items, *n, &cap, sizeof(**items));
		struct fit *f = &(*items)[(*n)++];
		memset(f, 0, sizeof(*f));
		f->id = sq_i64(st, 0);
		f->need_id = sq_i64(st, 1);
		f->offering_id = sq_i64(st, 2);
		f->has_score = !sq_null(st, 3);
		f->score = sq_int(st, 3);
		f->evidence = sq_text(a, st, 4);
		f->source = sq_text(a, st, 5);
		f->updated_at = sq_i64(st, 6);
	}
	sqlite3_reset(st);
	return r == R_DB ? r : R_OK;
}

/* The offerings with a fit on the deal, by id. */
static enum result compared_rows(struct store *s, struct arena *a,
				 int64_t deal_id, struct offering **items,
				 size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT DISTINCT f.offering_id FROM fit f JOIN need n ON n.id "
	    "= f.need_id WHERE n.deal_id = $1 ORDER BY f.offering_id",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	int64_t ids[ADVISOR_OPTIONS_MAX];
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "reading compared offerings", err)) == R_OK &&
	       count < ADVISOR_OPTIONS_MAX)
		ids[count++] = sq_i64(st, 0);
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = arena_alloc(a, sizeof(**items) * (count + 1));
	for (size_t i = 0; i < count; i++) {
		r = store_offering_get(s, a, ids[i], &(*items)[i], err);
		if (r != R_OK)
			return r;
	}
	*n = count;
	return R_OK;
}

enum result store_advisor_read(struct store *s, struct arena *a,
			       int64_t deal_id, struct advisor_data *out,
			       struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = store_deal_get(s, a, deal_id, &out->deal, err);
	if (r == R_OK)
		r = need_rows(s, a, deal_id, &out->needs, &out->n_needs, err);
	if (r == R_OK)
		r = compared_rows(s, a, deal_id, &out->offerings,
				  &out->n_offerings, err);
	if (r == R_OK)
		r = fit_rows(s, a, deal_id, &out->fits, &out->n_fits, err);
	sq_read_end(s);
	return r;
}

void store_advisor_input(const struct advisor_data *d, struct advisor_input *in)
{
	memset(in, 0, sizeof(*in));
	in->needs = d->needs;
	in->n_needs = d->n_needs;
	in->offerings = d->offerings;
	in->n_offerings = d->n_offerings;
	in->fits = d->fits;
	in->n_fits = d->n_fits;
	in->benefit_minor = d->deal.value_minor;
	in->currency = d->deal.currency;
}

/* ---- recommendations ---- */

enum result store_recommendation_create(struct store *s, struct arena *a,
					struct recommendation *r,
					struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	struct offering o;
	enum result res = advisor_deal_exists(s, r->deal_id, err);
	if (res == R_OK) {
		res = store_offering_get(s, a, r->offering_id, &o, err);
		if (res == R_NOT_FOUND)
			res = error_set(err, R_INVALID, "offering_id",
					"offering_id: there is no offering "
					"%lld (pick one from the catalogue)",
					(long long)r->offering_id);
	}
	sqlite3_stmt *st = NULL;
	if (res == R_OK) {
		r->vendor = o.vendor;
		r->offering_name = o.name;
		r->is_ours = o.is_ours;
		if (!r->created_at)
			r->created_at = sq_now();
		st = sq_prep(s,
			     "INSERT INTO recommendation (deal_id, "
			     "offering_id, vendor, offering_name, is_ours, "
			     "rationale, ranking_json, created_at) VALUES "
			     "($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			     err);
		res = st ? R_OK : R_DB;
	}
	if (res == R_OK) {
		sq_bind_i64(st, 1, r->deal_id);
		sq_bind_i64(st, 2, r->offering_id);
		sq_bind_text(st, 3, r->vendor);
		sq_bind_text(st, 4, r->offering_name);
		sq_bind_i64(st, 5, r->is_ours ? 1 : 0);
		sq_bind_text(st, 6, r->rationale);
		sq_bind_text(st, 7, r->ranking_json ? r->ranking_json : "{}");
		sq_bind_i64(st, 8, r->created_at);
		res = sq_row(s, st, "recording a recommendation", err);
		if (res == R_OK)
			r->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (res == R_NOT_FOUND)
			res = R_DB;
	}
	return sq_end(s, res, err);
}

enum result store_recommendation_list(struct store *s, struct arena *a,
				      int64_t deal_id,
				      struct recommendation **items, size_t *n,
				      struct error *err)
{
	*items = NULL;
	*n = 0;
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = advisor_deal_exists(s, deal_id, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "SELECT id, offering_id, vendor, offering_name, "
			     "is_ours, rationale, ranking_json, created_at "
			     "FROM recommendation WHERE deal_id = $1 ORDER BY "
			     "created_at DESC, id DESC",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		sq_bind_i64(st, 1, deal_id);
		size_t cap = 0;
		while ((r = sq_row(s, st, "listing recommendations", err)) ==
		       R_OK) {
			*items = sq_grow(a, *items, *n, &cap, sizeof(**items));
			struct recommendation *x = &(*items)[(*n)++];
			memset(x, 0, sizeof(*x));
			x->id = sq_i64(st, 0);
			x->deal_id = deal_id;
			x->offering_id = sq_i64(st, 1);
			x->vendor = sq_text(a, st, 2);
			x->offering_name = sq_text(a, st, 3);
			x->is_ours = sq_int(st, 4) != 0;
			x->rationale = sq_text(a, st, 5);
			x->ranking_json = sq_text(a, st, 6);
			x->created_at = sq_i64(st, 7);
		}
		sqlite3_reset(st);
		r = r == R_DB ? r : R_OK;
	}
	sq_read_end(s);
	return r;
}

enum result store_recommendation_counts(struct store *s, int64_t from_time,
					int64_t to_time, const char *owner,
					int64_t *total, int64_t *competitor,
					struct error *err)
{
	*total = *competitor = 0;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT count(*), coalesce(sum(r.is_ours = 0), 0) FROM "
	    "recommendation r JOIN deal d ON d.id = r.deal_id WHERE "
	    "r.created_at >= $1 AND r.created_at < $2 AND ($3 IS NULL OR "
	    "d.owner = $3)",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, from_time);
	sq_bind_i64(st, 2, to_time);
	sq_bind_text(st, 3, owner);
	enum result r = sq_row(s, st, "counting recommendations", err);
	if (r == R_OK) {
		*total = sq_i64(st, 0);
		*competitor = sq_i64(st, 1);
	}
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}
