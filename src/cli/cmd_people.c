/*
 * cmd_people.c: `rapport people add|list|edit|rm` (cli layer).
 *
 * add and edit share one option table and one function that applies the
 * options to a struct person, so a field added to one is in both. The
 * record is checked with core's validate_person() before the store sees
 * it. `people show` lives in cmd_people_show.c.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/num.h"

enum {
	P_GIVEN,
	P_FAMILY,
	P_ORG,
	P_TITLE,
	P_EMAIL,
	P_PHONE,
	P_TAG,
	P_CADENCE,
	P_CADENCE_MAX,
	P_HOW_MET,
	P_MET_ON,
	P_REFERRED_BY,
	P_NOTES,
	P_FIELDS,	    /* the clear flags follow, in the same order */
	P_CLEAR = P_FIELDS, /* --clear-family is P_CLEAR + P_FAMILY - 1 */
	P_COUNT = P_FIELDS + P_FIELDS - 1,
};

static const struct cli_opt people_opts[] = {
    {"given", CLI_OPT_VALUE},
    {"family", CLI_OPT_VALUE},
    {"org", CLI_OPT_VALUE},
    {"title", CLI_OPT_VALUE},
    {"email", CLI_OPT_LIST},
    {"phone", CLI_OPT_LIST},
    {"tag", CLI_OPT_LIST},
    {"cadence", CLI_OPT_VALUE},
    {"cadence-max", CLI_OPT_VALUE},
    {"how-met", CLI_OPT_VALUE},
    {"met-on", CLI_OPT_VALUE},
    {"referred-by", CLI_OPT_VALUE},
    {"notes", CLI_OPT_VALUE},
    {"clear-family", CLI_OPT_FLAG},
    {"clear-org", CLI_OPT_FLAG},
    {"clear-title", CLI_OPT_FLAG},
    {"clear-email", CLI_OPT_FLAG},
    {"clear-phone", CLI_OPT_FLAG},
    {"clear-tag", CLI_OPT_FLAG},
    {"clear-cadence", CLI_OPT_FLAG},
    {"clear-cadence-max", CLI_OPT_FLAG},
    {"clear-how-met", CLI_OPT_FLAG},
    {"clear-met-on", CLI_OPT_FLAG},
    {"clear-referred-by", CLI_OPT_FLAG},
    {"clear-notes", CLI_OPT_FLAG},
    {NULL, CLI_OPT_FLAG},
};

/* What add/edit will do beyond the person record itself. */
struct people_plan {
	struct person *p;
	const char *new_org; /* create this organization first, or NULL */
	struct organization org;
};

/* True when field k (P_FAMILY...) is to be cleared. */
static bool people_clears(const struct cli_val *v, int k)
{
	if (k > P_GIVEN && v[P_CLEAR + k - 1].seen)
		return true;
	return v[k].seen && people_opts[k].kind == CLI_OPT_VALUE &&
	       v[k].value[0] == '\0';
}

/* A text field: set, cleared or left alone. */
static void people_text(const struct cli_val *v, int k, const char **field)
{
	if (people_clears(v, k))
		*field = NULL;
	else if (v[k].seen)
		*field = v[k].value;
}

static int people_days(struct cli_ctx *c, const struct cli_val *v, int k,
		       int *field)
{
	if (people_clears(v, k)) {
		*field = 0;
		return CLI_OK;
	}
	if (!v[k].seen)
		return CLI_OK;
	int64_t n;
	char opt[32];
	snprintf(opt, sizeof(opt), "--%s", people_opts[k].name);
	int rc = cli_num(c, opt, v[k].value, 0, MODEL_CADENCE_MAX_DAYS, &n);
	if (rc == CLI_OK)
		*field = (int)n;
	return rc;
}

/*
 * Replaces the contacts of one kind with the values of option k (or none
 * when cleared), keeping contacts of other kinds.
 */
