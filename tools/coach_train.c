/*
 * coach_train.c: trains the coach's statistical model and measures it by
 * cross-validation (a build tool, not part of the binary).
 *
 * usage: coach_train [--folds K] [--lambda X] [--iters N]
 *                    [--min-precision P] [--out FILE.c] DATA.jsonl...
 *
 * Reads labelled texts (the coach's LABELS.md format: id, role, text,
 * labels), computes their features with the core's own function
 * (coach_model_text_features, so training sees exactly what the coach
 * sees), and per side fits one L2-regularized logistic regression per
 * label (full-batch AdaGrad, a fixed number of steps: no randomness).
 *
 * K-fold cross-validation (folds from a fixed-seed shuffle) gives every
 * text a probability from a model that never saw it; each label's
 * threshold is the one that maximizes the model's own F1 over those
 * out-of-fold probabilities (--min-precision 0), or (the default, --min-precision 0.9) the
 * lowest at which the model's own precision stays at 0.9, because the
 * model only adds to rules that are already precise. It prints the CV figures of the rules alone,
 * the model alone and both (rules OR model), over all texts and without
 * the public shop texts (ids "ydev..."). With --out it then trains on all
 * texts and writes the model as a C table (src/core/coach/
 * coach_model_data.c); the same inputs always give the same bytes.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach.h"
#include "core/coach/coach_model.h"
#include "util/alloc.h"

#define TRAIN_FEATS_MAX 65536
#define TRAIN_MIN_DF 2 /* a feature must occur in this many texts */

struct doc {
	char *id;
	int side;
	bool public_set; /* the shop texts: "ydev..." */
	uint32_t gold, rules; /* label bits, by the side's label order */
	uint32_t *keys;       /* sorted feature keys, with repeats */
	size_t n_keys;
	uint32_t *x; /* feature indexes in the current dictionary */
	float *v;    /* their counts */
	size_t n_x;
	int fold;
};

struct side_labels {
	const char *name[COACH_MODEL_LABELS];
	uint32_t n;
};

struct corpus {
	struct doc *d;
	size_t n, cap;
	struct side_labels lab[2];
};

struct params {
	int folds, iters;
	double lambda, eta;
	double min_precision; /* see train_cv */
};

static int key_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static int train_label_index(const struct side_labels *sl, const char *name)
{
	for (uint32_t i = 0; i < sl->n; i++)
		if (strcmp(sl->name[i], name) == 0)
			return (int)i;
	return -1;
}

