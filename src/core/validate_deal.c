/*
 * validate_deal.c: the rules of deals, stakeholders, plan steps and
 * concerns (core layer).
 *
 * Text goes through validate_text()/validate_lines() (UTF-8, control
 * characters, limits); ids, enums, money and days through the range
 * checks below, each message naming the field and what to do.
 */
#include "validate_deal.h"

#include "core/model.h"
#include "core/validate.h"
#include "util/date.h"

#define VD_TIME_MIN (-2208988800LL) /* 1900-01-01T00:00:00Z */
#define VD_DAY_SECS 86400

static enum result vd_opt_id(const char *field, int64_t id, struct error *err)
{
	if (id >= 0)
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: %lld is not an id (ids are positive; leave it "
			 "out for none)",
			 field, (long long)id);
}

static enum result vd_req_id(const char *field, int64_t id, const char *hint,
			     struct error *err)
{
	if (id > 0)
		return R_OK;
	if (id == 0)
		return error_set(err, R_INVALID, field, "%s: is required (%s)",
				 field, hint);
	return error_set(err, R_INVALID, field,
			 "%s: %lld is not an id (ids are positive)", field,
			 (long long)id);
}

static enum result vd_enum(const char *field, int v, int count,
			   const char *list, struct error *err)
{
	if (v >= 0 && v < count)
		return R_OK;
	return error_set(err, R_INVALID, field, "%s: use one of: %s", field,
			 list);
}

static enum result vd_money(const char *field, int64_t v, struct error *err)
{
	if (v >= 0 && v <= DEAL_MONEY_MAX)
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: %lld is out of range (a whole number of minor "
			 "units, cents for EUR, from 0 to %lld)",
			 field, (long long)v, (long long)DEAL_MONEY_MAX);
}

