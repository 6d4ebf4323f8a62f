/*
 * json_write.c: compact JSON text of a jansson value, fast (codec layer).
 *
 * Replies are built with jansson as everywhere else; only the last step,
 * turning the value into text, is done here. jansson's json_dumpb()
 * checks every byte of every string as UTF-8 and prints each integer
 * with snprintf: for a person reply that was a quarter of the server's
 * work per request. The strings in a json_t were checked as UTF-8 when
 * they were made (json_string refuses anything else), so here a string
 * is copied in runs between the bytes JSON requires escaped ('"', '\\'
 * and the control characters below 0x20), and whole numbers are printed
 * without snprintf. The text is the same as json_dumpb(j, JSON_COMPACT)
 * gives, byte for byte (tests/web/test_json_write.c).
 *
 * codec_write_person() goes one step further for the API's busiest reply,
 * GET /api/v1/people/{id}: it writes codec_person()'s text straight from
 * the struct, without building and freeing the jansson value (half of
 * what was left of that request's own work). The test checks the two
 * agree byte for byte; a change to codec_person() must be made here too.
 */
#include "codec/codec.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/utf8.h"

/* Nesting deeper than this is refused (jansson's own limit is 2048). */
#define JSON_WRITE_DEPTH 2048

static void json_write_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			buf_add(b, "\\\"", 2);
			break;
		case '\\':
			buf_add(b, "\\\\", 2);
			break;
		case '\b':
			buf_add(b, "\\b", 2);
			break;
		case '\f':
			buf_add(b, "\\f", 2);
			break;
		case '\n':
			buf_add(b, "\\n", 2);
			break;
		case '\r':
			buf_add(b, "\\r", 2);
			break;
		case '\t':
			buf_add(b, "\\t", 2);
			break;
		default: {
			char u[6] = {'\\', 'u',		'0',
				     '0',  hex[c >> 4], hex[c & 15]};
			buf_add(b, u, sizeof(u));
		}
		}
	}
	buf_add(b, s + run, n - run);
	buf_putc(b, '"');
}

static void json_write_integer(struct buf *b, json_int_t v)
{
	char digits[24];
	size_t i = sizeof(digits);
	/* work in unsigned so that the most negative value has a magnitude */
	unsigned long long m =
	    v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do {
		digits[--i] = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (v < 0)
		digits[--i] = '-';
	buf_add(b, digits + i, sizeof(digits) - i);
}

static void json_write_real(struct buf *b, double v)
{
	char text[40];
	if (!isfinite(v)) {
		buf_add(b, "null", 4); /* jansson cannot hold these anyway */
		return;
	}
	/* Whole numbers (a search hit's rank of 0, amounts) skip snprintf,
	 * which costs as much as the rest of a small reply. */
	if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v && !signbit(v)) {
		json_write_integer(b, (json_int_t)v);
		buf_add(b, ".0", 2);
		return;
	}
	int n = snprintf(text, sizeof(text), "%.17g", v);
	if (n <= 0 || (size_t)n >= sizeof(text)) {
		buf_add(b, "null", 4);
		return;
	}
	/* As jansson: no '+' and no leading zeros in the exponent. */
	char *e = strchr(text, 'e');
	if (e) {
		char *from = e + 1, *to = e + 1;
		if (*from == '-')
			*to++ = *from++;
		else if (*from == '+')
			from++;
		while (*from == '0' && from[1])
			from++;
		memmove(to, from, strlen(from) + 1);
		n = (int)strlen(text);
	}
	buf_add(b, text, (size_t)n);
	if (!strpbrk(text, ".eE"))
		buf_add(b, ".0", 2);
}

static bool json_write_value(struct buf *b, const json_t *j, int depth)
{
	if (depth > JSON_WRITE_DEPTH)
		return false;
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		const char *key;
		size_t key_len;
		json_t *v;
		bool first = true;
		buf_putc(b, '{');
		json_object_keylen_foreach((json_t *)j, key, key_len, v)
		{
			if (!first)
				buf_putc(b, ',');
			first = false;
			json_write_string(b, key, key_len);
			buf_putc(b, ':');
			if (!json_write_value(b, v, depth + 1))
				return false;
		}
		buf_putc(b, '}');
		return true;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *v;
		buf_putc(b, '[');
		json_array_foreach(j, i, v)
		{
			if (i)
				buf_putc(b, ',');
			if (!json_write_value(b, v, depth + 1))
				return false;
		}
		buf_putc(b, ']');
		return true;
	}
	case JSON_STRING:
		json_write_string(b, json_string_value(j),
				  json_string_length(j));
		return true;
	case JSON_INTEGER:
		json_write_integer(b, json_integer_value(j));
		return true;
	case JSON_REAL:
		json_write_real(b, json_real_value(j));
		return true;
	case JSON_TRUE:
		buf_add(b, "true", 4);
		return true;
	case JSON_FALSE:
		buf_add(b, "false", 5);
		return true;
	case JSON_NULL:
		buf_add(b, "null", 4);
		return true;
	}
	return false;
}