/* Reads one JSON Lines file into c; false (with a message) on bad input. */
static bool train_read(struct corpus *c, const struct coach_rules *rules,
		       const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "coach_train: %s: %s\n", path, strerror(errno));
		return false;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;
	uint32_t *buf = xmalloc(TRAIN_FEATS_MAX * sizeof(*buf));
	bool ok = true;
	while (ok && (got = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (got <= 1)
			continue;
		json_error_t je;
		json_t *o = json_loads(line, 0, &je);
		const char *id = NULL, *role = NULL, *text = NULL;
		json_t *labels = NULL;
		if (!o || json_unpack(o, "{s:s, s:s, s:s, s:o}", "id", &id,
				      "role", &role, "text", &text, "labels",
				      &labels) != 0 ||
		    !json_is_array(labels) ||
		    (strcmp(role, "seller") && strcmp(role, "buyer"))) {
			fprintf(stderr,
				"coach_train: %s line %zu: not an object with "
				"id, role (seller or buyer), text and labels\n",
				path, lineno);
			json_decref(o);
			ok = false;
			break;
		}
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 256;
			c->d = xrealloc(c->d, c->cap * sizeof(*c->d));
		}
		struct doc *d = &c->d[c->n++];
		memset(d, 0, sizeof(*d));
		d->id = xstrdup(id);
		d->side = strcmp(role, "buyer") == 0;
		d->public_set = strncmp(id, "ydev", 4) == 0;
		size_t i;
		json_t *lv;
		json_array_foreach(labels, i, lv)
		{
			int li = json_is_string(lv)
					 ? train_label_index(&c->lab[d->side],
							     json_string_value(lv))
					 : -1;
			if (li < 0) {
				fprintf(stderr,
					"coach_train: %s line %zu: unknown "
					"label for role %s\n",
					path, lineno, role);
				ok = false;
				break;
			}
			d->gold |= 1u << li;
		}
		size_t len = strlen(text);
		size_t n = coach_model_text_features(rules, text, len, buf,
						     TRAIN_FEATS_MAX);
		if (n > TRAIN_FEATS_MAX)
			n = TRAIN_FEATS_MAX;
		d->keys = xmalloc((n + 1) * sizeof(*d->keys));
		memcpy(d->keys, buf, n * sizeof(*buf));
		qsort(d->keys, n, sizeof(*d->keys), key_cmp);
		d->n_keys = n;
		struct coach_options opt = {
			d->side ? COACH_ROLE_BUYER : COACH_ROLE_SELLER, NULL};
		struct coach_result *r;
		if (coach_run(rules, text, len, &opt, &r, NULL) == R_OK) {
			for (size_t k = 0; k < r->n_findings; k++) {
				int li = train_label_index(
					&c->lab[d->side], r->findings[k].label);
				if (li >= 0)
					d->rules |= 1u << li;
			}
			coach_result_free(r);
		}
		json_decref(o);
	}
	free(buf);
	free(line);
	fclose(f);
	return ok;
}

/* The features kept for a training set: keys found in at least
   TRAIN_MIN_DF of its texts, sorted. */
struct dict {
	uint32_t *key;
	size_t n;
};

static void dict_build(struct corpus *c, int side, int skip_fold,
		       struct dict *dt)
{
	size_t total = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->d[i].side == side && c->d[i].fold != skip_fold)
			total += c->d[i].n_keys;
	uint32_t *all = xmalloc((total + 1) * sizeof(*all));
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct doc *d = &c->d[i];
		if (d->side != side || d->fold == skip_fold)
			continue;
		for (size_t k = 0; k < d->n_keys; k++)
			if (k == 0 || d->keys[k] != d->keys[k - 1])
				all[n++] = d->keys[k];
	}
	qsort(all, n, sizeof(*all), key_cmp);
	dt->key = xmalloc((n + 1) * sizeof(*dt->key));
	dt->n = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && all[j] == all[i])
			j++;
		if (j - i >= TRAIN_MIN_DF)
			dt->key[dt->n++] = all[i];
		i = j;
	}
	free(all);
}

/* Maps every text of side to the dictionary's indexes, with counts. */
static void dict_map(struct corpus *c, int side, const struct dict *dt)
{
	for (size_t i = 0; i < c->n; i++) {
		struct doc *d = &c->d[i];
		if (d->side != side)
			continue;
		free(d->x);
		free(d->v);
		d->x = xmalloc((d->n_keys + 1) * sizeof(*d->x));
		d->v = xmalloc((d->n_keys + 1) * sizeof(*d->v));
		d->n_x = 0;
		for (size_t k = 0; k < d->n_keys; k++) {
			const uint32_t *hit = bsearch(&d->keys[k], dt->key, dt->n,
						      sizeof(*dt->key), key_cmp);
			if (!hit)
				continue;
			uint32_t idx = (uint32_t)(hit - dt->key);
			if (d->n_x && d->x[d->n_x - 1] == idx) {
				d->v[d->n_x - 1] += 1.0f;
			} else {
				d->x[d->n_x] = idx;
				d->v[d->n_x++] = 1.0f;
			}
		}
	}
}

