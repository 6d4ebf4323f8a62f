/*
 * fuzz_codec.c: libFuzzer target for the JSON request decoders (fuzz, over
 * the codec and core layers).
 *
 * The input is a request body. It is parsed as the server parses bodies
 * (json_loadb with JSON_REJECT_DUPLICATES) and, when that works, handed to
 * every codec_*_from_json() decoder twice: as a create (partial false,
 * into a zeroed record with what the URL would give) and as a patch
 * (partial true, over a valid stored record). What a decoder accepts goes
 * through the matching validate_*() and back out through the encoder.
 *
 * Besides "no crash, no leak, no undefined behaviour", the target checks
 * what the API promises:
 *  - a refusal is R_INVALID with a field and a message, both NUL-ended,
 *    and the message is valid UTF-8 (route_problem() can only put UTF-8
 *    into the problem document; anything else loses the message);
 *  - an encoder never returns NULL for a record a decoder filled;
 *  - a record that decodes and validates comes back out with every field
 *    the client sent holding the value it sent (a string is not cut, an
 *    id is not changed), modulo the documented forms: 0 and null are one,
 *    timestamps come back in UTC.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codec/codec.h"
#include "core/validate.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The request's clock: 2026-01-01T00:00:00Z, so results do not drift. */
#define FUZZ_CODEC_NOW 1767225600

static void fuzz_codec_fail(const char *type, const char *what, const char *key)
{
	fprintf(stderr, "fuzz_codec: %s: %s (%s)\n", type, what,
		key ? key : "-");
	abort();
}

/* A refusal must say which field and why, in text a client can show. */
static void fuzz_codec_refused(const char *type, enum result r,
			       const struct error *err)
{
	if (r != R_INVALID || err->code != R_INVALID)
		fuzz_codec_fail(type,
				"a decoder refused with other than "
				"R_INVALID",
				NULL);
	if (!memchr(err->field, 0, sizeof(err->field)) ||
	    !memchr(err->message, 0, sizeof(err->message)))
		fuzz_codec_fail(type, "error text is not NUL-terminated", NULL);
	if (!err->message[0])
		fuzz_codec_fail(type, "a refusal without a message", NULL);
	if (!utf8_valid(err->message, strlen(err->message)) ||
	    !utf8_valid(err->field, strlen(err->field)))
		fuzz_codec_fail(type, "error text is not valid UTF-8",
				err->message);
}

static bool fuzz_codec_listed(const char *key, const char *const *list)
{
	for (; list && *list; list++)
		if (strcmp(key, *list) == 0)
			return true;
	return false;
}

/* True when the value sent and the value written back mean the same. */
static bool fuzz_codec_same_value(const json_t *in, const json_t *out)
{
	if (json_equal((json_t *)in, (json_t *)out))
		return true;
	/* "none" is written as null: ids, cadences and years of 0. */
	return out && json_is_null(out) &&
	       (json_is_null(in) ||
		(json_is_integer(in) && json_integer_value(in) == 0));
}

/* Every key the client sent, except those in skip, comes back equal. */
static void fuzz_codec_same(const char *type, const json_t *in,
			    const json_t *out, const char *const *skip)
{
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)in, key, v)
	{
		if (fuzz_codec_listed(key, skip))
			continue;
		if (!fuzz_codec_same_value(v, json_object_get(out, key)))
			fuzz_codec_fail(type, "a field does not round-trip",
					key);
	}
}

/*
 * Encodes once more as the server would send it and releases the value;
 * in, when not NULL, is what the client sent and must come back.
 */
static void fuzz_codec_out(const char *type, const json_t *in, json_t *out,
			   const char *const *skip)
{
	if (!out)
		fuzz_codec_fail(type, "the encoder returned NULL", NULL);
	if (in)
		fuzz_codec_same(type, in, out, skip);
	char *text = json_dumps(out, JSON_COMPACT);
	if (!text)
		fuzz_codec_fail(type, "the encoded record does not dump", NULL);
	free(text);
	json_decref(out);
}

