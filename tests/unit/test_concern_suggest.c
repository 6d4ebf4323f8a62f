/*
 * test_concern_suggest.c: unit tests of core/concern_suggest.c: the
 * sentence around a span (marks, paragraphs, transcript lines and
 * prefixes, WebVTT tags), cutting to CONCERN_SUGGEST_WORDS_MAX at spaces
 * and at character boundaries, bad UTF-8 and control characters, the
 * comparison of words, one suggestion per (category, words), the match
 * against a ledger and which deals take concerns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/concern_suggest.h"
#include "core/validate_deal.h"
#include "util/arena.h"
#include "util/utf8.h"

static const char *words_of(struct arena *a, const char *text, const char *span,
			    bool transcript, const char *speaker)
{
	const char *at = strstr(text, span);
	assert_non_null(at);
	size_t s = (size_t)(at - text);
	return concern_suggest_words(text, strlen(text), s, s + strlen(span),
				     transcript, speaker, a);
}

static void sentence_bounds(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *t = "Hi Sam. It's more than we budgeted, honestly! "
			"Ask my CFO? Version 2.5 is fine.";
	assert_string_equal(
	    words_of(a, t, "more than we budgeted", false, NULL),
	    "It's more than we budgeted, honestly!");
	assert_string_equal(words_of(a, t, "CFO", false, NULL), "Ask my CFO?");
	/* a full stop inside a number does not end the sentence */
	assert_string_equal(words_of(a, t, "fine", false, NULL),
			    "Version 2.5 is fine.");
	/* an email's wrapped line continues; a blank line ends it */
	const char *mail = "Intro line\n\nThe price is\nabove   our budget\n\n"
			   "Thanks";
	assert_string_equal(words_of(a, mail, "price", false, NULL),
			    "The price is above our budget");
	arena_free(a);
}

static void transcript_lines(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *t = "[00:00:03] Tom: It costs too much\nDana: ok\n";
	assert_string_equal(words_of(a, t, "costs too much", true, "Tom"),
			    "It costs too much");
	const char *vtt = "<v Tom>We use a competitor.</v>\n";
	assert_string_equal(words_of(a, vtt, "competitor", true, "Tom"),
			    "We use a competitor.");
	/* without the speaker's name the prefix stays (nothing to trust) */
	assert_string_equal(words_of(a, "Tom: pricey\n", "pricey", true, NULL),
			    "Tom: pricey");
	arena_free(a);
}

static void long_sentences_cut(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char t[4000];
	size_t n = 0;
	for (int i = 0; i < 300; i++) {
		memcpy(t + n, "abc ", 4);
		n += 4;
	}
	const char *mid = "TOO EXPENSIVE ";
	memcpy(t + n, mid, strlen(mid));
	n += strlen(mid);
	for (int i = 0; i < 300; i++) {
		memcpy(t + n, "\xc3\xa9t\xc3\xa9 ", 6);
		n += 6;
	}
	t[n] = '\0';
	const char *w = words_of(a, t, "TOO EXPENSIVE", false, NULL);
	size_t len = strlen(w);
	assert_true(len <= CONCERN_SUGGEST_WORDS_MAX);
	assert_true(utf8_valid(w, len));
	assert_non_null(strstr(w, "TOO EXPENSIVE"));
	assert_memory_equal(w, "\xe2\x80\xa6", 3);
	assert_memory_equal(w + len - 3, "\xe2\x80\xa6", 3);
	/* cut at spaces: no half word after the first ellipsis */
	assert_memory_equal(w + 3, "abc ", 4);
	/* a span longer than the limit keeps its start */
	char big[1200];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	w = concern_suggest_words(big, strlen(big), 10, 1100, false, NULL, a);
	assert_true(strlen(w) <= CONCERN_SUGGEST_WORDS_MAX);
	assert_true(utf8_valid(w, strlen(w)));
	arena_free(a);
}

static void bad_bytes_and_controls(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char t[] = "Too\x01pricey \xff for\tus\r\nreally";
	const char *w =
	    concern_suggest_words(t, sizeof(t) - 1, 3, 10, false, NULL, a);
	assert_string_equal(w, "Too pricey \xef\xbf\xbd for us really");
	struct concern c = {0};
	c.words = w;
	c.raised_at = 1;
	struct error err = {0};
	assert_int_equal(validate_concern(&c, 2, &err), R_OK);
	/* only white space: nothing */
	assert_string_equal(
	    concern_suggest_words("   ", 3, 0, 3, false, NULL, a), "");
	/* offsets past the end are clamped, not read */
	assert_string_equal(
	    concern_suggest_words("abc", 3, 9, 12, false, NULL, a), "abc");
	arena_free(a);
}