static void people_contacts(struct cli_ctx *c, const struct cli_val *v, int k,
			    enum contact_kind kind, struct person *p)
{
	bool clear = people_clears(v, k);
	if (!clear && !v[k].seen)
		return;
	size_t cap = p->n_contacts + (clear ? 0 : v[k].n);
	struct contact *out = arena_alloc(c->arena, (cap + 1) * sizeof(*out));
	size_t n = 0;
	for (size_t i = 0; i < p->n_contacts; i++)
		if (p->contacts[i].kind != kind)
			out[n++] = p->contacts[i];
	for (size_t i = 0; !clear && i < v[k].n; i++) {
		if (!v[k].list[i][0])
			continue;
		out[n].id = 0;
		out[n].kind = kind;
		out[n].label = NULL;
		out[n].value = v[k].list[i];
		n++;
	}
	p->contacts = out;
	p->n_contacts = n;
}

static void people_tags(const struct cli_val *v, struct person *p)
{
	if (people_clears(v, P_TAG)) {
		p->tags = NULL;
		p->n_tags = 0;
	} else if (v[P_TAG].seen) {
		size_t n = 0;
		for (size_t i = 0; i < v[P_TAG].n; i++)
			if (v[P_TAG].list[i][0])
				v[P_TAG].list[n++] = v[P_TAG].list[i];
		p->tags = v[P_TAG].list;
		p->n_tags = n;
	}
}

/*
 * Finds an organization by name (ignoring ASCII case) by walking the
 * list. Returns its id, 0 when there is none, -1 on a store error.
 */
static int64_t people_org_by_name(struct cli_ctx *c, const char *name,
				  struct error *err)
{
	struct store_page page = {0, STORE_LIMIT_MAX};
	for (;;) {
		struct organization *orgs;
		size_t n;
		bool more;
		if (store_org_list(c->store, c->arena, &page, &orgs, &n, &more,
				   err) != R_OK)
			return -1;
		for (size_t i = 0; i < n; i++)
			if (orgs[i].name && strcasecmp(orgs[i].name, name) == 0)
				return orgs[i].id;
		if (!more || n == 0)
			return 0;
		page.after_id = orgs[n - 1].id;
	}
}

static int people_org(struct cli_ctx *c, const struct cli_val *v,
		      struct people_plan *plan)
{
	struct person *p = plan->p;
	if (people_clears(v, P_ORG)) {
		p->org_id = 0;
		return CLI_OK;
	}
	if (!v[P_ORG].seen)
		return CLI_OK;
	const char *s = v[P_ORG].value;
	struct error err = {0};
	if (num_parse_i64(s, 1, INT64_MAX, &p->org_id))
		return CLI_OK;
	int64_t id = people_org_by_name(c, s, &err);
	if (id < 0)
		return cli_error(c, &err);
	if (id > 0) {
		p->org_id = id;
		return CLI_OK;
	}
	memset(&plan->org, 0, sizeof(plan->org));
	plan->org.name = s;
	if (validate_org(&plan->org, &err) != R_OK)
		return cli_error(c, &err);
	plan->new_org = s;
	return CLI_OK;
}

/* Applies every option given to plan->p. Returns an exit code. */
static int people_apply(struct cli_ctx *c, const struct cli_val *v,
			struct people_plan *plan)
{
	struct person *p = plan->p;
	int rc;
	people_text(v, P_GIVEN, &p->given_name);
	people_text(v, P_FAMILY, &p->family_name);
	people_text(v, P_TITLE, &p->title);
	people_text(v, P_HOW_MET, &p->how_met);
	people_text(v, P_NOTES, &p->notes);
	people_contacts(c, v, P_EMAIL, CONTACT_EMAIL, p);
	people_contacts(c, v, P_PHONE, CONTACT_PHONE, p);
	people_tags(v, p);
	if ((rc = people_days(c, v, P_CADENCE, &p->cadence_days)) != CLI_OK ||
	    (rc = people_days(c, v, P_CADENCE_MAX, &p->cadence_max_days)) !=
		CLI_OK)
		return rc;
	if (people_clears(v, P_MET_ON)) {
		p->has_met_on = false;
		p->met_on = 0;
	} else if (v[P_MET_ON].seen) {
		if (!cli_parse_day(v[P_MET_ON].value, &p->met_on))
			return cli_fail(c,
					"met_on: '%s' is not a date (use "
					"YYYY-MM-DD)",
					v[P_MET_ON].value);
		p->has_met_on = true;
	}
	if (people_clears(v, P_REFERRED_BY))
		p->referred_by = 0;
	else if (v[P_REFERRED_BY].seen &&
		 (rc = cli_id(c, "--referred-by", v[P_REFERRED_BY].value,
			      &p->referred_by)) != CLI_OK)
		return rc;
	return people_org(c, v, plan);
}

