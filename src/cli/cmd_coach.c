/*
 * cmd_coach.c: `rapport coach` (cli layer).
 *
 * Reads the text (a file or standard input) and the rules (built in, or
 * --rules FILE), runs the coach and prints each finding under its line
 * with a row of ^ beneath the span, its reason and its suggestion, then
 * the summary; or, with --json, the object of codec/coach_json.h.
 * --batch and --eval are in cmd_coach_batch.c. Two hidden options serve
 * the benchmark: --phrases prints the rules' phrase list, one a line, and
 * --bench FILE times the engine over the lines of FILE.
 *
 * --deal ID holds the buyer's concerns (buyer text, or the buyers' turns
 * of a transcript) against that deal's ledger, as POST /api/v1/coach
 * ?deal=ID does, through the same store_coach_concerns(); --apply adds
 * the new ones with source coach. Only then is a database opened (--db
 * PATH, else $RAPPORT_DB, else rapport.db; it must exist); without
 * --deal, --db is accepted, as by every command, and not used.
 */
#include "cli/cmd_coach.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "codec/coach_deal_json.h"
#include "codec/coach_json.h"
#include "core/concern_suggest.h"
#include "store/store_coach.h"
#include "util/alloc.h"
#include "util/utf8.h"

#define COACH_CLI_MAX ((size_t)64 * 1024 * 1024)

bool cmd_coach_read(const char *path, size_t max, char **out, size_t *len)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "rapport coach: cannot open %s: %s\n", path,
			strerror(errno));
		return false;
	}
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	bool err = ferror(f);
	if (!std)
		fclose(f);
	if (err || n > max) {
		fprintf(stderr, "rapport coach: %s: %s\n", path,
			err ? "read error" : "too big for the coach");
		free(buf);
		return false;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return true;
}

/* Prints n bytes of s, bad UTF-8 as U+FFFD; tabs kept. */
static void coach_put(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		if (p[i] >= 0x80 && utf8_decode(p + i, n - i, &len) < 0) {
			fputs("\xef\xbf\xbd", stdout);
		} else if (p[i] == 0 || (p[i] < 0x20 && p[i] != '\t')) {
			putchar(' ');
		} else {
			fwrite(p + i, 1, len, stdout);
		}
		i += len;
	}
}

/* Prints the line holding f, then ^ under the span (to the line's end). */
static void coach_show_span(const char *text, size_t len,
			    const struct coach_finding *f, size_t line)
{
	size_t b = f->byte_start, e = f->byte_start;
	while (b > 0 && text[b - 1] != '\n')
		b--;
	while (e < len && text[e] != '\n')
		e++;
	fputs("  ", stdout);
	coach_put(text + b, e - b);
	fputs("\n  ", stdout);
	const unsigned char *p = (const unsigned char *)text;
	for (size_t i = b; i < e;) {
		size_t n = 1;
		if (p[i] >= 0x80)
			utf8_decode(p + i, e - i, &n);
		if (i >= f->byte_start && i < f->byte_end)
			putchar('^');
		else if (i < f->byte_start)
			putchar(p[i] == '\t' ? '\t' : ' ');
		i += n;
	}
	putchar('\n');
	(void)line;
}

static void coach_print_finding(const char *text, size_t len,
				const struct coach_finding *f)
{
	size_t line = 1, col = 1;
	for (size_t i = 0; i < f->byte_start; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			col++;
		}
	}
	printf("%zu:%zu: %s (%s)", line, col, f->label,
	       coach_severity_name(f->severity));
	if (f->speaker) {
		fputs(" said by ", stdout);
		coach_put(f->speaker, strlen(f->speaker));
	}
	putchar('\n');
	coach_show_span(text, len, f, line);
	printf("  why: %s\n  try: %s\n\n", f->reason, f->suggestion);
}

static void coach_print_words(const struct coach_word_count *w, size_t n)
{
	for (size_t i = 0; i < n && i < 8; i++)
		printf("%s%s %zu", i ? ", " : "", w[i].word, w[i].count);
	if (!n)
		fputs("none", stdout);
}

