/*
 * embed.h: files compiled into the binary (util layer).
 *
 * tools/embed.py turns files (SQL migrations, coach rules, static assets)
 * into arrays of struct embed_file; meson runs it at build time. See the
 * generated header for each set's name.
 */
#ifndef RAPPORT_UTIL_EMBED_H
#define RAPPORT_UTIL_EMBED_H

#include <stddef.h>

struct embed_file {
	const char *name;          /* base name of the source file */
	const unsigned char *data; /* its bytes, followed by a NUL */
	size_t len;                /* bytes, not counting the NUL */
};

#endif