/* ---- one function per type: decode, validate, encode ---- */

static void fuzz_codec_contacts(const json_t *in, const json_t *out)
{
	const json_t *cin = json_object_get(in, "contacts");
	const json_t *cout = json_object_get(out, "contacts");
	if (!cin)
		return;
	if (json_array_size(cin) != json_array_size(cout))
		fuzz_codec_fail("person", "contacts changed in number",
				"contacts");
	static const char *const keys[] = {"kind", "label", "value"};
	for (size_t i = 0; i < json_array_size(cin); i++)
		for (size_t k = 0; k < 3; k++) {
			json_t *a =
			    json_object_get(json_array_get(cin, i), keys[k]);
			json_t *b =
			    json_object_get(json_array_get(cout, i), keys[k]);
			if (!(a ? fuzz_codec_same_value(a, b)
				: json_is_null(b)))
				fuzz_codec_fail("person",
						"a contact does not round-trip",
						keys[k]);
		}
}

static void fuzz_codec_person(const json_t *in, struct arena *a, bool partial)
{
	static const char *const skip[] = {"contacts", NULL};
	struct person p = {0};
	if (partial)
		p.given_name = "Ana";
	struct error err;
	enum result r = codec_person_from_json(in, a, &p, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("person", r, &err);
		return;
	}
	r = validate_person(&p, &err);
	if (r != R_OK)
		fuzz_codec_refused("person", r, &err);
	json_t *out = codec_person(&p);
	if (r == R_OK && out)
		fuzz_codec_contacts(in, out);
	fuzz_codec_out("person", r == R_OK ? in : NULL, out, skip);
}

static void fuzz_codec_org(const json_t *in, struct arena *a, bool partial)
{
	struct organization o = {0};
	if (partial)
		o.name = "Acme";
	struct error err;
	enum result r = codec_org_from_json(in, a, &o, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("org", r, &err);
		return;
	}
	r = validate_org(&o, &err);
	if (r != R_OK)
		fuzz_codec_refused("org", r, &err);
	fuzz_codec_out("org", r == R_OK ? in : NULL, codec_org(&o), NULL);
}

static void fuzz_codec_fact(const json_t *in, struct arena *a, bool partial)
{
	struct fact f = {.person_id = 1};
	if (partial) {
		f.kind = FACT_FOOD;
		f.value = "oat flat white";
	}
	struct error err;
	enum result r = codec_fact_from_json(in, a, &f, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("fact", r, &err);
		return;
	}
	r = validate_fact(&f, &err);
	if (r != R_OK)
		fuzz_codec_refused("fact", r, &err);
	fuzz_codec_out("fact", r == R_OK ? in : NULL, codec_fact(&f), NULL);
}

static void fuzz_codec_date(const json_t *in, struct arena *a, bool partial)
{
	struct important_date d = {.person_id = 1, .remind_days = 14};
	if (partial) {
		d.kind = DATE_BIRTHDAY;
		d.month = 3;
		d.day = 14;
	}
	struct error err;
	enum result r = codec_date_from_json(in, a, &d, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("date", r, &err);
		return;
	}
	r = validate_date(&d, &err);
	if (r != R_OK)
		fuzz_codec_refused("date", r, &err);
	fuzz_codec_out("date", r == R_OK ? in : NULL, codec_date(&d), NULL);
}

/* occurred_at may come with an offset; it must mean the same second. */
static void fuzz_codec_occurred(const json_t *in, const json_t *out)
{
	const json_t *t = json_object_get(in, "occurred_at");
	if (!t)
		return;
	int64_t a, b;
	if (!time_parse(json_string_value(t), &a) ||
	    !time_parse(json_string_value(json_object_get(out, "occurred_at")),
			&b) ||
	    a != b)
		fuzz_codec_fail("interaction", "a time does not round-trip",
				"occurred_at");
}

