/*
 * coach_json.c: encodes a coach result as JSON (codec layer). See
 * coach_json.h for the shape.
 */
#include "codec/coach_json.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

json_t *coach_json_string(const char *s, size_t n)
{
	if (utf8_valid(s, n))
		return json_stringn(s, n);
	char *out = xmalloc(n * 3 + 1);
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		if (p[i] == 0 || (p[i] >= 0x80 && utf8_decode(p + i, n - i,
							      &len) < 0)) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(out + o, p + i, len);
			o += len;
		}
		i += len;
	}
	json_t *j = json_stringn(out, o);
	free(out);
	return j;
}

static json_t *coach_json_finding(const struct coach_finding *f,
				  const char *text, size_t len)
{
	json_t *o = json_object();
	json_object_set_new(o, "label", json_string(f->label));
	json_object_set_new(o, "side", json_string(f->side == COACH_SIDE_BUYER
							   ? "buyer"
							   : "seller"));
	json_object_set_new(o, "severity",
			    json_string(coach_severity_name(f->severity)));
	json_object_set_new(o, "start", json_integer((json_int_t)f->start));
	json_object_set_new(o, "end", json_integer((json_int_t)f->end));
	json_object_set_new(o, "byte_start",
			    json_integer((json_int_t)f->byte_start));
	json_object_set_new(o, "byte_end",
			    json_integer((json_int_t)f->byte_end));
	if (text && f->byte_end <= len && f->byte_start <= f->byte_end)
		json_object_set_new(o, "text",
				    coach_json_string(text + f->byte_start,
						      f->byte_end -
							      f->byte_start));
	json_object_set_new(o, "reason", json_string(f->reason));
	json_object_set_new(o, "suggestion", json_string(f->suggestion));
	if (f->speaker)
		json_object_set_new(o, "speaker",
				    coach_json_string(f->speaker,
						      strlen(f->speaker)));
	json_object_set_new(o, "rule_line", json_integer(f->rule_line));
	return o;
}

static json_t *coach_json_words(const struct coach_word_count *w, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, w[i].word,
				    json_integer((json_int_t)w[i].count));
	return o;
}

static json_t *coach_json_orientation(const struct coach_orientation *o)
{
	json_t *j = json_object();
	json_object_set_new(j, "self_refs",
			    json_integer((json_int_t)o->self_refs));
	json_object_set_new(j, "buyer_refs",
			    json_integer((json_int_t)o->buyer_refs));
	json_object_set_new(j, "self_share", json_real(o->self_share));
	json_object_set_new(j, "self_words",
			    coach_json_words(o->self_words, o->n_self_words));
	json_object_set_new(j, "buyer_words",
			    coach_json_words(o->buyer_words, o->n_buyer_words));
	return j;
}

static json_t *coach_json_summary(const struct coach_result *r)
{
	json_t *s = json_object();
	json_object_set_new(s, "findings",
			    json_integer((json_int_t)r->n_findings));
	json_t *labels = json_object();
	for (size_t i = 0; i < r->n_labels; i++) {
		bool buyer = r->label_sides[i] == COACH_SIDE_BUYER;
		if (r->role != COACH_ROLE_TRANSCRIPT &&
		    buyer != (r->role == COACH_ROLE_BUYER))
			continue;
		json_object_set_new(labels, r->label_names[i],
				    json_integer((json_int_t)r->label_counts[i]));
	}
	json_object_set_new(s, "labels", labels);
	size_t sev[3] = {0};
	for (size_t i = 0; i < r->n_findings; i++)
		sev[r->findings[i].severity]++;
	json_t *sj = json_object();
	for (int i = 0; i < 3; i++)
		json_object_set_new(sj,
				    coach_severity_name((enum coach_severity)i),
				    json_integer((json_int_t)sev[i]));
	json_object_set_new(s, "severity", sj);
	json_object_set_new(s, "chars", json_integer((json_int_t)r->chars));
	json_object_set_new(s, "bytes", json_integer((json_int_t)r->bytes));
	json_object_set_new(s, "words", json_integer((json_int_t)r->words));
	json_object_set_new(s, "utf8_repaired", json_boolean(r->utf8_repaired));
	return s;
}

static json_t *coach_json_speakers(const struct coach_result *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->n_speakers; i++) {
		const struct coach_speaker *sp = &r->speakers[i];
		json_t *o = json_object();
		json_object_set_new(o, "name",
				    coach_json_string(sp->name, strlen(sp->name)));
		json_object_set_new(o, "is_seller", json_boolean(sp->is_seller));
		json_object_set_new(o, "words", json_integer((json_int_t)sp->words));
		json_object_set_new(o, "turns", json_integer((json_int_t)sp->turns));
		json_object_set_new(o, "talk_share", json_real(sp->talk_share));
		json_object_set_new(o, "longest_monologue",
				    json_integer((json_int_t)sp->longest_monologue));
		json_object_set_new(o, "questions",
				    json_integer((json_int_t)sp->questions));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *coach_json_reference(void)
{
	json_t *o = json_object();
	json_object_set_new(o, "top_seller_talk_share",
			    json_real(COACH_REF_TALK_TOP / 100.0));
	json_object_set_new(o, "talk_share_worse_above",
			    json_real(COACH_REF_TALK_HIGH / 100.0));
	json_object_set_new(o, "discovery_questions_min",
			    json_integer(COACH_REF_QUESTIONS_LO));
	json_object_set_new(o, "discovery_questions_max",
			    json_integer(COACH_REF_QUESTIONS_HI));
	return o;
}

json_t *coach_json_result(const struct coach_result *r, const char *text,
			  size_t len)
{
	json_t *o = json_object();
	json_object_set_new(o, "role", json_string(coach_role_name(r->role)));
	json_t *fa = json_array();
	for (size_t i = 0; i < r->n_findings; i++)
		json_array_append_new(fa, coach_json_finding(&r->findings[i],
							     text, len));
	json_object_set_new(o, "findings", fa);
	json_object_set_new(o, "summary", coach_json_summary(r));
	if (r->role != COACH_ROLE_BUYER)
		json_object_set_new(o, "self_orientation",
				    coach_json_orientation(&r->orientation));
	if (r->role == COACH_ROLE_TRANSCRIPT) {
		json_object_set_new(o, "seller",
				    r->seller ? coach_json_string(
							r->seller,
							strlen(r->seller))
					      : json_null());
		json_object_set_new(o, "seller_guessed",
				    json_boolean(r->seller_guessed));
		json_object_set_new(o, "speakers", coach_json_speakers(r));
		json_object_set_new(o, "reference", coach_json_reference());
	}
	return o;
}
