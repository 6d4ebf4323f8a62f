/*
 * relationship.c: a relationship told from one person's side (core layer).
 *
 * The store keeps "from is <label> to"; on the page of the "to" person
 * the same row reads the other way, through the type's inverse label.
 * Missing pieces fall back to something that still reads as English, so
 * a half-filled row never prints "(null)".
 */
#include "relationship.h"

#include <stdbool.h>

#include "util/buf.h"

static bool relationship_has(const char *s)
{
	return s && *s;
}

/* The label from the first person's side, with its fallbacks. */
static const char *relationship_label(const struct relationship *r)
{
	if (relationship_has(r->label))
		return r->label;
	if (relationship_has(r->type_name))
		return r->type_name;
	return "related to";
}

/* The label from the second person's side: the same when two-way. */
static const char *relationship_inverse(const struct relationship *r)
{
	if (relationship_has(r->inverse_label))
		return r->inverse_label;
	return relationship_label(r);
}

static const char *relationship_name(const char *name)
{
	return relationship_has(name) ? name : "someone";
}

void relationship_describe(const struct relationship *r, int64_t person_id,
			   struct buf *out)
{
	if (person_id != 0 && person_id == r->from_id) {
		buf_printf(out, "%s %s", relationship_label(r),
			   relationship_name(r->to_name));
	} else if (person_id != 0 && person_id == r->to_id) {
		buf_printf(out, "%s %s", relationship_inverse(r),
			   relationship_name(r->from_name));
	} else {
		buf_printf(out, "%s is %s %s", relationship_name(r->from_name),
			   relationship_label(r),
			   relationship_name(r->to_name));
	}
}

int64_t relationship_other(const struct relationship *r, int64_t person_id)
{
	if (person_id == 0)
		return 0;
	if (person_id == r->from_id)
		return r->to_id;
	if (person_id == r->to_id)
		return r->from_id;
	return 0;
}
