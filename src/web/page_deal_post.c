/*
 * page_deal_post.c: the small forms on a deal's page (web layer).
 *
 * Each form POSTs to a path under /deals/{id}: add a concern and move it
 * (answer, resolve, drop, reopen), add someone to the committee, change
 * their role, stance and notes or take them off, add a plan step, change
 * it, mark it done or remove it, move the stage, record the outcome, log
 * a touch on the deal, delete the deal (with a ticked confirmation). A path
 * naming a concern, stakeholder or step of another deal is a 404. On success
 * the answer is 303 back to the deal's section; on bad input, or a move the
 * rules refuse (core's deal_status_check and concern_transition, called by the
 * store), the page is rendered again with 422 and the refusal beside the form,
 * never a 500.
 */
#include "web/page_deal.h"

#include <string.h>

#include "core/validate.h"
#include "core/validate_deal.h"
#include "store/store_deal.h"
#include "util/arena.h"
#include "util/date.h"
#include "web/page.h"

/* Reads the deal id of the path and the form; checks the deal exists. */
static enum result deal_begin(struct req *r, int64_t *id, struct page_form *f,
			      struct error *err)
{
	struct deal d;
	enum result res = api_param_id(r, 0, id, err);
	if (res == R_OK)
		res = store_deal_get(r->store, r->arena, *id, &d, err);
	if (res == R_OK)
		res = page_form_read(r, f, err);
	return res;
}

/*
 * The end of a form's POST: 303 back to the deal's section when res is
 * R_OK, the page again with 422 (409 for a conflict) when the input was
 * at fault, else the failure itself.
 */
static enum result deal_after(struct req *r, int64_t id, enum result res,
			      enum page_deal_form form, int64_t item,
			      const struct page_form *in,
			      const struct error *bad, const char *anchor,
			      struct error *err)
{
	if (res == R_OK)
		return page_redirect(r, arena_printf(r->arena, "/deals/%lld#%s",
						     (long long)id, anchor));
	if (res != R_INVALID && res != R_CONFLICT) {
		*err = *bad;
		return res;
	}
	struct page_deal_failed failed = {form, item, in, bad};
	return page_deal_render(r, id, &failed, res == R_CONFLICT ? 409 : 422,
				err);
}

/* ---- concerns ---- */

/* Handles POST /deals/{id}/concerns. */
enum result page_deal_concern_add(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct concern c = {0};
	struct error bad = {0};
	c.deal_id = id;
	c.words = page_form_text(r->arena, &f, "words");
	c.raised_at = r->now;
	const char *cat = page_form_get(&f, "category");
	if (!cat || !concern_category_parse(cat, &c.category))
		res = error_set(&bad, R_INVALID, "category",
				"category: must be one of %s",
				concern_category_list());
	if (res == R_OK)
		res = page_form_id(&f, "raised_by", &c.raised_by, &bad);
	if (res == R_OK && !c.words)
		res = error_set(&bad, R_INVALID, "words",
				"words: is required (what the buyer said, in "
				"their words)");
	if (res == R_OK)
		res = validate_concern(&c, r->now, &bad);
	if (res == R_OK)
		res = store_concern_create(r->store, &c, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_CONCERN, 0, &f, &bad,
			  "concerns-h", err);
}

