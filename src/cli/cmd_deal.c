/*
 * cmd_deal.c: `rapport deal add|list|show|stage|status` (cli layer).
 *
 * A deal follows the buyer's decision: `deal show` puts the committee,
 * the plan and the concern ledger next to whether the deal is ready for
 * an ask, and says in words what is missing. Stage and status moves are
 * recorded with their reason, like the API's.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd_deal.h"
#include "codec/deal_json.h"
#include "core/deal_rules.h"
#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"
#include "util/date.h"

enum {
	D_ORG, D_TITLE, D_SOURCE, D_REFERRED_BY, D_STAGE, D_NEED, D_BENEFIT,
	D_VALUE, D_PRICE, D_CURRENCY, D_OWNER, D_COUNT
};

static const struct cli_opt deal_add_opts[] = {
	{"org", CLI_OPT_VALUE},		{"title", CLI_OPT_VALUE},
	{"source", CLI_OPT_VALUE},	{"referred-by", CLI_OPT_VALUE},
	{"stage", CLI_OPT_VALUE},	{"need", CLI_OPT_VALUE},
	{"benefit", CLI_OPT_VALUE},	{"value-minor", CLI_OPT_VALUE},
	{"price-minor", CLI_OPT_VALUE}, {"currency", CLI_OPT_VALUE},
	{"owner", CLI_OPT_VALUE},	{NULL, CLI_OPT_FLAG},
};

/* Fills d from the options; returns an exit code. */
static int deal_from_opts(struct cli_ctx *c, const struct cli_val *v,
			  struct deal *d)
{
	if (!v[D_ORG].seen || !v[D_TITLE].seen || !v[D_SOURCE].seen)
		return cli_usage(c, "--org, --title and --source are required");
	int rc = cli_id(c, "--org", v[D_ORG].value, &d->org_id);
	if (rc != CLI_OK)
		return rc;
	d->title = v[D_TITLE].value;
	if (!deal_source_parse(v[D_SOURCE].value, &d->source))
		return cli_usage(c, "--source: '%s' is not one of %s",
				 v[D_SOURCE].value, deal_source_list());
	if (v[D_STAGE].seen && !deal_stage_parse(v[D_STAGE].value, &d->stage))
		return cli_usage(c, "--stage: '%s' is not one of %s",
				 v[D_STAGE].value, deal_stage_list());
	if (v[D_REFERRED_BY].seen &&
	    (rc = cli_id(c, "--referred-by", v[D_REFERRED_BY].value,
			 &d->referred_by)) != CLI_OK)
		return rc;
	if (v[D_VALUE].seen &&
	    (rc = cli_num(c, "--value-minor", v[D_VALUE].value, 0,
			  DEAL_MONEY_MAX, &d->value_minor)) != CLI_OK)
		return rc;
	if (v[D_PRICE].seen &&
	    (rc = cli_num(c, "--price-minor", v[D_PRICE].value, 0,
			  DEAL_MONEY_MAX, &d->price_minor)) != CLI_OK)
		return rc;
	d->need = v[D_NEED].value;
	d->benefit = v[D_BENEFIT].value;
	d->currency = v[D_CURRENCY].value;
	d->owner = v[D_OWNER].value;
	return CLI_OK;
}

int cmd_deal_add(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[D_COUNT] = {{0}};
	struct deal d = {0};
	cli_begin(&c, "deal add");
	int rc = cli_parse(&c, deal_add_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK)
		rc = deal_from_opts(&c, v, &d);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	if (validate_deal(&d, &err) != R_OK ||
	    store_deal_create(c.store, &d, &err) != R_OK ||
	    store_deal_get(c.store, c.arena, d.id, &d, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_deal(&d)));
	printf("added deal %lld: %s (%s, %s)\n", (long long)d.id, d.title,
	       d.org_name ? d.org_name : "", deal_stage_name(d.stage));
	return cli_done(&c, CLI_OK);
}

/* Parses an enum option through parse; returns an exit code. */
static int deal_enum_opt(struct cli_ctx *c, const char *opt, const char *s,
			 bool ok, const char *list)
{
	if (ok)
		return CLI_OK;
	return cli_usage(c, "%s: '%s' is not one of %s", opt, s, list);
}

static void deal_print_row(const struct deal *d)
{
	printf("%6lld  %-10s %-9s ", (long long)d->id,
	       deal_stage_name(d->stage), deal_status_name(d->status));
	cli_pad(d->title ? d->title : "", 30);
	printf(" ");
	cli_pad(d->org_name ? d->org_name : "", 20);
	printf(" %s%s\n", d->owner ? d->owner : "-",
	       d->repeat ? "  (repeat)" : "");
}

