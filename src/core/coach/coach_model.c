/*
 * coach_model.c: features and scoring of the coach's statistical model
 * (core layer); see coach_model.h.
 *
 * A token's word is the rules' folded word when the rules name it, else
 * its bytes folded here the same way (ASCII to lower case, a possessive
 * dropped); any token with a digit is the one word "0", so that "only 3
 * left" and "only 12 left" are the same feature. Features are the words
 * and the pairs of neighbouring words of a sentence (the first paired with
 * a start mark); a word after a negation word (@neg) in the same clause is
 * marked, so "not expensive" does not weigh like "expensive".
 */
#include <math.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "core/coach/coach_model.h"
#include "util/arena.h"

#define MODEL_FNV_BASIS 2166136261u
#define MODEL_FNV_PRIME 16777619u
#define MODEL_NEG_MARK 0x9e3779b9u
#define MODEL_PAIR_MARK 0x7f4a7c15u

static uint32_t model_fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= MODEL_FNV_PRIME;
	}
	return h;
}

/* Murmur3's finalizer: spreads the bits so that slot = key & mask works. */
static uint32_t model_mix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h ? h : 1;
}

/* FNV of a token's bytes folded here: ASCII to lower case, up to an
   apostrophe (straight, or the first byte of a curly one). */
static uint32_t model_text_hash(const char *s, size_t n)
{
	uint32_t h = MODEL_FNV_BASIS;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\'' || c == 0xe2) /* ' or the start of a curly one */
			break;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h ^= c;
		h *= MODEL_FNV_PRIME;
	}
	return h;
}

static bool model_has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* Whether the first byte of token t is a digit. */
static inline bool model_digit_at(const char *text,
				  const struct coach_token *t)
{
	if (t->byte_end == t->byte_start)
		return false;
	unsigned char c = (unsigned char)text[t->byte_start];
	return c >= '0' && c <= '9';
}

/* Whether token t holds a digit. The tokenizer splits digits from
   letters, so a word with a digit starts with one and has class @num:
   the bytes are searched only when the first is no digit but the class
   is there (an alias of a number, were there one). */
static bool model_token_digit(const char *text, const struct coach_token *t)
{
	if (model_digit_at(text, t))
		return true;
	return (t->classes & ((uint64_t)1 << COACH_CLASS_NUM)) &&
	       model_has_digit(text + t->byte_start,
			       t->byte_end - t->byte_start);
}

/* The hash of the word of token t, which holds no digit (see the top of
   the file). */
static uint32_t model_word_hash(const struct coach_rules *rules,
				const char *text, const struct coach_token *t)
{
	if (!t->word)
		return model_text_hash(text + t->byte_start,
				       t->byte_end - t->byte_start);
	const char *w = coach_vocab_word(rules->vocab, t->word);
	return model_fnv(MODEL_FNV_BASIS, w, strlen(w));
}

/* The hash of token t's word, digits or not: the slow path of
   coach_model_apply(), kept out of its loop. */
static __attribute__((noinline)) uint32_t
model_token_hash(const struct coach_rules *rules, const char *text,
		 const struct coach_token *t)
{
	if (model_token_digit(text, t))
		return model_fnv(MODEL_FNV_BASIS, "0", 1);
	return model_word_hash(rules, text, t);
}

/* The key of a word feature and of a word pair feature. */
static inline uint32_t model_word_key(uint32_t h)
{
	return model_mix(h);
}

static inline uint32_t model_pair_key(uint32_t prev, uint32_t h)
{
	return model_mix((prev * MODEL_FNV_PRIME) ^ (h + MODEL_PAIR_MARK));
}

/* Slot of key in m's table, or -1 when the model does not know it. */
static long model_find(const struct coach_model_side *m, uint32_t key)
{
	for (uint32_t i = key & m->mask;; i = (i + 1) & m->mask) {
		if (m->keys[i] == key)
			return (long)i;
		if (m->keys[i] == 0)
			return -1;
	}
}

