/*
 * coach.c: coach_run(), the coach's entry point (core layer).
 *
 * Seller or buyer text is tokenized once and matched against that side's
 * rules. A transcript is split into turns; each turn is tokenized in place
 * (so offsets stay those of the whole input), the seller is the speaker
 * named or, failing that, the one whose turns carry the most seller-side
 * findings (then the most questions, then the first to speak), and the
 * seller's turns are matched as seller text and the others as buyer text.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/coach/coach_impl.h"
#include "core/coach/coach_model.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/utf8.h"

const char *coach_severity_name(enum coach_severity s)
{
	switch (s) {
	case COACH_SEV_LOW: return "low";
	case COACH_SEV_MEDIUM: return "medium";
	case COACH_SEV_HIGH: return "high";
	}
	return "medium";
}

const char *coach_role_name(enum coach_role r)
{
	switch (r) {
	case COACH_ROLE_SELLER: return "seller";
	case COACH_ROLE_BUYER: return "buyer";
	case COACH_ROLE_TRANSCRIPT: return "transcript";
	}
	return "seller";
}

bool coach_role_parse(const char *s, enum coach_role *out)
{
	if (strcmp(s, "seller") == 0)
		*out = COACH_ROLE_SELLER;
	else if (strcmp(s, "buyer") == 0)
		*out = COACH_ROLE_BUYER;
	else if (strcmp(s, "transcript") == 0)
		*out = COACH_ROLE_TRANSCRIPT;
	else
		return false;
	return true;
}

/* Written words in toks->v[from, to): parts of one contraction count once. */
static size_t coach_words(const struct coach_tokens *toks, size_t from,
			  size_t to)
{
	size_t n = 0;
	for (size_t i = from; i < to; i++)
		if (i == from || toks->v[i].byte_start != toks->v[i - 1].byte_start)
			n++;
	return n;
}

static int coach_finding_cmp(const void *a, const void *b)
{
	const struct coach_finding *x = a, *y = b;
	if (x->byte_start != y->byte_start)
		return x->byte_start < y->byte_start ? -1 : 1;
	if (x->side != y->side)
		return x->side < y->side ? -1 : 1;
	return x->rule_line < y->rule_line ? -1 : x->rule_line > y->rule_line;
}

/* Copies the findings into the result's arena, sorted, and counts them. */
static void coach_finish(const struct coach_rules *rules,
			 struct coach_findings *fs, struct coach_result *res)
{
	if (fs->n)
		qsort(fs->v, fs->n, sizeof(*fs->v), coach_finding_cmp);
	res->findings = arena_alloc(res->arena, (fs->n + 1) * sizeof(*fs->v));
	if (fs->n)
		memcpy(res->findings, fs->v, fs->n * sizeof(*fs->v));
	res->n_findings = fs->n;
	res->n_labels = rules->n_labels;
	for (uint32_t l = 0; l < rules->n_labels; l++) {
		res->label_names[l] = rules->labels[l].name;
		res->label_sides[l] = rules->labels[l].side;
	}
	for (size_t i = 0; i < fs->n; i++)
		for (uint32_t l = 0; l < rules->n_labels; l++)
			if (rules->labels[l].name == fs->v[i].label)
				res->label_counts[l]++;
}

struct turn_info {
	size_t tok_from, tok_to;
	size_t questions;
	size_t speaker; /* index into the speaker list */
};

static size_t coach_speaker_index(struct coach_result *res, const char *name,
				  size_t *cap)
{
	for (size_t i = 0; i < res->n_speakers; i++)
		if (strcmp(res->speakers[i].name, name) == 0)
			return i;
	if (res->n_speakers == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		struct coach_speaker *v = arena_alloc(res->arena,
						      *cap * sizeof(*v));
		if (res->n_speakers)
			memcpy(v, res->speakers,
			       res->n_speakers * sizeof(*v));
		res->speakers = v;
	}
	res->speakers[res->n_speakers].name = name;
	return res->n_speakers++;
}

/* Picks the seller: named (case-insensitively) or guessed. */
static enum result coach_pick_seller(const struct coach_rules *rules,
				     const struct coach_tokens *toks,
				     const struct turn_info *ti, size_t n_turns,
				     const struct coach_options *opt,
				     struct coach_result *res,
				     struct error *err)
{
	if (opt->seller) {
		for (size_t i = 0; i < res->n_speakers; i++)
			if (strcasecmp(res->speakers[i].name, opt->seller) == 0) {
				res->speakers[i].is_seller = true;
				res->seller = res->speakers[i].name;
				return R_OK;
			}
		return error_set(err, R_INVALID, "seller",
				 "seller '%s' is not a speaker of the "
				 "transcript (check the name before the "
				 "colon or the <v> tag)",
				 opt->seller);
	}
	size_t *score = xcalloc(res->n_speakers, sizeof(size_t));
	struct coach_findings tmp = {0};
	for (size_t t = 0; t < n_turns; t++) {
		tmp.n = 0;
		coach_match_range(rules, toks, ti[t].tok_from, ti[t].tok_to,
				  COACH_SIDE_SELLER, NULL, &tmp);
		score[ti[t].speaker] += tmp.n;
	}
	free(tmp.v);
	size_t best = 0;
	for (size_t i = 1; i < res->n_speakers; i++) {
		const struct coach_speaker *a = &res->speakers[i],
					   *b = &res->speakers[best];
		if (score[i] > score[best] ||
		    (score[i] == score[best] && a->questions > b->questions))
			best = i;
	}
	free(score);
	res->speakers[best].is_seller = true;
	res->seller = res->speakers[best].name;
	res->seller_guessed = true;
	return R_OK;
}

