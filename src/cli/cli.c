/*
 * cli.c: the subcommand table and dispatch (cli layer).
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static const struct cli_command cli_commands[] = {
	{NULL, NULL, NULL, NULL},
};

static void cli_help(const struct cli_command *extra, size_t n_extra)
{
	printf("usage: rapport COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; cli_commands[i].name; i++)
		printf("  %-10s %s\n", cli_commands[i].name,
		       cli_commands[i].summary);
	for (size_t i = 0; i < n_extra; i++)
		printf("  %-10s %s\n", extra[i].name, extra[i].summary);
	printf("\nrapport COMMAND --help shows a command's options.\n");
}

int cli_dispatch(const struct cli_command *extra, size_t n_extra, int argc,
		 char **argv)
{
	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_help(extra, n_extra);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	const struct cli_command *cmd = NULL;
	for (size_t i = 0; cli_commands[i].name && !cmd; i++)
		if (strcmp(cli_commands[i].name, argv[1]) == 0)
			cmd = &cli_commands[i];
	for (size_t i = 0; i < n_extra && !cmd; i++)
		if (strcmp(extra[i].name, argv[1]) == 0)
			cmd = &extra[i];
	if (!cmd) {
		fprintf(stderr,
			"rapport: unknown command '%s' (run 'rapport help' "
			"for the list)\n",
			argv[1]);
		return CLI_USAGE;
	}
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(cmd->usage, stdout);
			return CLI_OK;
		}
	return cmd->run(argc - 1, argv + 1);
}
