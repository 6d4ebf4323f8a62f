/*
 * test_validate.c: unit tests of core/validate, field by field, at the
 * boundaries: empty, max, max+1, bad UTF-8, control characters, 29
 * February in common and leap years, unknown years, duplicates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/validate.h"
#include "util/date.h"

/* A string of n copies of unit (NUL-terminated), owned by a static pool. */
static char *rep(const char *unit, size_t n)
{
	static char pool[8][MODEL_TEXT_MAX * 2 + 8];
	static int next;
	char *s = pool[next++ % 8];
	size_t u = strlen(unit);
	assert_true(u * n < sizeof(pool[0]));
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	s[u * n] = '\0';
	return s;
}

/* Checks that r failed on field with a message holding want. */
static void expect_bad(enum result r, const struct error *err,
		       const char *field, const char *want)
{
	assert_int_equal(r, R_INVALID);
	assert_int_equal(err->code, R_INVALID);
	assert_string_equal(err->field, field);
	if (!strstr(err->message, want))
		fail_msg("message \"%s\" lacks \"%s\"", err->message, want);
}

/* ---- validate_text / validate_lines ---- */

static void text_required_and_blank(void **state)
{
	(void)state;
	struct error err;
	assert_int_equal(validate_text("f", NULL, 10, false, &err), R_OK);
	assert_int_equal(validate_text("f", "", 10, false, &err), R_OK);
	assert_int_equal(validate_text("f", "   ", 10, false, &err), R_OK);
	/* blank but not clean: a tab or line break in a one-line field */
	expect_bad(validate_text("f", "\t", 10, false, &err), &err, "f",
		   "U+0009");
	expect_bad(validate_text("f", " \n", 10, false, &err), &err, "f",
		   "one line");
	assert_int_equal(validate_lines("f", " \n\t", 10, false, &err), R_OK);
	expect_bad(validate_text("f", NULL, 10, true, &err), &err, "f",
		   "f: is required");
	expect_bad(validate_text("f", "", 10, true, &err), &err, "f",
		   "f: is required");
	expect_bad(validate_text("f", " \t ", 10, true, &err), &err, "f",
		   "f: is required");
	expect_bad(validate_lines("f", "\n\n", 10, true, &err), &err, "f",
		   "is required");
	assert_int_equal(validate_text("f", " x ", 10, true, &err), R_OK);
	/* err may be NULL */
	assert_int_equal(validate_text("f", NULL, 10, true, NULL), R_INVALID);
}

static void text_length_in_bytes(void **state)
{
	(void)state;
	struct error err;
	assert_int_equal(validate_text("name", rep("a", MODEL_NAME_MAX),
				       MODEL_NAME_MAX, true, &err),
			 R_OK);
	expect_bad(validate_text("name", rep("a", MODEL_NAME_MAX + 1),
				 MODEL_NAME_MAX, true, &err),
		   &err, "name",
		   "name: is 201 bytes long; the most is 200 (shorten it by "
		   "1)");
	/* two bytes a character: 100 fit, 101 do not */
	assert_int_equal(validate_text("name", rep("\xc3\xa9", 100),
				       MODEL_NAME_MAX, true, &err),
			 R_OK);
	expect_bad(validate_text("name", rep("\xc3\xa9", 101), MODEL_NAME_MAX,
				 true, &err),
		   &err, "name", "is 202 bytes long");
	assert_int_equal(validate_lines("notes", rep("x\n", MODEL_TEXT_MAX / 2),
					MODEL_TEXT_MAX, false, &err),
			 R_OK);
	expect_bad(validate_lines("notes", rep("x", MODEL_TEXT_MAX + 1),
				  MODEL_TEXT_MAX, false, &err),
		   &err, "notes", "the most is 20000");
	assert_int_equal(validate_text("f", "", 0, false, &err), R_OK);
	expect_bad(validate_text("f", "a", 0, false, &err), &err, "f",
		   "the most is 0");
}

