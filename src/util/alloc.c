/*
 * alloc.c: allocation wrappers that abort on out-of-memory (util layer).
 */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void alloc_die(size_t n)
{
	fprintf(stderr, "rapport: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		alloc_die(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		alloc_die(SIZE_MAX);
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		alloc_die(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		alloc_die(n);
	return q;
}

char *xstrdup(const char *s)
{
	if (!s)
		return NULL;
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}
