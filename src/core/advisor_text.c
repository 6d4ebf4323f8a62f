/*
 * advisor_text.c: the ranking told in sentences (core layer).
 *
 * The API, the command line and the pages say the same thing in the
 * same words, so the sentences are made once, here. They are written for
 * the seller and, on the decision guide, for the buyer: plain words,
 * numbers to one decimal on the 0-5 scale, a need in its buyer's words
 * between quotes. Text is appended unescaped; each caller escapes for its
 * medium.
 */
#include "advisor.h"

#include <inttypes.h>
#include <stdio.h>

#include "util/buf.h"

static const char *adv_name(const struct advisor_input *in, size_t o)
{
	const char *n = o < in->n_offerings ? in->offerings[o].name : NULL;
	return n ? n : "?";
}

static const char *adv_words(const struct advisor_input *in, size_t i)
{
	const char *w = i < in->n_needs ? in->needs[i].words : NULL;
	return w ? w : "?";
}

static int adv_score_of(const struct advisor_input *in, size_t need, size_t off)
{
	for (size_t k = 0; k < in->n_fits; k++) {
		const struct fit *f = &in->fits[k];
		if (f->need_id == in->needs[need].id &&
		    f->offering_id == in->offerings[off].id && f->has_score)
			return f->score;
	}
	return -1;
}

void advisor_text_money(int64_t minor, const char *currency, struct buf *b)
{
	uint64_t v =
	    minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	uint64_t units = v / 100, cents = v % 100;
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%" PRIu64, units);
	if (minor < 0)
		buf_putc(b, '-');
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, digits[i]);
	}
	buf_printf(b, ".%02" PRIu64, cents);
	if (currency && *currency)
		buf_printf(b, " %s", currency);
}

void advisor_text_rank(const struct advisor_input *in,
		       const struct advisor_rank *r, struct buf *b)
{
	double point = 0;
	bool has_point = advisor_point(r, &point);
	if (!r->fits) {
		buf_puts(b, "Does not fit: ");
		for (size_t k = 0; k < r->n_failed; k++) {
			size_t i = r->failed[k];
			buf_printf(
			    b,
			    "%sthe must-have \u201c%s\u201d scored %d of 5 "
			    "(it needs at least %d)",
			    k ? "; " : "", adv_words(in, i),
			    adv_score_of(in, i, r->offering), ADVISOR_MUST_MIN);
		}
		buf_puts(b, ".");
		if (has_point)
			buf_printf(b, " On what is known it scores %.1f of 5.",
				   point);
		return;
	}
	if (!in->n_needs) {
		buf_puts(b, "No needs are recorded yet: add the buyer's needs "
			    "to compare the options.");
		return;
	}
	if (!has_point) {
		buf_puts(b, "Nothing is known yet about how it meets these "
			    "needs; its score could be anything from 0 to 5.");
		return;
	}
	if (!r->n_unknown) {
		buf_printf(b,
			   "Meets every must-have. Scores %.1f of 5 over "
			   "all %zu needs.",
			   point, r->n_known);
		return;
	}
	buf_printf(b,
		   "Meets every must-have known so far. Scores %.1f of 5 "
		   "over the %zu %s known; it could end between %.1f and "
		   "%.1f once the other %zu %s known.",
		   point, r->n_known, r->n_known == 1 ? "need" : "needs",
		   advisor_min(r), advisor_max(r), r->n_unknown,
		   r->n_unknown == 1 ? "is" : "are");
	for (size_t k = 0; k < r->n_must_unknown; k++)
		buf_printf(b,
			   " Whether it meets the must-have \u201c%s\u201d is "
			   "not known yet.",
			   adv_words(in, r->must_unknown[k]));
}

