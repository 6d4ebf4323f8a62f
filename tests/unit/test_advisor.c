/*
 * test_advisor.c: unit tests of the honest advisor's ranking: weighted
 * scores, must-haves as hard limits, unknowns as ranges, ties, sureness,
 * the unknowns that matter and value for money, each with the numbers
 * worked out by hand in the comments; and the validation of its records.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/advisor.h"
#include "core/validate_advisor.h"
#include "util/arena.h"
#include "util/buf.h"

#define NO (-1) /* unknown score */

/* Builds fits from a matrix of scores (rows: needs, columns: offerings). */
static size_t mk_fits(const struct need *needs, size_t nn,
		      const struct offering *offs, size_t no, const int *scores,
		      struct fit *out)
{
	size_t k = 0;
	for (size_t i = 0; i < nn; i++)
		for (size_t o = 0; o < no; o++) {
			int s = scores[i * no + o];
			if (s == NO)
				continue;
			out[k++] = (struct fit){.need_id = needs[i].id,
						.offering_id = offs[o].id,
						.has_score = true,
						.score = s,
						.evidence = "seen"};
		}
	return k;
}

static bool near(double a, double b)
{
	return a - b < 1e-9 && b - a < 1e-9;
}

/*
 * The worked example of docs/advisor.md. Needs (weight, must-have):
 *   n1 offline in the hills (5, must), n2 learnt in a day (3),
 *   n3 plans 40 stops (4), n4 exports to accounting (2); total 14.
 * Scores        A (ours)  B        C
 *   n1          4         5        2   <- C fails the must-have
 *   n2          3         4        5
 *   n3          5         4        5
 *   n4          ?         2        5
 * A: points 5*4 + 3*3 + 4*5 = 49 over known weight 12: 49/12 = 4.083;
 *    range 49/14 = 3.5 .. (49 + 5*2)/14 = 4.214.
 * B: 25 + 12 + 16 + 4 = 57 over 14 = 4.071 (all known).
 * C: 10 + 15 + 20 + 10 = 55 over 14 = 3.929, but does not fit.
 * A before B: 49 * 14 = 686 > 57 * 12 = 684.
 */
static const struct need ex_needs[] = {
    {.id = 1, .words = "offline in the hills", .weight = 5, .must_have = true},
    {.id = 2, .words = "learnt in a day", .weight = 3},
    {.id = 3, .words = "plans 40 stops", .weight = 4},
    {.id = 4, .words = "exports to accounting", .weight = 2},
};
static const struct offering ex_offs[] = {
    {.id = 10,
     .vendor = "Us",
     .name = "A",
     .is_ours = true,
     .price_minor = 480000,
     .currency = "EUR",
     .price_model = PRICE_YEARLY},
    {.id = 20,
     .vendor = "Them",
     .name = "B",
     .price_minor = 30000,
     .currency = "EUR",
     .price_model = PRICE_MONTHLY},
    {.id = 30,
     .vendor = "Others",
     .name = "C",
     .price_minor = 1500,
     .currency = "EUR",
     .price_model = PRICE_PER_USER_MONTHLY},
};
static const int ex_scores[] = {
    4,	5, 2, /* n1 */
    3,	4, 5, /* n2 */
    5,	4, 5, /* n3 */
    NO, 2, 5, /* n4 */
};

static void example(struct arena *a, struct advisor_input *in, struct fit *fits,
		    struct advisor_ranking *k)
{
	memset(in, 0, sizeof(*in));
	in->needs = ex_needs;
	in->n_needs = 4;
	in->offerings = ex_offs;
	in->n_offerings = 3;
	in->n_fits = mk_fits(ex_needs, 4, ex_offs, 3, ex_scores, fits);
	in->fits = fits;
	in->benefit_minor = 1800000; /* 18,000.00 EUR */
	in->currency = "EUR";
	advisor_rank(in, a, k);
}

