/*
 * cli.c: the subcommand table and dispatch (cli layer).
 *
 * A row's name is one word ("today") or a group and a word ("people add").
 * `rapport people add ...` runs the "people add" row with argv starting at
 * "add"; `rapport people` alone lists the group's rows. `--help` anywhere
 * after the command prints the row's usage text, so help cannot drift from
 * the table. A new command is one row here and one handler in cmd.h.
 */
#include "cli/cli.h"
#include "cli/cmd_coach.h"
#include "cli/cmd_advisor.h"
#include "cli/cmd_deal.h"
#include "cli/cmd_user.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"

static const struct cli_command cli_commands[] = {
    {"init", cmd_init, "create the database (with --demo: demo data)",
     CMD_INIT_USAGE},
    {"people add", cmd_people_add, "add a person", CMD_PEOPLE_ADD_USAGE},
    {"people list", cmd_people_list, "list people, by tag or organization",
     CMD_PEOPLE_LIST_USAGE},
    {"people show", cmd_people_show, "show everything about a person",
     CMD_PEOPLE_SHOW_USAGE},
    {"people edit", cmd_people_edit, "change or clear a person's fields",
     CMD_PEOPLE_EDIT_USAGE},
    {"people rm", cmd_people_rm, "delete a person", CMD_PEOPLE_RM_USAGE},
    {"fact add", cmd_fact_add, "record a personal fact about someone",
     CMD_FACT_ADD_USAGE},
    {"fact list", cmd_fact_list, "list a person's facts", CMD_FACT_LIST_USAGE},
    {"fact rm", cmd_fact_rm, "delete a fact", CMD_FACT_RM_USAGE},
    {"log", cmd_log, "record an interaction (a call, a meeting, ...)",
     CMD_LOG_USAGE},
    {"today", cmd_today, "who is due, dates coming up, follow-ups due",
     CMD_TODAY_USAGE},
    {"search", cmd_search, "find people by name, organization, facts",
     CMD_SEARCH_USAGE},
    {"coach", cmd_coach, "mark pressure in a draft, find a buyer's concerns",
     CMD_COACH_USAGE},
    {"deal add", cmd_deal_add, "add a deal", CMD_DEAL_ADD_USAGE},
    {"deal list", cmd_deal_list, "list deals, by status, stage, owner",
     CMD_DEAL_LIST_USAGE},
    {"deal show", cmd_deal_show, "a deal: committee, plan, concerns, readiness",
     CMD_DEAL_SHOW_USAGE},
    {"deal stage", cmd_deal_stage, "move a deal to the buyer's stage",
     CMD_DEAL_STAGE_USAGE},
    {"deal status", cmd_deal_status, "win, lose, no_fit, rescind, reopen",
     CMD_DEAL_STATUS_USAGE},
    {"concern add", cmd_concern_add, "put a buyer's concern on the ledger",
     CMD_CONCERN_ADD_USAGE},
    {"concern answer", cmd_concern_answer, "record the information given",
     CMD_CONCERN_ANSWER_USAGE},
    {"concern resolve", cmd_concern_resolve, "the buyer confirmed it settled",
     CMD_CONCERN_RESOLVE_USAGE},
    {"concern drop", cmd_concern_drop, "drop a concern",
     CMD_CONCERN_DROP_USAGE},
    {"concern reopen", cmd_concern_reopen, "open a concern again",
     CMD_CONCERN_REOPEN_USAGE},
    {"plan add", cmd_plan_add, "add a step to a deal's mutual plan",
     CMD_PLAN_ADD_USAGE},
    {"plan done", cmd_plan_done, "mark a plan step done", CMD_PLAN_DONE_USAGE},
    {"metrics", cmd_metrics, "win, rescission, repeat, referral, concern times",
     CMD_METRICS_USAGE},
    {"user add", cmd_user_add, "add a user (admin, manager or seller)",
     CMD_USER_ADD_USAGE},
    {"user passwd", cmd_user_passwd, "set a user's password",
     CMD_USER_PASSWD_USAGE},
    {"user rm", cmd_user_rm, "delete a user", CMD_USER_RM_USAGE},
    {"user list", cmd_user_list, "list users", CMD_USER_LIST_USAGE},
    {"audit", cmd_audit, "who created, changed or deleted what, and when",
     CMD_AUDIT_USAGE},
    {"offering add", cmd_offering_add, "add an offering, ours or a competitor's",
     CMD_OFFERING_ADD_USAGE},
    {"offering list", cmd_offering_list, "list the offering catalogue",
     CMD_OFFERING_LIST_USAGE},
    {"need add", cmd_need_add, "record a buyer's need on a deal",
     CMD_NEED_ADD_USAGE},
    {"fit set", cmd_fit_set, "score how an offering meets a need",
     CMD_FIT_SET_USAGE},
    {"fit", cmd_fit, "compare the offerings on a deal, honestly",
     CMD_FIT_USAGE},
    {"recommend", cmd_recommend, "record a recommendation, even a competitor's",
     CMD_RECOMMEND_USAGE},
    {NULL, NULL, NULL, NULL},
};

