/*
 * cmd_search.c: `rapport search QUERY` (cli layer).
 *
 * Prefix search over names, organizations, titles, emails, notes and
 * facts, as the store does it; this file prints the hits.
 */
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "store/store.h"
#include "util/buf.h"

#define SEARCH_LIMIT_DEFAULT 20

int cmd_search(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{"limit", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_val v[1] = {{0}};
	int64_t limit = SEARCH_LIMIT_DEFAULT;
	cli_begin(&c, "search");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc =
		    cli_want_pos(&c, 1, SIZE_MAX, "what to search for (QUERY)");
	if (rc == CLI_OK && v[0].seen)
		rc = cli_num(&c, "--limit", v[0].value, 1, STORE_LIMIT_MAX,
			     &limit);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	/* Several words without quotes are one query. */
	struct buf q;
	buf_init(&q, 4096);
	for (size_t i = 0; i < c.n_pos; i++)
		buf_printf(&q, "%s%s", i ? " " : "", c.pos[i]);
	if (!buf_ok(&q)) {
		buf_free(&q);
		return cli_done(&c, cli_fail(&c, "the query is too long (at "
						 "most 4095 bytes)"));
	}
	struct search_hit *hits;
	size_t n;
	struct error err = {0};
	enum result r = store_person_search(c.store, c.arena, buf_str(&q),
					    (int)limit, &hits, &n, &err);
	buf_free(&q);
	if (r != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, codec_search_hit(&hits[i]));
		return cli_done(
		    &c, cli_print_json(&c, json_pack("{s:o}", "items", arr)));
	}
	if (n == 0)
		printf("no matches\n");
	for (size_t i = 0; i < n; i++) {
		printf("%-5lld ", (long long)hits[i].person_id);
		if (!hits[i].title && !hits[i].org_name) {
			printf("%s\n", hits[i].name);
			continue;
		}
		cli_pad(hits[i].name, 24);
		printf(" %s%s%s", hits[i].title ? hits[i].title : "",
		       hits[i].title && hits[i].org_name ? ", " : "",
		       hits[i].org_name ? hits[i].org_name : "");
		printf("\n");
	}
	return cli_done(&c, CLI_OK);
}
