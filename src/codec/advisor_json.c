/*
 * advisor_json.c: JSON encoders of the honest advisor (codec layer).
 *
 * The fit reply carries numbers and the sentences that explain them
 * (core/advisor_text.c), so a client shows the same reasons the pages and
 * the command line do. Scores are on the 0-5 scale rounded to two
 * decimals; an unknown is null, never 0. The decoders are in
 * advisor_decode.c.
 */
#include "codec/advisor_json.h"

#include "codec/codec.h"
#include "core/deal.h"
#include "util/buf.h"

#define AJ_TEXT_MAX 8192

static json_t *aj_str(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	return j ? j : json_null();
}

static json_t *aj_id(int64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

/* x (>= 0) rounded to two decimals. */
static json_t *aj_num(double x)
{
	return json_real((double)(int64_t)(x * 100 + 0.5) / 100);
}

json_t *codec_offering(const struct offering *o)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)o->id));
	json_object_set_new(j, "vendor", aj_str(o->vendor));
	json_object_set_new(j, "name", aj_str(o->name));
	json_object_set_new(j, "price_minor",
			    json_integer((json_int_t)o->price_minor));
	json_object_set_new(j, "currency", aj_str(o->currency));
	json_object_set_new(j, "price_model",
			    json_string(price_model_name(o->price_model)));
	json_object_set_new(j, "notes", aj_str(o->notes));
	json_t *links = json_array();
	for (size_t i = 0; i < o->n_links; i++)
		json_array_append_new(links, aj_str(o->links[i]));
	json_object_set_new(j, "links", links);
	json_object_set_new(j, "is_ours", json_boolean(o->is_ours));
	json_object_set_new(j, "created_at", codec_time(o->created_at));
	json_object_set_new(j, "updated_at", codec_time(o->updated_at));
	return j;
}

json_t *codec_need(const struct need *n)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)n->id));
	json_object_set_new(j, "deal_id", aj_id(n->deal_id));
	json_object_set_new(j, "words", aj_str(n->words));
	json_object_set_new(j, "weight", json_integer(n->weight));
	json_object_set_new(j, "must_have", json_boolean(n->must_have));
	json_object_set_new(j, "created_at", codec_time(n->created_at));
	json_object_set_new(j, "updated_at", codec_time(n->updated_at));
	return j;
}

json_t *codec_fit(const struct fit *f)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)f->id));
	json_object_set_new(j, "need_id", aj_id(f->need_id));
	json_object_set_new(j, "offering_id", aj_id(f->offering_id));
	json_object_set_new(
	    j, "score", f->has_score ? json_integer(f->score) : json_null());
	json_object_set_new(j, "evidence", aj_str(f->evidence));
	json_object_set_new(j, "source", aj_str(f->source));
	json_object_set_new(j, "updated_at", codec_time(f->updated_at));
	return j;
}

json_t *codec_recommendation(const struct recommendation *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)r->id));
	json_object_set_new(j, "deal_id", aj_id(r->deal_id));
	json_object_set_new(j, "offering_id", aj_id(r->offering_id));
	json_object_set_new(j, "vendor", aj_str(r->vendor));
	json_object_set_new(j, "offering_name", aj_str(r->offering_name));
	json_object_set_new(j, "is_ours", json_boolean(r->is_ours));
	json_object_set_new(j, "rationale", aj_str(r->rationale));
	json_t *snap =
	    r->ranking_json ? json_loads(r->ranking_json, 0, NULL) : NULL;
	json_object_set_new(j, "ranking", snap ? snap : json_null());
	json_object_set_new(j, "created_at", codec_time(r->created_at));
	return j;
}

/* The text in b as a new JSON string; b is emptied for the next. */
static json_t *aj_text(struct buf *b)
{
	json_t *j = buf_ok(b) ? json_string(buf_str(b)) : NULL;
	buf_reset(b);
	return j ? j : json_null();
}

static const char *const aj_vfm_names[] = {
    "ok", "no_benefit", "no_price", "other_currency", "per_user", "quote"};

static json_t *aj_vfm(const struct advisor_input *in,
		      const struct advisor_rank *r, struct buf *b)
{
	json_t *j = json_object();
	bool ok = r->vfm.state == VFM_OK;
	json_object_set_new(j, "state",
			    json_string(aj_vfm_names[r->vfm.state]));
	json_object_set_new(j, "yearly_cost_minor",
			    ok ? json_integer((json_int_t)r->vfm.yearly_cost)
			       : json_null());
	json_object_set_new(j, "net_minor",
			    ok ? json_integer((json_int_t)r->vfm.net)
			       : json_null());
	json_object_set_new(j, "ratio",
			    ok ? aj_num(r->vfm.ratio) : json_null());
	advisor_text_vfm(in, r, b);
	json_object_set_new(j, "text", aj_text(b));
	return j;
}

static int aj_score(const struct advisor_input *in, size_t need, size_t off)
{
	for (size_t k = 0; k < in->n_fits; k++)
		if (in->fits[k].need_id == in->needs[need].id &&
		    in->fits[k].offering_id == in->offerings[off].id &&
		    in->fits[k].has_score)
			return in->fits[k].score;
	return -1;
}

