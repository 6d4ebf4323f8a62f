/*
 * deal_json.c: JSON encoders of the deal side (codec layer).
 *
 * One function per type, fields in the order of core/deal.h; "none"
 * (NULL, id 0, time 0, a false has_ flag) is null, as in model_json.c.
 * The decoders are in deal_decode.c.
 */
#include "codec/deal_json.h"

#include "codec/codec.h"

/* A new JSON string, or null for NULL (or for text jansson refuses,
 * which validation keeps out). */
static json_t *dj_str(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	return j ? j : json_null();
}

static json_t *dj_id(int64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

json_t *codec_deal(const struct deal *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)d->id));
	json_object_set_new(o, "org_id", dj_id(d->org_id));
	json_object_set_new(o, "org_name", dj_str(d->org_name));
	json_object_set_new(o, "title", dj_str(d->title));
	json_object_set_new(o, "need", dj_str(d->need));
	json_object_set_new(o, "benefit", dj_str(d->benefit));
	json_object_set_new(o, "value_minor",
			    json_integer((json_int_t)d->value_minor));
	json_object_set_new(o, "price_minor",
			    json_integer((json_int_t)d->price_minor));
	json_object_set_new(o, "currency", dj_str(d->currency));
	json_object_set_new(o, "stage", json_string(deal_stage_name(d->stage)));
	json_object_set_new(o, "status",
			    json_string(deal_status_name(d->status)));
	json_object_set_new(o, "source",
			    json_string(deal_source_name(d->source)));
	json_object_set_new(o, "referred_by", dj_id(d->referred_by));
	json_object_set_new(o, "referred_by_name", dj_str(d->referred_by_name));
	json_object_set_new(o, "owner", dj_str(d->owner));
	json_object_set_new(o, "owner_user", dj_str(d->owner_user));
	json_object_set_new(o, "shared", json_boolean(d->shared));
	json_object_set_new(o, "won_on", codec_day(d->has_won_on, d->won_on));
	json_object_set_new(o, "closed_on",
			    codec_day(d->has_closed_on, d->closed_on));
	json_object_set_new(o, "status_reason", dj_str(d->status_reason));
	json_object_set_new(o, "repeat", json_boolean(d->repeat));
	json_object_set_new(o, "created_at", codec_time(d->created_at));
	json_object_set_new(o, "updated_at", codec_time(d->updated_at));
	return o;
}

json_t *codec_deal_event(const struct deal_event *e)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)e->id));
	json_object_set_new(o, "kind",
			    json_string(deal_event_kind_name(e->kind)));
	json_object_set_new(o, "from", dj_str(e->from));
	json_object_set_new(o, "to", dj_str(e->to));
	json_object_set_new(o, "reason", dj_str(e->reason));
	json_object_set_new(o, "at", codec_time(e->at));
	return o;
}

json_t *codec_stakeholder(const struct stakeholder *k)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)k->id));
	json_object_set_new(o, "deal_id", dj_id(k->deal_id));
	json_object_set_new(o, "person_id", dj_id(k->person_id));
	json_object_set_new(o, "person_name", dj_str(k->person_name));
	json_object_set_new(o, "role",
			    json_string(stakeholder_role_name(k->role)));
	json_object_set_new(o, "stance",
			    json_string(stakeholder_stance_name(k->stance)));
	json_object_set_new(o, "notes", dj_str(k->notes));
	json_object_set_new(o, "created_at", codec_time(k->created_at));
	return o;
}

json_t *codec_plan_step(const struct plan_step *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)p->id));
	json_object_set_new(o, "deal_id", dj_id(p->deal_id));
	json_object_set_new(o, "title", dj_str(p->title));
	json_object_set_new(o, "side", json_string(plan_side_name(p->side)));
	json_object_set_new(o, "owner_person_id", dj_id(p->owner_person_id));
	json_object_set_new(o, "owner_person_name",
			    dj_str(p->owner_person_name));
	json_object_set_new(o, "due_on", codec_day(p->has_due_on, p->due_on));
	json_object_set_new(o, "done", json_boolean(p->done_at != 0));
	json_object_set_new(o, "done_at", codec_time(p->done_at));
	json_object_set_new(o, "position", json_integer(p->position));
	json_object_set_new(o, "created_at", codec_time(p->created_at));
	return o;
}

json_t *codec_concern(const struct concern *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)c->id));
	json_object_set_new(o, "deal_id", dj_id(c->deal_id));
	json_object_set_new(o, "category",
			    json_string(concern_category_name(c->category)));
	json_object_set_new(o, "words", dj_str(c->words));
	json_object_set_new(o, "raised_by", dj_id(c->raised_by));
	json_object_set_new(o, "raised_by_name", dj_str(c->raised_by_name));
	json_object_set_new(o, "status",
			    json_string(concern_status_name(c->status)));
	json_object_set_new(o, "source",
			    json_string(concern_source_name(c->source)));
	json_object_set_new(o, "answer", dj_str(c->answer));
	json_object_set_new(o, "reason", dj_str(c->close_reason));
	json_object_set_new(o, "raised_at", codec_time(c->raised_at));
	json_object_set_new(o, "answered_at", codec_time(c->answered_at));
	json_object_set_new(o, "resolved_at", codec_time(c->resolved_at));
	json_object_set_new(o, "dropped_at", codec_time(c->dropped_at));
	json_object_set_new(o, "reopened_at", codec_time(c->reopened_at));
	json_object_set_new(o, "reopen_count", json_integer(c->reopen_count));
	return o;
}

