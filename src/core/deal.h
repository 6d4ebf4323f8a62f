/*
 * deal.h: the types of rapport's deal side and the rules that move them
 * (core layer).
 *
 * A deal follows the buyer's decision, not the seller's pipeline: buyer
 * stages that move back as well as forward, a status that ends open,
 * won, lost, no_fit or rescinded, the buying committee (stakeholders), a
 * mutual plan of steps owned by either side, and a ledger of the buyer's
 * concerns. Strings are borrowed as in model.h (the store fills them from
 * the caller's arena); ids are positive and 0 means none; calendar dates
 * are day counts with a has_ flag, times seconds since the epoch (UTC).
 *
 * The transition functions here say whether a status or a concern may
 * move, and when not, say what the seller should do instead. Readiness,
 * stall and the outcome measures are in deal_rules.c and metrics.c.
 */
#ifndef RAPPORT_CORE_DEAL_H
#define RAPPORT_CORE_DEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/result.h"

#define DEAL_CURRENCY_LEN 3 /* ISO 4217: "EUR", "USD" */
#define DEAL_MONEY_MAX 100000000000000LL /* a trillion in minor units */
#define DEAL_STALL_DAYS_DEFAULT 21
#define DEAL_STALL_DAYS_MAX 3650

enum deal_stage {
	STAGE_EXPLORING,
	STAGE_EVALUATING,
	STAGE_TRIALING,
	STAGE_DECIDING,
	STAGE_COMMITTED,
	STAGE_COUNT
};

enum deal_status {
	STATUS_OPEN,
	STATUS_WON,
	STATUS_LOST,
	STATUS_NO_FIT, /* decided together it is not right for them */
	STATUS_RESCINDED, /* won, then cancelled or refunded */
	STATUS_COUNT
};

enum deal_source {
	SOURCE_REFERRAL,
	SOURCE_REPEAT,
	SOURCE_INBOUND,
	SOURCE_OUTBOUND,
	SOURCE_COUNT
};

enum stakeholder_role {
	ROLE_DECISION_MAKER,
	ROLE_CHAMPION,
	ROLE_USER,
	ROLE_TECHNICAL,
	ROLE_FINANCE,
	ROLE_PARTNER, /* partner or spouse */
	ROLE_INFLUENCER,
	ROLE_COUNT
};

enum stakeholder_stance {
	STANCE_UNKNOWN,
	STANCE_SUPPORTIVE,
	STANCE_NEUTRAL,
	STANCE_SKEPTICAL,
	STANCE_COUNT
};

enum plan_side {
	SIDE_BUYER,
	SIDE_SELLER,
	SIDE_BOTH,
	SIDE_COUNT
};

enum concern_category {
	CONCERN_PRICE,
	CONCERN_VALUE,
	CONCERN_APPROVAL,
	CONCERN_TIMING,
	CONCERN_RISK,
	CONCERN_COMPETITOR,
	CONCERN_FIT,
	CONCERN_OTHER,
	CONCERN_CATEGORY_COUNT
};

enum concern_status {
	CSTATUS_OPEN,
	CSTATUS_ANSWERED, /* information given; the buyer has not confirmed */
	CSTATUS_RESOLVED, /* the buyer confirmed */
	CSTATUS_DROPPED,
	CSTATUS_COUNT
};

enum concern_source {
	CSOURCE_ENTERED,
	CSOURCE_COACH,
	CSOURCE_BUYER_LINK,
	CSOURCE_COUNT
};

/* What can be done to a concern. */
enum concern_action {
	CACTION_ANSWER,
	CACTION_RESOLVE,
	CACTION_DROP,
	CACTION_REOPEN,
	CACTION_COUNT
};

enum deal_event_kind {
	EVENT_CREATED,
	EVENT_STAGE,
	EVENT_STATUS,
	EVENT_KIND_COUNT
};

struct deal {
	int64_t id;
	int64_t org_id;       /* required */
	const char *org_name; /* filled by the store on read */
	const char *title;    /* required */
	const char *need;     /* the buyer's need, in their words */
	const char *benefit;  /* the benefit they expect */
	int64_t value_minor;  /* estimated value, minor units; 0: unknown */
	int64_t price_minor;  /* price, minor units; 0: unknown */
	const char *currency; /* required when value or price is set */
	enum deal_stage stage;
	enum deal_status status;
	enum deal_source source;
	int64_t referred_by; /* person id; required for referrals only */
	const char *referred_by_name; /* filled by the store on read */
	const char *owner; /* a seller's name; free text until accounts */
	/* the owning user's display name or login, read by the store (NULL:
	 * no owner), and whether the team may read the deal; shared is only
	 * written when has_shared (a zeroed deal is shared by default) */
	const char *owner_user;
	bool shared;
	bool has_shared;
	bool has_won_on;
	int64_t won_on; /* day the deal was won; kept when rescinded */
	bool has_closed_on;
	int64_t closed_on; /* day of the last status change away from open */
	const char *status_reason;
	bool repeat;        /* read: the org had a deal won before this one */
	int64_t created_at; /* the store sets it (to now when 0) */
	int64_t updated_at;
};

