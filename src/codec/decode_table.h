/*
 * decode_table.h: the table-driven JSON object walker behind every strict
 * decoder of the codec layer (codec-internal; not for web/ or cli/).
 *
 * A decoder is a table of the fields a client may send: the name, the kind
 * of value, where it goes in the record, its limits, and whether a create
 * needs it. dt_decode() walks a request object against the table, so an
 * unknown field, a value of the wrong type, a string too long (measured
 * before it is copied), a bad date or a bad enum name is refused the same
 * way for every type, with the field named. Fields the server fills are
 * listed as read-only so that sending one says so (with a hint of what to
 * do instead, when there is one) rather than "unknown field". Values that
 * fit no kind (arrays of structured values, a score with its own wording)
 * are read by a custom reader named in the table.
 */
#ifndef RAPPORT_CODEC_DECODE_TABLE_H
#define RAPPORT_CODEC_DECODE_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "util/arena.h"
#include "util/result.h"

enum dt_type {
	DT_STR,	 /* const char *, at most hi bytes; null clears */
	DT_ID,	 /* int64_t, positive; null is 0 */
	DT_INT,	 /* int in [lo, hi]; null is 0 */
	DT_I64,	 /* int64_t in [lo, hi]; null is 0 */
	DT_BOOL, /* bool; true at has_off too when has_off is not 0 */
	DT_DAY,	 /* int64_t day count + bool at has_off */
	DT_TIME, /* int64_t seconds, RFC 3339; null is 0 */
	DT_ENUM, /* enum written through parse(); names of at most hi bytes */
	DT_RO,	 /* read-only: refused, even as null, with hint if any */
	DT_FN,	 /* read by fn(); fn also sees null when nullable */
};

struct dt_field;

/*
 * A custom reader: reads v (present; JSON null only for a nullable field)
 * into rec. ctx is what the decoder passed to dt_decode().
 */
typedef enum result (*dt_reader)(const struct dt_field *f, const json_t *v,
				 struct arena *a, void *rec, void *ctx,
				 struct error *err);

struct dt_field {
	const char *name;
	enum dt_type type;
	size_t off;
	size_t has_off; /* DT_DAY, DT_BOOL, or for fn() to use */
	/* DT_INT, DT_I64: the range; DT_STR, DT_ENUM: hi is the byte limit */
	int64_t lo, hi;
	bool required; /* must be present when partial is false */
	bool nullable; /* JSON null is allowed */
	/*
	 * DT_DAY, DT_TIME: the deal side's older wording, which quotes at
	 * most 12 bytes of a bad date and does not repeat a bad time.
	 */
	bool terse;
	bool (*parse)(const char *s, void *out); /* DT_ENUM */
	const char *(*list)(void);		 /* DT_ENUM */
	dt_reader fn;				 /* DT_FN */
	const char *hint; /* DT_RO: what to do instead of sending it */
};

/*
 * Walks the object j against the table tab of n_tab fields, writing into
 * rec: every key must name a field, every value must fit it; with partial
 * false (a create) every required field must be present, with partial true
 * (a PATCH) only what is sent changes. Returns R_OK or R_INVALID with err
 * naming the field.
 */
enum result dt_decode(const json_t *j, const struct dt_field *tab, size_t n_tab,
		      struct arena *a, void *rec, bool partial, void *ctx,
		      struct error *err);

/* Refuses v for field: "field: must be <want>, not <what v is>". */
enum result dt_wrong_type(const char *field, const json_t *v, const char *want,
			  struct error *err);

/* Copies the string v (at most max bytes) into the arena, as *out. */
enum result dt_read_str(const json_t *v, const char *field, size_t max,
			struct arena *a, const char **out, struct error *err);

/* Reads an integer in [lo, hi] into *out. */
enum result dt_read_int(const json_t *v, const char *field, int64_t lo,
			int64_t hi, int64_t *out, struct error *err);

/* Reads a positive id into *out. */
enum result dt_read_id(const json_t *v, const char *field, int64_t *out,
		       struct error *err);

#endif
