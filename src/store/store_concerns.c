/*
 * store_concerns.c: the concern ledger of a deal (store layer, SQLite
 * driver).
 *
 * A concern is written whole; its moves (answer, resolve, drop, reopen)
 * go through store_concern_act, which reads the concern, asks core
 * whether the move is allowed and what it changes (concern_transition,
 * concern_apply), and writes it back in one scope. Times are never
 * forgotten except that a reopening clears the resolution or drop time
 * it undoes (reopened_at and reopen_count say it happened).
 */
#include <string.h>

#include "core/validate_deal.h"
#include "sq.h"
#include "store/store_deal.h"

#define CONCERN_SELECT                                                        \
	"SELECT c.id, c.deal_id, c.category, c.words, c.raised_by, "          \
	"p.given_name, p.family_name, c.status, c.source, c.answer, "         \
	"c.close_reason, c.raised_at, c.answered_at, c.resolved_at, "         \
	"c.dropped_at, c.reopened_at, c.reopen_count FROM concern c "         \
	"LEFT JOIN stakeholder k ON k.id = c.raised_by LEFT JOIN person p "   \
	"ON p.id = k.person_id "

static void concern_read_row(struct arena *a, sqlite3_stmt *st,
			     struct concern *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sq_i64(st, 0);
	c->deal_id = sq_i64(st, 1);
	concern_category_parse((const char *)sqlite3_column_text(st, 2),
			       &c->category);
	c->words = sq_text(a, st, 3);
	c->raised_by = sq_i64(st, 4);
	if (!sq_null(st, 5))
		c->raised_by_name = sq_display_name(
			a, (const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6));
	concern_status_parse((const char *)sqlite3_column_text(st, 7),
			     &c->status);
	concern_source_parse((const char *)sqlite3_column_text(st, 8),
			     &c->source);
	c->answer = sq_text(a, st, 9);
	c->close_reason = sq_text(a, st, 10);
	c->raised_at = sq_i64(st, 11);
	c->answered_at = sq_i64(st, 12);
	c->resolved_at = sq_i64(st, 13);
	c->dropped_at = sq_i64(st, 14);
	c->reopened_at = sq_i64(st, 15);
	c->reopen_count = sq_int(st, 16);
}

static enum result concern_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no concern %lld",
			 (long long)id);
}

/* raised_by must be a stakeholder of the concern's deal. */
static enum result concern_check_raiser(struct store *s,
					const struct concern *c,
					struct error *err)
{
	if (!c->raised_by)
		return R_OK;
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT deal_id FROM stakeholder WHERE id "
				   "= $1",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, c->raised_by);
	enum result r = sq_row(s, st, "checking who raised a concern", err);
	int64_t deal = r == R_OK ? sq_i64(st, 0) : 0;
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	if (deal != c->deal_id)
		return error_set(err, R_INVALID, "raised_by",
				 "raised_by: %lld is not a stakeholder on "
				 "deal %lld (add the person to the committee "
				 "first, and use their stakeholder id)",
				 (long long)c->raised_by,
				 (long long)c->deal_id);
	return R_OK;
}

enum result store_concern_create(struct store *s, struct concern *c,
				 struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
		sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", c->deal_id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id", "there is no deal %lld",
			      (long long)c->deal_id);
	if (r == R_OK)
		r = concern_check_raiser(s, c, err);
	sqlite3_stmt *st = NULL;
	if (r == R_OK) {
		st = sq_prep(s,
			     "INSERT INTO concern (deal_id, category, words, "
			     "raised_by, status, source, answer, close_reason, "
			     "raised_at, answered_at, resolved_at, dropped_at, "
			     "reopened_at, reopen_count) VALUES ($1, $2, $3, "
			     "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
			     "RETURNING id",
			     err);
		r = st ? R_OK : R_DB;
	}
	if (r == R_OK) {
		if (!c->raised_at)
			c->raised_at = sq_now();
		sq_bind_i64(st, 1, c->deal_id);
		sq_bind_text(st, 2, concern_category_name(c->category));
		sq_bind_text(st, 3, c->words ? c->words : "");
		sq_bind_id(st, 4, c->raised_by);
		sq_bind_text(st, 5, concern_status_name(c->status));
		sq_bind_text(st, 6, concern_source_name(c->source));
		sq_bind_text(st, 7, c->answer);
		sq_bind_text(st, 8, c->close_reason);
		sq_bind_i64(st, 9, c->raised_at);
		sq_bind_id(st, 10, c->answered_at);
		sq_bind_id(st, 11, c->resolved_at);
		sq_bind_id(st, 12, c->dropped_at);
		sq_bind_id(st, 13, c->reopened_at);
		sq_bind_i64(st, 14, c->reopen_count);
		r = sq_row(s, st, "adding a concern", err);
		if (r == R_OK)
			c->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r == R_NOT_FOUND)
			r = R_DB;
	}
	return sq_end(s, r, err);
}

