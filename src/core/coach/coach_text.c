/*
 * coach_text.c: the coach's tokenizer (core layer).
 *
 * Reads UTF-8 once, left to right, and produces word tokens with byte and
 * code point offsets. Invalid bytes are read as U+FFFD (one per bad
 * sequence, as util/utf8.c counts them) and flagged, never trusted. Words
 * are folded: ASCII and Latin-1 letters to lower case, curly apostrophes
 * to straight ones. Letters and digits are split apart ("5pm" is "5" "pm")
 * and so are hyphenated words ("no-brainer" is "no" "brainer").
 *
 * Contractions are expanded through the aliases of the rules file
 * ("don't" = do not); for forms it does not list, a trailing "n't" becomes
 * "not" and any other "'s" is read as a possessive and dropped, so that
 * "your team's" is "your team".
 *
 * Punctuation marks structure only: . ! ? ; and a blank line end a
 * sentence (a pattern never spans two), commas, colons, dashes, brackets
 * and single line breaks end a clause (negation never reaches across one).
 */
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "util/alloc.h"
#include "util/utf8.h"

enum ch_kind { CH_SPACE, CH_ALPHA, CH_DIGIT, CH_APOS, CH_HYPHEN, CH_CLAUSE,
	       CH_SENT, CH_QUESTION, CH_NEWLINE, CH_DOT, CH_COMMA, CH_OTHER };

/* The state of one tokenize call. */
struct tk {
	const struct coach_vocab *vocab;
	const struct coach_word_info *info; /* the vocabulary's, by id */
	struct coach_tokens *toks;
	char word[COACH_WORD_MAX + 8]; /* 8 spare: coach_vocab_find_padded */
	bool has_apos; /* the word holds an apostrophe */
	uint64_t head; /* the word's first 8 bytes, byte k in bits 8k.. */
	size_t wlen;
	bool too_long;
	bool in_word;
	bool digit_word;
	size_t wb_start, wc_start; /* byte and char where the word began */
	bool pend_sentence, pend_clause;
	size_t n_upper, n_letters; /* of the word being read */
	bool first_upper;
	bool cap_pending; /* the next token pushed starts a capitalized word */
	uint32_t id_i, id_not; /* the vocabulary ids of "i" and "not" */
	bool last_question;
};

static enum ch_kind text_kind(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return CH_ALPHA;
		if (cp >= '0' && cp <= '9')
			return CH_DIGIT;
		switch (cp) {
		case ' ': case '\t': case '\r': case '\f': case '\v':
			return CH_SPACE;
		case '\n': return CH_NEWLINE;
		case '\'': case '`': return CH_APOS;
		case '-': return CH_HYPHEN;
		case '.': return CH_DOT;
		case ',': return CH_COMMA;
		case '!': case ';': return CH_SENT;
		case '?': return CH_QUESTION;
		case ':': case '(': case ')': case '"': case '[': case ']':
		case '{': case '}': case '/': case '|': case '*':
			return CH_CLAUSE;
		default: return CH_OTHER;
		}
	}
	if (cp == 0x2019 || cp == 0x2018 || cp == 0x02bc || cp == 0x2032)
		return CH_APOS;
	if (cp == 0x2010 || cp == 0x2011)
		return CH_HYPHEN;
	if (cp == 0x2026 || cp == 0x3002 || cp == 0xff01 || cp == 0x203c ||
	    cp == 0x2047 || cp == 0x2048 || cp == 0x2049)
		return CH_SENT;
	if (cp == 0xff1f)
		return CH_QUESTION;
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		return CH_NEWLINE;
	if (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
	    cp == 0x205f || cp == 0x3000)
		return CH_SPACE;
	if ((cp >= 0x2012 && cp <= 0x2015) || cp == 0x201c || cp == 0x201d ||
	    cp == 0x201e || cp == 0xab || cp == 0xbb || cp == 0x2039 ||
	    cp == 0x203a || cp == 0x2212)
		return CH_CLAUSE;
	if ((cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x1fff) || (cp >= 0x3040 && cp <= 0x9fff) ||
	    (cp >= 0xac00 && cp <= 0xd7af))
		return CH_ALPHA;
	return CH_OTHER;
}

/* Appends byte b to the word being read, keeping its first 8 bytes in
   t->head as well (see coach_vocab_find_head). */
static inline void text_put_byte(struct tk *t, unsigned char b)
{
	if (t->wlen < 8)
		t->head |= (uint64_t)b << (8 * t->wlen);
	t->word[t->wlen++] = (char)b;
}

/* An ASCII letter: the common case, read without decoding. */
static inline bool text_ascii_alpha(unsigned char b)
{
	return (unsigned)((b | 0x20) - 'a') < 26;
}

/* text_fold_put() for an ASCII letter b. */
static inline void text_fold_ascii(struct tk *t, unsigned char b)
{
	if (t->wlen + 4 > COACH_WORD_MAX) {
		t->too_long = true;
		return;
	}
	if (b <= 'Z') {
		t->n_upper++;
		b += 0x20;
	}
	t->n_letters++;
	text_put_byte(t, b);
}

