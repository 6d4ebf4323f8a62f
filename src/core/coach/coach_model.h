/*
 * coach_model.h: the coach's statistical model (core layer).
 *
 * Beside the rules, a one-versus-rest logistic regression per side scores
 * each label from the words and word pairs of a text (after the rules'
 * folding, aliases and tokenizing; a word after a negation in the same
 * clause is a different feature from the same word unnegated). A label the
 * rules did not find is added when the model's probability passes the
 * label's threshold; the finding spans the sentence that weighs most for
 * it and carries the label's own reason and suggestion.
 *
 * The weights are data made by tools/coach_train.c from the repository's
 * labelled texts (data/coach/) and written as a C table
 * (coach_model_data.c), so the model is compiled in and costs nothing to
 * load. Features are 32-bit hashes looked up in an open-addressing table:
 * no allocation per token, and the tables are laid out for the lookup
 * once, when the model is given to the rules. See docs/coach.md.
 */
#ifndef RAPPORT_CORE_COACH_MODEL_H
#define RAPPORT_CORE_COACH_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/coach/coach.h"

/* Most labels one side of a model may have. */
#define COACH_MODEL_LABELS 8

/* Sentences a text is scored over at once (longer texts slide a window
   of this many, so that a long email is judged like the short texts the
   model learned from). */
#define COACH_MODEL_WINDOW 3

/* The model of one side. keys has mask + 1 slots (0: empty); rows[i] is
   the row of weights (n_labels floats) of the feature in slot i. */
struct coach_model_side {
	const char *labels[COACH_MODEL_LABELS];
	uint32_t n_labels;
	float bias[COACH_MODEL_LABELS];
	float threshold[COACH_MODEL_LABELS]; /* probability to fire at */
	const uint32_t *keys;
	const uint32_t *rows;
	uint32_t mask;
	const float *weights;
};

struct coach_model {
	struct coach_model_side side[2]; /* by enum coach_side */
};

/* The model compiled into the binary (coach_model_data.c). */
extern const struct coach_model coach_model_builtin;

/*
 * Writes the feature keys of text (len bytes, tokenized with rules' words
 * and aliases) to out, at most max, in text order, a repeated feature
 * repeated; returns how many there are (which may exceed max: then only
 * max were written). Used by the trainer, so that it sees exactly the
 * features the coach computes.
 */
size_t coach_model_text_features(const struct coach_rules *rules,
				 const char *text, size_t len, uint32_t *out,
				 size_t max);

/*
 * The probabilities of the labels of side for a bag of features (keys as
 * coach_model_text_features writes them) into p (n_labels values).
 */
void coach_model_probabilities(const struct coach_model_side *m,
			       const uint32_t *keys, size_t n, double *p);

struct coach_tokens;
struct coach_findings;

/*
 * Adds the model's findings for toks->v[from, to) of text, on side, to
 * fs: a label whose probability passes its threshold and that the rules
 * did not already find among fs->v[fs_from, fs->n). Does nothing when
 * rules carry no model.
 */
void coach_model_apply(const struct coach_rules *rules, const char *text,
		       const struct coach_tokens *toks, size_t from, size_t to,
		       enum coach_side side, const char *speaker,
		       struct coach_findings *fs, size_t fs_from);

/*
 * Makes rules use model (borrowed; NULL: rules alone). The built-in rules
 * come with the built-in model; a rules file read with coach_rules_parse()
 * has none, since the model was trained against the built-in rules.
 * Prepares, in the rules' arena, what scoring reads per token (the hash
 * of every vocabulary word, the table and rows laid out for it): call it
 * before the rules are shared between threads.
 */
void coach_rules_set_model(struct coach_rules *rules,
			   const struct coach_model *model);

#endif
