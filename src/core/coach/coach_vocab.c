/*
 * coach_vocab.c: the coach's vocabulary of words (core layer).
 *
 * Every word a rules file names (in a pattern, a word class or an alias)
 * gets a small integer id, so the matcher compares integers and a token's
 * word classes come with one hash lookup. Open addressing with linear
 * probing over a power-of-two table of indexes into the entry array.
 */
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "core/coach/coach_vocab.h"
#include "util/alloc.h"

struct vocab_entry {
	char *word;
	uint32_t len;
	uint32_t hash;
	uint64_t classes;
	uint32_t *alias;
	uint32_t n_alias;
};

/* A slot keeps the hash beside the id so a probe rarely touches an entry. */
struct vocab_slot {
	uint32_t hash;
	uint32_t id;
};

struct coach_vocab {
	struct vocab_entry *e; /* e[0] is the unknown word */
	uint32_t n, cap;
	struct vocab_slot *slots; /* id 0 = empty */
	uint32_t mask;
};

static uint32_t vocab_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)w[i];
		h *= 16777619u;
	}
	return h;
}

struct coach_vocab *coach_vocab_new(void)
{
	struct coach_vocab *v = xcalloc(1, sizeof(*v));
	v->cap = 64;
	v->e = xcalloc(v->cap, sizeof(*v->e));
	v->n = 1;
	v->e[0].word = xstrdup("");
	v->mask = 255;
	v->slots = xcalloc(v->mask + 1, sizeof(*v->slots));
	return v;
}

void coach_vocab_free(struct coach_vocab *v)
{
	if (!v)
		return;
	for (uint32_t i = 0; i < v->n; i++) {
		free(v->e[i].word);
		free(v->e[i].alias);
	}
	free(v->e);
	free(v->slots);
	free(v);
}

static void vocab_rehash(struct coach_vocab *v)
{
	free(v->slots);
	v->mask = v->mask * 2 + 1;
	v->slots = xcalloc(v->mask + 1, sizeof(*v->slots));
	for (uint32_t i = 1; i < v->n; i++) {
		uint32_t s = v->e[i].hash & v->mask;
		while (v->slots[s].id)
			s = (s + 1) & v->mask;
		v->slots[s].hash = v->e[i].hash;
		v->slots[s].id = i;
	}
}

uint32_t coach_vocab_find(const struct coach_vocab *v, const char *w,
			  size_t n)
{
	uint32_t h = vocab_hash(w, n);
	uint32_t s = h & v->mask;
	for (;;) {
		uint32_t i = v->slots[s].id;
		if (!i)
			return 0;
		const struct vocab_entry *e = &v->e[i];
		if (v->slots[s].hash == h && e->len == n) {
			size_t k = 0; /* words are short: no call to memcmp */
			while (k < n && e->word[k] == w[k])
				k++;
			if (k == n)
				return i;
		}
		s = (s + 1) & v->mask;
	}
}

uint32_t coach_vocab_add(struct coach_vocab *v, const char *w, size_t n)
{
	uint32_t id = coach_vocab_find(v, w, n);
	if (id)
		return id;
	if (v->n == v->cap) {
		v->cap *= 2;
		v->e = xrealloc(v->e, v->cap * sizeof(*v->e));
	}
	id = v->n++;
	struct vocab_entry *e = &v->e[id];
	memset(e, 0, sizeof(*e));
	e->word = xstrndup(w, n);
	e->len = (uint32_t)n;
	e->hash = vocab_hash(w, n);
	if ((v->n - 1) * 4 > v->mask) {
		vocab_rehash(v);
	} else {
		uint32_t s = e->hash & v->mask;
		while (v->slots[s].id)
			s = (s + 1) & v->mask;
		v->slots[s].hash = e->hash;
		v->slots[s].id = id;
	}
	return id;
}

void coach_vocab_set_class(struct coach_vocab *v, uint32_t id, unsigned cls)
{
	v->e[id].classes |= (uint64_t)1 << cls;
}

void coach_vocab_set_alias(struct coach_vocab *v, uint32_t id,
			   const uint32_t *words, uint32_t n)
{
	free(v->e[id].alias);
	v->e[id].alias = xmalloc(n * sizeof(uint32_t));
	memcpy(v->e[id].alias, words, n * sizeof(uint32_t));
	v->e[id].n_alias = n;
}

uint64_t coach_vocab_classes(const struct coach_vocab *v, uint32_t id)
{
	return v->e[id].classes;
}

const char *coach_vocab_word(const struct coach_vocab *v, uint32_t id)
{
	return v->e[id].word;
}

const uint32_t *coach_vocab_alias(const struct coach_vocab *v, uint32_t id,
				  uint32_t *n)
{
	*n = v->e[id].n_alias;
	return v->e[id].alias;
}

size_t coach_vocab_size(const struct coach_vocab *v)
{
	return v->n;
}