static void rank_worked_example(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fit fits[12];
	struct advisor_input in;
	struct advisor_ranking k;
	example(a, &in, fits, &k);
	assert_int_equal(k.n, 3);
	const struct advisor_rank *ra = &k.ranks[0], *rb = &k.ranks[1],
				  *rc = &k.ranks[2];
	assert_int_equal(ra->offering, 0);
	assert_int_equal(rb->offering, 1);
	assert_int_equal(rc->offering, 2);
	assert_int_equal(ra->place, 1);
	assert_int_equal(rb->place, 2);
	assert_int_equal(rc->place, 3);
	assert_int_equal(ra->points, 49);
	assert_int_equal(ra->known_weight, 12);
	assert_int_equal(ra->total_weight, 14);
	assert_int_equal(ra->n_known, 3);
	assert_int_equal(ra->n_unknown, 1);
	double p = 0;
	assert_true(advisor_point(ra, &p));
	assert_true(near(p, 49.0 / 12));
	assert_true(near(advisor_min(ra), 3.5));
	assert_true(near(advisor_max(ra), 59.0 / 14));
	assert_true(advisor_point(rb, &p));
	assert_true(near(p, 57.0 / 14));
	assert_true(near(advisor_min(rb), advisor_max(rb)));
	/* C: fails n1 (2 < 3) */
	assert_false(rc->fits);
	assert_int_equal(rc->n_failed, 1);
	assert_int_equal(rc->failed[0], 0);
	assert_true(ra->fits && rb->fits);
	/* value for money: A 18,000 / 4,800 a year = 3.75, net 13,200;
	 * B 300 a month = 3,600 a year: 5.0, net 14,400; C per user */
	assert_int_equal(ra->vfm.state, VFM_OK);
	assert_int_equal(ra->vfm.yearly_cost, 480000);
	assert_int_equal(ra->vfm.net, 1320000);
	assert_true(near(ra->vfm.ratio, 3.75));
	assert_int_equal(rb->vfm.yearly_cost, 360000);
	assert_int_equal(rb->vfm.net, 1440000);
	assert_true(near(rb->vfm.ratio, 5.0));
	assert_int_equal(rc->vfm.state, VFM_PER_USER);
	arena_free(a);
}

/*
 * Sureness of the example. No weight change on n1 levels them (weight 4:
 * A 45/11 = 4.09 > B 52/13 = 4.0; lower weights favour A more). A's n1
 * score 4 -> 3 does: A 44/12 = 3.67 < B 4.07, one step, the smallest
 * there can be, and found first (n1 is looked at first, A before B).
 */
static void rank_sureness_fragile(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fit fits[12];
	struct advisor_input in;
	struct advisor_ranking k;
	example(a, &in, fits, &k);
	assert_int_equal(k.sure.level, SURE_FRAGILE);
	assert_true(k.sure.has_change);
	assert_int_equal(k.sure.steps, 1);
	assert_false(k.sure.change.is_weight);
	assert_int_equal(k.sure.change.need, 0);
	assert_int_equal(k.sure.change.offering, 0);
	assert_int_equal(k.sure.change.from, 4);
	assert_int_equal(k.sure.change.to, 3);
	struct buf b;
	buf_init(&b, 4096);
	advisor_text_sureness(&in, &k, &b);
	assert_non_null(strstr(buf_str(&b), "Fragile: if A scored 3 instead "
					    "of 4 on \u201coffline in the "
					    "hills\u201d, B would draw level"));
	buf_free(&b);
	arena_free(a);
}

/*
 * The one unknown, A on n4, matters: at 0 A falls to 49/14 = 3.5 and B
 * is first; at 5 A is 59/14 = 4.21 and stays first.
 */
