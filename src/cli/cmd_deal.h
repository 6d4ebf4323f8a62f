/*
 * cmd_deal.h: `rapport deal|concern|plan|metrics`, the deal side on the
 * command line (cli layer): handlers and usage texts.
 *
 * cmd_deal.c has deal add|list|show|stage|status, cmd_concern.c the
 * concern ledger, cmd_plan.c the mutual plan, cmd_metrics.c the outcome
 * measures. Shared helpers for printing a deal are in cmd_deal.c.
 */
#ifndef RAPPORT_CLI_CMD_DEAL_H
#define RAPPORT_CLI_CMD_DEAL_H

#include "cli/cmd.h"

int cmd_deal_add(int argc, char **argv);
int cmd_deal_list(int argc, char **argv);
int cmd_deal_show(int argc, char **argv);
int cmd_deal_stage(int argc, char **argv);
int cmd_deal_status(int argc, char **argv);
int cmd_concern_add(int argc, char **argv);
int cmd_concern_answer(int argc, char **argv);
int cmd_concern_resolve(int argc, char **argv);
int cmd_concern_drop(int argc, char **argv);
int cmd_concern_reopen(int argc, char **argv);
int cmd_plan_add(int argc, char **argv);
int cmd_plan_done(int argc, char **argv);
int cmd_metrics(int argc, char **argv);

#define CMD_DEAL_ADD_USAGE                                                     \
	"usage: rapport deal add --org ID --title TEXT --source SOURCE "       \
	"[OPTIONS]\n"                                                          \
	"\n"                                                                   \
	"Adds a deal (status open) and prints its id.\n"                       \
	"  --org ID            the buying organization's id\n"                 \
	"  --title TEXT        a short name for the deal\n"                    \
	"  --source SOURCE     referral, repeat, inbound, outbound\n"          \
	"  --referred-by ID    who referred it (required for a referral)\n"    \
	"  --stage STAGE       exploring (default), evaluating, trialing, "    \
	"deciding,\n"                                                          \
	"                      committed\n"                                    \
	"  --need TEXT         the buyer's need, in their words\n"             \
	"  --benefit TEXT      the benefit they expect\n"                      \
	"  --value-minor N     estimated value in minor units (cents)\n"       \
	"  --price-minor N     price in minor units (cents)\n"                 \
	"  --currency CODE     ISO 4217 code, e.g. EUR (needed with a value "  \
	"or price)\n"                                                          \
	"  --owner NAME        the seller who owns it (free text)\n"           \
	CMD_COMMON_OPTS

#define CMD_DEAL_LIST_USAGE                                                    \
	"usage: rapport deal list [--status S] [--stage S] [--owner NAME] "    \
	"[--org ID]\n"                                                         \
	"                         [--limit N] [--cursor C]\n"                  \
	"\n"                                                                   \
	"Lists deals by id, a page at a time.\n"                               \
	"  --status S          open, won, lost, no_fit, rescinded\n"           \
	"  --stage S           exploring, evaluating, trialing, deciding, "    \
	"committed\n"                                                          \
	"  --owner NAME        only this seller's deals\n"                     \
	"  --org ID            only this organization's deals\n"               \
	"  --limit N           deals per page (1-500, default 50)\n"           \
	"  --cursor C          start after this cursor (printed at the end "   \
	"of a page)\n" CMD_COMMON_OPTS

#define CMD_DEAL_SHOW_USAGE                                                    \
	"usage: rapport deal show ID [--stall-days N] [--json]\n"              \
	"\n"                                                                   \
	"Shows a deal with its buying committee, mutual plan, concerns, "      \
	"history,\n"                                                           \
	"asks, whether it is ready for an ask (and what is missing) and "      \
	"whether it\n"                                                         \
	"has stalled.\n"                                                       \
	"  --stall-days N      quiet days before a deal counts as stalled "    \
	"(default 21)\n" CMD_COMMON_OPTS

#define CMD_DEAL_STAGE_USAGE                                                   \
	"usage: rapport deal stage ID STAGE [--reason TEXT]\n"                 \
	"\n"                                                                   \
	"Moves the deal to the buyer's stage STAGE (exploring, evaluating, "   \
	"trialing,\n"                                                          \
	"deciding, committed); back is as fine as forward. The move is "       \
	"recorded.\n"                                                          \
	"  --reason TEXT       why, in a line\n" CMD_COMMON_OPTS