static void text_utf8(void **state)
{
	(void)state;
	struct error err;
	assert_int_equal(validate_text("f", "Jos\xc3\xa9 \xe6\x97\xa5 "
					    "\xf0\x9f\x98\x80",
				       100, true, &err),
			 R_OK);
	const char *bad[] = {
		"\xff",             /* never valid */
		"ab\x80",           /* lone continuation */
		"\xc0\xaf",         /* overlong '/' */
		"\xe2\x82",         /* cut short */
		"\xed\xa0\x80",     /* surrogate */
		"\xf4\x90\x80\x80", /* above U+10FFFF */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		expect_bad(validate_text("f", bad[i], 100, false, &err), &err,
			   "f", "is not valid UTF-8");
		expect_bad(validate_lines("f", bad[i], 100, false, &err), &err,
			   "f", "is not valid UTF-8");
	}
	expect_bad(validate_text("f", "ab\x80", 100, false, &err), &err, "f",
		   "bad byte 0x80 at byte 2");
}

static void text_control_characters(void **state)
{
	(void)state;
	struct error err;
	expect_bad(validate_text("title", "a\nb", 100, false, &err), &err,
		   "title", "title: must be one line");
	expect_bad(validate_text("title", "a\tb", 100, false, &err), &err,
		   "title", "U+0009");
	expect_bad(validate_text("title", "a\x01", 100, false, &err), &err,
		   "title", "control character U+0001 at byte 1");
	expect_bad(validate_text("title", "a\x7f", 100, false, &err), &err,
		   "title", "U+007F");
	expect_bad(validate_text("title", "a\xc2\x85", 100, false, &err),
		   &err, "title", "U+0085");
	assert_int_equal(validate_lines("notes", "a\nb\tc\n", 100, false,
					&err),
			 R_OK);
	expect_bad(validate_lines("notes", "a\r\nb", 100, false, &err), &err,
		   "notes",
		   "notes: holds a carriage return at byte 1 (end lines with "
		   "\\n alone)");
	expect_bad(validate_text("title", "a\rb", 100, false, &err), &err,
		   "title", "carriage return at byte 1 (remove it)");
	expect_bad(validate_lines("notes", "a\x1b[31m", 100, false, &err),
		   &err, "notes", "only line breaks and tabs are allowed");
	/* U+00A0 (no-break space) and U+2028 are not control characters */
	assert_int_equal(validate_text("f", "a\xc2\xa0" "b", 100, false, &err),
			 R_OK);
}

/* ---- validate_person ---- */

static struct person ana(void)
{
	struct person p = {.id = 7, .given_name = "Ana"};
	return p;
}

static void person_minimal_and_full(void **state)
{
	(void)state;
	struct error err;
	struct person p = ana();
	assert_int_equal(validate_person(&p, &err), R_OK);
	static const char *tags[] = {"clients", "vip", "x-1_2"};
	static struct contact cs[] = {
		{.kind = CONTACT_EMAIL, .label = "work", .value = "ana@ex.com"},
		{.kind = CONTACT_PHONE, .value = "+44 (20) 7946-0000"},
		{.kind = CONTACT_ADDRESS, .value = "1 High St\nLondon"},
		{.kind = CONTACT_LINK, .value = "https://example.com/ana"},
	};
	p.family_name = "Ruiz";
	p.org_id = 3;
	p.title = "Head of Buying";
	p.how_met = "Lisbon fair,\nthrough Ben";
	p.has_met_on = true;
	p.met_on = date_to_days(2024, 2, 29);
	p.referred_by = 9;
	p.cadence_days = 30;
	p.cadence_max_days = 45;
	p.notes = "Prefers calls.\n\tNo Fridays.";
	p.tags = tags;
	p.n_tags = 3;
	p.contacts = cs;
	p.n_contacts = 4;
	assert_int_equal(validate_person(&p, &err), R_OK);
}

static void person_given_name(void **state)
{
	(void)state;
	struct error err;
	struct person p = ana();
	p.given_name = NULL;
	assert_int_equal(validate_person(&p, &err), R_INVALID);
	assert_string_equal(err.field, "given_name");
	assert_string_equal(err.message,
			    "given_name: is required (the person's first "
			    "name)");
	p.given_name = "   ";
	expect_bad(validate_person(&p, &err), &err, "given_name",
		   "is required");
	p.given_name = rep("n", MODEL_NAME_MAX);
	assert_int_equal(validate_person(&p, &err), R_OK);
	p.given_name = rep("n", MODEL_NAME_MAX + 1);
	expect_bad(validate_person(&p, &err), &err, "given_name",
		   "is 201 bytes long; the most is 200");
}

