/*
 * concern_suggest.h: from the coach's buyer findings to entries of a
 * deal's concern ledger (core layer).
 *
 * The coach marks a span ("more than we budgeted") with a label (price);
 * the ledger wants the buyer's words and a category. A suggestion is the
 * sentence around the span, cleaned (white space collapsed, transcript
 * speaker prefixes and WebVTT tags taken out, bad UTF-8 repaired) and cut
 * to CONCERN_SUGGEST_WORDS_MAX bytes around the span, with the label as
 * its category. One suggestion per distinct (category, words): two
 * findings of the same label in one sentence give one concern.
 *
 * Matching against the ledger is here too, so that the API, the page and
 * the command line agree on what "already there" means: the same category
 * and the same words, compared without regard to ASCII case or runs of
 * white space, whatever the existing concern's status (see docs/coach.md
 * for why answered, resolved and dropped concerns count).
 *
 * Pure: values in, values out, strings from the caller's arena.
 */
#ifndef RAPPORT_CORE_CONCERN_SUGGEST_H
#define RAPPORT_CORE_CONCERN_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/coach/coach.h"
#include "core/deal.h"
#include "util/result.h"

struct arena;

/* Longest words of a suggestion, in bytes (the ellipses included). */
#define CONCERN_SUGGEST_WORDS_MAX 300

/* One concern the coach would add to a deal's ledger. */
struct concern_suggestion {
	enum concern_category category;
	const char *words;   /* the buyer's sentence; arena-owned */
	const char *speaker; /* transcripts: who said it (borrowed from the
				coach result), else NULL */
	size_t finding;	     /* index of its first finding in the result */
	int64_t existing_id; /* the same concern on the ledger, 0: none */
	enum concern_status existing_status; /* when existing_id is set */
	int64_t added_id; /* set when it was just added to the ledger */
};

/*
 * Builds the suggestions of a coach result r over text (len bytes, the
 * text r was run on): one per distinct buyer-side finding, in the order
 * of the findings. Seller text gives none; in a transcript only the
 * buyer-side findings count, which the engine gives for the turns of the
 * speakers who are not the seller. *out is an array from arena (NULL when
 * there is none). Returns the count.
 */
size_t concern_suggest(const struct coach_result *r, const char *text,
		       size_t len, struct arena *arena,
		       struct concern_suggestion **out);

/*
 * The sentence around bytes [start, end) of text, cleaned and cut as
 * described above; speaker, when not NULL, is the transcript speaker
 * whose "Name:" prefix is left out (and a transcript's sentence ends at
 * its line). Returns a string from arena, never NULL; "" only when the
 * span holds nothing but white space.
 */
const char *concern_suggest_words(const char *text, size_t len, size_t start,
				  size_t end, bool transcript,
				  const char *speaker, struct arena *arena);

/* True when a and b are the same words: equal once ASCII letters are
   folded to lower case and runs of white space read as one space, with
   white space at either end ignored. */
bool concern_suggest_same_words(const char *a, const char *b);

/*
 * Fills existing_id and existing_status of each of the n suggestions
 * from the deal's ledger (n_ledger concerns); the oldest equal concern
 * wins.
 */
void concern_suggest_match(struct concern_suggestion *sugg, size_t n,
			   const struct concern *ledger, size_t n_ledger);

/*
 * Says whether coach findings may go on deal d's ledger: only an open
 * deal takes them. Otherwise R_INVALID with field "deal" and a sentence
 * saying what to do instead.
 */
enum result concern_suggest_deal_check(const struct deal *d, struct error *err);

#endif