/* One move of a concern: /deals/{id}/concerns/{cid}/{move}. */
static enum result deal_concern_move(struct req *r, enum concern_action action,
				     enum page_deal_form form,
				     struct error *err)
{
	int64_t id, cid;
	struct page_form f;
	struct concern c;
	enum result res = deal_begin(r, &id, &f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &cid, err);
	if (res == R_OK)
		res = store_concern_get(r->store, r->arena, cid, &c, err);
	if (res == R_OK && c.deal_id != id)
		res = error_set(err, R_NOT_FOUND, "id",
				"there is no concern %lld on this deal",
				(long long)cid);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	bool answer = action == CACTION_ANSWER;
	const char *field = answer ? "answer" : "reason";
	const char *text = page_form_text(r->arena, &f, field);
	if (answer && !text)
		res = error_set(&bad, R_INVALID, "answer",
				"answer: is required (the information you gave "
				"the buyer)");
	if (res == R_OK)
		res = validate_lines(field, text, MODEL_TEXT_MAX, answer, &bad);
	if (res == R_OK)
		res = store_concern_act(r->store, r->arena, cid, action, text,
					r->now, NULL, &bad);
	return deal_after(
	    r, id, res, form, cid, &f, &bad,
	    arena_printf(r->arena, "concern-%lld", (long long)cid), err);
}

enum result page_deal_concern_answer(struct req *r, struct error *err)
{
	return deal_concern_move(r, CACTION_ANSWER, PAGE_DEAL_FORM_ANSWER, err);
}

enum result page_deal_concern_resolve(struct req *r, struct error *err)
{
	return deal_concern_move(r, CACTION_RESOLVE, PAGE_DEAL_FORM_RESOLVE,
				 err);
}

enum result page_deal_concern_drop(struct req *r, struct error *err)
{
	return deal_concern_move(r, CACTION_DROP, PAGE_DEAL_FORM_DROP, err);
}

enum result page_deal_concern_reopen(struct req *r, struct error *err)
{
	return deal_concern_move(r, CACTION_REOPEN, PAGE_DEAL_FORM_REOPEN, err);
}

/* ---- the buying committee ---- */

/* Reads role and stance into k. */
static enum result deal_role_stance(const struct page_form *f,
				    struct stakeholder *k, struct error *bad)
{
	const char *role = page_form_get(f, "role");
	const char *stance = page_form_get(f, "stance");
	if (!role || !stakeholder_role_parse(role, &k->role))
		return error_set(bad, R_INVALID, "role",
				 "role: must be one of %s",
				 stakeholder_role_list());
	if (!stance || !stakeholder_stance_parse(stance, &k->stance))
		return error_set(bad, R_INVALID, "stance",
				 "stance: must be one of %s",
				 stakeholder_stance_list());
	return R_OK;
}

/* Handles POST /deals/{id}/stakeholders. */
enum result page_deal_stakeholder_add(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct stakeholder k = {0};
	struct error bad = {0};
	int64_t other = 0;
	k.deal_id = id;
	k.notes = page_form_text(r->arena, &f, "notes");
	res = page_form_id(&f, "other_person_id", &other, &bad);
	if (res == R_OK)
		res = page_form_id(&f, "person_id", &k.person_id, &bad);
	if (res == R_OK && other)
		k.person_id = other;
	if (res == R_OK && !k.person_id)
		res = error_set(&bad, R_INVALID, "person_id",
				"person_id: choose someone at the organization "
				"or give another person's id");
	if (res == R_OK)
		res = deal_role_stance(&f, &k, &bad);
	if (res == R_OK)
		res = validate_stakeholder(&k, &bad);
	if (res == R_OK)
		res = store_stakeholder_create(r->store, &k, &bad);
	if (res != R_OK && other && strcmp(bad.field, "person_id") == 0)
		snprintf(bad.field, sizeof(bad.field), "other_person_id");
	return deal_after(r, id, res, PAGE_DEAL_FORM_PERSON, 0, &f, &bad,
			  "committee-h", err);
}

