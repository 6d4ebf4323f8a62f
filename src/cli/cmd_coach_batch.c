/*
 * cmd_coach_batch.c: `rapport coach --batch` and `--eval` (cli layer).
 *
 * Both read JSON Lines in the format of the coach's LABELS.md: one object
 * a line with "id", "role" (seller, buyer or, for --batch, transcript) and
 * "text"; --eval also needs "labels", the labels that apply. --batch
 * writes one compact JSON result a line, with the same id; a bad line
 * gets {"id", "line", "error"} instead, a note on stderr, and makes the
 * exit status 1. --eval scores the coach per label (precision, recall, F1
 * and support over all texts of that label's role) and micro-averages
 * each side; a bad line is reported with its number and makes the exit
 * status 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/cmd_coach.h"
#include "codec/coach_json.h"
#include "util/alloc.h"

#define BATCH_MAX ((size_t)1024 * 1024 * 1024)

/* One parsed input line. */
struct coach_line {
	json_t *root;
	const char *id; /* NULL when missing */
	enum coach_role role;
	const char *text;
	size_t text_len;
	json_t *labels; /* borrowed from root; NULL when absent */
};

/*
 * Parses line n (len bytes at s) into l. Returns false with why filled in
 * (l->root may still be set for the id, and must be released).
 */
static bool coach_line_parse(const char *s, size_t len, bool need_labels,
			     bool allow_transcript, struct coach_line *l,
			     char *why, size_t why_size)
{
	memset(l, 0, sizeof(*l));
	json_error_t jerr;
	l->root = json_loadb(s, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!l->root) {
		snprintf(why, why_size, "not JSON: %s (column %d)", jerr.text,
			 jerr.column);
		return false;
	}
	if (!json_is_object(l->root)) {
		snprintf(why, why_size, "not a JSON object");
		return false;
	}
	json_t *id = json_object_get(l->root, "id");
	if (json_is_string(id))
		l->id = json_string_value(id);
	json_t *role = json_object_get(l->root, "role");
	json_t *text = json_object_get(l->root, "text");
	l->labels = json_object_get(l->root, "labels");
	if (!l->id) {
		snprintf(why, why_size, "\"id\" must be a string");
		return false;
	}
	if (!json_is_string(role) ||
	    !coach_role_parse(json_string_value(role), &l->role) ||
	    (l->role == COACH_ROLE_TRANSCRIPT && !allow_transcript)) {
		snprintf(why, why_size, "\"role\" must be %s",
			 allow_transcript ? "seller, buyer or transcript"
					  : "seller or buyer");
		return false;
	}
	if (!json_is_string(text)) {
		snprintf(why, why_size, "\"text\" must be a string");
		return false;
	}
	l->text = json_string_value(text);
	l->text_len = json_string_length(text);
	if (need_labels && !json_is_array(l->labels)) {
		snprintf(why, why_size, "\"labels\" must be an array of "
			 "strings");
		return false;
	}
	return true;
}

/* Calls fn on each line of the file; returns false if it cannot be read. */
static bool coach_each_line(const char *path,
			    void (*fn)(const char *s, size_t len, size_t n,
				       void *ctx),
			    void *ctx)
{
	char *buf;
	size_t len;
	if (!cmd_coach_read(path, BATCH_MAX, &buf, &len))
		return false;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && buf[e] != '\n')
			e++;
		n++;
		size_t t = e;
		while (t > i && (buf[t - 1] == '\r' || buf[t - 1] == ' '))
			t--;
		if (t > i)
			fn(buf + i, t - i, n, ctx);
		i = e + 1;
	}
	free(buf);
	return true;
}

/* ---- --batch ---- */

struct batch_ctx {
	const struct coach_rules *rules;
	const char *path;
	size_t bad;
};

static void batch_error(struct batch_ctx *b, const char *id, size_t n,
			const char *why)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", id ? json_string(id) : json_null());
	json_object_set_new(o, "line", json_integer((json_int_t)n));
	json_object_set_new(o, "error", json_string(why));
	json_dumpf(o, stdout, JSON_COMPACT);
	putchar('\n');
	json_decref(o);
	fprintf(stderr, "rapport coach: %s line %zu: %s\n", b->path, n, why);
	b->bad++;
}

static void batch_line(const char *s, size_t len, size_t n, void *ctx)
{
	struct batch_ctx *b = ctx;
	struct coach_line l;
	char why[300];
	if (!coach_line_parse(s, len, false, true, &l, why, sizeof(why))) {
		batch_error(b, l.id, n, why);
		json_decref(l.root);
		return;
	}
	struct coach_options opt = {l.role, NULL};
	struct coach_result *r;
	struct error err = {0};
	if (coach_run(b->rules, l.text, l.text_len, &opt, &r, &err) != R_OK) {
		batch_error(b, l.id, n, err.message);
		json_decref(l.root);
		return;
	}
	json_t *o = coach_json_result(r, l.text, l.text_len);
	json_object_set_new(o, "id", json_string(l.id));
	json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
	putchar('\n');
	json_decref(o);
	coach_result_free(r);
	json_decref(l.root);
}

int cmd_coach_batch(const struct coach_rules *rules, const char *path)
{
	struct batch_ctx b = {rules, path, 0};
	if (!coach_each_line(path, batch_line, &b))
		return CLI_FAIL;
	fflush(stdout);
	if (b.bad)
		fprintf(stderr, "rapport coach: %zu bad line%s in %s\n", b.bad,
			b.bad == 1 ? "" : "s", path);
	return b.bad ? CLI_FAIL : CLI_OK;
}

/* ---- --eval ---- */

