/*
 * cmd_people_show.c: `rapport people show ID` (cli layer).
 *
 * Everything about one person on one screen: who they are and how to reach
 * them, their facts (family and passions first: those are what a seller
 * who knows people as people asks about), their dates with the next time
 * each comes round, their relationships seen from their side, their recent
 * touches, and when they are next due by their keep-in-touch cadence.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "core/today.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"

#define SHOW_TOUCHES 10

/* The order facts are shown in, and the heading of each kind. */
static const struct {
	enum fact_kind kind;
	const char *heading;
} show_fact_order[] = {
    {FACT_FAMILY, "Family"},
    {FACT_PASSION, "Passions"},
    {FACT_LIKE, "Likes"},
    {FACT_DISLIKE, "Dislikes"},
    {FACT_FOOD, "Food"},
    {FACT_PET, "Pets"},
    {FACT_MILESTONE, "Milestones"},
    {FACT_OTHER, "Other"},
};

/* Everything read for the page. */
struct show {
	struct person p;
	const char *referrer; /* name of referred_by, or NULL */
	struct fact *facts;
	size_t n_facts;
	struct important_date *dates;
	size_t n_dates;
	struct relationship *rels;
	size_t n_rels;
	struct interaction *touches;
	size_t n_touches;
	struct cadence cad;
	int64_t today;
	int64_t due_on; /* day the next touch is due; valid if cad.ideal_days */
};

/* The person's cadence: their own, else the shortest of their tags'. */
static enum result show_cadence(struct cli_ctx *c, struct show *s,
				struct error *err)
{
	struct cadence_row row = {0};
	row.person_id = s->p.id;
	row.own_days = s->p.cadence_days;
	row.own_max_days = s->p.cadence_max_days;
	struct tag *tags;
	size_t n;
	enum result r = store_tag_list(c->store, c->arena, &tags, &n, err);
	if (r != R_OK)
		return r;
	for (size_t i = 0; i < s->p.n_tags; i++)
		for (size_t k = 0; k < n; k++) {
			const struct tag *t = &tags[k];
			if (strcmp(t->name, s->p.tags[i]) != 0 ||
			    t->cadence_days <= 0)
				continue;
			if (!row.tag_days || t->cadence_days < row.tag_days) {
				row.tag_days = t->cadence_days;
				row.tag_max_days = t->cadence_max_days;
				row.tag = t->name;
			}
		}
	s->cad = cadence_resolve(&row);
	int64_t now = cli_now();
	int64_t from = s->p.last_touch ? s->p.last_touch : s->p.created_at;
	s->due_on =
	    time_local_days(from, cli_utc_offset(now)) + s->cad.ideal_days;
	return R_OK;
}

static enum result show_read(struct cli_ctx *c, int64_t id, struct show *s,
			     struct error *err)
{
	enum result r;
	memset(s, 0, sizeof(*s));
	s->today = cli_today();
	if ((r = store_person_get(c->store, c->arena, id, &s->p, err)) != R_OK)
		return r;
	if (s->p.referred_by) {
		struct person ref;
		struct error ignored = {0};
		if (store_person_get(c->store, c->arena, s->p.referred_by, &ref,
				     &ignored) == R_OK)
			s->referrer =
			    cli_name(c->arena, ref.given_name, ref.family_name);
	}
	struct store_page page = {0, SHOW_TOUCHES};
	bool more;
	if ((r = store_fact_list(c->store, c->arena, id, &s->facts, &s->n_facts,
				 err)) != R_OK ||
	    (r = store_date_list(c->store, c->arena, id, &s->dates, &s->n_dates,
				 err)) != R_OK ||
	    (r = store_relationship_list(c->store, c->arena, id, &s->rels,
					 &s->n_rels, err)) != R_OK ||
	    (r = store_interaction_list(c->store, c->arena, id, &page,
					&s->touches, &s->n_touches, &more,
					err)) != R_OK)
		return r;
	return show_cadence(c, s, err);
}

/* Next occurrence of a date and the age or years it marks (-1: unknown). */
static int64_t show_next(const struct show *s, const struct important_date *d,
			 int *turns)
{
	int64_t on = today_next_occurrence(d->month, d->day, s->today);
	int y, m, dd;
	date_from_days(on, &y, &m, &dd);
	*turns = d->year ? y - d->year : -1;
	return on;
}