/* One stage or status change (or the creation), kept for ever. */
struct deal_event {
	int64_t id;
	int64_t deal_id;
	enum deal_event_kind kind;
	const char *from; /* the stage's or status's name; NULL on creation */
	const char *to;
	const char *reason;
	int64_t at;
};

struct stakeholder {
	int64_t id;
	int64_t deal_id;
	int64_t person_id;       /* required */
	const char *person_name; /* filled by the store on read */
	enum stakeholder_role role;
	enum stakeholder_stance stance;
	const char *notes;
	int64_t created_at;
};

struct plan_step {
	int64_t id;
	int64_t deal_id;
	const char *title; /* required */
	enum plan_side side;
	int64_t owner_person_id; /* 0: none named */
	const char *owner_person_name; /* filled by the store on read */
	bool has_due_on;
	int64_t due_on; /* day */
	int64_t done_at; /* time; 0: not done */
	int position;    /* order on the plan; the store appends at the end */
	int64_t created_at;
};

struct concern {
	int64_t id;
	int64_t deal_id;
	enum concern_category category;
	const char *words;  /* the buyer's words; required */
	int64_t raised_by;  /* stakeholder id on this deal, 0: unknown */
	const char *raised_by_name; /* filled by the store on read */
	enum concern_status status;
	enum concern_source source;
	const char *answer; /* the information given */
	const char *close_reason; /* why it was dropped (or reopened) */
	int64_t raised_at;
	int64_t answered_at; /* the latest answer; 0: none */
	int64_t resolved_at; /* 0 unless resolved */
	int64_t dropped_at;  /* 0 unless dropped */
	int64_t reopened_at; /* the latest reopening; 0: never */
	int reopen_count;
};

/* An ask for the business made on a deal (an interaction of kind ask). */
struct deal_ask {
	int64_t interaction_id;
	int64_t at;
	bool flagged; /* made while concerns were unsettled */
};

/* Names of enum values as used in the API, CLI and database. */
const char *deal_stage_name(enum deal_stage v);
const char *deal_status_name(enum deal_status v);
const char *deal_source_name(enum deal_source v);
const char *stakeholder_role_name(enum stakeholder_role v);
const char *stakeholder_stance_name(enum stakeholder_stance v);
const char *plan_side_name(enum plan_side v);
const char *concern_category_name(enum concern_category v);
const char *concern_status_name(enum concern_status v);
const char *concern_source_name(enum concern_source v);
const char *concern_action_name(enum concern_action v);
const char *deal_event_kind_name(enum deal_event_kind v);
/* Parse a name back; false when s names no value (out is untouched). */
bool deal_stage_parse(const char *s, enum deal_stage *out);
bool deal_status_parse(const char *s, enum deal_status *out);
bool deal_source_parse(const char *s, enum deal_source *out);
bool stakeholder_role_parse(const char *s, enum stakeholder_role *out);
bool stakeholder_stance_parse(const char *s, enum stakeholder_stance *out);
bool plan_side_parse(const char *s, enum plan_side *out);
bool concern_category_parse(const char *s, enum concern_category *out);
bool concern_status_parse(const char *s, enum concern_status *out);
bool concern_source_parse(const char *s, enum concern_source *out);
bool deal_event_kind_parse(const char *s, enum deal_event_kind *out);
/* The allowed names joined with ", ", for messages. */
const char *deal_stage_list(void);
const char *deal_status_list(void);
const char *deal_source_list(void);
const char *stakeholder_role_list(void);
const char *stakeholder_stance_list(void);
const char *plan_side_list(void);
const char *concern_category_list(void);
const char *concern_status_list(void);
const char *concern_source_list(void);

/*
 * Says whether a deal may move from status from to status to: open to
 * won, lost or no_fit; won to rescinded; lost and no_fit back to open
 * (the buyer came back). Anything else is R_INVALID with field "status"
 * and a sentence that says what to do instead ("only a won deal can be
 * rescinded; ..."). Rescinding also needs a reason (given non-empty).
 */
enum result deal_status_check(enum deal_status from, enum deal_status to,
			      bool has_reason, struct error *err);

/*
 * Says whether action may be done to a concern in status from, and gives
 * the status it leads to in *to: answer from open or answered (a new
 * answer replaces the old), resolve from answered only, drop from open or
 * answered, reopen from answered, resolved or dropped. Otherwise
 * R_INVALID with field "status" and a sentence naming the next step.
 */
enum result concern_transition(enum concern_status from,
			       enum concern_action action,
			       enum concern_status *to, struct error *err);

/*
 * Applies action at time at to c (whose status was checked by
 * concern_transition): sets the status and the times, the answer (for
 * CACTION_ANSWER) and the reason. Borrowed strings are kept as given.
 */
void concern_apply(struct concern *c, enum concern_action action,
		   enum concern_status to, const char *text, int64_t at);

/* True when a concern still needs work before an ask: open or answered. */
bool concern_unsettled(enum concern_status s);

#endif
