/*
 * coach_index.c: checks a parsed rule set and builds its start index
 * (core layer).
 *
 * For each rule we work out the words and classes a match can begin with
 * (its first set). The matcher then looks at a token's word and classes
 * and tries only the rules that can start there, instead of every rule at
 * every position. A pattern that could match nothing, or that starts with
 * a gap, has no usable first set and is refused with its line.
 */
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "util/alloc.h"

struct first_set {
	uint32_t words[256];
	uint32_t n_words;
	uint64_t classes;
	bool any; /* a gap can come first: unusable */
};

static void first_word(struct first_set *f, uint32_t w)
{
	for (uint32_t i = 0; i < f->n_words; i++)
		if (f->words[i] == w)
			return; /* once per rule, or it is tried twice */
	if (f->n_words < 256)
		f->words[f->n_words++] = w;
	else
		f->any = true;
}

/*
 * Adds to f the starts of seq from node i; returns true when the rest of
 * the sequence can match nothing at all (is nullable).
 */
static bool first_of(const struct pat_seq *seq, uint32_t i,
		     struct first_set *f)
{
	for (; i < seq->n; i++) {
		const struct pat_node *n = &seq->nodes[i];
		switch (n->kind) {
		case PAT_WORD:
			first_word(f, n->word);
			return false;
		case PAT_CLASS:
			f->classes |= (uint64_t)1 << n->cls;
			return false;
		case PAT_GAP:
			f->any = true;
			break;
		case PAT_NOT:
			break;
		case PAT_ALT: {
			bool nullable = false;
			for (uint32_t a = 0; a < n->n_alts; a++)
				nullable |= first_of(&n->alts[a], 0, f);
			if (!nullable)
				return false;
			break;
		}
		case PAT_OPT:
			for (uint32_t a = 0; a < n->n_alts; a++)
				first_of(&n->alts[a], 0, f);
			break;
		}
	}
	return true;
}

/* The rest of a sequence still to walk after the current one. */
struct sig_cont {
	const struct pat_seq *seq;
	uint32_t i;
	const struct sig_cont *next;
};

/*
 * Adds to rule's signature the words and classes that can come at token
 * k (0 or 1) of a match, walking seq from node i, then c.
 */
static void sig_walk(struct coach_rule *rule, const struct pat_seq *seq,
		     uint32_t i, int k, const struct sig_cont *c)
{
	if (rule->sig_any)
		return;
	if (i == seq->n) {
		if (c)
			sig_walk(rule, c->seq, c->i, k, c->next);
		else
			rule->sig_any = true; /* a match can end here */
		return;
	}
	const struct pat_node *n = &seq->nodes[i];
	switch (n->kind) {
	case PAT_WORD:
	case PAT_CLASS:
		if (k == 0) {
			sig_walk(rule, seq, i + 1, 1, c);
		} else if (n->kind == PAT_WORD) {
			rule->sig_words |= (uint64_t)1 << (n->word & 63);
		} else {
			rule->sig_classes |= (uint64_t)1 << n->cls;
		}
		return;
	case PAT_GAP:
		rule->sig_any = true;
		return;
	case PAT_NOT:
		sig_walk(rule, seq, i + 1, k, c);
		return;
	case PAT_ALT:
	case PAT_OPT: {
		struct sig_cont cc = {seq, i + 1, c};
		for (uint32_t a = 0; a < n->n_alts; a++)
			sig_walk(rule, &n->alts[a], 0, k, &cc);
		if (n->kind == PAT_OPT)
			sig_walk(rule, seq, i + 1, k, c);
		return;
	}
	}
}

/*
 * Adds to need the words and classes that can start seq; returns false
 * when seq could start with anything (a gap) or match nothing.
 */
static bool need_first(const struct pat_seq *seq, struct coach_need *need)
{
	for (uint32_t i = 0; i < seq->n; i++) {
		const struct pat_node *n = &seq->nodes[i];
		switch (n->kind) {
		case PAT_WORD:
			need->words[(n->word & 255) >> 6] |=
				(uint64_t)1 << (n->word & 63);
			return true;
		case PAT_CLASS:
			need->classes |= (uint64_t)1 << n->cls;
			return true;
		case PAT_NOT:
			continue;
		case PAT_ALT:
			for (uint32_t a = 0; a < n->n_alts; a++)
				if (!need_first(&n->alts[a], need))
					return false;
			return true;
		default:
			return false;
		}
	}
	return false;
}

/* Records the required parts of a rule after its first one. */
static void need_build(struct coach_rule *rule)
{
	const struct pat_seq *seq = &rule->pat;
	bool first = true;
	for (uint32_t i = 0; i < seq->n && rule->n_need < COACH_NEED_MAX;
	     i++) {
		const struct pat_node *n = &seq->nodes[i];
		if (n->kind != PAT_WORD && n->kind != PAT_CLASS &&
		    n->kind != PAT_ALT)
			continue;
		if (first) {
			first = false; /* the index already found it */
			continue;
		}
		struct coach_need need = {{0}, 0};
		struct pat_seq one = {(struct pat_node *)n, 1};
		if (need_first(&one, &need))
			rule->need[rule->n_need++] = need;
	}
}

