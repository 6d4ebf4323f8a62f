/*
 * deal_rules.c: readiness for an ask, stall, and the flag on asks made
 * over unsettled concerns (core layer).
 *
 * The sentences of an unready deal are written for the seller: each says
 * what is missing and what to do about it, without pushing the buyer.
 */
#include "deal_rules.h"

#include <stdarg.h>
#include <stdio.h>

#include "util/date.h"

#define DAY_SECS 86400

/* Appends one sentence to out->missing (there is room for all three). */
static void readiness_add(struct deal_readiness *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void readiness_add(struct deal_readiness *out, const char *fmt, ...)
{
	if (out->n_missing >= DEAL_READINESS_MISSING_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->missing[out->n_missing], DEAL_READINESS_TEXT_MAX, fmt,
		  ap);
	va_end(ap);
	out->n_missing++;
}

static void readiness_concerns(struct deal_readiness *out)
{
	int o = out->open_concerns, a = out->answered_concerns;
	if (o && a)
		readiness_add(out,
			      "%d concern%s still open and %d answered but not "
			      "yet confirmed by the buyer: answer the open "
			      "ones and ask whether the answers settled the "
			      "others",
			      o, o == 1 ? " is" : "s are", a);
	else if (o)
		readiness_add(out,
			      "%d concern%s still open: answer %s with the "
			      "information the buyer needs",
			      o, o == 1 ? " is" : "s are",
			      o == 1 ? "it" : "them");
	else if (a)
		readiness_add(out,
			      "%d answered concern%s not yet confirmed by the "
			      "buyer: ask whether the answer settled %s",
			      a, a == 1 ? " is" : "s are",
			      a == 1 ? "it" : "them");
}

void deal_rules_readiness(const struct concern *concerns, size_t n_concerns,
			  const struct stakeholder *people, size_t n_people,
			  const struct plan_step *steps, size_t n_steps,
			  int64_t today, struct deal_readiness *out)
{
	*out = (struct deal_readiness){0};
	for (size_t i = 0; i < n_concerns; i++) {
		if (concerns[i].status == CSTATUS_OPEN)
			out->open_concerns++;
		else if (concerns[i].status == CSTATUS_ANSWERED)
			out->answered_concerns++;
	}
	for (size_t i = 0; i < n_people; i++)
		if (people[i].role == ROLE_DECISION_MAKER)
			out->has_decision_maker = true;
	const struct plan_step *first = NULL;
	for (size_t i = 0; i < n_steps; i++) {
		const struct plan_step *s = &steps[i];
		if (s->side == SIDE_SELLER || s->done_at || !s->has_due_on ||
		    s->due_on >= today)
			continue;
		out->overdue_buyer_steps++;
		if (!first || s->due_on < first->due_on)
			first = s;
	}
	readiness_concerns(out);
	if (!out->has_decision_maker)
		readiness_add(out,
			      "no decision maker is known: find out with the "
			      "buyer who makes the decision and add them to "
			      "the committee (role decision_maker)");
	if (first) {
		char due[DATE_STR_MAX];
		date_format(first->due_on, due);
		int more = out->overdue_buyer_steps - 1;
		char extra[64] = "";
		if (more)
			snprintf(extra, sizeof(extra),
				 " (and %d more step%s overdue)", more,
				 more == 1 ? " is" : "s are");
		readiness_add(out,
			      "the buyer's step \"%.200s\" was due %s%s: ask "
			      "the buyer how it is going and agree a new date",
			      first->title ? first->title : "", due, extra);
	}
	out->ready = out->n_missing == 0;
}

int64_t deal_rules_last_activity(int64_t created_at, int64_t last_interaction,
				 const struct plan_step *steps,
				 size_t n_steps)
{
	int64_t last = created_at;
	if (last_interaction > last)
		last = last_interaction;
	for (size_t i = 0; i < n_steps; i++)
		if (steps[i].done_at > last)
			last = steps[i].done_at;
	return last;
}

void deal_rules_stall(enum deal_status status, int64_t last_activity,
		      int64_t now, int threshold_days, struct deal_stall *out)
{
	if (threshold_days < 1)
		threshold_days = DEAL_STALL_DAYS_DEFAULT;
	*out = (struct deal_stall){.since = last_activity,
				   .threshold_days = threshold_days};
	int64_t quiet = now > last_activity ? now - last_activity : 0;
	out->days_quiet = quiet / DAY_SECS;
	out->stalled = status == STATUS_OPEN &&
		       quiet > (int64_t)threshold_days * DAY_SECS;
}

bool deal_rules_ask_flagged(const struct concern *concerns, size_t n,
			    int64_t at)
{
	for (size_t i = 0; i < n; i++) {
		const struct concern *c = &concerns[i];
		if (c->raised_at > at)
			continue;
		if (c->resolved_at && c->resolved_at <= at)
			continue;
		if (c->dropped_at && c->dropped_at <= at)
			continue;
		return true;
	}
	return false;
}

bool deal_rules_repeat(int64_t deal_id, int64_t first_won_id)
{
	return first_won_id > 0 && first_won_id != deal_id;
}
