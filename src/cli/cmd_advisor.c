/*
 * cmd_advisor.c: `rapport offering add|list`, `rapport need add`,
 * `rapport fit DEAL`, `rapport fit set` and `rapport recommend` (cli
 * layer).
 *
 * `fit` prints the comparison as a table a seller can read across: one
 * row per need with each offering's score (? when not known), then the
 * ranking with the same sentences as the API and the pages, how sure it
 * is and the unknowns worth finding out. Whether an offering is ours is
 * shown and never weighed.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd_advisor.h"
#include "codec/advisor_json.h"
#include "codec/codec.h"
#include "core/advisor.h"
#include "core/validate_advisor.h"
#include "store/store_advisor.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"

#define ADV_TEXT_MAX	 8192
#define ADV_SNAPSHOT_MAX (4 * 1024 * 1024)

enum {
	O_VENDOR,
	O_NAME,
	O_OURS,
	O_THEIRS,
	O_PRICE,
	O_CURRENCY,
	O_MODEL,
	O_NOTES,
	O_LINK,
	O_COUNT
};

int cmd_offering_add(int argc, char **argv)
{
	static const struct cli_opt opts[] = {
	    {"vendor", CLI_OPT_VALUE},	    {"name", CLI_OPT_VALUE},
	    {"ours", CLI_OPT_FLAG},	    {"theirs", CLI_OPT_FLAG},
	    {"price-minor", CLI_OPT_VALUE}, {"currency", CLI_OPT_VALUE},
	    {"price-model", CLI_OPT_VALUE}, {"notes", CLI_OPT_VALUE},
	    {"link", CLI_OPT_LIST},	    {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[O_COUNT] = {{0}};
	struct offering o = {.price_model = PRICE_YEARLY};
	cli_begin(&c, "offering add");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK && (!v[O_VENDOR].seen || !v[O_NAME].seen))
		rc = cli_usage(&c, "--vendor and --name are required");
	if (rc == CLI_OK && v[O_OURS].seen == v[O_THEIRS].seen)
		rc = cli_usage(&c, "say whose it is: --ours or --theirs");
	if (rc == CLI_OK && v[O_PRICE].seen)
		rc = cli_num(&c, "--price-minor", v[O_PRICE].value, 0,
			     DEAL_MONEY_MAX, &o.price_minor);
	if (rc == CLI_OK && v[O_MODEL].seen &&
	    !price_model_parse(v[O_MODEL].value, &o.price_model))
		rc = cli_usage(&c, "--price-model: '%s' is not one of %s",
			       v[O_MODEL].value, price_model_list());
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	o.vendor = v[O_VENDOR].value;
	o.name = v[O_NAME].value;
	o.is_ours = v[O_OURS].seen;
	o.currency = v[O_CURRENCY].value;
	o.notes = v[O_NOTES].value;
	o.links = v[O_LINK].list;
	o.n_links = v[O_LINK].n;
	struct error err = {0};
	if (validate_offering(&o, &err) != R_OK ||
	    store_offering_create(c.store, &o, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_offering(&o)));
	printf("added offering %lld: %s, %s (%s)\n", (long long)o.id, o.name,
	       o.vendor, o.is_ours ? "ours" : "a competitor's");
	return cli_done(&c, CLI_OK);
}

static void adv_print_offering(const struct offering *o)
{
	struct buf b;
	buf_init(&b, 256);
	if (o->price_minor)
		advisor_text_money(o->price_minor, o->currency, &b);
	else
		buf_puts(&b, o->price_model == PRICE_QUOTE ? "on request"
							   : "price unknown");
	printf("%6lld  %-6s ", (long long)o->id,
	       o->is_ours ? "ours" : "theirs");
	cli_pad(o->vendor, 18);
	printf(" ");
	cli_pad(o->name, 24);
	printf(" %s %s\n", buf_str(&b),
	       o->price_minor ? price_model_name(o->price_model) : "");
	buf_free(&b);
}

int cmd_offering_list(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"ours", CLI_OPT_FLAG},
					      {"theirs", CLI_OPT_FLAG},
					      {"limit", CLI_OPT_VALUE},
					      {"cursor", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[4] = {{0}};
	struct store_page page = {0, 0};
	int64_t n64 = 0;
	cli_begin(&c, "offering list");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK && v[0].seen && v[1].seen)
		rc = cli_usage(&c, "give --ours or --theirs, not both");
	if (rc == CLI_OK && v[2].seen &&
	    (rc = cli_num(&c, "--limit", v[2].value, 1, STORE_LIMIT_MAX,
			  &n64)) == CLI_OK)
		page.limit = (int)n64;
	if (rc == CLI_OK && v[3].seen)
		rc = cli_num(&c, "--cursor", v[3].value, 0, INT64_MAX,
			     &page.after_id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct offering *items;
	size_t n;
	bool more;
	struct error err = {0};
	int ours = v[0].seen ? 1 : v[1].seen ? 0 : -1;
	if (store_offering_list(c.store, c.arena, ours, &page, &items, &n,
				&more, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	int64_t next = more && n ? items[n - 1].id : 0;
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, codec_offering(&items[i]));
		json_t *j = json_pack("{s:o}", "items", arr);
		json_object_set_new(j, "next_cursor",
				    next ? json_sprintf("%lld", (long long)next)
					 : json_null());
		return cli_done(&c, cli_print_json(&c, j));
	}
	if (!n)
		printf("no offerings%s\n", argc > 1 ? " match" : " yet");
	for (size_t i = 0; i < n; i++)
		adv_print_offering(&items[i]);
	if (next)
		printf("\nmore: rapport offering list --cursor %lld\n",
		       (long long)next);
	return cli_done(&c, CLI_OK);
}

int cmd_need_add(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"words", CLI_OPT_VALUE},
					      {"weight", CLI_OPT_VALUE},
					      {"must-have", CLI_OPT_FLAG},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[3] = {{0}};
	struct need n = {.weight = 3};
	int64_t w = 3;
	cli_begin(&c, "need add");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the deal's id");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &n.deal_id);
	if (rc == CLI_OK && !v[0].seen)
		rc = cli_usage(&c, "--words is required (the need as the "
				   "buyer put it)");
	if (rc == CLI_OK && v[1].seen)
		rc = cli_num(&c, "--weight", v[1].value, ADVISOR_WEIGHT_MIN,
			     ADVISOR_WEIGHT_MAX, &w);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	n.words = v[0].value;
	n.weight = (int)w;
	n.must_have = v[2].seen;
	struct error err = {0};
	if (validate_need(&n, &err) != R_OK ||
	    store_need_create(c.store, &n, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_need(&n)));
	printf("added need %lld to deal %lld: weight %d%s\n", (long long)n.id,
	       (long long)n.deal_id, n.weight,
	       n.must_have ? ", a must-have" : "");
	return cli_done(&c, CLI_OK);
}

int cmd_fit_set(int argc, char **argv)
{
	static const struct cli_opt opts[] = {
	    {"need", CLI_OPT_VALUE},   {"offering", CLI_OPT_VALUE},
	    {"score", CLI_OPT_VALUE},  {"evidence", CLI_OPT_VALUE},
	    {"unknown", CLI_OPT_FLAG}, {"source", CLI_OPT_VALUE},
	    {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[6] = {{0}};
	struct fit f = {0};
	int64_t deal = 0, score = 0;
	cli_begin(&c, "fit set");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the deal's id");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &deal);
	if (rc == CLI_OK && (!v[0].seen || !v[1].seen))
		rc = cli_usage(&c, "--need and --offering are required");
	if (rc == CLI_OK)
		rc = cli_id(&c, "--need", v[0].value, &f.need_id);
	if (rc == CLI_OK)
		rc = cli_id(&c, "--offering", v[1].value, &f.offering_id);
	if (rc == CLI_OK && v[2].seen == v[4].seen)
		rc = cli_usage(&c, "give --score N or --unknown");
	if (rc == CLI_OK && v[2].seen)
		rc = cli_num(&c, "--score", v[2].value, 0, ADVISOR_SCORE_MAX,
			     &score);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	f.has_score = v[2].seen;
	f.score = (int)score;
	f.evidence = v[3].value;
	f.source = v[5].value;
	bool created;
	struct error err = {0};
	if (validate_fit(&f, &err) != R_OK ||
	    store_fit_put(c.store, deal, &f, &created, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_fit(&f)));
	if (f.has_score)
		printf("offering %lld scores %d of 5 on need %lld\n",
		       (long long)f.offering_id, f.score, (long long)f.need_id);
	else
		printf("offering %lld on need %lld: not known yet\n",
		       (long long)f.offering_id, (long long)f.need_id);
	return cli_done(&c, CLI_OK);
}

/* ---- rapport fit DEAL ---- */

