/*
 * coach_match.c: matching rule patterns against tokens (core layer).
 *
 * For each token, the rules whose first set holds the token's word or one
 * of its classes are tried there; a pattern is matched by backtracking
 * over its tree, never past the end of the sentence it started in. A match
 * is dropped when a barred word (by default one of @neg: "not", "never",
 * "no" ...) stands within the window of words just before it in the same
 * clause, so "I won't rush you" is not urgency. Then the label's "unless"
 * contexts are looked for around each finding (the sentence before, its
 * own and the next, or the whole text): "no rush", "so you can plan" and
 * the like cancel it.
 */
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "util/alloc.h"

#define NO_MATCH ((size_t)-1)
#define UNLESS_REACH 64

struct mctx {
	const struct coach_token *t;
	size_t lim; /* tokens from lim on are out of reach */
	uint64_t words[4]; /* bloom of the sentence's word ids (% 256) */
	uint64_t classes;  /* union of the sentence's classes */
};

/* Fills the sentence filter of m from tokens [p, m->lim). */
static void match_bloom(const struct coach_tokens *toks, size_t p,
			struct mctx *m)
{
	memset(m->words, 0, sizeof(m->words));
	m->classes = 0;
	for (size_t i = p; i < m->lim; i++) {
		uint32_t w = toks->v[i].word;
		m->words[(w & 255) >> 6] |= (uint64_t)1 << (w & 63);
		m->classes |= toks->v[i].classes;
	}
}

/* True when the sentence may hold every part rule needs. */
static bool match_may(const struct coach_rule *rule, const struct mctx *m)
{
	for (uint8_t i = 0; i < rule->n_need; i++) {
		const struct coach_need *n = &rule->need[i];
		if (!(n->classes & m->classes) &&
		    !((n->words[0] & m->words[0]) | (n->words[1] & m->words[1]) |
		      (n->words[2] & m->words[2]) | (n->words[3] & m->words[3])))
			return false;
	}
	return true;
}

/* What to match once the current sequence is done. */
struct cont {
	const struct pat_seq *seq;
	uint32_t i;
	const struct cont *next;
};

static size_t match_seq(const struct mctx *m, const struct pat_seq *seq,
			uint32_t i, size_t pos, const struct cont *k);

static size_t match_next(const struct mctx *m, const struct pat_seq *seq,
			 uint32_t i, size_t pos, const struct cont *k)
{
	return match_seq(m, seq, i + 1, pos, k);
}

static size_t match_seq(const struct mctx *m, const struct pat_seq *seq,
			uint32_t i, size_t pos, const struct cont *k)
{
	if (i == seq->n)
		return k ? match_seq(m, k->seq, k->i, pos, k->next) : pos;
	const struct pat_node *n = &seq->nodes[i];
	switch (n->kind) {
	case PAT_WORD:
		if (pos < m->lim && m->t[pos].word == n->word)
			return match_next(m, seq, i, pos + 1, k);
		return NO_MATCH;
	case PAT_CLASS:
		if (pos < m->lim && (m->t[pos].classes >> n->cls & 1))
			return match_next(m, seq, i, pos + 1, k);
		return NO_MATCH;
	case PAT_NOT:
		if (pos < m->lim &&
		    (n->is_class ? (m->t[pos].classes >> n->cls & 1)
				 : m->t[pos].word == n->word))
			return NO_MATCH;
		return match_next(m, seq, i, pos, k);
	case PAT_GAP:
		for (size_t g = 0; g <= n->gap && pos + g <= m->lim; g++) {
			size_t r = match_next(m, seq, i, pos + g, k);
			if (r != NO_MATCH)
				return r;
		}
		return NO_MATCH;
	case PAT_ALT:
	case PAT_OPT: {
		struct cont c = {seq, i + 1, k};
		const struct coach_token *t = pos < m->lim ? &m->t[pos] : NULL;
		for (uint32_t a = 0; a < n->n_alts; a++) {
			/* Most alternatives start with a word or class: test
			   it here rather than in a call that fails at once. */
			const struct pat_node *f = &n->alts[a].nodes[0];
			if (f->kind == PAT_WORD && (!t || t->word != f->word))
				continue;
			if (f->kind == PAT_CLASS &&
			    (!t || !(t->classes >> f->cls & 1)))
				continue;
			size_t r = match_seq(m, &n->alts[a], 0, pos, &c);
			if (r != NO_MATCH)
				return r;
		}
		if (n->kind == PAT_OPT)
			return match_next(m, seq, i, pos, k);
		return NO_MATCH;
	}
	}
	return NO_MATCH;
}

