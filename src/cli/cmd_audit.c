/*
 * cmd_audit.c: `rapport audit`, the audit log newest first (cli layer).
 *
 * A page at a time, like the API's GET /api/v1/audit: the cursor is the
 * id of the last entry shown, and the next page holds older entries.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cli/cli_util.h"
#include "cli/cmd_user.h"
#include "store/store_auth.h"
#include "util/date.h"

static const struct cli_opt audit_opts[] = {
    {"limit", CLI_OPT_VALUE},
    {"cursor", CLI_OPT_VALUE},
    {NULL, CLI_OPT_FLAG},
};

static json_t *audit_json(const struct audit_entry *e)
{
	char at[TIME_STR_MAX];
	time_format(e->at, at);
	json_t *j = json_pack("{s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)e->id,
			      "at", at, "actor", audit_actor_name(e->actor),
			      "action", e->action, "entity", e->entity);
	json_object_set_new(j, "actor_id",
			    e->actor_id ? json_integer(e->actor_id)
					: json_null());
	json_object_set_new(j, "actor_name",
			    e->actor_name ? json_string(e->actor_name)
					  : json_null());
	json_object_set_new(j, "entity_id",
			    e->entity_id ? json_integer(e->entity_id)
					 : json_null());
	json_object_set_new(j, "fields",
			    e->fields ? json_string(e->fields) : json_null());
	json_object_set_new(j, "address",
			    e->address ? json_string(e->address) : json_null());
	return j;
}

int cmd_audit(int argc, char **argv)
{
	struct cli_ctx c;
	struct cli_val v[2] = {{0}};
	struct store_page page = {0, 0};
	cli_begin(&c, "audit");
	int rc = cli_parse(&c, audit_opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	int64_t n64 = 0;
	if (rc == CLI_OK && v[0].seen)
		rc = cli_num(&c, "--limit", v[0].value, 1, STORE_LIMIT_MAX,
			     &n64);
	page.limit = (int)n64;
	if (rc == CLI_OK && v[1].seen)
		rc = cli_num(&c, "--cursor", v[1].value, 0, INT64_MAX,
			     &page.after_id);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	struct error err = {0};
	struct audit_entry *es = NULL;
	size_t n = 0;
	bool more = false;
	if (store_audit_list(c.store, c.arena, &page, &es, &n, &more, &err) !=
	    R_OK)
		return cli_done(&c, cli_error(&c, &err));
	if (c.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, audit_json(&es[i]));
		json_t *j = json_pack("{s:o}", "items", arr);
		json_object_set_new(j, "next_cursor",
				    more ? json_integer(es[n - 1].id)
					 : json_null());
		return cli_done(&c, cli_print_json(&c, j));
	}
	if (!n)
		printf("the audit log is empty\n");
	for (size_t i = 0; i < n; i++) {
		const struct audit_entry *e = &es[i];
		char at[TIME_STR_MAX];
		time_format(e->at, at);
		printf("%s  %s", at, audit_actor_name(e->actor));
		if (e->actor_name)
			printf(" %s", e->actor_name);
		else if (e->actor_id)
			printf(" %" PRId64, e->actor_id);
		printf("  %s %s", e->action, e->entity);
		if (e->entity_id)
			printf(" %" PRId64, e->entity_id);
		if (e->fields)
			printf("  (%s)", e->fields);
		if (e->address)
			printf("  from %s", e->address);
		printf("\n");
	}
	if (more)
		printf("\nmore: rapport audit --cursor %" PRId64 "\n",
		       es[n - 1].id);
	return cli_done(&c, CLI_OK);
}