static int adv_score(const struct advisor_input *in, size_t need, size_t off)
{
	for (size_t k = 0; k < in->n_fits; k++)
		if (in->fits[k].need_id == in->needs[need].id &&
		    in->fits[k].offering_id == in->offerings[off].id)
			return in->fits[k].has_score ? in->fits[k].score : -1;
	return -1;
}

/* s cut to at most max code points, with "..." when cut (arena-owned). */
static const char *adv_cut(struct arena *a, const char *s, size_t max)
{
	size_t cp = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (cp == max)
			return arena_printf(a, "%.*s...", (int)i, s);
		cp++;
	}
	return s;
}

/* The grid: one row per need, one column per offering. */
static void adv_print_grid(struct arena *a, const struct advisor_input *in)
{
	printf("\n");
	cli_pad("need", 34);
	printf(" wt");
	for (size_t o = 0; o < in->n_offerings; o++) {
		printf("  ");
		cli_pad(adv_cut(a, in->offerings[o].name, 7), 10);
	}
	printf("\n");
	for (size_t i = 0; i < in->n_needs; i++) {
		const struct need *n = &in->needs[i];
		char head[40];
		snprintf(head, sizeof(head), "[%lld] ", (long long)n->id);
		printf("%s", head);
		int room = 34 - (int)strlen(head) - (n->must_have ? 7 : 0);
		cli_pad(adv_cut(a, n->words, (size_t)room - 3), room);
		printf("%s %2d", n->must_have ? " (must)" : "", n->weight);
		for (size_t o = 0; o < in->n_offerings; o++) {
			int s = adv_score(in, i, o);
			char cell[2] = {s < 0 ? '?' : (char)('0' + s), '\0'};
			printf("  %-10s", cell);
		}
		printf("\n");
	}
}