/* End (exclusive) of the sentence of token p, at most to. */
static size_t match_sentence_end(const struct coach_tokens *toks, size_t p,
				 size_t to)
{
	uint32_t s = toks->v[p].sentence;
	size_t e = p + 1;
	while (e < to && toks->v[e].sentence == s)
		e++;
	return e;
}

/* True when a barred class stands just before token p, in its clause. */
static bool match_barred(const struct coach_rules *r,
			 const struct coach_rule *rule,
			 const struct coach_tokens *toks, size_t from,
			 size_t p)
{
	if (!rule->n_notafter)
		return false;
	uint64_t mask = 0;
	for (uint8_t i = 0; i < rule->n_notafter; i++)
		mask |= (uint64_t)1 << rule->notafter[i];
	uint32_t clause = toks->v[p].clause;
	for (int w = 1; w <= r->window && p >= from + (size_t)w; w++) {
		const struct coach_token *t = &toks->v[p - (size_t)w];
		if (t->clause != clause)
			break;
		if (t->classes & mask)
			return true;
	}
	return false;
}

void coach_findings_push(struct coach_findings *fs,
			 const struct coach_finding *f)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xrealloc(fs->v, fs->cap * sizeof(*fs->v));
	}
	fs->v[fs->n++] = *f;
}

static void match_emit(const struct coach_rules *r, uint32_t ri,
		       const struct coach_tokens *toks, size_t p, size_t e,
		       const char *speaker, struct coach_findings *out)
{
	const struct coach_rule *rule = &r->rules[ri];
	const struct coach_label *l = &r->labels[rule->label];
	struct coach_finding f = {
		.label = l->name,
		.side = l->side,
		.severity = rule->severity,
		.start = toks->v[p].char_start,
		.end = toks->v[e - 1].char_end,
		.byte_start = toks->v[p].byte_start,
		.byte_end = toks->v[e - 1].byte_end,
		.reason = rule->reason ? rule->reason : l->reason,
		.suggestion = rule->suggestion ? rule->suggestion
					       : l->suggestion,
		.speaker = speaker,
		.rule_line = rule->line,
	};
	coach_findings_push(out, &f);
}

/* True when one of the label's "unless" contexts is near token p. */
static bool match_unless(const struct coach_rules *r, uint32_t label,
			 const struct coach_tokens *toks, size_t from,
			 size_t to, size_t p)
{
	for (uint32_t u = r->unless_of[label]; u < r->unless_of[label + 1];
	     u++) {
		const struct coach_rule *rule = &r->rules[r->unless_rules[u]];
		size_t a = from, b = to;
		if (rule->scope != COACH_SCOPE_TEXT) {
			/* the sentences around p, at most UNLESS_REACH words
			   either side so that long texts stay linear */
			uint32_t s = toks->v[p].sentence;
			uint32_t d = rule->scope == COACH_SCOPE_NEAR;
			a = p;
			while (a > from && p - a < UNLESS_REACH &&
			       toks->v[a - 1].sentence + d >= s)
				a--;
			b = p;
			while (b < to && b - p < UNLESS_REACH &&
			       toks->v[b].sentence <= s + d)
				b++;
		}
		struct mctx m = {toks->v, a, {0}, 0};
		for (size_t q = a; q < b; q++) {
			const struct coach_token *t = &toks->v[q];
			if (q >= m.lim)
				m.lim = match_sentence_end(toks, q, b);
			if (!(rule->first_words >> (t->word & 63) & 1) &&
			    !(rule->first_classes & t->classes))
				continue;
			if (match_seq(&m, &rule->pat, 0, q, NULL) != NO_MATCH &&
			    !match_barred(r, rule, toks, from, q))
				return true;
		}
	}
	return false;
}

