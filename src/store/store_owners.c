/*
 * store_owners.c: the viewer a connection reads for, and whether they may
 * see or change one record (store layer).
 *
 * Lists and searches filter their rows in SQL with SQ_VISIBLE (sq.h);
 * single records are checked here, from the owner of the person or deal
 * they belong to, with core's auth_may(). See docs/accounts.md, "Owners".
 */
#include <string.h>

#include "store/sq.h"
#include "store/store_auth.h"

void store_set_viewer(struct store *s, const struct auth_subject *who)
{
	if (who && who->user_id > 0)
		s->viewer = *who;
	else
		memset(&s->viewer, 0, sizeof(s->viewer));
}

/* The columns every statement below gives: owner (NULL: none), the
 * owner's team (NULL: none or no such user), shared. */
#define OWNER_COLS(t)                                                         \
	"SELECT " t ".owner_user_id, u.team_id, " t ".shared "

static const char *const owners_sql[] = {
    [STORE_REC_PERSON] = OWNER_COLS("p") "FROM person p LEFT JOIN app_user u "
					 "ON u.id = p.owner_user_id "
					 "WHERE p.id = $1",
    [STORE_REC_DEAL] = OWNER_COLS("d") "FROM deal d LEFT JOIN app_user u "
				       "ON u.id = d.owner_user_id "
				       "WHERE d.id = $1",
    [STORE_REC_FACT] = OWNER_COLS("p") "FROM fact x JOIN person p ON "
				       "p.id = x.person_id LEFT JOIN app_user "
				       "u ON u.id = p.owner_user_id "
				       "WHERE x.id = $1",
    [STORE_REC_DATE] = OWNER_COLS("p") "FROM important_date x JOIN person p "
				       "ON p.id = x.person_id LEFT JOIN "
				       "app_user u ON u.id = p.owner_user_id "
				       "WHERE x.id = $1",
    [STORE_REC_INTERACTION] =
	OWNER_COLS("p") "FROM interaction_person x JOIN person p ON "
			"p.id = x.person_id LEFT JOIN app_user u ON "
			"u.id = p.owner_user_id WHERE x.interaction_id = $1 "
			"UNION ALL " OWNER_COLS("d") "FROM interaction x JOIN "
			"deal d ON d.id = x.deal_id LEFT JOIN app_user u ON "
			"u.id = d.owner_user_id WHERE x.id = $1",
    [STORE_REC_RELATIONSHIP] =
	OWNER_COLS("p") "FROM relationship x JOIN person p ON p.id IN "
			"(x.from_id, x.to_id) LEFT JOIN app_user u ON "
			"u.id = p.owner_user_id WHERE x.id = $1",
    [STORE_REC_STAKEHOLDER] =
	OWNER_COLS("d") "FROM stakeholder x JOIN deal d ON d.id = x.deal_id "
			"LEFT JOIN app_user u ON u.id = d.owner_user_id "
			"WHERE x.id = $1",
    [STORE_REC_PLAN_STEP] =
	OWNER_COLS("d") "FROM plan_step x JOIN deal d ON d.id = x.deal_id "
			"LEFT JOIN app_user u ON u.id = d.owner_user_id "
			"WHERE x.id = $1",
    [STORE_REC_CONCERN] =
	OWNER_COLS("d") "FROM concern x JOIN deal d ON d.id = x.deal_id "
			"LEFT JOIN app_user u ON u.id = d.owner_user_id "
			"WHERE x.id = $1",
    [STORE_REC_NEED] = OWNER_COLS("d") "FROM need x JOIN deal d ON "
				       "d.id = x.deal_id LEFT JOIN app_user "
				       "u ON u.id = d.owner_user_id "
				       "WHERE x.id = $1",
};

enum result sq_person_visible(struct store *s, int64_t id,
			      struct error *err)
{
	enum result r =
	    sq_exists(s, "SELECT 1 FROM person WHERE id = $1", id, err);
	if (r == R_OK)
		r = store_may(s, STORE_REC_PERSON, id, AUTH_READ, err);
	return r;
}

enum result store_may(struct store *s, enum store_record kind, int64_t id,
		      enum auth_action action, struct error *err)
{
	if ((unsigned)kind >= sizeof(owners_sql) / sizeof(owners_sql[0]))
		return R_OK;
	if (s->viewer.user_id <= 0 || s->viewer.role == AUTH_ROLE_ADMIN)
		return R_OK;
	sqlite3_stmt *st = sq_prep(s, owners_sql[kind], err);
	if (!st)
		return R_DB;
	sq_bind_i64(st, 1, id);
	bool read = true, write = true;
	enum result r;
	while ((r = sq_row(s, st, "checking who owns a record", err)) ==
	       R_OK) {
		if (sq_null(st, 0))
			continue; /* no owner: open to every user */
		struct auth_object o = {
		    .owner_id = sq_i64(st, 0),
		    .team_id = sq_null(st, 1) ? 0 : sq_i64(st, 1),
		    .shared = sq_int(st, 2) != 0,
		};
		read = read && auth_may(&s->viewer, AUTH_READ, &o);
		write = write && auth_may(&s->viewer, AUTH_WRITE, &o);
	}
	sqlite3_reset(st);
	if (r == R_DB)
		return R_DB;
	if (!read)
		return error_set(err, R_NOT_FOUND, "id", "no such record: %lld",
				 (long long)id);
	if (action != AUTH_READ && !write)
		return error_set(err, R_FORBIDDEN, "id",
				 "record %lld is shared with you to read; ask "
				 "its owner or your manager to change it",
				 (long long)id);
	return R_OK;
}
