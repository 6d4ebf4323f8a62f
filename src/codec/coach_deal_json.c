/*
 * coach_deal_json.c: the deal part of a coach reply (codec layer).
 *
 * Every key is always there (null or empty when it does not apply), so a
 * client reads one shape whatever the role and whether it applied.
 */
#include "codec/coach_deal_json.h"

#include <string.h>

#include "codec/coach_json.h"

static json_t *cdj_concern(const struct concern_suggestion *c, bool applied)
{
	json_t *o = json_object();
	json_object_set_new(o, "category",
			    json_string(concern_category_name(c->category)));
	json_object_set_new(o, "words",
			    coach_json_string(c->words, strlen(c->words)));
	json_object_set_new(
	    o, "speaker",
	    c->speaker ? coach_json_string(c->speaker, strlen(c->speaker))
		       : json_null());
	json_object_set_new(o, "finding", json_integer((json_int_t)c->finding));
	json_object_set_new(o, "exists", json_boolean(c->existing_id != 0));
	json_object_set_new(o, "existing_id",
			    c->existing_id
				? json_integer((json_int_t)c->existing_id)
				: json_null());
	json_object_set_new(o, "existing_status",
			    c->existing_id ? json_string(concern_status_name(
						 c->existing_status))
					   : json_null());
	json_object_set_new(o, "added_id",
			    applied && c->added_id
				? json_integer((json_int_t)c->added_id)
				: json_null());
	return o;
}

void coach_deal_json_add(json_t *o, const struct deal *d, enum coach_role role,
			 const struct concern_suggestion *s, size_t n,
			 bool applied)
{
	json_t *deal = json_object();
	json_object_set_new(deal, "id", json_integer((json_int_t)d->id));
	json_object_set_new(deal, "title",
			    d->title
				? coach_json_string(d->title, strlen(d->title))
				: json_null());
	json_object_set_new(deal, "status",
			    json_string(deal_status_name(d->status)));
	json_object_set_new(o, "deal", deal);
	json_t *list = json_array(), *added = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(list, cdj_concern(&s[i], applied));
		if (applied && s[i].added_id)
			json_array_append_new(
			    added, json_integer((json_int_t)s[i].added_id));
	}
	json_object_set_new(o, "concerns", list);
	json_object_set_new(o, "applied", json_boolean(applied));
	json_object_set_new(o, "added", added);
	json_object_set_new(o, "note",
			    role == COACH_ROLE_SELLER
				? json_string(COACH_DEAL_SELLER_NOTE)
				: json_null());
}
