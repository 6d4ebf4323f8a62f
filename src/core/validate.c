/*
 * validate.c: the rules each record must keep before it is stored (core
 * layer).
 *
 * The store and the codec trust what passes here, so the checks are
 * complete rather than clever: every text field goes through one helper
 * (UTF-8, control characters, byte limits, required and not blank), every
 * id, enum and number through a range check, and the message always names
 * the field and says what to do about it. Messages quote what the user
 * typed only once it is known to be short, valid UTF-8.
 */
#include "validate.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/date.h"
#include "util/utf8.h"

/* Longest contact value: addresses and links may be long, see the codec. */
#define VALIDATE_CONTACT_LONG (MODEL_NAME_MAX * 5)
#define VALIDATE_FIELD_MAX 64 /* the size of struct error's field */

static const char *const validate_months[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December"};

static bool validate_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static bool validate_blank(const char *s)
{
	for (; *s; s++)
		if (!validate_is_space((unsigned char)*s))
			return false;
	return true;
}

/*
 * The one text check behind validate_text() and validate_lines(); hint,
 * when not NULL, says in the "is required" message what the field is for.
 */
static enum result validate_str(const char *field, const char *s, size_t max,
				bool required, bool multiline,
				const char *hint, struct error *err)
{
	/* An optional field of only white space still goes through the
	 * checks below, so a tab cannot hide in a one-line field. */
	if (!s || !*s || (required && validate_blank(s))) {
		if (!required)
			return R_OK;
		return error_set(err, R_INVALID, field, "%s: is required%s%s%s",
				 field, hint ? " (" : "", hint ? hint : "",
				 hint ? ")" : "");
	}
	size_t n = strlen(s);
	if (n > max)
		return error_set(err, R_INVALID, field,
				 "%s: is %zu bytes long; the most is %zu "
				 "(shorten it by %zu)",
				 field, n, max, n - max);
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len;
		int32_t cp = utf8_decode(p + i, n - i, &len);
		if (cp < 0)
			return error_set(err, R_INVALID, field,
					 "%s: is not valid UTF-8 (bad byte "
					 "0x%02X at byte %zu; save the text as "
					 "UTF-8)",
					 field, p[i], i);
		if (cp == '\n' && !multiline)
			return error_set(err, R_INVALID, field,
					 "%s: must be one line (remove the "
					 "line break at byte %zu)",
					 field, i);
		if (cp == '\r')
			return error_set(err, R_INVALID, field,
					 "%s: holds a carriage return at byte "
					 "%zu (%s)",
					 field, i,
					 multiline ? "end lines with \\n alone"
						   : "remove it");
		bool allowed = multiline && (cp == '\n' || cp == '\t');
		if (!allowed && (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)))
			return error_set(err, R_INVALID, field,
					 "%s: holds the control character "
					 "U+%04X at byte %zu (remove it%s)",
					 field, (unsigned)cp, i,
					 multiline ? "; only line breaks and "
						     "tabs are allowed"
						   : "");
		i += len;
	}
	return R_OK;
}

enum result validate_text(const char *field, const char *s, size_t max,
			  bool required, struct error *err)
{
	return validate_str(field, s, max, required, false, NULL, err);
}

enum result validate_lines(const char *field, const char *s, size_t max,
			   bool required, struct error *err)
{
	return validate_str(field, s, max, required, true, NULL, err);
}

/* An id that may be 0 (none) but not negative. */
static enum result validate_opt_id(const char *field, int64_t id,
				   struct error *err)
{
	if (id >= 0)
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: %lld is not an id (ids are positive; use 0 or "
			 "leave it out for none)",
			 field, (long long)id);
}

/* An id that must be given. */
static enum result validate_req_id(const char *field, int64_t id,
				   const char *hint, struct error *err)
{
	if (id > 0)
		return R_OK;
	if (id == 0)
		return error_set(err, R_INVALID, field, "%s: is required (%s)",
				 field, hint);
	return error_set(err, R_INVALID, field,
			 "%s: %lld is not an id (ids are positive)", field,
			 (long long)id);
}