static enum result vd_currency(const struct deal *d, struct error *err)
{
	const char *c = d->currency;
	if (!c || !*c) {
		if (d->value_minor || d->price_minor)
			return error_set(err, R_INVALID, "currency",
					 "currency: is required with a value "
					 "or a price (an ISO 4217 code such "
					 "as EUR or USD)");
		return R_OK;
	}
	for (int i = 0; i < DEAL_CURRENCY_LEN; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return error_set(err, R_INVALID, "currency",
					 "currency: use a three-letter ISO "
					 "4217 code in capitals, such as EUR "
					 "or USD");
	if (c[DEAL_CURRENCY_LEN] != '\0')
		return error_set(err, R_INVALID, "currency",
				 "currency: use a three-letter ISO 4217 code "
				 "in capitals, such as EUR or USD");
	return R_OK;
}

static enum result vd_day(const char *field, int64_t days, struct error *err)
{
	if (days >= date_to_days(VALIDATE_YEAR_MIN, 1, 1) &&
	    days <= date_to_days(VALIDATE_YEAR_MAX, 12, 31))
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: is out of range (use a date between %d-01-01 "
			 "and %d-12-31)",
			 field, VALIDATE_YEAR_MIN, VALIDATE_YEAR_MAX);
}

enum result validate_event_time(const char *field, int64_t at, int64_t now,
				struct error *err)
{
	if (at < VD_TIME_MIN)
		return error_set(err, R_INVALID, field,
				 "%s: is before 1900 (check the year)", field);
	if (at > now + VD_DAY_SECS)
		return error_set(err, R_INVALID, field,
				 "%s: is in the future (record it when it has "
				 "happened)",
				 field);
	return R_OK;
}

enum result validate_stall_days(const char *field, int64_t days,
				struct error *err)
{
	if (days >= 1 && days <= DEAL_STALL_DAYS_MAX)
		return R_OK;
	return error_set(err, R_INVALID, field,
			 "%s: %lld is out of range (a number of days from 1 "
			 "to %d; the default is %d)",
			 field, (long long)days, DEAL_STALL_DAYS_MAX,
			 DEAL_STALL_DAYS_DEFAULT);
}

static enum result vd_referral(const struct deal *d, struct error *err)
{
	enum result r = vd_opt_id("referred_by", d->referred_by, err);
	if (r != R_OK)
		return r;
	if (d->source == SOURCE_REFERRAL && !d->referred_by)
		return error_set(err, R_INVALID, "referred_by",
				 "referred_by: is required for a referral "
				 "(the id of the person who referred the "
				 "buyer)");
	if (d->source != SOURCE_REFERRAL && d->referred_by)
		return error_set(err, R_INVALID, "referred_by",
				 "referred_by: only a deal whose source is "
				 "referral names who referred it (set source "
				 "to referral, or leave referred_by out)");
	return R_OK;
}

enum result validate_deal(const struct deal *d, struct error *err)
{
	enum result r;
	if ((r = vd_req_id("org_id", d->org_id,
			   "the organization that is buying", err)) != R_OK ||
	    (r = validate_text("title", d->title, MODEL_NAME_MAX, true,
			       err)) != R_OK ||
	    (r = validate_lines("need", d->need, MODEL_TEXT_MAX, false,
				err)) != R_OK ||
	    (r = validate_lines("benefit", d->benefit, MODEL_TEXT_MAX, false,
				err)) != R_OK ||
	    (r = vd_money("value_minor", d->value_minor, err)) != R_OK ||
	    (r = vd_money("price_minor", d->price_minor, err)) != R_OK ||
	    (r = vd_currency(d, err)) != R_OK ||
	    (r = vd_enum("stage", (int)d->stage, STAGE_COUNT,
			 deal_stage_list(), err)) != R_OK ||
	    (r = vd_enum("status", (int)d->status, STATUS_COUNT,
			 deal_status_list(), err)) != R_OK ||
	    (r = vd_enum("source", (int)d->source, SOURCE_COUNT,
			 deal_source_list(), err)) != R_OK ||
	    (r = vd_referral(d, err)) != R_OK ||
	    (r = validate_text("owner", d->owner, MODEL_NAME_MAX, false,
			       err)) != R_OK ||
	    (r = validate_lines("status_reason", d->status_reason,
				MODEL_TEXT_MAX, false, err)) != R_OK)
		return r;
	if (d->has_won_on && (r = vd_day("won_on", d->won_on, err)) != R_OK)
		return r;
	if (d->has_closed_on &&
	    (r = vd_day("closed_on", d->closed_on, err)) != R_OK)
		return r;
	return R_OK;
}

enum result validate_stakeholder(const struct stakeholder *s,
				 struct error *err)
{
	enum result r;
	if ((r = vd_req_id("person_id", s->person_id,
			   "the person on the buying committee",
			   err)) != R_OK ||
	    (r = vd_enum("role", (int)s->role, ROLE_COUNT,
			 stakeholder_role_list(), err)) != R_OK ||
	    (r = vd_enum("stance", (int)s->stance, STANCE_COUNT,
			 stakeholder_stance_list(), err)) != R_OK)
		return r;
	return validate_lines("notes", s->notes, MODEL_TEXT_MAX, false, err);
}

enum result validate_plan_step(const struct plan_step *p, struct error *err)
{
	enum result r;
	if ((r = validate_text("title", p->title, MODEL_NAME_MAX, true,
			       err)) != R_OK ||
	    (r = vd_enum("side", (int)p->side, SIDE_COUNT, plan_side_list(),
			 err)) != R_OK ||
	    (r = vd_opt_id("owner_person_id", p->owner_person_id, err)) !=
		R_OK)
		return r;
	if (p->has_due_on && (r = vd_day("due_on", p->due_on, err)) != R_OK)
		return r;
	if (p->position < 0)
		return error_set(err, R_INVALID, "position",
				 "position: %d is negative (0 is the first "
				 "step)",
				 p->position);
	return R_OK;
}

enum result validate_concern(const struct concern *c, int64_t now,
			     struct error *err)
{
	enum result r;
	if ((r = vd_enum("category", (int)c->category, CONCERN_CATEGORY_COUNT,
			 concern_category_list(), err)) != R_OK ||
	    (r = validate_lines("words", c->words, MODEL_TEXT_MAX, true,
				err)) != R_OK ||
	    (r = vd_opt_id("raised_by", c->raised_by, err)) != R_OK ||
	    (r = vd_enum("status", (int)c->status, CSTATUS_COUNT,
			 concern_status_list(), err)) != R_OK ||
	    (r = vd_enum("source", (int)c->source, CSOURCE_COUNT,
			 concern_source_list(), err)) != R_OK ||
	    (r = validate_lines("answer", c->answer, MODEL_TEXT_MAX, false,
				err)) != R_OK ||
	    (r = validate_lines("reason", c->close_reason, MODEL_TEXT_MAX,
				false, err)) != R_OK)
		return r;
	return validate_event_time("raised_at", c->raised_at, now, err);
}
