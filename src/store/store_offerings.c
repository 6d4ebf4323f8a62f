/*
 * store_offerings.c: the catalogue of offerings, ours and competitors'
 * (store layer, SQLite driver).
 *
 * An offering's links are kept one per line in one column: they are a
 * short list read and written with the offering, never searched, and a
 * link cannot hold a newline (core refuses white space in one), so the
 * join cannot be ambiguous. A vendor's offering names are unique, so
 * the catalogue does not fill up with copies of one product.
 */
#include <string.h>

#include "sq.h"
#include "store/store_advisor.h"
#include "util/buf.h"

#define OFFERING_COLUMNS                                                       \
	"id, vendor, name, price_minor, currency, price_model, notes, links, " \
	"is_ours, created_at, updated_at "

static void offerings_split_links(struct arena *a, const char *text,
				  struct offering *o)
{
	o->links = NULL;
	o->n_links = 0;
	if (!text || !*text)
		return;
	size_t n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	o->links = arena_alloc(a, sizeof(*o->links) * n);
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len)
			o->links[o->n_links++] = arena_strndup(a, p, len);
		p += len + (nl ? 1 : 0);
	}
}

static void offerings_read_row(struct arena *a, sqlite3_stmt *st,
			       struct offering *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sq_i64(st, 0);
	o->vendor = sq_text(a, st, 1);
	o->name = sq_text(a, st, 2);
	o->price_minor = sq_i64(st, 3);
	o->currency = sq_text(a, st, 4);
	price_model_parse((const char *)sqlite3_column_text(st, 5),
			  &o->price_model);
	o->notes = sq_text(a, st, 6);
	offerings_split_links(a, (const char *)sqlite3_column_text(st, 7), o);
	o->is_ours = sq_int(st, 8) != 0;
	o->created_at = sq_i64(st, 9);
	o->updated_at = sq_i64(st, 10);
}

static enum result offerings_not_found(struct error *err, int64_t id)
{
	return error_set(err, R_NOT_FOUND, "id", "there is no offering %lld",
			 (long long)id);
}

/* Turns a unique clash into a sentence naming the vendor and name. */
static enum result offerings_clash(enum result r, const struct offering *o,
				   struct error *err)
{
	if (r != R_CONFLICT)
		return r;
	return error_set(err, R_CONFLICT, "name",
			 "name: %.60s already has an offering called "
			 "\"%.60s\" (change that one, or pick another name)",
			 o->vendor, o->name);
}

/* Binds the written columns as $1..$9 in OFFERING_COLUMNS order. */
static void offerings_bind(sqlite3_stmt *st, const struct offering *o,
			   struct buf *links)
{
	buf_reset(links);
	for (size_t i = 0; i < o->n_links; i++) {
		if (i)
			buf_putc(links, '\n');
		buf_puts(links, o->links[i]);
	}
	sq_bind_text(st, 1, o->vendor);
	sq_bind_text(st, 2, o->name);
	sq_bind_i64(st, 3, o->price_minor);
	sq_bind_text(st, 4, o->currency && *o->currency ? o->currency : NULL);
	sq_bind_text(st, 5, price_model_name(o->price_model));
	sq_bind_text(st, 6, o->notes && *o->notes ? o->notes : NULL);
	sq_bind_text(st, 7, links->len ? buf_str(links) : NULL);
	sq_bind_i64(st, 8, o->is_ours ? 1 : 0);
	sq_bind_i64(st, 9, o->updated_at);
}

enum result store_offering_create(struct store *s, struct offering *o,
				  struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "INSERT INTO offering (vendor, name, price_minor, currency, "
	    "price_model, notes, links, is_ours, updated_at, created_at) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
	    err);
	if (!st)
		return R_DB;
	struct buf links;
	buf_init(&links, (ADVISOR_LINK_MAX + 1) * ADVISOR_LINKS_MAX);
	o->created_at = o->updated_at = sq_now();
	offerings_bind(st, o, &links);
	enum result r = sq_row(s, st, "adding an offering", err);
	if (r == R_OK)
		o->id = sq_i64(st, 0);
	sqlite3_reset(st);
	buf_free(&links);
	if (r == R_NOT_FOUND)
		r = R_DB;
	return offerings_clash(r, o, err);
}

enum result store_offering_get(struct store *s, struct arena *a, int64_t id,
			       struct offering *out, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "SELECT " OFFERING_COLUMNS "FROM offering WHERE id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "reading an offering", err);
	if (r == R_OK)
		offerings_read_row(a, st, out);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? offerings_not_found(err, id) : r;
}

enum result store_offering_update(struct store *s, struct offering *o,
				  struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE offering SET vendor = $1, name = $2, price_minor = $3, "
	    "currency = $4, price_model = $5, notes = $6, links = $7, "
	    "is_ours = $8, updated_at = $9 WHERE id = $10 RETURNING "
	    "created_at",
	    err);
	if (!st)
		return R_DB;
	struct buf links;
	buf_init(&links, (ADVISOR_LINK_MAX + 1) * ADVISOR_LINKS_MAX);
	o->updated_at = sq_now();
	offerings_bind(st, o, &links);
	sq_bind_i64(st, 10, o->id);
	enum result r = sq_row(s, st, "changing an offering", err);
	if (r == R_OK)
		o->created_at = sq_i64(st, 0);
	sqlite3_reset(st);
	buf_free(&links);
	if (r == R_NOT_FOUND)
		return offerings_not_found(err, o->id);
	return offerings_clash(r, o, err);
}

enum result store_offering_delete(struct store *s, int64_t id,
				  struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM offering WHERE id = $1 RETURNING id", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	enum result r = sq_row(s, st, "deleting an offering", err);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? offerings_not_found(err, id) : r;
}

enum result store_offering_list(struct store *s, struct arena *a, int is_ours,
				const struct store_page *page,
				struct offering **items, size_t *n, bool *more,
				struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT " OFFERING_COLUMNS
				   "FROM offering WHERE id > $1 AND ($2 IS "
				   "NULL OR is_ours = $2) ORDER BY id LIMIT $3",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, sq_after(page));
	if (is_ours >= 0)
		sq_bind_i64(st, 2, is_ours ? 1 : 0);
	else
		sqlite3_bind_null(st, 2);
	sq_bind_i64(st, 3, (int64_t)limit + 1);
	struct offering *os = arena_alloc(a, sizeof(*os) * (size_t)limit);
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing offerings", err)) == R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			break;
		}
		offerings_read_row(a, st, &os[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = os;
	*n = count;
	return R_OK;
}