/* An enum value below count; list names the allowed values. */
static enum result validate_enum(const char *field, int v, int count,
				 const char *what, const char *list,
				 struct error *err)
{
	if (v >= 0 && v < count)
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: %d is not a kind of %s (use one of: %s)", field,
			 v, what, list);
}

/* A calendar day (day count) between 1800-01-01 and 9999-12-31. */
static enum result validate_day(const char *field, int64_t days,
				struct error *err)
{
	if (days >= date_to_days(VALIDATE_YEAR_MIN, 1, 1) &&
	    days <= date_to_days(VALIDATE_YEAR_MAX, 12, 31))
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: is out of range (use a date between %d-01-01 "
			 "and %d-12-31)",
			 field, VALIDATE_YEAR_MIN, VALIDATE_YEAR_MAX);
}

/* Says what the byte at s is, for a message: 'x', a space, 0x.. */
static void validate_describe_byte(unsigned char c, char out[32])
{
	if (c == ' ')
		snprintf(out, 32, "a space");
	else if (c > 0x20 && c < 0x7f)
		snprintf(out, 32, "'%c'", c);
	else if (c >= 0x80)
		snprintf(out, 32, "a non-ASCII character");
	else
		snprintf(out, 32, "the byte 0x%02X", c);
}

/*
 * Shared by tag and relationship type names: 1..VALIDATE_TAG_MAX bytes
 * of a-z, 0-9, '-', '_' (and spaces when spaces is true).
 */
static enum result validate_key(const char *field, const char *name,
				bool spaces, struct error *err)
{
	const char *allowed = spaces ? "lower-case letters a-z, digits, "
				       "spaces, '-' and '_'"
				     : "lower-case letters a-z, digits, '-' "
				       "and '_'";
	size_t n = name ? strlen(name) : 0;
	if (n == 0)
		return error_set(err, R_INVALID, field,
				 "%s: is required (1 to %d characters: %s)",
				 field, VALIDATE_TAG_MAX, allowed);
	if (n > VALIDATE_TAG_MAX)
		return error_set(err, R_INVALID, field,
				 "%s: is %zu bytes long; the most is %d "
				 "(shorten it)",
				 field, n, VALIDATE_TAG_MAX);
	bool only_case = true; /* would lower-casing fix it? */
	size_t bad = n;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  c == '-' || c == '_' || (spaces && c == ' ');
		if (ok)
			continue;
		if (bad == n)
			bad = i;
		if (!(c >= 'A' && c <= 'Z'))
			only_case = false;
	}
	if (bad == n)
		return R_OK;
	if (only_case) {
		char lower[VALIDATE_TAG_MAX + 1];
		for (size_t i = 0; i <= n; i++) {
			char c = name[i];
			lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a')
							  : c;
		}
		return error_set(err, R_INVALID, field,
				 "%s: must be lower case (try \"%s\"; use only "
				 "%s)",
				 field, lower, allowed);
	}
	char what[32];
	validate_describe_byte((unsigned char)name[bad], what);
	return error_set(err, R_INVALID, field,
			 "%s: may hold only %s (found %s at byte %zu)", field,
			 allowed, what, bad);
}

enum result validate_tag_name(const char *field, const char *name,
			      struct error *err)
{
	return validate_key(field, name, false, err);
}

enum result validate_cadence(const char *ideal_field, int ideal,
			     const char *max_field, int max,
			     struct error *err)
{
	if (ideal < 0 || ideal > MODEL_CADENCE_MAX_DAYS)
		return error_set(err, R_INVALID, ideal_field,
				 "%s: %d is out of range (use 1 to %d days, "
				 "or 0 for none)",
				 ideal_field, ideal, MODEL_CADENCE_MAX_DAYS);
	if (max < 0 || max > MODEL_CADENCE_MAX_DAYS)
		return error_set(err, R_INVALID, max_field,
				 "%s: %d is out of range (use 1 to %d days, "
				 "or 0 for one and a half times %s)",
				 max_field, max, MODEL_CADENCE_MAX_DAYS,
				 ideal_field);
	if (ideal > 0 && max > 0 && max < ideal)
		return error_set(err, R_INVALID, max_field,
				 "%s: %d is less than %s (%d); the longest gap "
				 "must be at least the ideal one",
				 max_field, max, ideal_field, ideal);
	return R_OK;
}

