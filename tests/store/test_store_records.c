/*
 * test_store_records.c: the SQLite store's facts, important dates,
 * interactions (and last touch), relationships, tags, the daily list's
 * inputs and cascading deletes (tests of the store layer).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "store/store.h"

static int64_t last_touch(struct fixture *fx, int64_t id)
{
	struct person p;
	assert_int_equal(store_person_get(fx->s, fx->a, id, &p, &fx->err),
			 R_OK);
	return p.last_touch;
}

static void fact_crud_and_refs(void **state)
{
	struct fixture *fx = *state;
	int64_t pid = fixture_person(fx, "Ann", NULL, 0);
	int64_t iid = fixture_touch(fx, 1000, &pid, 1);
	struct fact f = {.person_id = pid,
			 .kind = FACT_PET,
			 .label = "dog",
			 .value = "Rex",
			 .has_learned_on = true,
			 .learned_on = 20000,
			 .interaction_id = iid};
	assert_int_equal(store_fact_create(fx->s, &f, &fx->err), R_OK);
	struct fact g;
	assert_int_equal(store_fact_get(fx->s, fx->a, f.id, &g, &fx->err),
			 R_OK);
	assert_int_equal(g.kind, FACT_PET);
	assert_string_equal(g.value, "Rex");
	assert_true(g.has_learned_on);
	assert_int_equal(g.learned_on, 20000);
	assert_int_equal(g.interaction_id, iid);
	g.kind = FACT_LIKE;
	g.has_learned_on = false;
	g.interaction_id = 0;
	assert_int_equal(store_fact_update(fx->s, &g, &fx->err), R_OK);
	assert_int_equal(store_fact_get(fx->s, fx->a, f.id, &g, &fx->err),
			 R_OK);
	assert_int_equal(g.kind, FACT_LIKE);
	assert_false(g.has_learned_on);
	assert_int_equal(g.interaction_id, 0);

	struct fact bad = f;
	bad.person_id = 77;
	assert_int_equal(store_fact_create(fx->s, &bad, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "person_id");
	bad.person_id = pid;
	bad.interaction_id = 88;
	assert_int_equal(store_fact_create(fx->s, &bad, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "interaction_id");
	assert_non_null(strstr(fx->err.message, "no interaction 88"));
	bad.id = 12345;
	assert_int_equal(store_fact_update(fx->s, &bad, &fx->err), R_NOT_FOUND);
	g.person_id = 99;
	assert_int_equal(store_fact_update(fx->s, &g, &fx->err), R_INVALID);

	struct fact *items;
	size_t n;
	assert_int_equal(
	    store_fact_list(fx->s, fx->a, pid, &items, &n, &fx->err), R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(
	    store_fact_list(fx->s, fx->a, 555, &items, &n, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(store_fact_delete(fx->s, f.id, &fx->err), R_OK);
	assert_int_equal(store_fact_delete(fx->s, f.id, &fx->err), R_NOT_FOUND);
	assert_int_equal(store_fact_get(fx->s, fx->a, f.id, &g, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(
	    store_fact_list(fx->s, fx->a, pid, &items, &n, &fx->err), R_OK);
	assert_int_equal(n, 0);
}

static void date_crud(void **state)
{
	struct fixture *fx = *state;
	int64_t pid = fixture_person(fx, "Ben", NULL, 0);
	struct important_date d = {.person_id = pid,
				   .kind = DATE_BIRTHDAY,
				   .month = 2,
				   .day = 29,
				   .year = 1988,
				   .remind_days = 14};
	assert_int_equal(store_date_create(fx->s, &d, &fx->err), R_OK);
	struct important_date c = {.person_id = pid,
				   .kind = DATE_CUSTOM,
				   .label = "first deal",
				   .month = 1,
				   .day = 5};
	assert_int_equal(store_date_create(fx->s, &c, &fx->err), R_OK);
	struct important_date g;
	assert_int_equal(store_date_get(fx->s, fx->a, d.id, &g, &fx->err),
			 R_OK);
	assert_int_equal(g.month, 2);
	assert_int_equal(g.day, 29);
	assert_int_equal(g.year, 1988);
	g.year = 0;
	g.remind_days = 3;
	assert_int_equal(store_date_update(fx->s, &g, &fx->err), R_OK);
	struct important_date *items;
	size_t n;
	assert_int_equal(
	    store_date_list(fx->s, fx->a, pid, &items, &n, &fx->err), R_OK);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].label, "first deal");
	assert_int_equal(items[1].year, 0);
	assert_int_equal(items[1].remind_days, 3);

	struct important_date bad = d;
	bad.person_id = 404;
	assert_int_equal(store_date_create(fx->s, &bad, &fx->err), R_INVALID);
	assert_string_equal(fx->err.field, "person_id");
	assert_int_equal(store_date_update(fx->s, &bad, &fx->err), R_INVALID);
	bad.id = 999;
	assert_int_equal(store_date_update(fx->s, &bad, &fx->err), R_NOT_FOUND);
	assert_int_equal(store_date_delete(fx->s, d.id, &fx->err), R_OK);
	assert_int_equal(store_date_delete(fx->s, d.id, &fx->err), R_NOT_FOUND);
	assert_int_equal(store_date_get(fx->s, fx->a, d.id, &g, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(
	    store_date_list(fx->s, fx->a, 404, &items, &n, &fx->err),
	    R_NOT_FOUND);
}

static void interaction_crud_and_last_touch(void **state)
{
	struct fixture *fx = *state;
	int64_t a = fixture_person(fx, "A", NULL, 0);
	int64_t b = fixture_person(fx, "B", NULL, 0);
	int64_t both[2] = {a, b};
	int64_t i1 = fixture_touch(fx, 5000, both, 2);
	assert_int_equal(last_touch(fx, a), 5000);
	assert_int_equal(last_touch(fx, b), 5000);
	fixture_touch(fx, 3000, &a, 1); /* older: no change */
	assert_int_equal(last_touch(fx, a), 5000);

	struct interaction g;
	assert_int_equal(store_interaction_get(fx->s, fx->a, i1, &g, &fx->err),
			 R_OK);
	assert_int_equal(g.n_people, 2);
	assert_int_equal(g.people[0], a);
	assert_int_equal(g.people[1], b);
	assert_string_equal(g.summary, "call");
	assert_false(g.has_follow_up);

	/* Moving it back in time and dropping b recomputes both. */
	g.occurred_at = 2000;
	g.n_people = 1;
	g.kind = INTERACTION_GIFT;
	g.has_follow_up = true;
	g.follow_up_on = 100;
	assert_int_equal(store_interaction_update(fx->s, &g, &fx->err), R_OK);
	assert_int_equal(last_touch(fx, a), 3000);
	assert_int_equal(last_touch(fx, b), 0);
	struct interaction h;
	assert_int_equal(store_interaction_get(fx->s, fx->a, i1, &h, &fx->err),
			 R_OK);
	assert_int_equal(h.kind, INTERACTION_GIFT);
	assert_true(h.has_follow_up);
	assert_int_equal(h.follow_up_on, 100);
	assert_int_equal(h.n_people, 1);

	/* Adding b back with a newer time moves b forward. */
	g.people = both;
	g.n_people = 2;
	g.occurred_at = 9000;
	assert_int_equal(store_interaction_update(fx->s, &g, &fx->err), R_OK);
	assert_int_equal(last_touch(fx, b), 9000);
	assert_int_equal(store_interaction_delete(fx->s, i1, &fx->err), R_OK);
	assert_int_equal(last_touch(fx, a), 3000);
	assert_int_equal(last_touch(fx, b), 0);
	assert_int_equal(store_interaction_delete(fx->s, i1, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_interaction_get(fx->s, fx->a, i1, &h, &fx->err),
			 R_NOT_FOUND);
	g.id = 4242;
	assert_int_equal(store_interaction_update(fx->s, &g, &fx->err),
			 R_NOT_FOUND);
}

