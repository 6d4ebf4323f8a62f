/*
 * fuzz_coach.c: libFuzzer target for the whole coach engine (fuzz, over
 * the core and codec layers).
 *
 * The first byte of the input chooses what the rest is: text coached as
 * seller, buyer or transcript (with or without a named seller), or a rules
 * file to parse (and, when it parses, to coach a fixed text with). Each
 * result is checked against what the API promises: spans inside the
 * input, start <= end in characters and bytes, character offsets that
 * agree with the byte offsets (for valid UTF-8; bad bytes are counted as
 * the decoder skips them), findings sorted, and a JSON
 * encoding that jansson accepts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codec/coach_json.h"
#include "core/coach/coach.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct coach_rules *fuzz_rules;

static void fuzz_coach_fail(const char *what)
{
	fprintf(stderr, "fuzz_coach: %s\n", what);
	abort();
}

static void fuzz_coach_check(const struct coach_result *r, const char *text,
			     size_t len)
{
	size_t chars = utf8_count(text, len);
	bool valid = utf8_valid(text, len);
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct coach_finding *f = &r->findings[i];
		if (f->start > f->end || f->end > chars)
			fuzz_coach_fail("character span out of the input");
		if (f->byte_start > f->byte_end || f->byte_end > len)
			fuzz_coach_fail("byte span out of the input");
		if (valid && (utf8_count(text, f->byte_start) != f->start ||
			      utf8_count(text, f->byte_end) != f->end))
			fuzz_coach_fail("byte and character offsets disagree");
		if (i && r->findings[i - 1].byte_start > f->byte_start)
			fuzz_coach_fail("findings not sorted");
		if (!f->label || !f->reason || !f->suggestion)
			fuzz_coach_fail("finding without label or texts");
	}
	json_t *j = coach_json_result(r, text, len);
	if (!j)
		fuzz_coach_fail("no JSON for a result");
	char *s = json_dumps(j, JSON_COMPACT);
	if (!s)
		fuzz_coach_fail("JSON cannot be written");
	free(s);
	json_decref(j);
}

static void fuzz_coach_text(const struct coach_rules *rules, const char *text,
			    size_t len, enum coach_role role,
			    const char *seller)
{
	struct coach_options opt = {role, seller};
	struct coach_result *r;
	struct error err = {0};
	enum result rc = coach_run(rules, text, len, &opt, &r, &err);
	if (rc != R_OK) {
		if (role != COACH_ROLE_TRANSCRIPT)
			fuzz_coach_fail("seller or buyer text refused");
		return;
	}
	fuzz_coach_check(r, text, len);
	coach_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_rules && coach_rules_builtin(&fuzz_rules, NULL) != R_OK)
		fuzz_coach_fail("the built-in rules do not parse");
	if (size == 0)
		return 0;
	/* a copy of exactly the right size, so ASan sees any over-read */
	size_t len = size - 1;
	char *text = malloc(len ? len : 1);
	memcpy(text, data + 1, len);
	switch (data[0] % 6) {
	case 0:
		fuzz_coach_text(fuzz_rules, text, len, COACH_ROLE_SELLER, NULL);
		break;
	case 1:
		fuzz_coach_text(fuzz_rules, text, len, COACH_ROLE_BUYER, NULL);
		break;
	case 2:
		fuzz_coach_text(fuzz_rules, text, len, COACH_ROLE_TRANSCRIPT,
				NULL);
		break;
	case 3:
		fuzz_coach_text(fuzz_rules, text, len, COACH_ROLE_TRANSCRIPT,
				"Dana");
		break;
	default: {
		struct coach_rules *rules;
		struct error err = {0};
		if (coach_rules_parse(text, len, "fuzz", &rules, &err) ==
		    R_OK) {
			static const char sample[] =
				"Sign today, only two left! Trust me, you "
				"need this. I need it for my quota.";
			fuzz_coach_text(rules, sample, sizeof(sample) - 1,
					COACH_ROLE_SELLER, NULL);
			coach_rules_free(rules);
		} else if (!err.message[0]) {
			fuzz_coach_fail("rules refused without a message");
		}
		break;
	}
	}
	free(text);
	return 0;
}