/* One '@' with something on each side and no white space. */
static bool validate_email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || at[1] == '\0' || strchr(at + 1, '@'))
		return false;
	for (; *s; s++)
		if (validate_is_space((unsigned char)*s))
			return false;
	return true;
}

/* Digits and + - ( ) . and spaces, with at least one digit. */
static bool validate_phone_ok(const char *s)
{
	bool digit = false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (!strchr("+-(). ", *s))
			return false;
	}
	return digit;
}

/*
 * No white space, and when the link names a scheme (letters then ':'
 * before any '/'), it is http or https, so that a link can never run
 * script when someone follows it.
 */
static bool validate_link_ok(const char *s)
{
	for (const char *p = s; *p; p++)
		if (validate_is_space((unsigned char)*p))
			return false;
	const char *colon = strchr(s, ':');
	const char *slash = strchr(s, '/');
	if (!colon || (slash && slash < colon))
		return true;
	size_t n = (size_t)(colon - s);
	return (n == 4 && strncasecmp(s, "http", 4) == 0) ||
	       (n == 5 && strncasecmp(s, "https", 5) == 0);
}

enum result validate_contact(const char *field, const struct contact *c,
			     struct error *err)
{
	char f[VALIDATE_FIELD_MAX];
	enum result r;
	snprintf(f, sizeof(f), "%s.kind", field);
	r = validate_enum(f, (int)c->kind, CONTACT_KIND_COUNT, "contact",
			  contact_kind_list(), err);
	if (r != R_OK)
		return r;
	snprintf(f, sizeof(f), "%s.label", field);
	r = validate_text(f, c->label, MODEL_NAME_MAX, false, err);
	if (r != R_OK)
		return r;
	snprintf(f, sizeof(f), "%s.value", field);
	bool longer = c->kind == CONTACT_ADDRESS || c->kind == CONTACT_LINK;
	r = validate_str(f, c->value,
			 longer ? VALIDATE_CONTACT_LONG : MODEL_NAME_MAX, true,
			 c->kind == CONTACT_ADDRESS,
			 "the address, number or link itself", err);
	if (r != R_OK)
		return r;
	switch (c->kind) {
	case CONTACT_EMAIL:
		if (!validate_email_ok(c->value))
			return error_set(err, R_INVALID, f,
					 "%s: is not an email address (write "
					 "it as name@example.com: one @, no "
					 "spaces)",
					 f);
		break;
	case CONTACT_PHONE:
		if (!validate_phone_ok(c->value))
			return error_set(err, R_INVALID, f,
					 "%s: is not a phone number (use "
					 "digits and + - ( ) . or spaces, "
					 "e.g. +44 20 7946 0000)",
					 f);
		break;
	case CONTACT_LINK:
		if (!validate_link_ok(c->value))
			return error_set(err, R_INVALID, f,
					 "%s: is not a web link (no spaces; "
					 "start it with https:// or leave the "
					 "scheme out)",
					 f);
		break;
	default:
		break;
	}
	return R_OK;
}

/* Tags on a person: how many, each name, none twice. */
static enum result validate_person_tags(const struct person *p,
					struct error *err)
{
	if (p->n_tags > MODEL_TAGS_MAX)
		return error_set(err, R_INVALID, "tags",
				 "tags: %zu tags are too many; the most is %d "
				 "(remove some)",
				 p->n_tags, MODEL_TAGS_MAX);
	if (p->n_tags > 0 && !p->tags)
		return error_set(err, R_INVALID, "tags",
				 "tags: the list is missing");
	for (size_t i = 0; i < p->n_tags; i++) {
		char f[VALIDATE_FIELD_MAX];
		snprintf(f, sizeof(f), "tags[%zu]", i);
		enum result r = validate_tag_name(f, p->tags[i], err);
		if (r != R_OK)
			return r;
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->tags[j], p->tags[i]) == 0)
				return error_set(err, R_INVALID, f,
						 "%s: \"%s\" is already in "
						 "tags[%zu] (list each tag "
						 "once)",
						 f, p->tags[i], j);
	}
	return R_OK;
}

