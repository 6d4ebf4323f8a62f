/*
 * test_store_advisor.c: the honest advisor in the store: the offering
 * catalogue (links, unique names, paging, the ours filter), needs with
 * their limit, fits (set, replace, unknown, refs checked, the limit of
 * offerings compared, taking one off), the read for the ranking,
 * recommendations that keep the offering's name after it is deleted,
 * their counts for the measures, and deletes that cascade.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "store/store_advisor.h"
#include "store/store_deal.h"

static int64_t new_deal(struct fixture *fx, const char *owner)
{
	int64_t org = fixture_org(fx, owner);
	struct deal d = {.org_id = org,
			 .title = "Pilot",
			 .source = SOURCE_INBOUND,
			 .owner = owner};
	assert_int_equal(store_deal_create(fx->s, &d, &fx->err), R_OK);
	return d.id;
}

static int64_t new_offering(struct fixture *fx, const char *vendor,
			    const char *name, bool ours)
{
	struct offering o = {.vendor = vendor,
			     .name = name,
			     .is_ours = ours,
			     .price_model = PRICE_YEARLY};
	assert_int_equal(store_offering_create(fx->s, &o, &fx->err), R_OK);
	return o.id;
}

static int64_t new_need(struct fixture *fx, int64_t deal, const char *words,
			int weight, bool must)
{
	struct need n = {.deal_id = deal,
			 .words = words,
			 .weight = weight,
			 .must_have = must};
	assert_int_equal(store_need_create(fx->s, &n, &fx->err), R_OK);
	return n.id;
}

static void offering_catalogue(void **state)
{
	struct fixture *fx = *state;
	const char *links[] = {"https://a.example/pricing",
			       "https://a.example/docs"};
	struct offering o = {.vendor = "Acme",
			     .name = "Routes",
			     .price_minor = 480000,
			     .currency = "EUR",
			     .price_model = PRICE_YEARLY,
			     .notes = "fast",
			     .links = links,
			     .n_links = 2,
			     .is_ours = true};
	assert_int_equal(store_offering_create(fx->s, &o, &fx->err), R_OK);
	struct offering got;
	assert_int_equal(store_offering_get(fx->s, fx->a, o.id, &got, &fx->err),
			 R_OK);
	assert_string_equal(got.vendor, "Acme");
	assert_int_equal(got.price_model, PRICE_YEARLY);
	assert_int_equal(got.n_links, 2);
	assert_string_equal(got.links[1], "https://a.example/docs");
	assert_true(got.is_ours);
	/* the same vendor and name again is a conflict naming both */
	struct offering dup = {.vendor = "Acme", .name = "Routes"};
	assert_int_equal(store_offering_create(fx->s, &dup, &fx->err),
			 R_CONFLICT);
	assert_string_equal(fx->err.field, "name");
	assert_non_null(strstr(fx->err.message, "Acme already has"));
	/* update: links cleared, price model changed */
	got.n_links = 0;
	got.price_model = PRICE_QUOTE;
	assert_int_equal(store_offering_update(fx->s, &got, &fx->err), R_OK);
	assert_int_equal(store_offering_get(fx->s, fx->a, o.id, &got, &fx->err),
			 R_OK);
	assert_int_equal(got.n_links, 0);
	assert_int_equal(got.price_model, PRICE_QUOTE);
	got.id = 999;
	assert_int_equal(store_offering_update(fx->s, &got, &fx->err),
			 R_NOT_FOUND);
	/* paging and the ours filter */
	new_offering(fx, "Rival", "Maps", false);
	new_offering(fx, "Rival", "Lite", false);
	struct offering *items;
	size_t n;
	bool more;
	struct store_page page = {0, 2};
	assert_int_equal(store_offering_list(fx->s, fx->a, -1, &page, &items,
					     &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	page.after_id = items[1].id;
	assert_int_equal(store_offering_list(fx->s, fx->a, -1, &page, &items,
					     &n, &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	page = (struct store_page){0, 0};
	assert_int_equal(store_offering_list(fx->s, fx->a, 0, &page, &items, &n,
					     &more, &fx->err),
			 R_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_offering_delete(fx->s, o.id, &fx->err), R_OK);
	assert_int_equal(store_offering_delete(fx->s, o.id, &fx->err),
			 R_NOT_FOUND);
}

static void needs_and_limit(void **state)
{
	struct fixture *fx = *state;
	int64_t deal = new_deal(fx, "sam");
	int64_t id = new_need(fx, deal, "works offline", 5, true);
	struct need got;
	assert_int_equal(store_need_get(fx->s, fx->a, id, &got, &fx->err),
			 R_OK);
	assert_string_equal(got.words, "works offline");
	assert_true(got.must_have);
	got.weight = 2;
	got.must_have = false;
	assert_int_equal(store_need_update(fx->s, &got, &fx->err), R_OK);
	assert_int_equal(store_need_get(fx->s, fx->a, id, &got, &fx->err),
			 R_OK);
	assert_int_equal(got.weight, 2);
	assert_false(got.must_have);
	struct need nodeal = {.deal_id = 999, .words = "x", .weight = 1};
	assert_int_equal(store_need_create(fx->s, &nodeal, &fx->err),
			 R_NOT_FOUND);
	for (int i = 1; i < ADVISOR_NEEDS_MAX; i++)
		new_need(fx, deal, "more", 1, false);
	struct need full = {
	    .deal_id = deal, .words = "one too many", .weight = 1};
	assert_int_equal(store_need_create(fx->s, &full, &fx->err), R_CONFLICT);
	struct need *items;
	size_t n;
	assert_int_equal(
	    store_need_list(fx->s, fx->a, deal, &items, &n, &fx->err), R_OK);
	assert_int_equal(n, ADVISOR_NEEDS_MAX);
	assert_int_equal(
	    store_need_list(fx->s, fx->a, 999, &items, &n, &fx->err),
	    R_NOT_FOUND);
	assert_int_equal(store_need_delete(fx->s, id, &fx->err), R_OK);
	assert_int_equal(store_need_delete(fx->s, id, &fx->err), R_NOT_FOUND);
}

static void fits_and_read(void **state)
{
	struct fixture *fx = *state;
	int64_t deal = new_deal(fx, "sam");
	int64_t other = new_deal(fx, "lee");
	int64_t n1 = new_need(fx, deal, "offline", 5, true);
	int64_t n2 = new_need(fx, deal, "easy", 3, false);
	int64_t elsewhere = new_need(fx, other, "cheap", 2, false);
	int64_t a = new_offering(fx, "Us", "A", true);
	int64_t b = new_offering(fx, "Them", "B", false);
	new_offering(fx, "Them", "Not compared", false);
	bool created = false;
	struct fit f = {.need_id = n1,
			.offering_id = a,
			.has_score = true,
			.score = 4,
			.evidence = "trial",
			.source = "pilot"};
	assert_int_equal(store_fit_put(fx->s, deal, &f, &created, &fx->err),
			 R_OK);
	assert_true(created);
	f.score = 5;
	assert_int_equal(store_fit_put(fx->s, deal, &f, &created, &fx->err),
			 R_OK);
	assert_false(created); /* replaced */
	struct fit unknown = {.need_id = n2, .offering_id = b};
	assert_int_equal(
	    store_fit_put(fx->s, deal, &unknown, &created, &fx->err), R_OK);
	/* a need of another deal, a missing offering, a missing deal */
	struct fit bad = {.need_id = elsewhere, .offering_id = a};
	assert_int_equal(store_fit_put(fx->s, deal, &bad, &created, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "need_id");
	bad = (struct fit){.need_id = n1, .offering_id = 999};
	assert_int_equal(store_fit_put(fx->s, deal, &bad, &created, &fx->err),
			 R_INVALID);
	assert_string_equal(fx->err.field, "offering_id");
	assert_int_equal(store_fit_put(fx->s, 999, &f, &created, &fx->err),
			 R_NOT_FOUND);
	struct advisor_data d;
	assert_int_equal(store_advisor_read(fx->s, fx->a, deal, &d, &fx->err),
			 R_OK);
	assert_int_equal(d.n_needs, 2);
	assert_int_equal(d.n_offerings, 2); /* the third is not compared */
	assert_int_equal(d.offerings[0].id, a);
	assert_int_equal(d.n_fits, 2);
	assert_int_equal(d.fits[0].score, 5);
	assert_string_equal(d.fits[0].source, "pilot");
	assert_false(d.fits[1].has_score);
	/* taking B off the deal */
	assert_int_equal(store_fit_drop(fx->s, deal, b, &fx->err), R_OK);
	assert_int_equal(store_fit_drop(fx->s, deal, b, &fx->err), R_NOT_FOUND);
	/* deleting the need takes its fits; deleting the deal its needs */
	assert_int_equal(store_need_delete(fx->s, n1, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM fit"), 0);
	assert_int_equal(store_deal_delete(fx->s, deal, &fx->err), R_OK);
	assert_int_equal(fixture_int(fx, "SELECT count(*) FROM need"), 1);
	assert_int_equal(store_advisor_read(fx->s, fx->a, deal, &d, &fx->err),
			 R_NOT_FOUND);
}

static void options_limit(void **state)
{
	struct fixture *fx = *state;
	int64_t deal = new_deal(fx, "sam");
	int64_t need = new_need(fx, deal, "x", 1, false);
	bool created;
	int64_t first = 0;
	for (int i = 0; i < ADVISOR_OPTIONS_MAX; i++) {
		char name[16];
		snprintf(name, sizeof(name), "o%d", i);
		struct fit f = {.need_id = need,
				.offering_id =
				    new_offering(fx, "V", name, false)};
		if (!first)
			first = f.offering_id;
		assert_int_equal(
		    store_fit_put(fx->s, deal, &f, &created, &fx->err), R_OK);
	}
	struct fit more = {.need_id = need,
			   .offering_id =
			       new_offering(fx, "V", "extra", false)};
	assert_int_equal(store_fit_put(fx->s, deal, &more, &created, &fx->err),
			 R_CONFLICT);
	assert_string_equal(fx->err.field, "offering_id");
	/* one already compared may still be changed */
	struct fit again = {.need_id = need,
			    .offering_id = first,
			    .has_score = true,
			    .score = 3,
			    .evidence = "ok"};
	assert_int_equal(store_fit_put(fx->s, deal, &again, &created, &fx->err),
			 R_OK);
}

static void recommendations(void **state)
{
	struct fixture *fx = *state;
	int64_t deal = new_deal(fx, "sam");
	int64_t other = new_deal(fx, "lee");
	int64_t ours = new_offering(fx, "Us", "A", true);
	int64_t theirs = new_offering(fx, "Them", "B", false);
	struct recommendation r = {.deal_id = deal,
				   .offering_id = theirs,
				   .rationale = "fits their hills",
				   .ranking_json = "{\"ranking\":[]}",
				   .created_at = 1000};
	assert_int_equal(
	    store_recommendation_create(fx->s, fx->a, &r, &fx->err), R_OK);
	assert_false(r.is_ours);
	assert_string_equal(r.offering_name, "B");
	struct recommendation r2 = {.deal_id = deal,
				    .offering_id = ours,
				    .rationale = "after the trial",
				    .created_at = 2000};
	assert_int_equal(
	    store_recommendation_create(fx->s, fx->a, &r2, &fx->err), R_OK);
	struct recommendation r3 = {.deal_id = other,
				    .offering_id = theirs,
				    .rationale = "x",
				    .created_at = 3000};
	assert_int_equal(
	    store_recommendation_create(fx->s, fx->a, &r3, &fx->err), R_OK);
	struct recommendation bad = {
	    .deal_id = deal, .offering_id = 999, .rationale = "x"};
	assert_int_equal(
	    store_recommendation_create(fx->s, fx->a, &bad, &fx->err),
	    R_INVALID);
	assert_string_equal(fx->err.field, "offering_id");
	bad = (struct recommendation){
	    .deal_id = 999, .offering_id = ours, .rationale = "x"};
	assert_int_equal(
	    store_recommendation_create(fx->s, fx->a, &bad, &fx->err),
	    R_NOT_FOUND);
	/* deleting the offering keeps the record's vendor and name */
	assert_int_equal(store_offering_delete(fx->s, theirs, &fx->err), R_OK);
	struct recommendation *items;
	size_t n;
	assert_int_equal(
	    store_recommendation_list(fx->s, fx->a, deal, &items, &n, &fx->err),
	    R_OK);
	assert_int_equal(n, 2);
	assert_int_equal(items[0].id, r2.id); /* newest first */
	assert_int_equal(items[1].offering_id, 0);
	assert_string_equal(items[1].vendor, "Them");
	assert_string_equal(items[1].ranking_json, "{\"ranking\":[]}");
	/* counts over [from, to): all 3, 2 competitor; sam's: 2, 1 */
	int64_t total, comp;
	assert_int_equal(store_recommendation_counts(fx->s, 0, 5000, NULL,
						     &total, &comp, &fx->err),
			 R_OK);
	assert_int_equal(total, 3);
	assert_int_equal(comp, 2);
	assert_int_equal(store_recommendation_counts(fx->s, 0, 5000, "sam",
						     &total, &comp, &fx->err),
			 R_OK);
	assert_int_equal(total, 2);
	assert_int_equal(comp, 1);
	assert_int_equal(store_recommendation_counts(fx->s, 1000, 2000, NULL,
						     &total, &comp, &fx->err),
			 R_OK);
	assert_int_equal(total, 1);
	assert_int_equal(comp, 1);
	assert_int_equal(
	    store_recommendation_list(fx->s, fx->a, 999, &items, &n, &fx->err),
	    R_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(offering_catalogue, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(needs_and_limit, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(fits_and_read, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(options_limit, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(recommendations, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
