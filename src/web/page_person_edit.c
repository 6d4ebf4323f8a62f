/*
 * page_person_edit.c: the forms posted from a person's page (web layer):
 * add, change or remove a fact, an important date or a touch; add or
 * remove a relationship.
 *
 * Each form POSTs to a path under /people/{id}; a path naming a fact,
 * date, touch or relationship that is not this person's is a 404. On
 * success the answer is 303 back to the page's section; on bad input the
 * page is rendered again (page_person_render) with 422 (409 for a
 * duplicate), the form keeping what was typed and the message beside the
 * field at fault, never a 500. A touch with several people is changed or
 * removed for all of them: it is one interaction.
 */
#include "web/page_person.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/relationship.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/page.h"

#define PERSON_REMIND_DEFAULT 14
/* How many people a name given for a relationship may match and be
 * listed back to choose from. */
#define PERSON_NAME_HITS 6

/*
 * The end of a form's POST: 303 back to the page when res is R_OK, the
 * page again with 422 (409 for a conflict) when the input was at fault,
 * else the failure itself.
 */
static enum result person_after(struct req *r, int64_t id, enum result res,
				enum page_person_form form, int64_t item,
				const struct page_form *in,
				const struct error *bad, const char *anchor,
				struct error *err)
{
	if (res == R_OK)
		return page_redirect(r,
				     arena_printf(r->arena, "/people/%lld#%s",
						  (long long)id, anchor));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	struct page_person_failed failed = {form, item, in, bad};
	return page_person_render(r, id, 0, &failed,
				  res == R_CONFLICT ? 409 : 422, err);
}

/* Reads the person id of a form's path and the form; checks the person
 * exists. */
static enum result person_begin(struct req *r, int64_t *id, struct page_form *f,
				struct error *err)
{
	enum result res = api_param_person(r, 0, id, err);
	if (res == R_OK)
		res = page_form_read(r, f, err);
	return res;
}

/* The 404 for an item of the path that is not this person's. */
static enum result person_not_theirs(struct error *err, const char *what,
				     int64_t item)
{
	return error_set(err, R_NOT_FOUND, "id",
			 "there is no %s %lld on this person's page", what,
			 (long long)item);
}

/* ---- facts ---- */

/* Reads kind, label and value into fact and validates it. */
static enum result person_read_fact(struct req *r, const struct page_form *f,
				    struct fact *fact, struct error *bad)
{
	fact->label = page_form_text(r->arena, f, "label");
	fact->value = page_form_text(r->arena, f, "value");
	const char *kind = page_form_get(f, "kind");
	if (!kind || !fact_kind_parse(kind, &fact->kind))
		return error_set(bad, R_INVALID, "kind",
				 "kind: must be one of %s", fact_kind_list());
	if (!fact->value)
		return error_set(bad, R_INVALID, "value",
				 "value: is required (what you learned, e.g. "
				 "\"Maya, 7\")");
	return validate_fact(fact, bad);
}

/* Handles POST /people/{id}/facts. */
enum result page_person_fact(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct fact fact = {0};
	struct error bad = {0};
	fact.person_id = id;
	res = person_read_fact(r, &f, &fact, &bad);
	if (res == R_OK)
		res = store_fact_create(r->store, &fact, &bad);
	return person_after(r, id, res, PERSON_FORM_FACT, 0, &f, &bad,
			    "facts-h", err);
}

/* Reads the person and their fact (param 1) of the path. */
static enum result person_fact_of(struct req *r, int64_t *id, int64_t *fid,
				  struct page_form *f, struct fact *fact,
				  struct error *err)
{
	enum result res = person_begin(r, id, f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, fid, err);
	if (res == R_OK)
		res = store_fact_get(r->store, r->arena, *fid, fact, err);
	if (res == R_OK && fact->person_id != *id)
		res = person_not_theirs(err, "fact", *fid);
	return res;
}

