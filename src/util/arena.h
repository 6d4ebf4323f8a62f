/*
 * arena.h: request-scoped memory (util layer).
 *
 * Everything allocated from an arena lives until arena_free(). A request
 * handler, a CLI command or a store query that returns lists allocates from
 * the caller's arena so that nobody has to free each string on its own.
 */
#ifndef RAPPORT_UTIL_ARENA_H
#define RAPPORT_UTIL_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new, empty arena. */
struct arena *arena_new(void);
/* Releases the arena and all it handed out. NULL is a no-op. */
void arena_free(struct arena *a);
/*
 * Empties the arena for reuse: everything allocated from it is gone, the
 * first block (ARENA_BLOCK bytes) is kept and larger ones are freed, so a
 * thread that serves one request after another allocates nothing once
 * warm and keeps no more than one block after a large request.
 */
void arena_reset(struct arena *a);
/* Returns n zeroed bytes, aligned for any type, owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
/* Returns an arena-owned copy of s; NULL gives NULL. */
char *arena_strdup(struct arena *a, const char *s);
/* Returns an arena-owned copy of the first n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Returns an arena-owned formatted string. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
