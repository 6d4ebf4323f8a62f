/*
 * validate_advisor.c: the rules of offerings, needs, fits and
 * recommendations (core layer). Text goes through validate_text() and
 * validate_lines(); the numbers through range checks whose messages say
 * what the scale means, so a person can pick the right value.
 */
#include "validate_advisor.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/deal.h"
#include "core/model.h"
#include "core/validate.h"

static enum result va_id(const char *field, int64_t id, const char *what,
			 struct error *err)
{
	if (id > 0)
		return R_OK;
	return error_set(err, R_INVALID, field, "%s: is required (%s)", field,
			 what);
}

static bool va_link_ok(const char *s)
{
	size_t skip;
	if (strncasecmp(s, "https://", 8) == 0)
		skip = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		skip = 7;
	else
		return false;
	if (!s[skip])
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ')
			return false;
	return true;
}

static enum result va_currency(const struct offering *o, struct error *err)
{
	const char *c = o->currency;
	if (!c || !*c) {
		if (o->price_minor)
			return error_set(err, R_INVALID, "currency",
					 "currency: is required with a price "
					 "(an ISO 4217 code such as EUR or "
					 "USD)");
		return R_OK;
	}
	bool ok = strlen(c) == DEAL_CURRENCY_LEN;
	for (size_t i = 0; ok && i < DEAL_CURRENCY_LEN; i++)
		ok = c[i] >= 'A' && c[i] <= 'Z';
	if (ok)
		return R_OK;
	return error_set(err, R_INVALID, "currency",
			 "currency: use a three-letter ISO 4217 code in "
			 "capitals, such as EUR or USD");
}

static enum result va_links(const struct offering *o, struct error *err)
{
	if (o->n_links > ADVISOR_LINKS_MAX)
		return error_set(err, R_INVALID, "links",
				 "links: %zu links, the most is %d (keep the "
				 "ones the buyer should read)",
				 o->n_links, ADVISOR_LINKS_MAX);
	for (size_t i = 0; i < o->n_links; i++) {
		char f[32];
		snprintf(f, sizeof(f), "links[%zu]", i);
		enum result r =
		    validate_text(f, o->links[i], ADVISOR_LINK_MAX, true, err);
		if (r != R_OK)
			return r;
		if (!va_link_ok(o->links[i]))
			return error_set(err, R_INVALID, f,
					 "%s: is not a web address (start it "
					 "with https:// and leave no spaces)",
					 f);
	}
	return R_OK;
}

enum result validate_offering(const struct offering *o, struct error *err)
{
	enum result r;
	if ((r = validate_text("vendor", o->vendor, MODEL_NAME_MAX, true,
			       err)) != R_OK ||
	    (r = validate_text("name", o->name, MODEL_NAME_MAX, true, err)) !=
		R_OK)
		return r;
	if (o->price_minor < 0 || o->price_minor > DEAL_MONEY_MAX)
		return error_set(err, R_INVALID, "price_minor",
				 "price_minor: %lld is out of range (a whole "
				 "number of minor units, cents for EUR, from "
				 "0 to %lld; 0 when unknown)",
				 (long long)o->price_minor,
				 (long long)DEAL_MONEY_MAX);
	if ((r = va_currency(o, err)) != R_OK)
		return r;
	if ((unsigned)o->price_model >= PRICE_MODEL_COUNT)
		return error_set(err, R_INVALID, "price_model",
				 "price_model: use one of %s",
				 price_model_list());
	if ((r = validate_lines("notes", o->notes, MODEL_TEXT_MAX, false,
				err)) != R_OK)
		return r;
	return va_links(o, err);
}

enum result validate_need(const struct need *n, struct error *err)
{
	enum result r = va_id("deal_id", n->deal_id, "the deal it is on", err);
	if (r == R_OK)
		r = validate_lines("words", n->words, MODEL_TEXT_MAX, true,
				   err);
	if (r != R_OK)
		return r;
	if (n->weight < ADVISOR_WEIGHT_MIN || n->weight > ADVISOR_WEIGHT_MAX)
		return error_set(err, R_INVALID, "weight",
				 "weight: %d is out of range (1 = nice to "
				 "have ... 5 = matters most)",
				 n->weight);
	return R_OK;
}

enum result validate_fit(const struct fit *f, struct error *err)
{
	enum result r;
	if ((r = va_id("need_id", f->need_id, "the need it is scored on",
		       err)) != R_OK ||
	    (r = va_id("offering_id", f->offering_id, "the offering scored",
		       err)) != R_OK)
		return r;
	if (f->has_score && (f->score < 0 || f->score > ADVISOR_SCORE_MAX))
		return error_set(err, R_INVALID, "score",
				 "score: %d is out of range (0 = does not "
				 "meet it ... 5 = meets it fully; leave it "
				 "empty when not known)",
				 f->score);
	if ((r = validate_lines("evidence", f->evidence, MODEL_TEXT_MAX,
				f->has_score, err)) != R_OK) {
		if (f->has_score && err && err->field[0] &&
		    (!f->evidence || !*f->evidence))
			error_set(err, R_INVALID, "evidence",
				  "evidence: is required with a score (say "
				  "what shows it, e.g. \"the trial synced "
				  "200 orders offline\")");
		return r;
	}
	return validate_text("source", f->source, MODEL_NAME_MAX, false, err);
}

enum result validate_recommendation(const struct recommendation *r,
				    struct error *err)
{
	enum result res;
	if ((res = va_id("deal_id", r->deal_id, "the deal", err)) != R_OK ||
	    (res = va_id("offering_id", r->offering_id,
			 "the offering recommended", err)) != R_OK)
		return res;
	res = validate_lines("rationale", r->rationale, MODEL_TEXT_MAX, true,
			     err);
	if (res == R_INVALID && (!r->rationale || !*r->rationale))
		error_set(err, R_INVALID, "rationale",
			  "rationale: is required (say why it fits the "
			  "buyer best, in words they would recognise)");
	return res;
}