int cmd_deal_list(int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"status", CLI_OPT_VALUE}, {"stage", CLI_OPT_VALUE},
		{"owner", CLI_OPT_VALUE},  {"org", CLI_OPT_VALUE},
		{"limit", CLI_OPT_VALUE},  {"cursor", CLI_OPT_VALUE},
		{NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[6] = {{0}};
	struct deal_filter f = {.status = -1, .stage = -1};
	struct store_page page = {0, 0};
	int64_t n64 = 0;
	cli_begin(&c, "deal list");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	enum deal_status status;
	enum deal_stage stage;
	if (rc == CLI_OK && v[0].seen &&
	    (rc = deal_enum_opt(&c, "--status", v[0].value,
				deal_status_parse(v[0].value, &status),
				deal_status_list())) == CLI_OK)
		f.status = (int)status;
	if (rc == CLI_OK && v[1].seen &&
	    (rc = deal_enum_opt(&c, "--stage", v[1].value,
				deal_stage_parse(v[1].value, &stage),
				deal_stage_list())) == CLI_OK)
		f.stage = (int)stage;
	f.owner = v[2].seen ? v[2].value : NULL;
	if (rc == CLI_OK && v[3].seen)
		rc = cli_id(&c, "--org", v[3].value, &f.org_id);
	if (rc == CLI_OK && v[4].seen &&
	    (rc = cli_num(&c, "--limit", v[4].value, 1, STORE_LIMIT_MAX,
			  &n64)) == CLI_OK)
		page.limit = (int)n64;
	if (rc == CLI_OK && v[5].seen)
		rc = cli_num(&c, "--cursor", v[5].value, 0, INT64_MAX,
			     &page.after_id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct deal *items;
	size_t n;
	bool more;
	struct error err = {0};
	if (store_deal_list(c.store, c.arena, &f, &page, &items, &n, &more,
			    &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	int64_t next = more && n ? items[n - 1].id : 0;
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, codec_deal(&items[i]));
		json_t *j = json_pack("{s:o}", "items", arr);
		json_object_set_new(j, "next_cursor",
				    next ? json_sprintf("%lld", (long long)next)
					 : json_null());
		return cli_done(&c, cli_print_json(&c, j));
	}
	if (n == 0) {
		printf("no deals%s\n", argc > 1 ? " match" : " yet");
		return cli_done(&c, CLI_OK);
	}
	for (size_t i = 0; i < n; i++)
		deal_print_row(&items[i]);
	if (next)
		printf("\nmore: rapport deal list --cursor %lld (with the same "
		       "filters)\n",
		       (long long)next);
	return cli_done(&c, CLI_OK);
}

/* Works out readiness and stall for the deal page. */
static void deal_verdicts(const struct deal_full *f, int stall_days,
			  struct deal_readiness *ready,
			  struct deal_stall *stall)
{
	deal_rules_readiness(f->concerns, f->n_concerns, f->stakeholders,
			     f->n_stakeholders, f->steps, f->n_steps,
			     cli_today(), ready);
	deal_rules_stall(f->deal.status,
			 deal_rules_last_activity(f->deal.created_at,
						  f->last_interaction, f->steps,
						  f->n_steps),
			 cli_now(), stall_days, stall);
}

static void deal_print_money(const char *label, int64_t minor,
			     const char *currency)
{
	if (!minor)
		return;
	printf("  %-10s %lld.%02lld %s\n", label, (long long)(minor / 100),
	       (long long)(minor % 100), currency ? currency : "");
}

static void deal_print_head(const struct deal *d)
{
	printf("deal %lld: %s\n", (long long)d->id, d->title);
	printf("  buyer      %s\n", d->org_name ? d->org_name : "");
	printf("  stage      %s, status %s", deal_stage_name(d->stage),
	       deal_status_name(d->status));
	if (d->status_reason)
		printf(" (%s)", d->status_reason);
	printf("\n  source     %s", deal_source_name(d->source));
	if (d->referred_by_name)
		printf(", referred by %s", d->referred_by_name);
	printf("%s\n", d->repeat ? "; repeat business" : "");
	if (d->owner)
		printf("  owner      %s\n", d->owner);
	if (d->need)
		printf("  need       %s\n", d->need);
	if (d->benefit)
		printf("  benefit    %s\n", d->benefit);
	deal_print_money("value", d->value_minor, d->currency);
	deal_print_money("price", d->price_minor, d->currency);
}

static void deal_print_parts(const struct deal_full *f)
{
	printf("\ncommittee:\n");
	if (!f->n_stakeholders)
		printf("  nobody yet\n");
	for (size_t i = 0; i < f->n_stakeholders; i++) {
		const struct stakeholder *k = &f->stakeholders[i];
		printf("  [%lld] %s: %s, %s\n", (long long)k->id,
		       k->person_name, stakeholder_role_name(k->role),
		       stakeholder_stance_name(k->stance));
	}
	printf("\nplan:\n");
	if (!f->n_steps)
		printf("  no steps yet\n");
	for (size_t i = 0; i < f->n_steps; i++) {
		const struct plan_step *p = &f->steps[i];
		char due[DATE_STR_MAX] = "";
		if (p->has_due_on)
			date_format(p->due_on, due);
		printf("  [%lld] %s %s (%s%s%s)\n", (long long)p->id,
		       p->done_at ? "[x]" : "[ ]", p->title,
		       plan_side_name(p->side), due[0] ? ", due " : "", due);
	}
	printf("\nconcerns:\n");
	if (!f->n_concerns)
		printf("  none raised\n");
	for (size_t i = 0; i < f->n_concerns; i++) {
		const struct concern *k = &f->concerns[i];
		printf("  [%lld] %-8s %-10s \"%s\"%s%s%s%s\n", (long long)k->id,
		       concern_status_name(k->status),
		       concern_category_name(k->category), k->words,
		       k->answer ? " -> " : "", k->answer ? k->answer : "",
		       k->source != CSOURCE_ENTERED ? " (from " : "",
		       k->source == CSOURCE_COACH	 ? "the coach)"
		       : k->source == CSOURCE_BUYER_LINK ? "the buyer's link)"
							 : "");
	}
}

static void deal_print_verdicts(const struct deal_full *f,
				const struct deal_readiness *ready,
				const struct deal_stall *stall)
{
	size_t flagged = 0;
	for (size_t i = 0; i < f->n_asks; i++)
		flagged += f->asks[i].flagged;
	if (f->n_asks)
		printf("\nasks: %zu, %zu made with concerns unsettled\n",
		       f->n_asks, flagged);
	printf("\nready for an ask: %s\n", ready->ready ? "yes" : "not yet");
	for (size_t i = 0; i < ready->n_missing; i++)
		printf("  - %s\n", ready->missing[i]);
	char since[TIME_STR_MAX];
	time_format(stall->since, since);
	if (stall->stalled)
		printf("stalled: quiet since %s (%lld days; the threshold is "
		       "%d)\n",
		       since, (long long)stall->days_quiet,
		       stall->threshold_days);
	else
		printf("last activity: %s (%lld days ago)\n", since,
		       (long long)stall->days_quiet);
}

int cmd_deal_show(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"stall-days", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0, stall_days = DEAL_STALL_DAYS_DEFAULT;
	cli_begin(&c, "deal show");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the deal");
	if (rc == CLI_OK)
		rc = cli_id(&c, "ID", c.pos[0], &id);
	if (rc == CLI_OK && v[0].seen)
		rc = cli_num(&c, "--stall-days", v[0].value, 1,
			     DEAL_STALL_DAYS_MAX, &stall_days);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct deal_full f;
	struct error err = {0};
	if (store_deal_read_full(c.store, c.arena, id, &f, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	struct deal_readiness ready;
	struct deal_stall stall;
	deal_verdicts(&f, (int)stall_days, &ready, &stall);
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_deal_full(
							       &f, &ready,
							       &stall)));
	deal_print_head(&f.deal);
	deal_print_parts(&f);
	deal_print_verdicts(&f, &ready, &stall);
	return cli_done(&c, CLI_OK);
}

/* Prints the deal after a move, or its JSON. */
static int deal_print_moved(struct cli_ctx *c, int64_t id, const char *what)
{
	struct deal d;
	struct error err = {0};
	if (store_deal_get(c->store, c->arena, id, &d, &err) != R_OK)
		return cli_error(c, &err);
	if (c->json)
		return cli_print_json(c, codec_deal(&d));
	printf("deal %lld is now %s\n", (long long)id, what);
	return CLI_OK;
}

int cmd_deal_stage(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"reason", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	enum deal_stage stage = STAGE_EXPLORING;
	cli_begin(&c, "deal stage");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 2, 2, "the deal's id and the stage");
	if (rc == CLI_OK)
		rc = cli_id(&c, "ID", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = deal_enum_opt(&c, "STAGE", c.pos[1],
				   deal_stage_parse(c.pos[1], &stage),
				   deal_stage_list());
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	const char *reason = v[0].seen ? v[0].value : NULL;
	if (validate_lines("reason", reason, MODEL_TEXT_MAX, false, &err) !=
		    R_OK ||
	    store_deal_set_stage(c.store, id, stage, reason, cli_now(),
				 &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	return cli_done(&c, deal_print_moved(&c, id, deal_stage_name(stage)));
}

int cmd_deal_status(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"reason", CLI_OPT_VALUE},
					      {"date", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[2] = {{0}};
	int64_t id = 0, day = cli_today();
	enum deal_status status = STATUS_OPEN;
	cli_begin(&c, "deal status");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 2, 2, "the deal's id and the status");
	if (rc == CLI_OK)
		rc = cli_id(&c, "ID", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = deal_enum_opt(&c, "STATUS", c.pos[1],
				   deal_status_parse(c.pos[1], &status),
				   deal_status_list());
	if (rc == CLI_OK && v[1].seen && !cli_parse_day(v[1].value, &day))
		rc = cli_usage(&c, "--date: '%s' is not a date (use "
				   "YYYY-MM-DD, today or -N)",
			       v[1].value);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	const char *reason = v[0].seen ? v[0].value : NULL;
	if (validate_lines("reason", reason, MODEL_TEXT_MAX, false, &err) !=
		    R_OK ||
	    store_deal_set_status(c.store, id, status, reason, day, cli_now(),
				  &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	return cli_done(&c,
			deal_print_moved(&c, id, deal_status_name(status)));
}