/* ---- a person, without building the jansson value ---- */

struct json_writer {
	struct buf *b;
	bool first; /* no member written yet in the current object */
	bool ok;    /* every string was valid UTF-8 */
};

static void jw_key(struct json_writer *w, const char *key)
{
	if (!w->first)
		buf_putc(w->b, ',');
	w->first = false;
	json_write_string(w->b, key, strlen(key));
	buf_putc(w->b, ':');
}

/* A text member: null when s is NULL (codec_str's rule). */
static void jw_str(struct json_writer *w, const char *key, const char *s)
{
	jw_key(w, key);
	if (!s) {
		buf_add(w->b, "null", 4);
		return;
	}
	size_t n = strlen(s);
	if (!utf8_valid(s, n))
		w->ok = false; /* codec_str repairs it; leave it to jansson */
	json_write_string(w->b, s, n);
}

/* A number member, or null for 0 (codec_opt_int's rule). */
static void jw_opt_int(struct json_writer *w, const char *key, int64_t v,
		       bool zero_is_null)
{
	jw_key(w, key);
	if (zero_is_null && !v)
		buf_add(w->b, "null", 4);
	else
		json_write_integer(w->b, (json_int_t)v);
}

static void jw_time(struct json_writer *w, const char *key, int64_t secs)
{
	char t[TIME_STR_MAX];
	if (!secs) {
		jw_str(w, key, NULL);
		return;
	}
	time_format(secs, t);
	jw_str(w, key, t);
}

bool codec_write_person(const struct person *p, struct buf *out)
{
	struct json_writer w = {out, true, true};
	char day[DATE_STR_MAX];
	buf_reset(out);
	buf_putc(out, '{');
	jw_opt_int(&w, "id", p->id, false);
	jw_str(&w, "given_name", p->given_name);
	jw_str(&w, "family_name", p->family_name);
	jw_opt_int(&w, "org_id", p->org_id, true);
	jw_str(&w, "org_name", p->org_name);
	jw_str(&w, "title", p->title);
	jw_str(&w, "how_met", p->how_met);
	if (p->has_met_on)
		date_format(p->met_on, day);
	jw_str(&w, "met_on", p->has_met_on ? day : NULL);
	jw_opt_int(&w, "referred_by", p->referred_by, true);
	jw_opt_int(&w, "cadence_days", p->cadence_days, true);
	jw_opt_int(&w, "cadence_max_days", p->cadence_max_days, true);
	jw_str(&w, "notes", p->notes);
	jw_str(&w, "owner", p->owner);
	jw_str(&w, "owner_user", p->owner_user);
	jw_key(&w, "shared");
	buf_puts(out, p->shared ? "true" : "false");
	jw_key(&w, "tags");
	buf_putc(out, '[');
	size_t written = 0;
	for (size_t i = 0; i < p->n_tags; i++) {
		const char *t = p->tags[i];
		if (!t)
			continue; /* codec_person leaves these out too */
		if (!utf8_valid(t, strlen(t)))
			w.ok = false;
		if (written++)
			buf_putc(out, ',');
		json_write_string(out, t, strlen(t));
	}
	buf_putc(out, ']');
	jw_key(&w, "contacts");
	buf_putc(out, '[');
	for (size_t i = 0; i < p->n_contacts; i++) {
		const struct contact *c = &p->contacts[i];
		struct json_writer cw = {out, true, true};
		buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		jw_opt_int(&cw, "id", c->id, false);
		jw_str(&cw, "kind", contact_kind_name(c->kind));
		jw_str(&cw, "label", c->label);
		jw_str(&cw, "value", c->value);
		buf_putc(out, '}');
		w.ok = w.ok && cw.ok;
	}
	buf_putc(out, ']');
	jw_time(&w, "last_touch", p->last_touch);
	jw_time(&w, "created_at", p->created_at);
	jw_time(&w, "updated_at", p->updated_at);
	buf_putc(out, '}');
	return w.ok && buf_ok(out);
}

bool codec_write(const json_t *j, struct buf *out)
{
	buf_reset(out);
	if (!j || !json_write_value(out, j, 0))
		return false;
	return buf_ok(out);
}