static void coach_print_speakers(const struct coach_result *r)
{
	printf("\nSpeakers (seller: ");
	coach_put(r->seller, strlen(r->seller));
	printf("%s):\n", r->seller_guessed ? ", guessed; name it with "
					     "--seller" : "");
	for (size_t i = 0; i < r->n_speakers; i++) {
		const struct coach_speaker *sp = &r->speakers[i];
		fputs("  ", stdout);
		coach_put(sp->name, strlen(sp->name));
		printf(": %.0f%% of the words (%zu), longest monologue %zu "
		       "words, %zu question%s\n",
		       sp->talk_share * 100.0, sp->words, sp->longest_monologue,
		       sp->questions, sp->questions == 1 ? "" : "s");
	}
	printf("  For reference: top sellers talk about %d%% of a call; "
	       "calls where the seller\n  talks over %d%% do worse; a "
	       "discovery call has %d to %d questions.\n",
	       COACH_REF_TALK_TOP, COACH_REF_TALK_HIGH, COACH_REF_QUESTIONS_LO,
	       COACH_REF_QUESTIONS_HI);
}

static void coach_print(const struct coach_result *r, const char *text,
			size_t len)
{
	for (size_t i = 0; i < r->n_findings; i++)
		coach_print_finding(text, len, &r->findings[i]);
	bool buyer = r->role == COACH_ROLE_BUYER;
	printf("%zu %s in %zu words", r->n_findings,
	       buyer ? (r->n_findings == 1 ? "concern" : "concerns")
		     : (r->n_findings == 1 ? "finding" : "findings"),
	       r->words);
	const char *sep = ": ";
	for (size_t l = 0; l < r->n_labels; l++)
		if (r->label_counts[l]) {
			printf("%s%s %zu", sep, r->label_names[l],
			       r->label_counts[l]);
			sep = ", ";
		}
	printf(".\n");
	if (r->utf8_repaired)
		printf("Note: the text had invalid UTF-8; bad bytes were read "
		       "as U+FFFD.\n");
	if (!buyer) {
		const struct coach_orientation *o = &r->orientation;
		printf("Self-orientation: %.0f%% of the seller's references "
		       "are to themselves (",
		       o->self_share * 100.0);
		coach_print_words(o->self_words, o->n_self_words);
		printf(") and %.0f%% to the buyer (",
		       (o->self_refs + o->buyer_refs ? 100.0 - o->self_share * 100.0
						     : 0.0));
		coach_print_words(o->buyer_words, o->n_buyer_words);
		printf(").\n");
	}
	if (r->role == COACH_ROLE_TRANSCRIPT)
		coach_print_speakers(r);
}

static void coach_phrase_out(const char *phrase, void *ctx)
{
	(void)ctx;
	puts(phrase);
}

static double coach_secs(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static int coach_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The p99 time, in ms, of coaching one email of about 2 KB (the first
   whole lines of buf up to 2048 bytes) as seller text. */
static double coach_bench_latency(const struct coach_rules *rules,
				  const char *buf, size_t len, size_t *email)
{
	size_t n = 0;
	while (n < len && n < 2048) {
		size_t e = n;
		while (e < len && buf[e] != '\n')
			e++;
		if (e > 2048 && n > 0)
			break;
		n = e < len ? e + 1 : e;
	}
	enum { RUNS = 5000 };
	double *t = xmalloc(RUNS * sizeof(double));
	struct coach_options opt = {COACH_ROLE_SELLER, NULL};
	for (int i = 0; i < RUNS; i++) {
		struct timespec a, b;
		struct coach_result *r;
		clock_gettime(CLOCK_MONOTONIC, &a);
		if (coach_run(rules, buf, n, &opt, &r, NULL) == R_OK)
			coach_result_free(r);
		clock_gettime(CLOCK_MONOTONIC, &b);
		t[i] = coach_secs(&a, &b) * 1000.0;
	}
	qsort(t, RUNS, sizeof(double), coach_cmp_double);
	double p99 = t[RUNS * 99 / 100];
	free(t);
	*email = n;
	return p99;
}

/* --bench FILE: coaches each line of FILE (alternating seller and buyer,
   one text a line, as a mailbox would be) on one core and prints bytes,
   seconds and MB/s, then the p99 latency of one 2 KB email. */
static int coach_bench(const struct coach_rules *rules, const char *path)
{
	char *buf;
	size_t len;
	if (!cmd_coach_read(path, COACH_CLI_MAX * 4, &buf, &len))
		return CLI_FAIL;
	struct timespec t0, t1;
	size_t lines = 0, findings = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && buf[e] != '\n')
			e++;
		struct coach_options opt = {
			lines & 1 ? COACH_ROLE_BUYER : COACH_ROLE_SELLER, NULL};
		struct coach_result *r;
		if (coach_run(rules, buf + i, e - i, &opt, &r, NULL) == R_OK) {
			findings += r->n_findings;
			coach_result_free(r);
		}
		lines++;
		i = e + 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = coach_secs(&t0, &t1);
	size_t email;
	double p99 = coach_bench_latency(rules, buf, len, &email);
	printf("bytes %zu\nlines %zu\nfindings %zu\nseconds %.3f\n"
	       "mb_per_s %.1f\nemail_bytes %zu\np99_ms %.4f\n",
	       len, lines, findings, secs,
	       secs > 0 ? (double)len / 1e6 / secs : 0.0, email, p99);
	free(buf);
	return CLI_OK;
}

