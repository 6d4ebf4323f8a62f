/*
 * alloc.h: allocation wrappers (util layer).
 *
 * Nothing else in rapport calls malloc and friends directly. Running out of
 * memory is not an error we can handle usefully in a server that answers
 * small requests, so these abort with a message instead of returning NULL;
 * callers never check for NULL.
 */
#ifndef RAPPORT_UTIL_ALLOC_H
#define RAPPORT_UTIL_ALLOC_H

#include <stddef.h>

/* Returns a new block of n bytes (n may be 0). Never NULL. */
void *xmalloc(size_t n);
/* Returns a new zeroed array of count*size bytes; aborts on overflow. */
void *xcalloc(size_t count, size_t size);
/* Resizes p (which may be NULL) to n bytes. Never NULL. */
void *xrealloc(void *p, size_t n);
/* Returns a new copy of s; NULL gives NULL. */
char *xstrdup(const char *s);
/* Returns a new copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);

#endif