static void same_words(void **state)
{
	(void)state;
	assert_true(concern_suggest_same_words("Too  Dear.", " too dear. "));
	assert_true(concern_suggest_same_words("a\n b", "A B"));
	assert_false(concern_suggest_same_words("ab", "a b"));
	assert_false(concern_suggest_same_words("too dear", "too dear."));
	assert_true(concern_suggest_same_words("", "  "));
	assert_false(concern_suggest_same_words(NULL, ""));
}

/* A hand-made result: two price findings in one sentence, one approval,
   and a seller finding. */
static void distinct_suggestions(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *t = "Too dear, over budget. Ask my boss.";
	struct coach_finding f[4] = {0};
	f[0].label = "price";
	f[0].side = COACH_SIDE_BUYER;
	f[0].byte_start = 0;
	f[0].byte_end = 8;
	f[1] = f[0];
	f[1].byte_start = 10;
	f[1].byte_end = 21;
	f[2].label = "approval";
	f[2].side = COACH_SIDE_BUYER;
	f[2].byte_start = 23;
	f[2].byte_end = 34;
	f[3].label = "urgency";
	f[3].side = COACH_SIDE_SELLER;
	f[3].byte_start = 0;
	f[3].byte_end = 3;
	struct coach_result r = {0};
	r.role = COACH_ROLE_BUYER;
	r.findings = f;
	r.n_findings = 4;
	struct concern_suggestion *s;
	size_t n = concern_suggest(&r, t, strlen(t), a, &s);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].category, CONCERN_PRICE);
	assert_string_equal(s[0].words, "Too dear, over budget.");
	assert_int_equal(s[0].finding, 0);
	assert_int_equal(s[1].category, CONCERN_APPROVAL);
	assert_int_equal(s[1].finding, 2);
	r.role = COACH_ROLE_SELLER;
	assert_int_equal(concern_suggest(&r, t, strlen(t), a, &s), 0);
	assert_null(s);

	struct concern ledger[3] = {0};
	ledger[0].id = 9;
	ledger[0].category = CONCERN_PRICE;
	ledger[0].words = "too DEAR,  over budget.";
	ledger[0].status = CSTATUS_RESOLVED;
	ledger[1].id = 4;
	ledger[1].category = CONCERN_PRICE;
	ledger[1].words = "Too dear, over budget.";
	ledger[1].status = CSTATUS_DROPPED;
	ledger[2].id = 5;
	ledger[2].category = CONCERN_VALUE;
	ledger[2].words = "Ask my boss.";
	r.role = COACH_ROLE_BUYER;
	n = concern_suggest(&r, t, strlen(t), a, &s);
	concern_suggest_match(s, n, ledger, 3);
	assert_int_equal(s[0].existing_id, 4); /* the oldest */
	assert_int_equal(s[0].existing_status, CSTATUS_DROPPED);
	assert_int_equal(s[1].existing_id, 0); /* category differs */
	arena_free(a);
}

static void open_deals_only(void **state)
{
	(void)state;
	struct deal d = {0};
	struct error err = {0};
	d.id = 3;
	d.status = STATUS_OPEN;
	assert_int_equal(concern_suggest_deal_check(&d, &err), R_OK);
	enum deal_status closed[] = {STATUS_WON, STATUS_LOST, STATUS_NO_FIT,
				     STATUS_RESCINDED};
	for (size_t i = 0; i < 4; i++) {
		d.status = closed[i];
		assert_int_equal(concern_suggest_deal_check(&d, &err),
				 R_INVALID);
		assert_string_equal(err.field, "deal");
		assert_non_null(
		    strstr(err.message, deal_status_name(closed[i])));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sentence_bounds),
	    cmocka_unit_test(transcript_lines),
	    cmocka_unit_test(long_sentences_cut),
	    cmocka_unit_test(bad_bytes_and_controls),
	    cmocka_unit_test(same_words),
	    cmocka_unit_test(distinct_suggestions),
	    cmocka_unit_test(open_deals_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