/* Scores of d for every label into z. */
static void model_scores(const struct doc *d, const double *w,
			 const double *b, uint32_t nl, double *z)
{
	for (uint32_t l = 0; l < nl; l++)
		z[l] = b[l];
	for (size_t k = 0; k < d->n_x; k++)
		for (uint32_t l = 0; l < nl; l++)
			z[l] += d->v[k] * w[(size_t)d->x[k] * nl + l];
}

/* Fits w (nf x nl) and b on the texts of side outside skip_fold. */
static void train_fit(const struct corpus *c, int side, int skip_fold,
		      size_t nf, uint32_t nl, const struct params *pa,
		      double *w, double *b)
{
	size_t nw = nf * nl;
	double *g = xcalloc(nw + 1, sizeof(*g));
	double *acc = xcalloc(nw + 1, sizeof(*acc));
	double gb[COACH_MODEL_LABELS], accb[COACH_MODEL_LABELS];
	memset(w, 0, nw * sizeof(*w));
	for (uint32_t l = 0; l < nl; l++)
		b[l] = accb[l] = 0;
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->d[i].side == side && c->d[i].fold != skip_fold;
	for (int it = 0; it < pa->iters; it++) {
		memset(g, 0, nw * sizeof(*g));
		for (uint32_t l = 0; l < nl; l++)
			gb[l] = 0;
		for (size_t i = 0; i < c->n; i++) {
			const struct doc *d = &c->d[i];
			if (d->side != side || d->fold == skip_fold)
				continue;
			double z[COACH_MODEL_LABELS];
			model_scores(d, w, b, nl, z);
			for (uint32_t l = 0; l < nl; l++) {
				double err = 1.0 / (1.0 + exp(-z[l])) -
					     (double)((d->gold >> l) & 1);
				gb[l] += err;
				for (size_t k = 0; k < d->n_x; k++)
					g[(size_t)d->x[k] * nl + l] +=
						err * d->v[k];
			}
		}
		for (size_t j = 0; j < nw; j++) {
			double gj = g[j] / (double)n + pa->lambda * w[j];
			acc[j] += gj * gj;
			w[j] -= pa->eta * gj / (sqrt(acc[j]) + 1e-8);
		}
		for (uint32_t l = 0; l < nl; l++) {
			double gj = gb[l] / (double)n;
			accb[l] += gj * gj;
			b[l] -= pa->eta * gj / (sqrt(accb[l]) + 1e-8);
		}
	}
	free(g);
	free(acc);
}

/* Counts for one label or a micro average. */
struct prf {
	size_t tp, fp, fn;
};

static double prf_f1(const struct prf *s)
{
	double d = 2.0 * (double)s->tp + (double)s->fp + (double)s->fn;
	return d > 0 ? 2.0 * (double)s->tp / d : 0.0;
}

static void prf_add(struct prf *s, bool gold, bool pred)
{
	s->tp += gold && pred;
	s->fp += !gold && pred;
	s->fn += gold && !pred;
}

static void prf_print(const char *what, const struct prf *s)
{
	double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
	double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
	printf("  %-26s P %.3f  R %.3f  F1 %.3f\n", what, p, r, prf_f1(s));
}

/* Assigns folds: a fixed-seed shuffle of the texts, then round robin. */
static void train_folds(struct corpus *c, int k)
{
	size_t *order = xmalloc((c->n + 1) * sizeof(*order));
	for (size_t i = 0; i < c->n; i++)
		order[i] = i;
	uint64_t s = 0x2545f4914f6cdd1dull;
	for (size_t i = c->n; i > 1; i--) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		size_t j = (size_t)(s % i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < c->n; i++)
		c->d[order[i]].fold = (int)(i % (size_t)k);
	free(order);
}

/* Cross-validates side: fills thr with the chosen thresholds and prints
   the figures. */
