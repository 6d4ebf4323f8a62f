/*
 * cmd.h: the handlers of the command table and their usage texts (cli
 * layer).
 *
 * Each handler takes argv starting at its own word ("add" for `rapport
 * people add`), parses the rest, and returns the exit code: 0 success,
 * 1 failure, 2 usage error. The usage text is what --help prints; keep it
 * next to the declaration so a new option is added in both places at once.
 */
#ifndef RAPPORT_CLI_CMD_H
#define RAPPORT_CLI_CMD_H

#define CMD_COMMON_OPTS                                                        \
	"  --db PATH           database file (default: $RAPPORT_DB, else "     \
	"rapport.db)\n"                                                        \
	"  --json              print machine-readable JSON on stdout\n"

/* rapport init */
int cmd_init(int argc, char **argv);
#define CMD_INIT_USAGE                                                         \
	"usage: rapport init [--db PATH] [--demo] [--json]\n"                  \
	"\n"                                                                   \
	"Creates the database (or brings an existing one up to date).\n"       \
	"  --demo              fill a new, empty database with demo data: "    \
	"about 28\n"                                                           \
	"                      people in six organizations, their facts, "     \
	"dates and\n"                                                          \
	"                      touches; refused when the database already "    \
	"has people\n" CMD_COMMON_OPTS

/* rapport people add|list|show|edit|rm */
int cmd_people_add(int argc, char **argv);
int cmd_people_list(int argc, char **argv);
int cmd_people_show(int argc, char **argv);
int cmd_people_edit(int argc, char **argv);
int cmd_people_rm(int argc, char **argv);

#define CMD_PEOPLE_FIELDS                                                      \
	"  --given NAME        given name (required when adding)\n"            \
	"  --family NAME       family name\n"                                  \
	"  --org NAME|ID       organization: an id, or a name; a name not "    \
	"found is\n"                                                           \
	"                      created (a note on stderr says so)\n"           \
	"  --title TEXT        job title\n"                                    \
	"  --email ADDR        an email address (repeatable)\n"                \
	"  --phone NUMBER      a phone number (repeatable)\n"                  \
	"  --tag TAG           a tag such as client (repeatable)\n"            \
	"  --cadence DAYS      keep in touch every DAYS days (else the "       \
	"tags')\n"                                                             \
	"  --cadence-max DAYS  the longest the gap should ever get\n"          \
	"  --how-met TEXT      how you met\n"                                  \
	"  --met-on DATE       when you met (YYYY-MM-DD, today, -N)\n"         \
	"  --referred-by ID    the person who introduced you\n"                \
	"  --notes TEXT        free notes\n"

#define CMD_PEOPLE_ADD_USAGE                                                   \
	"usage: rapport people add --given NAME [OPTIONS]\n"                   \
	"\n"                                                                   \
	"Adds a person and prints their id.\n" CMD_PEOPLE_FIELDS               \
	    CMD_COMMON_OPTS

#define CMD_PEOPLE_LIST_USAGE                                                  \
	"usage: rapport people list [--tag TAG] [--org ID] [--limit N] "       \
	"[--cursor C]\n"                                                       \
	"\n"                                                                   \
	"Lists people by id, a page at a time.\n"                              \
	"  --tag TAG           only people with this tag\n"                    \
	"  --org ID            only people of this organization\n"             \
	"  --limit N           people per page (1-500, default 50)\n"          \
	"  --cursor C          start after this cursor (printed at the end "   \
	"of a page)\n" CMD_COMMON_OPTS

#define CMD_PEOPLE_SHOW_USAGE                                                  \
	"usage: rapport people show ID [--json]\n"                             \
	"\n"                                                                   \
	"Shows everything about a person: contact points, facts, important\n"  \
	"dates with their next occurrence, relationships, recent touches "     \
	"and when\n"                                                           \
	"they are next due.\n" CMD_COMMON_OPTS

#define CMD_PEOPLE_EDIT_USAGE                                                  \
	"usage: rapport people edit ID [OPTIONS]\n"                            \
	"\n"                                                                   \
	"Changes the fields given and keeps the others. An empty value "       \
	"(--title '')\n"                                                       \
	"or --clear-FIELD clears a field; --email, --phone and --tag replace " \
	"the\n"                                                                \
	"whole list. Clearable: family, org, title, email, phone, tag, "       \
	"cadence,\n"                                                           \
	"cadence-max, how-met, met-on, referred-by, "                          \
	"notes.\n" CMD_PEOPLE_FIELDS CMD_COMMON_OPTS

