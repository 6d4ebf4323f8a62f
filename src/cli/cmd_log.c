/*
 * cmd_log.c: `rapport log`, recording an interaction (cli layer).
 *
 * A touch with one or more people: a call, a meeting, an email, a message,
 * a note, a gift, or help given with no ask. It becomes each person's last
 * touch, which is what moves them off the daily list of who is due.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"

enum { L_PERSON, L_KIND, L_AT, L_SUMMARY, L_NOTES, L_FOLLOW_UP, L_COUNT };

static const struct cli_opt log_opts[] = {
    {"person", CLI_OPT_LIST}, {"kind", CLI_OPT_VALUE},
    {"at", CLI_OPT_VALUE},    {"summary", CLI_OPT_VALUE},
    {"notes", CLI_OPT_VALUE}, {"follow-up", CLI_OPT_VALUE},
    {NULL, CLI_OPT_FLAG},
};

/* The kinds a person logs; "ask" belongs to deals. */
#define LOG_KINDS "call, meeting, email, message, note, gift, help"

static int log_from_opts(struct cli_ctx *c, const struct cli_val *v,
			 struct interaction *it)
{
	int rc;
	if (!v[L_PERSON].seen)
		return cli_usage(c, "--person is required");
	if (!v[L_KIND].seen)
		return cli_usage(c,
				 "--kind is required (one of " LOG_KINDS ")");
	if (!v[L_SUMMARY].seen)
		return cli_usage(c, "--summary is required");
	if (!interaction_kind_parse(v[L_KIND].value, &it->kind) ||
	    it->kind == INTERACTION_ASK)
		return cli_usage(c,
				 "--kind: '%s' is not a kind of touch (use "
				 "one of " LOG_KINDS ")",
				 v[L_KIND].value);
	it->n_people = v[L_PERSON].n;
	it->people = arena_alloc(c->arena, it->n_people * sizeof(int64_t));
	for (size_t i = 0; i < it->n_people; i++)
		if ((rc = cli_id(c, "--person", v[L_PERSON].list[i],
				 &it->people[i])) != CLI_OK)
			return rc;
	it->summary = v[L_SUMMARY].value;
	it->notes =
	    v[L_NOTES].seen && v[L_NOTES].value[0] ? v[L_NOTES].value : NULL;
	it->occurred_at = cli_now();
	if (v[L_AT].seen && !time_parse(v[L_AT].value, &it->occurred_at))
		return cli_fail(
		    c,
		    "occurred_at: '%s' is not a time (use RFC 3339, "
		    "e.g. 2026-03-02T15:00:00Z)",
		    v[L_AT].value);
	if (v[L_FOLLOW_UP].seen) {
		if (!cli_parse_day(v[L_FOLLOW_UP].value, &it->follow_up_on))
			return cli_fail(c,
					"follow_up_on: '%s' is not a date (use "
					"YYYY-MM-DD)",
					v[L_FOLLOW_UP].value);
		it->has_follow_up = true;
	}
	return CLI_OK;
}

int cmd_log(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[L_COUNT] = {{0}};
	struct interaction it = {0};
	cli_begin(&c, "log");
	int rc = cli_parse(&c, log_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK)
		rc = log_from_opts(&c, v, &it);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	if (validate_interaction(&it, cli_now(), &err) != R_OK ||
	    store_interaction_create(c.store, &it, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_interaction(&it)));
	printf("logged %s %lld with", interaction_kind_name(it.kind),
	       (long long)it.id);
	for (size_t i = 0; i < it.n_people; i++) {
		struct person p;
		struct error ignored = {0};
		const char *name = "?";
		if (store_person_get(c.store, c.arena, it.people[i], &p,
				     &ignored) == R_OK)
			name = cli_name(c.arena, p.given_name, p.family_name);
		printf("%s %s (#%lld)", i ? "," : "", name,
		       (long long)it.people[i]);
	}
	if (it.has_follow_up) {
		char d[DATE_STR_MAX];
		date_format(it.follow_up_on, d);
		printf("; follow up on %s", d);
	}
	printf("\n");
	return cli_done(&c, CLI_OK);
}
