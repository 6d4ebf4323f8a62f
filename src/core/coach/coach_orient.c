/*
 * coach_orient.c: self-orientation, the share of the seller's references
 * that are to themselves rather than to the buyer (core layer).
 *
 * The words counted are the rules file's classes @selfref (I, me, my, we,
 * our ...) and @buyerref (you, your ...), so the lists are data like the
 * rest. A seller who writes mostly about "my quota" and "our product" and
 * rarely about "your team" is talking to themselves.
 */
#include <stdlib.h>

#include "core/coach/coach_impl.h"
#include "util/arena.h"

void coach_orient_count(const struct coach_rules *r,
			const struct coach_tokens *toks, size_t from,
			size_t to, struct coach_orient_acc *acc)
{
	uint64_t self = r->has_self ? (uint64_t)1 << r->self_class : 0;
	uint64_t buyer = r->has_buyer ? (uint64_t)1 << r->buyer_class : 0;
	for (size_t i = from; i < to; i++) {
		const struct coach_token *t = &toks->v[i];
		if (!(t->classes & (self | buyer)))
			continue;
		size_t k = 0;
		while (k < acc->n && acc->id[k] != t->word)
			k++;
		if (k == acc->n) {
			if (acc->n == COACH_ORIENT_WORDS)
				continue; /* a rules file with huge lists */
			acc->id[k] = t->word;
			acc->count[k] = 0;
			acc->self[k] = (t->classes & self) != 0;
			acc->n++;
		}
		acc->count[k]++;
	}
}

static int orient_cmp(const void *a, const void *b)
{
	const struct coach_word_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	const char *p = x->word, *q = y->word;
	while (*p && *p == *q)
		p++, q++;
	return (unsigned char)*p - (unsigned char)*q;
}

static size_t orient_list(const struct coach_rules *r,
			  const struct coach_orient_acc *acc, bool self,
			  struct arena *arena, struct coach_word_count **out,
			  size_t *total)
{
	size_t n = 0;
	*out = arena_alloc(arena, (acc->n + 1) * sizeof(**out));
	*total = 0;
	for (size_t k = 0; k < acc->n; k++) {
		if (acc->self[k] != self)
			continue;
		(*out)[n].word = coach_vocab_word(r->vocab, acc->id[k]);
		(*out)[n].count = acc->count[k];
		*total += acc->count[k];
		n++;
	}
	if (n > 1)
		qsort(*out, n, sizeof(**out), orient_cmp);
	return n;
}

void coach_orient_finish(const struct coach_rules *r,
			 const struct coach_orient_acc *acc,
			 struct arena *arena, struct coach_orientation *o)
{
	o->n_self_words = orient_list(r, acc, true, arena, &o->self_words,
				      &o->self_refs);
	o->n_buyer_words = orient_list(r, acc, false, arena, &o->buyer_words,
				       &o->buyer_refs);
	size_t all = o->self_refs + o->buyer_refs;
	o->self_share = all ? (double)o->self_refs / (double)all : 0.0;
}