static void person_text_fields(void **state)
{
	(void)state;
	struct error err;
	struct person p = ana();
	p.family_name = "R\xffiz";
	expect_bad(validate_person(&p, &err), &err, "family_name",
		   "not valid UTF-8");
	p = ana();
	p.title = "Boss\nof all";
	expect_bad(validate_person(&p, &err), &err, "title", "one line");
	p = ana();
	p.owner = "\x07";
	expect_bad(validate_person(&p, &err), &err, "owner", "U+0007");
	p = ana();
	p.notes = rep("n", MODEL_TEXT_MAX + 1);
	expect_bad(validate_person(&p, &err), &err, "notes", "20001 bytes");
	p = ana();
	p.how_met = rep("h", MODEL_TEXT_MAX);
	assert_int_equal(validate_person(&p, &err), R_OK);
}

static void person_ids_and_dates(void **state)
{
	(void)state;
	struct error err;
	struct person p = ana();
	p.org_id = -1;
	expect_bad(validate_person(&p, &err), &err, "org_id",
		   "-1 is not an id");
	p = ana();
	p.referred_by = 7;
	expect_bad(validate_person(&p, &err), &err, "referred_by",
		   "cannot be referred by themselves");
	p.id = 0; /* not stored yet: no self to compare with */
	assert_int_equal(validate_person(&p, &err), R_OK);
	p = ana();
	p.referred_by = -2;
	expect_bad(validate_person(&p, &err), &err, "referred_by",
		   "not an id");
	p = ana();
	p.has_met_on = true;
	p.met_on = date_to_days(1799, 12, 31);
	expect_bad(validate_person(&p, &err), &err, "met_on",
		   "between 1800-01-01 and 9999-12-31");
	p.met_on = date_to_days(1800, 1, 1);
	assert_int_equal(validate_person(&p, &err), R_OK);
	p.met_on = date_to_days(10000, 1, 1);
	expect_bad(validate_person(&p, &err), &err, "met_on", "out of range");
	p.has_met_on = false; /* ignored when not set */
	assert_int_equal(validate_person(&p, &err), R_OK);
}

static void person_cadence(void **state)
{
	(void)state;
	struct error err;
	struct person p = ana();
	int ok[][2] = {{0, 0}, {1, 0}, {3650, 0}, {3650, 3650}, {0, 40},
		       {30, 30}, {1, 3650}};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		p.cadence_days = ok[i][0];
		p.cadence_max_days = ok[i][1];
		assert_int_equal(validate_person(&p, &err), R_OK);
	}
	p.cadence_days = 3651;
	p.cadence_max_days = 0;
	expect_bad(validate_person(&p, &err), &err, "cadence_days",
		   "cadence_days: 3651 is out of range (use 1 to 3650 days, or "
		   "0 for none)");
	p.cadence_days = -1;
	expect_bad(validate_person(&p, &err), &err, "cadence_days",
		   "out of range");
	p.cadence_days = 30;
	p.cadence_max_days = 3651;
	expect_bad(validate_person(&p, &err), &err, "cadence_max_days",
		   "out of range");
	p.cadence_max_days = 29;
	expect_bad(validate_person(&p, &err), &err, "cadence_max_days",
		   "cadence_max_days: 29 is less than cadence_days (30)");
}

static void person_contacts(void **state)
{
	(void)state;
	struct error err;
	static struct contact cs[MODEL_CONTACTS_MAX + 1];
	for (size_t i = 0; i < MODEL_CONTACTS_MAX + 1; i++) {
		cs[i].kind = CONTACT_PHONE;
		cs[i].value = "123";
	}
	struct person p = ana();
	p.contacts = cs;
	p.n_contacts = MODEL_CONTACTS_MAX;
	assert_int_equal(validate_person(&p, &err), R_OK);
	p.n_contacts = MODEL_CONTACTS_MAX + 1;
	expect_bad(validate_person(&p, &err), &err, "contacts",
		   "51 contacts are too many; the most is 50");
	p.n_contacts = 3;
	cs[2].kind = CONTACT_EMAIL;
	cs[2].value = "not an email";
	expect_bad(validate_person(&p, &err), &err, "contacts[2].value",
		   "contacts[2].value: is not an email address");
	cs[2].value = NULL;
	expect_bad(validate_person(&p, &err), &err, "contacts[2].value",
		   "contacts[2].value: is required");
	cs[2].value = "a@b";
	cs[2].kind = (enum contact_kind)CONTACT_KIND_COUNT;
	expect_bad(validate_person(&p, &err), &err, "contacts[2].kind",
		   "use one of: email, phone, address, link");
	cs[2].kind = CONTACT_EMAIL;
	cs[2].label = "home\nwork";
	expect_bad(validate_person(&p, &err), &err, "contacts[2].label",
		   "one line");
	cs[2].label = NULL;
	assert_int_equal(validate_person(&p, &err), R_OK);
	p.contacts = NULL;
	expect_bad(validate_person(&p, &err), &err, "contacts", "missing");
}

