/*
 * fuzz_advisor_codec.c: libFuzzer target for the honest advisor's JSON
 * request decoders and its ranking (fuzz, over the codec and core
 * layers).
 *
 * The input is a request body, parsed as the server parses bodies. When
 * it parses, it goes to every decoder of codec/advisor_json.h (an
 * offering as a create and as a patch, a need both ways, a fit, a
 * recommendation); what a decoder accepts goes through the matching
 * validate_*() and out through the encoder. An accepted fit is also
 * ranked, with a second offering and a second need around it, and the
 * whole fit reply encoded, so the ranking and its sentences see every
 * score the decoder lets through. Besides "no crash, no leak, no
 * undefined behaviour" it checks that a refusal is R_INVALID with a
 * NUL-terminated field and a non-empty message, and that an encoder
 * never returns NULL.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codec/advisor_json.h"
#include "core/deal.h"
#include "core/validate_advisor.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_adv_check(const char *type, enum result r,
			   const struct error *err)
{
	if (r == R_OK)
		return;
	if (r != R_INVALID || !memchr(err->field, 0, sizeof(err->field)) ||
	    !memchr(err->message, 0, sizeof(err->message)) ||
	    !err->message[0]) {
		fprintf(stderr, "fuzz_advisor_codec: %s: a bad refusal\n",
			type);
		abort();
	}
}

static void fuzz_adv_out(json_t *j)
{
	if (!j) {
		fprintf(stderr, "fuzz_advisor_codec: an encoder gave NULL\n");
		abort();
	}
	json_decref(j);
}

/* Ranks the fit f between two needs and two offerings. */
static void fuzz_adv_rank(const struct fit *f, struct arena *a)
{
	struct need needs[2] = {
	    {.id = f->need_id,
	     .deal_id = 1,
	     .words = "n",
	     .weight = 5,
	     .must_have = true},
	    {.id = f->need_id + 1, .deal_id = 1, .words = "m", .weight = 2}};
	struct offering offs[2] = {
	    {.id = f->offering_id, .vendor = "v", .name = "a"},
	    {.id = f->offering_id + 1,
	     .vendor = "v",
	     .name = "b",
	     .price_minor = 100,
	     .currency = "EUR"}};
	struct fit fits[2] = {*f,
			      {.need_id = f->need_id + 1,
			       .offering_id = f->offering_id + 1,
			       .has_score = true,
			       .score = 3,
			       .evidence = "e"}};
	struct advisor_input in = {.needs = needs,
				   .n_needs = 2,
				   .offerings = offs,
				   .n_offerings = 2,
				   .fits = fits,
				   .n_fits = 2,
				   .benefit_minor = 1000,
				   .currency = "EUR"};
	struct advisor_ranking k;
	advisor_rank(&in, a, &k);
	struct deal d = {.id = 1, .title = "t"};
	fuzz_adv_out(codec_advisor(&d, &in, &k));
}

static void fuzz_adv_records(const json_t *j, struct arena *a)
{
	struct error err;
	for (int partial = 0; partial < 2; partial++) {
		struct offering o = {.vendor = "V", .name = "N"};
		enum result r =
		    codec_offering_from_json(j, a, &o, partial, &err);
		fuzz_adv_check("offering", r, &err);
		if (r == R_OK && validate_offering(&o, &err) == R_OK)
			fuzz_adv_out(codec_offering(&o));
		struct need n = {.deal_id = 1, .words = "w", .weight = 3};
		r = codec_need_from_json(j, a, &n, partial, &err);
		fuzz_adv_check("need", r, &err);
		if (r == R_OK && validate_need(&n, &err) == R_OK)
			fuzz_adv_out(codec_need(&n));
	}
	struct fit f;
	enum result r = codec_fit_from_json(j, a, &f, &err);
	fuzz_adv_check("fit", r, &err);
	if (r == R_OK && validate_fit(&f, &err) == R_OK) {
		fuzz_adv_out(codec_fit(&f));
		if (f.need_id < INT64_MAX && f.offering_id < INT64_MAX)
			fuzz_adv_rank(&f, a);
	}
	struct recommendation rec;
	r = codec_recommendation_from_json(j, a, &rec, &err);
	fuzz_adv_check("recommendation", r, &err);
	rec.deal_id = 1;
	if (r == R_OK && validate_recommendation(&rec, &err) == R_OK)
		fuzz_adv_out(codec_recommendation(&rec));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *j =
	    json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (!j)
		return 0;
	struct arena *a = arena_new();
	fuzz_adv_records(j, a);
	arena_free(a);
	json_decref(j);
	return 0;
}
