/*
 * deal_decode.c: strict JSON decoders of the deal side (codec layer).
 *
 * The same approach as model_decode.c: a table per type names each field
 * a client may send, its kind of value, where it goes and its limits, and
 * one loop walks the object against it. Read-only fields carry a hint
 * saying which endpoint changes them (a deal's stage moves through POST
 * /deals/{id}/stage, so that every move is recorded). The table walker is
 * small and kept here rather than shared with model_decode.c, whose
 * tables are file-local; both follow the same rules.
 */
#include "codec/deal_json.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "util/arena.h"
#include "util/date.h"

enum dd_type {
	DD_STR,  /* const char *; null clears */
	DD_ID,   /* int64_t > 0; null is 0 */
	DD_I64,  /* int64_t in [lo, hi]; null is 0 */
	DD_INT,  /* int in [lo, hi]; null is 0 */
	DD_DAY,  /* int64_t day + bool at has_off */
	DD_TIME, /* int64_t seconds, RFC 3339; null is 0 */
	DD_ENUM, /* int enum through parse() */
	DD_RO,   /* refused, with hint */
	DD_DONE, /* plan step "done": sets done_at to now or 0 */
	DD_BOOL, /* bool, and true at has_off */
};

struct dd_field {
	const char *name;
	enum dd_type type;
	size_t off;
	size_t has_off;
	int64_t lo, hi; /* DD_I64, DD_INT; DD_STR: hi is the byte limit */
	bool required;
	bool nullable;
	bool (*parse)(const char *s, void *out);
	const char *(*list)(void);
	const char *hint; /* DD_RO: what to do instead */
};

#define AT(type, member) offsetof(type, member)
#define N(t) (sizeof(t) / sizeof((t)[0]))

static const char *dd_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a decimal number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static enum result dd_wrong(const char *field, const json_t *v,
			    const char *want, struct error *err)
{
	return error_set(err, R_INVALID, field, "%s: must be %s, not %s",
			 field, want, dd_type_name(v));
}

static enum result dd_int(const struct dd_field *f, const json_t *v,
			  int64_t *out, struct error *err)
{
	if (!json_is_integer(v))
		return dd_wrong(f->name, v, "an integer", err);
	json_int_t n = json_integer_value(v);
	if (n < f->lo || n > f->hi)
		return error_set(err, R_INVALID, f->name,
				 "%s: %lld is out of range (%lld to %lld)",
				 f->name, (long long)n, (long long)f->lo,
				 (long long)f->hi);
	*out = (int64_t)n;
	return R_OK;
}

static enum result dd_day(const struct dd_field *f, const json_t *v, char *rec,
			  struct error *err)
{
	if (!json_is_string(v))
		return dd_wrong(f->name, v, "a date (\"YYYY-MM-DD\")", err);
	const char *s = json_string_value(v);
	if (json_string_length(v) >= DATE_STR_MAX ||
	    !date_parse(s, (int64_t *)(rec + f->off)))
		return error_set(err, R_INVALID, f->name,
				 "%s: \"%.12s\" is not a date (use YYYY-MM-DD)",
				 f->name, s);
	*(bool *)(rec + f->has_off) = true;
	return R_OK;
}

static enum result dd_time(const struct dd_field *f, const json_t *v,
			   int64_t *out, struct error *err)
{
	if (!json_is_string(v))
		return dd_wrong(f->name, v,
				"a time (\"YYYY-MM-DDTHH:MM:SSZ\")", err);
	if (json_string_length(v) > 40 ||
	    !time_parse(json_string_value(v), out))
		return error_set(err, R_INVALID, f->name,
				 "%s: is not a time (use RFC 3339, e.g. "
				 "2026-03-01T14:30:00Z)",
				 f->name);
	return R_OK;
}

static enum result dd_enum(const struct dd_field *f, const json_t *v,
			   void *p, struct error *err)
{
	if (!json_is_string(v))
		return dd_wrong(f->name, v, "a string", err);
	if (json_string_length(v) > 32 || !f->parse(json_string_value(v), p))
		return error_set(err, R_INVALID, f->name,
				 "%s: \"%.32s\" is not one of %s", f->name,
				 json_string_value(v), f->list());
	return R_OK;
}

