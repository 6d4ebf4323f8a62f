/*
 * coach_rules.c: the parser of the coach's rules file (core layer).
 *
 * The format is line based and documented at the top of
 * rules/coach.rules. In short:
 *
 *   option window N                 words before a match that notafter
 *                                   and negation look at
 *   alias WORD = WORD...            a written form and what it means
 *   @class = WORD...                a word class (repeat to add words)
 *   label NAME seller|buyer SEV     a label, then indented lines
 *     reason: ...                   "reason:" and "suggest:"
 *   rule LABEL [FLAGS]: PATTERN     a rule; indented reason/suggest
 *                                   lines override the label's
 *   unless LABEL [scope=text]: PATTERN  a context that cancels the label
 *
 * Patterns: words, @class, *N (a gap of up to N words), (a b | c)
 * alternatives, [a b] optional words, !x (the next word is not x),
 * word{,s,ed} (suffix alternatives). Every failure names the line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/coach/coach_impl.h"
#include "core/coach/coach_model.h"
#include "core/coach/coach_vocab.h"
#include "embed_coach_rules.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/utf8.h"

#define LEX_MAX 2048 /* lexemes in one pattern, macros expanded */

struct parser {
	struct coach_rules *r;
	const char *name; /* file name for messages */
	int line;
	struct error *err;
	/* the pattern being parsed */
	char *lex[LEX_MAX];
	size_t n_lex, pos;
	/* growable rule array */
	uint32_t rules_cap;
	/* pattern macros: define &name = pattern */
	char *macro_name[64];
	char *macro_text[64];
	size_t n_macros;
	int lex_depth;
	/* what indented reason/suggest lines attach to */
	struct coach_label *cur_label;
	struct coach_rule *cur_rule;
};

static enum result rules_fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum result rules_fail(struct parser *p, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return error_set(p->err, R_INVALID, "rules", "%s line %d: %s", p->name,
			 p->line, msg);
}

