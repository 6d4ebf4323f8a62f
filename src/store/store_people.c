/*
 * store_people.c: people with their tags and contacts (store layer,
 * SQLite driver).
 *
 * A person's tags and contacts are replaced wholesale on update; tags are
 * created on first use. Every write rebuilds the person's search document
 * in the same transaction. Deleting a person lets the foreign keys remove
 * what hangs off them and deletes the interactions nobody else was on.
 */
#include <stdlib.h>
#include <string.h>

#include "sq.h"
#include "store/store.h"

#define PERSON_COLUMNS                                                         \
	"p.id, p.given_name, p.family_name, p.org_id, o.name, p.title, "       \
	"p.how_met, p.met_on, p.referred_by, p.cadence_days, "                 \
	"p.cadence_max_days, p.notes, p.owner, p.last_touch, p.created_at, "   \
	"p.updated_at, p.shared, (SELECT coalesce(ou.display_name, ou.login) " \
	"FROM app_user ou WHERE ou.id = p.owner_user_id)"

/* Reads one row of PERSON_COLUMNS (18 columns) into p (tags and contacts
 * left empty). */
static void people_read_row(struct arena *a, sqlite3_stmt *st, struct person *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sq_i64(st, 0);
	p->given_name = sq_text(a, st, 1);
	p->family_name = sq_text(a, st, 2);
	p->org_id = sq_i64(st, 3);
	p->org_name = sq_text(a, st, 4);
	p->title = sq_text(a, st, 5);
	p->how_met = sq_text(a, st, 6);
	p->has_met_on = !sq_null(st, 7);
	p->met_on = sq_i64(st, 7);
	p->referred_by = sq_i64(st, 8);
	p->cadence_days = sq_int(st, 9);
	p->cadence_max_days = sq_int(st, 10);
	p->notes = sq_text(a, st, 11);
	p->owner = sq_text(a, st, 12);
	p->last_touch = sq_i64(st, 13);
	p->created_at = sq_i64(st, 14);
	p->updated_at = sq_i64(st, 15);
	p->shared = sq_int(st, 16) != 0;
	p->owner_user = sq_text(a, st, 17);
}

/* Reads the person's tags (by name) into p. */
static enum result people_fill_tags(struct store *s, struct arena *a,
				    struct person *p, struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
	    "WHERE pt.person_id = $1 ORDER BY t.name",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, p->id);
	size_t n = 0, cap = 0;
	const char **tags = NULL;
	enum result r;
	while ((r = sq_row(s, st, "reading tags", err)) == R_OK) {
		tags = sq_grow(a, tags, n, &cap, sizeof(*tags));
		tags[n++] = sq_text(a, st, 0);
	}
	sqlite3_reset(st);
	p->tags = tags;
	p->n_tags = n;
	return r == R_NOT_FOUND ? R_OK : r;
}