/* Reads one present, non-null value. */
static enum result dd_field(const struct dd_field *f, const json_t *v,
			    struct arena *a, char *rec, int64_t now,
			    struct error *err)
{
	char *p = rec + f->off;
	int64_t n = 0;
	enum result r;
	switch (f->type) {
	case DD_STR:
		if (!json_is_string(v))
			return dd_wrong(f->name, v, "a string", err);
		if (json_string_length(v) > (size_t)f->hi)
			return error_set(err, R_INVALID, f->name,
					 "%s: is %zu bytes long, the most is "
					 "%lld",
					 f->name, json_string_length(v),
					 (long long)f->hi);
		*(const char **)p = arena_strndup(a, json_string_value(v),
						  json_string_length(v));
		return R_OK;
	case DD_ID:
		if (!json_is_integer(v))
			return dd_wrong(f->name, v,
					"an id (a positive integer)", err);
		if (json_integer_value(v) < 1)
			return error_set(err, R_INVALID, f->name,
					 "%s: %lld is not an id (ids are "
					 "positive)",
					 f->name,
					 (long long)json_integer_value(v));
		*(int64_t *)p = (int64_t)json_integer_value(v);
		return R_OK;
	case DD_I64:
		return dd_int(f, v, (int64_t *)p, err);
	case DD_INT:
		r = dd_int(f, v, &n, err);
		if (r == R_OK)
			*(int *)p = (int)n;
		return r;
	case DD_DAY:
		return dd_day(f, v, rec, err);
	case DD_TIME:
		return dd_time(f, v, (int64_t *)p, err);
	case DD_ENUM:
		return dd_enum(f, v, p, err);
	case DD_DONE:
		if (!json_is_boolean(v))
			return dd_wrong(f->name, v, "true or false", err);
		if (!json_is_true(v))
			*(int64_t *)p = 0;
		else if (!*(int64_t *)p)
			*(int64_t *)p = now;
		return R_OK;
	case DD_BOOL:
		if (!json_is_boolean(v))
			return dd_wrong(f->name, v, "true or false", err);
		*(bool *)p = json_is_true(v);
		*(bool *)(rec + f->has_off) = true;
		return R_OK;
	case DD_RO:
		return error_set(err, R_INVALID, f->name, "%s: %s", f->name,
				 f->hint ? f->hint
					 : "is read-only (leave it out)");
	}
	return R_OK;
}

static void dd_clear(const struct dd_field *f, char *rec)
{
	char *p = rec + f->off;
	switch (f->type) {
	case DD_STR: *(const char **)p = NULL; break;
	case DD_ID:
	case DD_I64:
	case DD_TIME: *(int64_t *)p = 0; break;
	case DD_INT: *(int *)p = 0; break;
	case DD_DAY:
		*(int64_t *)p = 0;
		*(bool *)(rec + f->has_off) = false;
		break;
	default: break;
	}
}

/* Walks j against the table; see model_decode.c's codec_decode(). */
static enum result dd_decode(const json_t *j, const struct dd_field *tab,
			     size_t n_tab, struct arena *a, void *rec,
			     bool partial, int64_t now, struct error *err)
{
	if (!json_is_object(j))
		return dd_wrong("body", j, "a JSON object", err);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)j, key, v) {
		const struct dd_field *f = NULL;
		for (size_t i = 0; i < n_tab && !f; i++)
			if (strcmp(tab[i].name, key) == 0)
				f = &tab[i];
		if (!f) {
			char name[48];
			snprintf(name, sizeof(name), "%.40s", key);
			return error_set(err, R_INVALID, name,
					 "%s: is not a field here (check the "
					 "spelling; see docs/api.md)",
					 name);
		}
		if (json_is_null(v) && f->type != DD_RO) {
			if (!f->nullable)
				return error_set(err, R_INVALID, f->name,
						 "%s: may not be null",
						 f->name);
			dd_clear(f, rec);
			continue;
		}
		enum result r = dd_field(f, v, a, rec, now, err);
		if (r != R_OK)
			return r;
	}
	if (!partial)
		for (size_t i = 0; i < n_tab; i++)
			if (tab[i].required && !json_object_get(j, tab[i].name))
				return error_set(err, R_INVALID, tab[i].name,
						 "%s: is required",
						 tab[i].name);
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