#define CMD_PEOPLE_RM_USAGE                                                    \
	"usage: rapport people rm ID [--yes]\n"                                \
	"\n"                                                                   \
	"Deletes a person with their facts, dates and relationships.\n"        \
	"Asks first when run at a terminal; otherwise --yes is required.\n"    \
	"  --yes               delete without asking\n" CMD_COMMON_OPTS

/* rapport fact add|list|rm */
int cmd_fact_add(int argc, char **argv);
int cmd_fact_list(int argc, char **argv);
int cmd_fact_rm(int argc, char **argv);

#define CMD_FACT_ADD_USAGE                                                     \
	"usage: rapport fact add PERSON --kind KIND --label LABEL --value "    \
	"VALUE\n"                                                              \
	"                        [--learned-on DATE] [--interaction ID]\n"     \
	"\n"                                                                   \
	"Records a personal fact about the person with id PERSON.\n"           \
	"  --kind KIND         like, dislike, passion, family, pet, food, "    \
	"milestone,\n"                                                         \
	"                      other\n"                                        \
	"  --label LABEL       what it is about: daughter, team, coffee\n"     \
	"  --value VALUE       the fact: \"Maya, 7\", \"Arsenal\", \"oat "     \
	"flat white\"\n"                                                       \
	"  --learned-on DATE   when you learned it (YYYY-MM-DD, today, -N)\n"  \
	"  --interaction ID    the interaction you learned it "                \
	"in\n" CMD_COMMON_OPTS

#define CMD_FACT_LIST_USAGE                                                    \
	"usage: rapport fact list PERSON [--json]\n"                           \
	"\n"                                                                   \
	"Lists the facts about the person with id PERSON.\n" CMD_COMMON_OPTS

#define CMD_FACT_RM_USAGE                                                      \
	"usage: rapport fact rm ID [--json]\n"                                 \
	"\n"                                                                   \
	"Deletes the fact with id ID.\n" CMD_COMMON_OPTS

/* rapport log */
int cmd_log(int argc, char **argv);
#define CMD_LOG_USAGE                                                          \
	"usage: rapport log --person ID [--person ID]... --kind KIND "         \
	"--summary TEXT\n"                                                     \
	"                   [--at TIME] [--notes TEXT] [--follow-up DATE]\n"   \
	"\n"                                                                   \
	"Records an interaction with one or more people; it counts as their "  \
	"latest\n"                                                             \
	"touch.\n"                                                             \
	"  --person ID         someone who took part (repeatable)\n"           \
	"  --kind KIND         call, meeting, email, message, note, gift, "    \
	"help\n"                                                               \
	"  --summary TEXT      what happened, in a line\n"                     \
	"  --at TIME           when (RFC 3339, e.g. 2026-03-02T15:00:00Z; "    \
	"default now)\n"                                                       \
	"  --notes TEXT        longer notes\n"                                 \
	"  --follow-up DATE    when to follow up (YYYY-MM-DD, tomorrow, "      \
	"+N)\n" CMD_COMMON_OPTS

/* rapport today */
int cmd_today(int argc, char **argv);
#define CMD_TODAY_USAGE                                                        \
	"usage: rapport today [--days N] [--limit N] [--json]\n"               \
	"\n"                                                                   \
	"Shows who is due for a touch (by their keep-in-touch cadence, most\n" \
	"overdue first), important dates coming up and follow-ups due.\n"      \
	"  --days N            how far ahead to look for dates (0-366, "       \
	"default 14)\n"                                                        \
	"  --limit N           at most N of each (1-500, default 50)\n"       \
	CMD_COMMON_OPTS

/* rapport search */
int cmd_search(int argc, char **argv);
#define CMD_SEARCH_USAGE                                                       \
	"usage: rapport search QUERY [--limit N] [--json]\n"                   \
	"\n"                                                                   \
	"Finds people by name, organization, title, email, notes and facts;\n" \
	"each word of QUERY matches the start of a word (\"mar jaz\").\n"      \
	"  --limit N           most hits to show (1-500, default "             \
	"20)\n" CMD_COMMON_OPTS

#endif
