/*
 * test_relationship.c: unit tests of core/relationship (a relationship
 * read from either person's side).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/relationship.h"
#include "util/buf.h"

static struct relationship manager(void)
{
	struct relationship r = {.id = 1, .type_id = 2, .from_id = 10,
				 .to_id = 20, .type_name = "manager",
				 .label = "manager of",
				 .inverse_label = "reports to",
				 .from_name = "Ana Ruiz", .to_name = "Ben Ode"};
	return r;
}

/* Describes r from person_id's side into a fresh buf and checks it. */
static void expect(const struct relationship *r, int64_t person_id,
		   const char *want)
{
	struct buf b;
	buf_init(&b, 1024);
	relationship_describe(r, person_id, &b);
	assert_true(buf_ok(&b));
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void both_sides(void **state)
{
	(void)state;
	struct relationship r = manager();
	expect(&r, 10, "manager of Ben Ode");
	expect(&r, 20, "reports to Ana Ruiz");
	expect(&r, 30, "Ana Ruiz is manager of Ben Ode");
	expect(&r, 0, "Ana Ruiz is manager of Ben Ode");
}

static void symmetric_type(void **state)
{
	(void)state;
	struct relationship r = manager();
	r.label = "friend of";
	r.inverse_label = "friend of";
	expect(&r, 10, "friend of Ben Ode");
	expect(&r, 20, "friend of Ana Ruiz");
	/* no inverse label: read as two-way */
	r.inverse_label = NULL;
	expect(&r, 20, "friend of Ana Ruiz");
	r.inverse_label = "";
	expect(&r, 20, "friend of Ana Ruiz");
}

static void missing_pieces(void **state)
{
	(void)state;
	struct relationship r = manager();
	r.label = NULL;
	r.inverse_label = NULL;
	expect(&r, 10, "manager Ben Ode");
	r.type_name = NULL;
	expect(&r, 10, "related to Ben Ode");
	r.from_name = NULL;
	r.to_name = "";
	expect(&r, 20, "related to someone");
	expect(&r, 99, "someone is related to someone");
}

static void appends_and_overflow(void **state)
{
	(void)state;
	struct relationship r = manager();
	struct buf b;
	buf_init(&b, 1024);
	buf_puts(&b, "Ana is ");
	relationship_describe(&r, 10, &b);
	assert_string_equal(buf_str(&b), "Ana is manager of Ben Ode");
	buf_free(&b);

	buf_init(&b, 8);
	relationship_describe(&r, 10, &b);
	assert_false(buf_ok(&b));
	buf_free(&b);
}

static void other_side(void **state)
{
	(void)state;
	struct relationship r = manager();
	assert_int_equal(relationship_other(&r, 10), 20);
	assert_int_equal(relationship_other(&r, 20), 10);
	assert_int_equal(relationship_other(&r, 30), 0);
	assert_int_equal(relationship_other(&r, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(both_sides),
		cmocka_unit_test(symmetric_type),
		cmocka_unit_test(missing_pieces),
		cmocka_unit_test(appends_and_overflow),
		cmocka_unit_test(other_side),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