/* Checks one contact value of kind k against the expected outcome. */
static void contact_case(enum contact_kind k, const char *v, bool good)
{
	struct error err;
	struct contact c = {.kind = k, .value = v};
	enum result r = validate_contact("c", &c, &err);
	if (good && r != R_OK)
		fail_msg("\"%s\" refused: %s", v, err.message);
	if (!good && r == R_OK)
		fail_msg("\"%s\" accepted", v);
}

static void contact_values(void **state)
{
	(void)state;
	const char *emails_ok[] = {"a@b", "ana.ruiz+x@example.co.uk",
				   "\xc3\xa9@ex.com"};
	const char *emails_bad[] = {"ab", "@b", "a@", "a@@b", "a@b@c",
				    "a b@c", "a@b c", "a@\tb"};
	for (size_t i = 0; i < sizeof(emails_ok) / sizeof(*emails_ok); i++)
		contact_case(CONTACT_EMAIL, emails_ok[i], true);
	for (size_t i = 0; i < sizeof(emails_bad) / sizeof(*emails_bad); i++)
		contact_case(CONTACT_EMAIL, emails_bad[i], false);
	const char *phones_ok[] = {"123", "+44 (20) 7946-0000", "555.1234"};
	const char *phones_bad[] = {"call me", "+-()", "12x", "12/34",
				    "+44 20 ext 5"};
	for (size_t i = 0; i < sizeof(phones_ok) / sizeof(*phones_ok); i++)
		contact_case(CONTACT_PHONE, phones_ok[i], true);
	for (size_t i = 0; i < sizeof(phones_bad) / sizeof(*phones_bad); i++)
		contact_case(CONTACT_PHONE, phones_bad[i], false);
	const char *links_ok[] = {"https://example.com/a?b=c",
				  "HTTP://EXAMPLE.COM", "linkedin.com/in/ana",
				  "example.com/a:b"};
	const char *links_bad[] = {"javascript:alert(1)", "data:text/html,x",
				   "ftp://x", "a b", "https://x y"};
	for (size_t i = 0; i < sizeof(links_ok) / sizeof(*links_ok); i++)
		contact_case(CONTACT_LINK, links_ok[i], true);
	for (size_t i = 0; i < sizeof(links_bad) / sizeof(*links_bad); i++)
		contact_case(CONTACT_LINK, links_bad[i], false);
	contact_case(CONTACT_ADDRESS, "1 High St\nLondon\tN1", true);
	contact_case(CONTACT_ADDRESS, rep("a", MODEL_NAME_MAX * 5), true);
	contact_case(CONTACT_ADDRESS, rep("a", MODEL_NAME_MAX * 5 + 1), false);
	contact_case(CONTACT_EMAIL, rep("a", MODEL_NAME_MAX + 1), false);
	contact_case(CONTACT_PHONE, "1\n2", false);
}

