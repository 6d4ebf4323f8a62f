/*
 * cmd_user.h: `rapport user add|passwd|rm|list` and `rapport audit`, and
 * the first-run admin (cli layer): handlers and usage texts.
 */
#ifndef RAPPORT_CLI_CMD_USER_H
#define RAPPORT_CLI_CMD_USER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

#include "cli/cmd.h"
#include "util/result.h"
#include "util/secret.h"

struct store;

int cmd_user_add(int argc, char **argv);
int cmd_user_passwd(int argc, char **argv);
int cmd_user_rm(int argc, char **argv);
int cmd_user_list(int argc, char **argv);
int cmd_audit(int argc, char **argv);

/* Room for a one-time password: 18 random bytes as base64url, 24 chars. */
#define CMD_USER_OTP_MAX 32

/*
 * First run: when the database has no user at all, creates the admin
 * "admin" with a random one-time password (written into password, to be
 * printed once by the caller) and sets *created; otherwise does nothing
 * and leaves *created false. Check and creation are one transaction, so
 * two servers starting at once make one admin. Called by `rapport serve`
 * and `rapport init --demo`.
 */
enum result cmd_user_first_admin(struct store *s, int64_t now,
				 char password[CMD_USER_OTP_MAX], bool *created,
				 struct error *err);
/* Prints the first admin's login and one-time password to f, with what
 * to do next. */
void cmd_user_first_admin_print(FILE *f, const char *password);

#define CMD_USER_PASSWORD_OPTS                                                 \
	"  --password-file F   read the password from the first line of F;\n"  \
	"                      without it, from standard input when that is "  \
	"not a\n"                                                              \
	"                      terminal, else asked for (twice, not shown).\n" \
	"                      Never on the command line, where others could " \
	"see it.\n"

#define CMD_USER_ADD_USAGE                                                     \
	"usage: rapport user add LOGIN [--role ROLE] [--name NAME] [--team "   \
	"TEAM]\n"                                                              \
	"                        [--password-file F]\n"                        \
	"\n"                                                                   \
	"Adds a user who can log in to the web interface and the API.\n"       \
	"  --role ROLE         admin, manager or seller (default seller)\n"    \
	"  --name NAME         the name shown for the user\n"                  \
	"  --team TEAM         the user's team (made if "                      \
	"new)\n" CMD_USER_PASSWORD_OPTS CMD_COMMON_OPTS

#define CMD_USER_PASSWD_USAGE                                                  \
	"usage: rapport user passwd LOGIN [--password-file F]\n"               \
	"\n"                                                                   \
	"Sets a user's password; every session of theirs "                     \
	"ends.\n" CMD_USER_PASSWORD_OPTS CMD_COMMON_OPTS

#define CMD_USER_RM_USAGE                                                      \
	"usage: rapport user rm LOGIN [--yes]\n"                               \
	"\n"                                                                   \
	"Deletes a user with their sessions and API tokens (the audit log "    \
	"keeps\n"                                                              \
	"their name). The last admin cannot be deleted.\n"                     \
	"Asks first when run at a terminal; otherwise --yes is required.\n"    \
	"  --yes               delete without asking\n" CMD_COMMON_OPTS

#define CMD_USER_LIST_USAGE                                                    \
	"usage: rapport user list [--json]\n"                                  \
	"\n"                                                                   \
	"Lists the users with their role and team.\n" CMD_COMMON_OPTS

#define CMD_AUDIT_USAGE                                                        \
	"usage: rapport audit [--limit N] [--cursor C] [--json]\n"             \
	"\n"                                                                   \
	"Shows the audit log, newest first: who created, changed or deleted "  \
	"what,\n"                                                              \
	"and when (the names of the fields changed, never their values).\n"    \
	"  --limit N           entries per page (1-500, default 50)\n"         \
	"  --cursor C          start after this cursor (printed at the end "   \
	"of a page)\n" CMD_COMMON_OPTS

#endif