static json_t *show_json(const struct show *s)
{
	json_t *facts = json_array(), *dates = json_array();
	json_t *rels = json_array(), *touches = json_array();
	for (size_t i = 0; i < s->n_facts; i++)
		json_array_append_new(facts, codec_fact(&s->facts[i]));
	for (size_t i = 0; i < s->n_dates; i++) {
		int turns;
		int64_t on = show_next(s, &s->dates[i], &turns);
		json_t *d = codec_date(&s->dates[i]);
		json_object_set_new(d, "next", codec_day(true, on));
		json_object_set_new(d, "in_days", json_integer(on - s->today));
		json_object_set_new(
		    d, "turns", turns >= 0 ? json_integer(turns) : json_null());
		json_array_append_new(dates, d);
	}
	for (size_t i = 0; i < s->n_rels; i++)
		json_array_append_new(
		    rels, codec_relationship_from(&s->rels[i], s->p.id));
	for (size_t i = 0; i < s->n_touches; i++)
		json_array_append_new(touches,
				      codec_interaction(&s->touches[i]));
	json_t *cad = json_null();
	if (s->cad.ideal_days > 0) {
		int64_t late = s->today - s->due_on;
		cad = json_pack("{s:i,s:i,s:s,s:o,s:I}", "ideal_days",
				s->cad.ideal_days, "max_days", s->cad.max_days,
				"source", s->cad.source ? s->cad.source : "own",
				"due_on", codec_day(true, s->due_on),
				"days_overdue",
				(json_int_t)(late > 0 ? late : 0));
	}
	return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "person",
			 codec_person(&s->p), "referred_by_name",
			 s->referrer ? json_string(s->referrer) : json_null(),
			 "facts", facts, "dates", dates, "relationships", rels,
			 "recent_interactions", touches, "cadence", cad);
}

static void show_header(struct cli_ctx *c, const struct show *s)
{
	const struct person *p = &s->p;
	printf("%s (#%lld)\n",
	       cli_name(c->arena, p->given_name, p->family_name),
	       (long long)p->id);
	if (p->title || p->org_name)
		printf("  %s%s%s\n", p->title ? p->title : "",
		       p->title && p->org_name ? ", " : "",
		       p->org_name ? p->org_name : "");
	for (size_t i = 0; i < p->n_contacts; i++)
		printf("  %-12s %s%s%s%s\n",
		       contact_kind_name(p->contacts[i].kind),
		       p->contacts[i].value, p->contacts[i].label ? " (" : "",
		       p->contacts[i].label ? p->contacts[i].label : "",
		       p->contacts[i].label ? ")" : "");
	if (p->n_tags) {
		printf("  %-12s ", "tags");
		for (size_t i = 0; i < p->n_tags; i++)
			printf("%s%s", i ? ", " : "", p->tags[i]);
		printf("\n");
	}
	if (p->how_met || p->has_met_on) {
		char d[DATE_STR_MAX] = "";
		if (p->has_met_on)
			date_format(p->met_on, d);
		printf("  %-12s %s%s%s\n", "met", d,
		       p->has_met_on && p->how_met ? ", " : "",
		       p->how_met ? p->how_met : "");
	}
	if (p->referred_by)
		printf("  %-12s %s (#%lld)\n", "referred by",
		       s->referrer ? s->referrer : "?",
		       (long long)p->referred_by);
}