static void person_tags(void **state)
{
	(void)state;
	struct error err;
	static const char *tags[MODEL_TAGS_MAX + 1];
	static char names[MODEL_TAGS_MAX + 1][8];
	for (size_t i = 0; i < MODEL_TAGS_MAX + 1; i++) {
		snprintf(names[i], sizeof(names[i]), "t%zu", i);
		tags[i] = names[i];
	}
	struct person p = ana();
	p.tags = tags;
	p.n_tags = MODEL_TAGS_MAX;
	assert_int_equal(validate_person(&p, &err), R_OK);
	p.n_tags = MODEL_TAGS_MAX + 1;
	expect_bad(validate_person(&p, &err), &err, "tags",
		   "51 tags are too many; the most is 50");

	const char *dup[] = {"vip", "clients", "vip"};
	p.tags = dup;
	p.n_tags = 3;
	expect_bad(validate_person(&p, &err), &err, "tags[2]",
		   "tags[2]: \"vip\" is already in tags[0] (list each tag "
		   "once)");
	const char *upper[] = {"ok", "VIP-Clients"};
	p.tags = upper;
	p.n_tags = 2;
	expect_bad(validate_person(&p, &err), &err, "tags[1]",
		   "must be lower case (try \"vip-clients\"");
	const char *space[] = {"big fish"};
	p.tags = space;
	p.n_tags = 1;
	expect_bad(validate_person(&p, &err), &err, "tags[0]",
		   "may hold only lower-case letters a-z, digits, '-' and '_' "
		   "(found a space at byte 3)");
	const char *accent[] = {"caf\xc3\xa9"};
	p.tags = accent;
	expect_bad(validate_person(&p, &err), &err, "tags[0]",
		   "found a non-ASCII character at byte 3");
	const char *empty[] = {""};
	p.tags = empty;
	expect_bad(validate_person(&p, &err), &err, "tags[0]", "is required");
	const char *nul[] = {NULL};
	p.tags = nul;
	expect_bad(validate_person(&p, &err), &err, "tags[0]", "is required");
	const char *edge[] = {rep("a", VALIDATE_TAG_MAX)};
	p.tags = edge;
	assert_int_equal(validate_person(&p, &err), R_OK);
	const char *over[] = {rep("a", VALIDATE_TAG_MAX + 1)};
	p.tags = over;
	expect_bad(validate_person(&p, &err), &err, "tags[0]",
		   "is 65 bytes long; the most is 64");
	p.tags = NULL;
	expect_bad(validate_person(&p, &err), &err, "tags", "missing");
}

/* ---- validate_org, validate_fact ---- */

static void org_rules(void **state)
{
	(void)state;
	struct error err;
	struct organization o = {.name = "Acme"};
	assert_int_equal(validate_org(&o, &err), R_OK);
	o.domain = "acme.example.com";
	o.industry = "Widgets";
	o.notes = "Two sites.\nHQ in Leeds.";
	assert_int_equal(validate_org(&o, &err), R_OK);
	o.name = "";
	expect_bad(validate_org(&o, &err), &err, "name",
		   "name: is required (the organization's name)");
	o.name = "Acme";
	const char *bad[] = {"https://acme.com", "acme", ".acme.com",
			     "acme.com.", "acme..com", "acme.com/about",
			     "ac me.com"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		o.domain = bad[i];
		expect_bad(validate_org(&o, &err), &err, "domain",
			   "write the host name only");
	}
	o.domain = "b\xc3\xbc" "cher.de";
	assert_int_equal(validate_org(&o, &err), R_OK);
	o.industry = "a\nb";
	expect_bad(validate_org(&o, &err), &err, "industry", "one line");
}

static void fact_rules(void **state)
{
	(void)state;
	struct error err;
	struct fact f = {.person_id = 1, .kind = FACT_FAMILY,
			 .label = "daughter", .value = "Maya, 7"};
	assert_int_equal(validate_fact(&f, &err), R_OK);
	f.person_id = 0;
	expect_bad(validate_fact(&f, &err), &err, "person_id",
		   "person_id: is required (the person this fact is about)");
	f.person_id = 1;
	f.kind = (enum fact_kind)FACT_KIND_COUNT;
	expect_bad(validate_fact(&f, &err), &err, "kind",
		   "kind: 8 is not a kind of fact (use one of: like, dislike, "
		   "passion, family, pet, food, milestone, other)");
	f.kind = (enum fact_kind)-1;
	expect_bad(validate_fact(&f, &err), &err, "kind", "-1 is not a kind");
	f.kind = FACT_OTHER;
	f.value = " ";
	expect_bad(validate_fact(&f, &err), &err, "value",
		   "value: is required (the fact itself");
	f.value = "line one\nline two";
	f.label = NULL;
	assert_int_equal(validate_fact(&f, &err), R_OK);
	f.has_learned_on = true;
	f.learned_on = date_to_days(1700, 1, 1);
	expect_bad(validate_fact(&f, &err), &err, "learned_on",
		   "out of range");
	f.learned_on = date_to_days(2026, 5, 9);
	f.interaction_id = -5;
	expect_bad(validate_fact(&f, &err), &err, "interaction_id",
		   "not an id");
}

