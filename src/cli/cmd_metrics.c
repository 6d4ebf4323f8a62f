/*
 * cmd_metrics.c: `rapport metrics`, what trust earns over a period (cli
 * layer).
 *
 * A table with one column for all deals and one per owner (or the one
 * owner asked for); the numbers are core's metrics_compute, the same as
 * GET /api/v1/metrics.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd_deal.h"
#include "codec/deal_json.h"
#include "core/metrics.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"

#define METRICS_COL 14

static void metrics_cell_rate(struct metrics_rate r)
{
	double v;
	char s[32];
	if (metrics_rate_value(r, &v))
		snprintf(s, sizeof(s), "%.0f%% (%lld/%lld)", v * 100.0,
			 (long long)r.num, (long long)r.den);
	else
		snprintf(s, sizeof(s), "-");
	printf(" %*s", METRICS_COL, s);
}

static void metrics_cell_median(struct metrics_median m)
{
	char s[32];
	if (m.count)
		snprintf(s, sizeof(s), "%.1f d (%lld)",
			 (double)m.seconds / 86400.0, (long long)m.count);
	else
		snprintf(s, sizeof(s), "-");
	printf(" %*s", METRICS_COL, s);
}

static void metrics_cell_int(int64_t v)
{
	printf(" %*lld", METRICS_COL, (long long)v);
}

/* Prints the table, one column per measure set. */
static void metrics_print(const struct metrics *ms, size_t n)
{
	char from[DATE_STR_MAX], to[DATE_STR_MAX];
	date_format(ms[0].from_day, from);
	date_format(ms[0].to_day, to);
	printf("%s to %s (stalled: open deals quiet more than %d days)\n\n",
	       from, to, ms[0].stall_days);
	printf("%-26s", "");
	for (size_t i = 0; i < n; i++) {
		char name[METRICS_COL + 1];
		snprintf(name, sizeof(name), "%s",
			 ms[i].owner ? ms[i].owner : "all");
		printf(" %*s", METRICS_COL, name);
	}
	printf("\n");
#define ROW(label, expr)                                                      \
	do {                                                                  \
		printf("%-26s", label);                                       \
		for (size_t i = 0; i < n; i++)                                \
			expr;                                                 \
		printf("\n");                                                 \
	} while (0)
	ROW("deals started", metrics_cell_int(ms[i].deals_started));
	ROW("won", metrics_cell_int(ms[i].won));
	ROW("lost", metrics_cell_int(ms[i].lost));
	ROW("no fit", metrics_cell_int(ms[i].no_fit));
	ROW("win rate", metrics_cell_rate(ms[i].win_rate));
	ROW("rescission rate", metrics_cell_rate(ms[i].rescission_rate));
	ROW("repeat business", metrics_cell_rate(ms[i].repeat_rate));
	ROW("referral share", metrics_cell_rate(ms[i].referral_share));
	ROW("time to answer (median)",
	    metrics_cell_median(ms[i].time_to_answer));
	ROW("time to resolve (median)",
	    metrics_cell_median(ms[i].time_to_resolve));
	ROW("asks, concerns unsettled", metrics_cell_rate(ms[i].asks_flagged));
	ROW("stalled deals", metrics_cell_int(ms[i].stalled));
#undef ROW
}

int cmd_metrics(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"from", CLI_OPT_VALUE},
					      {"to", CLI_OPT_VALUE},
					      {"owner", CLI_OPT_VALUE},
					      {"stall-days", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[4] = {{0}};
	int64_t to = cli_today(), from = 0, stall = DEAL_STALL_DAYS_DEFAULT;
	cli_begin(&c, "metrics");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK && v[1].seen && !cli_parse_day(v[1].value, &to))
		rc = cli_usage(&c, "--to: '%s' is not a date (use YYYY-MM-DD)",
			       v[1].value);
	from = to - 364;
	if (rc == CLI_OK && v[0].seen && !cli_parse_day(v[0].value, &from))
		rc = cli_usage(&c,
			       "--from: '%s' is not a date (use YYYY-MM-DD)",
			       v[0].value);
	if (rc == CLI_OK && from > to)
		rc = cli_usage(&c, "--from is after --to (give the earlier "
				   "day as --from)");
	if (rc == CLI_OK && v[3].seen)
		rc = cli_num(&c, "--stall-days", v[3].value, 1,
			     DEAL_STALL_DAYS_MAX, &stall);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct metrics_input in;
	struct error err = {0};
	if (store_metrics_inputs(c.store, c.arena, &in, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	const char *owner = v[2].seen ? v[2].value : NULL;
	const char **owners = &owner;
	size_t n_owners = 1;
	if (!owner)
		metrics_owners(&in, c.arena, &owners, &n_owners);
	struct metrics *ms =
		arena_alloc(c.arena, (n_owners + 1) * sizeof(*ms));
	metrics_compute_groups(&in, owners, n_owners, from, to, cli_now(),
			       (int)stall, c.arena, ms);
	if (owner) { /* one owner: their column only */
		ms[0] = ms[1];
		n_owners = 0;
	}
	if (c.json) {
		json_t *j = codec_metrics(&ms[0]);
		json_t *by = json_array();
		for (size_t i = 0; i < n_owners; i++)
			json_array_append_new(by, codec_metrics(&ms[i + 1]));
		json_object_set_new(j, "by_owner", by);
		return cli_done(&c, cli_print_json(&c, j));
	}
	metrics_print(ms, n_owners + 1);
	return cli_done(&c, CLI_OK);
}