/* Appends the folded form of cp to the word being read. */
static void text_fold_put(struct tk *t, int32_t cp)
{
	if (t->wlen + 4 > COACH_WORD_MAX) {
		t->too_long = true;
		return;
	}
	if ((cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)) {
		t->n_upper++;
		cp += 0x20;
	}
	t->n_letters++;
	if (cp == '\'')
		t->has_apos = true;
	if (cp < 0x80) {
		text_put_byte(t, (unsigned char)cp);
	} else if (cp < 0x800) {
		text_put_byte(t, (unsigned char)(0xc0 | (cp >> 6)));
		text_put_byte(t, (unsigned char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		text_put_byte(t, (unsigned char)(0xe0 | (cp >> 12)));
		text_put_byte(t, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
		text_put_byte(t, (unsigned char)(0x80 | (cp & 0x3f)));
	} else {
		text_put_byte(t, (unsigned char)(0xf0 | (cp >> 18)));
		text_put_byte(t, (unsigned char)(0x80 | ((cp >> 12) & 0x3f)));
		text_put_byte(t, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
		text_put_byte(t, (unsigned char)(0x80 | (cp & 0x3f)));
	}
}

static void text_push(struct tk *t, uint32_t id, bool digit, size_t b_end,
		      size_t c_end)
{
	struct coach_tokens *ts = t->toks;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 64;
		ts->v = xrealloc(ts->v, ts->cap * sizeof(*ts->v));
	}
	bool first_in_sentence = t->pend_sentence;
	if (t->pend_sentence) {
		ts->sentences++;
		ts->clauses++;
	} else if (t->pend_clause) {
		ts->clauses++;
	}
	t->pend_sentence = t->pend_clause = false;
	struct coach_token *k = &ts->v[ts->n++];
	k->word = id;
	k->classes = t->info[id].classes |
		     (digit ? (uint64_t)1 << COACH_CLASS_NUM : 0);
	if (t->cap_pending && !first_in_sentence &&
	    (id != t->id_i || !id))
		k->classes |= (uint64_t)1 << COACH_CLASS_CAP;
	t->cap_pending = false;
	k->sentence = ts->sentences;
	k->clause = ts->clauses;
	k->byte_start = t->wb_start;
	k->byte_end = b_end;
	k->char_start = t->wc_start;
	k->char_end = c_end;
}

/* Pushes word id or, when it is an alias, the words it means. */
static void text_push_id(struct tk *t, uint32_t id, bool digit, size_t b_end,
			 size_t c_end)
{
	const struct coach_word_info *in = &t->info[id];
	if (!in->alias) {
		text_push(t, id, digit, b_end, c_end);
		return;
	}
	for (uint32_t i = 0; i < in->n_alias; i++)
		text_push(t, in->alias[i], false, b_end, c_end);
}

/* Pushes the first n bytes of the word being read or, when they are an
   alias, the words they mean. */
static void text_push_word(struct tk *t, size_t n, bool digit, size_t b_end,
			   size_t c_end)
{
	text_push_id(t, n ? coach_vocab_find_padded(t->vocab, t->word, n) : 0,
		     digit, b_end, c_end);
}

/* Ends the word being read, expanding contractions. */
static void text_flush(struct tk *t, size_t b_end, size_t c_end)
{
	if (!t->in_word)
		return;
	t->in_word = false;
	/* A capitalized word that is not all capitals ("Acme", "HubSpot",
	   not "ACME" or "ONLY") may be a name: the built-in class @cap. */
	t->cap_pending = t->first_upper && t->n_letters > 1 &&
			 t->n_upper < t->n_letters;
	if (t->too_long) {
		t->too_long = false;
		t->wlen = 0;
		text_push(t, 0, t->digit_word, b_end, c_end);
		return;
	}
	const char *w = t->word;
	size_t n = t->wlen;
	t->wlen = 0;
	uint32_t id = n <= 8 ? coach_vocab_find_head(t->vocab, t->head, n)
			     : coach_vocab_find_padded(t->vocab, w, n);
	if (id || !t->has_apos) {
		text_push_id(t, id, t->digit_word, b_end, c_end);
		return;
	}
	const char *apos = memchr(w, '\'', n);
	/* An apostrophe the aliases do not know: "n't" is "not", any other
	   ending is dropped as a possessive or an unknown clitic. */
	if (n >= 3 && memcmp(w + n - 3, "n't", 3) == 0) {
		text_push_word(t, n - 3, false, b_end, c_end);
		text_push(t, t->id_not, false, b_end, c_end);
		return;
	}
	text_push_word(t, (size_t)(apos - w), false, b_end, c_end);
}

static void text_begin_word(struct tk *t, bool digit, size_t b, size_t c)
{
	t->in_word = true;
	t->digit_word = digit;
	t->wb_start = b;
	t->wc_start = c;
	t->wlen = 0;
	t->too_long = false;
	t->n_upper = t->n_letters = 0;
	t->first_upper = false;
	t->has_apos = false;
	t->head = 0;
}

/* Decodes the code point at i; bad bytes give U+FFFD. */
static int32_t text_decode(const char *text, size_t i, size_t end,
			   size_t *len, bool *bad)
{
	const unsigned char *p = (const unsigned char *)text + i;
	if (*p < 0x80) {
		*len = 1;
		return *p;
	}
	int32_t cp = utf8_decode(p, end - i, len);
	if (cp < 0) {
		*bad = true;
		return 0xfffd;
	}
	return cp;
}

/* The kind of the code point at i, without moving. */
static enum ch_kind text_peek(const char *text, size_t i, size_t end)
{
	if (i >= end)
		return CH_SPACE;
	size_t len;
	bool bad = false;
	return text_kind(text_decode(text, i, end, &len, &bad));
}

static void text_punct(struct tk *t, enum ch_kind k, bool *blank_line)
{
	switch (k) {
	case CH_SENT:
		t->pend_sentence = true;
		t->last_question = false;
		break;
	case CH_QUESTION:
		if (!t->last_question)
			t->toks->questions++;
		t->last_question = true;
		t->pend_sentence = true;
		break;
	case CH_NEWLINE:
		if (*blank_line)
			t->pend_sentence = true;
		t->pend_clause = true;
		*blank_line = true;
		return;
	case CH_CLAUSE:
	case CH_COMMA:
	case CH_HYPHEN:
		t->pend_clause = true;
		break;
	case CH_DOT:
		t->pend_sentence = true;
		t->last_question = false;
		break;
	default:
		break;
	}
	if (k != CH_SPACE)
		*blank_line = false;
}

void coach_text_tokenize(const struct coach_vocab *vocab, const char *text,
			 size_t begin, size_t end, size_t char_base,
			 struct coach_tokens *toks)
{
	struct tk t = {0};
	t.vocab = vocab;
	t.info = coach_vocab_infos(vocab);
	t.toks = toks;
	t.pend_sentence = true;
	t.id_i = coach_vocab_find(vocab, "i", 1);
	t.id_not = coach_vocab_find(vocab, "not", 3);
	bool blank_line = false;
	size_t i = begin, c = char_base;
	while (i < end) {
		unsigned char b = (unsigned char)text[i];
		if (text_ascii_alpha(b)) {
			/* A run of ASCII letters: one test and one store each. */
			if (t.in_word && t.digit_word)
				text_flush(&t, i, c);
			if (!t.in_word) {
				text_begin_word(&t, false, i, c);
				t.first_upper = b <= 'Z';
			}
			size_t j = i;
			do {
				text_fold_ascii(&t, b);
				b = ++j < end ? (unsigned char)text[j] : 0;
			} while (text_ascii_alpha(b));
			c += j - i;
			i = j;
			t.last_question = false;
			blank_line = false;
			continue;
		}
		if (b == ' ') {
			/* what the general path below does for a space */
			text_flush(&t, i, c);
			i++;
			c++;
			continue;
		}
		size_t len;
		bool bad = false;
		int32_t cp = text_decode(text, i, end, &len, &bad);
		if (bad)
			toks->repaired = true;
		enum ch_kind k = text_kind(cp);
		if (k == CH_ALPHA || k == CH_DIGIT) {
			bool digit = k == CH_DIGIT;
			if (t.in_word && t.digit_word != digit)
				text_flush(&t, i, c);
			if (!t.in_word) {
				text_begin_word(&t, digit, i, c);
				t.first_upper = (cp >= 'A' && cp <= 'Z') ||
						(cp >= 0xc0 && cp <= 0xde &&
						 cp != 0xd7);
			}
			text_fold_put(&t, cp);
			t.last_question = false;
			blank_line = false;
		} else if (k == CH_APOS && t.in_word && !t.digit_word &&
			   text_peek(text, i + len, end) == CH_ALPHA) {
			text_fold_put(&t, '\'');
		} else if ((k == CH_DOT || k == CH_COMMA) && t.in_word &&
			   t.digit_word &&
			   text_peek(text, i + len, end) == CH_DIGIT) {
			text_fold_put(&t, cp);
		} else {
			text_flush(&t, i, c);
			if (k == CH_HYPHEN &&
			    text_peek(text, i + len, end) == CH_ALPHA &&
			    i > begin && toks->n &&
			    toks->v[toks->n - 1].byte_end == i)
				k = CH_OTHER; /* inside a word: no break */
			text_punct(&t, k, &blank_line);
		}
		i += len;
		c++;
	}
	text_flush(&t, i, c);
	toks->chars = c;
}

void coach_text_tokens_free(struct coach_tokens *toks)
{
	if (!toks)
		return;
	free(toks->v);
	toks->v = NULL;
	toks->n = toks->cap = 0;
}