/* ---- validate_date ---- */

static struct important_date bday(int y, int m, int d)
{
	struct important_date x = {.person_id = 1, .kind = DATE_BIRTHDAY,
				   .year = y, .month = m, .day = d,
				   .remind_days = 14};
	return x;
}

static void date_29_february(void **state)
{
	(void)state;
	struct error err;
	struct important_date d = bday(0, 2, 29);
	assert_int_equal(validate_date(&d, &err), R_OK);
	d = bday(2024, 2, 29);
	assert_int_equal(validate_date(&d, &err), R_OK);
	d = bday(2000, 2, 29);
	assert_int_equal(validate_date(&d, &err), R_OK);
	d = bday(2023, 2, 29);
	assert_int_equal(validate_date(&d, &err), R_INVALID);
	assert_string_equal(err.field, "day");
	assert_string_equal(err.message, "date: 2023-02-29 is not a date "
					 "(2023 is not a leap year)");
	d = bday(1900, 2, 29);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "1900 is not a leap year");
	d = bday(0, 2, 30);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "day: 30 is not a day of February (use 1 to 29)");
	d = bday(2024, 2, 30);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "date: 2024-02-30 is not a date (February 2024 has 29 "
		   "days)");
}

static void date_fields(void **state)
{
	(void)state;
	struct error err;
	struct important_date d = bday(2023, 4, 31);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "date: 2023-04-31 is not a date (April 2023 has 30 days)");
	d = bday(2023, 4, 0);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "day: 0 is not a day of April (use 1 to 30)");
	d = bday(2023, 12, 31);
	assert_int_equal(validate_date(&d, &err), R_OK);
	d = bday(2023, 12, 1000);
	expect_bad(validate_date(&d, &err), &err, "day",
		   "day: 1000 is not a day of December");
	d = bday(0, 0, 1);
	expect_bad(validate_date(&d, &err), &err, "month",
		   "month: 0 is not a month (use 1 to 12)");
	d = bday(0, 13, 1);
	expect_bad(validate_date(&d, &err), &err, "month", "13");
	int years_ok[] = {0, 1800, 1999, 9999};
	int years_bad[] = {1, 1799, 10000, -1};
	for (size_t i = 0; i < 4; i++) {
		d = bday(years_ok[i], 1, 1);
		assert_int_equal(validate_date(&d, &err), R_OK);
		d = bday(years_bad[i], 1, 1);
		expect_bad(validate_date(&d, &err), &err, "year",
			   "out of range (use 1800 to 9999, or 0 when the "
			   "year is unknown)");
	}
	d = bday(0, 1, 1);
	int remind_ok[] = {0, 1, 365};
	int remind_bad[] = {-1, 366};
	for (size_t i = 0; i < 3; i++) {
		d.remind_days = remind_ok[i];
		assert_int_equal(validate_date(&d, &err), R_OK);
	}
	for (size_t i = 0; i < 2; i++) {
		d.remind_days = remind_bad[i];
		expect_bad(validate_date(&d, &err), &err, "remind_days",
			   "use 0 to 365 days ahead");
	}
	d = bday(0, 1, 1);
	d.person_id = 0;
	expect_bad(validate_date(&d, &err), &err, "person_id", "is required");
	d = bday(0, 1, 1);
	d.kind = (enum date_kind)DATE_KIND_COUNT;
	expect_bad(validate_date(&d, &err), &err, "kind",
		   "birthday, anniversary, custom");
}

static void date_custom_label(void **state)
{
	(void)state;
	struct error err;
	struct important_date d = bday(0, 6, 1);
	d.kind = DATE_CUSTOM;
	expect_bad(validate_date(&d, &err), &err, "label",
		   "label: is required (a custom date needs a label");
	d.label = "  ";
	expect_bad(validate_date(&d, &err), &err, "label", "is required");
	d.label = "first order";
	assert_int_equal(validate_date(&d, &err), R_OK);
	d.label = rep("l", MODEL_NAME_MAX + 1);
	expect_bad(validate_date(&d, &err), &err, "label", "201 bytes");
	d.kind = DATE_ANNIVERSARY;
	d.label = NULL;
	assert_int_equal(validate_date(&d, &err), R_OK);
}

