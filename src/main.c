/*
 * main.c: rapport's entry point. Dispatches to the command line table and
 * adds `serve`, the one command that needs the web layer.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/num.h"
#include "web/server.h"

static int main_serve(int argc, char **argv)
{
	struct web_config cfg = {"rapport.db", "127.0.0.1:8080", 0, NULL,
				 false};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cfg.db_path = argv[++i];
		} else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
			cfg.listen = argv[++i];
		} else if (strcmp(argv[i], "--port-file") == 0 &&
			   i + 1 < argc) {
			cfg.port_file = argv[++i];
		} else if (strcmp(argv[i], "--behind-tls") == 0) {
			cfg.behind_tls = true;
		} else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
			if (!num_parse_int(argv[++i], 1, 256, &cfg.threads)) {
				fprintf(stderr, "rapport serve: --threads %s: "
						"use a number from 1 to 256\n",
					argv[i]);
				return CLI_USAGE;
			}
		} else {
			fprintf(stderr,
				"rapport serve: unknown option '%s' (see "
				"rapport serve --help)\n",
				argv[i]);
			return CLI_USAGE;
		}
	}
	struct error err = {0};
	if (web_serve(&cfg, &err) != R_OK) {
		fprintf(stderr, "rapport serve: %s\n", err.message);
		return CLI_FAIL;
	}
	return CLI_OK;
}

static const struct cli_command main_extra[] = {
	{"serve", main_serve, "serve the web interface and the JSON API",
	 "usage: rapport serve [--listen ADDR:PORT] [--db PATH] "
	 "[--port-file FILE] [--threads N] [--behind-tls]\n"
	 "\n"
	 "Serves the web interface and the JSON API until Ctrl-C.\n"
	 "  --listen ADDR:PORT  address to listen on (default "
	 "127.0.0.1:8080;\n"
	 "                      port 0 picks a free one)\n"
	 "  --db PATH           database file (default rapport.db)\n"
	 "  --port-file FILE    write the bound port to FILE once listening\n"
	 "  --threads N         worker threads (default: one per core)\n"
	 "  --behind-tls        a TLS proxy is in front: Secure cookies, "
	 "client\n"
	 "                      address from its X-Forwarded-For\n"},
};

int main(int argc, char **argv)
{
	return cli_dispatch(main_extra, sizeof(main_extra) / sizeof(main_extra[0]),
			    argc, argv);
}
