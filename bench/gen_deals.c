/*
 * gen_deals.c: the deal benchmark's data generator (bench, outside the
 * layers).
 *
 * Builds a database of deals for bench/deals.sh: organizations, people,
 * and N deals (default 20,000) spread over the last two years, each with
 * two to four stakeholders, three to five plan steps, one to four concerns
 * in every state, a few stage moves, most of them closed won, lost or
 * no_fit (some won ones rescinded), and one or two touches with an ask
 * among them. It writes through the store like any other caller, in
 * transactions of a few hundred deals, deterministically for a seed and
 * a day. The file is written to OUT.tmp and renamed when complete; OUT.meta
 * holds the range of deal ids.
 *
 * Usage: gen_deals [--deals N] [--seed N] OUT
 *        gen_deals --key [--deals N] [--seed N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/num.h"

#define GD_VERSION 1
#define GD_DEALS 20000
#define GD_ORGS 2000
#define GD_PEOPLE 8000
#define GD_BATCH 500
#define GD_SEED 20240612
#define GD_DAYS_BACK 730
#define GD_DAY 86400

struct gd {
	uint64_t rng;
	int64_t now, today;
	int n_deals;
	int64_t org_ids[GD_ORGS];
	int64_t person_ids[GD_PEOPLE];
	int done;
	int64_t first_deal, last_deal;
	struct arena *a;
};

static uint64_t gd_next(struct gd *g)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return g->rng;
}

static int gd_below(struct gd *g, int n)
{
	return (int)(gd_next(g) % (uint64_t)n);
}

static enum result gd_tx_base(struct store *s, void *ctx, struct error *err)
{
	struct gd *g = ctx;
	char name[64];
	for (int i = 0; i < GD_ORGS; i++) {
		snprintf(name, sizeof(name), "Company %d", i + 1);
		struct organization o = {.name = name};
		enum result r = store_org_create(s, &o, err);
		if (r != R_OK)
			return r;
		g->org_ids[i] = o.id;
	}
	for (int i = 0; i < GD_PEOPLE; i++) {
		snprintf(name, sizeof(name), "Buyer%d", i + 1);
		struct person p = {.given_name = name, .family_name = "Example",
				   .org_id = g->org_ids[i % GD_ORGS]};
		enum result r = store_person_create(s, &p, err);
		if (r != R_OK)
			return r;
		g->person_ids[i] = p.id;
	}
	return R_OK;
}

static const char *const gd_owners[] = {"Sam Ortiz", "Lee Park", "Ana Ruiz",
					 "Ben Ode", "Kim Lo", "Raj Iyer"};

/* One deal with everything on it, created days_ago days back. */
static enum result gd_one(struct store *s, struct gd *g, struct error *err)
{
	int org = gd_below(g, GD_ORGS);
	int days_ago = 1 + gd_below(g, GD_DAYS_BACK);
	int64_t created = g->now - (int64_t)days_ago * GD_DAY;
	bool referral = gd_below(g, 100) < 25;
	struct deal d = {.org_id = g->org_ids[org], .title = "Rollout",
			 .need = "Fewer manual steps in the weekly close",
			 .benefit = "Two days a month back for the team",
			 .value_minor = 100000 + gd_below(g, 5000000),
			 .currency = "EUR",
			 .source = referral ? SOURCE_REFERRAL
					    : (enum deal_source)(1 + gd_below(g, 3)),
			 .referred_by = referral ? g->person_ids[gd_below(
							   g, GD_PEOPLE)]
						 : 0,
			 .owner = gd_owners[gd_below(g, 6)],
			 .created_at = created};
	d.price_minor = d.value_minor;
	enum result r = store_deal_create(s, &d, err);
	int nk = 2 + gd_below(g, 3);
	int64_t ks[4] = {0};
	for (int i = 0; r == R_OK && i < nk; i++) {
		struct stakeholder k = {
			.deal_id = d.id,
			.person_id = g->person_ids[(org + i * GD_ORGS) %
						   GD_PEOPLE],
			.role = i == 0 ? ROLE_DECISION_MAKER
				       : (enum stakeholder_role)(1 + gd_below(g, 6)),
			.stance = (enum stakeholder_stance)gd_below(g, 4)};
		r = store_stakeholder_create(s, &k, err);
		ks[i] = k.id;
	}
	int ns = 3 + gd_below(g, 3);
	for (int i = 0; r == R_OK && i < ns; i++) {
		struct plan_step p = {.deal_id = d.id, .title = "Next step",
				      .side = (enum plan_side)gd_below(g, 3),
				      .has_due_on = true,
				      .due_on = g->today - days_ago + 7 * (i + 1)};
		if (gd_below(g, 100) < 60)
			p.done_at = created + (int64_t)(i + 1) * 5 * GD_DAY;
		if (p.done_at > g->now)
			p.done_at = 0;
		r = store_plan_step_create(s, &p, err);
	}
	int nc = 1 + gd_below(g, 4);
	for (int i = 0; r == R_OK && i < nc; i++) {
		struct concern c = {.deal_id = d.id,
				    .category = (enum concern_category)gd_below(
					    g, CONCERN_CATEGORY_COUNT),
				    .words = "We are not sure it fits our year",
				    .raised_by = ks[gd_below(g, nk)],
				    .raised_at = created + (int64_t)i * GD_DAY};
		r = store_concern_create(s, &c, err);
		int fate = gd_below(g, 4); /* 0 open, 1 answered, 2 resolved,
					      3 dropped */
		int64_t at = c.raised_at + 3600 * (1 + gd_below(g, 72));
		if (r == R_OK && fate >= 1 && fate <= 2 && at < g->now)
			r = store_concern_act(s, g->a, c.id, CACTION_ANSWER,
					      "We sent the figures", at, NULL,
					      err);
		if (r == R_OK && fate >= 2 && at + GD_DAY < g->now)
			r = store_concern_act(
				s, g->a, c.id,
				fate == 2 ? CACTION_RESOLVE : CACTION_DROP, NULL,
				at + GD_DAY, NULL, err);
	}
	for (int i = 1; r == R_OK && i <= gd_below(g, 4); i++)
		r = store_deal_set_stage(s, d.id, (enum deal_stage)i, NULL,
					 created + (int64_t)i * 3 * GD_DAY, err);
	int64_t who = g->person_ids[org % GD_PEOPLE];
	int nt = 1 + gd_below(g, 2);
	for (int i = 0; r == R_OK && i < nt; i++) {
		struct interaction it = {
			.kind = i == nt - 1 && gd_below(g, 2) ? INTERACTION_ASK
							     : INTERACTION_CALL,
			.occurred_at = created + (int64_t)(2 + i * 9) * GD_DAY,
			.summary = "Talked it through", .people = &who,
			.n_people = 1, .deal_id = d.id};
		if (it.occurred_at < g->now)
			r = store_interaction_create(s, &it, err);
	}
	int outcome = gd_below(g, 100);
	int64_t close_day = g->today - days_ago + 20 + gd_below(g, 40);
	if (r == R_OK && outcome < 75 && close_day < g->today) {
		enum deal_status st = outcome < 40   ? STATUS_WON
				      : outcome < 60 ? STATUS_LOST
						     : STATUS_NO_FIT;
		r = store_deal_set_status(s, d.id, st, "decided", close_day,
					  close_day * GD_DAY, err);
		if (r == R_OK && st == STATUS_WON && outcome < 5 &&
		    close_day + 10 < g->today)
			r = store_deal_set_status(s, d.id, STATUS_RESCINDED,
						  "refunded", close_day + 10,
						  (close_day + 10) * GD_DAY,
						  err);
	}
	if (r == R_OK) {
		if (!g->first_deal)
			g->first_deal = d.id;
		g->last_deal = d.id;
	}
	return r;
}

