/*
 * cmd_plan.c: `rapport plan add|done`, the mutual plan of a deal (cli
 * layer).
 *
 * Steps are owned by the buyer, the seller or both; a buyer's step past
 * its day holds a deal back from an ask (see `rapport deal show`).
 */
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/cmd_deal.h"
#include "codec/deal_json.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"

int cmd_plan_add(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"title", CLI_OPT_VALUE},
					      {"side", CLI_OPT_VALUE},
					      {"owner-person", CLI_OPT_VALUE},
					      {"due", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[4] = {{0}};
	struct plan_step p = {0};
	cli_begin(&c, "plan add");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the deal (DEAL)");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &p.deal_id);
	if (rc == CLI_OK && (!v[0].seen || !v[1].seen))
		rc = cli_usage(&c, "--title and --side are required");
	if (rc == CLI_OK && !plan_side_parse(v[1].value, &p.side))
		rc = cli_usage(&c, "--side: '%s' is not one of %s", v[1].value,
			       plan_side_list());
	if (rc == CLI_OK && v[2].seen)
		rc = cli_id(&c, "--owner-person", v[2].value,
			    &p.owner_person_id);
	if (rc == CLI_OK && v[3].seen) {
		p.has_due_on = cli_parse_day(v[3].value, &p.due_on);
		if (!p.has_due_on)
			rc = cli_usage(&c, "--due: '%s' is not a date (use "
					   "YYYY-MM-DD, tomorrow or +N)",
				       v[3].value);
	}
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	p.title = v[0].value;
	struct error err = {0};
	if (validate_plan_step(&p, &err) != R_OK ||
	    store_plan_step_create(c.store, &p, &err) != R_OK ||
	    store_plan_step_get(c.store, c.arena, p.id, &p, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_plan_step(&p)));
	printf("added plan step %lld on deal %lld: %s (%s)\n", (long long)p.id,
	       (long long)p.deal_id, p.title, plan_side_name(p.side));
	return cli_done(&c, CLI_OK);
}

int cmd_plan_done(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "plan done");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the plan step");
	if (rc == CLI_OK)
		rc = cli_id(&c, "ID", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct plan_step p;
	if (store_plan_step_get(c.store, c.arena, id, &p, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (p.done_at)
		return cli_done(&c, cli_fail(&c, "step %lld is already done",
					     (long long)id));
	p.done_at = cli_now();
	if (store_plan_step_update(c.store, &p, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_plan_step(&p)));
	printf("plan step %lld done: %s\n", (long long)id, p.title);
	return cli_done(&c, CLI_OK);
}