static void show_cadence_line(struct cli_ctx *c, const struct show *s)
{
	printf("\nKeep in touch\n");
	if (s->cad.ideal_days <= 0) {
		printf("  no cadence (set one with --cadence, or a tag that "
		       "has one)\n");
		return;
	}
	printf("  every %d days, at most %d (%s%s)\n", s->cad.ideal_days,
	       s->cad.max_days,
	       s->cad.source && strcmp(s->cad.source, "own") ? "from tag " : "",
	       s->cad.source ? s->cad.source : "own");
	int32_t off = cli_utc_offset(cli_now());
	if (s->p.last_touch) {
		int64_t d = time_local_days(s->p.last_touch, off);
		char day[DATE_STR_MAX];
		date_format(d, day);
		printf("  last touch %s (%s)\n", day,
		       cli_days_words(c->arena, d - s->today));
	} else {
		printf("  never touched yet\n");
	}
	char due[DATE_STR_MAX];
	date_format(s->due_on, due);
	int64_t delta = s->due_on - s->today;
	if (delta > 0)
		printf("  next touch due %s (%s)\n", due,
		       cli_days_words(c->arena, delta));
	else if (delta == 0)
		printf("  due today\n");
	else
		printf("  overdue by %lld days (due %s)\n", (long long)-delta,
		       due);
}

static void show_facts(const struct show *s)
{
	for (size_t k = 0;
	     k < sizeof(show_fact_order) / sizeof(show_fact_order[0]); k++) {
		bool head = false;
		for (size_t i = 0; i < s->n_facts; i++) {
			const struct fact *f = &s->facts[i];
			if (f->kind != show_fact_order[k].kind)
				continue;
			if (!head)
				printf("\n%s\n", show_fact_order[k].heading);
			head = true;
			printf("  %s: %s\n", f->label ? f->label : "",
			       f->value ? f->value : "");
		}
	}
}

static void show_dates(struct cli_ctx *c, const struct show *s)
{
	if (s->n_dates)
		printf("\nDates\n");
	for (size_t i = 0; i < s->n_dates; i++) {
		const struct important_date *d = &s->dates[i];
		int turns;
		int64_t on = show_next(s, d, &turns);
		char next[DATE_STR_MAX];
		date_format(on, next);
		const char *what =
		    d->label ? d->label : date_kind_name(d->kind);
		printf("  %-14s %02d-%02d", what, d->month, d->day);
		if (d->year)
			printf(" (%d)", d->year);
		printf("  next %s, %s", next,
		       cli_days_words(c->arena, on - s->today));
		if (turns >= 0)
			printf(d->kind == DATE_BIRTHDAY ? ", turns %d"
							: ", %d years",
			       turns);
		printf("\n");
	}
}

static void show_rels(const struct show *s)
{
	if (s->n_rels)
		printf("\nRelationships\n");
	for (size_t i = 0; i < s->n_rels; i++) {
		const struct relationship *r = &s->rels[i];
		bool from = r->from_id == s->p.id;
		const char *label = from ? r->label : r->inverse_label;
		printf("  %s %s (#%lld)\n", label ? label : r->type_name,
		       from ? r->to_name : r->from_name,
		       (long long)(from ? r->to_id : r->from_id));
	}
}

static void show_touches(const struct show *s)
{
	if (s->n_touches)
		printf("\nRecent touches\n");
	int32_t off = cli_utc_offset(cli_now());
	for (size_t i = 0; i < s->n_touches; i++) {
		const struct interaction *t = &s->touches[i];
		char day[DATE_STR_MAX];
		date_format(time_local_days(t->occurred_at, off), day);
		printf("  %s  %-8s %s", day, interaction_kind_name(t->kind),
		       t->summary ? t->summary : "");
		if (t->n_people > 1)
			printf(" (with %zu other%s)", t->n_people - 1,
			       t->n_people > 2 ? "s" : "");
		if (t->has_follow_up && !t->follow_up_done) {
			char fu[DATE_STR_MAX];
			date_format(t->follow_up_on, fu);
			printf(" [follow up %s]", fu);
		}
		printf("\n");
	}
}

int cmd_people_show(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{NULL, CLI_OPT_FLAG}};
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "people show");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the person to show");
	if (rc == CLI_OK)
		rc = cli_id(&c, "person id", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct show s;
	struct error err = {0};
	if (show_read(&c, id, &s, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c, cli_print_json(&c, show_json(&s)));
	show_header(&c, &s);
	show_cadence_line(&c, &s);
	show_facts(&s);
	show_dates(&c, &s);
	show_rels(&s);
	show_touches(&s);
	if (s.p.notes && *s.p.notes)
		printf("\nNotes\n  %s\n", s.p.notes);
	return cli_done(&c, CLI_OK);
}