static void train_cv(struct corpus *c, int side, const struct params *pa,
		     float *thr)
{
	uint32_t nl = c->lab[side].n;
	double *prob = xcalloc(c->n * COACH_MODEL_LABELS + 1, sizeof(*prob));
	for (int f = 0; f < pa->folds; f++) {
		struct dict dt;
		dict_build(c, side, f, &dt);
		dict_map(c, side, &dt);
		double *w = xcalloc(dt.n * nl + 1, sizeof(*w));
		double b[COACH_MODEL_LABELS];
		train_fit(c, side, f, dt.n, nl, pa, w, b);
		for (size_t i = 0; i < c->n; i++) {
			const struct doc *d = &c->d[i];
			if (d->side != side || d->fold != f)
				continue;
			double z[COACH_MODEL_LABELS];
			model_scores(d, w, b, nl, z);
			for (uint32_t l = 0; l < nl; l++)
				prob[i * COACH_MODEL_LABELS + l] =
					1.0 / (1.0 + exp(-z[l]));
		}
		free(w);
		free(dt.key);
	}
	/* Each label's threshold: the lowest at which the model's own
	   out-of-fold precision is at least min_precision (over at least
	   three texts it fires on); 1 (never) when there is none. With
	   min_precision 0 it is the threshold of the model's best F1. */
	for (uint32_t l = 0; l < nl; l++) {
		double best = -1;
		thr[l] = 1.0f;
		for (int t = 99; t >= 5; t--) {
			struct prf s = {0};
			for (size_t i = 0; i < c->n; i++)
				if (c->d[i].side == side)
					prf_add(&s, (c->d[i].gold >> l) & 1,
						prob[i * COACH_MODEL_LABELS + l] >
							t / 100.0);
			double prec = s.tp + s.fp ? (double)s.tp /
							   (double)(s.tp + s.fp)
						  : 0;
			if (pa->min_precision > 0) {
				if (s.tp + s.fp >= 3 &&
				    prec >= pa->min_precision)
					thr[l] = (float)(t / 100.0);
			} else if (prf_f1(&s) > best + 1e-12) {
				best = prf_f1(&s);
				thr[l] = (float)(t / 100.0);
			}
		}
	}
	printf("%s: %d-fold cross-validation (lambda %g, %d steps)\n",
	       side ? "buyer" : "seller", pa->folds, pa->lambda, pa->iters);
	for (int subset = 0; subset < 2; subset++) {
		struct prf rs = {0}, ms = {0}, cs = {0};
		struct prf lr[COACH_MODEL_LABELS] = {{0}},
			   lm[COACH_MODEL_LABELS] = {{0}},
			   lc[COACH_MODEL_LABELS] = {{0}};
		size_t n = 0;
		for (size_t i = 0; i < c->n; i++) {
			const struct doc *d = &c->d[i];
			if (d->side != side || (subset && d->public_set))
				continue;
			n++;
			for (uint32_t l = 0; l < nl; l++) {
				bool g = (d->gold >> l) & 1;
				bool r = (d->rules >> l) & 1;
				bool m = prob[i * COACH_MODEL_LABELS + l] >
					 thr[l];
				prf_add(&rs, g, r);
				prf_add(&ms, g, m);
				prf_add(&cs, g, r || m);
				prf_add(&lr[l], g, r);
				prf_add(&lm[l], g, m);
				prf_add(&lc[l], g, r || m);
			}
		}
		if (!n)
			continue;
		printf(" %s (%zu texts), micro:\n",
		       subset ? "without the public shop texts" : "all texts",
		       n);
		prf_print("rules", &rs);
		prf_print("model", &ms);
		prf_print("rules OR model", &cs);
		if (subset)
			for (uint32_t l = 0; l < nl; l++)
				printf("  %-18s thr %.2f  F1 rules %.3f model "
				       "%.3f both %.3f\n",
				       c->lab[side].name[l], thr[l],
				       prf_f1(&lr[l]), prf_f1(&lm[l]),
				       prf_f1(&lc[l]));
	}
	free(prob);
}