static enum result people_add_tx(struct store *s, void *ctx, struct error *err)
{
	struct people_plan *plan = ctx;
	if (plan->new_org) {
		plan->org.id = 0;
		enum result r = store_org_create(s, &plan->org, err);
		if (r != R_OK)
			return r;
		plan->p->org_id = plan->org.id;
	}
	if (plan->p->id)
		return store_person_update(s, plan->p, err);
	return store_person_create(s, plan->p, err);
}

/* Validates, writes (with a new organization if need be) and prints. */
static int people_save(struct cli_ctx *c, struct people_plan *plan,
		       const char *verb)
{
	struct error err = {0};
	struct person *p = plan->p;
	if (validate_person(p, &err) != R_OK)
		return cli_error(c, &err);
	if (store_run_tx(c->store, people_add_tx, plan, &err) != R_OK)
		return cli_error(c, &err);
	if (plan->new_org)
		cli_note(c, "created organization '%s' (id %lld)",
			 plan->new_org, (long long)plan->org.id);
	struct person saved;
	if (store_person_get(c->store, c->arena, p->id, &saved, &err) != R_OK)
		return cli_error(c, &err);
	if (c->json)
		return cli_print_json(c, codec_person(&saved));
	printf("%s person %lld: %s\n", verb, (long long)saved.id,
	       cli_name(c->arena, saved.given_name, saved.family_name));
	return CLI_OK;
}