enum result store_concern_get(struct store *s, struct arena *a, int64_t id,
			      struct concern *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s, CONCERN_SELECT "WHERE c.id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading a concern", err);
	if (r == R_OK)
		concern_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? concern_not_found(err, id) : r;
}

enum result store_concern_list(struct store *s, struct arena *a,
			       int64_t deal_id, struct concern **items,
			       size_t *n, struct error *err)
{
	*items = NULL;
	*n = 0;
	enum result r =
		sq_exists(s, "SELECT 1 FROM deal WHERE id = $1", deal_id, err);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "id", "there is no deal %lld",
				 (long long)deal_id);
	if (r != R_OK)
		return r;
	sqlite3_stmt *st = sq_prep(
		s, CONCERN_SELECT "WHERE c.deal_id = $1 ORDER BY c.id", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, deal_id);
	struct concern *cs = NULL;
	size_t count = 0, cap = 0;
	while ((r = sq_row(s, st, "listing concerns", err)) == R_OK) {
		cs = sq_grow(a, cs, count, &cap, sizeof(*cs));
		concern_read_row(a, st, &cs[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = cs;
	*n = count;
	return R_OK;
}

/* Writes the concern's status, texts and times. */
static enum result concern_write_state(struct store *s,
				       const struct concern *c,
				       struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "UPDATE concern SET status = $1, answer = "
				   "$2, close_reason = $3, answered_at = $4, "
				   "resolved_at = $5, dropped_at = $6, "
				   "reopened_at = $7, reopen_count = $8 WHERE "
				   "id = $9",
				   err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, concern_status_name(c->status));
	sq_bind_text(st, 2, c->answer);
	sq_bind_text(st, 3, c->close_reason);
	sq_bind_id(st, 4, c->answered_at);
	sq_bind_id(st, 5, c->resolved_at);
	sq_bind_id(st, 6, c->dropped_at);
	sq_bind_id(st, 7, c->reopened_at);
	sq_bind_i64(st, 8, c->reopen_count);
	sq_bind_i64(st, 9, c->id);
	return sq_exec(s, st, "updating a concern", err);
}

/* An event's time may not come before the concern was raised. */
static enum result concern_check_time(const struct concern *c,
				      enum concern_action action, int64_t at,
				      struct error *err)
{
	if (at >= c->raised_at)
		return R_OK;
	return error_set(err, R_INVALID, "at",
			 "at: a concern cannot be %s before it was raised "
			 "(use a time after it was raised)",
			 action == CACTION_ANSWER    ? "answered"
			 : action == CACTION_RESOLVE ? "resolved"
			 : action == CACTION_DROP    ? "dropped"
						     : "reopened");
}

enum result store_concern_act(struct store *s, struct arena *a, int64_t id,
			      enum concern_action action, const char *text,
			      int64_t at, struct concern *out,
			      struct error *err)
{
	if (action == CACTION_ANSWER && (!text || !*text))
		return error_set(err, R_INVALID, "answer",
				 "answer: is required (the information you "
				 "gave the buyer)");
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	struct concern c;
	enum concern_status to = CSTATUS_OPEN;
	enum result r = store_concern_get(s, a, id, &c, err);
	if (r == R_OK)
		r = concern_transition(c.status, action, &to, err);
	if (r == R_OK)
		r = concern_check_time(&c, action, at, err);
	if (r == R_OK) {
		concern_apply(&c, action, to, text && *text ? text : NULL, at);
		r = concern_write_state(s, &c, err);
	}
	r = sq_end(s, r, err);
	if (r == R_OK && out)
		*out = c;
	return r;
}
