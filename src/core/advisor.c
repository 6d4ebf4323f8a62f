/*
 * advisor.c: the ranking of offerings against a deal's weighted needs,
 * its sureness and the unknowns that matter (core layer). See advisor.h.
 *
 * The inputs become a small matrix (needs x offerings, a score or -1 for
 * unknown) with the weights and must-have flags beside it, so that the
 * honesty checks can change one weight or score, rank again and put it
 * back. Scores are compared as exact fractions (points x weight against
 * points x weight), never as rounded decimals, so equal scores tie
 * exactly. With at most 30 needs and 30 offerings the checks rank at most
 * a few thousand times, which is well under a millisecond each.
 */
#include "advisor.h"

#include <stdint.h>
#include <string.h>

#include "util/arena.h"

#define ADV_UNKNOWN (-1)

static const char *const price_names[PRICE_MODEL_COUNT] = {
    "one_time",		"monthly",	   "yearly",
    "per_user_monthly", "per_user_yearly", "quote"};
static const char *const sure_names[SURE_LEVEL_COUNT] = {
    "none", "tied", "fragile", "moderate", "firm"};

const char *price_model_name(enum price_model v)
{
	return (unsigned)v < PRICE_MODEL_COUNT ? price_names[v]
					       : price_names[0];
}

bool price_model_parse(const char *s, enum price_model *out)
{
	for (int i = 0; s && i < PRICE_MODEL_COUNT; i++)
		if (strcmp(price_names[i], s) == 0) {
			*out = (enum price_model)i;
			return true;
		}
	return false;
}

const char *price_model_list(void)
{
	return "one_time, monthly, yearly, per_user_monthly, "
	       "per_user_yearly, quote";
}

const char *advisor_sure_name(enum advisor_sure_level v)
{
	return (unsigned)v < SURE_LEVEL_COUNT ? sure_names[v] : sure_names[0];
}

/* The inputs as the checks change them. */
struct adv_model {
	size_t nn, no;
	int weight[ADVISOR_NEEDS_MAX];
	bool must[ADVISOR_NEEDS_MAX];
	signed char cell[ADVISOR_NEEDS_MAX * ADVISOR_OPTIONS_MAX];
};

/* What orders one offering. */
struct adv_stat {
	bool fits;
	int n_failed;
	int64_t points, known_weight;
};

static signed char *adv_cell(struct adv_model *m, size_t need, size_t off)
{
	return &m->cell[need * m->no + off];
}

static int adv_get(const struct adv_model *m, size_t need, size_t off)
{
	return m->cell[need * m->no + off];
}

static void adv_stat(const struct adv_model *m, size_t o, struct adv_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->fits = true;
	for (size_t i = 0; i < m->nn; i++) {
		int s = adv_get(m, i, o);
		if (s == ADV_UNKNOWN)
			continue;
		st->points += (int64_t)m->weight[i] * s;
		st->known_weight += m->weight[i];
		if (m->must[i] && s < ADVISOR_MUST_MIN) {
			st->fits = false;
			st->n_failed++;
		}
	}
}

/* Negative when a ranks above b, 0 when they are level. */
static int adv_cmp(const struct adv_stat *a, const struct adv_stat *b)
{
	if (a->fits != b->fits)
		return a->fits ? -1 : 1;
	if (!a->fits && a->n_failed != b->n_failed)
		return a->n_failed < b->n_failed ? -1 : 1;
	bool ha = a->known_weight > 0, hb = b->known_weight > 0;
	if (ha != hb)
		return ha ? -1 : 1;
	if (!ha)
		return 0;
	int64_t l = a->points * b->known_weight;
	int64_t r = b->points * a->known_weight;
	if (l != r)
		return l > r ? -1 : 1;
	return 0;
}