static void interaction_bad_people(void **state)
{
	struct fixture *fx = *state;
	int64_t a = fixture_person(fx, "A", NULL, 0);
	struct interaction i = {.summary = "s", .occurred_at = 1};
	assert_int_equal(store_interaction_create(fx->s, &i, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "people");
	int64_t missing[2] = {a, 31337};
	i.people = missing;
	i.n_people = 2;
	assert_int_equal(store_interaction_create(fx->s, &i, &fx->err),
			 R_INVALID);
	assert_non_null(strstr(fx->err.message, "no person 31337"));
	int64_t twice[2] = {a, a};
	i.people = twice;
	assert_int_equal(store_interaction_create(fx->s, &i, &fx->err),
			 R_INVALID);
	assert_int_equal(last_touch(fx, a), 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM interaction"),
			 0);
}

static void interaction_timeline_pages(void **state)
{
	struct fixture *fx = *state;
	int64_t a = fixture_person(fx, "A", NULL, 0);
	int64_t b = fixture_person(fx, "B", NULL, 0);
	/* Times: two share 500 so the id breaks the tie. */
	int64_t times[6] = {100, 500, 300, 500, 200, 600};
	int64_t ids[6];
	for (int k = 0; k < 6; k++)
		ids[k] = fixture_touch(fx, times[k], &a, 1);
	fixture_touch(fx, 700, &b, 1);
	int64_t want[6] = {ids[5], ids[3], ids[1], ids[2], ids[4], ids[0]};
	struct interaction *items;
	size_t n;
	bool more;
	struct store_page page = {0, 4};
	assert_int_equal(store_interaction_list(fx->s, fx->a, a, &page, &items,
						&n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 4);
	assert_true(more);
	for (int k = 0; k < 4; k++)
		assert_int_equal(items[k].id, want[k]);
	page.after_id = items[3].id;
	assert_int_equal(store_interaction_list(fx->s, fx->a, a, &page, &items,
						&n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_false(more);
	assert_int_equal(items[0].id, want[4]);
	assert_int_equal(items[1].id, want[5]);
	assert_int_equal(items[0].n_people, 1);

	/* Without a person: everything by id. */
	page.after_id = 0;
	page.limit = 0;
	assert_int_equal(store_interaction_list(fx->s, fx->a, 0, &page, &items,
						&n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 7);
	assert_int_equal(items[0].id, ids[0]);
	page.after_id = 999;
	assert_int_equal(store_interaction_list(fx->s, fx->a, a, &page, &items,
						&n, &more, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "after_id");
	page.after_id = 0;
	assert_int_equal(store_interaction_list(fx->s, fx->a, 999, &page,
						&items, &n, &more, &fx->err),
			 R_NOT_FOUND);
}

static void reltype_rules(void **state)
{
	struct fixture *fx = *state;
	struct relationship_type *ts;
	size_t n;
	assert_int_equal(store_reltype_list(fx->s, fx->a, &ts, &n, &fx->err),
			 R_OK);
	const char *names[] = {"spouse",  "partner", "parent",
			       "child",	  "sibling", "colleague",
			       "manager", "friend",  "introduced"};
	assert_int_equal(n, 9);
	for (size_t k = 0; k < 9; k++) {
		assert_string_equal(ts[k].name, names[k]);
		assert_true(ts[k].builtin);
	}
	assert_string_equal(ts[6].inverse_label, "reports to");
	assert_string_equal(ts[2].inverse_label, "child of");

	struct relationship_type mentor = {.name = "mentor",
					   .label = "mentor of",
					   .inverse_label = "mentee of"};
	assert_int_equal(store_reltype_create(fx->s, &mentor, &fx->err), R_OK);
	assert_true(mentor.id > 0);
	struct relationship_type dup = {.name = "mentor", .label = "x"};
	assert_int_equal(store_reltype_create(fx->s, &dup, &fx->err),
			 R_CONFLICT);
	assert_string_equal(fx->err.field, "name");
	assert_int_equal(store_reltype_delete(fx->s, ts[0].id, &fx->err),
			 R_CONFLICT);
	assert_non_null(strstr(fx->err.message, "built-in"));

	int64_t a = fixture_person(fx, "A", NULL, 0);
	int64_t b = fixture_person(fx, "B", NULL, 0);
	struct relationship r = {
	    .type_id = mentor.id, .from_id = a, .to_id = b};
	assert_int_equal(store_relationship_create(fx->s, &r, &fx->err), R_OK);
	assert_int_equal(store_reltype_delete(fx->s, mentor.id, &fx->err),
			 R_CONFLICT);
	assert_non_null(strstr(fx->err.message, "used by 1"));
	assert_int_equal(store_relationship_delete(fx->s, r.id, &fx->err),
			 R_OK);
	assert_int_equal(store_reltype_delete(fx->s, mentor.id, &fx->err),
			 R_OK);
	assert_int_equal(store_reltype_delete(fx->s, mentor.id, &fx->err),
			 R_NOT_FOUND);
}

static void relationship_crud_and_refs(void **state)
{
	struct fixture *fx = *state;
	int64_t ana = fixture_person(fx, "Ana", "Diaz", 0);
	int64_t ben = fixture_person(fx, "Ben", NULL, 0);
	int64_t cy = fixture_person(fx, "Cy", NULL, 0);
	struct relationship_type *ts;
	size_t nt;
	assert_int_equal(store_reltype_list(fx->s, fx->a, &ts, &nt, &fx->err),
			 R_OK);
	int64_t manager = ts[6].id;
	struct relationship r = {.type_id = manager,
				 .from_id = ana,
				 .to_id = ben,
				 .notes = "since 2020"};
	assert_int_equal(store_relationship_create(fx->s, &r, &fx->err), R_OK);
	struct relationship r2 = {
	    .type_id = ts[7].id, .from_id = cy, .to_id = ana};
	assert_int_equal(store_relationship_create(fx->s, &r2, &fx->err), R_OK);
	struct relationship g;
	assert_int_equal(
	    store_relationship_get(fx->s, fx->a, r.id, &g, &fx->err), R_OK);
	assert_string_equal(g.type_name, "manager");
	assert_string_equal(g.label, "manager of");
	assert_string_equal(g.inverse_label, "reports to");
	assert_string_equal(g.from_name, "Ana Diaz");
	assert_string_equal(g.to_name, "Ben");
	assert_string_equal(g.notes, "since 2020");
	struct relationship *items;
	size_t n;
	assert_int_equal(
	    store_relationship_list(fx->s, fx->a, ana, &items, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 2);
	assert_int_equal(
	    store_relationship_list(fx->s, fx->a, ben, &items, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 1);
	assert_int_equal(
	    store_relationship_list(fx->s, fx->a, 999, &items, &n, &fx->err),
	    R_NOT_FOUND);

	struct relationship bad = r;
	assert_int_equal(store_relationship_create(fx->s, &bad, &fx->err),
			 R_CONFLICT);
	bad.type_id = 999;
	assert_int_equal(store_relationship_create(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "type_id");
	bad.type_id = manager;
	bad.from_id = 998;
	assert_int_equal(store_relationship_create(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "from_id");
	bad.from_id = ana;
	bad.to_id = 997;
	assert_int_equal(store_relationship_create(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "to_id");
	bad.to_id = ana;
	assert_int_equal(store_relationship_create(fx->s, &bad, &fx->err),
			 R_INVALID);
	assert_int_equal(store_relationship_delete(fx->s, r.id, &fx->err),
			 R_OK);
	assert_int_equal(store_relationship_delete(fx->s, r.id, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(
	    store_relationship_get(fx->s, fx->a, r.id, &g, &fx->err),
	    R_NOT_FOUND);
}

static void tags_put_and_list(void **state)
{
	struct fixture *fx = *state;
	struct tag t = {
	    .name = "vip", .cadence_days = 14, .cadence_max_days = 21};
	assert_int_equal(store_tag_put(fx->s, &t, &fx->err), R_OK);
	const char *tags[] = {"vip", "golf"};
	struct person p = {.given_name = "T", .tags = tags, .n_tags = 2};
	assert_int_equal(store_person_create(fx->s, &p, &fx->err), R_OK);
	t.cadence_days = 7;
	t.cadence_max_days = 0;
	assert_int_equal(store_tag_put(fx->s, &t, &fx->err), R_OK);
	struct tag *items;
	size_t n;
	assert_int_equal(store_tag_list(fx->s, fx->a, &items, &n, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].name, "golf");
	assert_int_equal(items[0].cadence_days, 0);
	assert_int_equal(items[0].people, 1);
	assert_string_equal(items[1].name, "vip");
	assert_int_equal(items[1].cadence_days, 7);
	assert_int_equal(items[1].cadence_max_days, 0);
	struct tag empty = {.name = ""};
	assert_int_equal(store_tag_put(fx->s, &empty, &fx->err), R_INVALID);
}

static void today_inputs(void **state)
{
	struct fixture *fx = *state;
	struct tag monthly = {.name = "monthly", .cadence_days = 30};
	struct tag weekly = {
	    .name = "weekly", .cadence_days = 7, .cadence_max_days = 10};
	assert_int_equal(store_tag_put(fx->s, &monthly, &fx->err), R_OK);
	assert_int_equal(store_tag_put(fx->s, &weekly, &fx->err), R_OK);
	const char *two[] = {"monthly", "weekly", "plain"};
	const char *plain[] = {"plain"};
	struct person own = {.given_name = "Own",
			     .family_name = "Cad",
			     .cadence_days = 20,
			     .cadence_max_days = 25};
	struct person tagged = {
	    .given_name = "Tagged", .tags = two, .n_tags = 3};
	struct person none = {.given_name = "None", .tags = plain, .n_tags = 1};
	assert_int_equal(store_person_create(fx->s, &own, &fx->err), R_OK);
	assert_int_equal(store_person_create(fx->s, &none, &fx->err), R_OK);
	assert_int_equal(store_person_create(fx->s, &tagged, &fx->err), R_OK);
	fixture_touch(fx, 777, &tagged.id, 1);

	struct important_date d = {.person_id = own.id,
				   .kind = DATE_BIRTHDAY,
				   .month = 3,
				   .day = 4,
				   .remind_days = 14};
	assert_int_equal(store_date_create(fx->s, &d, &fx->err), R_OK);

	int64_t pair[2] = {none.id, own.id};
	struct interaction f = {.summary = "send deck",
				.occurred_at = 10,
				.people = pair,
				.n_people = 2,
				.has_follow_up = true,
				.follow_up_on = 50};
	assert_int_equal(store_interaction_create(fx->s, &f, &fx->err), R_OK);
	struct interaction late = f;
	late.summary = "later";
	late.follow_up_on = 90;
	assert_int_equal(store_interaction_create(fx->s, &late, &fx->err),
			 R_OK);
	struct interaction done = f;
	done.summary = "done";
	done.follow_up_done = true;
	assert_int_equal(store_interaction_create(fx->s, &done, &fx->err),
			 R_OK);

	struct cadence_row *people;
	struct date_row *dates;
	struct followup_row *fus;
	size_t np, nd, nf;
	assert_int_equal(store_today_inputs(fx->s, fx->a, 60, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	assert_int_equal(np, 2);
	assert_int_equal(people[0].person_id, own.id);
	assert_string_equal(people[0].name, "Own Cad");
	assert_int_equal(people[0].own_days, 20);
	assert_int_equal(people[0].own_max_days, 25);
	assert_null(people[0].tag);
	assert_int_equal(people[0].last_touch, 10);
	assert_int_equal(people[1].person_id, tagged.id);
	assert_int_equal(people[1].own_days, 0);
	assert_int_equal(people[1].tag_days, 7);
	assert_int_equal(people[1].tag_max_days, 10);
	assert_string_equal(people[1].tag, "weekly");
	assert_int_equal(people[1].last_touch, 777);
	assert_true(people[1].created_at > 0);
	assert_int_equal(nd, 1);
	assert_int_equal(dates[0].date.month, 3);
	assert_string_equal(dates[0].person_name, "Own Cad");
	assert_int_equal(nf, 1);
	assert_string_equal(fus[0].summary, "send deck");
	assert_int_equal(fus[0].follow_up_on, 50);
	assert_int_equal(fus[0].person_id, none.id);
	assert_string_equal(fus[0].person_name, "None");

	/* A tag's cadence changed later: its people follow. */
	weekly.cadence_days = 0;
	assert_int_equal(store_tag_put(fx->s, &weekly, &fx->err), R_OK);
	assert_int_equal(store_today_inputs(fx->s, fx->a, 60, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	assert_int_equal(np, 2);
	assert_string_equal(people[1].tag, "monthly");
	assert_int_equal(people[1].tag_days, 30);
	assert_int_equal(people[1].tag_max_days, 0);
	/* A tag given a cadence makes its people appear. */
	struct tag pl = {.name = "plain", .cadence_days = 90};
	assert_int_equal(store_tag_put(fx->s, &pl, &fx->err), R_OK);
	assert_int_equal(store_today_inputs(fx->s, fx->a, 60, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	assert_int_equal(np, 3);
	assert_int_equal(people[1].person_id, none.id);
	assert_string_equal(people[1].tag, "plain");
	/* Tags removed from a person: nothing to inherit. */
	pl.cadence_days = 0;
	assert_int_equal(store_tag_put(fx->s, &pl, &fx->err), R_OK);
	struct person tp;
	assert_int_equal(
	    store_person_get(fx->s, fx->a, tagged.id, &tp, &fx->err), R_OK);
	tp.n_tags = 0;
	assert_int_equal(store_person_update(fx->s, &tp, &fx->err), R_OK);
	assert_int_equal(store_today_inputs(fx->s, fx->a, 60, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	assert_int_equal(np, 1);
	assert_int_equal(people[0].person_id, own.id);

	/* The first person gone, the follow-up falls to the next one. */
	assert_int_equal(store_person_delete(fx->s, none.id, &fx->err), R_OK);
	assert_int_equal(store_today_inputs(fx->s, fx->a, 100, &people, &np,
					    &dates, &nd, &fus, &nf, &fx->err),
			 R_OK);
	assert_int_equal(nf, 2);
	assert_int_equal(fus[0].person_id, own.id);
}

static void person_delete_cascades(void **state)
{
	struct fixture *fx = *state;
	int64_t gone = fixture_person(fx, "Gone", NULL, 0);
	int64_t stay = fixture_person(fx, "Stay", NULL, 0);
	struct person kid = {.given_name = "Kid", .referred_by = gone};
	assert_int_equal(store_person_create(fx->s, &kid, &fx->err), R_OK);
	const char *tags[] = {"t"};
	struct contact c = {0, CONTACT_PHONE, NULL, "1"};
	struct person g;
	assert_int_equal(store_person_get(fx->s, fx->a, gone, &g, &fx->err),
			 R_OK);
	g.tags = tags;
	g.n_tags = 1;
	g.contacts = &c;
	g.n_contacts = 1;
	assert_int_equal(store_person_update(fx->s, &g, &fx->err), R_OK);
	int64_t alone = fixture_touch(fx, 10, &gone, 1);
	int64_t pair[2] = {gone, stay};
	int64_t shared = fixture_touch(fx, 20, pair, 2);
	struct fact f = {.person_id = gone, .label = "x", .value = "y"};
	assert_int_equal(store_fact_create(fx->s, &f, &fx->err), R_OK);
	struct fact sf = {.person_id = stay,
			  .label = "met",
			  .value = "lunch",
			  .interaction_id = alone};
	assert_int_equal(store_fact_create(fx->s, &sf, &fx->err), R_OK);
	struct important_date d = {.person_id = gone, .month = 1, .day = 1};
	assert_int_equal(store_date_create(fx->s, &d, &fx->err), R_OK);
	struct relationship r = {.type_id = 1, .from_id = stay, .to_id = gone};
	assert_int_equal(store_relationship_create(fx->s, &r, &fx->err), R_OK);

	assert_int_equal(store_person_delete(fx->s, gone, &fx->err), R_OK);
	struct interaction i;
	assert_int_equal(
	    store_interaction_get(fx->s, fx->a, alone, &i, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(
	    store_interaction_get(fx->s, fx->a, shared, &i, &fx->err), R_OK);
	assert_int_equal(i.n_people, 1);
	assert_int_equal(i.people[0], stay);
	assert_int_equal(store_fact_get(fx->s, fx->a, f.id, &f, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(store_fact_get(fx->s, fx->a, sf.id, &sf, &fx->err),
			 R_OK);
	assert_int_equal(sf.interaction_id, 0);
	assert_int_equal(store_date_get(fx->s, fx->a, d.id, &d, &fx->err),
			 R_NOT_FOUND);
	assert_int_equal(
	    store_relationship_get(fx->s, fx->a, r.id, &r, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(store_person_get(fx->s, fx->a, kid.id, &g, &fx->err),
			 R_OK);
	assert_int_equal(g.referred_by, 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM contact"), 0);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM person_tag"), 0);
	assert_int_equal(last_touch(fx, stay), 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)
	    T(fact_crud_and_refs),
	    T(date_crud),
	    T(interaction_crud_and_last_touch),
	    T(interaction_bad_people),
	    T(interaction_timeline_pages),
	    T(reltype_rules),
	    T(relationship_crud_and_refs),
	    T(tags_put_and_list),
	    T(today_inputs),
	    T(person_delete_cascades),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
