/*
 * concern_suggest.c: the coach's buyer findings as concern-ledger entries
 * (core layer).
 *
 * Finding the sentence is done on bytes: it starts after the ". ", "! "
 * or "? " before the span and ends with the first such mark after it; a
 * blank line (a new paragraph) ends it too, and in a transcript the end
 * of the line. The search looks at most CS_SCAN bytes either way, so a
 * megabyte without a full stop costs the same as a short email; the
 * result is cut to CONCERN_SUGGEST_WORDS_MAX bytes around the span
 * anyway, at spaces where there are some, with "…" where it was cut.
 */
#include "core/concern_suggest.h"

#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"

#define CS_SCAN		2048 /* bytes looked at on each side of a span */
#define CS_ELLIPSIS	"\xe2\x80\xa6"
#define CS_ELLIPSIS_LEN 3
#define CS_TAG_MAX	64 /* longest WebVTT tag skipped in a transcript */

static bool cs_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static bool cs_mark(unsigned char c)
{
	return c == '.' || c == '!' || c == '?';
}

/* True when the line break at text[i] is followed by a blank line's
   break (only spaces, tabs and carriage returns between). */
static bool cs_blank_after(const char *text, size_t len, size_t i)
{
	for (size_t j = i + 1; j < len; j++) {
		if (text[j] == '\n')
			return true;
		if (text[j] != ' ' && text[j] != '\t' && text[j] != '\r')
			return false;
	}
	return false;
}

/* Where the sentence holding byte start begins; *cut says the scan
   limit, not the text, stopped it. */
static size_t cs_left(const char *text, size_t len, size_t start,
		      bool transcript, bool *cut)
{
	size_t lo = start > CS_SCAN ? start - CS_SCAN : 0;
	size_t i = start;
	*cut = false;
	while (i > lo) {
		unsigned char c = (unsigned char)text[i - 1];
		if (c == '\n') {
			if (transcript)
				return i;
			size_t j = i - 1;
			while (j > 0 &&
			       (text[j - 1] == ' ' || text[j - 1] == '\t' ||
				text[j - 1] == '\r'))
				j--;
			if (j > 0 && text[j - 1] == '\n')
				return i;
		}
		if (cs_mark(c) && i < len && cs_space((unsigned char)text[i]))
			return i;
		i--;
	}
	*cut = i > 0;
	return i;
}

/* Where the sentence holding the span ending at byte end ends (the
   closing mark included). */
static size_t cs_right(const char *text, size_t len, size_t end,
		       bool transcript, bool *cut)
{
	size_t hi = len - end > CS_SCAN ? end + CS_SCAN : len;
	size_t i = end;
	*cut = false;
	while (i < hi) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n' && (transcript || cs_blank_after(text, len, i)))
			return i;
		if (cs_mark(c) &&
		    (i + 1 == len || cs_space((unsigned char)text[i + 1])))
			return i + 1;
		i++;
	}
	*cut = i < len;
	return i;
}

/* Moves a left bound past a transcript speaker's "Name:" prefix found
   between lo and start (the last one, should there be several). */
static size_t cs_skip_speaker(const char *text, size_t lo, size_t start,
			      const char *speaker)
{
	size_t n = speaker ? strlen(speaker) : 0;
	if (!n)
		return lo;
	size_t at = lo;
	for (size_t i = lo; i + n <= start; i++) {
		if (memcmp(text + i, speaker, n) != 0)
			continue;
		size_t j = i + n;
		while (j < start && (text[j] == ' ' || text[j] == '\t'))
			j++;
		if (j < start && text[j] == ':')
			at = j + 1;
	}
	return at;
}

