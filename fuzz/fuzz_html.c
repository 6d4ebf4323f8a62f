/*
 * fuzz_html.c: libFuzzer target for the HTML writers (fuzz, over the web
 * layer).
 *
 * Not a parser, but the other side of one: the browser parses what
 * html_txt(), html_attr() and html_url_arg() write from user data, so
 * their output must hold no byte that could end a text node, an attribute
 * or a query argument, and must decode back to exactly the input. The
 * target writes the input through each writer, checks the bytes that come
 * out, and undoes the escaping with a decoder written here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "web/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_HTML_MAX 4096

static void fuzz_html_fail(const char *what)
{
	fprintf(stderr, "fuzz_html: %s\n", what);
	abort();
}

/* Undoes html_txt(): the five entities it writes, nothing else. */
static void fuzz_html_untxt(const char *s, struct buf *out)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {{"&amp;", '&'},
		    {"&lt;", '<'},
		    {"&gt;", '>'},
		    {"&quot;", '"'},
		    {"&#39;", '\''}};
	while (*s) {
		if (strchr("<>\"'", *s))
			fuzz_html_fail("html_txt left a markup byte");
		size_t i = 0, n = sizeof(ents) / sizeof(ents[0]);
		if (*s == '&') {
			while (i < n && strncmp(s, ents[i].ent,
						strlen(ents[i].ent)) != 0)
				i++;
			if (i == n)
				fuzz_html_fail("html_txt left a bare '&'");
			buf_putc(out, ents[i].c);
			s += strlen(ents[i].ent);
			continue;
		}
		buf_putc(out, *s++);
	}
}

static int fuzz_html_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undoes html_url_arg(): only unreserved bytes and %XX may appear. */
static void fuzz_html_unurl(const char *s, struct buf *out)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c == '%') {
			int hi = fuzz_html_hex(s[1]);
			int lo = hi < 0 ? -1 : fuzz_html_hex(s[2]);
			if (lo < 0)
				fuzz_html_fail("html_url_arg wrote a bad %XX");
			buf_putc(out, (char)(hi * 16 + lo));
			s += 3;
			continue;
		}
		if (!strchr(
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			"0123456789-._~",
			c))
			fuzz_html_fail("html_url_arg left a reserved byte");
		buf_putc(out, (char)c);
		s++;
	}
}

/* Writes s with write, decodes it with undo, and compares. */
static void fuzz_html_check(const char *s,
			    void (*write)(struct buf *, const char *),
			    void (*undo)(const char *, struct buf *),
			    const char *what)
{
	struct buf esc, back;
	buf_init(&esc, FUZZ_HTML_MAX * 8);
	buf_init(&back, FUZZ_HTML_MAX * 2);
	buf_puts(&esc, "x"); /* what came before in the page stays put */
	write(&esc, s);
	if (!buf_ok(&esc))
		fuzz_html_fail("a writer ran past its buffer");
	undo(buf_str(&esc) + 1, &back);
	if (strcmp(buf_str(&back), s) != 0)
		fuzz_html_fail(what);
	buf_free(&esc);
	buf_free(&back);
}

/* libFuzzer's entry: one input through each writer and back. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_HTML_MAX)
		return 0;
	char *s = xstrndup((const char *)data, size);
	fuzz_html_check(s, html_txt, fuzz_html_untxt,
			"html_txt does not decode back");
	fuzz_html_check(s, html_attr, fuzz_html_untxt,
			"html_attr does not decode back");
	fuzz_html_check(s, html_url_arg, fuzz_html_unurl,
			"html_url_arg does not decode back");
	free(s);
	return 0;
}