/* Writes one side's table as C. */
static void write_side(FILE *o, struct corpus *c, int side,
		       const struct params *pa, const float *thr)
{
	uint32_t nl = c->lab[side].n;
	struct dict dt;
	dict_build(c, side, -1, &dt);
	dict_map(c, side, &dt);
	double *w = xcalloc(dt.n * nl + 1, sizeof(*w));
	double b[COACH_MODEL_LABELS];
	train_fit(c, side, -1, dt.n, nl, pa, w, b);
	uint32_t slots = 1;
	while (slots < dt.n * 2 + 2)
		slots <<= 1;
	uint32_t *keys = xcalloc(slots, sizeof(*keys));
	uint32_t *rows = xcalloc(slots, sizeof(*rows));
	for (size_t j = 0; j < dt.n; j++) {
		uint32_t s = dt.key[j] & (slots - 1);
		while (keys[s])
			s = (s + 1) & (slots - 1);
		keys[s] = dt.key[j];
		rows[s] = (uint32_t)j;
	}
	fprintf(o, "static const uint32_t coach_model_keys_%d[%u] = {\n", side,
		slots);
	for (uint32_t s = 0; s < slots; s++)
		fprintf(o, "%s0x%08x,%s", s % 6 ? " " : "\t", keys[s],
			s % 6 == 5 || s + 1 == slots ? "\n" : "");
	fprintf(o, "};\n\nstatic const uint32_t coach_model_rows_%d[%u] = {\n",
		side, slots);
	for (uint32_t s = 0; s < slots; s++)
		fprintf(o, "%s%u,%s", s % 10 ? " " : "\t", rows[s],
			s % 10 == 9 || s + 1 == slots ? "\n" : "");
	fprintf(o, "};\n\nstatic const float coach_model_weights_%d[%zu] = {\n",
		side, dt.n * nl + 1);
	for (size_t j = 0; j < dt.n; j++) {
		fputc('\t', o);
		for (uint32_t l = 0; l < nl; l++)
			fprintf(o, "%.5gf,%s", w[j * nl + l],
				l + 1 < nl ? " " : "\n");
	}
	fprintf(o, "\t0.0f,\n};\n\n");
	fprintf(o, "#define COACH_MODEL_SIDE_%d {\\\n\t.labels = {", side);
	for (uint32_t l = 0; l < nl; l++)
		fprintf(o, "\"%s\"%s", c->lab[side].name[l], l + 1 < nl ? ", " : "");
	fprintf(o, "},\\\n\t.n_labels = %u,\\\n\t.bias = {", nl);
	for (uint32_t l = 0; l < nl; l++)
		fprintf(o, "%.5gf%s", b[l], l + 1 < nl ? ", " : "");
	fprintf(o, "},\\\n\t.threshold = {");
	for (uint32_t l = 0; l < nl; l++)
		fprintf(o, "%.2ff%s", (double)thr[l], l + 1 < nl ? ", " : "");
	fprintf(o, "},\\\n\t.keys = coach_model_keys_%d,\\\n"
		   "\t.rows = coach_model_rows_%d,\\\n\t.mask = %u,\\\n"
		   "\t.weights = coach_model_weights_%d}\n\n",
		side, side, slots - 1, side);
	fprintf(stderr, "coach_train: %s: %zu features, %u slots\n",
		side ? "buyer" : "seller", dt.n, slots);
	free(keys);
	free(rows);
	free(w);
	free(dt.key);
}