struct coach_args {
	const char *file, *role, *seller, *rules, *batch, *eval, *bench;
	const char *deal, *db;
	bool json, phrases, apply;
};

static int coach_parse_args(int argc, char **argv, struct coach_args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char **val = NULL;
		if (strcmp(s, "--json") == 0) {
			a->json = true;
			continue;
		}
		if (strcmp(s, "--phrases") == 0) {
			a->phrases = true;
			continue;
		}
		if (strcmp(s, "--apply") == 0) {
			a->apply = true;
			continue;
		}
		if (strcmp(s, "--role") == 0)
			val = &a->role;
		else if (strcmp(s, "--seller") == 0)
			val = &a->seller;
		else if (strcmp(s, "--rules") == 0)
			val = &a->rules;
		else if (strcmp(s, "--batch") == 0)
			val = &a->batch;
		else if (strcmp(s, "--eval") == 0)
			val = &a->eval;
		else if (strcmp(s, "--bench") == 0)
			val = &a->bench;
		else if (strcmp(s, "--deal") == 0)
			val = &a->deal;
		else if (strcmp(s, "--db") == 0)
			val = &a->db;
		if (val) {
			if (i + 1 >= argc) {
				fprintf(stderr, "rapport coach: %s needs a "
					"value (see rapport coach --help)\n",
					s);
				return CLI_USAGE;
			}
			*val = argv[++i];
			continue;
		}
		if (s[0] == '-' && s[1]) {
			fprintf(stderr, "rapport coach: unknown option '%s' "
				"(see rapport coach --help)\n", s);
			return CLI_USAGE;
		}
		if (a->file) {
			fprintf(stderr, "rapport coach: one input file at "
				"most (see rapport coach --help)\n");
			return CLI_USAGE;
		}
		a->file = s;
	}
	return CLI_OK;
}

static int coach_load_rules(const char *path, struct coach_rules **out)
{
	struct error err = {0};
	enum result rc;
	if (path) {
		char *text;
		size_t len;
		if (!cmd_coach_read(path, COACH_CLI_MAX, &text, &len))
			return CLI_FAIL;
		rc = coach_rules_parse(text, len, path, out, &err);
		free(text);
	} else {
		rc = coach_rules_builtin(out, &err);
	}
	if (rc != R_OK) {
		fprintf(stderr, "rapport coach: %s\n", err.message);
		return CLI_FAIL;
	}
	return CLI_OK;
}

/* Prints the deal part: each concern and whether it is new, then what
   was added or how to add it. */
static void coach_print_deal(const struct deal *d, enum coach_role role,
			     const struct concern_suggestion *s, size_t n,
			     bool applied)
{
	printf("\nDeal %lld, ", (long long)d->id);
	coach_put(d->title, strlen(d->title));
	printf(" (%s): ", deal_status_name(d->status));
	if (role == COACH_ROLE_SELLER) {
		printf("%s.\n", COACH_DEAL_SELLER_NOTE);
		return;
	}
	printf("%zu concern%s for its ledger%s\n", n, n == 1 ? "" : "s",
	       n ? ":" : ".");
	size_t fresh = 0, added = 0;
	for (size_t i = 0; i < n; i++) {
		const struct concern_suggestion *c = &s[i];
		if (c->added_id)
			printf("  added as concern %lld  ",
			       (long long)c->added_id);
		else if (c->existing_id)
			printf("  on the ledger (concern %lld, %s)  ",
			       (long long)c->existing_id,
			       concern_status_name(c->existing_status));
		else
			printf("  new  ");
		printf("%s \"", concern_category_name(c->category));
		coach_put(c->words, strlen(c->words));
		putchar('"');
		if (c->speaker) {
			fputs(" (", stdout);
			coach_put(c->speaker, strlen(c->speaker));
			putchar(')');
		}
		putchar('\n');
		fresh += !c->existing_id;
		added += c->added_id != 0;
	}
	if (applied)
		printf(
		    "Added %zu concern%s to the ledger, with source coach.\n",
		    added, added == 1 ? "" : "s");
	else if (fresh)
		printf("Add the %zu new one%s with --apply.\n", fresh,
		       fresh == 1 ? "" : "s");
}