/* Handles POST /deals/{id}/stakeholders/{sid}: role and stance. */
enum result page_deal_stakeholder_edit(struct req *r, struct error *err)
{
	int64_t id, sid;
	struct page_form f;
	struct stakeholder k;
	enum result res = deal_begin(r, &id, &f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &sid, err);
	if (res == R_OK)
		res = store_stakeholder_get(r->store, r->arena, sid, &k, err);
	if (res == R_OK && k.deal_id != id)
		res = error_set(err, R_NOT_FOUND, "id",
				"there is no stakeholder %lld on this deal",
				(long long)sid);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = deal_role_stance(&f, &k, &bad);
	if (res == R_OK && page_form_get(&f, "notes"))
		k.notes = page_form_text(r->arena, &f, "notes");
	if (res == R_OK)
		res = validate_stakeholder(&k, &bad);
	if (res == R_OK)
		res = store_stakeholder_update(r->store, &k, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STANCE, sid, &f, &bad,
			  "committee-h", err);
}

/* ---- the mutual plan ---- */

/* Handles POST /deals/{id}/plan. */
enum result page_deal_step_add(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct plan_step p = {0};
	struct error bad = {0};
	p.deal_id = id;
	p.title = page_form_text(r->arena, &f, "title");
	const char *side = page_form_get(&f, "side");
	if (!side || !plan_side_parse(side, &p.side))
		res = error_set(&bad, R_INVALID, "side",
				"side: must be one of %s", plan_side_list());
	if (res == R_OK)
		res = page_form_id(&f, "owner_person_id", &p.owner_person_id,
				   &bad);
	if (res == R_OK)
		res = page_form_date(&f, "due_on", &p.has_due_on, &p.due_on,
				     &bad);
	if (res == R_OK && !p.title)
		res = error_set(&bad, R_INVALID, "title",
				"title: is required (what is to be done, e.g. "
				"\"Send the security questionnaire\")");
	if (res == R_OK)
		res = validate_plan_step(&p, &bad);
	if (res == R_OK)
		res = store_plan_step_create(r->store, &p, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STEP, 0, &f, &bad,
			  "plan-h", err);
}

/* Handles POST /deals/{id}/plan/{sid}/done. */
enum result page_deal_step_done(struct req *r, struct error *err)
{
	int64_t id, sid;
	struct page_form f;
	struct plan_step p;
	enum result res = deal_begin(r, &id, &f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, &sid, err);
	if (res == R_OK)
		res = store_plan_step_get(r->store, r->arena, sid, &p, err);
	if (res == R_OK && p.deal_id != id)
		res = error_set(err, R_NOT_FOUND, "id",
				"there is no plan step %lld on this deal",
				(long long)sid);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	if (p.done_at)
		res = error_set(&bad, R_INVALID, "done",
				"done: this step is already done");
	p.done_at = r->now;
	if (res == R_OK)
		res = store_plan_step_update(r->store, &p, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STEP_DONE, sid, &f, &bad,
			  "plan-h", err);
}

/* ---- stage and outcome ---- */

/* Handles POST /deals/{id}/stage. */
enum result page_deal_stage(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	enum deal_stage stage = STAGE_EXPLORING;
	const char *s = page_form_get(&f, "stage");
	const char *reason = page_form_text(r->arena, &f, "reason");
	if (!s || !deal_stage_parse(s, &stage))
		res = error_set(&bad, R_INVALID, "stage",
				"stage: must be one of %s", deal_stage_list());
	if (res == R_OK)
		res = validate_lines("reason", reason, MODEL_TEXT_MAX, false,
				     &bad);
	if (res == R_OK)
		res = store_deal_set_stage(r->store, id, stage, reason, r->now,
					   &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STAGE, 0, &f, &bad,
			  "move-h", err);
}

