/*
 * deal.c: names of the deal enums, and the transitions of a deal's status
 * and of a concern (core layer).
 *
 * The transition messages are what the seller reads when a move is
 * refused, so each one says what to do next rather than only "not
 * allowed".
 */
#include "deal.h"

#include <string.h>

static const char *const stage_names[STAGE_COUNT] = {
	"exploring", "evaluating", "trialing", "deciding", "committed"};
static const char *const status_names[STATUS_COUNT] = {
	"open", "won", "lost", "no_fit", "rescinded"};
static const char *const source_names[SOURCE_COUNT] = {
	"referral", "repeat", "inbound", "outbound"};
static const char *const role_names[ROLE_COUNT] = {
	"decision_maker", "champion", "user", "technical",
	"finance", "partner", "influencer"};
static const char *const stance_names[STANCE_COUNT] = {
	"unknown", "supportive", "neutral", "skeptical"};
static const char *const side_names[SIDE_COUNT] = {"buyer", "seller",
						   "both"};
static const char *const category_names[CONCERN_CATEGORY_COUNT] = {
	"price", "value", "approval", "timing",
	"risk", "competitor", "fit", "other"};
static const char *const cstatus_names[CSTATUS_COUNT] = {
	"open", "answered", "resolved", "dropped"};
static const char *const csource_names[CSOURCE_COUNT] = {
	"entered", "coach", "buyer_link"};
static const char *const action_names[CACTION_COUNT] = {
	"answer", "resolve", "drop", "reopen"};
static const char *const event_names[EVENT_KIND_COUNT] = {
	"created", "stage", "status"};

static const char *deal_name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : names[0];
}