struct eval_ctx {
	const struct coach_rules *rules;
	const char *path;
	size_t bad;
	size_t texts[2];
	size_t tp[COACH_LABEL_COUNT_MAX], fp[COACH_LABEL_COUNT_MAX],
		fn[COACH_LABEL_COUNT_MAX];
};

static int eval_label(const struct coach_rules *rules, const char *name,
		      enum coach_side side)
{
	for (size_t i = 0; i < coach_rules_label_count(rules); i++) {
		enum coach_side s;
		if (strcmp(coach_rules_label(rules, i, &s), name) == 0 &&
		    s == side)
			return (int)i;
	}
	return -1;
}

static void eval_line(const char *s, size_t len, size_t n, void *ctx)
{
	struct eval_ctx *e = ctx;
	struct coach_line l;
	char why[300];
	bool ok = coach_line_parse(s, len, true, false, &l, why, sizeof(why));
	enum coach_side side = l.role == COACH_ROLE_BUYER ? COACH_SIDE_BUYER
							  : COACH_SIDE_SELLER;
	bool want[COACH_LABEL_COUNT_MAX] = {0};
	for (size_t i = 0; ok && i < json_array_size(l.labels); i++) {
		json_t *v = json_array_get(l.labels, i);
		int li = json_is_string(v)
				 ? eval_label(e->rules, json_string_value(v),
					      side)
				 : -1;
		if (li < 0) {
			snprintf(why, sizeof(why), "label %d is not a %s "
				 "label of the rules", (int)i,
				 side == COACH_SIDE_BUYER ? "buyer" : "seller");
			ok = false;
		} else {
			want[li] = true;
		}
	}
	if (!ok) {
		fprintf(stderr, "rapport coach: %s line %zu: %s\n", e->path, n,
			why);
		e->bad++;
		json_decref(l.root);
		return;
	}
	struct coach_options opt = {l.role, NULL};
	struct coach_result *r;
	if (coach_run(e->rules, l.text, l.text_len, &opt, &r, NULL) != R_OK) {
		fprintf(stderr, "rapport coach: %s line %zu: cannot coach it\n",
			e->path, n);
		e->bad++;
		json_decref(l.root);
		return;
	}
	e->texts[side]++;
	for (size_t i = 0; i < r->n_labels; i++) {
		if (r->label_sides[i] != side)
			continue;
		bool got = r->label_counts[i] > 0;
		e->tp[i] += got && want[i];
		e->fp[i] += got && !want[i];
		e->fn[i] += !got && want[i];
	}
	coach_result_free(r);
	json_decref(l.root);
}

static double eval_ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

static json_t *eval_row(const char *name, size_t tp, size_t fp, size_t fn,
			bool json)
{
	double p = eval_ratio(tp, tp + fp), r = eval_ratio(tp, tp + fn);
	double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	if (!json) {
		printf("  %-18s %9.3f %9.3f %9.3f %9zu\n", name, p, r, f1,
		       tp + fn);
		return NULL;
	}
	json_t *o = json_object();
	json_object_set_new(o, "precision", json_real(p));
	json_object_set_new(o, "recall", json_real(r));
	json_object_set_new(o, "f1", json_real(f1));
	json_object_set_new(o, "support", json_integer((json_int_t)(tp + fn)));
	json_object_set_new(o, "tp", json_integer((json_int_t)tp));
	json_object_set_new(o, "fp", json_integer((json_int_t)fp));
	json_object_set_new(o, "fn", json_integer((json_int_t)fn));
	return o;
}

static void eval_report(const struct eval_ctx *e, bool json)
{
	json_t *root = json ? json_object() : NULL;
	for (int side = 0; side < 2; side++) {
		const char *sname = side ? "buyer" : "seller";
		json_t *sj = json ? json_object() : NULL;
		if (!json)
			printf("%s (%zu texts)\n  %-18s %9s %9s %9s %9s\n",
			       sname, e->texts[side], "label", "precision",
			       "recall", "f1", "support");
		size_t tp = 0, fp = 0, fn = 0;
		for (size_t i = 0; i < coach_rules_label_count(e->rules); i++) {
			enum coach_side s;
			const char *name = coach_rules_label(e->rules, i, &s);
			if ((int)s != side)
				continue;
			json_t *row = eval_row(name, e->tp[i], e->fp[i],
					       e->fn[i], json);
			if (row)
				json_object_set_new(sj, name, row);
			tp += e->tp[i];
			fp += e->fp[i];
			fn += e->fn[i];
		}
		json_t *row = eval_row("micro average", tp, fp, fn, json);
		if (json) {
			json_object_set_new(sj, "micro", row);
			json_object_set_new(sj, "texts",
					    json_integer((json_int_t)e->texts[side]));
			json_object_set_new(root, sname, sj);
		} else {
			putchar('\n');
		}
	}
	if (json) {
		json_object_set_new(root, "bad_lines",
				    json_integer((json_int_t)e->bad));
		json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		putchar('\n');
		json_decref(root);
	}
}

int cmd_coach_eval(const struct coach_rules *rules, const char *path,
		   bool json)
{
	struct eval_ctx *e = xcalloc(1, sizeof(*e));
	e->rules = rules;
	e->path = path;
	if (!coach_each_line(path, eval_line, e)) {
		free(e);
		return CLI_FAIL;
	}
	eval_report(e, json);
	int code = CLI_OK;
	if (e->bad) {
		fprintf(stderr, "rapport coach: %zu bad line%s in %s (figures "
			"above leave them out)\n", e->bad,
			e->bad == 1 ? "" : "s", path);
		code = CLI_FAIL;
	}
	free(e);
	return code;
}