static enum result index_check(const struct coach_rules *r, struct error *err)
{
	for (uint32_t i = 0; i < r->n_labels; i++) {
		const struct coach_label *l = &r->labels[i];
		if (!l->reason || !l->suggestion)
			return error_set(err, R_INVALID, "rules",
					 "label '%s' needs indented 'reason:' "
					 "and 'suggest:' lines",
					 l->name);
	}
	return R_OK;
}

/* Joins, per word, the class lists of the word's own classes in class
   order (the order the matcher would walk them one by one). */
static void index_static(const struct coach_rules *r, struct coach_index *ix,
			 size_t nw)
{
	ix->static_off = xmalloc((nw + 1) * sizeof(uint32_t));
	uint32_t total = 0;
	for (size_t w = 0; w < nw; w++) {
		ix->static_off[w] = total;
		uint64_t cl = coach_vocab_classes(r->vocab, (uint32_t)w) &
			      ~COACH_CLASS_DYNAMIC;
		for (; cl; cl &= cl - 1) {
			unsigned b = (unsigned)__builtin_ctzll(cl);
			total += ix->class_off[b + 1] - ix->class_off[b];
		}
	}
	ix->static_off[nw] = total;
	ix->static_rules = xmalloc((total + 1) * sizeof(uint32_t));
	total = 0;
	for (size_t w = 0; w < nw; w++) {
		uint64_t cl = coach_vocab_classes(r->vocab, (uint32_t)w) &
			      ~COACH_CLASS_DYNAMIC;
		for (; cl; cl &= cl - 1) {
			unsigned b = (unsigned)__builtin_ctzll(cl);
			for (uint32_t j = ix->class_off[b];
			     j < ix->class_off[b + 1]; j++)
				ix->static_rules[total++] = ix->class_rules[j];
		}
	}
}

/* The n rules of list with their signatures (a new array). */
static struct coach_cand *index_cands(const struct coach_rules *r,
				      const uint32_t *list, uint32_t n)
{
	struct coach_cand *c = xcalloc(n + 1, sizeof(*c));
	for (uint32_t i = 0; i < n; i++) {
		const struct coach_rule *rule = &r->rules[list[i]];
		c[i].rule = list[i];
		c[i].sig_words = rule->sig_words;
		c[i].sig_classes = rule->sig_classes;
		c[i].sig_any = rule->sig_any;
	}
	return c;
}

/* Builds the compressed lists of rules per word and per class of a side. */
static void index_build(struct coach_rules *r, enum coach_side side,
			struct first_set *fs)
{
	struct coach_index *ix = &r->index[side];
	size_t nw = coach_vocab_size(r->vocab);
	uint32_t *wcount = xcalloc(nw + 1, sizeof(uint32_t));
	uint32_t ccount[COACH_CLASS_MAX + 1] = {0};
	for (uint32_t i = 0; i < r->n_rules; i++) {
		const struct coach_rule *rule = &r->rules[i];
		if (rule->is_unless || r->labels[rule->label].side != side)
			continue;
		for (uint32_t w = 0; w < fs[i].n_words; w++)
			wcount[fs[i].words[w]]++;
		for (unsigned c = 0; c < COACH_CLASS_MAX; c++)
			if (fs[i].classes >> c & 1)
				ccount[c]++;
	}
	ix->word_off = xmalloc((nw + 1) * sizeof(uint32_t));
	uint32_t total = 0;
	for (size_t w = 0; w < nw; w++) {
		ix->word_off[w] = total;
		total += wcount[w];
	}
	ix->word_off[nw] = total;
	ix->word_rules = xmalloc((total + 1) * sizeof(uint32_t));
	total = 0;
	for (unsigned c = 0; c < COACH_CLASS_MAX; c++) {
		ix->class_off[c] = total;
		total += ccount[c];
	}
	ix->class_off[COACH_CLASS_MAX] = total;
	ix->class_rules = xmalloc((total + 1) * sizeof(uint32_t));
	memset(wcount, 0, (nw + 1) * sizeof(uint32_t));
	memset(ccount, 0, sizeof(ccount));
	for (uint32_t i = 0; i < r->n_rules; i++) {
		const struct coach_rule *rule = &r->rules[i];
		if (rule->is_unless || r->labels[rule->label].side != side)
			continue;
		for (uint32_t k = 0; k < fs[i].n_words; k++) {
			uint32_t w = fs[i].words[k];
			ix->word_rules[ix->word_off[w] + wcount[w]++] = i;
		}
		for (unsigned c = 0; c < COACH_CLASS_MAX; c++)
			if (fs[i].classes >> c & 1)
				ix->class_rules[ix->class_off[c] +
						ccount[c]++] = i;
	}
	free(wcount);
	index_static(r, ix, nw);
	ix->word_cands = index_cands(r, ix->word_rules, ix->word_off[nw]);
	ix->class_cands = index_cands(r, ix->class_rules,
				      ix->class_off[COACH_CLASS_MAX]);
	ix->static_cands = index_cands(r, ix->static_rules,
				       ix->static_off[nw]);
}