static int deal_find(const char *const *names, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Defines the name, parse pair of one enum over its table. */
#define DEAL_ENUM(prefix, type, table, count)                                 \
	const char *prefix##_name(enum type v)                                \
	{                                                                     \
		return deal_name_of(table, count, (int)v);                    \
	}                                                                     \
	bool prefix##_parse(const char *s, enum type *out)                    \
	{                                                                     \
		int i = deal_find(table, count, s);                           \
		if (i < 0)                                                    \
			return false;                                         \
		*out = (enum type)i;                                          \
		return true;                                                  \
	}

DEAL_ENUM(deal_stage, deal_stage, stage_names, STAGE_COUNT)
DEAL_ENUM(deal_status, deal_status, status_names, STATUS_COUNT)
DEAL_ENUM(deal_source, deal_source, source_names, SOURCE_COUNT)
DEAL_ENUM(stakeholder_role, stakeholder_role, role_names, ROLE_COUNT)
DEAL_ENUM(stakeholder_stance, stakeholder_stance, stance_names, STANCE_COUNT)
DEAL_ENUM(plan_side, plan_side, side_names, SIDE_COUNT)
DEAL_ENUM(concern_category, concern_category, category_names,
	  CONCERN_CATEGORY_COUNT)
DEAL_ENUM(concern_status, concern_status, cstatus_names, CSTATUS_COUNT)
DEAL_ENUM(concern_source, concern_source, csource_names, CSOURCE_COUNT)
DEAL_ENUM(deal_event_kind, deal_event_kind, event_names, EVENT_KIND_COUNT)

const char *concern_action_name(enum concern_action v)
{
	return deal_name_of(action_names, CACTION_COUNT, (int)v);
}

const char *deal_stage_list(void)
{
	return "exploring, evaluating, trialing, deciding, committed";
}

const char *deal_status_list(void)
{
	return "open, won, lost, no_fit, rescinded";
}

const char *deal_source_list(void)
{
	return "referral, repeat, inbound, outbound";
}

const char *stakeholder_role_list(void)
{
	return "decision_maker, champion, user, technical, finance, partner, "
	       "influencer";
}

const char *stakeholder_stance_list(void)
{
	return "unknown, supportive, neutral, skeptical";
}

const char *plan_side_list(void)
{
	return "buyer, seller, both";
}

const char *concern_category_list(void)
{
	return "price, value, approval, timing, risk, competitor, fit, other";
}

const char *concern_status_list(void)
{
	return "open, answered, resolved, dropped";
}

const char *concern_source_list(void)
{
	return "entered, coach, buyer_link";
}

enum result deal_status_check(enum deal_status from, enum deal_status to,
			      bool has_reason, struct error *err)
{
	const char *f = deal_status_name(from), *t = deal_status_name(to);
	if ((unsigned)to >= STATUS_COUNT)
		return error_set(err, R_INVALID, "status",
				 "status: use one of %s", deal_status_list());
	if (from == to)
		return error_set(err, R_INVALID, "status",
				 "status: the deal is already %s (nothing to "
				 "change)",
				 f);
	if (to == STATUS_RESCINDED) {
		if (from != STATUS_WON)
			return error_set(
				err, R_INVALID, "status",
				"status: only a won deal can be rescinded; "
				"this deal is %s (mark it won first if it "
				"was won, then rescind it)",
				f);
		if (!has_reason)
			return error_set(err, R_INVALID, "reason",
					 "reason: is required when a deal is "
					 "rescinded (say why the buyer "
					 "cancelled or asked for a refund)");
		return R_OK;
	}
	if (from == STATUS_OPEN) /* to won, lost or no_fit */
		return R_OK;
	if (to == STATUS_OPEN &&
	    (from == STATUS_LOST || from == STATUS_NO_FIT))
		return R_OK;
	if (from == STATUS_WON)
		return error_set(err, R_INVALID, "status",
				 "status: a won deal cannot become %s; if the "
				 "buyer cancelled or was refunded, rescind it "
				 "(status rescinded, with a reason)",
				 t);
	if (from == STATUS_RESCINDED)
		return error_set(err, R_INVALID, "status",
				 "status: a rescinded deal stays rescinded; "
				 "if the buyer comes back, start a new deal "
				 "(it counts as repeat business)");
	return error_set(err, R_INVALID, "status",
			 "status: a %s deal can only be reopened (status "
			 "open) before it becomes %s",
			 f, t);
}

bool concern_unsettled(enum concern_status s)
{
	return s == CSTATUS_OPEN || s == CSTATUS_ANSWERED;
}

enum result concern_transition(enum concern_status from,
			       enum concern_action action,
			       enum concern_status *to, struct error *err)
{
	const char *f = concern_status_name(from);
	switch (action) {
	case CACTION_ANSWER:
		if (concern_unsettled(from)) {
			*to = CSTATUS_ANSWERED;
			return R_OK;
		}
		return error_set(err, R_INVALID, "status",
				 "status: the concern is %s; reopen it first "
				 "if the buyer raised it again, then answer "
				 "it",
				 f);
	case CACTION_RESOLVE:
		if (from == CSTATUS_ANSWERED) {
			*to = CSTATUS_RESOLVED;
			return R_OK;
		}
		if (from == CSTATUS_OPEN)
			return error_set(err, R_INVALID, "status",
					 "status: the concern has not been "
					 "answered yet; answer it first with "
					 "the information you gave, then "
					 "resolve it when the buyer confirms");
		return error_set(err, R_INVALID, "status",
				 "status: the concern is already %s "
				 "(reopen it if the buyer raised it again)",
				 f);
	case CACTION_DROP:
		if (concern_unsettled(from)) {
			*to = CSTATUS_DROPPED;
			return R_OK;
		}
		return error_set(err, R_INVALID, "status",
				 "status: the concern is already %s; only an "
				 "open or answered concern can be dropped",
				 f);
	case CACTION_REOPEN:
		if (from != CSTATUS_OPEN) {
			*to = CSTATUS_OPEN;
			return R_OK;
		}
		return error_set(err, R_INVALID, "status",
				 "status: the concern is already open "
				 "(answer it when you have the information)");
	default:
		break;
	}
	return error_set(err, R_INVALID, "action",
			 "action: use answer, resolve, drop or reopen");
}

void concern_apply(struct concern *c, enum concern_action action,
		   enum concern_status to, const char *text, int64_t at)
{
	c->status = to;
	switch (action) {
	case CACTION_ANSWER:
		c->answer = text;
		c->answered_at = at;
		break;
	case CACTION_RESOLVE:
		c->resolved_at = at;
		break;
	case CACTION_DROP:
		c->dropped_at = at;
		c->close_reason = text;
		break;
	case CACTION_REOPEN:
		c->resolved_at = 0;
		c->dropped_at = 0;
		c->reopened_at = at;
		c->reopen_count++;
		if (text)
			c->close_reason = text;
		break;
	default:
		break;
	}
}