static enum result validate_person_contacts(const struct person *p,
					    struct error *err)
{
	if (p->n_contacts > MODEL_CONTACTS_MAX)
		return error_set(err, R_INVALID, "contacts",
				 "contacts: %zu contacts are too many; the "
				 "most is %d (remove some)",
				 p->n_contacts, MODEL_CONTACTS_MAX);
	if (p->n_contacts > 0 && !p->contacts)
		return error_set(err, R_INVALID, "contacts",
				 "contacts: the list is missing");
	for (size_t i = 0; i < p->n_contacts; i++) {
		char f[VALIDATE_FIELD_MAX];
		snprintf(f, sizeof(f), "contacts[%zu]", i);
		enum result r = validate_contact(f, &p->contacts[i], err);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

enum result validate_person(const struct person *p, struct error *err)
{
	enum result r;
	if ((r = validate_str("given_name", p->given_name, MODEL_NAME_MAX,
			      true, false, "the person's first name",
			      err)) != R_OK ||
	    (r = validate_text("family_name", p->family_name, MODEL_NAME_MAX,
			       false, err)) != R_OK ||
	    (r = validate_opt_id("org_id", p->org_id, err)) != R_OK ||
	    (r = validate_text("title", p->title, MODEL_NAME_MAX, false,
			       err)) != R_OK ||
	    (r = validate_lines("how_met", p->how_met, MODEL_TEXT_MAX, false,
				err)) != R_OK)
		return r;
	if (p->has_met_on &&
	    (r = validate_day("met_on", p->met_on, err)) != R_OK)
		return r;
	if ((r = validate_opt_id("referred_by", p->referred_by, err)) != R_OK)
		return r;
	if (p->id > 0 && p->referred_by == p->id)
		return error_set(err, R_INVALID, "referred_by",
				 "referred_by: a person cannot be referred by "
				 "themselves (pick who introduced them, or "
				 "none)");
	if ((r = validate_cadence("cadence_days", p->cadence_days,
				  "cadence_max_days", p->cadence_max_days,
				  err)) != R_OK ||
	    (r = validate_lines("notes", p->notes, MODEL_TEXT_MAX, false,
				err)) != R_OK ||
	    (r = validate_text("owner", p->owner, MODEL_NAME_MAX, false,
			       err)) != R_OK ||
	    (r = validate_person_contacts(p, err)) != R_OK)
		return r;
	return validate_person_tags(p, err);
}

/* Letters, digits, '-' and non-ASCII bytes in dot-separated labels. */
static bool validate_domain_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || s[0] == '.' || s[n - 1] == '.' || !strchr(s, '.') ||
	    strstr(s, ".."))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '-' || c == '.' ||
			  c >= 0x80;
		if (!ok)
			return false;
	}
	return true;
}

enum result validate_org(const struct organization *o, struct error *err)
{
	enum result r;
	if ((r = validate_str("name", o->name, MODEL_NAME_MAX, true, false,
			      "the organization's name", err)) != R_OK ||
	    (r = validate_text("domain", o->domain, MODEL_NAME_MAX, false,
			       err)) != R_OK)
		return r;
	if (o->domain && !validate_blank(o->domain) &&
	    !validate_domain_ok(o->domain))
		return error_set(err, R_INVALID, "domain",
				 "domain: is not a domain name (write the "
				 "host name only, e.g. example.com, without "
				 "https:// or a path)");
	if ((r = validate_text("industry", o->industry, MODEL_NAME_MAX, false,
			       err)) != R_OK)
		return r;
	return validate_lines("notes", o->notes, MODEL_TEXT_MAX, false, err);
}

enum result validate_fact(const struct fact *f, struct error *err)
{
	enum result r;
	if ((r = validate_req_id("person_id", f->person_id,
				 "the person this fact is about",
				 err)) != R_OK ||
	    (r = validate_enum("kind", (int)f->kind, FACT_KIND_COUNT, "fact",
			       fact_kind_list(), err)) != R_OK ||
	    (r = validate_text("label", f->label, MODEL_NAME_MAX, false,
			       err)) != R_OK ||
	    (r = validate_str("value", f->value, MODEL_TEXT_MAX, true, true,
			      "the fact itself, e.g. \"oat flat white\"",
			      err)) != R_OK)
		return r;
	if (f->has_learned_on &&
	    (r = validate_day("learned_on", f->learned_on, err)) != R_OK)
		return r;
	return validate_opt_id("interaction_id", f->interaction_id, err);
}