/* Handles POST /deals/{id}/status: the outcome (or open again). */
enum result page_deal_status(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	enum deal_status status = STATUS_OPEN;
	const char *s = page_form_get(&f, "status");
	const char *reason = page_form_text(r->arena, &f, "reason");
	int64_t today = time_local_days(r->now, 0), day = today;
	bool has_day = false;
	if (!s || !deal_status_parse(s, &status))
		res =
		    error_set(&bad, R_INVALID, "status",
			      "status: must be one of %s", deal_status_list());
	if (res == R_OK)
		res = page_form_date(&f, "date", &has_day, &day, &bad);
	if (res == R_OK && !has_day)
		day = today;
	/* A day ahead is allowed for sellers east of UTC, as in the API. */
	if (res == R_OK && day > today + 1)
		res = error_set(&bad, R_INVALID, "date",
				"date: is in the future (record the outcome "
				"on the day it happens)");
	if (res == R_OK)
		res = validate_lines("reason", reason, MODEL_TEXT_MAX, false,
				     &bad);
	if (res == R_OK)
		res = store_deal_set_status(r->store, id, status, reason, day,
					    r->now, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STATUS, 0, &f, &bad,
			  "move-h", err);
}

/* Reads the deal and the stakeholder sid (param 1) of the path; a
 * stakeholder of another deal is a 404. */
static enum result deal_stakeholder_of(struct req *r, int64_t *id, int64_t *sid,
				       struct page_form *f,
				       struct stakeholder *k, struct error *err)
{
	enum result res = deal_begin(r, id, f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, sid, err);
	if (res == R_OK)
		res = store_stakeholder_get(r->store, r->arena, *sid, k, err);
	if (res == R_OK && k->deal_id != *id)
		res = error_set(err, R_NOT_FOUND, "id",
				"there is no stakeholder %lld on this deal",
				(long long)*sid);
	return res;
}

/* Handles POST /deals/{id}/stakeholders/{sid}/delete: takes them off the
 * committee (concerns they raised keep their words). */
