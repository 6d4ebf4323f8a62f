/*
 * cmd_init.c: `rapport init [--demo]` (cli layer).
 *
 * Opening the store creates the file and applies pending migrations, so
 * init is that, plus the demo data on request (see demo.c), which is only
 * written into a database that holds nothing yet, and then, when there is
 * no user, the first admin with a one-time password printed once (so
 * that `make run` tells you how to log in).
 */
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "cli/cmd_user.h"
#include "cli/demo.h"
#include "store/store.h"

int cmd_init(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{"demo", CLI_OPT_FLAG},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_val v[1] = {{0}};
	cli_begin(&c, "init");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	bool existed = cli_file_exists(c.db_path);
	if ((rc = cli_open(&c, false)) != CLI_OK)
		return cli_done(&c, rc);
	struct demo_counts n = {0};
	struct error err = {0};
	char password[CMD_USER_OTP_MAX] = "";
	bool admin = false;
	if (v[0].seen) {
		int64_t now = cli_now();
		if (demo_fill(c.store, now, cli_utc_offset(now), &n, &err) !=
			R_OK ||
		    cmd_user_first_admin(c.store, now, password, &admin,
					 &err) != R_OK)
			return cli_done(&c, cli_error(&c, &err));
	}
	int version = store_schema_version(c.store);
	if (c.json) {
		json_t *j =
		    json_pack("{s:s,s:b,s:i}", "db", c.db_path, "created",
			      !existed, "schema_version", version);
		if (v[0].seen)
			json_object_set_new(
			    j, "demo",
			    json_pack("{s:i,s:i,s:i,s:i,s:i,s:i}",
				      "organizations", n.orgs, "people",
				      n.people, "facts", n.facts, "dates",
				      n.dates, "interactions", n.interactions,
				      "relationships", n.relationships));
		if (admin)
			json_object_set_new(j, "first_admin",
					    json_pack("{s:s,s:s}", "login",
						      "admin", "password",
						      password));
		return cli_done(&c, cli_print_json(&c, j));
	}
	printf("%s %s (schema version %d)\n",
	       existed ? "database ready:" : "created", c.db_path, version);
	if (v[0].seen)
		printf("demo data: %d people in %d organizations, %d facts, %d "
		       "dates, %d interactions, %d relationships\n"
		       "try: rapport today --db %s\n",
		       n.people, n.orgs, n.facts, n.dates, n.interactions,
		       n.relationships, c.db_path);
	if (admin)
		cmd_user_first_admin_print(stdout, password);
	return cli_done(&c, CLI_OK);
}
