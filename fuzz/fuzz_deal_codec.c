/*
 * fuzz_deal_codec.c: libFuzzer target for the deal side's JSON request
 * decoders (fuzz, over the codec and core layers).
 *
 * The input is a request body, parsed as the server parses bodies. When
 * it parses, it goes to every decoder of codec/deal_json.h (deals as a
 * create and as a patch, stakeholders, plan steps, concerns, stage and
 * status moves, each concern move); what a decoder accepts goes through
 * the matching validate_*() and out through the encoder. Besides "no
 * crash, no leak, no undefined behaviour" it checks that a refusal is
 * R_INVALID with a NUL-terminated field and a non-empty message, and that
 * an encoder never returns NULL.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codec/deal_json.h"
#include "core/validate_deal.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_DEAL_NOW 1767225600 /* 2026-01-01T00:00:00Z */

static void fuzz_deal_check(const char *type, enum result r,
			    const struct error *err)
{
	if (r == R_OK)
		return;
	if (r != R_INVALID || !memchr(err->field, 0, sizeof(err->field)) ||
	    !memchr(err->message, 0, sizeof(err->message)) ||
	    !err->message[0]) {
		fprintf(stderr, "fuzz_deal_codec: %s: a bad refusal\n", type);
		abort();
	}
}

static void fuzz_deal_out(json_t *j)
{
	if (!j) {
		fprintf(stderr, "fuzz_deal_codec: an encoder gave NULL\n");
		abort();
	}
	json_decref(j);
}

static void fuzz_deal_records(const json_t *j, struct arena *a)
{
	struct error err;
	for (int partial = 0; partial < 2; partial++) {
		struct deal d = {.org_id = 1, .title = "Pilot",
				 .source = SOURCE_INBOUND};
		enum result r = codec_deal_from_json(j, a, &d, partial, &err);
		fuzz_deal_check("deal", r, &err);
		if (r == R_OK && validate_deal(&d, &err) == R_OK)
			fuzz_deal_out(codec_deal(&d));
		struct stakeholder k = {.deal_id = 1, .person_id = 2};
		r = codec_stakeholder_from_json(j, a, &k, partial, &err);
		fuzz_deal_check("stakeholder", r, &err);
		if (r == R_OK && validate_stakeholder(&k, &err) == R_OK)
			fuzz_deal_out(codec_stakeholder(&k));
		struct plan_step p = {.deal_id = 1, .title = "Trial"};
		r = codec_plan_step_from_json(j, a, &p, partial, FUZZ_DEAL_NOW,
					      &err);
		fuzz_deal_check("plan step", r, &err);
		if (r == R_OK && validate_plan_step(&p, &err) == R_OK)
			fuzz_deal_out(codec_plan_step(&p));
	}
	struct concern c = {.deal_id = 1};
	enum result r = codec_concern_from_json(j, a, &c, &err);
	fuzz_deal_check("concern", r, &err);
	if (r == R_OK && validate_concern(&c, FUZZ_DEAL_NOW, &err) == R_OK)
		fuzz_deal_out(codec_concern(&c));
}

static void fuzz_deal_moves(const json_t *j, struct arena *a)
{
	struct error err;
	struct deal_stage_move sm;
	fuzz_deal_check("stage", codec_stage_move_from_json(j, a, &sm, &err),
			&err);
	struct deal_status_move st;
	fuzz_deal_check("status",
			codec_status_move_from_json(j, a, &st, &err), &err);
	for (int k = 0; k < CACTION_COUNT; k++) {
		struct concern_move m;
		fuzz_deal_check("concern move",
				codec_concern_move_from_json(
					j, a, (enum concern_action)k, &m, &err),
				&err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *j = json_loadb((const char *)data, size,
			       JSON_REJECT_DUPLICATES, &je);
	if (!j)
		return 0;
	struct arena *a = arena_new();
	fuzz_deal_records(j, a);
	fuzz_deal_moves(j, a);
	arena_free(a);
	json_decref(j);
	return 0;
}
