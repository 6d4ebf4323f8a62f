/*
 * relationship.h: a relationship told from one person's side (core layer).
 *
 * A relationship is stored one way round ("Ana Ruiz is manager of Ben
 * Ode") but read on either person's page, where it should say what the
 * page's person is to the other: "manager of Ben Ode" on Ana's page,
 * "reports to Ana Ruiz" on Ben's.
 */
#ifndef RAPPORT_CORE_RELATIONSHIP_H
#define RAPPORT_CORE_RELATIONSHIP_H

#include <stdint.h>

#include "core/model.h"

struct buf;

/*
 * Appends to out what person_id is to the other person of r: label and
 * to_name when person_id is r->from_id, inverse_label and from_name when
 * it is r->to_id, and the whole sentence ("Ana Ruiz is manager of Ben
 * Ode") when it is neither. r is borrowed and needs label, inverse_label,
 * from_name and to_name; a missing inverse_label falls back to the label
 * (a two-way type), a missing label to the type's name and then to
 * "related to", a missing name to "someone". Overflow of out is the
 * buf's sticky error, for the caller to check.
 */
void relationship_describe(const struct relationship *r, int64_t person_id,
			   struct buf *out);

/*
 * Returns the id of the other person of r as seen from person_id, or 0
 * when person_id is on neither side.
 */
int64_t relationship_other(const struct relationship *r, int64_t person_id);

#endif
