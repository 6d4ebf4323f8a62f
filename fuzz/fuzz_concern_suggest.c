/*
 * fuzz_concern_suggest.c: libFuzzer target for the coach's concerns for a
 * deal's ledger (fuzz, over the core layer).
 *
 * The first byte chooses buyer text or a transcript; the next four give a
 * span (start, length) for concern_suggest_words() on its own. The rest
 * is the text. Every suggestion must be what the ledger accepts
 * (validate_concern: valid UTF-8, no control characters, not blank), at
 * most CONCERN_SUGGEST_WORDS_MAX bytes, and no two alike.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/concern_suggest.h"
#include "core/validate_deal.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct coach_rules *fuzz_rules;

static void fuzz_cs_fail(const char *what)
{
	fprintf(stderr, "fuzz_concern_suggest: %s\n", what);
	abort();
}

static void fuzz_cs_check_words(const char *w, bool may_be_empty)
{
	size_t n = strlen(w);
	if (n > CONCERN_SUGGEST_WORDS_MAX)
		fuzz_cs_fail("words too long");
	if (!n) {
		if (!may_be_empty)
			fuzz_cs_fail("an empty suggestion");
		return;
	}
	struct concern c = {0};
	c.words = w;
	c.raised_at = 1;
	struct error err = {0};
	if (validate_concern(&c, 2, &err) != R_OK)
		fuzz_cs_fail(err.message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_rules && coach_rules_builtin(&fuzz_rules, NULL) != R_OK)
		fuzz_cs_fail("the built-in rules do not parse");
	if (size < 5)
		return 0;
	bool transcript = data[0] & 1;
	size_t len = size - 5;
	size_t s = ((size_t)data[1] << 8 | data[2]) % (len + 1);
	size_t e = s + ((size_t)data[3] << 8 | data[4]);
	/* a copy of exactly the right size, so ASan sees any over-read */
	char *text = malloc(len ? len : 1);
	memcpy(text, data + 5, len);
	struct arena *a = arena_new();
	fuzz_cs_check_words(concern_suggest_words(text, len, s, e, transcript,
						  transcript ? "Tom" : NULL, a),
			    true);
	struct coach_options opt = {
	    transcript ? COACH_ROLE_TRANSCRIPT : COACH_ROLE_BUYER, NULL};
	struct coach_result *r;
	if (coach_run(fuzz_rules, text, len, &opt, &r, NULL) == R_OK) {
		struct concern_suggestion *sg;
		size_t n = concern_suggest(r, text, len, a, &sg);
		for (size_t i = 0; i < n; i++) {
			fuzz_cs_check_words(sg[i].words, false);
			if (sg[i].finding >= r->n_findings)
				fuzz_cs_fail("finding index out of range");
			for (size_t k = 0; k < i; k++)
				if (sg[k].category == sg[i].category &&
				    concern_suggest_same_words(sg[k].words,
							       sg[i].words))
					fuzz_cs_fail("two suggestions alike");
		}
		coach_result_free(r);
	}
	arena_free(a);
	free(text);
	return 0;
}