static void adv_print_ranking(const struct advisor_input *in,
			      const struct advisor_ranking *k)
{
	struct buf b;
	buf_init(&b, ADV_TEXT_MAX);
	printf("\nranking:\n");
	for (size_t i = 0; i < k->n; i++) {
		const struct advisor_rank *r = &k->ranks[i];
		const struct offering *o = &in->offerings[r->offering];
		double p = 0;
		printf("%2d. %s, %s (%s, id %lld): ", r->place, o->name,
		       o->vendor, o->is_ours ? "ours" : "a competitor's",
		       (long long)o->id);
		if (advisor_point(r, &p))
			printf("%.2f of 5, range %.2f-%.2f", p, advisor_min(r),
			       advisor_max(r));
		else
			printf("not known yet");
		printf("%s\n", r->fits ? "" : ", does not fit");
		advisor_text_rank(in, r, &b);
		printf("    %s\n", buf_str(&b));
		buf_reset(&b);
		advisor_text_vfm(in, r, &b);
		printf("    %s\n", buf_str(&b));
		buf_reset(&b);
	}
	advisor_text_sureness(in, k, &b);
	printf("\nsureness: %s\n", buf_str(&b));
	buf_reset(&b);
	if (k->n_unknowns)
		printf("\nunknowns worth finding out (%zu of %zu):\n",
		       k->n_unknowns, k->n_unknown_cells);
	for (size_t i = 0; i < k->n_unknowns; i++) {
		advisor_text_unknown(in, k, &k->unknowns[i], &b);
		printf("  - %s\n", buf_str(&b));
		buf_reset(&b);
	}
	buf_free(&b);
}

static void adv_print_recs(const struct recommendation *recs, size_t n)
{
	if (!n)
		return;
	printf("\nrecommendations:\n");
	for (size_t i = 0; i < n; i++) {
		const struct recommendation *r = &recs[i];
		char day[DATE_STR_MAX];
		date_format(time_local_days(r->created_at, 0), day);
		printf("  %s  %s, %s (%s): %s\n", day, r->offering_name,
		       r->vendor, r->is_ours ? "ours" : "a competitor's",
		       r->rationale);
	}
}