static void rank_unknowns_that_matter(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fit fits[12];
	struct advisor_input in;
	struct advisor_ranking k;
	example(a, &in, fits, &k);
	assert_int_equal(k.n_unknown_cells, 1);
	assert_int_equal(k.n_unknowns, 1);
	assert_int_equal(k.unknowns[0].need, 3);
	assert_int_equal(k.unknowns[0].offering, 0);
	assert_true(k.unknowns[0].changes_first);
	assert_int_equal(k.unknowns[0].first_if_low, 1);
	assert_int_equal(k.unknowns[0].first_if_high, 0);
	struct buf b;
	buf_init(&b, 4096);
	advisor_text_unknown(&in, &k, &k.unknowns[0], &b);
	assert_non_null(strstr(buf_str(&b), "a poor answer would put B first "
					    "instead of A"));
	buf_reset(&b);
	advisor_text_rank(&in, &k.ranks[0], &b);
	assert_non_null(strstr(buf_str(&b), "Scores 4.1 of 5 over the 3 needs "
					    "known; it could end between 3.5 "
					    "and 4.2"));
	buf_reset(&b);
	advisor_text_rank(&in, &k.ranks[2], &b);
	assert_non_null(strstr(buf_str(&b), "Does not fit: the must-have "
					    "\u201coffline in the hills\u201d "
					    "scored 2 of 5"));
	buf_reset(&b);
	advisor_text_vfm(&in, &k.ranks[1], &b);
	assert_string_equal(buf_str(&b),
			    "Expected benefit 18,000.00 EUR against a yearly "
			    "cost of 3,600.00 EUR: 5.0 times the cost (net "
			    "14,400.00 EUR).");
	buf_free(&b);
	arena_free(a);
}

/*
 * Ties and unknowns. One need of weight 2 (n1) and one of weight 3 (n2,
 * a must-have). X knows only n1 = 4: 8/2 = 4.0, must-have unknown.
 * Y has n1 = 4, n2 = 4: 20/5 = 4.0. Z knows nothing.
 * X and Y tie at 4.0 (8 * 5 = 40 = 20 * 2) and share first place; Y is
 * listed first (better known). Z has no score and comes third.
 */
static void rank_ties_and_unknown_must(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct need needs[] = {
	    {.id = 1, .words = "n1", .weight = 2},
	    {.id = 2, .words = "n2", .weight = 3, .must_have = true},
	};
	static const struct offering offs[] = {{.id = 1, .name = "X"},
					       {.id = 2, .name = "Y"},
					       {.id = 3, .name = "Z"}};
	static const int scores[] = {4, 4, NO, NO, 4, NO};
	struct fit fits[6];
	struct advisor_input in = {
	    .needs = needs, .n_needs = 2, .offerings = offs, .n_offerings = 3};
	in.n_fits = mk_fits(needs, 2, offs, 3, scores, fits);
	in.fits = fits;
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	assert_int_equal(k.ranks[0].offering, 1);
	assert_int_equal(k.ranks[1].offering, 0);
	assert_int_equal(k.ranks[2].offering, 2);
	assert_int_equal(k.ranks[0].place, 1);
	assert_int_equal(k.ranks[1].place, 1);
	assert_int_equal(k.ranks[2].place, 3);
	assert_int_equal(k.sure.level, SURE_TIED);
	assert_true(k.ranks[1].fits);
	assert_int_equal(k.ranks[1].n_must_unknown, 1);
	/* Z: nothing known, range 0 .. 5 */
	double p;
	assert_false(advisor_point(&k.ranks[2], &p));
	assert_true(near(advisor_min(&k.ranks[2]), 0));
	assert_true(near(advisor_max(&k.ranks[2]), 5));
	/* X's must-have unknown decides first place alone: at 0 X fails,
	 * at 5 X is (8 + 15)/5 = 4.6 and first alone. */
	bool found = false;
	for (size_t i = 0; i < k.n_unknowns; i++)
		if (k.unknowns[i].need == 1 && k.unknowns[i].offering == 0) {
			found = true;
			assert_true(k.unknowns[i].changes_first);
			assert_int_equal(k.unknowns[i].first_if_high, 0);
		}
	assert_true(found);
	/* the must-have unknowns come before the others */
	assert_int_equal(k.unknowns[0].need, 1);
	struct buf b;
	buf_init(&b, 4096);
	advisor_text_sureness(&in, &k, &b);
	assert_non_null(strstr(buf_str(&b), "Tied: Y and X are level"));
	buf_free(&b);
	arena_free(a);
}

/*
 * Moderate: one need (weight 3), A scores 4 and B 2. Weights change
 * nothing; A 4 -> 2 (two steps) levels them, found before B 2 -> 4.
 */