/* Steps i back to the start of the UTF-8 character it is in. */
static size_t cs_char_start(const char *text, size_t lo, size_t i)
{
	while (i > lo && ((unsigned char)text[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Narrows [*l, *r) to at most budget bytes around the span [s, e),
   cutting at spaces when there are some; sets the cut flags. */
static void cs_window(const char *text, size_t s, size_t e, size_t budget,
		      size_t *l, size_t *r, bool *cut_l, bool *cut_r)
{
	if (*r - *l <= budget)
		return;
	size_t span = e - s;
	size_t wl, wr;
	if (span >= budget) {
		wl = s;
		wr = s + budget;
		if (wr < *r)
			wr = cs_char_start(text, s, wr);
	} else {
		size_t extra = budget - span;
		size_t left = s - *l < extra / 2 ? s - *l : extra / 2;
		size_t right = *r - e < extra - left ? *r - e : extra - left;
		left = s - *l < extra - right ? s - *l : extra - right;
		wl = s - left;
		wr = e + right;
		size_t k = wl;
		while (wl > *l && k < s && !cs_space((unsigned char)text[k]))
			k++;
		if (wl > *l)
			wl = k < s ? k + 1 : cs_char_start(text, *l, wl);
		k = wr;
		while (wr < *r && k > e &&
		       !cs_space((unsigned char)text[k - 1]))
			k--;
		if (wr < *r)
			wr = k > e ? k - 1 : cs_char_start(text, e, wr);
	}
	*cut_l = *cut_l || wl > *l;
	*cut_r = *cut_r || wr < *r;
	*l = wl;
	*r = wr;
}

/* A bounded writer of the cleaned words. */
struct cs_out {
	char *p;
	size_t n, max;
	bool space; /* a space is owed before the next character */
	bool full;
};

static void cs_put(struct cs_out *o, const char *s, size_t n)
{
	if (o->full)
		return;
	size_t need = n + (o->space && o->n ? 1 : 0);
	if (o->n + need > o->max) {
		o->full = true;
		return;
	}
	if (o->space && o->n)
		o->p[o->n++] = ' ';
	o->space = false;
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

/* Length of a WebVTT tag ("<v Ana>", "</v>", "<i>") at text[i], or 0. */
static size_t cs_tag(const char *text, size_t i, size_t r)
{
	if (text[i] != '<')
		return 0;
	for (size_t j = i + 1; j < r && j - i <= CS_TAG_MAX; j++) {
		if (text[j] == '>')
			return j + 1 - i;
		if (text[j] == '<' || text[j] == '\n')
			return 0;
	}
	return 0;
}

/* Writes [l, r) cleaned: white space and control characters as single
   spaces, bad UTF-8 as U+FFFD, tags left out in transcripts. */
static void cs_clean(struct cs_out *o, const char *text, size_t l, size_t r,
		     bool transcript)
{
	const unsigned char *p = (const unsigned char *)text;
	for (size_t i = l; i < r && !o->full;) {
		size_t tag = transcript ? cs_tag(text, i, r) : 0;
		if (tag) {
			i += tag;
			continue;
		}
		size_t n;
		int32_t cp = utf8_decode(p + i, r - i, &n);
		if (cp < 0) {
			cs_put(o, "\xef\xbf\xbd", 3);
		} else if (cp < 0x20 || cp == 0x7f ||
			   (cp >= 0x80 && cp <= 0x9f) || cp == ' ') {
			o->space = true;
		} else {
			cs_put(o, text + i, n);
		}
		i += n;
	}
}

const char *concern_suggest_words(const char *text, size_t len, size_t start,
				  size_t end, bool transcript,
				  const char *speaker, struct arena *arena)
{
	if (start > len)
		start = len;
	if (end > len)
		end = len;
	if (end < start)
		end = start;
	bool cut_l, cut_r;
	size_t l = cs_left(text, len, start, transcript, &cut_l);
	size_t r = cs_right(text, len, end, transcript, &cut_r);
	if (transcript) {
		size_t at = cs_skip_speaker(text, l, start, speaker);
		if (at != l)
			cut_l = false;
		l = at;
	}
	size_t budget = CONCERN_SUGGEST_WORDS_MAX - 2 * CS_ELLIPSIS_LEN;
	cs_window(text, start, end, budget, &l, &r, &cut_l, &cut_r);
	char *buf = arena_alloc(arena, CONCERN_SUGGEST_WORDS_MAX + 1);
	struct cs_out o = {buf, 0, budget, false, false};
	cs_clean(&o, text, l, r, transcript);
	if (!o.n)
		return buf;
	if (o.full)
		cut_r = true;
	size_t at = 0;
	if (cut_l) {
		memmove(buf + CS_ELLIPSIS_LEN, buf, o.n);
		memcpy(buf, CS_ELLIPSIS, CS_ELLIPSIS_LEN);
		at = CS_ELLIPSIS_LEN;
	}
	if (cut_r) {
		memcpy(buf + at + o.n, CS_ELLIPSIS, CS_ELLIPSIS_LEN);
		at += CS_ELLIPSIS_LEN;
	}
	buf[at + o.n] = '\0';
	return buf;
}

static unsigned char cs_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Skips white space at *s; true when there was some. */
static bool cs_skip_space(const unsigned char **s)
{
	bool any = false;
	while (**s && cs_space(**s)) {
		(*s)++;
		any = true;
	}
	return any;
}

bool concern_suggest_same_words(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	if (!x || !y)
		return x == y;
	cs_skip_space(&x);
	cs_skip_space(&y);
	for (;;) {
		bool sx = cs_skip_space(&x), sy = cs_skip_space(&y);
		if (!*x || !*y)
			return !*x && !*y;
		if (sx != sy || cs_fold(*x) != cs_fold(*y))
			return false;
		x++;
		y++;
	}
}

size_t concern_suggest(const struct coach_result *r, const char *text,
		       size_t len, struct arena *arena,
		       struct concern_suggestion **out)
{
	*out = NULL;
	if (r->role == COACH_ROLE_SELLER || !r->n_findings)
		return 0;
	bool transcript = r->role == COACH_ROLE_TRANSCRIPT;
	struct concern_suggestion *v =
	    arena_alloc(arena, r->n_findings * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct coach_finding *f = &r->findings[i];
		if (f->side != COACH_SIDE_BUYER)
			continue;
		if (transcript && f->speaker && r->seller &&
		    strcmp(f->speaker, r->seller) == 0)
			continue;
		enum concern_category cat = CONCERN_OTHER;
		concern_category_parse(f->label, &cat);
		const char *words =
		    concern_suggest_words(text, len, f->byte_start, f->byte_end,
					  transcript, f->speaker, arena);
		if (!words[0])
			continue;
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = v[k].category == cat &&
			       concern_suggest_same_words(v[k].words, words);
		if (seen)
			continue;
		memset(&v[n], 0, sizeof(v[n]));
		v[n].category = cat;
		v[n].words = words;
		v[n].speaker = transcript ? f->speaker : NULL;
		v[n].finding = i;
		n++;
	}
	*out = n ? v : NULL;
	return n;
}

void concern_suggest_match(struct concern_suggestion *sugg, size_t n,
			   const struct concern *ledger, size_t n_ledger)
{
	for (size_t i = 0; i < n; i++) {
		sugg[i].existing_id = 0;
		for (size_t k = 0; k < n_ledger; k++) {
			const struct concern *c = &ledger[k];
			if (c->category != sugg[i].category ||
			    !concern_suggest_same_words(c->words,
							sugg[i].words))
				continue;
			if (!sugg[i].existing_id ||
			    c->id < sugg[i].existing_id) {
				sugg[i].existing_id = c->id;
				sugg[i].existing_status = c->status;
			}
		}
	}
}

enum result concern_suggest_deal_check(const struct deal *d, struct error *err)
{
	if (d->status == STATUS_OPEN)
		return R_OK;
	const char *what = d->status == STATUS_WON
			       ? "a concern raised after the win belongs on "
				 "a new deal, or coach without a deal"
			   : d->status == STATUS_RESCINDED
			       ? "start a new deal if the buyer comes back, "
				 "or coach without a deal"
			       : "reopen the deal (status open) if the buyer "
				 "came back, or coach without a deal";
	return error_set(err, R_INVALID, "deal",
			 "deal: deal %lld is %s, and only an open deal takes "
			 "concerns on its ledger; %s",
			 (long long)d->id, deal_status_name(d->status), what);
}
