/*
 * cli_util.h: what every command handler shares (cli layer).
 *
 * A handler sets up a struct cli_ctx, parses its options with cli_parse()
 * against a table of struct cli_opt, opens the store from --db, does its
 * work and returns the exit code of one of the message helpers: cli_usage()
 * (exit 2, "see --help"), cli_fail() and cli_error() (exit 1). Each prints
 * one line on standard error, prefixed with "rapport <command>:". Every
 * command accepts --db PATH and --json; cli_parse() handles both.
 */
#ifndef RAPPORT_CLI_CLI_UTIL_H
#define RAPPORT_CLI_CLI_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "cli/cli.h"
#include "util/result.h"

struct arena;
struct store;

enum cli_opt_kind {
	CLI_OPT_FLAG,  /* --yes */
	CLI_OPT_VALUE, /* --given NAME; the last one given wins */
	CLI_OPT_LIST,  /* --email E, repeatable */
};

/* One option a command accepts; a table ends with a NULL name. */
struct cli_opt {
	const char *name; /* without the dashes: "given" */
	enum cli_opt_kind kind;
};

/* What cli_parse() found for one option (same index as its cli_opt). */
struct cli_val {
	bool seen;
	const char *value; /* CLI_OPT_VALUE: the value ("" allowed) */
	const char **list; /* CLI_OPT_LIST: every value, arena-owned array */
	size_t n;	   /* CLI_OPT_LIST: how many */
};

struct cli_ctx {
	const char *cmd;     /* "people add", for messages */
	const char *db_path; /* --db, else $RAPPORT_DB, else "rapport.db" */
	bool json;	     /* --json */
	struct arena *arena; /* lives until cli_done() */
	struct store *store; /* NULL until cli_open() */
	const char **pos;    /* positional arguments, in order */
	size_t n_pos;
};

/* Sets up c for the command named cmd (a string literal). */
void cli_begin(struct cli_ctx *c, const char *cmd);
/* Closes the store and frees the arena. Returns code, for `return`. */
int cli_done(struct cli_ctx *c, int code);

/*
 * Parses argv[1..argc-1] (argv[0] is the command word) against opts, into
 * vals (one per option, zeroed by the caller) and c->pos. Accepts
 * "--name value", "--name=value" and, after "--", only positional
 * arguments. Returns CLI_OK, or CLI_USAGE after printing why.
 */
int cli_parse(struct cli_ctx *c, const struct cli_opt *opts,
	      struct cli_val *vals, int argc, char **argv);

/*
 * Checks the count of positional arguments is in [min, max]; what names
 * them for the message ("a person id"). Returns CLI_OK or CLI_USAGE.
 */
int cli_want_pos(struct cli_ctx *c, size_t min, size_t max, const char *what);

/*
 * Parses s, the value of option opt ("--cadence" or "person id"), as an
 * integer in [min, max]. Returns CLI_OK, or CLI_USAGE after printing why.
 */
int cli_num(struct cli_ctx *c, const char *opt, const char *s, int64_t min,
	    int64_t max, int64_t *out);
/* The same for an id (a positive number). */
int cli_id(struct cli_ctx *c, const char *opt, const char *s, int64_t *out);

/*
 * Opens the store at c->db_path. When must_exist, a missing file is an
 * error that says to run `rapport init` (so a typo in --db does not make a
 * new empty database). Returns CLI_OK or CLI_FAIL after printing why.
 */
int cli_open(struct cli_ctx *c, bool must_exist);

/* True when something exists at path. */
bool cli_file_exists(const char *path);
/* True when standard input is a terminal (someone can answer a question). */
bool cli_stdin_is_tty(void);

/* Prints "rapport CMD: MESSAGE (see rapport CMD --help)"; returns 2. */
int cli_usage(struct cli_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "rapport CMD: MESSAGE"; returns 1. */
int cli_fail(struct cli_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "rapport CMD: FIELD: MESSAGE" from err; returns 1. */
int cli_error(struct cli_ctx *c, const struct error *err);
/* Prints a note "rapport CMD: MESSAGE" on stderr (not an error). */
void cli_note(struct cli_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Prints j (stolen: it is released here) as indented JSON and a newline on
 * standard output. Returns CLI_OK, or CLI_FAIL if j is NULL or cannot be
 * written.
 */
int cli_print_json(struct cli_ctx *c, json_t *j);

/* The current time, seconds since the epoch (UTC). */
int64_t cli_now(void);
/* The local time zone's offset from UTC at time t, in seconds. */
int32_t cli_utc_offset(int64_t t);
/* Today's day count in the local time zone. */
int64_t cli_today(void);

/*
 * Parses a date: "YYYY-MM-DD", or "today", "yesterday", "tomorrow", or
 * "+N"/"-N" days from today. Returns false when s is none of these.
 */
bool cli_parse_day(const char *s, int64_t *days);

/* Writes s padded with spaces to width columns (counting code points). */
void cli_pad(const char *s, int width);

/* A person's display name ("Ana Silva"), arena-owned. */
const char *cli_name(struct arena *a, const char *given, const char *family);

/* "today", "yesterday", "3 days ago", "in 5 days", "2 months ago". */
const char *cli_days_words(struct arena *a, int64_t delta);

#endif
