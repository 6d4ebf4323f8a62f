/*
 * coach_transcript.c: splitting a call transcript into turns (core layer).
 *
 * Two forms are read. Plain lines "Speaker: text", where the speaker is a
 * short name (at most 48 bytes and 5 words, starting with a letter) and a
 * leading [00:01:02] or (00:01) time stamp is skipped; a line without a
 * speaker continues the turn before it. And WebVTT: a file starting with
 * "WEBVTT", whose cue text lines carry <v Speaker> voice tags (or
 * "Speaker: text"); timing lines, cue ids, NOTE blocks and the header are
 * skipped. Turns point into the input, so findings keep their offsets.
 */
#include <string.h>

#include "core/coach/coach_impl.h"
#include "util/alloc.h"
#include "util/arena.h"

#define NAME_MAX_BYTES 48

struct turns {
	struct coach_turn *v;
	size_t n, cap;
	struct arena *arena;
	const char *text;
};

static bool ts_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool ts_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Adds a turn with its text trimmed; an empty one is dropped. */
static void ts_push(struct turns *ts, const char *name, size_t name_len,
		    size_t begin, size_t end)
{
	while (begin < end && ts_space(ts->text[begin]))
		begin++;
	while (end > begin && ts_space(ts->text[end - 1]))
		end--;
	if (begin == end)
		return;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 32;
		struct coach_turn *v = arena_alloc(ts->arena,
						   ts->cap * sizeof(*v));
		if (ts->n)
			memcpy(v, ts->v, ts->n * sizeof(*v));
		ts->v = v;
	}
	struct coach_turn *t = &ts->v[ts->n++];
	t->speaker = arena_strndup(ts->arena, name, name_len);
	t->begin = begin;
	t->end = end;
}

/* Skips a leading [..] or (..) time stamp and spaces. */
static size_t ts_skip_stamp(const char *s, size_t i, size_t end)
{
	while (i < end && ts_space(s[i]))
		i++;
	if (i < end && (s[i] == '[' || s[i] == '(') && i + 1 < end &&
	    s[i + 1] >= '0' && s[i + 1] <= '9') {
		char close = s[i] == '[' ? ']' : ')';
		size_t j = i;
		while (j < end && s[j] != close)
			j++;
		if (j < end)
			i = j + 1;
		while (i < end && ts_space(s[i]))
			i++;
	}
	return i;
}

/*
 * If s[i, end) starts with "Name:", sets the name's bounds and returns the
 * offset after the colon; else returns 0.
 */
static size_t ts_speaker(const char *s, size_t i, size_t end, size_t *nb,
			 size_t *ne)
{
	if (i >= end || !ts_alpha((unsigned char)s[i]))
		return 0;
	int words = 1;
	for (size_t j = i; j < end && j - i <= NAME_MAX_BYTES; j++) {
		unsigned char c = (unsigned char)s[j];
		if (c == ':') {
			if (j + 1 < end && !ts_space(s[j + 1]))
				return 0; /* "10:30" or a URL, not a name */
			*nb = i;
			*ne = j;
			while (*ne > *nb && ts_space(s[*ne - 1]))
				(*ne)--;
			return j + 1;
		}
		if (c == ' ' && ++words > 5)
			return 0;
		if (!(ts_alpha(c) || (c >= '0' && c <= '9') || c == ' ' ||
		      c == '.' || c == '\'' || c == '-' || c == '_' ||
		      c == '(' || c == ')' || c == '&'))
			return 0;
	}
	return 0;
}

static void ts_plain_line(struct turns *ts, size_t b, size_t e)
{
	size_t i = ts_skip_stamp(ts->text, b, e);
	size_t nb, ne;
	size_t after = ts_speaker(ts->text, i, e, &nb, &ne);
	if (after) {
		ts_push(ts, ts->text + nb, ne - nb, after, e);
	} else if (ts->n && i < e) {
		ts->v[ts->n - 1].end = e; /* continues the last turn */
	}
}

/* A WebVTT cue text line: "<v Name>text</v>", "Name: text" or text. */
static void ts_vtt_line(struct turns *ts, size_t b, size_t e,
			bool *cue_started)
{
	const char *s = ts->text;
	while (b < e && ts_space(s[b]))
		b++;
	if (e - b >= 3 && s[b] == '<' && s[b + 1] == 'v' &&
	    (s[b + 2] == ' ' || s[b + 2] == '.')) {
		size_t j = b + 2;
		while (j < e && s[j] != ' ' && s[j] != '>')
			j++; /* .class names */
		size_t nb = j;
		while (nb < e && s[nb] == ' ')
			nb++;
		size_t gt = nb;
		while (gt < e && s[gt] != '>')
			gt++;
		if (gt == e)
			return;
		size_t te = e;
		for (size_t k = gt + 1; k + 4 <= e; k++)
			if (memcmp(s + k, "</v>", 4) == 0) {
				te = k;
				break;
			}
		ts_push(ts, s + nb, gt - nb, gt + 1, te);
		*cue_started = true;
		return;
	}
	size_t nb, ne;
	size_t after = ts_speaker(s, b, e, &nb, &ne);
	if (after) {
		ts_push(ts, s + nb, ne - nb, after, e);
		*cue_started = true;
	} else if (ts->n && b < e) {
		if (*cue_started)
			ts->v[ts->n - 1].end = e;
		else
			ts_push(ts, ts->v[ts->n - 1].speaker,
				strlen(ts->v[ts->n - 1].speaker), b, e);
		*cue_started = true;
	}
}

static bool ts_is_vtt(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	return len - i >= 6 && memcmp(s + i, "WEBVTT", 6) == 0;
}

static bool ts_has(const char *s, size_t b, size_t e, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = b; i + n <= e; i++)
		if (memcmp(s + i, what, n) == 0)
			return true;
	return false;
}

size_t coach_transcript_turns(const char *text, size_t len,
			      struct arena *arena, struct coach_turn **out)
{
	struct turns ts = {.arena = arena, .text = text};
	bool vtt = ts_is_vtt(text, len);
	bool in_cue = false, cue_started = false, in_note = false;
	size_t i = 0;
	bool first = true;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		if (!vtt) {
			ts_plain_line(&ts, i, e);
		} else {
			size_t b = i;
			while (b < e && ts_space(text[b]))
				b++;
			if (b == e) {
				in_cue = in_note = false;
			} else if (first || in_note) {
				/* the WEBVTT header line or a NOTE block */
			} else if (e - b >= 4 && memcmp(text + b, "NOTE", 4) == 0 &&
				   !in_cue) {
				in_note = true;
			} else if (ts_has(text, b, e, "-->")) {
				in_cue = true;
				cue_started = false;
			} else if (in_cue) {
				ts_vtt_line(&ts, b, e, &cue_started);
			}
		}
		first = false;
		i = e + 1;
	}
	*out = ts.v;
	return ts.n;
}