int cmd_fit(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "fit");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the deal's id");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct advisor_data d;
	struct recommendation *recs = NULL;
	size_t n_recs = 0;
	struct error err = {0};
	if (store_advisor_read(c.store, c.arena, id, &d, &err) != R_OK ||
	    store_recommendation_list(c.store, c.arena, id, &recs, &n_recs,
				      &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	struct advisor_input in;
	struct advisor_ranking k;
	store_advisor_input(&d, &in);
	advisor_rank(&in, c.arena, &k);
	if (c.json) {
		json_t *j = codec_advisor(&d.deal, &in, &k);
		json_t *arr = json_array();
		for (size_t i = 0; i < n_recs; i++)
			json_array_append_new(arr,
					      codec_recommendation(&recs[i]));
		json_object_set_new(j, "recommendations", arr);
		return cli_done(&c, cli_print_json(&c, j));
	}
	printf("deal %lld: %s (%s)\n", (long long)d.deal.id, d.deal.title,
	       d.deal.org_name ? d.deal.org_name : "");
	if (!in.n_needs)
		printf("\nno needs yet: rapport need add %lld --words "
		       "\"...\"\n",
		       (long long)id);
	if (!in.n_offerings)
		printf("\nno offerings compared yet: rapport fit set %lld "
		       "--need ID --offering ID --score N --evidence "
		       "\"...\"\n",
		       (long long)id);
	if (in.n_needs && in.n_offerings)
		adv_print_grid(c.arena, &in);
	if (in.n_offerings)
		adv_print_ranking(&in, &k);
	adv_print_recs(recs, n_recs);
	return cli_done(&c, CLI_OK);
}

/* ---- rapport recommend ---- */

struct adv_rec_tx {
	struct arena *a;
	struct recommendation *rec;
};

/* Ranks the deal as it stands and records the recommendation with it,
 * in one transaction. */
static enum result adv_rec_run(struct store *s, void *ctx, struct error *err)
{
	struct adv_rec_tx *t = ctx;
	struct advisor_data d;
	enum result r = store_advisor_read(s, t->a, t->rec->deal_id, &d, err);
	if (r != R_OK)
		return r;
	struct advisor_input in;
	struct advisor_ranking k;
	store_advisor_input(&d, &in);
	advisor_rank(&in, t->a, &k);
	json_t *j = codec_advisor(&d.deal, &in, &k);
	struct buf b;
	buf_init(&b, ADV_SNAPSHOT_MAX);
	bool ok = codec_write(j, &b);
	json_decref(j);
	if (!ok) {
		buf_free(&b);
		return error_set(err, R_TOO_BIG, "",
				 "the ranking is too large to keep with the "
				 "recommendation");
	}
	t->rec->ranking_json = arena_strdup(t->a, buf_str(&b));
	buf_free(&b);
	return store_recommendation_create(s, t->a, t->rec, err);
}

int cmd_recommend(int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"why", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	struct recommendation rec = {0};
	cli_begin(&c, "recommend");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc =
		    cli_want_pos(&c, 2, 2, "the deal's and the offering's ids");
	if (rc == CLI_OK)
		rc = cli_id(&c, "DEAL", c.pos[0], &rec.deal_id);
	if (rc == CLI_OK)
		rc = cli_id(&c, "OFFERING", c.pos[1], &rec.offering_id);
	if (rc == CLI_OK && !v[0].seen)
		rc = cli_usage(&c, "--why is required (why it fits the buyer "
				   "best)");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	rec.rationale = v[0].value;
	rec.created_at = cli_now();
	struct error err = {0};
	struct adv_rec_tx t = {c.arena, &rec};
	if (validate_recommendation(&rec, &err) != R_OK ||
	    store_run_tx(c.store, adv_rec_run, &t, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c,
				cli_print_json(&c, codec_recommendation(&rec)));
	printf("recommended %s, %s (%s) on deal %lld\n", rec.offering_name,
	       rec.vendor, rec.is_ours ? "ours" : "a competitor's",
	       (long long)rec.deal_id);
	if (!rec.is_ours)
		printf("if the buyer goes with it: rapport deal status %lld "
		       "no_fit --reason \"...\"\n",
		       (long long)rec.deal_id);
	return cli_done(&c, CLI_OK);
}
