/*
 * coach_json.h: the JSON form of a coach result (codec layer).
 *
 * Used by `rapport coach --json`, `--batch` and POST /api/v1/coach, so the
 * three agree. The object has "findings" (each with "label", "side",
 * "severity", "start"/"end" in code points and "byte_start"/"byte_end",
 * end exclusive, "text", "reason", "suggestion", "rule_line", and
 * "speaker" in transcripts), "summary" (counts per label and severity,
 * characters, bytes, words, whether bad UTF-8 was repaired),
 * "self_orientation" for seller text, and for transcripts "speakers",
 * "seller" and the published "reference" figures.
 */
#ifndef RAPPORT_CODEC_COACH_JSON_H
#define RAPPORT_CODEC_COACH_JSON_H

#include <stddef.h>

#include <jansson.h>

#include "core/coach/coach.h"

/*
 * Encodes r. text and len are the coached input (borrowed), used for each
 * finding's "text"; text may be NULL to leave it out. Returns a new
 * reference; never NULL short of running out of memory.
 */
json_t *coach_json_result(const struct coach_result *r, const char *text,
			  size_t len);

/*
 * Returns a new JSON string of the n bytes at s, with invalid UTF-8 (and
 * NUL bytes) replaced by U+FFFD so jansson accepts it.
 */
json_t *coach_json_string(const char *s, size_t n);

#endif
