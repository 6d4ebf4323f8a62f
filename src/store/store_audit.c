/*
 * store_audit.c: the audit log (store layer, SQLite driver).
 *
 * Append-only from rapport's side: entries are added and listed, never
 * changed. An entry names the fields that changed, not their values, so
 * that the log never becomes a second copy of what was said in
 * confidence, nor of a secret.
 */
#include "sq_auth.h"

#include <string.h>

static const char *const audit_actors[] = {
    [AUDIT_ACTOR_USER] = "user",
    [AUDIT_ACTOR_BUYER_LINK] = "buyer_link",
    [AUDIT_ACTOR_CLI] = "cli",
    [AUDIT_ACTOR_SYSTEM] = "system",
};

static const char *const audit_actions[] = {
    "create", "update",	      "delete",	  "login",
    "logout", "login_failed", "password", "revoke",
};

const char *audit_actor_name(enum audit_actor a)
{
	if ((unsigned)a >= sizeof(audit_actors) / sizeof(audit_actors[0]))
		return "system";
	return audit_actors[a];
}

static bool audit_action_known(const char *action)
{
	for (size_t i = 0; i < sizeof(audit_actions) / sizeof(audit_actions[0]);
	     i++)
		if (action && strcmp(action, audit_actions[i]) == 0)
			return true;
	return false;
}

static enum audit_actor audit_actor_parse(const char *s)
{
	for (size_t i = 0; i < sizeof(audit_actors) / sizeof(audit_actors[0]);
	     i++)
		if (s && strcmp(s, audit_actors[i]) == 0)
			return (enum audit_actor)i;
	return AUDIT_ACTOR_SYSTEM;
}

enum result store_audit_add(struct store *s, struct audit_entry *e,
			    struct error *err)
{
	if (!audit_action_known(e->action))
		return error_set(err, R_INVALID, "action",
				 "action: %s is not an audited action",
				 e->action ? e->action : "(none)");
	if (!e->entity || !e->entity[0])
		return error_set(err, R_INVALID, "entity",
				 "entity: an audit entry names what changed");
	sqlite3_stmt *st =
	    sq_prep(s,
		    "INSERT INTO audit_log (at, actor_kind, actor_id, "
		    "actor_name, action, entity, entity_id, fields, address) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, e->at);
	sq_bind_text(st, 2, audit_actor_name(e->actor));
	sq_bind_id(st, 3, e->actor_id);
	sq_bind_text(st, 4, e->actor_name);
	sq_bind_text(st, 5, e->action);
	sq_bind_text(st, 6, e->entity);
	sq_bind_id(st, 7, e->entity_id);
	sq_bind_text(st, 8, e->fields && e->fields[0] ? e->fields : NULL);
	sq_bind_text(st, 9, e->address);
	enum result r = sq_exec(s, st, "writing the audit log", err);
	if (r == R_OK)
		e->id = sqlite3_last_insert_rowid(s->db);
	return r;
}

enum result store_audit_list(struct store *s, struct arena *a,
			     const struct store_page *page,
			     struct audit_entry **items, size_t *n, bool *more,
			     struct error *err)
{
	*items = NULL;
	*n = 0;
	*more = false;
	int limit = sq_limit(page);
	int64_t after = sq_after(page);
	sqlite3_stmt *st =
	    sq_prep(s,
		    "SELECT id, at, actor_kind, coalesce(actor_id, 0), "
		    "actor_name, action, entity, coalesce(entity_id, 0), "
		    "fields, address FROM audit_log "
		    "WHERE ($1 = 0 OR id < $1) ORDER BY id DESC LIMIT $2",
		    err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, after);
	sq_bind_i64(st, 2, (int64_t)limit + 1);
	size_t count = 0, cap = 0;
	struct audit_entry *es = NULL;
	enum result r;
	while ((r = sq_row(s, st, "reading the audit log", err)) == R_OK) {
		if (count == (size_t)limit) {
			*more = true;
			continue;
		}
		es = sq_grow(a, es, count, &cap, sizeof(*es));
		struct audit_entry *e = &es[count++];
		memset(e, 0, sizeof(*e));
		e->id = sq_i64(st, 0);
		e->at = sq_i64(st, 1);
		e->actor =
		    audit_actor_parse((const char *)sqlite3_column_text(st, 2));
		e->actor_id = sq_i64(st, 3);
		e->actor_name = sq_text(a, st, 4);
		e->action = sq_text(a, st, 5);
		e->entity = sq_text(a, st, 6);
		e->entity_id = sq_i64(st, 7);
		e->fields = sq_text(a, st, 8);
		e->address = sq_text(a, st, 9);
	}
	sqlite3_reset(st);
	if (r != R_NOT_FOUND)
		return r;
	*items = es;
	*n = count;
	return R_OK;
}