static void rank_sureness_moderate(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct need needs[] = {
	    {.id = 1, .words = "n", .weight = 3}};
	static const struct offering offs[] = {{.id = 1, .name = "A"},
					       {.id = 2, .name = "B"}};
	static const int scores[] = {4, 2};
	struct fit fits[2];
	struct advisor_input in = {
	    .needs = needs, .n_needs = 1, .offerings = offs, .n_offerings = 2};
	in.n_fits = mk_fits(needs, 1, offs, 2, scores, fits);
	in.fits = fits;
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	assert_int_equal(k.sure.level, SURE_MODERATE);
	assert_int_equal(k.sure.steps, 2);
	assert_int_equal(k.sure.change.offering, 0);
	assert_int_equal(k.sure.change.to, 2);
	assert_int_equal(k.n_unknowns, 0);
	assert_int_equal(k.n_unknown_cells, 0);
	arena_free(a);
}

/*
 * Firm with no change at all: two must-haves; A meets both with 5, B
 * fails both with 0. One change to A leaves it failing one must-have
 * against B's two; one to B leaves B failing one against A's none.
 * Weights do not move must-haves.
 */
static void rank_sureness_firm(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct need needs[] = {
	    {.id = 1, .words = "m1", .weight = 1, .must_have = true},
	    {.id = 2, .words = "m2", .weight = 1, .must_have = true}};
	static const struct offering offs[] = {{.id = 1, .name = "A"},
					       {.id = 2, .name = "B"}};
	static const int scores[] = {5, 0, 5, 0};
	struct fit fits[4];
	struct advisor_input in = {
	    .needs = needs, .n_needs = 2, .offerings = offs, .n_offerings = 2};
	in.n_fits = mk_fits(needs, 2, offs, 2, scores, fits);
	in.fits = fits;
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	assert_int_equal(k.sure.level, SURE_FIRM);
	assert_false(k.sure.has_change);
	assert_int_equal(k.ranks[1].n_failed, 2);
	struct buf b;
	buf_init(&b, 4096);
	advisor_text_sureness(&in, &k, &b);
	assert_string_equal(buf_str(&b),
			    "Firm: no change to a single weight or score would "
			    "bring B level with A.");
	buf_free(&b);
	arena_free(a);
}

/* Nothing or one thing compared; no needs; fits for others ignored. */
static void rank_edges(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct advisor_input in = {0};
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	assert_int_equal(k.n, 0);
	assert_int_equal(k.sure.level, SURE_NONE);
	static const struct offering one[] = {{.id = 5, .name = "Solo"}};
	struct fit stray = {
	    .need_id = 99, .offering_id = 5, .has_score = true, .score = 5};
	in.offerings = one;
	in.n_offerings = 1;
	in.fits = &stray;
	in.n_fits = 1;
	advisor_rank(&in, a, &k);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.ranks[0].known_weight, 0);
	assert_int_equal(k.sure.level, SURE_NONE);
	assert_true(near(advisor_max(&k.ranks[0]), 0));
	assert_int_equal(k.ranks[0].vfm.state, VFM_NO_BENEFIT);
	arena_free(a);
}

static void vfm_states(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct offering offs[] = {
	    {.id = 1, .name = "usd", .price_minor = 100, .currency = "USD"},
	    {.id = 2, .name = "free"},
	    {.id = 3, .name = "quote", .price_model = PRICE_QUOTE},
	    {.id = 4,
	     .name = "once",
	     .price_minor = 2000000,
	     .currency = "EUR",
	     .price_model = PRICE_ONE_TIME}};
	struct advisor_input in = {.offerings = offs,
				   .n_offerings = 4,
				   .benefit_minor = 1000000,
				   .currency = "EUR"};
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	enum advisor_vfm_state want[] = {VFM_OTHER_CURRENCY, VFM_NO_PRICE,
					 VFM_QUOTE, VFM_OK};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(k.ranks[i].vfm.state,
				 want[k.ranks[i].offering]);
	/* once: 10,000 against 20,000 one-time: 0.5, net -10,000 */
	for (size_t i = 0; i < 4; i++)
		if (k.ranks[i].offering == 3) {
			assert_int_equal(k.ranks[i].vfm.net, -1000000);
			assert_true(near(k.ranks[i].vfm.ratio, 0.5));
		}
	struct buf b;
	buf_init(&b, 256);
	advisor_text_money(-123405, "EUR", &b);
	assert_string_equal(buf_str(&b), "-1,234.05 EUR");
	buf_reset(&b);
	advisor_text_money(5, NULL, &b);
	assert_string_equal(buf_str(&b), "0.05");
	buf_reset(&b);
	advisor_text_money(100000000000000LL, "USD", &b);
	assert_string_equal(buf_str(&b), "1,000,000,000,000.00 USD");
	buf_free(&b);
	arena_free(a);
}

