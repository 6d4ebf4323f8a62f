/*
 * api_advisor.h: the honest advisor's handlers: the JSON API
 * (api_advisor.c) and the fit page and decision guide (page_advisor.c,
 * page_guide.c) (web layer, internal to src/web).
 */
#ifndef RAPPORT_WEB_API_ADVISOR_H
#define RAPPORT_WEB_API_ADVISOR_H

#include "core/advisor.h"
#include "web/api.h"

enum result api_offerings_list(struct req *r, struct error *err);
enum result api_offerings_create(struct req *r, struct error *err);
enum result api_offerings_get(struct req *r, struct error *err);
enum result api_offerings_update(struct req *r, struct error *err);
enum result api_offerings_delete(struct req *r, struct error *err);
enum result api_needs_list(struct req *r, struct error *err);
enum result api_needs_create(struct req *r, struct error *err);
enum result api_needs_get(struct req *r, struct error *err);
enum result api_needs_update(struct req *r, struct error *err);
enum result api_needs_delete(struct req *r, struct error *err);
enum result api_fit_get(struct req *r, struct error *err);
enum result api_fit_put(struct req *r, struct error *err);
enum result api_fit_drop(struct req *r, struct error *err);
enum result api_recommendations_list(struct req *r, struct error *err);
enum result api_recommendations_create(struct req *r, struct error *err);

/*
 * Records rec (deal_id, offering_id, rationale set) with the deal's
 * ranking as GET .../fit gives it now; fills rec's id and the copied
 * offering fields. Shared by the API and the fit page.
 */
enum result api_recommendation_record(struct req *r, struct recommendation *rec,
				      struct error *err);

enum result page_fit(struct req *r, struct error *err);
enum result page_fit_need(struct req *r, struct error *err);
enum result page_fit_score(struct req *r, struct error *err);
enum result page_fit_offering(struct req *r, struct error *err);
enum result page_fit_recommend(struct req *r, struct error *err);
enum result page_guide(struct req *r, struct error *err);
/* The decision guide of deal id as a page of its own; back is the
 * crumb's link and back_text its words (NULL: no crumb). Used by
 * page_guide and by the buyer's link (page_buyer.c). */
enum result page_guide_render(struct req *r, int64_t id, const char *back,
			      const char *back_text, struct error *err);

#endif
