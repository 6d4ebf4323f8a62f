/*
 * validate.h: the rules every record must keep before it is stored (core
 * layer).
 *
 * One function per type. Each checks the whole record and returns R_OK,
 * or R_INVALID with err naming the first field at fault (as the JSON API
 * names it: given_name, contacts[2].value, tags[0]) and a sentence that
 * says what is wrong and how to fix it, the field's name first:
 * "given_name: is required (the person's first name)". err may be NULL.
 *
 * Text fields must be valid UTF-8 within their byte limits (model.h), with
 * no control characters; multi-line texts (notes, summaries, fact values,
 * how two people met, addresses) may hold newlines and tabs, and nothing
 * else below U+0020. Carriage returns are refused too, so callers that
 * take text from browser forms turn "\r\n" into "\n" first.
 *
 * The functions only read the records; nothing is allocated.
 */
#ifndef RAPPORT_CORE_VALIDATE_H
#define RAPPORT_CORE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "util/result.h"

/* Longest tag name, in bytes. */
#define VALIDATE_TAG_MAX 64
/* Important dates: the earliest known year, and the most days ahead. */
#define VALIDATE_YEAR_MIN 1800
#define VALIDATE_YEAR_MAX 9999
#define VALIDATE_REMIND_MAX 365

/*
 * Checks a one-line text field: NULL and "" are fine unless required; a
 * required field must hold something other than spaces. The bytes must be
 * valid UTF-8, at most max of them, with no control characters at all.
 * field names the field in the message.
 */
enum result validate_text(const char *field, const char *s, size_t max,
			  bool required, struct error *err);

/* The same for a multi-line text, which may also hold "\n" and "\t". */
enum result validate_lines(const char *field, const char *s, size_t max,
			   bool required, struct error *err);

/*
 * Checks a tag name: 1 to VALIDATE_TAG_MAX bytes of lower-case letters
 * a-z, digits, '-' and '_'.
 */
enum result validate_tag_name(const char *field, const char *name,
			      struct error *err);

/*
 * Checks a keep-in-touch cadence: each of ideal and max 0 (unset) to
 * MODEL_CADENCE_MAX_DAYS, and max at least ideal when both are set.
 * ideal_field and max_field name the two fields in the message.
 */
enum result validate_cadence(const char *ideal_field, int ideal,
			     const char *max_field, int max,
			     struct error *err);

/* One contact point; field is its name in messages ("contacts[2]"). */
enum result validate_contact(const char *field, const struct contact *c,
			     struct error *err);

/*
 * A person: given_name required; family_name, title, owner one line;
 * how_met and notes multi-line; org_id and referred_by 0 or an id, and
 * nobody referred by themselves; met_on a real day between the years
 * 1800 and 9999; the cadence as validate_cadence(); at most
 * MODEL_CONTACTS_MAX contacts and MODEL_TAGS_MAX tags, no tag twice.
 */
enum result validate_person(const struct person *p, struct error *err);

/* An organization: name required; domain a plain host name. */
enum result validate_org(const struct organization *o, struct error *err);

/* A personal fact: person_id and value required, kind in range. */
enum result validate_fact(const struct fact *f, struct error *err);

/*
 * An important date: person_id required, kind in range, month 1..12, day
 * real for the month (29 February only when the year is unknown or leap),
 * year 0 (unknown) or 1800..9999, remind_days 0..365, a label on custom
 * dates.
 */
enum result validate_date(const struct important_date *d,
			  struct error *err);

/*
 * An interaction: kind in range, summary required, 1 to
 * MODEL_PEOPLE_PER_INTERACTION_MAX people with none twice, occurred_at
 * after 1900 and no more than a day after now (seconds since the epoch,
 * passed in because core reads no clock), follow_up_on a real day.
 */
enum result validate_interaction(const struct interaction *it, int64_t now,
				 struct error *err);

/*
 * A relationship type: name required, 1..64 bytes of lower-case letters,
 * digits, spaces, '-' and '_'; label and inverse_label required.
 */
enum result validate_reltype(const struct relationship_type *t,
			     struct error *err);

/*
 * A relationship: a type (type_id, or its name in type_name for the store
 * to look up), two different people.
 */
enum result validate_relationship(const struct relationship *r,
				  struct error *err);

/* A tag and the cadence it gives: the name as validate_tag_name(). */
enum result validate_tag(const struct tag *t, struct error *err);

#endif
