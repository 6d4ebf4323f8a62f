/*
 * cmd_user.c: `rapport user add|passwd|rm|list`, and the first-run admin
 * (cli layer).
 *
 * Whoever can run rapport on the database's machine can read the file,
 * so these commands need no login: they are how the first admin, and a
 * forgotten password, are dealt with. A password never comes from the
 * command line (other users see it in the process list, the shell keeps
 * it in its history): it is read from --password-file, from standard
 * input when that is a pipe, or asked for at the terminal with echo off.
 * Each change is written to the audit log as done by "cli".
 */
#include "cli/cmd_user.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli_util.h"
#include "store/store_auth.h"
#include "util/arena.h"

/* Reads one line (without its line end) from f into out. */
static bool user_read_line(FILE *f, char *out, size_t cap)
{
	if (!fgets(out, (int)cap, f))
		return false;
	size_t n = strlen(out);
	if (n && out[n - 1] != '\n' && !feof(f))
		return false; /* longer than cap: refuse, do not cut */
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return true;
}

/* Asks for a password at the terminal without echoing it. */
static bool user_ask(const char *prompt, char *out, size_t cap)
{
	struct termios old, quiet;
	bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	bool ok = user_read_line(stdin, out, cap);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	return ok;
}

/*
 * Gets the new password from file (if given), standard input or the
 * terminal, and checks it against the policy. Returns CLI_OK or the
 * exit code after printing why.
 */
static int user_password(struct cli_ctx *c, const char *file, const char *login,
			 char *out, size_t cap)
{
	bool ok;
	if (file) {
		FILE *f = fopen(file, "r");
		if (!f)
			return cli_fail(c, "--password-file %s: cannot be read",
					file);
		ok = user_read_line(f, out, cap);
		fclose(f);
		if (!ok)
			return cli_fail(c,
					"--password-file %s: no password on "
					"its first line (or it is too long)",
					file);
	} else if (!cli_stdin_is_tty()) {
		if (!user_read_line(stdin, out, cap))
			return cli_fail(c, "no password on standard input "
					   "(send it as one line, or use "
					   "--password-file)");
	} else {
		char again[AUTH_PASSWORD_MAX_BYTES + 2];
		if (!user_ask("New password: ", out, cap) ||
		    !user_ask("Again: ", again, sizeof(again)))
			return cli_fail(c, "no password given");
		bool same = strcmp(out, again) == 0;
		memset(again, 0, sizeof(again));
		if (!same)
			return cli_fail(c,
					"the two passwords differ; try again");
	}
	struct error err = {0};
	if (auth_password_check(out, login, &err) != R_OK)
		return cli_error(c, &err);
	return CLI_OK;
}

/* Writes an audit entry as the command line. */
static enum result user_audit(struct store *s, const char *action, int64_t id,
			      const char *fields, struct error *err)
{
	struct audit_entry e = {0};
	e.at = cli_now();
	e.actor = AUDIT_ACTOR_CLI;
	e.action = action;
	e.entity = "user";
	e.entity_id = id;
	e.fields = fields;
	return store_audit_add(s, &e, err);
}

static const struct cli_opt add_opts[] = {
    {"role", CLI_OPT_VALUE}, {"name", CLI_OPT_VALUE},
    {"team", CLI_OPT_VALUE}, {"password-file", CLI_OPT_VALUE},
    {NULL, CLI_OPT_FLAG},
};

struct user_add_ctx {
	struct user *u;
	const char *team;
};

static enum result user_add_tx(struct store *s, void *ctx, struct error *err)
{
	struct user_add_ctx *x = ctx;
	int64_t now = cli_now();
	enum result r = R_OK;
	if (x->team)
		r = store_team_ensure(s, x->team, now, &x->u->team_id, err);
	if (r == R_OK)
		r = store_user_create(s, x->u, now, err);
	if (r == R_OK)
		r = user_audit(s, "create", x->u->id,
			       "login,display_name,role,team_id,password_hash",
			       err);
	return r;
}

