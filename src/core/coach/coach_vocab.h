/*
 * coach_vocab.h: building the coach's vocabulary (core layer, internal).
 * The read side is declared in coach_impl.h.
 */
#ifndef RAPPORT_CORE_COACH_VOCAB_H
#define RAPPORT_CORE_COACH_VOCAB_H

#include <stddef.h>
#include <stdint.h>

struct coach_vocab;

/* Returns a new vocabulary holding only the unknown word (id 0). */
struct coach_vocab *coach_vocab_new(void);
/* Releases v. NULL is a no-op. */
void coach_vocab_free(struct coach_vocab *v);
/* Returns the id of word w (n bytes, folded), adding it when new. */
uint32_t coach_vocab_add(struct coach_vocab *v, const char *w, size_t n);
/* Puts word id in class cls (0..63). */
void coach_vocab_set_class(struct coach_vocab *v, uint32_t id, unsigned cls);
/* Makes word id stand for the n words given (copied). */
void coach_vocab_set_alias(struct coach_vocab *v, uint32_t id,
			   const uint32_t *words, uint32_t n);

#endif
