/*
 * metrics.c: the outcome measures over a period and per owner (core
 * layer).
 *
 * One pass over the deals counts the period's starts, wins, losses and
 * stalls; repeat business needs every organization's first won deal, so
 * the won deals are sorted once by organization, day and id. Concerns and
 * asks find their deal (for its owner) by binary search over the deals,
 * which the store hands over sorted by id, and an ask finds the concerns
 * of its deal the same way. Medians sort the durations in scratch memory.
 */
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

#include "core/deal_rules.h"
#include "util/arena.h"

#define DAY_SECS 86400

/* The index of deal id in in->deals, or -1. */
static long metrics_find_deal(const struct metrics_input *in, int64_t id)
{
	size_t lo = 0, hi = in->n_deals;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->deals[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < in->n_deals && in->deals[lo].id == id)
		return (long)lo;
	return -1;
}

/* The concerns of deal id: *first and the count. */
static size_t metrics_concerns_of(const struct metrics_input *in, int64_t id,
				  const struct concern **first)
{
	size_t lo = 0, hi = in->n_concerns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->concerns[mid].deal_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < in->n_concerns && in->concerns[end].deal_id == id)
		end++;
	*first = in->concerns + lo;
	return end - lo;
}

/*
 * The won deals as sorted records (organization, won day, id, index into
 * the deals), so that the sort needs no state outside its arguments.
 */
struct metrics_won {
	int64_t org_id, won_on, id;
	size_t index;
};

