/*
 * test_coach.c: unit tests of the coach engine (core/coach): tokenizer
 * (folding, contractions, offsets, bad UTF-8), the rules parser and its
 * errors, the matcher (word classes, gaps, optional words, negation,
 * "unless" contexts), spans in bytes and characters, transcripts and
 * self-orientation. Small rule sets written here keep each test about one
 * thing; the built-in rules are checked to parse and to catch the
 * examples of LABELS.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/coach/coach.h"

static struct coach_rules *rules_of(const char *text)
{
	struct coach_rules *r = NULL;
	struct error err = {0};
	enum result rc = coach_rules_parse(text, strlen(text), "test", &r, &err);
	if (rc != R_OK)
		fail_msg("rules do not parse: %s", err.message);
	return r;
}

static struct coach_result *run(const struct coach_rules *r, const char *text,
				enum coach_role role)
{
	struct coach_options opt = {role, NULL};
	struct coach_result *res = NULL;
	struct error err = {0};
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, &err),
			 R_OK);
	return res;
}

/* Number of findings with label. */
static size_t count(const struct coach_result *res, const char *label)
{
	size_t n = 0;
	for (size_t i = 0; i < res->n_findings; i++)
		n += strcmp(res->findings[i].label, label) == 0;
	return n;
}

#define HEAD                                                                  \
	"@neg = not no never\n"                                               \
	"@selfref = i me my we our\n"                                         \
	"@buyerref = you your\n"                                              \
	"@soon = today tonight tomorrow\n"                                    \
	"alias don't = do not\n"                                              \
	"alias won't = will not\n"                                            \
	"alias i'm = i am\n"                                                  \
	"label urgency seller high\n"                                         \
	"  reason: Pressure.\n"                                               \
	"  suggest: Inform.\n"                                                \
	"label price buyer medium\n"                                          \
	"  reason: Cost.\n"                                                   \
	"  suggest: Answer.\n"

