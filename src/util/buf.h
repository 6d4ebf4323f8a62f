/*
 * buf.h: the string builder (util layer).
 *
 * A buf grows as text is appended, up to a maximum size given when it is
 * set up. Going past the maximum sets a sticky error and drops the rest, so
 * a caller appends freely and checks buf_ok() once at the end. The text is
 * always NUL-terminated.
 */
#ifndef RAPPORT_UTIL_BUF_H
#define RAPPORT_UTIL_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;  /* owned; "" until something is appended */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated */
	size_t max;  /* most bytes the text may hold */
	bool overflow;
};

/* Sets up an empty buf that will hold at most max bytes. */
void buf_init(struct buf *b, size_t max);
/* Releases the text; the buf may be set up again. NULL is a no-op. */
void buf_free(struct buf *b);
/* Empties the buf and clears its error, keeping its memory. */
void buf_reset(struct buf *b);
/* Appends n bytes of s. */
void buf_add(struct buf *b, const char *s, size_t n);
/* Appends the NUL-terminated string s (NULL appends nothing). */
void buf_puts(struct buf *b, const char *s);
/* Appends one byte. */
void buf_putc(struct buf *b, char c);
/* Appends formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* True unless an append went past the maximum. */
bool buf_ok(const struct buf *b);
/* The text (never NULL, borrowed). */
const char *buf_str(const struct buf *b);
/* Returns the text as a new string owned by the caller; the buf is emptied. */
char *buf_steal(struct buf *b);

#endif