/* The --deal step: holds the suggestions of r against the deal's ledger
   (adding the new ones with --apply) and prints the whole reply. */
static int coach_deal(struct cli_ctx *c, const struct coach_args *a,
		      int64_t deal_id, const struct coach_result *r,
		      const char *text, size_t len)
{
	struct concern_suggestion *sugg;
	size_t n = concern_suggest(r, text, len, c->arena, &sugg);
	struct deal d;
	struct error err = {0};
	if (store_coach_concerns(c->store, c->arena, deal_id, sugg, n, NULL,
				 a->apply, cli_now(), &d, &err) != R_OK)
		return cli_error(c, &err);
	if (c->json) {
		json_t *j = coach_json_result(r, text, len);
		coach_deal_json_add(j, &d, r->role, sugg, n, a->apply);
		return cli_print_json(c, j);
	}
	coach_print(r, text, len);
	coach_print_deal(&d, r->role, sugg, n, a->apply);
	return CLI_OK;
}

static int coach_one(const struct coach_rules *rules,
		     const struct coach_args *a, enum coach_role role,
		     struct cli_ctx *c, int64_t deal_id)
{
	char *text;
	size_t len;
	if (!cmd_coach_read(a->file ? a->file : "-", COACH_CLI_MAX, &text,
			    &len))
		return CLI_FAIL;
	struct coach_options opt = {role, a->seller};
	struct coach_result *r;
	struct error err = {0};
	if (coach_run(rules, text, len, &opt, &r, &err) != R_OK) {
		fprintf(stderr, "rapport coach: %s\n", err.message);
		free(text);
		return CLI_FAIL;
	}
	int code = CLI_OK;
	if (deal_id) {
		code = coach_deal(c, a, deal_id, r, text, len);
	} else if (a->json) {
		json_t *j = coach_json_result(r, text, len);
		if (json_dumpf(j, stdout, JSON_INDENT(2)) != 0)
			code = CLI_FAIL;
		putchar('\n');
		json_decref(j);
	} else {
		coach_print(r, text, len);
	}
	coach_result_free(r);
	free(text);
	return code;
}

int cmd_coach(int argc, char **argv)
{
	struct coach_args a = {0};
	int code = coach_parse_args(argc, argv, &a);
	if (code != CLI_OK)
		return code;
	enum coach_role role = COACH_ROLE_SELLER;
	if (a.role && !coach_role_parse(a.role, &role)) {
		fprintf(stderr,
			"rapport coach: --role %s: use seller, buyer or "
			"transcript\n",
			a.role);
		return CLI_USAGE;
	}
	if (a.seller && role != COACH_ROLE_TRANSCRIPT) {
		fprintf(stderr, "rapport coach: --seller is for transcripts "
				"(add --role transcript)\n");
		return CLI_USAGE;
	}
	if ((a.batch != NULL) + (a.eval != NULL) + (a.bench != NULL) > 1 ||
	    ((a.batch || a.eval || a.bench) && a.file)) {
		fprintf(stderr, "rapport coach: give one of FILE, --batch and "
				"--eval\n");
		return CLI_USAGE;
	}
	struct cli_ctx c;
	int64_t deal_id = 0;
	cli_begin(&c, "coach");
	c.json = a.json;
	if (a.db)
		c.db_path = a.db;
	if (a.apply && !a.deal)
		return cli_done(&c,
				cli_usage(&c, "--apply needs --deal ID (the "
					      "deal whose ledger takes the "
					      "concerns)"));
	if (a.deal && (a.batch || a.eval || a.bench || a.phrases))
		return cli_done(&c,
				cli_usage(&c, "--deal coaches one text; "
					      "leave out --batch, --eval and "
					      "--bench"));
	if (a.deal)
		code = cli_id(&c, "--deal", a.deal, &deal_id);
	if (code == CLI_OK && deal_id)
		code = cli_open(&c, true);
	if (code != CLI_OK)
		return cli_done(&c, code);
	struct coach_rules *rules;
	code = coach_load_rules(a.rules, &rules);
	if (code != CLI_OK)
		return cli_done(&c, code);
	if (a.phrases)
		coach_rules_phrases(rules, coach_phrase_out, NULL);
	else if (a.batch)
		code = cmd_coach_batch(rules, a.batch);
	else if (a.eval)
		code = cmd_coach_eval(rules, a.eval, a.json);
	else if (a.bench)
		code = coach_bench(rules, a.bench);
	else
		code = coach_one(rules, &a, role, &c, deal_id);
	coach_rules_free(rules);
	return cli_done(&c, code);
}
