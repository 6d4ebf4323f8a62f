/*
 * cli_util.c: option parsing, messages, opening the store, local time
 * (cli layer). See cli_util.h.
 */
#include "cli/cli_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/num.h"
#include "util/utf8.h"

void cli_begin(struct cli_ctx *c, const char *cmd)
{
	memset(c, 0, sizeof(*c));
	c->cmd = cmd;
	const char *env = getenv("RAPPORT_DB");
	c->db_path = env && *env ? env : "rapport.db";
	c->arena = arena_new();
}

int cli_done(struct cli_ctx *c, int code)
{
	store_close(c->store);
	c->store = NULL;
	arena_free(c->arena);
	c->arena = NULL;
	return code;
}

__attribute__((format(printf, 2, 0))) static void
cli_vmsg(struct cli_ctx *c, const char *fmt, va_list ap)
{
	fprintf(stderr, "rapport %s: ", c->cmd);
	vfprintf(stderr, fmt, ap);
}

int cli_usage(struct cli_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vmsg(c, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see rapport %s --help)\n", c->cmd);
	return CLI_USAGE;
}

int cli_fail(struct cli_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vmsg(c, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

void cli_note(struct cli_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vmsg(c, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_error(struct cli_ctx *c, const struct error *err)
{
	const char *msg =
	    err->message[0] ? err->message : result_name(err->code);
	/* A message that already starts with its field is printed as is. */
	size_t fl = strlen(err->field);
	if (fl && !(strncmp(msg, err->field, fl) == 0 && msg[fl] == ':'))
		return cli_fail(c, "%s: %s", err->field, msg);
	return cli_fail(c, "%s", msg);
}

static void cli_list_push(struct arena *a, struct cli_val *v, const char *s)
{
	const char **items = arena_alloc(a, (v->n + 1) * sizeof(*items));
	if (v->n)
		memcpy(items, v->list, v->n * sizeof(*items));
	items[v->n++] = s;
	v->list = items;
}

static void cli_pos_push(struct cli_ctx *c, const char *s)
{
	const char **items =
	    arena_alloc(c->arena, (c->n_pos + 1) * sizeof(*items));
	if (c->n_pos)
		memcpy(items, c->pos, c->n_pos * sizeof(*items));
	items[c->n_pos++] = s;
	c->pos = items;
}

/* True for "--name" (but not "--" alone): an option, not a value. */
static bool cli_looks_like_opt(const char *s)
{
	return s[0] == '-' && s[1] == '-' && s[2] != '\0';
}

/* Finds the option named by arg ("--given" or "--given=x"); -1 if none. */
static int cli_find_opt(const struct cli_opt *opts, const char *name,
			size_t len)
{
	for (int i = 0; opts[i].name; i++)
		if (strlen(opts[i].name) == len &&
		    memcmp(opts[i].name, name, len) == 0)
			return i;
	return -1;
}

/* Handles --db and --json, which every command takes. */
static int cli_global(struct cli_ctx *c, const char *name, size_t len,
		      const char *inline_val, int *i, int argc, char **argv)
{
	if (len == 4 && memcmp(name, "json", 4) == 0) {
		if (inline_val)
			return cli_usage(c, "--json takes no value");
		c->json = true;
		return CLI_OK;
	}
	/* --db */
	const char *v = inline_val;
	if (!v) {
		if (*i + 1 >= argc || cli_looks_like_opt(argv[*i + 1]))
			return cli_usage(c, "--db needs a value");
		v = argv[++*i];
	}
	if (!*v)
		return cli_usage(c,
				 "--db needs a file name, not an empty value");
	c->db_path = v;
	return CLI_OK;
}

int cli_parse(struct cli_ctx *c, const struct cli_opt *opts,
	      struct cli_val *vals, int argc, char **argv)
{
	bool only_pos = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (only_pos || arg[0] != '-' || strcmp(arg, "-") == 0) {
			cli_pos_push(c, arg);
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (arg[1] != '-')
			return cli_usage(c, "unknown option '%s'", arg);
		const char *name = arg + 2;
		const char *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		const char *inline_val = eq ? eq + 1 : NULL;
		if ((len == 2 && memcmp(name, "db", 2) == 0) ||
		    (len == 4 && memcmp(name, "json", 4) == 0)) {
			int rc = cli_global(c, name, len, inline_val, &i, argc,
					    argv);
			if (rc != CLI_OK)
				return rc;
			continue;
		}
		int k = cli_find_opt(opts, name, len);
		if (k < 0)
			return cli_usage(c, "unknown option '--%.*s'", (int)len,
					 name);
		struct cli_val *v = &vals[k];
		v->seen = true;
		if (opts[k].kind == CLI_OPT_FLAG) {
			if (inline_val)
				return cli_usage(c, "--%s takes no value",
						 opts[k].name);
			continue;
		}
		const char *val = inline_val;
		if (!val) {
			/* "--given --db x" is a forgotten value, not a name;
			 * "--given=--x" still passes a value like that. */
			if (i + 1 >= argc || cli_looks_like_opt(argv[i + 1]))
				return cli_usage(c, "--%s needs a value",
						 opts[k].name);
			val = argv[++i];
		}
		if (opts[k].kind == CLI_OPT_VALUE)
			v->value = val;
		else
			cli_list_push(c->arena, v, val);
	}
	return CLI_OK;
}

int cli_want_pos(struct cli_ctx *c, size_t min, size_t max, const char *what)
{
	if (c->n_pos < min)
		return cli_usage(c, "missing %s", what);
	if (c->n_pos > max)
		return cli_usage(c, "unexpected argument '%s'", c->pos[max]);
	return CLI_OK;
}

int cli_num(struct cli_ctx *c, const char *opt, const char *s, int64_t min,
	    int64_t max, int64_t *out)
{
	if (num_parse_i64(s, min, max, out))
		return CLI_OK;
	return cli_usage(c, "%s: '%s' is not a whole number from %lld to %lld",
			 opt, s, (long long)min, (long long)max);
}

int cli_id(struct cli_ctx *c, const char *opt, const char *s, int64_t *out)
{
	if (num_parse_i64(s, 1, INT64_MAX, out))
		return CLI_OK;
	return cli_usage(c, "%s: '%s' is not an id (a number such as 12)", opt,
			 s);
}

int cli_open(struct cli_ctx *c, bool must_exist)
{
	if (must_exist && !cli_file_exists(c->db_path))
		return cli_fail(c,
				"no database at %s (create one with 'rapport "
				"init --db %s', or pass --db)",
				c->db_path, c->db_path);
	struct error err = {0};
	if (store_open(c->db_path, &c->store, &err) != R_OK) {
		c->store = NULL;
		return cli_fail(c, "%s: %s", c->db_path,
				err.message[0] ? err.message
					       : "cannot open the database");
	}
	return CLI_OK;
}

/*
 * unistd.h is kept out of the cli layer: its R_OK macro (an access mode)
 * would silently replace the result code of the same name.
 */
bool cli_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

bool cli_stdin_is_tty(void)
{
	struct termios t;
	return tcgetattr(0, &t) == 0;
}

int cli_print_json(struct cli_ctx *c, json_t *j)
{
	if (!j)
		return cli_fail(c, "could not build the JSON output");
	int rc = json_dumpf(j, stdout, JSON_INDENT(2));
	json_decref(j);
	if (rc != 0 || fputc('\n', stdout) == EOF)
		return cli_fail(c, "could not write the output");
	return CLI_OK;
}

int64_t cli_now(void)
{
	return (int64_t)time(NULL);
}

int32_t cli_utc_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

int64_t cli_today(void)
{
	int64_t now = cli_now();
	return time_local_days(now, cli_utc_offset(now));
}

bool cli_parse_day(const char *s, int64_t *days)
{
	if (!s)
		return false;
	int64_t today = cli_today();
	int64_t delta;
	if (strcmp(s, "today") == 0)
		*days = today;
	else if (strcmp(s, "yesterday") == 0)
		*days = today - 1;
	else if (strcmp(s, "tomorrow") == 0)
		*days = today + 1;
	else if ((s[0] == '+' || s[0] == '-') &&
		 num_parse_i64(s + 1, 0, 36500, &delta))
		*days = s[0] == '+' ? today + delta : today - delta;
	else
		return date_parse(s, days);
	return true;
}

void cli_pad(const char *s, int width)
{
	if (!s)
		s = "";
	size_t len = strlen(s);
	fputs(s, stdout);
	int used = (int)utf8_count(s, len);
	for (; used < width; used++)
		fputc(' ', stdout);
}

const char *cli_name(struct arena *a, const char *given, const char *family)
{
	if (family && *family)
		return arena_printf(a, "%s %s", given ? given : "", family);
	return arena_strdup(a, given ? given : "");
}

const char *cli_days_words(struct arena *a, int64_t delta)
{
	if (delta == 0)
		return "today";
	if (delta == -1)
		return "yesterday";
	if (delta == 1)
		return "tomorrow";
	int64_t n = delta < 0 ? -delta : delta;
	const char *unit = "days";
	if (n >= 60) {
		n = n / 30;
		unit = "months";
	}
	if (delta < 0)
		return arena_printf(a, "%lld %s ago", (long long)n, unit);
	return arena_printf(a, "in %lld %s", (long long)n, unit);
}
