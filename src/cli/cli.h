/*
 * cli.h: the command line (cli layer).
 *
 * Subcommands live in one table: name, handler, one-line summary and usage
 * text, so `rapport help` and each `--help` come from the table. Handlers
 * return the exit code: 0 success, 1 failure, 2 usage error. Errors go to
 * standard error as one line.
 */
#ifndef RAPPORT_CLI_CLI_H
#define RAPPORT_CLI_CLI_H

#include <stddef.h>

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli_command {
	const char *name;    /* "people", "serve", ... */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary; /* one line for `rapport help` */
	const char *usage;   /* the full --help text */
};

/*
 * Runs the subcommand named in argv[1], looking in the cli table and then
 * in extra (commands the caller adds, such as serve). Returns the exit
 * code.
 */
int cli_dispatch(const struct cli_command *extra, size_t n_extra, int argc,
		 char **argv);

#endif