enum result page_deal_stakeholder_delete(struct req *r, struct error *err)
{
	int64_t id, sid;
	struct page_form f;
	struct stakeholder k;
	enum result res = deal_stakeholder_of(r, &id, &sid, &f, &k, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_stakeholder_delete(r->store, sid, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STAKEHOLDER_DELETE, sid,
			  &f, &bad, "committee-h", err);
}

/* Reads the deal and the plan step sid (param 1) of the path. */
static enum result deal_step_of(struct req *r, int64_t *id, int64_t *sid,
				struct page_form *f, struct plan_step *p,
				struct error *err)
{
	enum result res = deal_begin(r, id, f, err);
	if (res == R_OK)
		res = api_param_id(r, 1, sid, err);
	if (res == R_OK)
		res = store_plan_step_get(r->store, r->arena, *sid, p, err);
	if (res == R_OK && p->deal_id != *id)
		res = error_set(err, R_NOT_FOUND, "id",
				"there is no plan step %lld on this deal",
				(long long)*sid);
	return res;
}

/* Handles POST /deals/{id}/plan/{sid}: title, side, who, due day. */
enum result page_deal_step_edit(struct req *r, struct error *err)
{
	int64_t id, sid;
	struct page_form f;
	struct plan_step p;
	enum result res = deal_step_of(r, &id, &sid, &f, &p, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	p.title = page_form_text(r->arena, &f, "title");
	const char *side = page_form_get(&f, "side");
	if (!side || !plan_side_parse(side, &p.side))
		res = error_set(&bad, R_INVALID, "side",
				"side: must be one of %s", plan_side_list());
	if (res == R_OK)
		res = page_form_id(&f, "owner_person_id", &p.owner_person_id,
				   &bad);
	if (res == R_OK)
		res = page_form_date(&f, "due_on", &p.has_due_on, &p.due_on,
				     &bad);
	if (res == R_OK && !p.title)
		res = error_set(&bad, R_INVALID, "title",
				"title: is required (what is to be done)");
	if (res == R_OK)
		res = validate_plan_step(&p, &bad);
	if (res == R_OK)
		res = store_plan_step_update(r->store, &p, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STEP_EDIT, sid, &f, &bad,
			  "plan-h", err);
}

/* Handles POST /deals/{id}/plan/{sid}/delete. */
enum result page_deal_step_delete(struct req *r, struct error *err)
{
	int64_t id, sid;
	struct page_form f;
	struct plan_step p;
	enum result res = deal_step_of(r, &id, &sid, &f, &p, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	res = store_plan_step_delete(r->store, sid, &bad);
	return deal_after(r, id, res, PAGE_DEAL_FORM_STEP_DELETE, sid, &f, &bad,
			  "plan-h", err);
}

/* ---- touches and deleting ---- */

/* Handles POST /deals/{id}/interactions: a touch on the deal with one
 * person (chosen, or another by id). An ask while concerns are open is
 * recorded as any other and flagged on the page (deal_rules). */
enum result page_deal_touch(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct interaction it = {0};
	struct error bad = {0};
	int64_t person = 0, other = 0;
	it.deal_id = id;
	it.people = &person;
	it.n_people = 1;
	it.summary = page_form_text(r->arena, &f, "summary");
	it.notes = page_form_text(r->arena, &f, "notes");
	bool has_on = false;
	int64_t on = 0;
	const char *kind = page_form_get(&f, "kind");
	if (!kind || !interaction_kind_parse(kind, &it.kind))
		res = error_set(&bad, R_INVALID, "kind",
				"kind: must be one of %s",
				interaction_kind_list());
	if (res == R_OK)
		res = page_form_date(&f, "on", &has_on, &on, &bad);
	if (res == R_OK)
		res = page_form_id(&f, "other_person_id", &other, &bad);
	if (res == R_OK)
		res = page_form_id(&f, "person_id", &person, &bad);
	if (res == R_OK && other)
		person = other;
	if (res == R_OK && !person)
		res = error_set(&bad, R_INVALID, "person_id",
				"person_id: choose who the touch was with, or "
				"give another person's id");
	if (res == R_OK)
		res = page_form_date(&f, "follow_up_on", &it.has_follow_up,
				     &it.follow_up_on, &bad);
	if (res == R_OK && !it.summary)
		res = error_set(&bad, R_INVALID, "summary",
				"summary: is required (a line on what "
				"happened)");
	/* A touch today is now; one on another day is noon UTC that day. */
	int64_t today = time_local_days(r->now, 0);
	it.occurred_at =
	    !has_on || on == today ? r->now : on * 86400 + 12 * 3600;
	if (res == R_OK) {
		res = validate_interaction(&it, r->now, &bad);
		if (res == R_INVALID && strcmp(bad.field, "occurred_at") == 0)
			error_set(&bad, R_INVALID, "on",
				  "on: must be a day between 1900 and today");
	}
	if (res == R_OK)
		res = store_interaction_create(r->store, &it, &bad);
	if (res != R_OK && other && strcmp(bad.field, "people") == 0)
		snprintf(bad.field, sizeof(bad.field), "other_person_id");
	else if (res != R_OK && strcmp(bad.field, "people") == 0)
		snprintf(bad.field, sizeof(bad.field), "person_id");
	return deal_after(r, id, res, PAGE_DEAL_FORM_TOUCH, 0, &f, &bad,
			  "timeline-h", err);
}

/* Handles POST /deals/{id}/delete: needs confirm=yes; then 303 to the
 * board. */
enum result page_deal_delete(struct req *r, struct error *err)
{
	int64_t id;
	struct page_form f;
	enum result res = deal_begin(r, &id, &f, err);
	if (res != R_OK)
		return page_fail(r, res, err);
	struct error bad = {0};
	const char *c = page_form_get(&f, "confirm");
	if (!c || strcmp(c, "yes") != 0)
		res = error_set(&bad, R_INVALID, "confirm",
				"confirm: tick the box to say you mean to "
				"delete this deal");
	if (res == R_OK)
		res = store_deal_delete(r->store, id, &bad);
	if (res == R_OK)
		return page_redirect(r, "/deals");
	return deal_after(r, id, res, PAGE_DEAL_FORM_DELETE, 0, &f, &bad,
			  "delete-h", err);
}