/* Month, year and day of an important date, in that order. */
static enum result validate_date_day(const struct important_date *d,
				     struct error *err)
{
	if (d->month < 1 || d->month > 12)
		return error_set(err, R_INVALID, "month",
				 "month: %d is not a month (use 1 to 12)",
				 d->month);
	if (d->year != 0 &&
	    (d->year < VALIDATE_YEAR_MIN || d->year > VALIDATE_YEAR_MAX))
		return error_set(err, R_INVALID, "year",
				 "year: %d is out of range (use %d to %d, or "
				 "0 when the year is unknown)",
				 d->year, VALIDATE_YEAR_MIN, VALIDATE_YEAR_MAX);
	const char *mname = validate_months[d->month - 1];
	if (d->year == 0) {
		int most = date_days_in_month(2000, d->month); /* a leap year */
		if (d->day < 1 || d->day > most)
			return error_set(err, R_INVALID, "day",
					 "day: %d is not a day of %s (use 1 "
					 "to %d)",
					 d->day, mname, most);
		return R_OK;
	}
	if (date_valid(d->year, d->month, d->day))
		return R_OK;
	if (d->month == 2 && d->day == 29)
		return error_set(err, R_INVALID, "day",
				 "date: %04d-02-29 is not a date (%d is not a "
				 "leap year)",
				 d->year, d->year);
	int most = date_days_in_month(d->year, d->month);
	if (d->day >= 1 && d->day <= 99)
		return error_set(err, R_INVALID, "day",
				 "date: %04d-%02d-%02d is not a date (%s %d "
				 "has %d days)",
				 d->year, d->month, d->day, mname, d->year,
				 most);
	return error_set(err, R_INVALID, "day",
			 "day: %d is not a day of %s (use 1 to %d)", d->day,
			 mname, most);
}

enum result validate_date(const struct important_date *d, struct error *err)
{
	enum result r;
	if ((r = validate_req_id("person_id", d->person_id,
				 "the person whose date this is",
				 err)) != R_OK ||
	    (r = validate_enum("kind", (int)d->kind, DATE_KIND_COUNT, "date",
			       date_kind_list(), err)) != R_OK ||
	    (r = validate_str("label", d->label, MODEL_NAME_MAX,
			      d->kind == DATE_CUSTOM, false,
			      "a custom date needs a label saying what it is, "
			      "e.g. \"first order\"",
			      err)) != R_OK ||
	    (r = validate_date_day(d, err)) != R_OK)
		return r;
	if (d->remind_days < 0 || d->remind_days > VALIDATE_REMIND_MAX)
		return error_set(err, R_INVALID, "remind_days",
				 "remind_days: %d is out of range (use 0 to %d "
				 "days ahead)",
				 d->remind_days, VALIDATE_REMIND_MAX);
	return R_OK;
}

/* occurred_at: not before 1900, not more than a day after now. */
static enum result validate_occurred_at(int64_t at, int64_t now,
					struct error *err)
{
	int64_t earliest = date_to_days(1900, 1, 1) * 86400;
	if (at < earliest)
		return error_set(err, R_INVALID, "occurred_at",
				 "occurred_at: is before 1900 (check the "
				 "year)");
	int64_t latest;
	if (__builtin_add_overflow(now, (int64_t)86400, &latest))
		latest = INT64_MAX;
	if (at <= latest)
		return R_OK;
	/* both are known to be in range for formatting when now is sane */
	int64_t last_day = date_to_days(VALIDATE_YEAR_MAX, 12, 31) * 86400;
	if (at > last_day || latest < earliest)
		return error_set(err, R_INVALID, "occurred_at",
				 "occurred_at: is too far in the future (log "
				 "a touch once it has happened)");
	char when[TIME_STR_MAX], limit[TIME_STR_MAX];
	time_format(at, when);
	time_format(latest, limit);
	return error_set(err, R_INVALID, "occurred_at",
			 "occurred_at: %s is more than a day in the future "
			 "(log a touch once it has happened; use a time up to "
			 "%s)",
			 when, limit);
}