static void test_tokens_fold_and_contractions(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: do not wait\n");
	/* curly apostrophe and capitals fold to the rule's words */
	struct coach_result *res = run(r, "DON\xe2\x80\x99T wait.", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	/* both parts of "don't" span the whole written word */
	assert_int_equal(res->findings[0].byte_start, 0);
	assert_int_equal(res->findings[0].byte_end, 12);
	assert_int_equal(res->findings[0].start, 0);
	assert_int_equal(res->findings[0].end, 10);
	assert_int_equal(res->words, 2);
	coach_result_free(res);
	/* an unlisted n't becomes "not"; a possessive 's is dropped */
	coach_rules_free(r);
	r = rules_of(HEAD "rule urgency: must not wait\n"
			  "rule price: team budget\n");
	res = run(r, "You mustn't wait.", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	res = run(r, "The team's budget is gone.", COACH_ROLE_BUYER);
	assert_int_equal(count(res, "price"), 1);
	coach_result_free(res);
	coach_rules_free(r);
}

/* A name in the middle of a sentence is @cap, camel case included; the
   first word of a sentence and words in capitals are not. */
static void test_cap_names(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule price: @cap sells\n");
	static const struct {
		const char *text;
		size_t n;
	} cases[] = {
		{"We hear Acme sells.", 1},
		{"We hear HubSpot sells.", 1},
		{"We hear ACME sells.", 0},
		{"We hear acme sells.", 0},
		{"We hear X sells.", 0},
		{"Acme sells.", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct coach_result *res = run(r, cases[i].text,
					       COACH_ROLE_BUYER);
		if (count(res, "price") != cases[i].n)
			fail_msg("%s: %zu findings, want %zu", cases[i].text,
				 count(res, "price"), cases[i].n);
		coach_result_free(res);
	}
	coach_rules_free(r);
}

static void test_offsets_multibyte(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: sign @soon\n");
	/* "Café — sign today" : é is 2 bytes, the dash 3 */
	const char *text = "Caf\xc3\xa9 \xe2\x80\x94 sign today";
	struct coach_result *res = run(r, text, COACH_ROLE_SELLER);
	assert_int_equal(res->n_findings, 1);
	const struct coach_finding *f = &res->findings[0];
	assert_int_equal(f->byte_start, 10);
	assert_int_equal(f->byte_end, 20);
	assert_int_equal(f->start, 7);
	assert_int_equal(f->end, 17);
	assert_int_equal(res->chars, 17);
	assert_false(res->utf8_repaired);
	coach_result_free(res);
	coach_rules_free(r);
}

static void test_bad_utf8_repaired(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: sign @soon\n");
	const char text[] = "\xff\xfe sign \xc3 today \xed\xa0\x80";
	struct coach_options opt = {COACH_ROLE_SELLER, NULL};
	struct coach_result *res;
	assert_int_equal(coach_run(r, text, sizeof(text) - 1, &opt, &res, NULL),
			 R_OK);
	assert_true(res->utf8_repaired);
	/* a bad byte is no word and no break: "sign ? today" still matches,
	   and the span covers it */
	assert_int_equal(res->n_findings, 1);
	assert_int_equal(res->findings[0].byte_start, 3);
	assert_int_equal(res->findings[0].byte_end, 15);
	assert_int_equal(res->findings[0].start, 3);
	assert_int_equal(res->findings[0].end, 15);
	coach_result_free(res);
	const char text2[] = "\xff sign today";
	assert_int_equal(coach_run(r, text2, sizeof(text2) - 1, &opt, &res,
				   NULL),
			 R_OK);
	assert_int_equal(res->n_findings, 1);
	assert_int_equal(res->findings[0].start, 2);
	assert_int_equal(res->findings[0].byte_start, 2);
	coach_result_free(res);
	coach_rules_free(r);
}

static void test_matcher_gaps_optional_alternatives(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(
		HEAD "rule urgency: (offer|deal) *2 ends [at] (@soon|midnight)\n"
		     "rule price: too (expensive|pricey) !for\n");
	struct coach_result *res = run(r, "The offer really ends tonight.",
				       COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	res = run(r, "The deal ends at midnight.", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	/* the gap is at most two words */
	res = run(r, "The offer we made you last week ends tonight.",
		  COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	/* never across a sentence end */
	res = run(r, "The offer. Ends tonight.", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	/* a negative assertion on the next word */
	res = run(r, "Too pricey for us", COACH_ROLE_BUYER);
	assert_int_equal(count(res, "price"), 0);
	coach_result_free(res);
	res = run(r, "Too pricey, sorry", COACH_ROLE_BUYER);
	assert_int_equal(count(res, "price"), 1);
	coach_result_free(res);
	/* seller rules do not run on buyer text */
	res = run(r, "The offer ends tonight.", COACH_ROLE_BUYER);
	assert_int_equal(res->n_findings, 0);
	coach_result_free(res);
	coach_rules_free(r);
}

static void test_negation(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(
		HEAD "rule urgency: (rush|pressure) you\n"
		     "rule urgency noneg: do not wait\n");
	struct coach_result *res = run(r, "I won't pressure you.",
				       COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	res = run(r, "I would never rush you", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	/* negation does not reach across a clause */
	res = run(r, "No, I have to rush you", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	/* a rule carrying its own negation */
	res = run(r, "Don't wait!", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	coach_rules_free(r);
}

static void test_unless_context(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(
		HEAD "rule urgency: sign @soon\n"
		     "unless urgency: no (rush|pressure)\n"
		     "unless urgency scope=sentence: if you like\n");
	struct coach_result *res = run(r, "Sign today. No rush though.",
				       COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	res = run(r, "Sign today. Other news. More news. No rush.",
		  COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	res = run(r, "Sign today. If you like.", COACH_ROLE_SELLER);
	assert_int_equal(count(res, "urgency"), 1);
	coach_result_free(res);
	coach_rules_free(r);
}

static void expect_rules_error(const char *text, const char *needle)
{
	struct coach_rules *r = NULL;
	struct error err = {0};
	assert_int_equal(coach_rules_parse(text, strlen(text), "x.rules", &r,
					   &err),
			 R_INVALID);
	assert_null(r);
	if (!strstr(err.message, needle))
		fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void test_rules_errors(void **state)
{
	(void)state;
	expect_rules_error(HEAD "rule urgency: *2 today\n", "line 14");
	expect_rules_error(HEAD "rule nolabel: today\n", "unknown label");
	expect_rules_error(HEAD "rule urgency: (today\n", "missing ')'");
	expect_rules_error(HEAD "rule urgency: @nope\n", "unknown class");
	expect_rules_error(HEAD "rule urgency: can't\n", "apostrophe");
	expect_rules_error(HEAD "rule urgency: [maybe]\n", "must begin");
	expect_rules_error(HEAD "bogus line\n", "unknown line");
	expect_rules_error("label a seller high\n", "needs indented");
	expect_rules_error(HEAD "rule urgency: a &nomacro\n", "unknown macro");
	expect_rules_error("@x = ok\n\xff\n", "line 2");
}

static void test_builtin_rules_and_labels_md(void **state)
{
	(void)state;
	struct coach_rules *r;
	struct error err = {0};
	assert_int_equal(coach_rules_builtin(&r, &err), R_OK);
	assert_int_equal(coach_rules_label_count(r), 14);
	static const struct {
		const char *text, *label;
		enum coach_role role;
	} cases[] = {
		{"This offer expires at midnight, sign today.", "urgency",
		 COACH_ROLE_SELLER},
		{"Only two onboarding slots left this quarter, grab one "
		 "before they're gone.", "scarcity", COACH_ROLE_SELLER},
		{"Don't you care about your team's safety?", "guilt",
		 COACH_ROLE_SELLER},
		{"What credit card are you going to put this on?",
		 "assumptive", COACH_ROLE_SELLER},
		{"You don't need to think it over.", "dismissal",
		 COACH_ROLE_SELLER},
		{"You need this. Your business needs this.", "dominance",
		 COACH_ROLE_SELLER},
		{"I need to hit my number this month.", "self_orientation",
		 COACH_ROLE_SELLER},
		{"It's more than we budgeted.", "price", COACH_ROLE_BUYER},
		{"What's the ROI?", "value", COACH_ROLE_BUYER},
		{"Legal has to sign off.", "approval", COACH_ROLE_BUYER},
		{"I'd like to think it over.", "timing", COACH_ROLE_BUYER},
		{"What if it doesn't work for us?", "risk", COACH_ROLE_BUYER},
		{"We're also looking at Acme.", "competitor",
		 COACH_ROLE_BUYER},
		{"Does it integrate with our ERP?", "fit", COACH_ROLE_BUYER},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct coach_result *res = run(r, cases[i].text, cases[i].role);
		if (count(res, cases[i].label) == 0)
			fail_msg("'%s' is not %s", cases[i].text,
				 cases[i].label);
		coach_result_free(res);
	}
	static const char *clean[] = {
		"The list price changes on 1 March; I wanted you to know "
		"early so you can plan.",
		"Our next free onboarding week is in May.",
		"Would you like to go ahead?",
		"I won't pressure you, take the time you need.",
		"Based on what you told me about the night shifts, I'd "
		"suggest the mobile plan because it works offline.",
	};
	for (size_t i = 0; i < sizeof(clean) / sizeof(clean[0]); i++) {
		struct coach_result *res = run(r, clean[i], COACH_ROLE_SELLER);
		if (res->n_findings)
			fail_msg("'%s' is clean but got %s", clean[i],
				 res->findings[0].label);
		coach_result_free(res);
	}
	coach_rules_free(r);
}

static void test_transcript(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: sign @soon\n"
					      "rule price: too expensive\n");
	const char *text = "Dana: Hi Tom. Any questions? Sign today!\n"
			   "Tom: It is too expensive.\n"
			   "Tom: Really.\n"
			   "Dana: OK.\n";
	struct coach_options opt = {COACH_ROLE_TRANSCRIPT, NULL};
	struct coach_result *res;
	struct error err = {0};
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, &err),
			 R_OK);
	assert_string_equal(res->seller, "Dana");
	assert_true(res->seller_guessed);
	assert_int_equal(res->n_speakers, 2);
	assert_int_equal(res->speakers[0].words, 7);
	assert_int_equal(res->speakers[0].questions, 1);
	assert_int_equal(res->speakers[1].words, 5);
	assert_int_equal(res->speakers[1].longest_monologue, 5);
	assert_int_equal(count(res, "urgency"), 1);
	assert_int_equal(count(res, "price"), 1);
	assert_string_equal(res->findings[0].speaker, "Dana");
	/* offsets are into the whole transcript */
	assert_int_equal(res->findings[0].byte_start, 29);
	coach_result_free(res);
	/* a named seller, case-insensitive; an unknown one is an error */
	opt.seller = "tom";
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, &err),
			 R_OK);
	assert_string_equal(res->seller, "Tom");
	assert_int_equal(count(res, "urgency"), 0);
	coach_result_free(res);
	opt.seller = "Zed";
	assert_int_equal(coach_run(r, text, strlen(text), &opt, &res, &err),
			 R_INVALID);
	/* WebVTT with voice tags */
	const char *vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n"
			  "<v Dana>Sign today</v>\n\n"
			  "00:00:03.000 --> 00:00:04.000\n"
			  "<v.loud Tom>Too expensive\n";
	opt.seller = NULL;
	assert_int_equal(coach_run(r, vtt, strlen(vtt), &opt, &res, &err),
			 R_OK);
	assert_int_equal(res->n_speakers, 2);
	assert_string_equal(res->seller, "Dana");
	assert_int_equal(res->n_findings, 2);
	coach_result_free(res);
	/* no turns at all */
	assert_int_equal(coach_run(r, "just text", 9, &opt, &res, &err),
			 R_INVALID);
	coach_rules_free(r);
}

static void test_self_orientation(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: sign @soon\n");
	struct coach_result *res = run(r, "I think my team and I can help you.",
				       COACH_ROLE_SELLER);
	const struct coach_orientation *o = &res->orientation;
	assert_int_equal(o->self_refs, 3);
	assert_int_equal(o->buyer_refs, 1);
	assert_true(o->self_share > 0.74 && o->self_share < 0.76);
	assert_string_equal(o->self_words[0].word, "i");
	assert_int_equal(o->self_words[0].count, 2);
	coach_result_free(res);
	coach_rules_free(r);
}

static void test_empty_and_too_big(void **state)
{
	(void)state;
	struct coach_rules *r = rules_of(HEAD "rule urgency: sign @soon\n");
	struct coach_result *res = run(r, "", COACH_ROLE_SELLER);
	assert_int_equal(res->n_findings, 0);
	assert_int_equal(res->words, 0);
	coach_result_free(res);
	struct coach_options opt = {COACH_ROLE_SELLER, NULL};
	assert_int_equal(coach_run(r, "x", COACH_INPUT_MAX + 1, &opt, &res,
				   NULL),
			 R_TOO_BIG);
	coach_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_fold_and_contractions),
		cmocka_unit_test(test_cap_names),
		cmocka_unit_test(test_offsets_multibyte),
		cmocka_unit_test(test_bad_utf8_repaired),
		cmocka_unit_test(test_matcher_gaps_optional_alternatives),
		cmocka_unit_test(test_negation),
		cmocka_unit_test(test_unless_context),
		cmocka_unit_test(test_rules_errors),
		cmocka_unit_test(test_builtin_rules_and_labels_md),
		cmocka_unit_test(test_transcript),
		cmocka_unit_test(test_self_orientation),
		cmocka_unit_test(test_empty_and_too_big),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