/* True when name is group + " " + something, e.g. "people add". */
static bool cli_in_group(const char *name, const char *group)
{
	size_t n = strlen(group);
	return strncmp(name, group, n) == 0 && name[n] == ' ';
}

static void cli_help_rows(const struct cli_command *rows, size_t n,
			  const char *group)
{
	for (size_t i = 0; i < n && rows[i].name; i++)
		if (!group || cli_in_group(rows[i].name, group))
			printf("  %-15s %s\n", rows[i].name, rows[i].summary);
}

static void cli_help(const struct cli_command *extra, size_t n_extra)
{
	printf("usage: rapport COMMAND [OPTIONS]\n\ncommands:\n");
	cli_help_rows(cli_commands, SIZE_MAX, NULL);
	cli_help_rows(extra, n_extra, NULL);
	printf("\nEvery command takes --db PATH (default: $RAPPORT_DB or "
	       "rapport.db).\n"
	       "rapport COMMAND --help shows a command's options.\n");
}

static bool cli_group_exists(const struct cli_command *extra, size_t n_extra,
			     const char *group)
{
	for (size_t i = 0; cli_commands[i].name; i++)
		if (cli_in_group(cli_commands[i].name, group))
			return true;
	for (size_t i = 0; i < n_extra; i++)
		if (cli_in_group(extra[i].name, group))
			return true;
	return false;
}

/* The row named a (and, for a group, b), or NULL. */
static const struct cli_command *cli_find(const struct cli_command *extra,
					  size_t n_extra, const char *a,
					  const char *b)
{
	char name[64];
	if (b)
		snprintf(name, sizeof(name), "%s %s", a, b);
	else
		snprintf(name, sizeof(name), "%s", a);
	for (size_t i = 0; cli_commands[i].name; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	for (size_t i = 0; i < n_extra; i++)
		if (strcmp(extra[i].name, name) == 0)
			return &extra[i];
	return NULL;
}

static bool cli_is_help(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

/* `rapport people`, `rapport people --help`, `rapport people bogus`. */
static int cli_group_help(const struct cli_command *extra, size_t n_extra,
			  int argc, char **argv)
{
	const char *group = argv[1];
	if (argc > 2 && !cli_is_help(argv[2])) {
		fprintf(stderr,
			"rapport %s: unknown subcommand '%s' (run 'rapport %s "
			"--help' for the list)\n",
			group, argv[2], group);
		return CLI_USAGE;
	}
	printf("usage: rapport %s SUBCOMMAND [OPTIONS]\n\nsubcommands:\n",
	       group);
	cli_help_rows(cli_commands, SIZE_MAX, group);
	cli_help_rows(extra, n_extra, group);
	printf("\nrapport %s SUBCOMMAND --help shows its options.\n", group);
	return argc > 2 ? CLI_OK : CLI_USAGE;
}

int cli_dispatch(const struct cli_command *extra, size_t n_extra, int argc,
		 char **argv)
{
	if (argc < 2 || strcmp(argv[1], "help") == 0 || cli_is_help(argv[1])) {
		cli_help(extra, n_extra);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	int skip = 1; /* words of argv naming the command */
	const struct cli_command *cmd = NULL;
	if (argc > 2)
		cmd = cli_find(extra, n_extra, argv[1], argv[2]);
	if (cmd)
		skip = 2;
	else
		cmd = cli_find(extra, n_extra, argv[1], NULL);
	if (!cmd && cli_group_exists(extra, n_extra, argv[1]))
		return cli_group_help(extra, n_extra, argc, argv);
	if (!cmd) {
		fprintf(stderr,
			"rapport: unknown command '%s' (run 'rapport help' "
			"for the list)\n",
			argv[1]);
		return CLI_USAGE;
	}
	for (int i = 1 + skip; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (cli_is_help(argv[i])) {
			fputs(cmd->usage, stdout);
			return CLI_OK;
		}
	}
	return cmd->run(argc - skip, argv + skip);
}
