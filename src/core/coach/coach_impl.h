/*
 * coach_impl.h: the coach's internal types, shared by its files (core
 * layer). Not for use outside src/core/coach/.
 *
 * Words of the rules are interned in a vocabulary; a token of the input
 * carries the id of its folded word (0 when the rules never name it) and
 * the bit set of the word classes it belongs to, so that matching compares
 * integers. A rule's pattern is a small tree (words, classes, gaps,
 * alternatives, optional parts, negative assertions) matched by
 * backtracking from positions found through an index of the words and
 * classes a match can start with.
 */
#ifndef RAPPORT_CORE_COACH_IMPL_H
#define RAPPORT_CORE_COACH_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/coach/coach.h"

#define COACH_CLASS_MAX 64  /* word classes, one bit each */
#define COACH_LABEL_MAX COACH_LABEL_COUNT_MAX
#define COACH_WORD_MAX 48   /* bytes of a folded word; longer never match */
#define COACH_CLASS_NUM 0   /* built-in class @num: tokens with digits */
#define COACH_CLASS_CAP 1   /* built-in @cap: Capitalized, not first word */

/* ---- tokens (coach_text.c) ---- */

struct coach_token {
	uint32_t word;     /* vocabulary id, 0 for a word the rules never name */
	uint32_t sentence; /* sentence number */
	uint32_t clause;   /* clause number (commas, dashes, colons split) */
	uint64_t classes;  /* word-class bits */
	size_t byte_start, byte_end;
	size_t char_start, char_end;
};

struct coach_tokens {
	struct coach_token *v;
	size_t n, cap;
	size_t chars;       /* code points read */
	bool repaired;      /* bad UTF-8 was read as U+FFFD */
	uint32_t sentences; /* sentence numbers used so far */
	uint32_t clauses;
	size_t questions;   /* sentences ending with '?' */
};

struct coach_vocab;

/*
 * Tokenizes text[begin, end), appending to toks. Offsets are into text;
 * char_base is the code point offset of begin. Words are folded (lower
 * case, curly quotes straightened) and contractions expanded ("don't" is
 * "do" "not"), each part spanning the whole written word.
 */
void coach_text_tokenize(const struct coach_vocab *vocab, const char *text,
			 size_t begin, size_t end, size_t char_base,
			 struct coach_tokens *toks);

/* Releases the token array. */
void coach_text_tokens_free(struct coach_tokens *toks);

/* ---- vocabulary (coach_rules.c) ---- */

/* Id of the folded word w (n bytes), 0 if unknown. */
uint32_t coach_vocab_find(const struct coach_vocab *v, const char *w,
			  size_t n);
/*
 * The same, for the tokenizer's word buffer: w may be read (not used)
 * past n up to the next multiple of 8 bytes, which saves assembling the
 * last bytes one by one.
 */
uint32_t coach_vocab_find_padded(const struct coach_vocab *v, const char *w,
				 size_t n);
/*
 * The same for a word of at most 8 bytes given as a number, byte k in
 * bits 8k to 8k + 7, the rest zero: the tokenizer builds it in a register
 * as it reads, and so never reads back the bytes it has just written.
 */
uint32_t coach_vocab_find_head(const struct coach_vocab *v, uint64_t head,
			       size_t n);

/* What the tokenizer needs of a word, in one place. */
struct coach_word_info {
	uint64_t classes;
	const uint32_t *alias; /* NULL: not an alias */
	uint32_t n_alias;
};
/* The word infos, indexed by id (borrowed; valid while v lives and no
   word is added). */
const struct coach_word_info *coach_vocab_infos(const struct coach_vocab *v);
/* Class bits of word id. */
uint64_t coach_vocab_classes(const struct coach_vocab *v, uint32_t id);
/* The text of word id (borrowed). */
const char *coach_vocab_word(const struct coach_vocab *v, uint32_t id);
/*
 * The words an alias stands for ("don't" is "do not"): returns the ids and
 * sets *n, or returns NULL when id is no alias.
 */
const uint32_t *coach_vocab_alias(const struct coach_vocab *v, uint32_t id,
				  uint32_t *n);

/* ---- rules (coach_rules.c) ---- */

enum pat_kind {
	PAT_WORD,  /* one word */
	PAT_CLASS, /* one word of a class */
	PAT_GAP,   /* 0..gap words, any */
	PAT_ALT,   /* one of several sequences */
	PAT_OPT,   /* a sequence or nothing */
	PAT_NOT,   /* zero width: the next word is not this word or class */
};

struct pat_seq;

struct pat_node {
	enum pat_kind kind;
	uint32_t word;  /* PAT_WORD, PAT_NOT with is_class false */
	uint8_t cls;    /* PAT_CLASS, PAT_NOT with is_class true */
	bool is_class;
	uint8_t gap;    /* PAT_GAP */
	struct pat_seq *alts; /* PAT_ALT (n_alts), PAT_OPT (1) */
	uint32_t n_alts;
};

struct pat_seq {
	struct pat_node *nodes;
	uint32_t n;
};

struct coach_label {
	char *name;
	enum coach_side side;
	enum coach_severity severity;
	char *reason;
	char *suggestion;
};

#define COACH_NOTAFTER_MAX 4
#define COACH_NEED_MAX 4

/* Where an "unless" context must be to cancel a finding. */
enum coach_scope {
	COACH_SCOPE_NEAR,     /* the sentence before, its own, the next */
	COACH_SCOPE_SENTENCE, /* its own sentence */
	COACH_SCOPE_TEXT,     /* anywhere in the text (or the turn) */
};