/* The listing order: the ranking, then better known, then input order. */
static bool adv_before(const struct adv_stat *st, size_t a, size_t b)
{
	int c = adv_cmp(&st[a], &st[b]);
	if (c)
		return c < 0;
	if (st[a].known_weight != st[b].known_weight)
		return st[a].known_weight > st[b].known_weight;
	return a < b;
}

/* Fills order[] (offering indexes, best first) and place[] (by
 * position in order). */
static void adv_order(const struct adv_model *m, size_t *order, int *place)
{
	struct adv_stat st[ADVISOR_OPTIONS_MAX];
	for (size_t o = 0; o < m->no; o++) {
		adv_stat(m, o, &st[o]);
		order[o] = o;
	}
	for (size_t i = 1; i < m->no; i++) { /* insertion sort: n <= 30 */
		size_t v = order[i], j = i;
		while (j > 0 && adv_before(st, v, order[j - 1])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
	for (size_t i = 0; i < m->no; i++)
		place[i] =
		    i > 0 && adv_cmp(&st[order[i]], &st[order[i - 1]]) == 0
			? place[i - 1]
			: (int)i + 1;
}

static size_t adv_find_need(const struct advisor_input *in, int64_t id)
{
	for (size_t i = 0; i < in->n_needs; i++)
		if (in->needs[i].id == id)
			return i;
	return SIZE_MAX;
}

static size_t adv_find_offering(const struct advisor_input *in, int64_t id)
{
	for (size_t i = 0; i < in->n_offerings; i++)
		if (in->offerings[i].id == id)
			return i;
	return SIZE_MAX;
}

static void adv_build(const struct advisor_input *in, struct adv_model *m)
{
	memset(m, 0, sizeof(*m));
	m->nn =
	    in->n_needs < ADVISOR_NEEDS_MAX ? in->n_needs : ADVISOR_NEEDS_MAX;
	m->no = in->n_offerings < ADVISOR_OPTIONS_MAX ? in->n_offerings
						      : ADVISOR_OPTIONS_MAX;
	for (size_t i = 0; i < m->nn; i++) {
		m->weight[i] = in->needs[i].weight;
		m->must[i] = in->needs[i].must_have;
	}
	memset(m->cell, ADV_UNKNOWN, sizeof(m->cell));
	for (size_t k = 0; k < in->n_fits; k++) {
		const struct fit *f = &in->fits[k];
		size_t i = adv_find_need(in, f->need_id);
		size_t o = adv_find_offering(in, f->offering_id);
		if (i >= m->nn || o >= m->no || !f->has_score || f->score < 0 ||
		    f->score > ADVISOR_SCORE_MAX)
			continue;
		*adv_cell(m, i, o) = (signed char)f->score;
	}
}

static bool adv_same_currency(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void adv_vfm(const struct advisor_input *in, const struct offering *of,
		    struct advisor_vfm *v)
{
	memset(v, 0, sizeof(*v));
	int64_t p = of->price_minor;
	if (in->benefit_minor <= 0)
		v->state = VFM_NO_BENEFIT;
	else if (of->price_model == PRICE_QUOTE)
		v->state = VFM_QUOTE;
	else if (p <= 0)
		v->state = VFM_NO_PRICE;
	else if (!adv_same_currency(of->currency, in->currency))
		v->state = VFM_OTHER_CURRENCY;
	else if (of->price_model == PRICE_PER_USER_MONTHLY ||
		 of->price_model == PRICE_PER_USER_YEARLY)
		v->state = VFM_PER_USER;
	else
		v->state = VFM_OK;
	if (v->state != VFM_OK)
		return;
	v->yearly_cost = of->price_model == PRICE_MONTHLY ? p * 12 : p;
	v->net = in->benefit_minor - v->yearly_cost;
	v->ratio = (double)in->benefit_minor / (double)v->yearly_cost;
}

static void adv_fill_rank(const struct advisor_input *in,
			  const struct adv_model *m, size_t o, struct arena *a,
			  struct advisor_rank *r)
{
	memset(r, 0, sizeof(*r));
	r->offering = o;
	r->fits = true;
	r->failed = arena_alloc(a, sizeof(size_t) * (m->nn + 1));
	r->must_unknown = arena_alloc(a, sizeof(size_t) * (m->nn + 1));
	for (size_t i = 0; i < m->nn; i++) {
		int s = adv_get(m, i, o);
		r->total_weight += m->weight[i];
		if (s == ADV_UNKNOWN) {
			r->n_unknown++;
			if (m->must[i])
				r->must_unknown[r->n_must_unknown++] = i;
			continue;
		}
		r->n_known++;
		r->points += (int64_t)m->weight[i] * s;
		r->known_weight += m->weight[i];
		if (m->must[i] && s < ADVISOR_MUST_MIN) {
			r->fits = false;
			r->failed[r->n_failed++] = i;
		}
	}
	adv_vfm(in, &in->offerings[o], &r->vfm);
}

/* True when second ranks level with or above first under m. */
static bool adv_levels(const struct adv_model *m, size_t first, size_t second)
{
	struct adv_stat a, b;
	adv_stat(m, first, &a);
	adv_stat(m, second, &b);
	return adv_cmp(&b, &a) <= 0;
}

/* Keeps c as the best change so far when it is smaller. */
static void adv_try(struct advisor_sureness *s, const struct advisor_change *c)
{
	int steps = c->to > c->from ? c->to - c->from : c->from - c->to;
	if (s->has_change && steps >= s->steps)
		return;
	s->has_change = true;
	s->change = *c;
	s->steps = steps;
}

static void adv_sureness(struct adv_model *m, size_t first, size_t second,
			 struct advisor_sureness *s)
{
	memset(s, 0, sizeof(*s));
	if (adv_levels(m, first, second)) {
		s->level = SURE_TIED;
		return;
	}
	for (size_t i = 0; i < m->nn; i++) {
		int w = m->weight[i];
		for (int v = ADVISOR_WEIGHT_MIN; v <= ADVISOR_WEIGHT_MAX; v++) {
			if (v == w)
				continue;
			m->weight[i] = v;
			if (adv_levels(m, first, second))
				adv_try(s, &(struct advisor_change){.is_weight =
									true,
								    .need = i,
								    .from = w,
								    .to = v});
			m->weight[i] = w;
		}
		size_t pair[2] = {first, second};
		for (int k = 0; k < 2; k++) {
			signed char *c = adv_cell(m, i, pair[k]);
			int old = *c;
			if (old == ADV_UNKNOWN)
				continue;
			for (int v = 0; v <= ADVISOR_SCORE_MAX; v++) {
				if (v == old)
					continue;
				*c = (signed char)v;
				if (adv_levels(m, first, second))
					adv_try(s, &(struct advisor_change){
						       .need = i,
						       .offering = pair[k],
						       .from = old,
						       .to = v});
			}
			*c = (signed char)old;
		}
	}
	if (!s->has_change || s->steps >= 3)
		s->level = SURE_FIRM;
	else
		s->level = s->steps == 1 ? SURE_FRAGILE : SURE_MODERATE;
}

/* Who holds first place: the first offering, and whether the second
 * shares it. */
struct adv_top {
	size_t first;
	bool shared;
};

static struct adv_top adv_top_of(const struct adv_model *m)
{
	size_t order[ADVISOR_OPTIONS_MAX];
	int place[ADVISOR_OPTIONS_MAX];
	if (!m->no)
		return (struct adv_top){SIZE_MAX, false};
	adv_order(m, order, place);
	return (struct adv_top){order[0], m->no > 1 && place[1] == 1};
}

static bool adv_same_order(const struct adv_model *m, const size_t *order,
			   const int *place)
{
	size_t o2[ADVISOR_OPTIONS_MAX];
	int p2[ADVISOR_OPTIONS_MAX];
	adv_order(m, o2, p2);
	for (size_t i = 0; i < m->no; i++)
		if (o2[i] != order[i] || p2[i] != place[i])
			return false;
	return true;
}

/* Negative when unknown a matters more than b. */
static int adv_unknown_cmp(const struct adv_model *m,
			   const struct advisor_unknown *a,
			   const struct advisor_unknown *b)
{
	if (a->changes_first != b->changes_first)
		return a->changes_first ? -1 : 1;
	if (m->must[a->need] != m->must[b->need])
		return m->must[a->need] ? -1 : 1;
	if (m->weight[a->need] != m->weight[b->need])
		return m->weight[a->need] > m->weight[b->need] ? -1 : 1;
	if (a->need != b->need)
		return a->need < b->need ? -1 : 1;
	return a->offering < b->offering ? -1 : a->offering > b->offering;
}

static void adv_unknowns(struct adv_model *m, const size_t *order,
			 const int *place, struct arena *a,
			 struct advisor_ranking *out)
{
	struct adv_top now = adv_top_of(m);
	size_t cap = m->nn * m->no + 1;
	out->unknowns = arena_alloc(a, sizeof(*out->unknowns) * cap);
	for (size_t i = 0; i < m->nn; i++)
		for (size_t o = 0; o < m->no; o++) {
			signed char *c = adv_cell(m, i, o);
			if (*c != ADV_UNKNOWN)
				continue;
			out->n_unknown_cells++;
			*c = 0;
			bool same_low = adv_same_order(m, order, place);
			struct adv_top low = adv_top_of(m);
			*c = ADVISOR_SCORE_MAX;
			bool same_high = adv_same_order(m, order, place);
			struct adv_top high = adv_top_of(m);
			*c = ADV_UNKNOWN;
			if (same_low && same_high)
				continue;
			struct advisor_unknown u = {.need = i,
						    .offering = o,
						    .first_if_low = low.first,
						    .first_if_high =
							high.first};
			u.changes_first = low.first != now.first ||
					  low.shared != now.shared ||
					  high.first != now.first ||
					  high.shared != now.shared;
			size_t j = out->n_unknowns++;
			while (j > 0 && adv_unknown_cmp(
					    m, &u, &out->unknowns[j - 1]) < 0) {
				out->unknowns[j] = out->unknowns[j - 1];
				j--;
			}
			out->unknowns[j] = u;
		}
}

void advisor_rank(const struct advisor_input *in, struct arena *a,
		  struct advisor_ranking *out)
{
	memset(out, 0, sizeof(*out));
	struct adv_model *m = arena_alloc(a, sizeof(*m));
	adv_build(in, m);
	size_t order[ADVISOR_OPTIONS_MAX];
	int place[ADVISOR_OPTIONS_MAX];
	adv_order(m, order, place);
	out->n = m->no;
	out->ranks = arena_alloc(a, sizeof(*out->ranks) * (m->no + 1));
	for (size_t k = 0; k < m->no; k++) {
		adv_fill_rank(in, m, order[k], a, &out->ranks[k]);
		out->ranks[k].place = place[k];
	}
	if (m->no >= 2)
		adv_sureness(m, order[0], order[1], &out->sure);
	else
		out->sure.level = SURE_NONE;
	adv_unknowns(m, order, place, a, out);
}

bool advisor_point(const struct advisor_rank *r, double *out)
{
	if (r->known_weight <= 0)
		return false;
	*out = (double)r->points / (double)r->known_weight;
	return true;
}

double advisor_min(const struct advisor_rank *r)
{
	if (r->total_weight <= 0)
		return 0;
	return (double)r->points / (double)r->total_weight;
}

double advisor_max(const struct advisor_rank *r)
{
	if (r->total_weight <= 0)
		return 0;
	int64_t unknown = r->total_weight - r->known_weight;
	return (double)(r->points + ADVISOR_SCORE_MAX * unknown) /
	       (double)r->total_weight;
}