/* ---- validate_interaction ---- */

static const int64_t NOW = 1778328000; /* 2026-05-09T12:00:00Z */

static void interaction_rules(void **state)
{
	(void)state;
	struct error err;
	int64_t people[] = {1, 2, 3};
	struct interaction it = {.kind = INTERACTION_CALL,
				 .occurred_at = NOW - 3600,
				 .summary = "Caught up on the move",
				 .people = people, .n_people = 3};
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.kind = (enum interaction_kind)INTERACTION_KIND_COUNT;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "kind",
		   "not a kind of interaction (use one of: call, meeting");
	it.kind = INTERACTION_HELP;
	it.summary = NULL;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "summary",
		   "summary: is required (what happened");
	it.summary = "two\nlines\tand a tab";
	it.notes = rep("n", MODEL_TEXT_MAX + 1);
	expect_bad(validate_interaction(&it, NOW, &err), &err, "notes",
		   "20001 bytes");
	it.notes = NULL;
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.deal_id = -1;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "deal_id",
		   "not an id");
	it.deal_id = 0;
	it.has_follow_up = true;
	it.follow_up_on = date_to_days(10000, 1, 1);
	expect_bad(validate_interaction(&it, NOW, &err), &err, "follow_up_on",
		   "out of range");
	it.follow_up_on = date_to_days(2026, 5, 20);
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
}

static void interaction_time(void **state)
{
	(void)state;
	struct error err;
	int64_t people[] = {1};
	struct interaction it = {.summary = "s", .people = people,
				 .n_people = 1};
	int64_t y1900 = date_to_days(1900, 1, 1) * 86400;
	it.occurred_at = y1900;
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.occurred_at = y1900 - 1;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "occurred_at",
		   "before 1900");
	it.occurred_at = NOW + 86400;
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.occurred_at = NOW + 86401;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "occurred_at",
		   "occurred_at: 2026-05-10T12:00:01Z is more than a day in "
		   "the future");
	/* extremes: no overflow, a clear message */
	it.occurred_at = INT64_MAX;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "occurred_at",
		   "too far in the future");
	it.occurred_at = INT64_MIN;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "occurred_at",
		   "before 1900");
	it.occurred_at = NOW;
	assert_int_equal(validate_interaction(&it, INT64_MAX, &err), R_OK);
	expect_bad(validate_interaction(&it, INT64_MIN, &err), &err,
		   "occurred_at", "future");
}

static void interaction_people(void **state)
{
	(void)state;
	struct error err;
	static int64_t ids[MODEL_PEOPLE_PER_INTERACTION_MAX + 1];
	for (size_t i = 0; i < MODEL_PEOPLE_PER_INTERACTION_MAX + 1; i++)
		ids[i] = (int64_t)i + 1;
	struct interaction it = {.occurred_at = NOW, .summary = "s",
				 .people = ids, .n_people = 0};
	expect_bad(validate_interaction(&it, NOW, &err), &err, "people",
		   "people: is required (at least one person");
	it.n_people = 1;
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.n_people = MODEL_PEOPLE_PER_INTERACTION_MAX;
	assert_int_equal(validate_interaction(&it, NOW, &err), R_OK);
	it.n_people = MODEL_PEOPLE_PER_INTERACTION_MAX + 1;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "people",
		   "101 people are too many; the most is 100");
	int64_t dup[] = {4, 5, 4};
	it.people = dup;
	it.n_people = 3;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "people[2]",
		   "people[2]: person 4 is already in people[0] (list each "
		   "person once)");
	int64_t zero[] = {4, 0};
	it.people = zero;
	it.n_people = 2;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "people[1]",
		   "0 is not a person id");
	it.people = NULL;
	expect_bad(validate_interaction(&it, NOW, &err), &err, "people",
		   "is required");
}

/* ---- relationships and tags ---- */