static bool rules_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static char *rules_trim(char *s)
{
	while (rules_is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && rules_is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int rules_class_find(const struct coach_rules *r, const char *name)
{
	for (uint32_t i = 0; i < r->n_classes; i++)
		if (strcmp(r->class_names[i], name) == 0)
			return (int)i;
	return -1;
}

static int rules_label_find(const struct coach_rules *r, const char *name)
{
	for (uint32_t i = 0; i < r->n_labels; i++)
		if (strcmp(r->labels[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* A word as written in a rule: lower-case letters, digits, apostrophes. */
static bool rules_word_ok(const char *w)
{
	if (!*w)
		return false;
	for (const unsigned char *s = (const unsigned char *)w; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '\'' || *s >= 0x80))
			return false;
	return true;
}

static void rules_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 'a' - 'A');
}

/*
 * Expands "sign{,s,ed}" into its words and calls add for each; a word
 * with no braces is passed as it is. Returns false on bad braces.
 */
static bool rules_expand(const char *w, bool (*add)(void *, const char *),
			 void *ctx)
{
	const char *open = strchr(w, '{');
	if (!open)
		return strchr(w, '}') ? false : add(ctx, w);
	const char *close = strchr(open, '}');
	if (!close || strchr(close + 1, '{') || strchr(close + 1, '}'))
		return false;
	const char *a = open + 1;
	for (;;) {
		const char *e = a;
		while (e < close && *e != ',')
			e++;
		char buf[COACH_WORD_MAX * 2];
		size_t n1 = (size_t)(open - w), n2 = (size_t)(e - a);
		size_t n3 = strlen(close + 1);
		if (n1 + n2 + n3 + 1 > sizeof(buf))
			return false;
		memcpy(buf, w, n1);
		memcpy(buf + n1, a, n2);
		memcpy(buf + n1 + n2, close + 1, n3 + 1);
		if (!add(ctx, buf))
			return false;
		if (e == close)
			return true;
		a = e + 1;
	}
}

/* ---- word classes and aliases ---- */

struct class_add {
	struct parser *p;
	unsigned cls;
};

static bool rules_class_add_word(void *ctx, const char *w)
{
	struct class_add *c = ctx;
	if (!rules_word_ok(w))
		return false;
	uint32_t id = coach_vocab_add(c->p->r->vocab, w, strlen(w));
	coach_vocab_set_class(c->p->r->vocab, id, c->cls);
	return true;
}

static enum result rules_class_line(struct parser *p, char *s)
{
	char *eq = strchr(s, '=');
	if (!eq)
		return rules_fail(p, "a class needs '=': @name = word word...");
	*eq = '\0';
	char *name = rules_trim(s + 1);
	if (!rules_word_ok(name))
		return rules_fail(p, "bad class name '@%s'", name);
	int cls = rules_class_find(p->r, name);
	if (cls < 0) {
		if (p->r->n_classes == COACH_CLASS_MAX)
			return rules_fail(p, "too many classes (at most 64)");
		cls = (int)p->r->n_classes++;
		p->r->class_names[cls] = arena_strdup(p->r->arena, name);
	}
	struct class_add ca = {p, (unsigned)cls};
	char *save = eq + 1;
	for (char *w = save; *w;) {
		while (rules_is_space(*w))
			w++;
		if (!*w)
			break;
		char *e = w;
		while (*e && !rules_is_space(*e))
			e++;
		char c = *e;
		*e = '\0';
		rules_lower(w);
		if (!rules_expand(w, rules_class_add_word, &ca))
			return rules_fail(p, "'%s' is not a word (use lower "
					  "case letters, digits, ' and "
					  "{a,b} endings)", w);
		*e = c;
		w = e;
	}
	return R_OK;
}

static enum result rules_alias_line(struct parser *p, char *s)
{
	char *eq = strchr(s, '=');
	if (!eq)
		return rules_fail(p, "an alias needs '=': alias don't = do not");
	*eq = '\0';
	char *key = rules_trim(s);
	rules_lower(key);
	if (!rules_word_ok(key) || strchr(key, ' '))
		return rules_fail(p, "bad alias '%s' (one word)", key);
	uint32_t words[16];
	uint32_t n = 0;
	char *rest = eq + 1;
	for (char *w = rest; *w;) {
		while (rules_is_space(*w))
			w++;
		if (!*w)
			break;
		char *e = w;
		while (*e && !rules_is_space(*e))
			e++;
		char c = *e;
		*e = '\0';
		rules_lower(w);
		if (!rules_word_ok(w) || n == 16)
			return rules_fail(p, "bad alias word '%s'", w);
		words[n++] = coach_vocab_add(p->r->vocab, w, strlen(w));
		*e = c;
		w = e;
	}
	if (!n)
		return rules_fail(p, "alias '%s' stands for no words", key);
	uint32_t id = coach_vocab_add(p->r->vocab, key, strlen(key));
	coach_vocab_set_alias(p->r->vocab, id, words, n);
	return R_OK;
}

/* ---- labels ---- */

static bool rules_severity(const char *s, enum coach_severity *out)
{
	if (strcmp(s, "low") == 0)
		*out = COACH_SEV_LOW;
	else if (strcmp(s, "medium") == 0)
		*out = COACH_SEV_MEDIUM;
	else if (strcmp(s, "high") == 0)
		*out = COACH_SEV_HIGH;
	else
		return false;
	return true;
}

static enum result rules_label_line(struct parser *p, char *s)
{
	char *f[4] = {0};
	size_t n = 0;
	for (char *w = s; *w && n < 4;) {
		while (rules_is_space(*w))
			w++;
		if (!*w)
			break;
		f[n++] = w;
		while (*w && !rules_is_space(*w))
			w++;
		if (*w)
			*w++ = '\0';
	}
	if (n != 3)
		return rules_fail(p, "use: label NAME seller|buyer "
				  "low|medium|high");
	if (rules_label_find(p->r, f[0]) >= 0)
		return rules_fail(p, "label '%s' defined twice", f[0]);
	if (p->r->n_labels == COACH_LABEL_MAX)
		return rules_fail(p, "too many labels (at most 16)");
	struct coach_label *l = &p->r->labels[p->r->n_labels++];
	l->name = arena_strdup(p->r->arena, f[0]);
	if (strcmp(f[1], "seller") == 0)
		l->side = COACH_SIDE_SELLER;
	else if (strcmp(f[1], "buyer") == 0)
		l->side = COACH_SIDE_BUYER;
	else
		return rules_fail(p, "side '%s' is not seller or buyer", f[1]);
	if (!rules_severity(f[2], &l->severity))
		return rules_fail(p, "severity '%s' is not low, medium or high",
				  f[2]);
	p->cur_label = l;
	p->cur_rule = NULL;
	return R_OK;
}

static enum result rules_text_line(struct parser *p, char *s)
{
	char *colon = strchr(s, ':');
	if (!colon)
		return rules_fail(p, "expected 'reason: ...' or 'suggest: ...'");
	*colon = '\0';
	char *key = rules_trim(s);
	char *val = arena_strdup(p->r->arena, rules_trim(colon + 1));
	if (!*val)
		return rules_fail(p, "'%s:' has no text", key);
	char **reason = p->cur_rule ? &p->cur_rule->reason
		      : p->cur_label ? &p->cur_label->reason : NULL;
	char **suggest = p->cur_rule ? &p->cur_rule->suggestion
		       : p->cur_label ? &p->cur_label->suggestion : NULL;
	if (!reason)
		return rules_fail(p, "an indented line must follow a label or "
				  "rule");
	if (strcmp(key, "reason") == 0)
		*reason = val;
	else if (strcmp(key, "suggest") == 0)
		*suggest = val;
	else
		return rules_fail(p, "unknown key '%s' (use reason or suggest)",
				  key);
	return R_OK;
}

/* ---- patterns ---- */

static enum result rules_lex_into(struct parser *p, const char *s);

/* Adds the lexemes of macro &name, in brackets. */
static enum result rules_lex_macro(struct parser *p, const char *name)
{
	for (size_t i = 0; i < p->n_macros; i++) {
		if (strcmp(p->macro_name[i], name) != 0)
			continue;
		if (p->n_lex + 2 > LEX_MAX || p->lex_depth > 8)
			return rules_fail(p, "pattern too long with &%s", name);
		p->lex[p->n_lex++] = arena_strdup(p->r->arena, "(");
		p->lex_depth++;
		enum result rc = rules_lex_into(p, p->macro_text[i]);
		p->lex_depth--;
		if (rc != R_OK)
			return rc;
		if (p->n_lex == LEX_MAX)
			return rules_fail(p, "pattern too long with &%s", name);
		p->lex[p->n_lex++] = arena_strdup(p->r->arena, ")");
		return R_OK;
	}
	return rules_fail(p, "unknown macro '&%s' (define it above with "
			  "define &name = pattern)", name);
}

static enum result rules_lex(struct parser *p, char *s)
{
	p->n_lex = p->pos = 0;
	return rules_lex_into(p, s);
}

static enum result rules_lex_into(struct parser *p, const char *s)
{
	while (*s) {
		if (rules_is_space(*s)) {
			s++;
			continue;
		}
		if (p->n_lex == LEX_MAX)
			return rules_fail(p, "pattern too long");
		if (strchr("()[]|", *s)) {
			char *t = arena_alloc(p->r->arena, 2);
			t[0] = *s++;
			p->lex[p->n_lex++] = t;
			continue;
		}
		const char *e = s;
		while (*e && !rules_is_space(*e) && !strchr("()[]|", *e))
			e++;
		char *t = arena_strndup(p->r->arena, s, (size_t)(e - s));
		s = e;
		if (t[0] == '&') {
			enum result rc = rules_lex_macro(p, t + 1);
			if (rc != R_OK)
				return rc;
			continue;
		}
		p->lex[p->n_lex++] = t;
	}
	return R_OK;
}

static enum result rules_parse_alts(struct parser *p, struct pat_node *node);

/* Growable node list while one sequence is parsed. */
struct node_list {
	struct pat_node v[64];
	uint32_t n;
};

static void rules_seq_store(struct parser *p, struct node_list *nl,
			    struct pat_seq *seq)
{
	seq->n = nl->n;
	seq->nodes = arena_alloc(p->r->arena, nl->n * sizeof(struct pat_node));
	memcpy(seq->nodes, nl->v, nl->n * sizeof(struct pat_node));
}

struct word_alts {
	struct parser *p;
	uint32_t ids[32];
	uint32_t n;
};

static bool rules_word_alt(void *ctx, const char *w)
{
	struct word_alts *wa = ctx;
	if (!rules_word_ok(w) || wa->n == 32)
		return false;
	wa->ids[wa->n++] = coach_vocab_add(wa->p->r->vocab, w, strlen(w));
	return true;
}

/* One word (maybe with {a,b} endings, maybe an alias) as a node. */
static enum result rules_word_node(struct parser *p, char *w,
				   struct pat_node *node)
{
	rules_lower(w);
	struct word_alts wa = {.p = p};
	if (!rules_expand(w, rules_word_alt, &wa))
		return rules_fail(p, "'%s' is not a word (lower case letters, "
				  "digits, ' and {a,b} endings)", w);
	struct pat_seq *alts = arena_alloc(p->r->arena, wa.n * sizeof(*alts));
	for (uint32_t i = 0; i < wa.n; i++) {
		uint32_t na = 0;
		const uint32_t *al = coach_vocab_alias(p->r->vocab, wa.ids[i],
						       &na);
		if (!al) {
			if (strchr(coach_vocab_word(p->r->vocab, wa.ids[i]),
				   '\''))
				return rules_fail(p, "'%s' has an apostrophe "
						  "but no alias; write its "
						  "words apart", w);
			al = &wa.ids[i];
			na = 1;
		}
		alts[i].n = na;
		alts[i].nodes = arena_alloc(p->r->arena,
					    na * sizeof(struct pat_node));
		for (uint32_t j = 0; j < na; j++) {
			alts[i].nodes[j].kind = PAT_WORD;
			alts[i].nodes[j].word = al[j];
		}
	}
	if (wa.n == 1 && alts[0].n == 1) {
		*node = alts[0].nodes[0];
		return R_OK;
	}
	memset(node, 0, sizeof(*node));
	node->kind = PAT_ALT;
	node->alts = alts;
	node->n_alts = wa.n;
	return R_OK;
}

static enum result rules_atom(struct parser *p, char *t, struct pat_node *node)
{
	memset(node, 0, sizeof(*node));
	if (t[0] == '@') {
		int cls = rules_class_find(p->r, t + 1);
		if (cls < 0)
			return rules_fail(p, "unknown class '%s' (define it "
					  "above with @name = ...)", t);
		node->kind = PAT_CLASS;
		node->cls = (uint8_t)cls;
		return R_OK;
	}
	return rules_word_node(p, t, node);
}

static enum result rules_parse_seq(struct parser *p, struct pat_seq *seq)
{
	struct node_list *nl = xmalloc(sizeof(*nl));
	nl->n = 0;
	enum result rc = R_OK;
	while (p->pos < p->n_lex) {
		char *t = p->lex[p->pos];
		if (strcmp(t, ")") == 0 || strcmp(t, "]") == 0 ||
		    strcmp(t, "|") == 0)
			break;
		if (nl->n == 64) {
			rc = rules_fail(p, "sequence too long");
			goto out;
		}
		struct pat_node *node = &nl->v[nl->n];
		memset(node, 0, sizeof(*node));
		p->pos++;
		if (strcmp(t, "(") == 0 || strcmp(t, "[") == 0) {
			const char *close = t[0] == '(' ? ")" : "]";
			rc = rules_parse_alts(p, node);
			if (rc != R_OK)
				goto out;
			if (p->pos >= p->n_lex ||
			    strcmp(p->lex[p->pos], close) != 0) {
				rc = rules_fail(p, "missing '%s'", close);
				goto out;
			}
			p->pos++;
			node->kind = t[0] == '(' ? PAT_ALT : PAT_OPT;
		} else if (t[0] == '*') {
			int g = t[1] >= '1' && t[1] <= '9' && !t[2] ? t[1] - '0'
								    : -1;
			if (g < 0) {
				rc = rules_fail(p, "bad gap '%s' (use *1 to *9)",
						t);
				goto out;
			}
			node->kind = PAT_GAP;
			node->gap = (uint8_t)g;
		} else if (t[0] == '!') {
			rc = rules_atom(p, t + 1, node);
			if (rc != R_OK)
				goto out;
			if (node->kind == PAT_ALT) {
				rc = rules_fail(p, "'%s': ! takes one word or "
						"class", t);
				goto out;
			}
			node->is_class = node->kind == PAT_CLASS;
			node->kind = PAT_NOT;
		} else {
			rc = rules_atom(p, t, node);
			if (rc != R_OK)
				goto out;
		}
		nl->n++;
	}
	rules_seq_store(p, nl, seq);
out:
	free(nl);
	return rc;
}

static enum result rules_parse_alts(struct parser *p, struct pat_node *node)
{
	struct pat_seq alts[64];
	uint32_t n = 0;
	for (;;) {
		if (n == 64)
			return rules_fail(p, "too many alternatives (at most "
					  "64)");
		enum result rc = rules_parse_seq(p, &alts[n]);
		if (rc != R_OK)
			return rc;
		if (!alts[n].n)
			return rules_fail(p, "empty alternative");
		n++;
		if (p->pos < p->n_lex && strcmp(p->lex[p->pos], "|") == 0) {
			p->pos++;
			continue;
		}
		break;
	}
	node->alts = arena_alloc(p->r->arena, n * sizeof(struct pat_seq));
	memcpy(node->alts, alts, n * sizeof(struct pat_seq));
	node->n_alts = n;
	return R_OK;
}

/* ---- rules ---- */

static enum result rules_flag(struct parser *p, struct coach_rule *rule,
			      char *f, bool *noneg)
{
	if (strcmp(f, "noneg") == 0) {
		*noneg = true;
	} else if (strncmp(f, "sev=", 4) == 0) {
		if (!rules_severity(f + 4, &rule->severity))
			return rules_fail(p, "bad severity in '%s'", f);
	} else if (strncmp(f, "notafter=@", 10) == 0) {
		int cls = rules_class_find(p->r, f + 10);
		if (cls < 0)
			return rules_fail(p, "unknown class in '%s'", f);
		if (rule->n_notafter == COACH_NOTAFTER_MAX)
			return rules_fail(p, "too many notafter flags");
		rule->notafter[rule->n_notafter++] = (uint8_t)cls;
	} else if (strcmp(f, "scope=text") == 0 && rule->is_unless) {
		rule->scope = COACH_SCOPE_TEXT;
	} else if (strcmp(f, "scope=sentence") == 0 && rule->is_unless) {
		rule->scope = COACH_SCOPE_SENTENCE;
	} else {
		return rules_fail(p, "unknown flag '%s'", f);
	}
	return R_OK;
}

static enum result rules_rule_line(struct parser *p, char *s, bool unless)
{
	char *colon = strchr(s, ':');
	if (!colon)
		return rules_fail(p, "use: rule LABEL [flags]: pattern");
	*colon = '\0';
	if (p->r->n_rules == p->rules_cap) {
		p->rules_cap = p->rules_cap ? p->rules_cap * 2 : 256;
		p->r->rules = xrealloc(p->r->rules,
				       p->rules_cap * sizeof(*p->r->rules));
	}
	struct coach_rule *rule = &p->r->rules[p->r->n_rules];
	memset(rule, 0, sizeof(*rule));
	rule->is_unless = unless;
	rule->line = p->line;
	char *head = rules_trim(s);
	char *lab = head;
	while (*head && !rules_is_space(*head))
		head++;
	if (*head)
		*head++ = '\0';
	int li = rules_label_find(p->r, lab);
	if (li < 0)
		return rules_fail(p, "unknown label '%s' (define it above with "
				  "label ...)", lab);
	rule->label = (uint32_t)li;
	rule->severity = p->r->labels[li].severity;
	bool noneg = false;
	for (char *f = head; *f;) {
		while (rules_is_space(*f))
			f++;
		if (!*f)
			break;
		char *e = f;
		while (*e && !rules_is_space(*e))
			e++;
		if (*e)
			*e++ = '\0';
		enum result rc = rules_flag(p, rule, f, &noneg);
		if (rc != R_OK)
			return rc;
		f = e;
	}
	if (!noneg && !unless && p->r->has_neg &&
	    p->r->labels[li].side == COACH_SIDE_SELLER &&
	    rule->n_notafter < COACH_NOTAFTER_MAX)
		rule->notafter[rule->n_notafter++] = p->r->neg_class;
	enum result rc = rules_lex(p, colon + 1);
	if (rc != R_OK)
		return rc;
	if (!p->n_lex)
		return rules_fail(p, "empty pattern");
	rc = rules_parse_seq(p, &rule->pat);
	if (rc != R_OK)
		return rc;
	if (p->pos != p->n_lex)
		return rules_fail(p, "unexpected '%s'", p->lex[p->pos]);
	p->r->n_rules++;
	p->cur_rule = rule;
	return R_OK;
}

static enum result rules_define_line(struct parser *p, char *s)
{
	char *eq = strchr(s, '=');
	s = rules_trim(s);
	if (!eq || s[0] != '&')
		return rules_fail(p, "use: define &name = pattern");
	*eq = '\0';
	char *name = rules_trim(s + 1);
	if (!rules_word_ok(name))
		return rules_fail(p, "bad macro name '&%s'", name);
	if (p->n_macros == 64)
		return rules_fail(p, "too many macros (at most 64)");
	p->macro_name[p->n_macros] = arena_strdup(p->r->arena, name);
	p->macro_text[p->n_macros] = arena_strdup(p->r->arena,
						  rules_trim(eq + 1));
	p->n_macros++;
	return R_OK;
}

static enum result rules_option_line(struct parser *p, char *s)
{
	s = rules_trim(s);
	if (strncmp(s, "window ", 7) == 0) {
		char *n = rules_trim(s + 7);
		if (n[0] >= '0' && n[0] <= '9' && !n[1]) {
			p->r->window = n[0] - '0';
			return R_OK;
		}
	}
	return rules_fail(p, "unknown option '%s' (known: window 0-9)", s);
}

static enum result rules_line(struct parser *p, char *line)
{
	bool indented = rules_is_space(line[0]);
	char *s = rules_trim(line);
	if (!*s || s[0] == '#')
		return R_OK;
	if (indented)
		return rules_text_line(p, s);
	p->cur_rule = NULL;
	p->cur_label = NULL;
	if (s[0] == '@')
		return rules_class_line(p, s);
	if (strncmp(s, "alias ", 6) == 0)
		return rules_alias_line(p, s + 6);
	if (strncmp(s, "label ", 6) == 0)
		return rules_label_line(p, s + 6);
	if (strncmp(s, "rule ", 5) == 0)
		return rules_rule_line(p, s + 5, false);
	if (strncmp(s, "unless ", 7) == 0)
		return rules_rule_line(p, s + 7, true);
	if (strncmp(s, "option ", 7) == 0)
		return rules_option_line(p, s + 7);
	if (strncmp(s, "define ", 7) == 0)
		return rules_define_line(p, s + 7);
	return rules_fail(p, "unknown line (expected @class, alias, label, "
			  "rule, unless, define or option): '%.40s'", s);
}

/* Looks up the classes with a fixed meaning once all lines are read. */
static void rules_special_classes(struct coach_rules *r)
{
	int c = rules_class_find(r, "neg");
	r->has_neg = c >= 0;
	r->neg_class = (uint8_t)(c >= 0 ? c : 0);
	c = rules_class_find(r, "selfref");
	r->has_self = c >= 0;
	r->self_class = (uint8_t)(c >= 0 ? c : 0);
	c = rules_class_find(r, "buyerref");
	r->has_buyer = c >= 0;
	r->buyer_class = (uint8_t)(c >= 0 ? c : 0);
}

enum result coach_rules_parse(const char *text, size_t len, const char *name,
			      struct coach_rules **out, struct error *err)
{
	*out = NULL;
	struct coach_rules *r = xcalloc(1, sizeof(*r));
	r->arena = arena_new();
	r->vocab = coach_vocab_new();
	r->window = 3;
	r->class_names[COACH_CLASS_NUM] = arena_strdup(r->arena, "num");
	r->class_names[COACH_CLASS_CAP] = arena_strdup(r->arena, "cap");
	r->n_classes = 2;
	struct parser p = {.r = r, .name = name ? name : "rules", .err = err};
	enum result rc = R_OK;
	if (!utf8_valid(text, len)) {
		/* find the line for the message */
		size_t i = 0, line_start = 0;
		p.line = 1;
		while (i < len) {
			size_t e = i;
			while (e < len && text[e] != '\n')
				e++;
			if (!utf8_valid(text + line_start, e - line_start))
				break;
			p.line++;
			i = line_start = e + 1;
		}
		rc = rules_fail(&p, "not valid UTF-8 (or a NUL byte)");
		coach_rules_free(r);
		return rc;
	}
	/* @neg must be defined before the rules it should guard: each rule
	   takes the classes known when it is read. */
	size_t i = 0;
	while (i < len && rc == R_OK) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		p.line++;
		char *line = xstrndup(text + i, e - i);
		if (strlen(line) != e - i)
			rc = rules_fail(&p, "NUL byte in the rules");
		else
			rc = rules_line(&p, line);
		free(line);
		rules_special_classes(r);
		i = e + 1;
	}
	if (rc == R_OK)
		rc = coach_rules_index(r, err);
	if (rc != R_OK) {
		coach_rules_free(r);
		return rc;
	}
	*out = r;
	return R_OK;
}

const char *coach_rules_builtin_text(size_t *len)
{
	*len = coach_rules_files[0].len;
	return (const char *)coach_rules_files[0].data;
}

enum result coach_rules_builtin(struct coach_rules **out, struct error *err)
{
	size_t len;
	const char *text = coach_rules_builtin_text(&len);
	enum result rc = coach_rules_parse(text, len, coach_rules_files[0].name,
					   out, err);
	if (rc == R_OK)
		coach_rules_set_model(*out, &coach_model_builtin);
	return rc;
}

void coach_rules_free(struct coach_rules *r)
{
	if (!r)
		return;
	coach_vocab_free(r->vocab);
	free(r->rules);
	for (int s = 0; s < 2; s++) {
		free(r->index[s].word_off);
		free(r->index[s].word_rules);
		free(r->index[s].class_rules);
		free(r->index[s].static_off);
		free(r->index[s].static_rules);
		free(r->index[s].word_cands);
		free(r->index[s].class_cands);
		free(r->index[s].static_cands);
	}
	free(r->unless_of);
	free(r->unless_rules);
	arena_free(r->arena);
	free(r);
}

size_t coach_rules_label_count(const struct coach_rules *r)
{
	return r->n_labels;
}

const char *coach_rules_label(const struct coach_rules *r, size_t i,
			      enum coach_side *side)
{
	if (side)
		*side = r->labels[i].side;
	return r->labels[i].name;
}