size_t coach_model_text_features(const struct coach_rules *rules,
				 const char *text, size_t len, uint32_t *out,
				 size_t max)
{
	struct coach_tokens toks = {0};
	coach_text_tokenize(rules->vocab, text, 0, len, 0, &toks);
	uint64_t neg = rules->has_neg ? (uint64_t)1 << rules->neg_class : 0;
	uint32_t start_h = model_fnv(MODEL_FNV_BASIS, "<s>", 3);
	uint32_t prev = start_h;
	bool negated = false;
	size_t n = 0;
	for (size_t i = 0; i < toks.n; i++) {
		const struct coach_token *t = &toks.v[i];
		if (i == 0 || t->sentence != toks.v[i - 1].sentence) {
			prev = start_h;
			negated = false;
		} else if (t->clause != toks.v[i - 1].clause) {
			negated = false;
		}
		uint32_t h = model_token_hash(rules, text, t);
		if (negated)
			h ^= MODEL_NEG_MARK;
		if (n < max)
			out[n] = model_word_key(h);
		n++;
		if (n < max)
			out[n] = model_pair_key(prev, h);
		n++;
		prev = h;
		if (t->classes & neg)
			negated = true;
	}
	coach_text_tokens_free(&toks);
	return n;
}

static double model_sigmoid(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

void coach_model_probabilities(const struct coach_model_side *m,
			       const uint32_t *keys, size_t n, double *p)
{
	double z[COACH_MODEL_LABELS];
	for (uint32_t l = 0; l < m->n_labels; l++)
		z[l] = m->bias[l];
	for (size_t i = 0; i < n; i++) {
		long s = model_find(m, keys[i]);
		if (s < 0)
			continue;
		const float *w = m->weights + (size_t)m->rows[s] * m->n_labels;
		for (uint32_t l = 0; l < m->n_labels; l++)
			z[l] += w[l];
	}
	for (uint32_t l = 0; l < m->n_labels; l++)
		p[l] = model_sigmoid(z[l]);
}

/*
 * The model as coach_model_apply() reads it, made once by
 * coach_rules_set_model() in the rules' arena:
 *   - the hash of every vocabulary word, so a known token costs a load;
 *   - per side, the table as (key, row) pairs, so a probe reads one
 *     cache line, and the rows padded to COACH_MODEL_LABELS floats, so
 *     adding a row is a fixed, vectorizable loop; a feature the model
 *     does not know gets row n_rows, all zeros, and is added without a
 *     branch (adding +0.0 to a sum that starts at +0.0 changes nothing);
 *   - per side and vocabulary word, the row of its word feature, plain
 *     and negated, so a known token's word feature needs no probe;
 *   - per side, the labels that can be reported at all: a threshold of
 *     1 is never passed (a probability is at most 1), and a label the
 *     rules do not have is never added.
 */
struct model_slot {
	uint32_t key, row;
};

struct model_prep_side {
	struct model_slot *slots; /* mask + 1 */
	uint32_t mask;
	uint32_t n_rows;   /* rows; row n_rows is zeros */
	float *w;          /* (n_rows + 1) * COACH_MODEL_LABELS */
	uint32_t *word_row[2]; /* by vocabulary id: plain, negated */
	int rule_label[COACH_MODEL_LABELS]; /* index in rules->labels */
	uint32_t live;     /* bit l: label l can be reported */
};

struct coach_model_prep {
	uint32_t *word_hash; /* by vocabulary id */
	size_t n_words;
	struct model_prep_side side[2];
};

/* Row of key in the prepared table (the zero row when unknown). Whether
   a text's word pair is known is as good as random, so the first slot,
   where most searches end, is read without a branch on it. */
static inline uint32_t model_prep_row(const struct model_prep_side *p,
				      uint32_t key)
{
	uint32_t i = key & p->mask;
	struct model_slot sl = p->slots[i];
	if (__builtin_expect(sl.key == key || sl.key == 0, 1))
		return sl.key == key ? sl.row : p->n_rows;
	for (;;) {
		i = (i + 1) & p->mask;
		if (p->slots[i].key == key)
			return p->slots[i].row;
		if (p->slots[i].key == 0)
			return p->n_rows;
	}
}

/* Adds row r of p to acc. */
static inline void model_add_row(const struct model_prep_side *p, uint32_t r,
				 double *acc)
{
	const float *w = p->w + (size_t)r * COACH_MODEL_LABELS;
	for (int l = 0; l < COACH_MODEL_LABELS; l++)
		acc[l] += (double)w[l];
}

/* Index of the rules' label called name on side, or -1. */
static int model_rules_label(const struct coach_rules *rules,
			     const char *name, enum coach_side side)
{
	for (uint32_t l = 0; l < rules->n_labels; l++)
		if (rules->labels[l].side == side &&
		    strcmp(rules->labels[l].name, name) == 0)
			return (int)l;
	return -1;
}

static void model_prep_side(const struct coach_rules *rules,
			    const struct coach_model_side *m,
			    enum coach_side side, struct coach_model_prep *mp)
{
	struct model_prep_side *p = &mp->side[side];
	uint32_t n_labels = m->n_labels < COACH_MODEL_LABELS
				    ? m->n_labels
				    : COACH_MODEL_LABELS;
	for (uint32_t l = 0; l < n_labels; l++) {
		p->rule_label[l] = model_rules_label(rules, m->labels[l], side);
		if (p->rule_label[l] >= 0 && !(m->threshold[l] >= 1.0f))
			p->live |= 1u << l;
	}
	if (!m->keys) { /* no table: one empty slot */
		p->live = 0;
		p->slots = arena_alloc(rules->arena, sizeof(*p->slots));
	} else {
		p->mask = m->mask;
		p->slots = arena_alloc(rules->arena,
				       ((size_t)m->mask + 1) * sizeof(*p->slots));
		for (size_t i = 0; i <= m->mask; i++) {
			p->slots[i].key = m->keys[i];
			p->slots[i].row = m->rows[i];
			if (m->keys[i] && m->rows[i] + 1 > p->n_rows)
				p->n_rows = m->rows[i] + 1;
		}
	}
	p->w = arena_alloc(rules->arena, ((size_t)p->n_rows + 1) *
						 COACH_MODEL_LABELS * sizeof(float));
	for (size_t r = 0; r < p->n_rows; r++)
		for (uint32_t l = 0; l < n_labels; l++)
			p->w[r * COACH_MODEL_LABELS + l] =
				m->weights[r * m->n_labels + l];
	for (int neg = 0; neg < 2; neg++) {
		p->word_row[neg] = arena_alloc(rules->arena,
					       mp->n_words * sizeof(uint32_t));
		for (size_t id = 0; id < mp->n_words; id++) {
			uint32_t h = mp->word_hash[id];
			if (neg)
				h ^= MODEL_NEG_MARK;
			p->word_row[neg][id] =
				p->live ? model_prep_row(p, model_word_key(h))
					: p->n_rows;
		}
	}
}

static struct coach_model_prep *model_prepare(const struct coach_rules *rules,
					      const struct coach_model *model)
{
	struct coach_model_prep *mp = arena_alloc(rules->arena, sizeof(*mp));
	mp->n_words = coach_vocab_size(rules->vocab);
	mp->word_hash = arena_alloc(rules->arena,
				    mp->n_words * sizeof(uint32_t));
	for (size_t id = 1; id < mp->n_words; id++) {
		const char *w = coach_vocab_word(rules->vocab, (uint32_t)id);
		mp->word_hash[id] = model_fnv(MODEL_FNV_BASIS, w, strlen(w));
	}
	for (int side = 0; side < 2; side++)
		model_prep_side(rules, &model->side[side], (enum coach_side)side,
				mp);
	return mp;
}

/* Where a sentence is. */
struct model_span {
	size_t byte_start, byte_end, char_start, char_end;
};

/* One sentence's share of the scores, and where it is. */
struct model_sent {
	double score[COACH_MODEL_LABELS];
	struct model_span span;
};

/* The state of one coach_model_apply call: a ring of the last
   COACH_MODEL_WINDOW sentences and the best window per label so far. */
struct model_scan {
	const struct coach_model_side *m;
	uint32_t live; /* the labels worth scoring in this call */
	struct model_sent ring[COACH_MODEL_WINDOW];
	size_t n_sent; /* sentences ended */
	double best[COACH_MODEL_LABELS];
	struct model_span best_span[COACH_MODEL_LABELS];
};

/* Scores the window ending with the last sentence ended. Each label's
   sum is taken in the same order as ever (bias, then the newest sentence
   first), so the figures are the same to the last bit. */
static void model_close_window(struct model_scan *s)
{
	size_t have = s->n_sent < COACH_MODEL_WINDOW ? s->n_sent
						       : COACH_MODEL_WINDOW;
	const struct model_sent *win[COACH_MODEL_WINDOW]; /* newest first */
	size_t at = (s->n_sent - 1) % COACH_MODEL_WINDOW;
	for (size_t k = 0; k < have; k++) {
		win[k] = &s->ring[at];
		at = at ? at - 1 : COACH_MODEL_WINDOW - 1;
	}
	for (uint32_t live = s->live; live; live &= live - 1) {
		int l = __builtin_ctz(live);
		double z = s->m->bias[l];
		const struct model_sent *top = win[0];
		z += top->score[l];
		for (size_t k = 1; k < have; k++) {
			z += win[k]->score[l];
			if (win[k]->score[l] > top->score[l])
				top = win[k];
		}
		if (z > s->best[l]) {
			s->best[l] = z;
			s->best_span[l] = top->span;
		}
	}
}

void coach_model_apply(const struct coach_rules *rules, const char *text,
		       const struct coach_tokens *toks, size_t from, size_t to,
		       enum coach_side side, const char *speaker,
		       struct coach_findings *fs, size_t fs_from)
{
	if (!rules->model || !rules->model_prep || from >= to)
		return;
	const struct coach_model_prep *mp = rules->model_prep;
	const struct model_prep_side *p = &mp->side[side];
	/* Labels the rules already found here are not added again: when
	   that leaves none, there is nothing to score. */
	uint32_t live = p->live;
	for (uint32_t lv = live; lv; lv &= lv - 1) {
		int l = __builtin_ctz(lv);
		const char *name = rules->labels[p->rule_label[l]].name;
		for (size_t i = fs_from; i < fs->n; i++)
			if (fs->v[i].label == name) {
				live &= ~(1u << l);
				break;
			}
	}
	if (!live)
		return;
	struct model_scan s;
	s.m = &rules->model->side[side];
	s.live = live;
	s.n_sent = 0;
	for (uint32_t l = 0; l < COACH_MODEL_LABELS; l++)
		s.best[l] = -HUGE_VAL;
	uint64_t neg = rules->has_neg ? (uint64_t)1 << rules->neg_class : 0;
	uint32_t start_h = model_fnv(MODEL_FNV_BASIS, "<s>", 3);
	uint64_t num = (uint64_t)1 << COACH_CLASS_NUM;
	const uint32_t *word_hash = mp->word_hash;
	size_t n_words = mp->n_words;
	const struct coach_token *v = toks->v;
	size_t i = from;
	while (i < to) {
		/* One sentence: toks->v[i, e). */
		uint32_t sentence = v[i].sentence;
		double acc[COACH_MODEL_LABELS] = {0};
		uint32_t prev = start_h, clause = v[i].clause;
		bool negated = false;
		size_t e = i;
		for (; e < to && v[e].sentence == sentence; e++) {
			const struct coach_token *t = &v[e];
			if (t->clause != clause) {
				clause = t->clause;
				negated = false;
			}
			uint32_t h, r;
			if (t->word && t->word < n_words &&
			    !(t->classes & num) &&
			    !model_digit_at(text, t)) {
				h = word_hash[t->word] ^
				    (negated ? MODEL_NEG_MARK : 0);
				r = p->word_row[negated][t->word];
			} else {
				h = model_token_hash(rules, text, t) ^
				    (negated ? MODEL_NEG_MARK : 0);
				r = model_prep_row(p, model_word_key(h));
			}
			model_add_row(p, r, acc);
			model_add_row(p, model_prep_row(p, model_pair_key(prev, h)),
				      acc);
			prev = h;
			if (t->classes & neg)
				negated = true;
		}
		struct model_sent *se = &s.ring[s.n_sent % COACH_MODEL_WINDOW];
		memcpy(se->score, acc, sizeof(acc));
		se->span.byte_start = v[i].byte_start;
		se->span.char_start = v[i].char_start;
		se->span.byte_end = v[e - 1].byte_end;
		se->span.char_end = v[e - 1].char_end;
		s.n_sent++;
		/* Only full windows, and the last one, which for a short text
		   is the whole text, as the model learned. */
		if (s.n_sent >= COACH_MODEL_WINDOW || e == to)
			model_close_window(&s);
		i = e;
	}
	for (uint32_t lv = live; lv; lv &= lv - 1) {
		int l = __builtin_ctz(lv);
		if (model_sigmoid(s.best[l]) <= s.m->threshold[l])
			continue;
		const struct coach_label *lab = &rules->labels[p->rule_label[l]];
		bool found = false;
		for (size_t k = fs_from; k < fs->n && !found; k++)
			found = fs->v[k].label == lab->name;
		if (found)
			continue;
		const struct model_span *se = &s.best_span[l];
		struct coach_finding f = {
			.label = lab->name,
			.side = side,
			.severity = lab->severity,
			.start = se->char_start,
			.end = se->char_end,
			.byte_start = se->byte_start,
			.byte_end = se->byte_end,
			.reason = lab->reason,
			.suggestion = lab->suggestion,
			.speaker = speaker,
			.rule_line = 0,
		};
		coach_findings_push(fs, &f);
	}
}

void coach_rules_set_model(struct coach_rules *rules,
			   const struct coach_model *model)
{
	rules->model = model;
	rules->model_prep = model ? model_prepare(rules, model) : NULL;
}