int cmd_user_add(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[4] = {{0}};
	cli_begin(&c, "user add");
	int rc = cli_parse(&c, add_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the login of the user to add");
	struct error err = {0};
	struct user u = {0};
	u.role = AUTH_ROLE_SELLER;
	if (rc == CLI_OK && auth_login_check(c.pos[0], &err) != R_OK)
		rc = cli_usage(&c, "%s", err.message);
	if (rc == CLI_OK && v[0].seen && !auth_role_parse(v[0].value, &u.role))
		rc = cli_usage(&c, "--role %s: use admin, manager or seller",
			       v[0].value);
	char pw[AUTH_PASSWORD_MAX_BYTES + 2];
	if (rc == CLI_OK)
		rc = cli_open(&c, false);
	if (rc == CLI_OK)
		rc = user_password(&c, v[3].value, c.pos[0], pw, sizeof(pw));
	char hash[SECRET_PWHASH_MAX];
	if (rc == CLI_OK && secret_password_hash(pw, hash, &err) != R_OK)
		rc = cli_error(&c, &err);
	memset(pw, 0, sizeof(pw));
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	u.login = c.pos[0];
	u.display_name = v[1].seen && v[1].value[0] ? v[1].value : NULL;
	u.password_hash = hash;
	struct user_add_ctx x = {&u, v[2].seen ? v[2].value : NULL};
	if (store_run_tx(c.store, user_add_tx, &x, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(
		    &c, cli_print_json(&c, json_pack("{s:I,s:s,s:s}", "id",
						     (json_int_t)u.id, "login",
						     u.login, "role",
						     auth_role_name(u.role))));
	printf("added user %lld: %s (%s)\n", (long long)u.id, u.login,
	       auth_role_name(u.role));
	return cli_done(&c, CLI_OK);
}

static const struct cli_opt passwd_opts[] = {
    {"password-file", CLI_OPT_VALUE},
    {NULL, CLI_OPT_FLAG},
};

struct user_passwd_ctx {
	int64_t id;
	const char *hash;
};

static enum result user_passwd_tx(struct store *s, void *ctx, struct error *err)
{
	struct user_passwd_ctx *x = ctx;
	enum result r =
	    store_user_set_password(s, x->id, x->hash, cli_now(), err);
	if (r == R_OK)
		r = user_audit(s, "password", x->id, "password_hash", err);
	return r;
}

int cmd_user_passwd(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	cli_begin(&c, "user passwd");
	int rc = cli_parse(&c, passwd_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the login of the user");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct user u;
	if (store_user_by_login(c.store, c.arena, c.pos[0], &u, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	char pw[AUTH_PASSWORD_MAX_BYTES + 2];
	char hash[SECRET_PWHASH_MAX];
	rc = user_password(&c, v[0].value, u.login, pw, sizeof(pw));
	if (rc == CLI_OK && secret_password_hash(pw, hash, &err) != R_OK)
		rc = cli_error(&c, &err);
	memset(pw, 0, sizeof(pw));
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct user_passwd_ctx x = {u.id, hash};
	if (store_run_tx(c.store, user_passwd_tx, &x, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(
		    &c, cli_print_json(&c, json_pack("{s:I,s:s,s:b}", "id",
						     (json_int_t)u.id, "login",
						     u.login, "changed", 1)));
	printf("password changed for %s; their sessions have ended\n", u.login);
	return cli_done(&c, CLI_OK);
}

static const struct cli_opt rm_opts[] = {
    {"yes", CLI_OPT_FLAG},
    {NULL, CLI_OPT_FLAG},
};

static enum result user_rm_tx(struct store *s, void *ctx, struct error *err)
{
	int64_t id = *(int64_t *)ctx;
	enum result r = store_user_delete(s, id, err);
	if (r == R_OK)
		r = user_audit(s, "delete", id, NULL, err);
	return r;
}

int cmd_user_rm(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	cli_begin(&c, "user rm");
	int rc = cli_parse(&c, rm_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the login of the user to delete");
	if (rc == CLI_OK && !v[0].seen && !cli_stdin_is_tty())
		rc = cli_usage(&c, "deleting needs --yes when not run at a "
				   "terminal");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct user u;
	if (store_user_by_login(c.store, c.arena, c.pos[0], &u, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (!v[0].seen) {
		printf("Delete user %s with their sessions and API tokens? "
		       "[y/N] ",
		       u.login);
		fflush(stdout);
		char line[32];
		if (!fgets(line, sizeof(line), stdin) ||
		    (line[0] != 'y' && line[0] != 'Y'))
			return cli_done(&c, cli_fail(&c, "not deleted"));
	}
	if (store_run_tx(c.store, user_rm_tx, &u.id, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(
		    &c, cli_print_json(&c, json_pack("{s:I,s:s,s:b}", "id",
						     (json_int_t)u.id, "login",
						     u.login, "deleted", 1)));
	printf("deleted user %s\n", u.login);
	return cli_done(&c, CLI_OK);
}

static const struct cli_opt list_opts[] = {{NULL, CLI_OPT_FLAG}};

int cmd_user_list(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	cli_begin(&c, "user list");
	int rc = cli_parse(&c, list_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct user *us = NULL;
	size_t n = 0;
	if (store_user_list(c.store, c.arena, &us, &n, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *j = json_pack("{s:I,s:s,s:s,s:b}", "id",
					      (json_int_t)us[i].id, "login",
					      us[i].login, "role",
					      auth_role_name(us[i].role),
					      "disabled", us[i].disabled);
			json_object_set_new(
			    j, "name",
			    us[i].display_name ? json_string(us[i].display_name)
					       : json_null());
			json_object_set_new(j, "team",
					    us[i].team_name
						? json_string(us[i].team_name)
						: json_null());
			json_array_append_new(arr, j);
		}
		return cli_done(&c, cli_print_json(&c, arr));
	}
	if (!n)
		printf("no users yet (add one: rapport user add LOGIN --role "
		       "admin)\n");
	for (size_t i = 0; i < n; i++) {
		cli_pad(us[i].login, 20);
		printf(" ");
		cli_pad(auth_role_name(us[i].role), 8);
		printf(" %s%s%s\n", us[i].team_name ? us[i].team_name : "-",
		       us[i].display_name ? "  " : "",
		       us[i].display_name ? us[i].display_name : "");
	}
	return cli_done(&c, CLI_OK);
}

struct user_first_ctx {
	int64_t now;
	char *password;
	bool *created;
};

static enum result user_first_tx(struct store *s, void *ctx, struct error *err)
{
	struct user_first_ctx *x = ctx;
	*x->created = false;
	int64_t n = 0;
	enum result r = store_user_count(s, &n, err);
	if (r != R_OK || n > 0)
		return r;
	char hash[SECRET_PWHASH_MAX];
	secret_random_text(x->password, CMD_USER_OTP_MAX, 18);
	r = secret_password_hash(x->password, hash, err);
	struct user u = {0};
	u.login = "admin";
	u.role = AUTH_ROLE_ADMIN;
	u.password_hash = hash;
	if (r == R_OK)
		r = store_user_create(s, &u, x->now, err);
	if (r == R_OK) {
		struct audit_entry e = {0};
		e.at = x->now;
		e.actor = AUDIT_ACTOR_SYSTEM;
		e.action = "create";
		e.entity = "user";
		e.entity_id = u.id;
		e.fields = "login,role,password_hash";
		r = store_audit_add(s, &e, err);
	}
	if (r == R_OK)
		*x->created = true;
	return r;
}

enum result cmd_user_first_admin(struct store *s, int64_t now,
				 char password[CMD_USER_OTP_MAX], bool *created,
				 struct error *err)
{
	password[0] = '\0';
	*created = false;
	struct user_first_ctx x = {now, password, created};
	enum result r = store_run_tx(s, user_first_tx, &x, err);
	if (r != R_OK || !*created)
		password[0] = '\0';
	return r;
}

void cmd_user_first_admin_print(FILE *f, const char *password)
{
	fprintf(f,
		"\nNo user yet, so an admin account was made. Log in with:\n"
		"  login:     admin\n"
		"  password:  %s\n"
		"This password is shown once: change it on the Account page "
		"after logging in\n"
		"(or later: rapport user passwd admin). Add users with: "
		"rapport user add LOGIN\n\n",
		password);
	fflush(f);
}