/* Reads the person's contacts (in the order they were given) into p. */
static enum result people_fill_contacts(struct store *s, struct arena *a,
					struct person *p, struct error *err)
{
	sqlite3_stmt *st = sq_prep(s,
				   "SELECT id, kind, label, value FROM contact "
				   "WHERE person_id = $1 ORDER BY id",
				   err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, p->id);
	size_t n = 0, cap = 0;
	struct contact *cs = NULL;
	enum result r;
	while ((r = sq_row(s, st, "reading contacts", err)) == R_OK) {
		cs = sq_grow(a, cs, n, &cap, sizeof(*cs));
		struct contact *c = &cs[n++];
		c->id = sq_i64(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		if (!contact_kind_parse(kind, &c->kind))
			c->kind = CONTACT_LINK;
		c->label = sq_text(a, st, 2);
		c->value = sq_text(a, st, 3);
	}
	sqlite3_reset(st);
	p->contacts = cs;
	p->n_contacts = n;
	return r == R_NOT_FOUND ? R_OK : r;
}

enum result store_people_fill(struct store *s, struct arena *a,
			      struct person *p, struct error *err)
{
	enum result r = people_fill_tags(s, a, p, err);
	if (r == R_OK)
		r = people_fill_contacts(s, a, p, err);
	return r;
}

/* Checks that org_id and referred_by name existing records. */
static enum result people_check_refs(struct store *s, const struct person *p,
				     struct error *err)
{
	enum result r;
	if (p->org_id) {
		r = sq_exists(s, "SELECT 1 FROM organization WHERE id = $1",
			      p->org_id, err);
		if (r == R_NOT_FOUND)
			return error_set(err, R_INVALID, "org_id",
					 "org_id: there is no organization "
					 "%lld; create it first or leave "
					 "org_id out",
					 (long long)p->org_id);
		if (r != R_OK)
			return r;
	}
	if (p->referred_by) {
		if (p->referred_by == p->id)
			return error_set(err, R_INVALID, "referred_by",
					 "referred_by: a person cannot be "
					 "referred by themselves");
		r = sq_person_visible(s, p->referred_by, err);
		if (r == R_NOT_FOUND)
			return error_set(err, R_INVALID, "referred_by",
					 "referred_by: there is no person "
					 "%lld; create them first or leave "
					 "referred_by out",
					 (long long)p->referred_by);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

/* Links the person to each of p's tags, creating tags as needed. */
static enum result people_put_tags(struct store *s, const struct person *p,
				   struct error *err)
{
	for (size_t i = 0; i < p->n_tags; i++) {
		if (!p->tags[i])
			continue;
		sqlite3_stmt *st = sq_prep(s,
					   "INSERT INTO tag (name) VALUES ($1) "
					   "ON CONFLICT (name) DO NOTHING",
					   err);
		if (!st)
			return R_DB;
		sq_bind_text(st, 1, p->tags[i]);
		if (sq_exec(s, st, "creating a tag", err) != R_OK)
			return R_DB;
		st = sq_prep(s,
			     "INSERT INTO person_tag (person_id, tag_id) "
			     "SELECT $1, id FROM tag WHERE name = $2 "
			     "ON CONFLICT DO NOTHING",
			     err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, p->id);
		sq_bind_text(st, 2, p->tags[i]);
		if (sq_exec(s, st, "tagging a person", err) != R_OK)
			return R_DB;
	}
	return R_OK;
}

/* Points the person's cadence_tag_id at their tag with the shortest
 * cadence (see store_people_retag). */
static enum result people_retag_one(struct store *s, int64_t id,
				    struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE person SET cadence_tag_id = (SELECT t.id FROM person_tag "
	    "pt "
	    "JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = person.id "
	    "AND t.cadence_days > 0 ORDER BY t.cadence_days, "
	    "t.cadence_max_days, t.name LIMIT 1) WHERE id = $1",
	    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "choosing a person's cadence tag", err);
}

enum result store_people_retag(struct store *s, const char *tag,
			       struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE person SET cadence_tag_id = (SELECT t.id FROM person_tag "
	    "pt "
	    "JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = person.id "
	    "AND t.cadence_days > 0 ORDER BY t.cadence_days, "
	    "t.cadence_max_days, t.name LIMIT 1) WHERE id IN (SELECT "
	    "pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
	    "WHERE t.name = $1)",
	    err);
	if (!st)
		return R_DB;
	sq_bind_text(st, 1, tag);
	return sq_exec(s, st, "choosing cadence tags", err);
}

/* Inserts p's contacts and sets their ids. */
static enum result people_put_contacts(struct store *s, struct person *p,
				       struct error *err)
{
	for (size_t i = 0; i < p->n_contacts; i++) {
		struct contact *c = &p->contacts[i];
		sqlite3_stmt *st = sq_prep(
		    s,
		    "INSERT INTO contact (person_id, kind, label, value) "
		    "VALUES ($1, $2, $3, $4) RETURNING id",
		    err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, p->id);
		sq_bind_text(st, 2, contact_kind_name(c->kind));
		sq_bind_text(st, 3, c->label);
		sq_bind_text(st, 4, c->value ? c->value : "");
		enum result r = sq_row(s, st, "adding a contact", err);
		if (r == R_OK)
			c->id = sq_i64(st, 0);
		sqlite3_reset(st);
		if (r != R_OK)
			return R_DB;
	}
	return R_OK;
}

/* Binds the fields shared by insert and update as $1..$11. */
static void people_bind_fields(sqlite3_stmt *st, const struct person *p)
{
	sq_bind_text(st, 1, p->given_name ? p->given_name : "");
	sq_bind_text(st, 2, p->family_name);
	sq_bind_id(st, 3, p->org_id);
	sq_bind_text(st, 4, p->title);
	sq_bind_text(st, 5, p->how_met);
	if (p->has_met_on)
		sq_bind_i64(st, 6, p->met_on);
	else
		sqlite3_bind_null(st, 6);
	sq_bind_id(st, 7, p->referred_by);
	sq_bind_i64(st, 8, p->cadence_days);
	sq_bind_i64(st, 9, p->cadence_max_days);
	sq_bind_text(st, 10, p->notes);
	sq_bind_text(st, 11, p->owner);
}

static enum result people_insert(struct store *s, struct person *p,
				 struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "INSERT INTO person (given_name, family_name, org_id, title, "
	    "how_met, met_on, referred_by, cadence_days, cadence_max_days, "
	    "notes, owner, created_at, updated_at, last_touch, "
	    "owner_user_id, shared) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
	    "$12, 0, " SQ_OWNER("$13") ", $14) RETURNING id",
	    err);
	if (!st)
		return R_DB;
	int64_t now = sq_now();
	people_bind_fields(st, p);
	sq_bind_i64(st, 12, now);
	sq_bind_owner(s, st, 13);
	sq_bind_i64(st, 14, p->has_shared ? p->shared : 1);
	enum result r = sq_row(s, st, "adding a person", err);
	if (r == R_OK) {
		p->id = sq_i64(st, 0);
		p->created_at = p->updated_at = now;
		p->last_touch = 0;
	}
	sqlite3_reset(st);
	return r == R_OK ? R_OK : R_DB;
}

enum result store_person_create(struct store *s, struct person *p,
				struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	int64_t saved_id = p->id;
	p->id = 0;
	enum result r = people_check_refs(s, p, err);
	if (r == R_OK)
		r = people_insert(s, p, err);
	if (r == R_OK)
		r = people_put_tags(s, p, err);
	if (r == R_OK)
		r = people_retag_one(s, p->id, err);
	if (r == R_OK)
		r = people_put_contacts(s, p, err);
	if (r == R_OK)
		r = store_search_reindex(s, p->id, err);
	r = sq_end(s, r, err);
	if (r != R_OK)
		p->id = saved_id;
	return r;
}

/*
 * Splits text at sep into at most max pieces, each a new arena string.
 * Returns the number of pieces (0 for NULL text).
 */
static size_t people_split(struct arena *a, const char *text, char sep,
			   const char **out, size_t max)
{
	size_t n = 0;
	while (text && n < max) {
		const char *end = strchr(text, sep);
		size_t len = end ? (size_t)(end - text) : strlen(text);
		out[n++] = arena_strndup(a, text, len);
		text = end ? end + 1 : NULL;
	}
	return n;
}

/* Counts the pieces people_split would make. */
static size_t people_pieces(const char *text, char sep)
{
	if (!text)
		return 0;
	size_t n = 1;
	for (; *text; text++)
		n += *text == sep;
	return n;
}

static int people_tag_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int people_contact_cmp(const void *a, const void *b)
{
	const struct contact *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * Reads the tags and contacts that store_person_get's statement packs
 * into two texts: tag names joined by US (0x1f); contacts joined by RS
 * (0x1e), each "id US kind US label US value" with the label marked '+'
 * (present) or '-' (NULL). Validation keeps control characters out of
 * every one of these fields, so the separators cannot occur in them.
 * The tags are sorted by name and the contacts by id here (the order the
 * other reads give), which costs less than sorting in SQL.
 */
static void people_unpack(struct arena *a, const char *tags,
			  const char *contacts, struct person *p)
{
	p->n_tags = people_pieces(tags, '\x1f');
	if (p->n_tags) {
		const char **t = arena_alloc(a, p->n_tags * sizeof(*t));
		p->n_tags = people_split(a, tags, '\x1f', t, p->n_tags);
		qsort(t, p->n_tags, sizeof(*t), people_tag_cmp);
		p->tags = t;
	}
	size_t n = people_pieces(contacts, '\x1e');
	if (!n)
		return;
	const char **recs = arena_alloc(a, n * sizeof(*recs));
	n = people_split(a, contacts, '\x1e', recs, n);
	struct contact *cs = arena_alloc(a, n * sizeof(*cs));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *f[4];
		if (people_split(a, recs[i], '\x1f', f, 4) != 4)
			continue;
		struct contact *c = &cs[k++];
		c->id = strtoll(f[0], NULL, 10);
		if (!contact_kind_parse(f[1], &c->kind))
			c->kind = CONTACT_LINK;
		c->label = f[2][0] == '+' ? f[2] + 1 : NULL;
		c->value = f[3];
	}
	qsort(cs, k, sizeof(*cs), people_contact_cmp);
	p->contacts = cs;
	p->n_contacts = k;
}

/*
 * One statement reads the person with their organization's name, tags
 * (by name) and contacts (in the order given): the API's busiest read,
 * where each statement more is a measurable share of the request.
 */
enum result store_person_get(struct store *s, struct arena *a, int64_t id,
			     struct person *out, struct error *err)
{
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = sq_prep(
	    s,
	    "SELECT " PERSON_COLUMNS ", "
	    "(SELECT group_concat(t.name, char(31)) "
	    "FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
	    "WHERE pt.person_id = p.id), "
	    "(SELECT group_concat(id || char(31) || kind || char(31) || "
	    "CASE WHEN label IS NULL THEN '-' ELSE '+' || label END || "
	    "char(31) || value, char(30)) "
	    "FROM contact WHERE person_id = p.id) "
	    "FROM person p "
	    "LEFT JOIN organization o ON o.id = p.org_id WHERE p.id = $1",
	    err);
	enum result r = R_DB;
	if (st) {
		sq_bind_i64(st, 1, id);
		r = sq_row(s, st, "reading a person", err);
		if (r == R_OK) {
			people_read_row(a, st, out);
			people_unpack(
			    a, (const char *)sqlite3_column_text(st, 18),
			    (const char *)sqlite3_column_text(st, 19), out);
		}
		sqlite3_reset(st);
	}
	if (r == R_NOT_FOUND)
		error_set(err, R_NOT_FOUND, "id", "there is no person %lld",
			  (long long)id);
	sq_read_end(s);
	return r;
}

/* Updates the person's own row; R_NOT_FOUND when there is none. */
static enum result people_update_row(struct store *s, struct person *p,
				     struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s,
	    "UPDATE person SET given_name = $1, family_name = $2, "
	    "org_id = $3, title = $4, how_met = $5, met_on = $6, "
	    "referred_by = $7, cadence_days = $8, cadence_max_days = $9, "
	    "notes = $10, owner = $11, updated_at = $12, "
	    "shared = COALESCE($13, shared) WHERE id = $14 "
	    "RETURNING created_at, last_touch",
	    err);
	if (!st)
		return R_DB;
	int64_t now = sq_now();
	people_bind_fields(st, p);
	sq_bind_i64(st, 12, now);
	if (p->has_shared)
		sq_bind_i64(st, 13, p->shared);
	sq_bind_i64(st, 14, p->id);
	enum result r = sq_row(s, st, "updating a person", err);
	if (r == R_OK) {
		p->created_at = sq_i64(st, 0);
		p->last_touch = sq_i64(st, 1);
		p->updated_at = now;
	}
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		return error_set(err, R_NOT_FOUND, "id",
				 "there is no person %lld", (long long)p->id);
	return r;
}

/* Removes the person's tag links and contacts before they are re-added. */
static enum result people_clear_links(struct store *s, int64_t id,
				      struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s, "DELETE FROM person_tag WHERE person_id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	if (sq_exec(s, st, "untagging a person", err) != R_OK)
		return R_DB;
	st = sq_prep(s, "DELETE FROM contact WHERE person_id = $1", err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "removing contacts", err);
}

enum result store_person_update(struct store *s, struct person *p,
				struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", p->id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id", "there is no person %lld",
			      (long long)p->id);
	if (r == R_OK)
		r = people_check_refs(s, p, err);
	if (r == R_OK)
		r = people_update_row(s, p, err);
	if (r == R_OK)
		r = people_clear_links(s, p->id, err);
	if (r == R_OK)
		r = people_put_tags(s, p, err);
	if (r == R_OK)
		r = people_retag_one(s, p->id, err);
	if (r == R_OK)
		r = people_put_contacts(s, p, err);
	if (r == R_OK)
		r = store_search_reindex(s, p->id, err);
	return sq_end(s, r, err);
}

