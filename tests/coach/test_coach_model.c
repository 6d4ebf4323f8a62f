/*
 * test_coach_model.c: unit tests of the coach's statistical model
 * (core/coach/coach_model.c): the features (folding, digits, negation
 * marking, word pairs), scoring with a small hand-made table, how a model
 * finding is added beside the rules (only for a label the rules missed,
 * spanning one sentence, rule_line 0), and that rules read from a file
 * carry no model.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/coach/coach.h"
#include "core/coach/coach_model.h"

#define RULES                                                                 \
	"@neg = not no never\n"                                               \
	"alias isn't = is not\n"                                              \
	"label urgency seller high\n"                                         \
	"  reason: Pressure.\n"                                               \
	"  suggest: Inform.\n"                                                \
	"label scarcity seller medium\n"                                      \
	"  reason: Short supply.\n"                                           \
	"  suggest: Facts.\n"                                                 \
	"rule urgency: sign today\n"

static struct coach_rules *rules_of(const char *text)
{
	struct coach_rules *r = NULL;
	struct error err = {0};
	if (coach_rules_parse(text, strlen(text), "test", &r, &err) != R_OK)
		fail_msg("rules do not parse: %s", err.message);
	return r;
}

static size_t feats(const struct coach_rules *r, const char *text,
		    uint32_t *out, size_t max)
{
	return coach_model_text_features(r, text, strlen(text), out, max);
}

/* Two features per word (the word and its pair with the one before);
   case, digits and possessives fold; negation changes the features. */
static void test_features(void **state)
{
	struct coach_rules *r = rules_of(RULES);
	uint32_t a[16], b[16];
	assert_int_equal(feats(r, "Only 3 left", a, 16), 6);
	assert_int_equal(feats(r, "only 12 LEFT", b, 16), 6);
	assert_memory_equal(a, b, sizeof(uint32_t) * 6);
	assert_int_equal(feats(r, "Acme's price", a, 16), 4);
	assert_int_equal(feats(r, "acme price", b, 16), 4);
	assert_memory_equal(a, b, sizeof(uint32_t) * 4);
	/* "expensive" after "not" is another feature than "expensive" */
	assert_int_equal(feats(r, "it is expensive", a, 16), 6);
	assert_int_equal(feats(r, "it isn't expensive", b, 16), 8);
	assert_int_not_equal(a[4], b[6]);
	/* a new clause ends the negation: same word feature again */
	assert_int_equal(feats(r, "not now, expensive", b, 16), 6);
	assert_int_equal(a[4], b[4]);
	/* only max are written, all are counted */
	assert_int_equal(feats(r, "one two three", a, 2), 6);
	assert_int_equal(feats(r, "", a, 16), 0);
	coach_rules_free(r);
}

/* A one-feature model: p = sigmoid(bias + weight) for the word "hurry". */
static void test_probabilities(void **state)
{
	struct coach_rules *r = rules_of(RULES);
	uint32_t f[4];
	assert_int_equal(feats(r, "hurry", f, 4), 2);
	uint32_t keys[4] = {0}, rows[4] = {0};
	keys[f[0] & 3] = f[0];
	rows[f[0] & 3] = 0;
	static const float weights[2] = {3.0f, 0.0f};
	struct coach_model_side m = {
		.labels = {"urgency", "scarcity"}, .n_labels = 2,
		.bias = {-1.0f, -2.0f}, .threshold = {0.5f, 0.5f},
		.keys = keys, .rows = rows, .mask = 3, .weights = weights};
	double p[2];
	coach_model_probabilities(&m, f, 2, p);
	assert_true(fabs(p[0] - 1.0 / (1.0 + exp(-2.0))) < 1e-9);
	assert_true(fabs(p[1] - 1.0 / (1.0 + exp(2.0))) < 1e-9);
	coach_model_probabilities(&m, NULL, 0, p);
	assert_true(fabs(p[0] - 1.0 / (1.0 + exp(1.0))) < 1e-9);

	/* used beside the rules: the model adds urgency on the sentence with
	   "hurry" (rule_line 0), and nothing where the rules found it */
	struct coach_model model = {{m, m}};
	model.side[COACH_SIDE_BUYER].n_labels = 0;
	coach_rules_set_model(r, &model);
	const char *text = "Nice weather. Hurry up. Bye now.";
	struct coach_options opt = {COACH_ROLE_SELLER, NULL};
	struct coach_result *res = NULL;
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, NULL),
			 R_OK);
	assert_int_equal(res->n_findings, 1);
	assert_string_equal(res->findings[0].label, "urgency");
	assert_int_equal(res->findings[0].rule_line, 0);
	assert_int_equal(res->findings[0].byte_start, 14);
	assert_int_equal(res->findings[0].byte_end, 22);
	assert_string_equal(res->findings[0].reason, "Pressure.");
	coach_result_free(res);
	text = "Hurry and sign today.";
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, NULL),
			 R_OK);
	assert_int_equal(res->n_findings, 1);
	assert_int_not_equal(res->findings[0].rule_line, 0);
	coach_result_free(res);
	/* the buyer side of this model has no labels: nothing */
	opt.role = COACH_ROLE_BUYER;
	assert_int_equal(coach_run(r, "hurry", 5, &opt, &res, NULL), R_OK);
	assert_int_equal(res->n_findings, 0);
	coach_result_free(res);
	/* without a model, the rules alone */
	coach_rules_set_model(r, NULL);
	opt.role = COACH_ROLE_SELLER;
	assert_int_equal(coach_run(r, "hurry", 5, &opt, &res, NULL), R_OK);
	assert_int_equal(res->n_findings, 0);
	coach_result_free(res);
	coach_rules_free(r);
}

/* The built-in model matches the built-in rules' labels, side by side,
   and its thresholds are probabilities. */
static void test_builtin_model(void **state)
{
	struct coach_rules *r = NULL;
	assert_int_equal(coach_rules_builtin(&r, NULL), R_OK);
	for (int s = 0; s < 2; s++) {
		const struct coach_model_side *m = &coach_model_builtin.side[s];
		assert_true(m->n_labels > 0);
		for (uint32_t l = 0; l < m->n_labels; l++) {
			bool found = false;
			for (size_t k = 0; k < coach_rules_label_count(r); k++) {
				enum coach_side sd;
				const char *name = coach_rules_label(r, k, &sd);
				found |= (int)sd == s &&
					 strcmp(name, m->labels[l]) == 0;
			}
			assert_true(found);
			assert_true(m->threshold[l] > 0 && m->threshold[l] <= 1);
		}
	}
	coach_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_probabilities),
		cmocka_unit_test(test_builtin_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
