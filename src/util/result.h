/*
 * result.h: the project-wide result of anything that can fail (util layer).
 *
 * Functions that can fail return an enum result and, where a person needs
 * to know what to fix, fill a struct error with the field at fault and a
 * sentence they can act on. Only web/ maps results to HTTP statuses and
 * only cli/ maps them to exit codes.
 */
#ifndef RAPPORT_UTIL_RESULT_H
#define RAPPORT_UTIL_RESULT_H

/*
 * <unistd.h> defines R_OK (for access(2)) as 4, which would silently turn
 * our R_OK into R_FORBIDDEN in any file that includes it after this one.
 * Including it here first, then dropping its macro, makes the order of
 * includes not matter: its include guard keeps later includes from
 * defining the macro again. Nothing in rapport calls access(2).
 */
#include <unistd.h>
#undef R_OK

enum result {
	R_OK = 0,
	R_NOT_FOUND, /* the record asked for does not exist */
	R_INVALID,   /* the input breaks a rule; error says which */
	R_CONFLICT,  /* the input is fine but clashes with the current state */
	R_FORBIDDEN, /* the caller may not do this */
	R_TOO_BIG,   /* the input is larger than allowed */
	R_DB,        /* the database failed */
	R_IO,        /* a file or socket failed */
};

struct error {
	enum result code;
	char field[64];    /* the field at fault, "" when none */
	char message[512]; /* a sentence a person can act on */
};

/* Returns a short lower-case name for r, such as "not found". */
const char *result_name(enum result r);

/*
 * Fills err (which may be NULL) with code, field and a formatted message,
 * and returns code, so a caller can write `return error_set(...)`.
 */
enum result error_set(struct error *err, enum result code, const char *field,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Empties err (which may be NULL). */
void error_clear(struct error *err);

#endif