#define RO(n) {.name = (n), .type = DD_RO}
#define ROH(n, h) {.name = (n), .type = DD_RO, .hint = (h)}
#define STR(n, T, m, max, req)                                                \
	{.name = (n), .type = DD_STR, .off = AT(T, m), .hi = (max),           \
	 .required = (req), .nullable = !(req)}
#define ENUM(n, T, m, p, l, req)                                              \
	{.name = (n), .type = DD_ENUM, .off = AT(T, m), .parse = (p),         \
	 .list = (l), .required = (req)}

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
	{.name = "org_id", .type = DD_ID, .off = AT(struct deal, org_id),     \
	 .required = true},                                                   \
	STR("title", struct deal, title, MODEL_NAME_MAX, true),               \
	STR("need", struct deal, need, MODEL_TEXT_MAX, false),                \
	STR("benefit", struct deal, benefit, MODEL_TEXT_MAX, false),          \
	{.name = "value_minor", .type = DD_I64,                               \
	 .off = AT(struct deal, value_minor), .lo = 0, .hi = DEAL_MONEY_MAX,  \
	 .nullable = true},                                                   \
	{.name = "price_minor", .type = DD_I64,                               \
	 .off = AT(struct deal, price_minor), .lo = 0, .hi = DEAL_MONEY_MAX,  \
	 .nullable = true},                                                   \
	STR("currency", struct deal, currency, 8, false),                     \
	ENUM("source", struct deal, source, dd_source, deal_source_list,      \
	     true),                                                           \
	{.name = "referred_by", .type = DD_ID,                                \
	 .off = AT(struct deal, referred_by), .nullable = true},              \
	STR("owner", struct deal, owner, MODEL_NAME_MAX, false),              \
	{.name = "shared", .type = DD_BOOL, .off = AT(struct deal, shared),   \
	 .has_off = AT(struct deal, has_shared)}

static const struct dd_field deal_create_fields[] = {
	DEAL_COMMON_FIELDS,
	ENUM("stage", struct deal, stage, dd_stage, deal_stage_list, false),
};

static const struct dd_field deal_patch_fields[] = {
	DEAL_COMMON_FIELDS,
	ROH("stage", "moves through POST /api/v1/deals/{id}/stage, which "
		     "records the move"),
};

static const struct dd_field stakeholder_fields[] = {
	RO("id"), RO("deal_id"), RO("person_name"), RO("created_at"),
	{.name = "person_id", .type = DD_ID,
	 .off = AT(struct stakeholder, person_id), .required = true},
	ENUM("role", struct stakeholder, role, dd_role, stakeholder_role_list,
	     true),
	ENUM("stance", struct stakeholder, stance, dd_stance,
	     stakeholder_stance_list, false),
	STR("notes", struct stakeholder, notes, MODEL_TEXT_MAX, false),
};

static const struct dd_field plan_step_fields[] = {
	RO("id"), RO("deal_id"), RO("owner_person_name"), RO("created_at"),
	ROH("done_at", "is set by \"done\": true (or POST "
		       "/api/v1/plan-steps/{id}/done)"),
	STR("title", struct plan_step, title, MODEL_NAME_MAX, true),
	ENUM("side", struct plan_step, side, dd_side, plan_side_list, true),
	{.name = "owner_person_id", .type = DD_ID,
	 .off = AT(struct plan_step, owner_person_id), .nullable = true},
	{.name = "due_on", .type = DD_DAY, .off = AT(struct plan_step, due_on),
	 .has_off = AT(struct plan_step, has_due_on), .nullable = true},
	{.name = "done", .type = DD_DONE, .off = AT(struct plan_step, done_at)},
	{.name = "position", .type = DD_INT,
	 .off = AT(struct plan_step, position), .lo = 0, .hi = 100000},
};

#define CONCERN_MOVE_HINT                                                     \
	"changes through POST /api/v1/concerns/{id}/answer, resolve, drop or " \
	"reopen"