static enum result gd_tx_deals(struct store *s, void *ctx, struct error *err)
{
	struct gd *g = ctx;
	uint64_t saved = g->rng;
	int64_t first = g->first_deal;
	enum result r = R_OK;
	int end = g->done + GD_BATCH < g->n_deals ? g->done + GD_BATCH
						   : g->n_deals;
	for (int i = g->done; r == R_OK && i < end; i++)
		r = gd_one(s, g, err);
	if (r != R_OK) { /* the transaction may run again: start over */
		g->rng = saved;
		g->first_deal = first;
	}
	return r;
}

static int gd_usage(void)
{
	fprintf(stderr, "usage: gen_deals [--deals N] [--seed N] OUT\n"
			"       gen_deals --key [--deals N] [--seed N]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct gd g = {.rng = GD_SEED, .n_deals = GD_DEALS};
	const char *out = NULL;
	bool key = false;
	for (int i = 1; i < argc; i++) {
		int64_t v;
		if (strcmp(argv[i], "--key") == 0) {
			key = true;
		} else if (strcmp(argv[i], "--deals") == 0 && i + 1 < argc &&
			   num_parse_i64(argv[i + 1], 1, 10000000, &v)) {
			g.n_deals = (int)v;
			i++;
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc &&
			   num_parse_i64(argv[i + 1], 1, INT64_MAX, &v)) {
			g.rng = (uint64_t)v;
			i++;
		} else if (argv[i][0] != '-' && !out) {
			out = argv[i];
		} else {
			return gd_usage();
		}
	}
	if (key) {
		printf("v%d-s%d-d%d-%llu\n", GD_VERSION, store_schema_latest(),
		       g.n_deals, (unsigned long long)g.rng);
		return 0;
	}
	if (!out)
		return gd_usage();
	g.today = (int64_t)time(NULL) / GD_DAY;
	g.now = g.today * GD_DAY;
	g.a = arena_new();
	char tmp[4096], meta[4096];
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	snprintf(meta, sizeof(meta), "%s.meta", out);
	remove(tmp);
	struct store *s = NULL;
	struct error err = {0};
	enum result r = store_open(tmp, &s, &err);
	if (r == R_OK)
		r = store_run_tx(s, gd_tx_base, &g, &err);
	while (r == R_OK && g.done < g.n_deals) {
		r = store_run_tx(s, gd_tx_deals, &g, &err);
		if (r == R_OK)
			g.done = g.done + GD_BATCH < g.n_deals
					 ? g.done + GD_BATCH
					 : g.n_deals;
	}
	store_close(s);
	arena_free(g.a);
	if (r != R_OK) {
		fprintf(stderr, "gen_deals: %s\n", err.message);
		return 1;
	}
	FILE *f = fopen(meta, "w");
	if (!f || fprintf(f, "first_id %lld\nlast_id %lld\n",
			  (long long)g.first_deal, (long long)g.last_deal) < 0 ||
	    fclose(f) != 0 || rename(tmp, out) != 0) {
		fprintf(stderr, "gen_deals: cannot write %s\n", out);
		return 1;
	}
	return 0;
}