/* Cheap tests that rule cannot match at p: its second word, then the
   words it needs anywhere in the sentence. */
static inline bool match_quick(const struct coach_rules *r,
			       const struct coach_cand *c,
			       const struct mctx *m, size_t p)
{
	if (!c->sig_any) {
		if (p + 1 >= m->lim)
			return false;
		const struct coach_token *t2 = &m->t[p + 1];
		if (!(c->sig_words >> (t2->word & 63) & 1) &&
		    !(c->sig_classes & t2->classes))
			return false;
	}
	return match_may(&r->rules[c->rule], m);
}

/* Tries rule ri at token p; emits a finding unless one of its label
   already covers p. */
static void match_try(const struct coach_rules *r, uint32_t ri,
		      const struct coach_tokens *toks, size_t from,
		      const struct mctx *m, size_t p, size_t *label_end,
		      const char *speaker, struct coach_findings *out)
{
	const struct coach_rule *rule = &r->rules[ri];
	if (toks->v[p].byte_start < label_end[rule->label])
		return;
	size_t e = match_seq(m, &rule->pat, 0, p, NULL);
	if (e == NO_MATCH || e == p || match_barred(r, rule, toks, from, p))
		return;
	match_emit(r, ri, toks, p, e, speaker, out);
	label_end[rule->label] = toks->v[e - 1].byte_end;
}

void coach_match_range(const struct coach_rules *r,
		       const struct coach_tokens *toks, size_t from, size_t to,
		       enum coach_side side, const char *speaker,
		       struct coach_findings *out)
{
	const struct coach_index *ix = &r->index[side];
	size_t label_end[COACH_LABEL_MAX] = {0};
	size_t first = out->n;
	struct mctx m = {toks->v, from, {0}, 0};
	for (size_t p = from; p < to; p++) {
		if (p >= m.lim) {
			m.lim = match_sentence_end(toks, p, to);
			match_bloom(toks, p, &m);
		}
		const struct coach_token *t = &toks->v[p];
		const struct coach_cand *c = ix->word_cands;
		for (uint32_t j = ix->word_off[t->word];
		     j < ix->word_off[t->word + 1]; j++)
			if (match_quick(r, &c[j], &m, p))
				match_try(r, c[j].rule, toks, from, &m, p,
					  label_end, speaker, out);
		/* @num and @cap (and anything a rules file adds to them)
		   come first, as their class bits are the lowest. */
		c = ix->class_cands;
		for (uint64_t d = t->classes & COACH_CLASS_DYNAMIC; d;
		     d &= d - 1) {
			unsigned b = (unsigned)__builtin_ctzll(d);
			for (uint32_t j = ix->class_off[b];
			     j < ix->class_off[b + 1]; j++)
				if (match_quick(r, &c[j], &m, p))
					match_try(r, c[j].rule, toks, from, &m,
						  p, label_end, speaker, out);
		}
		c = ix->static_cands;
		for (uint32_t j = ix->static_off[t->word];
		     j < ix->static_off[t->word + 1]; j++)
			if (match_quick(r, &c[j], &m, p))
				match_try(r, c[j].rule, toks, from, &m, p,
					  label_end, speaker, out);
	}
	/* Drop the findings an "unless" context cancels. */
	size_t keep = first;
	for (size_t i = first; i < out->n; i++) {
		struct coach_finding *f = &out->v[i];
		uint32_t label = 0;
		while (r->labels[label].name != f->label)
			label++;
		if (r->unless_of[label] == r->unless_of[label + 1]) {
			out->v[keep++] = *f;
			continue;
		}
		/* the first token of the finding, by binary search */
		size_t lo = from, hi = to;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (toks->v[mid].byte_start < f->byte_start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < to && match_unless(r, label, toks, from, to, lo))
			continue;
		out->v[keep++] = *f;
	}
	out->n = keep;
}
