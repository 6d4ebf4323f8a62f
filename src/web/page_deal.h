/*
 * page_deal.h: what the deal pages share (web layer, internal to
 * src/web): the words a page uses for stages, statuses and roles, money
 * as people read and type it, and the short list of deals that the
 * person and organization pages show.
 *
 * The pages themselves are page_deals.c (the board and the deal form),
 * page_deal.c and page_deal_post.c (one deal and its small forms) and
 * page_metrics.c (the measures, with charts from svg.c).
 */
#ifndef RAPPORT_WEB_PAGE_DEAL_H
#define RAPPORT_WEB_PAGE_DEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/deal.h"
#include "util/buf.h"
#include "util/result.h"

struct req;
struct page_form;

/* Words shown for each value (the API's names go in form values). */
const char *page_deal_stage_text(enum deal_stage s);
const char *page_deal_status_text(enum deal_status s);
const char *page_deal_role_text(enum stakeholder_role r);
const char *page_deal_stance_text(enum stakeholder_stance s);
const char *page_deal_side_text(enum plan_side s);
const char *page_deal_category_text(enum concern_category c);

/*
 * Writes minor units as "12,000.50 EUR" (two decimals, as the CLI);
 * writes "—" when minor is 0 (unknown).
 */
void page_deal_money(struct buf *b, int64_t minor, const char *currency);

/*
 * Reads an amount typed in major units ("12000", "12000.5", "12000.50")
 * from field name into *minor; blank is 0. R_INVALID naming the field
 * for anything else, or more than DEAL_MONEY_MAX minor units.
 */
enum result page_deal_read_money(const struct page_form *f, const char *name,
				 int64_t *minor, struct error *err);

/* The amount field's default for minor units: "" for 0, else "12000.50"
 * (from the request's arena). */
const char *page_deal_money_value(struct req *r, int64_t minor);

/*
 * Writes the deals of an organization (org_id) as a list with their
 * stage or status, each linked to its page, under an <h2> heading; for
 * person_id not 0 the deals on whose buying committee that person sits,
 * whatever the organization, with their role. Returns the store's
 * failure, if any.
 */
enum result page_deal_list_for(struct buf *b, struct req *r, int64_t org_id,
			       int64_t person_id, struct error *err);

/* ---- one deal's page (page_deal.c) ---- */

/* The small forms of a deal's page, to show one again with its error. */
enum page_deal_form {
	PAGE_DEAL_FORM_NONE,
	PAGE_DEAL_FORM_CONCERN,	  /* add a concern */
	PAGE_DEAL_FORM_ANSWER,	  /* item: the concern */
	PAGE_DEAL_FORM_RESOLVE,	  /* item: the concern */
	PAGE_DEAL_FORM_DROP,	  /* item: the concern */
	PAGE_DEAL_FORM_REOPEN,	  /* item: the concern */
	PAGE_DEAL_FORM_PERSON,	  /* add a stakeholder */
	PAGE_DEAL_FORM_STANCE,	  /* item: the stakeholder */
	PAGE_DEAL_FORM_STEP,	  /* add a plan step */
	PAGE_DEAL_FORM_STEP_DONE, /* item: the step */
	PAGE_DEAL_FORM_STAGE,
	PAGE_DEAL_FORM_STATUS,
	PAGE_DEAL_FORM_TOUCH,		   /* log a touch on the deal */
	PAGE_DEAL_FORM_DELETE,		   /* delete the deal */
	PAGE_DEAL_FORM_STAKEHOLDER_DELETE, /* item: the stakeholder */
	PAGE_DEAL_FORM_STEP_EDIT,	   /* item: the step */
	PAGE_DEAL_FORM_STEP_DELETE,	   /* item: the step */
};

/* Which form failed, what was typed in it and why (all borrowed). */
struct page_deal_failed {
	enum page_deal_form form;
	int64_t item;
	const struct page_form *in;
	const struct error *bad;
};

/*
 * Renders deal id's page with status; failed (NULL: none) shows one form
 * again with what was typed and its error beside the field. A missing
 * deal is a 404 page.
 */
enum result page_deal_render(struct req *r, int64_t id,
			     const struct page_deal_failed *failed, int status,
			     struct error *err);

#endif