static bool train_write(const char *path, struct corpus *c,
			const struct params *pa, float thr[2][COACH_MODEL_LABELS],
			int argc, char **argv, int first)
{
	FILE *o = fopen(path, "w");
	if (!o) {
		fprintf(stderr, "coach_train: %s: %s\n", path, strerror(errno));
		return false;
	}
	fprintf(o, "/*\n * coach_model_data.c: the coach's statistical model "
		   "(core layer).\n *\n * Generated by tools/coach_train; do "
		   "not edit. `make coach-model` makes it\n * again, "
		   "byte for byte, from:\n");
	for (int i = first; i < argc; i++) {
		const char *base = strrchr(argv[i], '/');
		fprintf(o, " *   %s\n", base ? base + 1 : argv[i]);
	}
	fprintf(o, " * (%d folds, lambda %g, %d steps, eta %g; thresholds by "
		   "cross-validation).\n * See coach_model.h and "
		   "docs/coach.md.\n */\n#include \"core/coach/coach_model.h"
		   "\"\n\n",
		pa->folds, pa->lambda, pa->iters, pa->eta);
	for (int side = 0; side < 2; side++)
		write_side(o, c, side, pa, thr[side]);
	fprintf(o, "const struct coach_model coach_model_builtin = {\n"
		   "\t{COACH_MODEL_SIDE_0, COACH_MODEL_SIDE_1}};\n");
	bool ok = fclose(o) == 0;
	if (!ok)
		fprintf(stderr, "coach_train: %s: write failed\n", path);
	return ok;
}

static bool train_num(const char *s, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

int main(int argc, char **argv)
{
	struct params pa = {5, 300, 1e-5, 0.5, 0.9};
	const char *out = NULL;
	int i = 1;
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		double v = 0;
		bool ok = i + 1 < argc;
		if (ok && strcmp(argv[i], "--out") == 0)
			out = argv[i + 1];
		else if (ok && strcmp(argv[i], "--folds") == 0 &&
			 train_num(argv[i + 1], 2, 20, &v))
			pa.folds = (int)v;
		else if (ok && strcmp(argv[i], "--iters") == 0 &&
			 train_num(argv[i + 1], 1, 100000, &v))
			pa.iters = (int)v;
		else if (ok && strcmp(argv[i], "--min-precision") == 0 &&
			 train_num(argv[i + 1], 0, 1, &v))
			pa.min_precision = v;
		else if (ok && strcmp(argv[i], "--lambda") == 0 &&
			 train_num(argv[i + 1], 0, 10, &v))
			pa.lambda = v;
		else
			ok = false;
		if (!ok) {
			fprintf(stderr, "coach_train: bad option %s (use --folds "
					"2..20, --iters 1..100000, --lambda "
					"0..10, --min-precision 0..1, --out FILE.c)\n",
				argv[i]);
			return 2;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: coach_train [--folds K] [--lambda X] "
				"[--iters N] [--min-precision P] [--out FILE.c] "
				"DATA.jsonl...\n");
		return 2;
	}
	size_t len;
	const char *text = coach_rules_builtin_text(&len);
	struct coach_rules *rules;
	struct error err = {0};
	if (coach_rules_parse(text, len, "coach.rules", &rules, &err) != R_OK) {
		fprintf(stderr, "coach_train: the built-in rules do not parse\n");
		return 1;
	}
	struct corpus c = {0};
	for (size_t l = 0; l < coach_rules_label_count(rules); l++) {
		enum coach_side sd;
		const char *name = coach_rules_label(rules, l, &sd);
		struct side_labels *sl = &c.lab[sd];
		if (sl->n < COACH_MODEL_LABELS)
			sl->name[sl->n++] = name;
	}
	int rc = 0;
	for (int a = i; a < argc && rc == 0; a++)
		if (!train_read(&c, rules, argv[a]))
			rc = 1;
	float thr[2][COACH_MODEL_LABELS] = {{0}};
	if (rc == 0) {
		train_folds(&c, pa.folds);
		for (int side = 0; side < 2; side++)
			train_cv(&c, side, &pa, thr[side]);
		if (out && !train_write(out, &c, &pa, thr, argc, argv, i))
			rc = 1;
	}
	for (size_t k = 0; k < c.n; k++) {
		free(c.d[k].id);
		free(c.d[k].keys);
		free(c.d[k].x);
		free(c.d[k].v);
	}
	free(c.d);
	coach_rules_free(rules);
	return rc;
}