static void reltype_rules(void **state)
{
	(void)state;
	struct error err;
	struct relationship_type t = {.name = "manager", .label = "manager of",
				      .inverse_label = "reports to"};
	assert_int_equal(validate_reltype(&t, &err), R_OK);
	t.name = "old friend";
	assert_int_equal(validate_reltype(&t, &err), R_OK);
	t.name = "Manager";
	expect_bad(validate_reltype(&t, &err), &err, "name",
		   "must be lower case (try \"manager\"");
	t.name = "";
	expect_bad(validate_reltype(&t, &err), &err, "name", "is required");
	t.name = "boss!";
	expect_bad(validate_reltype(&t, &err), &err, "name",
		   "found '!' at byte 4");
	t.name = "manager";
	t.label = NULL;
	expect_bad(validate_reltype(&t, &err), &err, "label",
		   "label: is required (how the first person relates");
	t.label = "manager of";
	t.inverse_label = "";
	expect_bad(validate_reltype(&t, &err), &err, "inverse_label",
		   "is required");
	t.inverse_label = rep("x", MODEL_NAME_MAX + 1);
	expect_bad(validate_reltype(&t, &err), &err, "inverse_label",
		   "201 bytes");
}

static void relationship_rules(void **state)
{
	(void)state;
	struct error err;
	struct relationship r = {.type_id = 1, .from_id = 10, .to_id = 20,
				 .notes = "Since 2019.\nClose."};
	assert_int_equal(validate_relationship(&r, &err), R_OK);
	r.to_id = 10;
	assert_int_equal(validate_relationship(&r, &err), R_INVALID);
	assert_string_equal(err.field, "to_id");
	assert_string_equal(err.message,
			    "to_id: a person cannot be related to themselves "
			    "(pick two different people)");
	r.to_id = 0;
	expect_bad(validate_relationship(&r, &err), &err, "to_id",
		   "is required");
	r.to_id = 20;
	r.from_id = -3;
	expect_bad(validate_relationship(&r, &err), &err, "from_id",
		   "not an id");
	r.from_id = 10;
	r.type_id = 0;
	expect_bad(validate_relationship(&r, &err), &err, "type_id",
		   "type_id: is required");
	r.type_name = "manager";
	assert_int_equal(validate_relationship(&r, &err), R_OK);
	r.type_id = -1;
	expect_bad(validate_relationship(&r, &err), &err, "type_id",
		   "not an id");
	r.type_id = 1;
	r.notes = "\x01";
	expect_bad(validate_relationship(&r, &err), &err, "notes", "U+0001");
}

static void tag_rules(void **state)
{
	(void)state;
	struct error err;
	struct tag t = {.name = "clients", .cadence_days = 30};
	assert_int_equal(validate_tag(&t, &err), R_OK);
	t.cadence_max_days = 45;
	assert_int_equal(validate_tag(&t, &err), R_OK);
	t.cadence_max_days = 10;
	expect_bad(validate_tag(&t, &err), &err, "cadence_max_days",
		   "less than cadence_days");
	t.cadence_max_days = 0;
	t.cadence_days = MODEL_CADENCE_MAX_DAYS + 1;
	expect_bad(validate_tag(&t, &err), &err, "cadence_days",
		   "out of range");
	t.cadence_days = 0;
	t.name = "Clients";
	expect_bad(validate_tag(&t, &err), &err, "name", "try \"clients\"");
	t.name = NULL;
	expect_bad(validate_tag(&t, &err), &err, "name", "is required");
	assert_int_equal(validate_tag_name("q", "a-b_c9", &err), R_OK);
	expect_bad(validate_tag_name("q", "a\nb", &err), &err, "q",
		   "found the byte 0x0A at byte 1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_required_and_blank),
		cmocka_unit_test(text_length_in_bytes),
		cmocka_unit_test(text_utf8),
		cmocka_unit_test(text_control_characters),
		cmocka_unit_test(person_minimal_and_full),
		cmocka_unit_test(person_given_name),
		cmocka_unit_test(person_text_fields),
		cmocka_unit_test(person_ids_and_dates),
		cmocka_unit_test(person_cadence),
		cmocka_unit_test(person_contacts),
		cmocka_unit_test(contact_values),
		cmocka_unit_test(person_tags),
		cmocka_unit_test(org_rules),
		cmocka_unit_test(fact_rules),
		cmocka_unit_test(date_29_february),
		cmocka_unit_test(date_fields),
		cmocka_unit_test(date_custom_label),
		cmocka_unit_test(interaction_rules),
		cmocka_unit_test(interaction_time),
		cmocka_unit_test(interaction_people),
		cmocka_unit_test(reltype_rules),
		cmocka_unit_test(relationship_rules),
		cmocka_unit_test(tag_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
