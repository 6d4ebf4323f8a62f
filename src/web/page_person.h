/*
 * page_person.h: what one person's page (page_person.c) and the forms
 * posted from it (page_person_edit.c) share (web layer, internal to
 * src/web).
 *
 * The page is rendered by page_person_render(); a form that fails is
 * shown again by rendering the page with that form's state: which form,
 * which item it was about (a fact, a date, a touch, a relationship),
 * what was typed and why it was refused.
 */
#ifndef RAPPORT_WEB_PAGE_PERSON_H
#define RAPPORT_WEB_PAGE_PERSON_H

#include <stdint.h>

#include "util/result.h"

struct req;
struct page_form;

/* The forms of a person's page. */
enum page_person_form {
	PERSON_FORM_NONE,
	PERSON_FORM_FACT,	  /* add a fact */
	PERSON_FORM_DATE,	  /* add a date */
	PERSON_FORM_TOUCH,	  /* log a touch */
	PERSON_FORM_REL,	  /* add a relationship */
	PERSON_FORM_REL_DELETE,	  /* item: the relationship */
	PERSON_FORM_FACT_EDIT,	  /* item: the fact */
	PERSON_FORM_FACT_DELETE,  /* item: the fact */
	PERSON_FORM_DATE_EDIT,	  /* item: the date */
	PERSON_FORM_DATE_DELETE,  /* item: the date */
	PERSON_FORM_TOUCH_EDIT,	  /* item: the interaction */
	PERSON_FORM_TOUCH_DELETE, /* item: the interaction */
};

/* Which form failed, what was typed in it and why (all borrowed). */
struct page_person_failed {
	enum page_person_form form;
	int64_t item;
	const struct page_form *in;
	const struct error *bad;
};

/*
 * Renders person id's page with status, the timeline from after (0: the
 * newest); failed (NULL: none) shows one form again with what was typed
 * and its error beside the field. A missing person is a 404 page.
 */
enum result page_person_render(struct req *r, int64_t id, int64_t after,
			       const struct page_person_failed *failed,
			       int status, struct error *err);

#endif