static void names(void **state)
{
	(void)state;
	enum price_model m;
	assert_true(price_model_parse("per_user_yearly", &m));
	assert_int_equal(m, PRICE_PER_USER_YEARLY);
	assert_false(price_model_parse("weekly", &m));
	assert_false(price_model_parse(NULL, &m));
	assert_string_equal(price_model_name(PRICE_QUOTE), "quote");
	assert_string_equal(advisor_sure_name(SURE_FRAGILE), "fragile");
}

static void validation(void **state)
{
	(void)state;
	struct error err = {0};
	const char *links[] = {"https://example.com/pricing", "javascript:x"};
	struct offering o = {.vendor = "V", .name = "N"};
	assert_int_equal(validate_offering(&o, &err), R_OK);
	o.price_minor = 100;
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	assert_string_equal(err.field, "currency");
	o.currency = "eur";
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	o.currency = "EUR";
	o.links = links;
	o.n_links = 1;
	assert_int_equal(validate_offering(&o, &err), R_OK);
	o.n_links = 2;
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	assert_string_equal(err.field, "links[1]");
	o.n_links = ADVISOR_LINKS_MAX + 1;
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	o.n_links = 0;
	o.price_model = PRICE_MODEL_COUNT;
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	assert_string_equal(err.field, "price_model");
	o.price_model = PRICE_YEARLY;
	o.vendor = "  ";
	assert_int_equal(validate_offering(&o, &err), R_INVALID);
	assert_string_equal(err.field, "vendor");

	struct need n = {.deal_id = 1, .words = "fast", .weight = 1};
	assert_int_equal(validate_need(&n, &err), R_OK);
	n.weight = 6;
	assert_int_equal(validate_need(&n, &err), R_INVALID);
	assert_string_equal(err.field, "weight");
	n.weight = 0;
	assert_int_equal(validate_need(&n, &err), R_INVALID);
	n.weight = 5;
	n.words = "";
	assert_int_equal(validate_need(&n, &err), R_INVALID);
	assert_string_equal(err.field, "words");

	struct fit f = {.need_id = 1, .offering_id = 2};
	assert_int_equal(validate_fit(&f, &err), R_OK); /* unknown */
	f.has_score = true;
	f.score = 5;
	assert_int_equal(validate_fit(&f, &err), R_INVALID);
	assert_string_equal(err.field, "evidence");
	assert_non_null(strstr(err.message, "required with a score"));
	f.evidence = "the trial showed it";
	assert_int_equal(validate_fit(&f, &err), R_OK);
	f.score = 6;
	assert_int_equal(validate_fit(&f, &err), R_INVALID);
	assert_string_equal(err.field, "score");
	f.score = 0;
	f.source = "line\none";
	assert_int_equal(validate_fit(&f, &err), R_INVALID);
	assert_string_equal(err.field, "source");

	struct recommendation r = {.deal_id = 1, .offering_id = 2};
	assert_int_equal(validate_recommendation(&r, &err), R_INVALID);
	assert_string_equal(err.field, "rationale");
	r.rationale = "It fits their hills";
	assert_int_equal(validate_recommendation(&r, &err), R_OK);
	r.offering_id = 0;
	assert_int_equal(validate_recommendation(&r, &err), R_INVALID);
	assert_string_equal(err.field, "offering_id");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rank_worked_example),
	    cmocka_unit_test(rank_sureness_fragile),
	    cmocka_unit_test(rank_unknowns_that_matter),
	    cmocka_unit_test(rank_ties_and_unknown_must),
	    cmocka_unit_test(rank_sureness_moderate),
	    cmocka_unit_test(rank_sureness_firm),
	    cmocka_unit_test(rank_edges),
	    cmocka_unit_test(vfm_states),
	    cmocka_unit_test(names),
	    cmocka_unit_test(validation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