static void fuzz_codec_interaction(const json_t *in, struct arena *a,
				   bool partial)
{
	static const char *const skip[] = {"occurred_at", NULL};
	static int64_t people[] = {1};
	struct interaction it = {.occurred_at = FUZZ_CODEC_NOW};
	if (partial) {
		it.kind = INTERACTION_CALL;
		it.occurred_at = FUZZ_CODEC_NOW - 3600;
		it.summary = "Talked about the move to Lisbon";
		it.people = people;
		it.n_people = 1;
	}
	struct error err;
	enum result r = codec_interaction_from_json(in, a, &it, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("interaction", r, &err);
		return;
	}
	r = validate_interaction(&it, FUZZ_CODEC_NOW, &err);
	if (r != R_OK)
		fuzz_codec_refused("interaction", r, &err);
	json_t *out = codec_interaction(&it);
	if (r == R_OK && out)
		fuzz_codec_occurred(in, out);
	fuzz_codec_out("interaction", r == R_OK ? in : NULL, out, skip);
}

static void fuzz_codec_reltype(const json_t *in, struct arena *a, bool partial)
{
	struct relationship_type t = {0};
	if (partial) {
		t.name = "mentor";
		t.label = "mentor of";
		t.inverse_label = "mentee of";
	}
	struct error err;
	enum result r = codec_reltype_from_json(in, a, &t, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("reltype", r, &err);
		return;
	}
	r = validate_reltype(&t, &err);
	if (r != R_OK)
		fuzz_codec_refused("reltype", r, &err);
	fuzz_codec_out("reltype", r == R_OK ? in : NULL, codec_reltype(&t),
		       NULL);
}

static void fuzz_codec_relationship(const json_t *in, struct arena *a,
				    bool partial)
{
	struct relationship rel = {0};
	if (partial) {
		rel.type_id = 1;
		rel.from_id = 1;
		rel.to_id = 2;
	}
	struct error err;
	enum result r =
	    codec_relationship_from_json(in, a, &rel, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("relationship", r, &err);
		return;
	}
	r = validate_relationship(&rel, &err);
	if (r != R_OK)
		fuzz_codec_refused("relationship", r, &err);
	fuzz_codec_out("relationship", r == R_OK ? in : NULL,
		       codec_relationship(&rel), NULL);
	/* The same record as one person's side sees it. */
	fuzz_codec_out("relationship", NULL,
		       codec_relationship_from(&rel, rel.to_id), NULL);
}

static void fuzz_codec_tag(const json_t *in, struct arena *a, bool partial)
{
	struct tag t = {.name = "client"};
	struct error err;
	enum result r = codec_tag_from_json(in, a, &t, partial, &err);
	if (r != R_OK) {
		fuzz_codec_refused("tag", r, &err);
		return;
	}
	r = validate_tag(&t, &err);
	if (r != R_OK)
		fuzz_codec_refused("tag", r, &err);
	fuzz_codec_out("tag", r == R_OK ? in : NULL, codec_tag(&t), NULL);
}

static void (*const fuzz_codec_types[])(const json_t *, struct arena *,
					bool) = {
    fuzz_codec_person,	     fuzz_codec_org,	     fuzz_codec_fact,
    fuzz_codec_date,	     fuzz_codec_interaction, fuzz_codec_reltype,
    fuzz_codec_relationship, fuzz_codec_tag,
};

/* libFuzzer's entry: one request body through every decoder. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *j =
	    json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
	if (!j)
		return 0;
	struct arena *a = arena_new();
	for (size_t i = 0;
	     i < sizeof(fuzz_codec_types) / sizeof(fuzz_codec_types[0]); i++) {
		fuzz_codec_types[i](j, a, false);
		fuzz_codec_types[i](j, a, true);
	}
	arena_free(a);
	json_decref(j);
	return 0;
}