static int metrics_cmp_won_rec(const void *pa, const void *pb)
{
	const struct metrics_won *a = pa, *b = pb;
	if (a->org_id != b->org_id)
		return a->org_id < b->org_id ? -1 : 1;
	if (a->won_on != b->won_on)
		return a->won_on < b->won_on ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Marks in repeat[i] the won deals that are not their organization's
 * first won deal. */
static bool *metrics_repeat_flags(const struct metrics_input *in,
				  struct arena *a)
{
	bool *repeat = arena_alloc(a, in->n_deals + 1);
	struct metrics_won *won =
	    arena_alloc(a, (in->n_deals + 1) * sizeof(*won));
	size_t n = 0;
	for (size_t i = 0; i < in->n_deals; i++) {
		const struct metrics_deal *d = &in->deals[i];
		if (!d->has_won_on)
			continue;
		won[n++] = (struct metrics_won){d->org_id, d->won_on, d->id, i};
	}
	qsort(won, n, sizeof(*won), metrics_cmp_won_rec);
	for (size_t i = 0; i < n; i++)
		repeat[won[i].index] = i > 0 && won[i - 1].org_id == won[i].org_id;
	return repeat;
}

static int metrics_cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

/* The median of v[0..n) (sorted here); the mean of the middle two when n
 * is even, rounded down. */
static struct metrics_median metrics_median_of(int64_t *v, size_t n)
{
	struct metrics_median m = {.count = (int64_t)n};
	if (!n)
		return m;
	qsort(v, n, sizeof(*v), metrics_cmp_i64);
	if (n % 2)
		m.seconds = v[n / 2];
	else
		m.seconds = v[n / 2 - 1] + (v[n / 2] - v[n / 2 - 1]) / 2;
	return m;
}

static bool metrics_in_days(bool has, int64_t day, int64_t from, int64_t to)
{
	return has && day >= from && day <= to;
}

/* What one pass works with: the period in seconds, the groups. */
struct metrics_pass {
	const struct metrics_input *in;
	int64_t start, end;
	const char *const *owners; /* sorted */
	size_t n_owners;
	struct metrics *out; /* [0] all, [1 + i] owners[i] */
	int *group; /* per deal: 1 + owner index, 0 none, -1 hidden */
};

/* The group of an owner: 1 + its index in the sorted owners, 0 none. */
static int metrics_group_of(const struct metrics_pass *p, const char *owner)
{
	if (!owner)
		return 0;
	size_t lo = 0, hi = p->n_owners;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->owners[mid], owner);
		if (c == 0)
			return (int)mid + 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Counts one deal into m. */
static void metrics_count_deal(struct metrics *m, const struct metrics_deal *d,
			       bool repeat, bool stalled)
{
	int64_t start = m->from_day * DAY_SECS, end = (m->to_day + 1) * DAY_SECS;
	if (d->created_at >= start && d->created_at < end) {
		m->deals_started++;
		if (d->source == SOURCE_REFERRAL)
			m->referral_share.num++;
	}
	if (metrics_in_days(d->has_won_on, d->won_on, m->from_day, m->to_day)) {
		m->won++;
		if (d->status == STATUS_RESCINDED)
			m->rescission_rate.num++;
		if (repeat)
			m->repeat_rate.num++;
	}
	bool closed = metrics_in_days(d->has_closed_on, d->closed_on,
				      m->from_day, m->to_day);
	if (closed && d->status == STATUS_LOST)
		m->lost++;
	if (closed && d->status == STATUS_NO_FIT)
		m->no_fit++;
	if (stalled)
		m->stalled++;
}

static void metrics_deals(struct metrics_pass *p, int64_t now,
			  struct arena *a)
{
	const struct metrics_input *in = p->in;
	bool *repeat = metrics_repeat_flags(in, a);
	for (size_t i = 0; i < in->n_deals; i++) {
		const struct metrics_deal *d = &in->deals[i];
		if (d->hidden) {
			p->group[i] = -1;
			continue;
		}
		struct deal_stall st;
		deal_rules_stall(d->status, d->last_activity, now,
				 p->out[0].stall_days, &st);
		int g = metrics_group_of(p, d->owner);
		p->group[i] = g;
		metrics_count_deal(&p->out[0], d, repeat[i], st.stalled);
		if (g)
			metrics_count_deal(&p->out[g], d, repeat[i],
					   st.stalled);
	}
	for (size_t g = 0; g <= p->n_owners; g++) {
		struct metrics *m = &p->out[g];
		m->referral_share.den = m->deals_started;
		m->win_rate.num = m->won;
		m->win_rate.den = m->won + m->lost;
		m->rescission_rate.den = m->won;
		m->repeat_rate.den = m->won;
	}
}

/* A duration tagged with its group, for medians per group. */
struct metrics_dur {
	int group;
	int64_t secs;
};

static int metrics_cmp_dur(const void *pa, const void *pb)
{
	const struct metrics_dur *a = pa, *b = pb;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->secs < b->secs ? -1 : a->secs > b->secs;
}

/* Fills each group's median from durations d[0..n) (group 0 gets all). */
static void metrics_medians(struct metrics_pass *p, struct metrics_dur *d,
			    size_t n, struct arena *a, bool answer)
{
	int64_t *all = arena_alloc(a, (n ? n : 1) * sizeof(*all));
	for (size_t i = 0; i < n; i++)
		all[i] = d[i].secs;
	struct metrics_median m0 = metrics_median_of(all, n);
	if (answer)
		p->out[0].time_to_answer = m0;
	else
		p->out[0].time_to_resolve = m0;
	qsort(d, n, sizeof(*d), metrics_cmp_dur);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && d[j].group == d[i].group)
			j++;
		if (d[i].group > 0) {
			for (size_t k = i; k < j; k++)
				all[k - i] = d[k].secs;
			struct metrics_median m = metrics_median_of(all, j - i);
			if (answer)
				p->out[d[i].group].time_to_answer = m;
			else
				p->out[d[i].group].time_to_resolve = m;
		}
		i = j;
	}
}