int cmd_people_add(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[P_COUNT] = {{0}};
	cli_begin(&c, "people add");
	int rc = cli_parse(&c, people_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	for (int k = P_CLEAR; rc == CLI_OK && k < P_COUNT; k++)
		if (v[k].seen)
			rc = cli_usage(&c, "--%s is for people edit",
				       people_opts[k].name);
	if (rc == CLI_OK && !v[P_GIVEN].seen)
		rc = cli_usage(&c, "--given is required");
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	if ((rc = cli_open(&c, true)) != CLI_OK)
		return cli_done(&c, rc);
	struct person p = {0};
	struct people_plan plan = {&p, NULL, {0}};
	if ((rc = people_apply(&c, v, &plan)) != CLI_OK)
		return cli_done(&c, rc);
	return cli_done(&c, people_save(&c, &plan, "added"));
}

int cmd_people_edit(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[P_COUNT] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "people edit");
	int rc = cli_parse(&c, people_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the person to edit");
	if (rc == CLI_OK)
		rc = cli_id(&c, "person id", c.pos[0], &id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct person p;
	struct error err = {0};
	if (store_person_get(c.store, c.arena, id, &p, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	struct people_plan plan = {&p, NULL, {0}};
	if ((rc = people_apply(&c, v, &plan)) != CLI_OK)
		return cli_done(&c, rc);
	return cli_done(&c, people_save(&c, &plan, "updated"));
}

static const struct cli_opt list_opts[] = {
    {"tag", CLI_OPT_VALUE},    {"org", CLI_OPT_VALUE}, {"limit", CLI_OPT_VALUE},
    {"cursor", CLI_OPT_VALUE}, {NULL, CLI_OPT_FLAG},
};

static void people_print_table(struct cli_ctx *c, const struct person *items,
			       size_t n)
{
	int64_t today = cli_today();
	int32_t off = cli_utc_offset(cli_now());
	struct buf tags;
	buf_init(&tags, 4096);
	printf("%-5s ", "ID");
	cli_pad("NAME", 24);
	cli_pad(" ORGANIZATION", 26);
	cli_pad(" TAGS", 21);
	printf(" LAST TOUCH\n");
	for (size_t i = 0; i < n; i++) {
		const struct person *p = &items[i];
		printf("%-5lld ", (long long)p->id);
		cli_pad(cli_name(c->arena, p->given_name, p->family_name), 24);
		fputc(' ', stdout);
		cli_pad(p->org_name ? p->org_name : "-", 25);
		fputc(' ', stdout);
		buf_reset(&tags);
		for (size_t k = 0; k < p->n_tags; k++)
			buf_printf(&tags, "%s%s", k ? "," : "", p->tags[k]);
		cli_pad(tags.len ? buf_str(&tags) : "-", 20);
		fputc(' ', stdout);
		if (p->last_touch)
			printf("%s\n", cli_days_words(
					   c->arena,
					   time_local_days(p->last_touch, off) -
					       today));
		else
			printf("never\n");
	}
	buf_free(&tags);
}

int cmd_people_list(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[5] = {{0}};
	struct person_filter f = {NULL, 0};
	struct store_page page = {0, 0};
	int64_t n64;
	cli_begin(&c, "people list");
	int rc = cli_parse(&c, list_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK && v[1].seen)
		rc = cli_id(&c, "--org", v[1].value, &f.org_id);
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
	f.tag = v[0].seen && v[0].value[0] ? v[0].value : NULL;
	struct person *items;
	size_t n;
	bool more;
	struct error err = {0};
	if (store_person_list(c.store, c.arena, &f, &page, &items, &n, &more,
			      &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	int64_t next = more && n ? items[n - 1].id : 0;
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, codec_person(&items[i]));
		json_t *j = json_pack("{s:o}", "items", arr);
		json_object_set_new(j, "next_cursor",
				    next ? json_sprintf("%lld", (long long)next)
					 : json_null());
		return cli_done(&c, cli_print_json(&c, j));
	}
	if (n == 0) {
		printf("no people%s\n", f.tag || f.org_id ? " match" : " yet");
		return cli_done(&c, CLI_OK);
	}
	people_print_table(&c, items, n);
	if (next) {
		printf("\nmore: rapport people list --cursor %lld",
		       (long long)next);
		for (int i = 0; i < 3; i++)
			if (v[i].seen)
				printf(" --%s '%s'", list_opts[i].name,
				       v[i].value);
		printf("\n");
	}
	return cli_done(&c, CLI_OK);
}

/* Asks on the terminal; true when the answer starts with y. */
static bool people_confirm(const char *name)
{
	printf("Delete %s, with their facts, dates and relationships? [y/N] ",
	       name);
	fflush(stdout);
	char line[32];
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

static const struct cli_opt rm_opts[] = {
    {"yes", CLI_OPT_FLAG},
    {NULL, CLI_OPT_FLAG},
};

int cmd_people_rm(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[1] = {{0}};
	int64_t id = 0;
	cli_begin(&c, "people rm");
	int rc = cli_parse(&c, rm_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 1, 1, "the id of the person to delete");
	if (rc == CLI_OK)
		rc = cli_id(&c, "person id", c.pos[0], &id);
	if (rc == CLI_OK && !v[0].seen && !cli_stdin_is_tty())
		rc = cli_usage(&c, "deleting needs --yes when not run at a "
				   "terminal");
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct person p;
	struct error err = {0};
	if (store_person_get(c.store, c.arena, id, &p, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	const char *name = cli_name(c.arena, p.given_name, p.family_name);
	if (!v[0].seen && !people_confirm(name))
		return cli_done(&c, cli_fail(&c, "not deleted"));
	if (store_person_delete(c.store, id, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json)
		return cli_done(&c,
				cli_print_json(&c, json_pack("{s:I,s:b}", "id",
							     (json_int_t)id,
							     "deleted", 1)));
	printf("deleted person %lld: %s\n", (long long)id, name);
	return cli_done(&c, CLI_OK);
}
