/*
 * codec.h: JSON encoders and strict decoders of the core types (codec
 * layer, between store and web/cli).
 *
 * The JSON API and the command line's --json output both write records
 * through the encoders here, so a person looks the same wherever it comes
 * from. Field names are snake_case and match model.h; calendar dates are
 * "YYYY-MM-DD", timestamps RFC 3339 in UTC, and "none" (an id of 0, a
 * missing date, an unset cadence, a NULL string) is JSON null.
 *
 * The decoders are the boundary for untrusted JSON: they reject unknown
 * fields, wrong types, read-only fields, strings longer than the field
 * allows (checked before anything is copied), bad dates and bad enum
 * names, each time with the field named in err->field and a sentence in
 * err->message. They check shape and syntax only; the rules of the domain
 * (a name is required, a cadence is in range) are core's validate_*().
 */
#ifndef RAPPORT_CODEC_CODEC_H
#define RAPPORT_CODEC_CODEC_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/model.h"
#include "core/today.h"
#include "store/store.h"
#include "util/result.h"

struct arena;

/* ---- encoders: each returns a new reference (the caller json_decref()s
 * it); inputs are borrowed. They never fail short of running out of
 * memory, which aborts inside jansson's allocator. ---- */

json_t *codec_person(const struct person *p);
json_t *codec_contact(const struct contact *c);
json_t *codec_org(const struct organization *o);
json_t *codec_fact(const struct fact *f);
json_t *codec_date(const struct important_date *d);
json_t *codec_interaction(const struct interaction *i);
json_t *codec_reltype(const struct relationship_type *t);
/* A relationship as stored: "from_id is <label> to_id". */
json_t *codec_relationship(const struct relationship *r);
/*
 * A relationship seen from person_id's side: "other_id"/"other_name" is
 * the other person and "label" what person_id is to them ("manager of"),
 * "other_label" what they are to person_id ("reports to").
 */
json_t *codec_relationship_from(const struct relationship *r,
				int64_t person_id);
json_t *codec_tag(const struct tag *t);
json_t *codec_search_hit(const struct search_hit *h);
/* The daily list: {"date", "due": [...], "dates": [...], "followups": [...]}. */
json_t *codec_today(const struct today *t);

struct buf;
/*
 * Writes j as compact JSON text into out (emptied first): the text of
 * json_dumpb(j, JSON_COMPACT), several times faster (json_write.c).
 * False when out's maximum is reached or j nests too deep; out's text is
 * then not to be used.
 */
bool codec_write(const json_t *j, struct buf *out);
/*
 * Writes the text of codec_person(p) into out (emptied first), without
 * building the jansson value. False when out's maximum is reached or a
 * text is not valid UTF-8 (codec_person repairs it; use that instead).
 */
bool codec_write_person(const struct person *p, struct buf *out);

/* Writes secs as an RFC 3339 string, or null when secs is 0. New ref. */
json_t *codec_time(int64_t secs);
/* Writes a day count as "YYYY-MM-DD", or null when has is false. New ref. */
json_t *codec_day(bool has, int64_t days);

/* ---- decoders ----
 *
 * Each reads the JSON object j into *inout, changing only the fields j
 * names, so a PATCH reads the record, decodes the body over it and
 * validates the result. A JSON null clears an optional field (NULL
 * string, id 0, no date, cadence 0). Strings are copied into arena. With
 * partial false (a create), fields the record cannot do without must be
 * present. Returns R_OK, or R_INVALID with err naming the field and the
 * rule it breaks; *inout may be partly changed then, so callers throw it
 * away.
 */
enum result codec_person_from_json(const json_t *j, struct arena *a,
				   struct person *inout, bool partial,
				   struct error *err);
enum result codec_org_from_json(const json_t *j, struct arena *a,
				struct organization *inout, bool partial,
				struct error *err);
/* person_id comes from the URL and is not a field of the body. */
enum result codec_fact_from_json(const json_t *j, struct arena *a,
				 struct fact *inout, bool partial,
				 struct error *err);
/* year null means unknown (0); person_id comes from the URL. */
enum result codec_date_from_json(const json_t *j, struct arena *a,
				 struct important_date *inout, bool partial,
				 struct error *err);
enum result codec_interaction_from_json(const json_t *j, struct arena *a,
					struct interaction *inout,
					bool partial, struct error *err);
/* Reads name, label and inverse_label; a missing inverse_label stays NULL
 * (the caller treats the type as symmetric). */
enum result codec_reltype_from_json(const json_t *j, struct arena *a,
				    struct relationship_type *inout,
				    bool partial, struct error *err);
/*
 * Reads type_id or type (a type's name, left in inout->type_name for the
 * caller to resolve), from_id, to_id and notes.
 */
enum result codec_relationship_from_json(const json_t *j, struct arena *a,
					 struct relationship *inout,
					 bool partial, struct error *err);
/* Reads cadence_days and cadence_max_days; the name comes from the URL. */
enum result codec_tag_from_json(const json_t *j, struct arena *a,
				struct tag *inout, bool partial,
				struct error *err);

#endif
