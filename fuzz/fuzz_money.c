/*
 * fuzz_money.c: libFuzzer target for the reader of amounts typed into the
 * deal form (page_deal_read_money, web layer).
 *
 * The input is taken as a urlencoded form; the first field's value is read
 * as an amount. Whatever was typed, the reader either refuses it with a
 * message naming the field, or gives a whole number of minor units from 0
 * to DEAL_MONEY_MAX that, written back as the form shows it, reads back
 * to the same number.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deal.h"
#include "util/arena.h"
#include "web/page.h"
#include "web/page_deal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_money_fail(const char *what)
{
	fprintf(stderr, "fuzz_money: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct page_form f;
	struct error err = {0};
	if (page_form_parse(a, (const char *)data, size, &f, &err) == R_OK &&
	    f.n) {
		const char *name = f.pairs[0].name;
		int64_t minor = -1;
		error_clear(&err);
		if (page_deal_read_money(&f, name, &minor, &err) == R_OK) {
			if (minor < 0 || minor > DEAL_MONEY_MAX)
				fuzz_money_fail("amount out of range");
			char text[64];
			snprintf(text, sizeof(text), "%lld.%02lld",
				 (long long)(minor / 100),
				 (long long)(minor % 100));
			struct page_pair p = {"v", text};
			struct page_form back = {&p, 1};
			int64_t again = -1;
			if (page_deal_read_money(&back, "v", &again, NULL) !=
				R_OK ||
			    (minor && again != minor))
				fuzz_money_fail("written amount reads back "
						"differently");
		} else if (!err.message[0] ||
			   /* a name too long for err.field is cut there */
			   (strlen(name) < sizeof(err.field) &&
			    strcmp(err.field, name) != 0)) {
			fuzz_money_fail("refused without a message on the "
					"field");
		}
	}
	arena_free(a);
	return 0;
}
