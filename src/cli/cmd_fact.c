/*
 * cmd_fact.c: `rapport fact add|list|rm` (cli layer).
 *
 * Personal facts are what a seller who knows people as people remembers:
 * the daughter's name, the team they support, how they take their coffee.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/date.h"

enum { F_KIND, F_LABEL, F_VALUE, F_LEARNED_ON, F_INTERACTION, F_COUNT };

static const struct cli_opt fact_opts[] = {
    {"kind", CLI_OPT_VALUE},	    {"label", CLI_OPT_VALUE},
    {"value", CLI_OPT_VALUE},	    {"learned-on", CLI_OPT_VALUE},
    {"interaction", CLI_OPT_VALUE}, {NULL, CLI_OPT_FLAG},
};

/* Fills f from the options; returns an exit code. */
static int fact_from_opts(struct cli_ctx *c, const struct cli_val *v,
			  struct fact *f)
{
	if (!v[F_KIND].seen)
		return cli_usage(c, "--kind is required (one of %s)",
				 fact_kind_list());
	if (!fact_kind_parse(v[F_KIND].value, &f->kind))
		return cli_usage(c,
				 "--kind: '%s' is not a kind of fact (use "
				 "one of %s)",
				 v[F_KIND].value, fact_kind_list());
	if (!v[F_LABEL].seen)
		return cli_usage(c, "--label is required");
	if (!v[F_VALUE].seen)
		return cli_usage(c, "--value is required");
	f->label = v[F_LABEL].value;
	f->value = v[F_VALUE].value;
	if (v[F_LEARNED_ON].seen) {
		if (!cli_parse_day(v[F_LEARNED_ON].value, &f->learned_on))
			return cli_fail(c,
					"learned_on: '%s' is not a date (use "
					"YYYY-MM-DD)",
					v[F_LEARNED_ON].value);
		f->has_learned_on = true;
	}
	if (v[F_INTERACTION].seen)
		return cli_id(c, "--interaction", v[F_INTERACTION].value,
			      &f->interaction_id);
	return CLI_OK;
}

int cmd_fact_add(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[F_COUNT] = {{0}};
	struct fact f = {0};
	cli_begin(&c, "fact add");
	int rc = cli_parse(&c, fact_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the person (PERSON)");
	if (rc == CLI_OK)
		rc = cli_id(&c, "PERSON", c.pos[0], &f.person_id);
	if (rc == CLI_OK)
		rc = fact_from_opts(&c, v, &f);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct person p;
	if (validate_fact(&f, &err) != R_OK ||
	    store_person_get(c.store, c.arena, f.person_id, &p, &err) != R_OK ||
	    store_fact_create(c.store, &f, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_fact(&f)));
	printf("added fact %lld for %s: %s %s: %s\n", (long long)f.id,
	       cli_name(c.arena, p.given_name, p.family_name),
	       fact_kind_name(f.kind), f.label, f.value);
	return cli_done(&c, CLI_OK);
}

int cmd_fact_list(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{NULL, CLI_OPT_FLAG}};
	struct cli_val v[1] = {{0}};
	int64_t person_id = 0;
	cli_begin(&c, "fact list");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the person (PERSON)");
	if (rc == CLI_OK)
		rc = cli_id(&c, "PERSON", c.pos[0], &person_id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct person p;
	struct fact *facts;
	size_t n;
	if (store_person_get(c.store, c.arena, person_id, &p, &err) != R_OK ||
	    store_fact_list(c.store, c.arena, person_id, &facts, &n, &err) !=
		R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, codec_fact(&facts[i]));
		return cli_done(
		    &c, cli_print_json(&c, json_pack("{s:o}", "items", arr)));
	}
	if (n == 0)
		printf("no facts about %s yet\n",
		       cli_name(c.arena, p.given_name, p.family_name));
	for (size_t i = 0; i < n; i++) {
		char d[DATE_STR_MAX] = "";
		if (facts[i].has_learned_on)
			date_format(facts[i].learned_on, d);
		printf("%-5lld %-10s %s: %s%s%s%s\n", (long long)facts[i].id,
		       fact_kind_name(facts[i].kind), facts[i].label,
		       facts[i].value, d[0] ? " (learned " : "", d,
		       d[0] ? ")" : "");
	}
	return cli_done(&c, CLI_OK);
}

int cmd_fact_rm(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{NULL, CLI_OPT_FLAG}};
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "fact rm");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the fact");
	if (rc == CLI_OK)
		rc = cli_id(&c, "fact id", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	if (store_fact_delete(c.store, id, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c,
				cli_print_json(&c, json_pack("{s:I,s:b}", "id",
							     (json_int_t)id,
							     "deleted", 1)));
	printf("deleted fact %lld\n", (long long)id);
	return cli_done(&c, CLI_OK);
}
