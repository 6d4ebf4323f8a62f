/*
 * deal_decode.c: strict JSON decoders of the deal side (codec layer).
 *
 * The same approach as model_decode.c: a table per type names each field
 * a client may send, its kind of value, where it goes and its limits, and
 * dt_decode() (decode_table.c) walks the object against it. Read-only
 * fields carry a hint saying which endpoint changes them (a deal's stage
 * moves through POST /deals/{id}/stage, so that every move is recorded).
 * Days and times use the terse wording this side has always had.
 */
#include "codec/deal_json.h"

#include <stddef.h>
#include <string.h>

#include "codec/decode_table.h"
#include "core/model.h"

#define AT(type, member) offsetof(type, member)
#define N(t) (sizeof(t) / sizeof((t)[0]))

/*
 * A plan step's "done": true marks it done at now (ctx points at now),
 * keeping an earlier done_at; false clears it.
 */
static enum result dd_done(const struct dt_field *f, const json_t *v,
			   struct arena *a, void *rec, void *ctx,
			   struct error *err)
{
	(void)a;
	int64_t *p = (int64_t *)((char *)rec + f->off);
	if (!json_is_boolean(v))
		return dt_wrong_type(f->name, v, "true or false", err);
	if (!json_is_true(v))
		*p = 0;
	else if (!*p)
		*p = *(const int64_t *)ctx;
	return R_OK;
}

/* ---- enum adapters ---- */

static bool dd_stage(const char *s, void *out)
{
	return deal_stage_parse(s, out);
}
static bool dd_status(const char *s, void *out)
{
	return deal_status_parse(s, out);
}
static bool dd_source(const char *s, void *out)
{
	return deal_source_parse(s, out);
}
static bool dd_role(const char *s, void *out)
{
	return stakeholder_role_parse(s, out);
}
static bool dd_stance(const char *s, void *out)
{
	return stakeholder_stance_parse(s, out);
}
static bool dd_side(const char *s, void *out)
{
	return plan_side_parse(s, out);
}
static bool dd_category(const char *s, void *out)
{
	return concern_category_parse(s, out);
}
static bool dd_csource(const char *s, void *out)
{
	return concern_source_parse(s, out);
}

/* ---- tables ---- */

#define RO(n) {.name = (n), .type = DT_RO}
#define ROH(n, h) {.name = (n), .type = DT_RO, .hint = (h)}
#define STR(n, T, m, max, req)                                                \
	{.name = (n), .type = DT_STR, .off = AT(T, m), .hi = (max),           \
	 .required = (req), .nullable = !(req)}
#define ENUM(n, T, m, p, l, req)                                              \
	{.name = (n), .type = DT_ENUM, .off = AT(T, m), .hi = 32,             \
	 .parse = (p), .list = (l), .required = (req)}

#define DEAL_STATUS_HINT                                                      \
	"changes through POST /api/v1/deals/{id}/status, which records it"
#define DEAL_COMMON_FIELDS                                                    \
	RO("id"), RO("org_name"), RO("referred_by_name"), RO("repeat"),       \
	RO("created_at"), RO("updated_at"), RO("stakeholders"), RO("plan"),   \
	RO("concerns"), RO("events"), RO("asks"), RO("readiness"),            \
	RO("stall"), RO("last_interaction"), RO("owner_user"),                \
	ROH("status", DEAL_STATUS_HINT), ROH("won_on", DEAL_STATUS_HINT),     \
	ROH("closed_on", DEAL_STATUS_HINT),                                   \
	ROH("status_reason", DEAL_STATUS_HINT),                               \
	{.name = "org_id", .type = DT_ID, .off = AT(struct deal, org_id),     \
	 .required = true},                                                   \
	STR("title", struct deal, title, MODEL_NAME_MAX, true),               \
	STR("need", struct deal, need, MODEL_TEXT_MAX, false),                \
	STR("benefit", struct deal, benefit, MODEL_TEXT_MAX, false),          \
	{.name = "value_minor", .type = DT_I64,                               \
	 .off = AT(struct deal, value_minor), .lo = 0, .hi = DEAL_MONEY_MAX,  \
	 .nullable = true},                                                   \
	{.name = "price_minor", .type = DT_I64,                               \
	 .off = AT(struct deal, price_minor), .lo = 0, .hi = DEAL_MONEY_MAX,  \
	 .nullable = true},                                                   \
	STR("currency", struct deal, currency, 8, false),                     \
	ENUM("source", struct deal, source, dd_source, deal_source_list,      \
	     true),                                                           \
	{.name = "referred_by", .type = DT_ID,                                \
	 .off = AT(struct deal, referred_by), .nullable = true},              \
	STR("owner", struct deal, owner, MODEL_NAME_MAX, false),              \
	{.name = "shared", .type = DT_BOOL, .off = AT(struct deal, shared),   \
	 .has_off = AT(struct deal, has_shared)}

static const struct dt_field deal_create_fields[] = {
	DEAL_COMMON_FIELDS,
	ENUM("stage", struct deal, stage, dd_stage, deal_stage_list, false),
};

static const struct dt_field deal_patch_fields[] = {
	DEAL_COMMON_FIELDS,
	ROH("stage", "moves through POST /api/v1/deals/{id}/stage, which "
		     "records the move"),
};

static const struct dt_field stakeholder_fields[] = {
	RO("id"), RO("deal_id"), RO("person_name"), RO("created_at"),
	{.name = "person_id", .type = DT_ID,
	 .off = AT(struct stakeholder, person_id), .required = true},
	ENUM("role", struct stakeholder, role, dd_role, stakeholder_role_list,
	     true),
	ENUM("stance", struct stakeholder, stance, dd_stance,
	     stakeholder_stance_list, false),
	STR("notes", struct stakeholder, notes, MODEL_TEXT_MAX, false),
};

