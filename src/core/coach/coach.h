/*
 * coach.h: the coach against pressure (core layer).
 *
 * The coach reads what a seller writes or says and marks pressure language
 * (urgency, scarcity, guilt, assumptive closes, dismissal, dominance, the
 * seller's own interests) with a reason and a better way to say it; in what
 * a buyer writes it finds concerns (price, value, approval, timing, risk,
 * competitor, fit) for the deal's concern ledger. Labels are those of
 * ../shared/coach/LABELS.md.
 *
 * The rules are data: a text file (rules/coach.rules, compiled into the
 * binary) parsed by coach_rules_parse(). A transcript ("Speaker: text"
 * lines or WebVTT) is split into turns; the seller's turns are coached as
 * seller text and the others searched for concerns, with talk figures per
 * speaker.
 *
 * Everything here is pure: text in, values out, no I/O. A parsed rule set
 * is read-only and may be shared between threads; each coach_run() call
 * builds its own result.
 */
#ifndef RAPPORT_CORE_COACH_COACH_H
#define RAPPORT_CORE_COACH_COACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/result.h"

/* Largest input coach_run() accepts, in bytes (R_TOO_BIG beyond). */
#define COACH_INPUT_MAX ((size_t)64 * 1024 * 1024)

/* Published reference figures shown beside a transcript's own. */
#define COACH_REF_TALK_TOP 43      /* % of a call top sellers talk */
#define COACH_REF_TALK_HIGH 65     /* % above which calls do worse */
#define COACH_REF_QUESTIONS_LO 11  /* questions in a discovery call */
#define COACH_REF_QUESTIONS_HI 14

/* Most labels a rules file may define. */
#define COACH_LABEL_COUNT_MAX 16

enum coach_role { COACH_ROLE_SELLER, COACH_ROLE_BUYER, COACH_ROLE_TRANSCRIPT };

/* Which side a label belongs to. */
enum coach_side { COACH_SIDE_SELLER, COACH_SIDE_BUYER };

enum coach_severity { COACH_SEV_LOW, COACH_SEV_MEDIUM, COACH_SEV_HIGH };

struct coach_rules;

/* One marked span. Strings are borrowed from the rules or the result. */
struct coach_finding {
	const char *label;      /* "urgency", "price", ... */
	enum coach_side side;
	enum coach_severity severity;
	size_t start, end;           /* code points into the input, end excl. */
	size_t byte_start, byte_end; /* bytes into the input, end exclusive */
	const char *reason;     /* one sentence: why it matters */
	const char *suggestion; /* a better way to say it, or what to do */
	const char *speaker;    /* transcript turns: who said it, else NULL */
	int rule_line;          /* line of the rules file that matched */
};

/* Count of one word used in the self-orientation figure. */
struct coach_word_count {
	const char *word; /* folded (lower case) */
	size_t count;
};

/* The seller's references to themselves versus to the buyer. */
struct coach_orientation {
	size_t self_refs;  /* I, we, our, my ... */
	size_t buyer_refs; /* you, your ... */
	double self_share; /* self / (self + buyer), 0 when both are 0 */
	struct coach_word_count *self_words;
	size_t n_self_words;
	struct coach_word_count *buyer_words;
	size_t n_buyer_words;
};

/* Figures for one speaker of a transcript. */
struct coach_speaker {
	const char *name;
	bool is_seller;
	size_t words;
	size_t turns;
	double talk_share;      /* share of all words, 0..1 */
	size_t longest_monologue; /* words in the longest unbroken run */
	size_t questions;
};

struct coach_result {
	enum coach_role role;
	struct coach_finding *findings; /* sorted by start */
	size_t n_findings;
	size_t chars, bytes, words;
	bool utf8_repaired; /* invalid bytes were read as U+FFFD */
	size_t label_counts[COACH_LABEL_COUNT_MAX];     /* findings per label of the rules */
	const char *label_names[COACH_LABEL_COUNT_MAX]; /* the labels, in rules order */
	enum coach_side label_sides[COACH_LABEL_COUNT_MAX];
	size_t n_labels;
	struct coach_orientation orientation; /* over the seller's words */
	struct coach_speaker *speakers; /* transcripts only */
	size_t n_speakers;
	const char *seller; /* transcripts: the seller's name */
	bool seller_guessed;
	struct arena *arena; /* owns everything above */
};

struct coach_options {
	enum coach_role role;
	const char *seller; /* transcripts: the seller's name, NULL to guess */
};

/*
 * Parses a rules file (text of len bytes, name used in messages) into a
 * new rule set. On a bad line returns R_INVALID with err naming the line
 * and what is wrong; *out is then NULL.
 */
enum result coach_rules_parse(const char *text, size_t len, const char *name,
			      struct coach_rules **out, struct error *err);

/*
 * Returns a new rule set from the rules compiled into the binary. Fails
 * only if they do not parse (a build error caught by the tests).
 */
enum result coach_rules_builtin(struct coach_rules **out, struct error *err);

/* The text of the built-in rules file (borrowed, NUL-terminated). */
const char *coach_rules_builtin_text(size_t *len);

/* Releases a rule set. NULL is a no-op. */
void coach_rules_free(struct coach_rules *rules);

/* Number of labels the rule set defines. */
size_t coach_rules_label_count(const struct coach_rules *rules);

/* The name and side of label i (borrowed). */
const char *coach_rules_label(const struct coach_rules *rules, size_t i,
			      enum coach_side *side);

/*
 * Writes each distinct literal phrase of the rules (the first way each
 * rule can match, words separated by spaces) by calling emit; used to build
 * the benchmark's grep list. Returns how many were written.
 */
size_t coach_rules_phrases(const struct coach_rules *rules,
			   void (*emit)(const char *phrase, void *ctx),
			   void *ctx);

/*
 * Coaches len bytes of text. Invalid UTF-8 is read as U+FFFD, one per bad
 * byte, and flagged in the result. On success *out is a new result to free
 * with coach_result_free(). Fails with R_TOO_BIG past COACH_INPUT_MAX and
 * R_INVALID when a named seller is not a speaker of the transcript.
 */
enum result coach_run(const struct coach_rules *rules, const char *text,
		      size_t len, const struct coach_options *opt,
		      struct coach_result **out, struct error *err);

/* Releases a result. NULL is a no-op. */
void coach_result_free(struct coach_result *r);

/* "low", "medium", "high". */
const char *coach_severity_name(enum coach_severity s);
/* "seller", "buyer", "transcript". */
const char *coach_role_name(enum coach_role r);
/* Parses a role name; false if unknown. */
bool coach_role_parse(const char *s, enum coach_role *out);

#endif
