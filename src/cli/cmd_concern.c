/*
 * cmd_concern.c: `rapport concern add|answer|resolve|drop|reopen` (cli
 * layer).
 *
 * The concern ledger on the command line. A move the ledger does not
 * allow (resolving a concern never answered) fails with the same
 * sentence the API gives, saying what to do first.
 */
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/cmd_deal.h"
#include "codec/deal_json.h"
#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"

int cmd_concern_add(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"category", CLI_OPT_VALUE},
					      {"words", CLI_OPT_VALUE},
					      {"raised-by", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[3] = {{0}};
	struct concern k = {0};
	cli_begin(&c, "concern add");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the deal (DEAL)");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &k.deal_id);
	if (rc == CLI_OK && (!v[0].seen || !v[1].seen))
		rc = cli_usage(&c, "--category and --words are required");
	if (rc == CLI_OK && !concern_category_parse(v[0].value, &k.category))
		rc = cli_usage(&c, "--category: '%s' is not one of %s",
			       v[0].value, concern_category_list());
	if (rc == CLI_OK && v[2].seen)
		rc = cli_id(&c, "--raised-by", v[2].value, &k.raised_by);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	k.words = v[1].value;
	k.raised_at = cli_now();
	struct error err = {0};
	if (validate_concern(&k, k.raised_at, &err) != R_OK ||
	    store_concern_create(c.store, &k, &err) != R_OK ||
	    store_concern_get(c.store, c.arena, k.id, &k, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_concern(&k)));
	printf("added concern %lld on deal %lld: %s \"%s\"\n", (long long)k.id,
	       (long long)k.deal_id, concern_category_name(k.category),
	       k.words);
	return cli_done(&c, CLI_OK);
}

/* One move of the ledger: text is --answer or --reason. */
static int concern_move(int argc, char **argv, const char *cmd,
			enum concern_action action)
{
	static const struct cli_opt answer_opts[] = {
		{"answer", CLI_OPT_VALUE}, {NULL, CLI_OPT_FLAG}};
	static const struct cli_opt reason_opts[] = {
		{"reason", CLI_OPT_VALUE}, {NULL, CLI_OPT_FLAG}};
	static const struct cli_opt no_opts[] = {{NULL, CLI_OPT_FLAG}};
	const struct cli_opt *opts = action == CACTION_ANSWER    ? answer_opts
				     : action == CACTION_RESOLVE ? no_opts
								 : reason_opts;
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, cmd);
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the concern");
	if (rc == CLI_OK)
		rc = cli_id(&c, "ID", c.pos[0], &id);
	if (rc == CLI_OK && action == CACTION_ANSWER && !v[0].seen)
		rc = cli_usage(&c, "--answer is required (the information you "
				   "gave)");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	const char *text = v[0].seen ? v[0].value : NULL;
	struct error err = {0};
	struct concern k;
	if (validate_lines(action == CACTION_ANSWER ? "answer" : "reason",
			   text, MODEL_TEXT_MAX, action == CACTION_ANSWER,
			   &err) != R_OK ||
	    store_concern_act(c.store, c.arena, id, action, text, cli_now(),
			      &k, &err) != R_OK ||
	    store_concern_get(c.store, c.arena, id, &k, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_concern(&k)));
	printf("concern %lld is now %s\n", (long long)id,
	       concern_status_name(k.status));
	return cli_done(&c, CLI_OK);
}

int cmd_concern_answer(int argc, char **argv)
{
	return concern_move(argc, argv, "concern answer", CACTION_ANSWER);
}

int cmd_concern_resolve(int argc, char **argv)
{
	return concern_move(argc, argv, "concern resolve", CACTION_RESOLVE);
}

int cmd_concern_drop(int argc, char **argv)
{
	return concern_move(argc, argv, "concern drop", CACTION_DROP);
}

int cmd_concern_reopen(int argc, char **argv)
{
	return concern_move(argc, argv, "concern reopen", CACTION_REOPEN);
}