static json_t *aj_rank(const struct advisor_input *in,
		       const struct advisor_rank *r, struct buf *b)
{
	const struct offering *o = &in->offerings[r->offering];
	json_t *j = json_object();
	double point = 0;
	bool has = advisor_point(r, &point);
	json_object_set_new(j, "place", json_integer(r->place));
	json_object_set_new(j, "offering_id", json_integer((json_int_t)o->id));
	json_object_set_new(j, "vendor", aj_str(o->vendor));
	json_object_set_new(j, "name", aj_str(o->name));
	json_object_set_new(j, "is_ours", json_boolean(o->is_ours));
	json_object_set_new(j, "fits", json_boolean(r->fits));
	json_object_set_new(j, "score", has ? aj_num(point) : json_null());
	json_object_set_new(j, "score_min", aj_num(advisor_min(r)));
	json_object_set_new(j, "score_max", aj_num(advisor_max(r)));
	json_object_set_new(j, "points", json_integer((json_int_t)r->points));
	json_object_set_new(j, "known_weight",
			    json_integer((json_int_t)r->known_weight));
	json_object_set_new(j, "total_weight",
			    json_integer((json_int_t)r->total_weight));
	json_object_set_new(j, "known_needs",
			    json_integer((json_int_t)r->n_known));
	json_object_set_new(j, "unknown_needs",
			    json_integer((json_int_t)r->n_unknown));
	json_t *failed = json_array();
	for (size_t k = 0; k < r->n_failed; k++) {
		const struct need *n = &in->needs[r->failed[k]];
		json_array_append_new(
		    failed,
		    json_pack("{s:I, s:o, s:i}", "need_id", (json_int_t)n->id,
			      "words", aj_str(n->words), "score",
			      aj_score(in, r->failed[k], r->offering)));
	}
	json_object_set_new(j, "must_haves_failed", failed);
	json_t *mu = json_array();
	for (size_t k = 0; k < r->n_must_unknown; k++)
		json_array_append_new(
		    mu,
		    json_integer((json_int_t)in->needs[r->must_unknown[k]].id));
	json_object_set_new(j, "must_haves_unknown", mu);
	json_object_set_new(j, "value_for_money", aj_vfm(in, r, b));
	advisor_text_rank(in, r, b);
	json_object_set_new(j, "reasons", aj_text(b));
	return j;
}

static json_t *aj_sureness(const struct advisor_input *in,
			   const struct advisor_ranking *k, struct buf *b)
{
	const struct advisor_sureness *s = &k->sure;
	json_t *j = json_object();
	json_object_set_new(j, "level",
			    json_string(advisor_sure_name(s->level)));
	json_object_set_new(
	    j, "steps", s->has_change ? json_integer(s->steps) : json_null());
	json_t *c = json_null();
	if (s->has_change) {
		const struct advisor_change *ch = &s->change;
		c = json_object();
		json_object_set_new(
		    c, "kind", json_string(ch->is_weight ? "weight" : "score"));
		json_object_set_new(
		    c, "need_id",
		    json_integer((json_int_t)in->needs[ch->need].id));
		json_object_set_new(
		    c, "offering_id",
		    ch->is_weight
			? json_null()
			: json_integer(
			      (json_int_t)in->offerings[ch->offering].id));
		json_object_set_new(c, "from", json_integer(ch->from));
		json_object_set_new(c, "to", json_integer(ch->to));
	}
	json_object_set_new(j, "change", c);
	advisor_text_sureness(in, k, b);
	json_object_set_new(j, "text", aj_text(b));
	return j;
}

json_t *codec_advisor(const struct deal *d, const struct advisor_input *in,
		      const struct advisor_ranking *k)
{
	struct buf b;
	buf_init(&b, AJ_TEXT_MAX);
	json_t *j = json_object();
	json_object_set_new(j, "deal_id", json_integer((json_int_t)d->id));
	json_object_set_new(j, "title", aj_str(d->title));
	json_object_set_new(j, "benefit_minor",
			    json_integer((json_int_t)in->benefit_minor));
	json_object_set_new(j, "currency", aj_str(in->currency));
	json_t *arr = json_array();
	for (size_t i = 0; i < in->n_needs; i++)
		json_array_append_new(arr, codec_need(&in->needs[i]));
	json_object_set_new(j, "needs", arr);
	arr = json_array();
	for (size_t i = 0; i < in->n_offerings; i++)
		json_array_append_new(arr, codec_offering(&in->offerings[i]));
	json_object_set_new(j, "offerings", arr);
	arr = json_array();
	for (size_t i = 0; i < in->n_fits; i++)
		json_array_append_new(arr, codec_fit(&in->fits[i]));
	json_object_set_new(j, "fits", arr);
	arr = json_array();
	for (size_t i = 0; i < k->n; i++)
		json_array_append_new(arr, aj_rank(in, &k->ranks[i], &b));
	json_object_set_new(j, "ranking", arr);
	json_object_set_new(j, "sureness", aj_sureness(in, k, &b));
	arr = json_array();
	for (size_t i = 0; i < k->n_unknowns; i++) {
		const struct advisor_unknown *u = &k->unknowns[i];
		advisor_text_unknown(in, k, u, &b);
		json_array_append_new(
		    arr,
		    json_pack("{s:I, s:I, s:b, s:o}", "need_id",
			      (json_int_t)in->needs[u->need].id, "offering_id",
			      (json_int_t)in->offerings[u->offering].id,
			      "changes_first", u->changes_first, "text",
			      aj_text(&b)));
	}
	json_object_set_new(j, "unknowns", arr);
	json_object_set_new(j, "unknown_count",
			    json_integer((json_int_t)k->n_unknown_cells));
	buf_free(&b);
	return j;
}