static const struct dt_field plan_step_fields[] = {
	RO("id"), RO("deal_id"), RO("owner_person_name"), RO("created_at"),
	ROH("done_at", "is set by \"done\": true (or POST "
		       "/api/v1/plan-steps/{id}/done)"),
	STR("title", struct plan_step, title, MODEL_NAME_MAX, true),
	ENUM("side", struct plan_step, side, dd_side, plan_side_list, true),
	{.name = "owner_person_id", .type = DT_ID,
	 .off = AT(struct plan_step, owner_person_id), .nullable = true},
	{.name = "due_on", .type = DT_DAY, .terse = true,
	 .off = AT(struct plan_step, due_on),
	 .has_off = AT(struct plan_step, has_due_on), .nullable = true},
	{.name = "done", .type = DT_FN, .fn = dd_done,
	 .off = AT(struct plan_step, done_at)},
	{.name = "position", .type = DT_INT,
	 .off = AT(struct plan_step, position), .lo = 0, .hi = 100000},
};

#define CONCERN_MOVE_HINT                                                     \
	"changes through POST /api/v1/concerns/{id}/answer, resolve, drop or " \
	"reopen"

static const struct dt_field concern_fields[] = {
	RO("id"), RO("deal_id"), RO("raised_by_name"), RO("answered_at"),
	RO("resolved_at"), RO("dropped_at"), RO("reopened_at"),
	RO("reopen_count"), ROH("status", CONCERN_MOVE_HINT),
	ROH("answer", CONCERN_MOVE_HINT), ROH("reason", CONCERN_MOVE_HINT),
	ENUM("category", struct concern, category, dd_category,
	     concern_category_list, true),
	STR("words", struct concern, words, MODEL_TEXT_MAX, true),
	{.name = "raised_by", .type = DT_ID,
	 .off = AT(struct concern, raised_by), .nullable = true},
	ENUM("source", struct concern, source, dd_csource,
	     concern_source_list, false),
	{.name = "raised_at", .type = DT_TIME, .terse = true,
	 .off = AT(struct concern, raised_at), .nullable = true},
};

static const struct dt_field stage_fields[] = {
	ENUM("stage", struct deal_stage_move, stage, dd_stage, deal_stage_list,
	     true),
	STR("reason", struct deal_stage_move, reason, MODEL_TEXT_MAX, false),
	{.name = "at", .type = DT_TIME, .terse = true,
	 .off = AT(struct deal_stage_move, at), .nullable = true},
};

static const struct dt_field status_fields[] = {
	ENUM("status", struct deal_status_move, status, dd_status,
	     deal_status_list, true),
	STR("reason", struct deal_status_move, reason, MODEL_TEXT_MAX, false),
	{.name = "date", .type = DT_DAY, .terse = true,
	 .off = AT(struct deal_status_move, date),
	 .has_off = AT(struct deal_status_move, has_date), .nullable = true},
	{.name = "at", .type = DT_TIME, .terse = true,
	 .off = AT(struct deal_status_move, at), .nullable = true},
};

static const struct dt_field answer_fields[] = {
	STR("answer", struct concern_move, text, MODEL_TEXT_MAX, true),
	{.name = "at", .type = DT_TIME, .terse = true,
	 .off = AT(struct concern_move, at), .nullable = true},
};

static const struct dt_field reason_fields[] = {
	STR("reason", struct concern_move, text, MODEL_TEXT_MAX, false),
	{.name = "at", .type = DT_TIME, .terse = true,
	 .off = AT(struct concern_move, at), .nullable = true},
};

enum result codec_deal_from_json(const json_t *j, struct arena *a,
				 struct deal *inout, bool partial,
				 struct error *err)
{
	if (partial)
		return dt_decode(j, deal_patch_fields, N(deal_patch_fields), a,
				 inout, true, NULL, err);
	return dt_decode(j, deal_create_fields, N(deal_create_fields), a,
			 inout, false, NULL, err);
}

enum result codec_stakeholder_from_json(const json_t *j, struct arena *a,
					struct stakeholder *inout,
					bool partial, struct error *err)
{
	return dt_decode(j, stakeholder_fields, N(stakeholder_fields), a,
			 inout, partial, NULL, err);
}

enum result codec_plan_step_from_json(const json_t *j, struct arena *a,
				      struct plan_step *inout, bool partial,
				      int64_t now, struct error *err)
{
	return dt_decode(j, plan_step_fields, N(plan_step_fields), a, inout,
			 partial, &now, err);
}

enum result codec_concern_from_json(const json_t *j, struct arena *a,
				    struct concern *inout, struct error *err)
{
	return dt_decode(j, concern_fields, N(concern_fields), a, inout, false,
			 NULL, err);
}

enum result codec_stage_move_from_json(const json_t *j, struct arena *a,
				       struct deal_stage_move *out,
				       struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dt_decode(j, stage_fields, N(stage_fields), a, out, false,
			 NULL, err);
}

enum result codec_status_move_from_json(const json_t *j, struct arena *a,
					struct deal_status_move *out,
					struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dt_decode(j, status_fields, N(status_fields), a, out, false,
			 NULL, err);
}

enum result codec_concern_move_from_json(const json_t *j, struct arena *a,
					 enum concern_action action,
					 struct concern_move *out,
					 struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (action == CACTION_ANSWER)
		return dt_decode(j, answer_fields, N(answer_fields), a, out,
				 false, NULL, err);
	return dt_decode(j, reason_fields, N(reason_fields), a, out, false,
			 NULL, err);
}