static void metrics_concerns(struct metrics_pass *p, struct arena *a)
{
	const struct metrics_input *in = p->in;
	size_t n = in->n_concerns ? in->n_concerns : 1;
	struct metrics_dur *answer = arena_alloc(a, n * sizeof(*answer));
	struct metrics_dur *resolve = arena_alloc(a, n * sizeof(*resolve));
	size_t na = 0, nr = 0;
	long di = -1;
	for (size_t i = 0; i < in->n_concerns; i++) {
		const struct concern *c = &in->concerns[i];
		if (i == 0 || c->deal_id != in->concerns[i - 1].deal_id)
			di = metrics_find_deal(in, c->deal_id);
		if (di < 0 || p->group[di] < 0)
			continue;
		int g = p->group[di];
		if (c->answered_at >= p->start && c->answered_at < p->end &&
		    c->answered_at >= c->raised_at)
			answer[na++] = (struct metrics_dur){
				g, c->answered_at - c->raised_at};
		if (c->resolved_at >= p->start && c->resolved_at < p->end &&
		    c->resolved_at >= c->raised_at)
			resolve[nr++] = (struct metrics_dur){
				g, c->resolved_at - c->raised_at};
	}
	metrics_medians(p, answer, na, a, true);
	metrics_medians(p, resolve, nr, a, false);
}

static void metrics_asks(struct metrics_pass *p)
{
	const struct metrics_input *in = p->in;
	for (size_t i = 0; i < in->n_asks; i++) {
		const struct metrics_ask *k = &in->asks[i];
		if (k->at < p->start || k->at >= p->end)
			continue;
		long di = metrics_find_deal(in, k->deal_id);
		if (di < 0 || p->group[di] < 0)
			continue;
		const struct concern *cs;
		size_t nc = metrics_concerns_of(in, k->deal_id, &cs);
		bool flagged = deal_rules_ask_flagged(cs, nc, k->at);
		int g = p->group[di];
		p->out[0].asks_flagged.den++;
		p->out[0].asks_flagged.num += flagged;
		if (g) {
			p->out[g].asks_flagged.den++;
			p->out[g].asks_flagged.num += flagged;
		}
	}
}

void metrics_compute_groups(const struct metrics_input *in,
			    const char *const *owners, size_t n_owners,
			    int64_t from_day, int64_t to_day, int64_t now,
			    int stall_days, struct arena *a,
			    struct metrics *out)
{
	if (stall_days < 1)
		stall_days = DEAL_STALL_DAYS_DEFAULT;
	for (size_t g = 0; g <= n_owners; g++)
		out[g] = (struct metrics){.from_day = from_day, .to_day = to_day,
					  .owner = g ? owners[g - 1] : NULL,
					  .stall_days = stall_days};
	struct metrics_pass p = {.in = in, .start = from_day * DAY_SECS,
				 .end = (to_day + 1) * DAY_SECS,
				 .owners = owners, .n_owners = n_owners,
				 .out = out};
	p.group = arena_alloc(a, (in->n_deals + 1) * sizeof(*p.group));
	metrics_deals(&p, now, a);
	metrics_concerns(&p, a);
	metrics_asks(&p);
}

void metrics_compute(const struct metrics_input *in, const char *owner,
		     int64_t from_day, int64_t to_day, int64_t now,
		     int stall_days, struct arena *a, struct metrics *out)
{
	struct metrics two[2];
	metrics_compute_groups(in, owner ? &owner : NULL, owner ? 1 : 0,
			       from_day, to_day, now, stall_days, a, two);
	*out = two[owner ? 1 : 0];
}

static int metrics_cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

void metrics_owners(const struct metrics_input *in, struct arena *a,
		    const char ***owners, size_t *n)
{
	const char **all = arena_alloc(a, (in->n_deals + 1) * sizeof(*all));
	size_t k = 0;
	for (size_t i = 0; i < in->n_deals; i++)
		if (in->deals[i].owner && !in->deals[i].hidden)
			all[k++] = in->deals[i].owner;
	qsort(all, k, sizeof(*all), metrics_cmp_str);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (m == 0 || strcmp(all[m - 1], all[i]) != 0)
			all[m++] = all[i];
	*owners = all;
	*n = m;
}

bool metrics_rate_value(struct metrics_rate r, double *out)
{
	if (r.den <= 0)
		return false;
	*out = (double)r.num / (double)r.den;
	return true;
}
