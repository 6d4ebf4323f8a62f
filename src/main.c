/*
 * main.c: rapport's entry point. Dispatches to the command line table and
 * adds `serve`, the one command that needs the web layer.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cmd_user.h"
#include "store/store.h"
#include "util/num.h"
#include "web/server.h"

/*
 * First run: every page and endpoint needs a login, so a database with no
 * user gets an admin with a one-time password, printed here once (the
 * only way to log in on a fresh `make run`).
 */
static enum result main_first_admin(const char *db_path, struct error *err)
{
	struct store *s = NULL;
	char password[CMD_USER_OTP_MAX];
	bool created = false;
	enum result res = store_open(db_path, &s, err);
	if (res == R_OK)
		res = cmd_user_first_admin(s, (int64_t)time(NULL), password,
					   &created, err);
	store_close(s);
	if (res == R_OK && created)
		cmd_user_first_admin_print(stdout, password);
	return res;
}

static int main_serve(int argc, char **argv)
{
	struct web_config cfg = {"rapport.db", "127.0.0.1:8080", 0, NULL,
				 false, NULL};
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
	cfg.before_serving = main_first_admin;
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
