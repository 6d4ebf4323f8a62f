/*
 * html.h: HTML writers named by context (web layer).
 *
 * Pages are written into a struct buf through these, and the name at the
 * call site says which escaping applies: html_raw() for markup that is a
 * string literal in our code, html_txt() for text between tags,
 * html_attr() for a value inside a double-quoted attribute, html_url_arg()
 * for one query-string argument inside an href. Data from users never goes
 * through html_raw() and never into a <script>.
 */
#ifndef RAPPORT_WEB_HTML_H
#define RAPPORT_WEB_HTML_H

#include <stdint.h>

#include "util/buf.h"

/* Appends markup as it is. Only for string literals in our own code. */
void html_raw(struct buf *b, const char *literal);
/* Appends text with & < > " ' escaped; NULL appends nothing. */
void html_txt(struct buf *b, const char *s);
/* Appends an attribute value (to go inside "..."), escaped as text. */
void html_attr(struct buf *b, const char *s);
/* Appends s percent-encoded for a query argument (only A-Z a-z 0-9 - . _ ~
 * stay as they are), which is also safe inside an attribute. */
void html_url_arg(struct buf *b, const char *s);
/* Appends a decimal number. */
void html_int(struct buf *b, int64_t n);

#endif