static const struct dd_field concern_fields[] = {
	RO("id"), RO("deal_id"), RO("raised_by_name"), RO("answered_at"),
	RO("resolved_at"), RO("dropped_at"), RO("reopened_at"),
	RO("reopen_count"), ROH("status", CONCERN_MOVE_HINT),
	ROH("answer", CONCERN_MOVE_HINT), ROH("reason", CONCERN_MOVE_HINT),
	ENUM("category", struct concern, category, dd_category,
	     concern_category_list, true),
	STR("words", struct concern, words, MODEL_TEXT_MAX, true),
	{.name = "raised_by", .type = DD_ID,
	 .off = AT(struct concern, raised_by), .nullable = true},
	ENUM("source", struct concern, source, dd_csource,
	     concern_source_list, false),
	{.name = "raised_at", .type = DD_TIME,
	 .off = AT(struct concern, raised_at), .nullable = true},
};

static const struct dd_field stage_fields[] = {
	ENUM("stage", struct deal_stage_move, stage, dd_stage, deal_stage_list,
	     true),
	STR("reason", struct deal_stage_move, reason, MODEL_TEXT_MAX, false),
	{.name = "at", .type = DD_TIME, .off = AT(struct deal_stage_move, at),
	 .nullable = true},
};

static const struct dd_field status_fields[] = {
	ENUM("status", struct deal_status_move, status, dd_status,
	     deal_status_list, true),
	STR("reason", struct deal_status_move, reason, MODEL_TEXT_MAX, false),
	{.name = "date", .type = DD_DAY, .off = AT(struct deal_status_move, date),
	 .has_off = AT(struct deal_status_move, has_date), .nullable = true},
	{.name = "at", .type = DD_TIME, .off = AT(struct deal_status_move, at),
	 .nullable = true},
};

static const struct dd_field answer_fields[] = {
	STR("answer", struct concern_move, text, MODEL_TEXT_MAX, true),
	{.name = "at", .type = DD_TIME, .off = AT(struct concern_move, at),
	 .nullable = true},
};

static const struct dd_field reason_fields[] = {
	STR("reason", struct concern_move, text, MODEL_TEXT_MAX, false),
	{.name = "at", .type = DD_TIME, .off = AT(struct concern_move, at),
	 .nullable = true},
};

enum result codec_deal_from_json(const json_t *j, struct arena *a,
				 struct deal *inout, bool partial,
				 struct error *err)
{
	if (partial)
		return dd_decode(j, deal_patch_fields, N(deal_patch_fields), a,
				 inout, true, 0, err);
	return dd_decode(j, deal_create_fields, N(deal_create_fields), a,
			 inout, false, 0, err);
}

enum result codec_stakeholder_from_json(const json_t *j, struct arena *a,
					struct stakeholder *inout,
					bool partial, struct error *err)
{
	return dd_decode(j, stakeholder_fields, N(stakeholder_fields), a,
			 inout, partial, 0, err);
}

enum result codec_plan_step_from_json(const json_t *j, struct arena *a,
				      struct plan_step *inout, bool partial,
				      int64_t now, struct error *err)
{
	return dd_decode(j, plan_step_fields, N(plan_step_fields), a, inout,
			 partial, now, err);
}

enum result codec_concern_from_json(const json_t *j, struct arena *a,
				    struct concern *inout, struct error *err)
{
	return dd_decode(j, concern_fields, N(concern_fields), a, inout, false,
			 0, err);
}

enum result codec_stage_move_from_json(const json_t *j, struct arena *a,
				       struct deal_stage_move *out,
				       struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dd_decode(j, stage_fields, N(stage_fields), a, out, false, 0,
			 err);
}

enum result codec_status_move_from_json(const json_t *j, struct arena *a,
					struct deal_status_move *out,
					struct error *err)
{
	memset(out, 0, sizeof(*out));
	return dd_decode(j, status_fields, N(status_fields), a, out, false, 0,
			 err);
}

enum result codec_concern_move_from_json(const json_t *j, struct arena *a,
					 enum concern_action action,
					 struct concern_move *out,
					 struct error *err)
{
	memset(out, 0, sizeof(*out));
	if (action == CACTION_ANSWER)
		return dd_decode(j, answer_fields, N(answer_fields), a, out,
				 false, 0, err);
	return dd_decode(j, reason_fields, N(reason_fields), a, out, false, 0,
			 err);
}
