/*
 * cmd_coach.h: `rapport coach`, the coach against pressure on the command
 * line (cli layer).
 *
 * cmd_coach.c reads the input and the rules and prints one result;
 * cmd_coach_batch.c does --batch (many texts, one JSON line each) and
 * --eval (precision and recall against labelled texts).
 */
#ifndef RAPPORT_CLI_CMD_COACH_H
#define RAPPORT_CLI_CMD_COACH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/coach/coach.h"

/* rapport coach */
int cmd_coach(int argc, char **argv);

#define CMD_COACH_USAGE                                                       \
	"usage: rapport coach [FILE|-] [--role seller|buyer|transcript] "     \
	"[--seller NAME]\n"                                                   \
	"                     [--rules FILE] [--json]\n"                      \
	"       rapport coach [FILE|-] --role buyer|transcript --deal ID "   \
	"[--apply]\n"                                                         \
	"                     [--db PATH] [--json]\n"                          \
	"       rapport coach --batch FILE.jsonl [--rules FILE]\n"            \
	"       rapport coach --eval FILE.jsonl [--rules FILE] [--json]\n"    \
	"\n"                                                                  \
	"Marks pressure in a seller's email, script or call (false urgency, " \
	"scarcity,\n"                                                         \
	"guilt, assumptive closes, dismissing a concern, telling the buyer "  \
	"what they\n"                                                         \
	"need, the seller's own interests) with a reason and a better way to " \
	"say it;\n"                                                           \
	"in a buyer's words it finds the concerns for the deal's ledger.\n"   \
	"Reads FILE, or standard input when FILE is - or missing.\n"          \
	"  --role ROLE         seller (default), buyer, or transcript: "      \
	"\"Speaker: text\"\n"                                                 \
	"                      lines or WebVTT with <v Speaker> tags\n"       \
	"  --seller NAME       the seller in a transcript (default: guessed)\n" \
	"  --rules FILE        use these rules instead of the built-in ones\n" \
	"  --deal ID           also list the buyer's concerns for deal ID's " \
	"ledger, each\n"                                                      \
	"                      marked new or already there (the deal must "   \
	"be open)\n"                                                          \
	"  --apply             add the new ones to the ledger, with source "  \
	"coach\n"                                                             \
	"  --db PATH           the database for --deal (default $RAPPORT_DB " \
	"or rapport.db)\n"                                                    \
	"  --json              print one JSON object: findings with label, "  \
	"start, end\n"                                                        \
	"                      (code points, end exclusive), byte_start, "    \
	"byte_end,\n"                                                         \
	"                      severity, reason, suggestion; and the "        \
	"summary\n"                                                           \
	"  --batch FILE        read JSON lines {\"id\", \"role\", \"text\"} " \
	"and write one\n"                                                     \
	"                      JSON result per line with the same id; a bad " \
	"line gets\n"                                                         \
	"                      an error object, and the exit status is 1\n"   \
	"  --eval FILE         read labelled JSON lines (LABELS.md format) "  \
	"and print\n"                                                         \
	"                      precision, recall, F1 and support per label "  \
	"and the\n"                                                           \
	"                      micro average per side; exit 1 on a bad line\n"

/* Reads a whole file ("-" is standard input) of at most max bytes into a
   new buffer (NUL-terminated). Returns false after printing why. */
bool cmd_coach_read(const char *path, size_t max, char **out, size_t *len);

/* --batch FILE: returns the exit code. */
int cmd_coach_batch(const struct coach_rules *rules, const char *path);

/* --eval FILE: returns the exit code; json prints the figures as JSON. */
int cmd_coach_eval(const struct coach_rules *rules, const char *path,
		   bool json);

#endif
