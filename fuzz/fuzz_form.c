/*
 * fuzz_form.c: libFuzzer target for the reader of browser forms
 * (page_form_parse, web layer).
 *
 * Whatever bytes a client sends as application/x-www-form-urlencoded, the
 * reader must either refuse them with a message or hand back fields whose
 * names and values are valid UTF-8 with no NUL byte and no carriage
 * return (core's validators refuse "\r"), never more fields than the
 * body has separators, and the number readers must stay in their range.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"
#include "web/page.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_form_fail(const char *what)
{
	fprintf(stderr, "fuzz_form: %s\n", what);
	abort();
}

static void fuzz_form_check(const char *s)
{
	size_t n = strlen(s);
	if (!utf8_valid(s, n))
		fuzz_form_fail("a field is not valid UTF-8");
	if (memchr(s, '\r', n))
		fuzz_form_fail("a field holds a carriage return");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct page_form f;
	struct error err = {0};
	size_t amps = 0;
	for (size_t i = 0; i < size; i++)
		amps += data[i] == '&';
	if (page_form_parse(a, (const char *)data, size, &f, &err) == R_OK) {
		if (f.n > amps + 1)
			fuzz_form_fail("more fields than the body holds");
		for (size_t i = 0; i < f.n; i++) {
			fuzz_form_check(f.pairs[i].name);
			fuzz_form_check(f.pairs[i].value);
		}
		if (f.n) {
			const char *name = f.pairs[0].name;
			int v = 0;
			int64_t id = 0, day = 0;
			bool has = false;
			if (page_form_int(&f, name, -5, 5, 0, &v, NULL) ==
				R_OK &&
			    (v < -5 || v > 5))
				fuzz_form_fail("int out of range");
			if (page_form_id(&f, name, &id, NULL) == R_OK && id < 0)
				fuzz_form_fail("negative id");
			page_form_date(&f, name, &has, &day, NULL);
			const char *t = page_form_text(a, &f, name);
			if (t &&
			    (!t[0] || t[0] == ' ' || t[strlen(t) - 1] == ' '))
				fuzz_form_fail("text not trimmed");
		}
	} else if (!err.message[0]) {
		fuzz_form_fail("refused without a message");
	}
	arena_free(a);
	return 0;
}