/* people: 1..MODEL_PEOPLE_PER_INTERACTION_MAX ids, none twice. */
static enum result validate_people(const int64_t *ids, size_t n,
				   struct error *err)
{
	if (n == 0 || !ids)
		return error_set(err, R_INVALID, "people",
				 "people: is required (at least one person "
				 "this touch was with)");
	if (n > MODEL_PEOPLE_PER_INTERACTION_MAX)
		return error_set(err, R_INVALID, "people",
				 "people: %zu people are too many; the most "
				 "is %d (log a note on the organization "
				 "instead)",
				 n, MODEL_PEOPLE_PER_INTERACTION_MAX);
	for (size_t i = 0; i < n; i++) {
		char f[VALIDATE_FIELD_MAX];
		snprintf(f, sizeof(f), "people[%zu]", i);
		if (ids[i] <= 0)
			return error_set(err, R_INVALID, f,
					 "%s: %lld is not a person id (ids "
					 "are positive)",
					 f, (long long)ids[i]);
		for (size_t j = 0; j < i; j++)
			if (ids[j] == ids[i])
				return error_set(err, R_INVALID, f,
						 "%s: person %lld is already "
						 "in people[%zu] (list each "
						 "person once)",
						 f, (long long)ids[i], j);
	}
	return R_OK;
}

enum result validate_interaction(const struct interaction *it, int64_t now,
				 struct error *err)
{
	enum result r;
	if ((r = validate_enum("kind", (int)it->kind, INTERACTION_KIND_COUNT,
			       "interaction", interaction_kind_list(),
			       err)) != R_OK ||
	    (r = validate_occurred_at(it->occurred_at, now, err)) != R_OK ||
	    (r = validate_str("summary", it->summary, MODEL_TEXT_MAX, true,
			      true, "what happened, in a line or two",
			      err)) != R_OK ||
	    (r = validate_lines("notes", it->notes, MODEL_TEXT_MAX, false,
				err)) != R_OK ||
	    (r = validate_people(it->people, it->n_people, err)) != R_OK)
		return r;
	if (it->has_follow_up &&
	    (r = validate_day("follow_up_on", it->follow_up_on, err)) != R_OK)
		return r;
	return validate_opt_id("deal_id", it->deal_id, err);
}

enum result validate_reltype(const struct relationship_type *t,
			     struct error *err)
{
	enum result r;
	if ((r = validate_key("name", t->name, true, err)) != R_OK ||
	    (r = validate_str("label", t->label, MODEL_NAME_MAX, true, false,
			      "how the first person relates to the second, "
			      "e.g. \"manager of\"",
			      err)) != R_OK)
		return r;
	return validate_str("inverse_label", t->inverse_label, MODEL_NAME_MAX,
			    true, false,
			    "how the second person relates to the first, e.g. "
			    "\"reports to\"; for a two-way type repeat the "
			    "label",
			    err);
}

enum result validate_relationship(const struct relationship *r,
				  struct error *err)
{
	enum result res;
	if ((res = validate_opt_id("type_id", r->type_id, err)) != R_OK ||
	    (res = validate_text("type", r->type_name, MODEL_NAME_MAX, false,
				 err)) != R_OK)
		return res;
	if (r->type_id == 0 && (!r->type_name || validate_blank(r->type_name)))
		return error_set(err, R_INVALID, "type_id",
				 "type_id: is required (the kind of "
				 "relationship, by id or by name in type)");
	if ((res = validate_req_id("from_id", r->from_id,
				   "the first person of the two",
				   err)) != R_OK ||
	    (res = validate_req_id("to_id", r->to_id,
				   "the second person of the two",
				   err)) != R_OK)
		return res;
	if (r->from_id == r->to_id)
		return error_set(err, R_INVALID, "to_id",
				 "to_id: a person cannot be related to "
				 "themselves (pick two different people)");
	return validate_lines("notes", r->notes, MODEL_TEXT_MAX, false, err);
}

enum result validate_tag(const struct tag *t, struct error *err)
{
	enum result r = validate_tag_name("name", t->name, err);
	if (r != R_OK)
		return r;
	return validate_cadence("cadence_days", t->cadence_days,
				"cadence_max_days", t->cadence_max_days, err);
}