#define CMD_DEAL_STATUS_USAGE                                                  \
	"usage: rapport deal status ID STATUS [--reason TEXT] [--date DATE]\n" \
	"\n"                                                                   \
	"Changes the deal's status: open to won, lost or no_fit; won to "      \
	"rescinded\n"                                                          \
	"(cancelled or refunded; a reason is required); lost or no_fit back "  \
	"to open.\n"                                                           \
	"  --reason TEXT       why\n"                                          \
	"  --date DATE         the day it happened (YYYY-MM-DD, today, -N; "   \
	"default today)\n" CMD_COMMON_OPTS

#define CMD_CONCERN_ADD_USAGE                                                  \
	"usage: rapport concern add DEAL --category C --words TEXT "           \
	"[--raised-by ID]\n"                                                   \
	"\n"                                                                   \
	"Puts a concern the buyer raised on deal DEAL's ledger (status "       \
	"open).\n"                                                             \
	"  --category C        price, value, approval, timing, risk, "         \
	"competitor, fit,\n"                                                   \
	"                      other\n"                                        \
	"  --words TEXT        the concern in the buyer's own words\n"         \
	"  --raised-by ID      the stakeholder (committee member) who raised " \
	"it\n" CMD_COMMON_OPTS

#define CMD_CONCERN_ANSWER_USAGE                                               \
	"usage: rapport concern answer ID --answer TEXT\n"                     \
	"\n"                                                                   \
	"Records the information you gave for concern ID (it becomes "         \
	"answered;\n"                                                          \
	"resolve it when the buyer confirms).\n"                               \
	"  --answer TEXT       the information given\n" CMD_COMMON_OPTS

#define CMD_CONCERN_RESOLVE_USAGE                                              \
	"usage: rapport concern resolve ID\n"                                  \
	"\n"                                                                   \
	"Marks an answered concern resolved: the buyer confirmed the answer "  \
	"settled it.\n" CMD_COMMON_OPTS

#define CMD_CONCERN_DROP_USAGE                                                 \
	"usage: rapport concern drop ID [--reason TEXT]\n"                     \
	"\n"                                                                   \
	"Drops an open or answered concern (the buyer no longer holds it).\n"  \
	"  --reason TEXT       why it was dropped\n" CMD_COMMON_OPTS

#define CMD_CONCERN_REOPEN_USAGE                                               \
	"usage: rapport concern reopen ID [--reason TEXT]\n"                   \
	"\n"                                                                   \
	"Opens a concern again (the buyer raised it again).\n"                 \
	"  --reason TEXT       what brought it back\n" CMD_COMMON_OPTS

#define CMD_PLAN_ADD_USAGE                                                     \
	"usage: rapport plan add DEAL --title TEXT --side SIDE [--owner-person " \
	"ID]\n"                                                                \
	"                        [--due DATE]\n"                               \
	"\n"                                                                   \
	"Adds a step at the end of deal DEAL's mutual plan.\n"                 \
	"  --title TEXT        what is to be done\n"                           \
	"  --side SIDE         who owns it: buyer, seller, both\n"             \
	"  --owner-person ID   the person who owns it\n"                       \
	"  --due DATE          when it is due (YYYY-MM-DD, today, "            \
	"+N)\n" CMD_COMMON_OPTS

#define CMD_PLAN_DONE_USAGE                                                    \
	"usage: rapport plan done ID\n"                                        \
	"\n"                                                                   \
	"Marks plan step ID done now.\n" CMD_COMMON_OPTS

#define CMD_METRICS_USAGE                                                      \
	"usage: rapport metrics [--from DATE] [--to DATE] [--owner NAME] "     \
	"[--stall-days N]\n"                                                   \
	"\n"                                                                   \
	"Shows what trust earns over a period: win rate, rescission rate, "    \
	"repeat\n"                                                             \
	"business, referral share, median time to answer and to resolve a "   \
	"concern,\n"                                                           \
	"share of asks made with concerns unsettled, stalled deals; overall "  \
	"and per\n"                                                            \
	"owner.\n"                                                             \
	"  --from DATE         first day (default: 364 days before --to)\n"    \
	"  --to DATE           last day (default: today)\n"                    \
	"  --owner NAME        one seller only\n"                              \
	"  --stall-days N      quiet days before a deal counts as stalled "    \
	"(default 21)\n" CMD_COMMON_OPTS

#endif