static void coach_speaker_figures(struct coach_result *res,
				  const struct turn_info *ti, size_t n_turns,
				  const struct coach_tokens *toks)
{
	size_t total = 0, run = 0;
	for (size_t t = 0; t < n_turns; t++) {
		struct coach_speaker *sp = &res->speakers[ti[t].speaker];
		size_t w = coach_words(toks, ti[t].tok_from, ti[t].tok_to);
		sp->words += w;
		sp->turns++;
		total += w;
		run = (t && ti[t - 1].speaker == ti[t].speaker) ? run + w : w;
		if (run > sp->longest_monologue)
			sp->longest_monologue = run;
	}
	for (size_t i = 0; i < res->n_speakers; i++)
		res->speakers[i].talk_share =
			total ? (double)res->speakers[i].words / (double)total
			      : 0.0;
}

static enum result coach_transcript(const struct coach_rules *rules,
				    const char *text, size_t len,
				    const struct coach_options *opt,
				    struct coach_tokens *toks,
				    struct coach_findings *fs,
				    struct coach_orient_acc *acc,
				    struct coach_result *res,
				    struct error *err)
{
	struct coach_turn *turns;
	size_t n = coach_transcript_turns(text, len, res->arena, &turns);
	if (!n)
		return error_set(err, R_INVALID, "text",
				 "no turns found in the transcript (write "
				 "'Speaker: text' lines, or WebVTT with "
				 "<v Speaker> tags)");
	struct turn_info *ti = xcalloc(n, sizeof(*ti));
	size_t spk_cap = 0, pos = 0, chars = 0;
	for (size_t t = 0; t < n; t++) {
		chars += utf8_count(text + pos, turns[t].begin - pos);
		size_t q = toks->questions;
		ti[t].tok_from = toks->n;
		coach_text_tokenize(rules->vocab, text, turns[t].begin,
				    turns[t].end, chars, toks);
		ti[t].tok_to = toks->n;
		ti[t].questions = toks->questions - q;
		chars = toks->chars;
		pos = turns[t].end;
		ti[t].speaker = coach_speaker_index(res, turns[t].speaker,
						    &spk_cap);
		res->speakers[ti[t].speaker].questions += ti[t].questions;
	}
	enum result rc = coach_pick_seller(rules, toks, ti, n, opt, res, err);
	if (rc == R_OK) {
		for (size_t t = 0; t < n; t++) {
			const struct coach_speaker *sp =
				&res->speakers[ti[t].speaker];
			size_t fs_from = fs->n;
			enum coach_side sd = sp->is_seller ? COACH_SIDE_SELLER
							   : COACH_SIDE_BUYER;
			coach_match_range(rules, toks, ti[t].tok_from,
					  ti[t].tok_to, sd, sp->name, fs);
			coach_model_apply(rules, text, toks, ti[t].tok_from,
					  ti[t].tok_to, sd, sp->name, fs,
					  fs_from);
			if (sp->is_seller)
				coach_orient_count(rules, toks, ti[t].tok_from,
						   ti[t].tok_to, acc);
		}
		coach_speaker_figures(res, ti, n, toks);
	}
	free(ti);
	return rc;
}

enum result coach_run(const struct coach_rules *rules, const char *text,
		      size_t len, const struct coach_options *opt,
		      struct coach_result **out, struct error *err)
{
	*out = NULL;
	if (len > COACH_INPUT_MAX)
		return error_set(err, R_TOO_BIG, "text",
				 "the text is %zu bytes; the coach reads at "
				 "most %zu",
				 len, COACH_INPUT_MAX);
	struct coach_options defaults = {COACH_ROLE_SELLER, NULL};
	if (!opt)
		opt = &defaults;
	struct arena *arena = arena_new();
	struct coach_result *res = arena_alloc(arena, sizeof(*res));
	res->arena = arena;
	res->role = opt->role;
	res->bytes = len;
	struct coach_tokens toks = {0};
	struct coach_findings fs = {0};
	struct coach_orient_acc acc;
	acc.n = 0;
	enum result rc = R_OK;
	if (opt->role == COACH_ROLE_TRANSCRIPT) {
		rc = coach_transcript(rules, text, len, opt, &toks, &fs, &acc,
				      res, err);
		res->chars = utf8_count(text, len);
		if (!toks.repaired && !utf8_valid(text, len))
			toks.repaired = true;
	} else {
		coach_text_tokenize(rules->vocab, text, 0, len, 0, &toks);
		res->chars = toks.chars;
		enum coach_side side = opt->role == COACH_ROLE_BUYER
					       ? COACH_SIDE_BUYER
					       : COACH_SIDE_SELLER;
		coach_match_range(rules, &toks, 0, toks.n, side, NULL, &fs);
		coach_model_apply(rules, text, &toks, 0, toks.n, side, NULL,
				  &fs, 0);
		if (side == COACH_SIDE_SELLER)
			coach_orient_count(rules, &toks, 0, toks.n, &acc);
	}
	if (rc == R_OK) {
		res->words = coach_words(&toks, 0, toks.n);
		res->utf8_repaired = toks.repaired;
		coach_orient_finish(rules, &acc, arena, &res->orientation);
		coach_finish(rules, &fs, res);
		*out = res;
	} else {
		arena_free(arena);
	}
	free(fs.v);
	coach_text_tokens_free(&toks);
	return rc;
}

void coach_result_free(struct coach_result *r)
{
	if (r)
		arena_free(r->arena);
}