json_t *codec_deal_readiness(const struct deal_readiness *r)
{
	json_t *missing = json_array();
	for (size_t i = 0; i < r->n_missing; i++)
		json_array_append_new(missing, dj_str(r->missing[i]));
	json_t *o = json_object();
	json_object_set_new(o, "ready", json_boolean(r->ready));
	json_object_set_new(o, "missing", missing);
	json_object_set_new(o, "open_concerns", json_integer(r->open_concerns));
	json_object_set_new(o, "answered_concerns",
			    json_integer(r->answered_concerns));
	json_object_set_new(o, "has_decision_maker",
			    json_boolean(r->has_decision_maker));
	json_object_set_new(o, "overdue_buyer_steps",
			    json_integer(r->overdue_buyer_steps));
	return o;
}

json_t *codec_deal_stall(const struct deal_stall *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "stalled", json_boolean(s->stalled));
	json_object_set_new(o, "since", codec_time(s->since));
	json_object_set_new(o, "days_quiet",
			    json_integer((json_int_t)s->days_quiet));
	json_object_set_new(o, "threshold_days",
			    json_integer(s->threshold_days));
	return o;
}

/* The asks on a deal: {"count", "flagged", "items": [...]}. */
static json_t *dj_asks(const struct deal_full *f)
{
	json_t *items = json_array();
	int flagged = 0;
	for (size_t i = 0; i < f->n_asks; i++) {
		const struct deal_ask *k = &f->asks[i];
		flagged += k->flagged;
		json_array_append_new(
			items,
			json_pack("{s:I, s:o, s:b}", "interaction_id",
				  (json_int_t)k->interaction_id, "at",
				  codec_time(k->at), "flagged",
				  (int)k->flagged));
	}
	return json_pack("{s:I, s:i, s:o}", "count", (json_int_t)f->n_asks,
			 "flagged", flagged, "items", items);
}

json_t *codec_deal_full(const struct deal_full *f,
			const struct deal_readiness *r,
			const struct deal_stall *s)
{
	json_t *o = codec_deal(&f->deal);
	json_t *arr = json_array();
	for (size_t i = 0; i < f->n_stakeholders; i++)
		json_array_append_new(arr,
				      codec_stakeholder(&f->stakeholders[i]));
	json_object_set_new(o, "stakeholders", arr);
	arr = json_array();
	for (size_t i = 0; i < f->n_steps; i++)
		json_array_append_new(arr, codec_plan_step(&f->steps[i]));
	json_object_set_new(o, "plan", arr);
	arr = json_array();
	for (size_t i = 0; i < f->n_concerns; i++)
		json_array_append_new(arr, codec_concern(&f->concerns[i]));
	json_object_set_new(o, "concerns", arr);
	arr = json_array();
	for (size_t i = 0; i < f->n_events; i++)
		json_array_append_new(arr, codec_deal_event(&f->events[i]));
	json_object_set_new(o, "events", arr);
	json_object_set_new(o, "asks", dj_asks(f));
	json_object_set_new(o, "last_interaction",
			    codec_time(f->last_interaction));
	json_object_set_new(o, "readiness", codec_deal_readiness(r));
	json_object_set_new(o, "stall", codec_deal_stall(s));
	return o;
}

/* {"value": num/den or null, "num", "den"}. */
static json_t *dj_rate(struct metrics_rate r)
{
	double v;
	json_t *value =
		metrics_rate_value(r, &v) ? json_real(v) : json_null();
	return json_pack("{s:o, s:I, s:I}", "value", value, "num",
			 (json_int_t)r.num, "den", (json_int_t)r.den);
}

/* {"seconds": median or null, "days": the same in days, "count"}. */
static json_t *dj_median(struct metrics_median m)
{
	if (!m.count)
		return json_pack("{s:n, s:n, s:I}", "seconds", "days", "count",
				 (json_int_t)0);
	return json_pack("{s:I, s:f, s:I}", "seconds", (json_int_t)m.seconds,
			 "days", (double)m.seconds / 86400.0, "count",
			 (json_int_t)m.count);
}

json_t *codec_metrics(const struct metrics *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "from", codec_day(true, m->from_day));
	json_object_set_new(o, "to", codec_day(true, m->to_day));
	json_object_set_new(o, "owner", dj_str(m->owner));
	json_object_set_new(o, "deals_started",
			    json_integer((json_int_t)m->deals_started));
	json_object_set_new(o, "won", json_integer((json_int_t)m->won));
	json_object_set_new(o, "lost", json_integer((json_int_t)m->lost));
	json_object_set_new(o, "no_fit", json_integer((json_int_t)m->no_fit));
	json_object_set_new(o, "win_rate", dj_rate(m->win_rate));
	json_object_set_new(o, "rescission_rate", dj_rate(m->rescission_rate));
	json_object_set_new(o, "repeat_business_rate", dj_rate(m->repeat_rate));
	json_object_set_new(o, "referral_share", dj_rate(m->referral_share));
	json_object_set_new(o, "time_to_answer", dj_median(m->time_to_answer));
	json_object_set_new(o, "time_to_resolve",
			    dj_median(m->time_to_resolve));
	json_object_set_new(o, "asks_with_open_concerns",
			    dj_rate(m->asks_flagged));
	json_object_set_new(o, "stalled_deals",
			    json_integer((json_int_t)m->stalled));
	json_object_set_new(o, "stall_days", json_integer(m->stall_days));
	return o;
}