static void index_unless(struct coach_rules *r)
{
	r->unless_of = xcalloc(r->n_labels + 1, sizeof(uint32_t));
	uint32_t n = 0;
	for (uint32_t l = 0; l < r->n_labels; l++) {
		r->unless_of[l] = n;
		for (uint32_t i = 0; i < r->n_rules; i++)
			if (r->rules[i].is_unless && r->rules[i].label == l)
				n++;
	}
	r->unless_of[r->n_labels] = n;
	r->unless_rules = xmalloc((n + 1) * sizeof(uint32_t));
	n = 0;
	for (uint32_t l = 0; l < r->n_labels; l++)
		for (uint32_t i = 0; i < r->n_rules; i++)
			if (r->rules[i].is_unless && r->rules[i].label == l)
				r->unless_rules[n++] = i;
}

enum result coach_rules_index(struct coach_rules *r, struct error *err)
{
	enum result rc = index_check(r, err);
	if (rc != R_OK)
		return rc;
	struct first_set *fs = xcalloc(r->n_rules + 1, sizeof(*fs));
	for (uint32_t i = 0; i < r->n_rules; i++) {
		bool nullable = first_of(&r->rules[i].pat, 0, &fs[i]);
		if (nullable || fs[i].any) {
			rc = error_set(err, R_INVALID, "rules",
				       "rules line %d: a pattern must begin "
				       "with a word or a class that it "
				       "needs (not a gap or only optional "
				       "parts)",
				       r->rules[i].line);
			goto out;
		}
	}
	for (uint32_t i = 0; i < r->n_rules; i++) {
		struct coach_rule *rule = &r->rules[i];
		for (uint32_t w = 0; w < fs[i].n_words; w++)
			rule->first_words |= (uint64_t)1 << (fs[i].words[w] & 63);
		rule->first_classes = fs[i].classes;
		sig_walk(&r->rules[i], &r->rules[i].pat, 0, 0, NULL);
		need_build(&r->rules[i]);
	}
	index_build(r, COACH_SIDE_SELLER, fs);
	index_build(r, COACH_SIDE_BUYER, fs);
	index_unless(r);
out:
	free(fs);
	return rc;
}

/* ---- the phrase list for the benchmark ---- */

static void phrase_seq(const struct coach_rules *r, const struct pat_seq *s,
		       char *buf, size_t cap, size_t *len);

/* The first word of class cls, or NULL. */
static const char *phrase_class_word(const struct coach_rules *r, uint8_t cls)
{
	size_t nw = coach_vocab_size(r->vocab);
	for (size_t w = 1; w < nw; w++)
		if (coach_vocab_classes(r->vocab, (uint32_t)w) >> cls & 1)
			return coach_vocab_word(r->vocab, (uint32_t)w);
	return NULL;
}

static void phrase_add(char *buf, size_t cap, size_t *len, const char *w)
{
	size_t n = strlen(w);
	if (*len + n + 2 > cap)
		return;
	if (*len)
		buf[(*len)++] = ' ';
	memcpy(buf + *len, w, n);
	*len += n;
	buf[*len] = '\0';
}

static void phrase_seq(const struct coach_rules *r, const struct pat_seq *s,
		       char *buf, size_t cap, size_t *len)
{
	for (uint32_t i = 0; i < s->n; i++) {
		const struct pat_node *n = &s->nodes[i];
		if (n->kind == PAT_WORD) {
			phrase_add(buf, cap, len,
				   coach_vocab_word(r->vocab, n->word));
		} else if (n->kind == PAT_CLASS) {
			const char *w = phrase_class_word(r, n->cls);
			if (w)
				phrase_add(buf, cap, len, w);
		} else if (n->kind == PAT_ALT) {
			phrase_seq(r, &n->alts[0], buf, cap, len);
		} else if (n->kind == PAT_GAP) {
			return; /* a fixed string cannot say "any words" */
		}
	}
}

size_t coach_rules_phrases(const struct coach_rules *r,
			   void (*emit)(const char *phrase, void *ctx),
			   void *ctx)
{
	size_t count = 0;
	for (uint32_t i = 0; i < r->n_rules; i++) {
		if (r->rules[i].is_unless)
			continue;
		char buf[512];
		size_t len = 0;
		buf[0] = '\0';
		phrase_seq(r, &r->rules[i].pat, buf, sizeof(buf), &len);
		if (len) {
			emit(buf, ctx);
			count++;
		}
	}
	return count;
}