/* Deletes the interactions on which id is the only person. */
static enum result people_drop_lonely_interactions(struct store *s, int64_t id,
						   struct error *err)
{
	sqlite3_stmt *st =
	    sq_prep(s,
		    "DELETE FROM interaction WHERE id IN ("
		    "SELECT ip.interaction_id FROM interaction_person ip "
		    "WHERE ip.person_id = $1 AND NOT EXISTS ("
		    "SELECT 1 FROM interaction_person o "
		    "WHERE o.interaction_id = ip.interaction_id "
		    "AND o.person_id <> $1))",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	return sq_exec(s, st, "deleting the person's interactions", err);
}

enum result store_person_delete(struct store *s, int64_t id, struct error *err)
{
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", id, err);
	if (r == R_NOT_FOUND)
		r = error_set(err, R_NOT_FOUND, "id", "there is no person %lld",
			      (long long)id);
	if (r == R_OK)
		r = people_drop_lonely_interactions(s, id, err);
	if (r == R_OK)
		r = store_search_drop(s, id, err);
	if (r == R_OK) {
		sqlite3_stmt *st =
		    sq_prep(s, "DELETE FROM person WHERE id = $1", err);
		r = R_DB;
		if (st) {
			sq_bind_i64(st, 1, id);
			r = sq_exec(s, st, "deleting a person", err);
		}
	}
	return sq_end(s, r, err);
}

/* Picks and binds the list statement for the filter: all, by
 * organization, or by tag (with an optional organization). */
static sqlite3_stmt *people_list_stmt(struct store *s,
				      const struct person_filter *f,
				      int64_t after, int limit,
				      struct error *err)
{
	sqlite3_stmt *st;
	if (f && f->tag) {
		st = sq_prep(s,
			     "SELECT " PERSON_COLUMNS " FROM person_tag pt "
			     "JOIN person p ON p.id = pt.person_id "
			     "LEFT JOIN organization o ON o.id = p.org_id "
			     "WHERE pt.tag_id = "
			     "(SELECT id FROM tag WHERE name = $1) "
			     "AND pt.person_id > $2 "
			     "AND ($3 = 0 OR p.org_id = $3) "
			     "AND " SQ_VISIBLE("p", "$4", "$5", "$6") " "
			     "ORDER BY pt.person_id LIMIT $7",
			     err);
		if (!st)
			return NULL;
		sq_bind_text(st, 1, f->tag);
		sq_bind_i64(st, 2, after);
		sq_bind_i64(st, 3, f->org_id);
		sq_bind_viewer(s, st, 4);
		sq_bind_i64(st, 7, (int64_t)limit + 1);
		return st;
	}
	if (f && f->org_id) {
		st = sq_prep(s,
			     "SELECT " PERSON_COLUMNS " FROM person p "
			     "LEFT JOIN organization o ON o.id = p.org_id "
			     "WHERE p.org_id = $1 AND p.id > $2 "
			     "AND " SQ_VISIBLE("p", "$3", "$4", "$5") " "
			     "ORDER BY p.id LIMIT $6",
			     err);
		if (!st)
			return NULL;
		sq_bind_i64(st, 1, f->org_id);
		sq_bind_i64(st, 2, after);
		sq_bind_viewer(s, st, 3);
		sq_bind_i64(st, 6, (int64_t)limit + 1);
		return st;
	}
	st = sq_prep(s,
		     "SELECT " PERSON_COLUMNS " FROM person p "
		     "LEFT JOIN organization o ON o.id = p.org_id "
		     "WHERE p.id > $1 AND " SQ_VISIBLE("p", "$2", "$3", "$4")
		     " ORDER BY p.id LIMIT $5",
		     err);
	if (!st)
		return NULL;
	sq_bind_i64(st, 1, after);
	sq_bind_viewer(s, st, 2);
	sq_bind_i64(st, 5, (int64_t)limit + 1);
	return st;
}

enum result store_person_list(struct store *s, struct arena *a,
			      const struct person_filter *f,
			      const struct store_page *page,
			      struct person **items, size_t *n, bool *more,
			      struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	sqlite3_stmt *st = people_list_stmt(s, f, sq_after(page), limit, err);
	if (!st) {
		sq_read_end(s);
		return R_DB;
	}
	struct person *ps = arena_alloc(a, sizeof(*ps) * (size_t)limit);
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing people", err)) == R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			break;
		}
		people_read_row(a, st, &ps[count++]);
	}
	sqlite3_reset(st);
	if (r == R_NOT_FOUND)
		r = R_OK;
	for (size_t i = 0; r == R_OK && i < count; i++)
		r = store_people_fill(s, a, &ps[i], err);
	sq_read_end(s);
	if (r != R_OK)
		return r;
	*items = ps;
	*n = count;
	return R_OK;
}

enum result store_person_list_referred(struct store *s, struct arena *a,
				       int64_t id, int limit,
				       struct person **items, size_t *n,
				       bool *more, struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	if (limit < 1 || limit > STORE_LIMIT_MAX)
		limit = STORE_LIMIT_MAX;
	/* The index person_referred_by finds the rows; they are few. */
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT " PERSON_COLUMNS " FROM person p "
		    "LEFT JOIN organization o ON o.id = p.org_id "
		    "WHERE p.referred_by = $1 AND "
		    SQ_VISIBLE("p", "$2", "$3", "$4") " ORDER BY p.given_name "
		    "COLLATE NOCASE, p.family_name COLLATE NOCASE, p.id "
		    "LIMIT $5",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	sq_bind_viewer(s, st, 2);
	sq_bind_i64(st, 5, (int64_t)limit + 1);
	struct person *ps = arena_alloc(a, sizeof(*ps) * (size_t)limit);
	size_t count = 0;
	enum result r;
	while ((r = sq_row(s, st, "listing the people referred", err)) ==
	       R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			break;
		}
		people_read_row(a, st, &ps[count++]);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return r;
	*items = ps;
	*n = count;
	return R_OK;
}
