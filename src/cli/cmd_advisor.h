/*
 * cmd_advisor.h: `rapport offering|need|fit|recommend`, the honest
 * advisor on the command line (cli layer): handlers and usage texts.
 */
#ifndef RAPPORT_CLI_CMD_ADVISOR_H
#define RAPPORT_CLI_CMD_ADVISOR_H

#include "cli/cmd.h"

int cmd_offering_add(int argc, char **argv);
int cmd_offering_list(int argc, char **argv);
int cmd_need_add(int argc, char **argv);
int cmd_fit(int argc, char **argv);
int cmd_fit_set(int argc, char **argv);
int cmd_recommend(int argc, char **argv);

#define CMD_OFFERING_ADD_USAGE                                                 \
	"usage: rapport offering add --vendor NAME --name NAME (--ours | "     \
	"--theirs)\n"                                                          \
	"                            [OPTIONS]\n"                              \
	"\n"                                                                   \
	"Adds an offering to the catalogue shared by every deal: ours or a\n"  \
	"competitor's (say which; nothing is assumed). Prints its id.\n"       \
	"  --vendor NAME       who sells it\n"                                 \
	"  --name NAME         what it is called (unique per vendor)\n"        \
	"  --ours              it is one of our offerings\n"                   \
	"  --theirs            it is a competitor's\n"                         \
	"  --price-minor N     price in minor units (cents)\n"                 \
	"  --currency CODE     ISO 4217 code, e.g. EUR (needed with a "        \
	"price)\n"                                                             \
	"  --price-model M     one_time, monthly, yearly (default), "          \
	"per_user_monthly,\n"                                                  \
	"                      per_user_yearly, quote\n"                       \
	"  --notes TEXT        notes\n"                                        \
	"  --link URL          an https:// link "                              \
	"(repeatable)\n" CMD_COMMON_OPTS

#define CMD_OFFERING_LIST_USAGE                                                \
	"usage: rapport offering list [--ours | --theirs] [--limit N] "        \
	"[--cursor C]\n"                                                       \
	"\n"                                                                   \
	"Lists the catalogue by id, a page at a time.\n"                       \
	"  --ours, --theirs    only ours, or only competitors'\n"              \
	"  --limit N           offerings per page (1-500, default 50)\n"       \
	"  --cursor C          start after this cursor\n" CMD_COMMON_OPTS

#define CMD_NEED_ADD_USAGE                                                     \
	"usage: rapport need add DEAL --words TEXT [--weight N] "              \
	"[--must-have]\n"                                                      \
	"\n"                                                                   \
	"Records one of the buyer's needs on deal DEAL, in their words.\n"     \
	"  --words TEXT        the need as the buyer put it\n"                 \
	"  --weight N          1 (nice to have) to 5 (matters most); "         \
	"default 3\n"                                                          \
	"  --must-have         an offering that does not meet it does not "    \
	"fit\n" CMD_COMMON_OPTS

#define CMD_FIT_USAGE                                                          \
	"usage: rapport fit DEAL [--json]\n"                                   \
	"\n"                                                                   \
	"Compares the offerings on deal DEAL: the needs against each "         \
	"offering's\n"                                                         \
	"scores (? when not known), the ranking with its reasons and value "   \
	"for\n"                                                                \
	"money, how sure it is, the unknowns worth finding out, and the\n"     \
	"recommendations made.\n" CMD_COMMON_OPTS

#define CMD_FIT_SET_USAGE                                                      \
	"usage: rapport fit set DEAL --need ID --offering ID (--score N "      \
	"--evidence TEXT\n"                                                    \
	"                       | --unknown) [--source TEXT]\n"                \
	"\n"                                                                   \
	"Sets how well an offering meets one of the deal's needs; the first "  \
	"score\n"                                                              \
	"puts the offering in the deal's comparison.\n"                        \
	"  --need ID           the need (rapport fit DEAL shows their ids)\n"  \
	"  --offering ID       the offering (rapport offering list)\n"         \
	"  --score N           0 (does not meet it) to 5 (meets it fully)\n"   \
	"  --evidence TEXT     what shows it (required with a score)\n"        \
	"  --unknown           not known yet (evidence may say what was "      \
	"asked)\n"                                                             \
	"  --source TEXT       where the evidence comes "                      \
	"from\n" CMD_COMMON_OPTS

#define CMD_RECOMMEND_USAGE                                                    \
	"usage: rapport recommend DEAL OFFERING --why TEXT\n"                  \
	"\n"                                                                   \
	"Records a recommendation of OFFERING (ours or a competitor's) on "    \
	"deal\n"                                                               \
	"DEAL with why it fits, keeping the ranking as it stands now. If the " \
	"buyer\n"                                                              \
	"goes with a competitor, mark the deal no_fit (rapport deal status "   \
	"DEAL\n"                                                               \
	"no_fit).\n"                                                           \
	"  --why TEXT          the rationale, in words the buyer would "       \
	"recognise\n" CMD_COMMON_OPTS

#endif