/* Handles POST /people/{id}/facts/{fid}. */
enum result page_person_fact_edit(struct req *r, struct error *err)
{
	int64_t id, fid;
	struct page_form f;
	struct fact fact;
	enum result res = person_fact_of(r, &id, &fid, &f, &fact, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = person_read_fact(r, &f, &fact, &bad);
	if (res == R_OK)
		res = store_fact_update(r->store, &fact, &bad);
	return person_after(r, id, res, PERSON_FORM_FACT_EDIT, fid, &f, &bad,
			    "facts-h", err);
}

/* Handles POST /people/{id}/facts/{fid}/delete. */
enum result page_person_fact_delete(struct req *r, struct error *err)
{
	int64_t id, fid;
	struct page_form f;
	struct fact fact;
	enum result res = person_fact_of(r, &id, &fid, &f, &fact, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_fact_delete(r->store, fid, &bad);
	return person_after(r, id, res, PERSON_FORM_FACT_DELETE, fid, &f, &bad,
			    "facts-h", err);
}

/* ---- important dates ---- */

/* Reads kind, label, month, day, year and remind_days into d and
 * validates it. */
static enum result person_read_date(struct req *r, const struct page_form *f,
				    struct important_date *d, struct error *bad)
{
	d->label = page_form_text(r->arena, f, "label");
	const char *kind = page_form_get(f, "kind");
	enum result res = R_OK;
	if (!kind || !date_kind_parse(kind, &d->kind))
		return error_set(bad, R_INVALID, "kind",
				 "kind: must be one of %s", date_kind_list());
	res = page_form_int(f, "month", 1, 12, 0, &d->month, bad);
	if (res == R_OK)
		res = page_form_int(f, "day", 1, 31, 0, &d->day, bad);
	if (res == R_OK && !d->day)
		res = error_set(bad, R_INVALID, "day",
				"day: is required (the day of the month, 1 to "
				"31)");
	if (res == R_OK)
		res = page_form_int(f, "year", VALIDATE_YEAR_MIN,
				    VALIDATE_YEAR_MAX, 0, &d->year, bad);
	if (res == R_OK)
		res =
		    page_form_int(f, "remind_days", 0, VALIDATE_REMIND_MAX,
				  PERSON_REMIND_DEFAULT, &d->remind_days, bad);
	if (res == R_OK)
		res = validate_date(d, bad);
	return res;
}

/* Handles POST /people/{id}/dates. */
enum result page_person_date(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct important_date d = {0};
	struct error bad = {0};
	d.person_id = id;
	res = person_read_date(r, &f, &d, &bad);
	if (res == R_OK)
		res = store_date_create(r->store, &d, &bad);
	return person_after(r, id, res, PERSON_FORM_DATE, 0, &f, &bad,
			    "dates-h", err);
}

/* Reads the person and their date (param 1) of the path. */
static enum result person_date_of(struct req *r, int64_t *id, int64_t *did,
				  struct page_form *f, struct important_date *d,
				  struct error *err)
{
	enum result res = person_begin(r, id, f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, did, err);
	if (res == R_OK)
		res = store_date_get(r->store, r->arena, *did, d, err);
	if (res == R_OK && d->person_id != *id)
		res = person_not_theirs(err, "date", *did);
	return res;
}

/* Handles POST /people/{id}/dates/{did}. */
enum result page_person_date_edit(struct req *r, struct error *err)
{
	int64_t id, did;
	struct page_form f;
	struct important_date d;
	enum result res = person_date_of(r, &id, &did, &f, &d, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = person_read_date(r, &f, &d, &bad);
	if (res == R_OK)
		res = store_date_update(r->store, &d, &bad);
	return person_after(r, id, res, PERSON_FORM_DATE_EDIT, did, &f, &bad,
			    "dates-h", err);
}

/* Handles POST /people/{id}/dates/{did}/delete. */
enum result page_person_date_delete(struct req *r, struct error *err)
{
	int64_t id, did;
	struct page_form f;
	struct important_date d;
	enum result res = person_date_of(r, &id, &did, &f, &d, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_date_delete(r->store, did, &bad);
	return person_after(r, id, res, PERSON_FORM_DATE_DELETE, did, &f, &bad,
			    "dates-h", err);
}

/* ---- touches ---- */

/*
 * Reads kind, on, summary, notes, follow_up_on (and follow_up_done when
 * sent) into it and validates it. A touch on today is now, on another
 * day noon UTC that day; kept_at (0: none) is kept when the day is the
 * one it already had.
 */
static enum result person_read_touch(struct req *r, const struct page_form *f,
				     struct interaction *it, int64_t kept_at,
				     struct error *bad)
{
	it->summary = page_form_text(r->arena, f, "summary");
	it->notes = page_form_text(r->arena, f, "notes");
	bool has_on = false;
	int64_t on = 0;
	enum result res = R_OK;
	const char *kind = page_form_get(f, "kind");
	if (!kind || !interaction_kind_parse(kind, &it->kind))
		return error_set(bad, R_INVALID, "kind",
				 "kind: must be one of %s",
				 interaction_kind_list());
	res = page_form_date(f, "on", &has_on, &on, bad);
	if (res == R_OK)
		res = page_form_date(f, "follow_up_on", &it->has_follow_up,
				     &it->follow_up_on, bad);
	const char *done = page_form_get(f, "follow_up_done");
	if (res == R_OK && done && strcmp(done, "yes") != 0 &&
	    strcmp(done, "no") != 0)
		res = error_set(bad, R_INVALID, "follow_up_done",
				"follow_up_done: must be yes or no");
	it->follow_up_done = done && strcmp(done, "yes") == 0;
	if (res == R_OK && !it->summary)
		res = error_set(bad, R_INVALID, "summary",
				"summary: is required (a line on what "
				"happened)");
	if (res != R_OK)
		return res;
	int64_t today = time_local_days(r->now, 0);
	if (kept_at && (!has_on || on == time_local_days(kept_at, 0)))
		it->occurred_at = kept_at;
	else
		it->occurred_at =
		    !has_on || on == today ? r->now : on * 86400 + 12 * 3600;
	res = validate_interaction(it, r->now, bad);
	if (res == R_INVALID && strcmp(bad->field, "occurred_at") == 0)
		error_set(bad, R_INVALID, "on",
			  "on: must be a day between 1900 and today");
	return res;
}

/* Handles POST /people/{id}/interactions. */
enum result page_person_touch(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct interaction it = {0};
	struct error bad = {0};
	it.people = &id;
	it.n_people = 1;
	res = person_read_touch(r, &f, &it, 0, &bad);
	if (res == R_OK)
		res = store_interaction_create(r->store, &it, &bad);
	return person_after(r, id, res, PERSON_FORM_TOUCH, 0, &f, &bad,
			    "touch-h", err);
}

/* Reads the person and their touch (param 1) of the path. */
static enum result person_touch_of(struct req *r, int64_t *id, int64_t *tid,
				   struct page_form *f, struct interaction *it,
				   struct error *err)
{
	enum result res = person_begin(r, id, f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, tid, err);
	if (res == R_OK)
		res = store_interaction_get(r->store, r->arena, *tid, it, err);
	bool theirs = false;
	for (size_t k = 0; res == R_OK && k < it->n_people; k++)
		theirs |= it->people[k] == *id;
	if (res == R_OK && !theirs)
		res = person_not_theirs(err, "touch", *tid);
	return res;
}

/* Handles POST /people/{id}/interactions/{tid}: its people and deal stay. */
enum result page_person_touch_edit(struct req *r, struct error *err)
{
	int64_t id, tid;
	struct page_form f;
	struct interaction it;
	enum result res = person_touch_of(r, &id, &tid, &f, &it, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = person_read_touch(r, &f, &it, it.occurred_at, &bad);
	if (res == R_OK)
		res = store_interaction_update(r->store, &it, &bad);
	return person_after(r, id, res, PERSON_FORM_TOUCH_EDIT, tid, &f, &bad,
			    "touch-h", err);
}

/* Handles POST /people/{id}/interactions/{tid}/delete. */
enum result page_person_touch_delete(struct req *r, struct error *err)
{
	int64_t id, tid;
	struct page_form f;
	struct interaction it;
	enum result res = person_touch_of(r, &id, &tid, &f, &it, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_interaction_delete(r->store, tid, &bad);
	return person_after(r, id, res, PERSON_FORM_TOUCH_DELETE, tid, &f, &bad,
			    "touch-h", err);
}

/* ---- relationships ---- */

/* Whether s is a whole number of up to 18 digits. */
static bool person_digits(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 18)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * Finds the other person from text: an id, or a name the search matches
 * exactly once (or matches one hit's full name exactly, ASCII case
 * folded). Several matches are refused listing them with their ids.
 */
static enum result person_find_other(struct req *r, const char *text,
				     int64_t *out, struct error *bad)
{
	if (!text)
		return error_set(bad, R_INVALID, "other",
				 "other: is required (their name, or the "
				 "number at the end of their page's address)");
	if (person_digits(text)) {
		*out = strtoll(text, NULL, 10);
		return R_OK;
	}
	struct search_hit *hits = NULL;
	size_t n = 0;
	enum result res = store_person_search(r->store, r->arena, text,
					      PERSON_NAME_HITS, &hits, &n, bad);
	if (res != R_OK)
		return res;
	if (!n)
		return error_set(bad, R_INVALID, "other",
				 "other: nobody is called \"%.80s\"; check "
				 "the spelling or give their id",
				 text);
	size_t exact = n, count = 0;
	for (size_t i = 0; i < n; i++)
		if (hits[i].name && strcasecmp(hits[i].name, text) == 0) {
			exact = i;
			count++;
		}
	if (n == 1 || count == 1) {
		*out = hits[n == 1 ? 0 : exact].person_id;
		return R_OK;
	}
	struct buf list;
	buf_init(&list, 1024);
	for (size_t i = 0; i < n && i < PERSON_NAME_HITS - 1; i++)
		buf_printf(&list, "%s%s (id %lld)", i ? ", " : "",
			   hits[i].name ? hits[i].name : "?",
			   (long long)hits[i].person_id);
	error_set(bad, R_INVALID, "other",
		  "other: \"%.80s\" matches several people (%.700s%s); give "
		  "the id of the one you mean",
		  text, buf_str(&list), n >= PERSON_NAME_HITS ? ", …" : "");
	buf_free(&list);
	return R_INVALID;
}

/* Handles POST /people/{id}/relationships: type "7" reads from this
 * person's side, "-7" from the other's. */
enum result page_person_rel(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = person_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct relationship rel = {0};
	struct error bad = {0};
	int64_t other = 0;
	const char *type = page_form_get(&f, "type");
	bool inverse = type && type[0] == '-';
	if (!type || !person_digits(type + inverse))
		res = error_set(&bad, R_INVALID, "type",
				"type: choose a relationship from the list");
	else
		rel.type_id = strtoll(type + inverse, NULL, 10);
	if (res == R_OK)
		res = person_find_other(
		    r, page_form_text(r->arena, &f, "other"), &other, &bad);
	rel.from_id = inverse ? other : id;
	rel.to_id = inverse ? id : other;
	rel.notes = page_form_text(r->arena, &f, "notes");
	if (res == R_OK && other == id)
		res = error_set(&bad, R_INVALID, "other",
				"other: is this person; choose someone else");
	if (res == R_OK)
		res = validate_relationship(&rel, &bad);
	if (res == R_OK)
		res = store_relationship_create(r->store, &rel, &bad);
	/* The store names from_id, to_id or type_id: say it beside the
	 * form's fields. */
	if (res != R_OK && (strcmp(bad.field, "from_id") == 0 ||
			    strcmp(bad.field, "to_id") == 0))
		snprintf(bad.field, sizeof(bad.field), "other");
	else if (res != R_OK && strncmp(bad.field, "type", 4) == 0)
		snprintf(bad.field, sizeof(bad.field), "type");
	return person_after(r, id, res, PERSON_FORM_REL, 0, &f, &bad, "rels-h",
			    err);
}

/* Handles POST /people/{id}/relationships/{rid}/delete. */
enum result page_person_rel_delete(struct req *r, struct error *err)
{
	int64_t id, rid;
	struct page_form f;
	struct relationship rel;
	enum result res = person_begin(r, &id, &f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &rid, err);
	if (res == R_OK)
		res =
		    store_relationship_get(r->store, r->arena, rid, &rel, err);
	if (res == R_OK && rel.from_id != id && rel.to_id != id)
		res = person_not_theirs(err, "relationship", rid);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_relationship_delete(r->store, rid, &bad);
	return person_after(r, id, res, PERSON_FORM_REL_DELETE, rid, &f, &bad,
			    "rels-h", err);
}
