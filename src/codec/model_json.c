/*
 * model_json.c: JSON encoders of the core types (codec layer).
 *
 * One function per type, writing the fields in the order of model.h. A
 * value that means "none" in the struct (NULL, 0 for ids, a false has_
 * flag) becomes JSON null, so clients see one way of saying "not set".
 * The decoders are in model_decode.c.
 */
#include "codec/codec.h"

#include <string.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/utf8.h"

/*
 * A new JSON string, or null for NULL. Text that is not valid UTF-8 (which
 * the decoders never let in, but an old database might hold) has each bad
 * byte replaced by U+FFFD rather than making the whole record fail.
 */
static json_t *codec_str(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	size_t n = strlen(s);
	struct buf b;
	buf_init(&b, n * 3 + 1);
	for (size_t i = 0; i < n;) {
		size_t len;
		if (utf8_decode((const unsigned char *)s + i, n - i, &len) < 0)
			buf_puts(&b, "\xef\xbf\xbd");
		else
			buf_add(&b, s + i, len);
		i += len;
	}
	j = json_string(buf_str(&b));
	buf_free(&b);
	return j ? j : json_string("");
}

/* A new JSON integer, or null when v is 0 (ids, cadences). */
static json_t *codec_opt_int(int64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

json_t *codec_time(int64_t secs)
{
	if (!secs)
		return json_null();
	char out[TIME_STR_MAX];
	time_format(secs, out);
	return json_string(out);
}

json_t *codec_day(bool has, int64_t days)
{
	if (!has)
		return json_null();
	char out[DATE_STR_MAX];
	date_format(days, out);
	return json_string(out);
}

json_t *codec_contact(const struct contact *c)
{
	return json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)c->id,
			 "kind", contact_kind_name(c->kind), "label",
			 codec_str(c->label), "value", codec_str(c->value));
}

json_t *codec_person(const struct person *p)
{
	json_t *tags = json_array();
	for (size_t i = 0; i < p->n_tags; i++)
		json_array_append_new(tags, json_string(p->tags[i]));
	json_t *contacts = json_array();
	for (size_t i = 0; i < p->n_contacts; i++)
		json_array_append_new(contacts, codec_contact(&p->contacts[i]));

	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)p->id));
	json_object_set_new(o, "given_name", codec_str(p->given_name));
	json_object_set_new(o, "family_name", codec_str(p->family_name));
	json_object_set_new(o, "org_id", codec_opt_int(p->org_id));
	json_object_set_new(o, "org_name", codec_str(p->org_name));
	json_object_set_new(o, "title", codec_str(p->title));
	json_object_set_new(o, "how_met", codec_str(p->how_met));
	json_object_set_new(o, "met_on", codec_day(p->has_met_on, p->met_on));
	json_object_set_new(o, "referred_by", codec_opt_int(p->referred_by));
	json_object_set_new(o, "cadence_days", codec_opt_int(p->cadence_days));
	json_object_set_new(o, "cadence_max_days",
			    codec_opt_int(p->cadence_max_days));
	json_object_set_new(o, "notes", codec_str(p->notes));
	json_object_set_new(o, "owner", codec_str(p->owner));
	json_object_set_new(o, "owner_user", codec_str(p->owner_user));
	json_object_set_new(o, "shared", json_boolean(p->shared));
	json_object_set_new(o, "tags", tags);
	json_object_set_new(o, "contacts", contacts);
	json_object_set_new(o, "last_touch", codec_time(p->last_touch));
	json_object_set_new(o, "created_at", codec_time(p->created_at));
	json_object_set_new(o, "updated_at", codec_time(p->updated_at));
	return o;
}

json_t *codec_org(const struct organization *o)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)o->id, "name", codec_str(o->name),
			 "domain", codec_str(o->domain), "industry",
			 codec_str(o->industry), "notes", codec_str(o->notes),
			 "created_at", codec_time(o->created_at), "updated_at",
			 codec_time(o->updated_at));
}

json_t *codec_fact(const struct fact *f)
{
	return json_pack("{s:I, s:I, s:s, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)f->id, "person_id",
			 (json_int_t)f->person_id, "kind",
			 fact_kind_name(f->kind), "label", codec_str(f->label),
			 "value", codec_str(f->value), "learned_on",
			 codec_day(f->has_learned_on, f->learned_on),
			 "interaction_id", codec_opt_int(f->interaction_id),
			 "created_at", codec_time(f->created_at));
}

json_t *codec_date(const struct important_date *d)
{
	return json_pack("{s:I, s:I, s:s, s:o, s:i, s:i, s:o, s:i, s:o}",
			 "id", (json_int_t)d->id, "person_id",
			 (json_int_t)d->person_id, "kind",
			 date_kind_name(d->kind), "label", codec_str(d->label),
			 "month", d->month, "day", d->day, "year",
			 codec_opt_int(d->year), "remind_days", d->remind_days,
			 "created_at", codec_time(d->created_at));
}

json_t *codec_interaction(const struct interaction *i)
{
	json_t *people = json_array();
	for (size_t k = 0; k < i->n_people; k++)
		json_array_append_new(people,
				      json_integer((json_int_t)i->people[k]));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)i->id));
	json_object_set_new(o, "kind",
			    json_string(interaction_kind_name(i->kind)));
	json_object_set_new(o, "occurred_at", codec_time(i->occurred_at));
	json_object_set_new(o, "summary", codec_str(i->summary));
	json_object_set_new(o, "notes", codec_str(i->notes));
	json_object_set_new(o, "people", people);
	json_object_set_new(o, "follow_up_on",
			    codec_day(i->has_follow_up, i->follow_up_on));
	json_object_set_new(o, "follow_up_done",
			    json_boolean(i->follow_up_done));
	json_object_set_new(o, "deal_id", codec_opt_int(i->deal_id));
	json_object_set_new(o, "created_at", codec_time(i->created_at));
	return o;
}

