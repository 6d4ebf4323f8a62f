/*
 * coach_vocab.c: the coach's vocabulary of words (core layer).
 *
 * Every word a rules file names (in a pattern, a word class or an alias)
 * gets a small integer id, so the matcher compares integers and a token's
 * word classes come with one hash lookup. Open addressing with linear
 * probing over a power-of-two table of slots. A slot holds the word's
 * hash, length and first eight bytes beside its id, so that looking up a
 * word of up to eight bytes (most words) reads one slot and nothing else.
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
	uint32_t *alias; /* owned; info[id].alias borrows it */
};

/* A slot: enough of its word to decide most lookups without the entry. */
struct vocab_slot {
	uint64_t head; /* the word's first 8 bytes, zero padded */
	uint32_t id;   /* 0: empty */
	uint16_t tag;  /* the hash's top 16 bits */
	uint16_t len;  /* words of the rules are far shorter */
};

struct coach_vocab {
	struct vocab_entry *e; /* e[0] is the unknown word */
	struct coach_word_info *info; /* beside e, what the tokenizer reads */
	uint32_t n, cap;
	struct vocab_slot *slots; /* id 0 = empty */
	uint32_t mask;
};

/* The 8 bytes at p as a little-endian number, whatever the machine. */
static inline uint64_t vocab_load8(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/* Bytes [i, min(i + 8, n)) of w as a little-endian number, zero padded. */
static inline uint64_t vocab_chunk(const char *w, size_t i, size_t n)
{
	uint64_t x = 0;
	if (i + 8 <= n)
		return vocab_load8(w + i);
	for (size_t k = 0; i + k < n; k++)
		x |= (uint64_t)(unsigned char)w[i + k] << (8 * k);
	return x;
}

/* The hash of a word of n bytes whose first 8 are head, before the
   chunks after them are mixed in (vocab_step) and it is finished
   (vocab_end). */
static inline uint64_t vocab_start(size_t n, uint64_t head)
{
	return ((0x9e3779b97f4a7c15u ^ n) ^ head) * 0xff51afd7ed558ccdu;
}

static inline uint64_t vocab_step(uint64_t h, uint64_t chunk)
{
	h ^= h >> 32;
	return (h ^ chunk) * 0xff51afd7ed558ccdu;
}

static inline uint32_t vocab_end(uint64_t h)
{
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53u;
	return (uint32_t)(h >> 32);
}

/* Eight bytes at a time (most words take one step), then a final mix;
   reads exactly n bytes of w and sets *head to its first eight. */
static uint32_t vocab_hash(const char *w, size_t n, uint64_t *head)
{
	*head = vocab_chunk(w, 0, n);
	uint64_t h = vocab_start(n, *head);
	for (size_t i = 8; i < n; i += 8)
		h = vocab_step(h, vocab_chunk(w, i, n));
	return vocab_end(h);
}

/* Puts entry id into the first free slot of its probe sequence. */
static void vocab_place(struct coach_vocab *v, uint32_t id)
{
	const struct vocab_entry *e = &v->e[id];
	uint32_t s = e->hash & v->mask;
	while (v->slots[s].id)
		s = (s + 1) & v->mask;
	struct vocab_slot *sl = &v->slots[s];
	sl->tag = (uint16_t)(e->hash >> 16);
	sl->id = id;
	sl->len = (uint16_t)e->len;
	sl->head = vocab_chunk(e->word, 0, e->len);
}

struct coach_vocab *coach_vocab_new(void)
{
	struct coach_vocab *v = xcalloc(1, sizeof(*v));
	v->cap = 64;
	v->e = xcalloc(v->cap, sizeof(*v->e));
	v->info = xcalloc(v->cap, sizeof(*v->info));
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
	free(v->info);
	free(v->slots);
	free(v);
}

static void vocab_rehash(struct coach_vocab *v)
{
	free(v->slots);
	v->mask = v->mask * 2 + 1;
	v->slots = xcalloc(v->mask + 1, sizeof(*v->slots));
	for (uint32_t i = 1; i < v->n; i++)
		vocab_place(v, i);
}

/* Looks up the word whose hash is h, first eight bytes head. */
static inline uint32_t vocab_probe(const struct coach_vocab *v, const char *w,
				   size_t n, uint32_t h, uint64_t head)
{
	uint32_t s = h & v->mask;
	for (;;) {
		const struct vocab_slot *sl = &v->slots[s];
		if (!sl->id)
			return 0;
		if (sl->tag == (uint16_t)(h >> 16) && sl->len == n &&
		    sl->head == head &&
		    (n <= 8 || (v->e[sl->id].len == n &&
				memcmp(v->e[sl->id].word + 8, w + 8, n - 8) ==
					0)))
			return sl->id;
		s = (s + 1) & v->mask;
	}
}

uint32_t coach_vocab_find(const struct coach_vocab *v, const char *w,
			  size_t n)
{
	uint64_t head;
	uint32_t h = vocab_hash(w, n, &head);
	return vocab_probe(v, w, n, h, head);
}

uint32_t coach_vocab_find_padded(const struct coach_vocab *v, const char *w,
				 size_t n)
{
	/* vocab_hash() with whole 8-byte loads, the last one masked */
	uint64_t head = 0, h = 0;
	for (size_t i = 0; i < n || i == 0; i += 8) {
		uint64_t x = vocab_load8(w + i);
		if (n - i < 8)
			x &= ((uint64_t)1 << (8 * (n - i))) - 1;
		if (i == 0) {
			head = x;
			h = vocab_start(n, x);
		} else {
			h = vocab_step(h, x);
		}
	}
	return vocab_probe(v, w, n, vocab_end(h), head);
}

uint32_t coach_vocab_find_head(const struct coach_vocab *v, uint64_t head,
			       size_t n)
{
	return vocab_probe(v, NULL, n, vocab_end(vocab_start(n, head)), head);
}

uint32_t coach_vocab_add(struct coach_vocab *v, const char *w, size_t n)
{
	uint32_t id = coach_vocab_find(v, w, n);
	if (id)
		return id;
	if (v->n == v->cap) {
		v->cap *= 2;
		v->e = xrealloc(v->e, v->cap * sizeof(*v->e));
		v->info = xrealloc(v->info, v->cap * sizeof(*v->info));
	}
	id = v->n++;
	struct vocab_entry *e = &v->e[id];
	memset(e, 0, sizeof(*e));
	memset(&v->info[id], 0, sizeof(v->info[id]));
	e->word = xstrndup(w, n);
	e->len = (uint32_t)n;
	uint64_t head;
	e->hash = vocab_hash(w, n, &head);
	if ((v->n - 1) * 2 > v->mask)
		vocab_rehash(v);
	else
		vocab_place(v, id);
	return id;
}

void coach_vocab_set_class(struct coach_vocab *v, uint32_t id, unsigned cls)
{
	v->info[id].classes |= (uint64_t)1 << cls;
}

void coach_vocab_set_alias(struct coach_vocab *v, uint32_t id,
			   const uint32_t *words, uint32_t n)
{
	free(v->e[id].alias);
	v->e[id].alias = xmalloc(n * sizeof(uint32_t));
	memcpy(v->e[id].alias, words, n * sizeof(uint32_t));
	v->info[id].alias = v->e[id].alias;
	v->info[id].n_alias = n;
}

uint64_t coach_vocab_classes(const struct coach_vocab *v, uint32_t id)
{
	return v->info[id].classes;
}

const char *coach_vocab_word(const struct coach_vocab *v, uint32_t id)
{
	return v->e[id].word;
}

const uint32_t *coach_vocab_alias(const struct coach_vocab *v, uint32_t id,
				  uint32_t *n)
{
	*n = v->info[id].n_alias;
	return v->info[id].alias;
}

const struct coach_word_info *coach_vocab_infos(const struct coach_vocab *v)
{
	return v->info;
}

size_t coach_vocab_size(const struct coach_vocab *v)
{
	return v->n;
}