void advisor_text_vfm(const struct advisor_input *in,
		      const struct advisor_rank *r, struct buf *b)
{
	const struct offering *of = &in->offerings[r->offering];
	switch (r->vfm.state) {
	case VFM_OK:
		buf_puts(b, "Expected benefit ");
		advisor_text_money(in->benefit_minor, in->currency, b);
		buf_puts(b, " against a yearly cost of ");
		advisor_text_money(r->vfm.yearly_cost, of->currency, b);
		buf_printf(b, ": %.1f times the cost (net ", r->vfm.ratio);
		advisor_text_money(r->vfm.net, in->currency, b);
		buf_puts(b, ").");
		return;
	case VFM_NO_BENEFIT:
		buf_puts(b, "The deal has no expected benefit recorded, so "
			    "value for money cannot be worked out.");
		return;
	case VFM_NO_PRICE:
		buf_puts(b, "Its price is not known.");
		return;
	case VFM_OTHER_CURRENCY:
		buf_printf(b,
			   "Priced in %s while the benefit is in %s: not "
			   "compared.",
			   of->currency ? of->currency : "another currency",
			   in->currency ? in->currency : "no currency");
		return;
	case VFM_PER_USER:
		buf_puts(b, "Priced per user (");
		advisor_text_money(of->price_minor, of->currency, b);
		buf_printf(b,
			   " a %s): the cost depends on how many people "
			   "will use it.",
			   of->price_model == PRICE_PER_USER_MONTHLY ? "month"
								     : "year");
		return;
	case VFM_QUOTE:
		buf_puts(b, "Priced on request: ask for a quote to compare.");
		return;
	}
}

static const char *adv_level_word(enum advisor_sure_level l)
{
	switch (l) {
	case SURE_FRAGILE:
		return "Fragile";
	case SURE_MODERATE:
		return "Fairly sure";
	case SURE_FIRM:
		return "Firm";
	default:
		return "";
	}
}

void advisor_text_sureness(const struct advisor_input *in,
			   const struct advisor_ranking *k, struct buf *b)
{
	const struct advisor_sureness *s = &k->sure;
	if (k->n < 2) {
		buf_puts(b, k->n ? "Only one option is compared, so there is "
				   "nothing to weigh it against."
				 : "No options are compared yet.");
		return;
	}
	const char *first = adv_name(in, k->ranks[0].offering);
	const char *second = adv_name(in, k->ranks[1].offering);
	if (s->level == SURE_TIED) {
		buf_printf(b,
			   "Tied: %s and %s are level on what is known, so "
			   "the ranking cannot choose between them.",
			   first, second);
		return;
	}
	buf_printf(b, "%s: ", adv_level_word(s->level));
	if (!s->has_change) {
		buf_printf(b,
			   "no change to a single weight or score would "
			   "bring %s level with %s.",
			   second, first);
		return;
	}
	const struct advisor_change *c = &s->change;
	if (c->is_weight)
		buf_printf(b, "if \u201c%s\u201d weighed %d instead of %d, ",
			   adv_words(in, c->need), c->to, c->from);
	else
		buf_printf(b,
			   "if %s scored %d instead of %d on \u201c%s\u201d, ",
			   adv_name(in, c->offering), c->to, c->from,
			   adv_words(in, c->need));
	buf_printf(b,
		   "%s would draw level with or pass %s (the smallest "
		   "single change that does, %d %s).",
		   second, first, s->steps, s->steps == 1 ? "step" : "steps");
}

void advisor_text_unknown(const struct advisor_input *in,
			  const struct advisor_ranking *k,
			  const struct advisor_unknown *u, struct buf *b)
{
	bool must = in->needs[u->need].must_have;
	buf_printf(b, "How well %s meets \u201c%s\u201d%s is not known",
		   adv_name(in, u->offering), adv_words(in, u->need),
		   must ? " (a must-have)" : "");
	if (!u->changes_first) {
		buf_puts(b, ": finding out could change the order below first "
			    "place.");
		return;
	}
	size_t now = k->n ? k->ranks[0].offering : SIZE_MAX;
	if (u->first_if_high != now)
		buf_printf(b, ": a good answer would put %s first",
			   adv_name(in, u->first_if_high));
	else if (u->first_if_low != now)
		buf_printf(b,
			   ": a poor answer would put %s first instead of %s",
			   adv_name(in, u->first_if_low), adv_name(in, now));
	else
		buf_puts(b, ": the answer could leave first place shared");
	buf_puts(b, ".");
}