json_t *codec_reltype(const struct relationship_type *t)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:b}", "id", (json_int_t)t->id,
			 "name", codec_str(t->name), "label",
			 codec_str(t->label), "inverse_label",
			 codec_str(t->inverse_label), "builtin",
			 (int)t->builtin);
}

json_t *codec_relationship(const struct relationship *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)r->id));
	json_object_set_new(o, "type_id", json_integer((json_int_t)r->type_id));
	json_object_set_new(o, "type", codec_str(r->type_name));
	json_object_set_new(o, "from_id", json_integer((json_int_t)r->from_id));
	json_object_set_new(o, "from_name", codec_str(r->from_name));
	json_object_set_new(o, "label", codec_str(r->label));
	json_object_set_new(o, "to_id", json_integer((json_int_t)r->to_id));
	json_object_set_new(o, "to_name", codec_str(r->to_name));
	json_object_set_new(o, "inverse_label", codec_str(r->inverse_label));
	json_object_set_new(o, "notes", codec_str(r->notes));
	json_object_set_new(o, "created_at", codec_time(r->created_at));
	return o;
}

json_t *codec_relationship_from(const struct relationship *r,
				int64_t person_id)
{
	/* A person related to themselves reads from the "from" side. */
	bool from_side = r->from_id == person_id;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)r->id));
	json_object_set_new(o, "type_id", json_integer((json_int_t)r->type_id));
	json_object_set_new(o, "type", codec_str(r->type_name));
	json_object_set_new(o, "person_id", json_integer((json_int_t)person_id));
	json_object_set_new(
		o, "label",
		codec_str(from_side ? r->label : r->inverse_label));
	json_object_set_new(
		o, "other_id",
		json_integer((json_int_t)(from_side ? r->to_id : r->from_id)));
	json_object_set_new(o, "other_name",
			    codec_str(from_side ? r->to_name : r->from_name));
	json_object_set_new(
		o, "other_label",
		codec_str(from_side ? r->inverse_label : r->label));
	json_object_set_new(o, "direction",
			    json_string(from_side ? "from" : "to"));
	json_object_set_new(o, "notes", codec_str(r->notes));
	json_object_set_new(o, "created_at", codec_time(r->created_at));
	return o;
}

json_t *codec_tag(const struct tag *t)
{
	return json_pack("{s:o, s:o, s:o, s:I}", "name", codec_str(t->name),
			 "cadence_days", codec_opt_int(t->cadence_days),
			 "cadence_max_days", codec_opt_int(t->cadence_max_days),
			 "people", (json_int_t)t->people);
}

json_t *codec_search_hit(const struct search_hit *h)
{
	return json_pack("{s:I, s:o, s:o, s:o, s:f}", "person_id",
			 (json_int_t)h->person_id, "name", codec_str(h->name),
			 "org_name", codec_str(h->org_name), "title",
			 codec_str(h->title), "rank", h->rank);
}

static json_t *codec_today_due(const struct today_due *d)
{
	json_t *cad = json_pack("{s:i, s:i, s:o}", "ideal_days",
				d->cadence.ideal_days, "max_days",
				d->cadence.max_days, "source",
				codec_str(d->cadence.source));
	return json_pack("{s:I, s:o, s:o, s:o, s:i, s:i, s:b}", "person_id",
			 (json_int_t)d->person_id, "name", codec_str(d->name),
			 "cadence", cad, "last_touch",
			 codec_time(d->last_touch), "days_since", d->days_since,
			 "days_overdue", d->days_overdue, "past_max",
			 (int)d->past_max);
}

static json_t *codec_today_date(const struct today_date *d)
{
	json_t *o = codec_date(&d->date);
	json_object_set_new(o, "person_name", codec_str(d->person_name));
	json_object_set_new(o, "on", codec_day(true, d->on));
	json_object_set_new(o, "in_days", json_integer(d->in_days));
	json_object_set_new(o, "turns", d->turns >= 0 ? json_integer(d->turns)
						      : json_null());
	return o;
}

static json_t *codec_today_followup(const struct today_followup *f)
{
	return json_pack("{s:I, s:o, s:o, s:I, s:o, s:i}", "interaction_id",
			 (json_int_t)f->row.interaction_id, "follow_up_on",
			 codec_day(true, f->row.follow_up_on), "summary",
			 codec_str(f->row.summary), "person_id",
			 (json_int_t)f->row.person_id, "person_name",
			 codec_str(f->row.person_name), "days_late",
			 f->days_late);
}

json_t *codec_today(const struct today *t)
{
	json_t *due = json_array();
	for (size_t i = 0; i < t->n_due; i++)
		json_array_append_new(due, codec_today_due(&t->due[i]));
	json_t *dates = json_array();
	for (size_t i = 0; i < t->n_dates; i++)
		json_array_append_new(dates, codec_today_date(&t->dates[i]));
	json_t *fu = json_array();
	for (size_t i = 0; i < t->n_followups; i++)
		json_array_append_new(fu,
				      codec_today_followup(&t->followups[i]));
	json_t *totals = json_pack(
	    "{s:I, s:I, s:I, s:I}", "due", (json_int_t)t->due_total,
	    "past_max", (json_int_t)t->past_max_total, "dates",
	    (json_int_t)t->dates_total, "followups",
	    (json_int_t)t->followups_total);
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "date",
			 codec_day(true, t->local_day), "due", due, "dates",
			 dates, "followups", fu, "totals", totals);
}