struct coach_rule {
	uint32_t label;
	int line;
	enum coach_severity severity;
	bool is_unless;   /* a context that cancels the label nearby */
	enum coach_scope scope; /* unless: where the context is looked for */
	uint8_t notafter[COACH_NOTAFTER_MAX]; /* classes barred just before */
	uint8_t n_notafter;
	struct pat_seq pat;
	/* What the second word of a match can be, as a quick filter: bit
	   (word id % 64) of sig_words or a class of sig_classes; sig_any when
	   it cannot be told (a gap, or a one-word match). */
	uint64_t sig_words, sig_classes;
	bool sig_any;
	/* What the first word of a match can be, the same way (a rule never
	   starts with a gap): lets "unless" contexts, which are looked for
	   at every word near a finding, skip most words at once. */
	uint64_t first_words, first_classes;
	/* Parts every match needs, as a filter against the words of the
	   sentence: each is a set of words (bit word id % 256) and classes,
	   and the sentence must hold one of each set. */
	struct coach_need {
		uint64_t words[4];
		uint64_t classes;
	} need[COACH_NEED_MAX];
	uint8_t n_need;
	char *reason;     /* NULL: the label's */
	char *suggestion; /* NULL: the label's */
};

/* A rule in a start list, with its second-word signature beside it so
   the usual "cannot match here" is decided without touching the rule. */
struct coach_cand {
	uint64_t sig_words, sig_classes; /* as in struct coach_rule */
	uint32_t rule;
	uint32_t sig_any;
};

/* Rules that can start at a word or a class, for one side. */
struct coach_index {
	uint32_t *word_off;  /* n_words + 1 offsets into word_rules */
	uint32_t *word_rules;
	uint32_t class_off[COACH_CLASS_MAX + 1];
	uint32_t *class_rules;
	/* Per word id, the class lists of its own classes (all but the
	   built-in @num and @cap, which depend on the token) one after the
	   other, so a token walks one list instead of one per class. */
	uint32_t *static_off; /* n_words + 1 offsets into static_rules */
	uint32_t *static_rules;
	/* The three lists above as the matcher reads them. */
	struct coach_cand *word_cands, *class_cands, *static_cands;
};

/* The class bits a token can get from its text rather than its word. */
#define COACH_CLASS_DYNAMIC \
	(((uint64_t)1 << COACH_CLASS_NUM) | ((uint64_t)1 << COACH_CLASS_CAP))

struct coach_rules {
	struct coach_vocab *vocab;
	struct coach_label labels[COACH_LABEL_MAX];
	uint32_t n_labels;
	char *class_names[COACH_CLASS_MAX];
	uint32_t n_classes;
	struct coach_rule *rules;
	uint32_t n_rules;
	struct coach_index index[2]; /* by enum coach_side */
	uint32_t *unless_of;  /* per label: offsets into unless_rules */
	uint32_t *unless_rules;
	int window;          /* words before a match checked by notafter */
	uint8_t neg_class;   /* @neg, applied to seller rules unless noneg */
	uint8_t self_class;  /* @selfref */
	uint8_t buyer_class; /* @buyerref */
	bool has_neg, has_self, has_buyer;
	/* The statistical model used beside the rules (coach_model.h),
	   borrowed; NULL: the rules alone. */
	const struct coach_model *model;
	/* The model as coach_model_apply() reads it (coach_model.c), made by
	   coach_rules_set_model() in the arena; NULL without a model. */
	struct coach_model_prep *model_prep;
	struct arena *arena; /* owns the patterns and strings */
};

/*
 * Checks the parsed rules and builds the start indexes (coach_index.c,
 * called once every line is read). R_INVALID names the line of a pattern
 * with no usable start, or the label that lacks its texts.
 */
enum result coach_rules_index(struct coach_rules *r, struct error *err);

/* ---- matching (coach_match.c) ---- */

/*
 * Finds the findings of side in toks->v[from, to) and appends them to
 * out (a growable array in the result's arena); speaker is recorded on
 * each (may be NULL).
 */
struct coach_findings {
	struct coach_finding *v;
	size_t n, cap;
};
void coach_match_range(const struct coach_rules *rules,
		       const struct coach_tokens *toks, size_t from, size_t to,
		       enum coach_side side, const char *speaker,
		       struct coach_findings *out);

/* Appends f, growing the array. */
void coach_findings_push(struct coach_findings *fs,
			 const struct coach_finding *f);

/* ---- self-orientation (coach_orient.c) ---- */

#define COACH_ORIENT_WORDS 64

/* Counts of the self and buyer words met so far (few distinct words). */
struct coach_orient_acc {
	uint32_t id[COACH_ORIENT_WORDS];
	size_t count[COACH_ORIENT_WORDS];
	bool self[COACH_ORIENT_WORDS];
	size_t n;
};

/* Counts the self and buyer references in toks->v[from, to) into acc. */
void coach_orient_count(const struct coach_rules *rules,
			const struct coach_tokens *toks, size_t from,
			size_t to, struct coach_orient_acc *acc);

/* Fills o from acc, allocating its word lists in arena. */
void coach_orient_finish(const struct coach_rules *rules,
			 const struct coach_orient_acc *acc,
			 struct arena *arena, struct coach_orientation *o);

/* Number of words in the vocabulary, plus one for id 0. */
size_t coach_vocab_size(const struct coach_vocab *v);

/* ---- transcripts (coach_transcript.c) ---- */

struct coach_turn {
	const char *speaker; /* NUL-terminated, in the arena */
	size_t begin, end;   /* bytes of the turn's text in the input */
};

/*
 * Splits a transcript into turns: "Speaker: text" lines (a line without a
 * speaker continues the previous turn) or WebVTT cues with <v Speaker>
 * tags. Allocates the turns in arena. Returns the number of turns.
 */
size_t coach_transcript_turns(const char *text, size_t len,
			      struct arena *arena, struct coach_turn **out);

#endif
