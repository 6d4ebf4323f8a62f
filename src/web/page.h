/*
 * page.h: what every HTML page shares: the layout, replies, the form
 * reader and the form field writers (web layer, internal to src/web).
 *
 * A page is a handler that writes HTML into a struct buf through the
 * writers of html.h and these helpers, then hands the buf to
 * page_reply(). Pages work with JavaScript off: every action is a form
 * that POSTs to the server, which answers 303 to the page it came from,
 * or re-renders the page with status 422 and the error next to the field
 * at fault, with what was typed kept. Every form begins with
 * page_form_start(), the one place the CSRF token is added.
 */
#ifndef RAPPORT_WEB_PAGE_H
#define RAPPORT_WEB_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/result.h"
#include "web/api.h"

/* Largest page we write, in bytes. */
#define PAGE_MAX (4 * 1024 * 1024)

/* The sections of the navigation, to mark the current one. */
enum page_nav {
	PAGE_NAV_NONE,
	PAGE_NAV_TODAY,
	PAGE_NAV_PEOPLE,
	PAGE_NAV_ORGS,
	PAGE_NAV_DEALS,
	PAGE_NAV_COACH,
	PAGE_NAV_ACCOUNT,
	PAGE_NAV_AUDIT,
};

/* ---- layout and replies (page_layout.c) ---- */

/* Sets up b (PAGE_MAX) and writes the head, skip link, header and
 * navigation with current marked, and opens <main>. title is text. */
void page_begin(struct buf *b, const char *title, enum page_nav current);
/* Closes <main> and the document. */
void page_end(struct buf *b);
/*
 * Makes b (whose text is copied into the request's arena, then freed) the
 * reply with status. Returns R_OK, or R_TOO_BIG when b overflowed.
 */
enum result page_reply(struct req *r, struct buf *b, int status,
		       struct error *err);
/* Replies 303 See Other to path (made by our code, e.g. "/people/7"). */
enum result page_redirect(struct req *r, const char *path);
/*
 * Replies an HTML page for a failure: R_NOT_FOUND as 404, R_INVALID as
 * 400 (a bad query or path) with err's message; other results are
 * returned as they are, for the server's problem reply.
 */
enum result page_fail(struct req *r, enum result res, struct error *err);

/* Writes <a href="/people/ID">name</a>. */
void page_person_link(struct buf *b, int64_t id, const char *name);
/* Writes a day count as YYYY-MM-DD text. */
void page_day(struct buf *b, int64_t day);
/* Writes a timestamp's UTC day as YYYY-MM-DD text. */
void page_time_day(struct buf *b, int64_t secs);
/* The display name "Given Family" from the request's arena. */
const char *page_name(struct req *r, const char *given, const char *family);

/* ---- reading forms (page_form.c) ---- */

struct page_pair {
	const char *name;
	const char *value; /* decoded, "\r\n" turned into "\n" */
};

/* A decoded application/x-www-form-urlencoded body, in the order sent. */
struct page_form {
	struct page_pair *pairs;
	size_t n;
};

/* Most fields one form may carry. */
#define PAGE_FORM_FIELDS_MAX 1000

/*
 * Decodes len bytes of urlencoded text into out, with every string from
 * arena. "+" is a space, "%XX" a byte; a "%" not followed by two hex
 * digits stays as it is. Refuses (R_INVALID, field "form") a NUL byte,
 * invalid UTF-8 and more than PAGE_FORM_FIELDS_MAX fields.
 */
enum result page_form_parse(struct arena *arena, const char *data, size_t len,
			    struct page_form *out, struct error *err);
/* Decodes the request's form (r->form), as page_form_parse(). */
enum result page_form_read(struct req *r, struct page_form *out,
			   struct error *err);
/* The first value of name, or NULL when absent (borrowed). */
const char *page_form_get(const struct page_form *f, const char *name);
/* The value of name with surrounding spaces trimmed; NULL when absent or
 * blank (a copy from arena). */
const char *page_form_text(struct arena *arena, const struct page_form *f,
			   const char *name);
/* The i-th value of name (0-based), NULL when there are fewer. */
const char *page_form_nth(const struct page_form *f, const char *name,
			  size_t i);
/* How many times name occurs. */
size_t page_form_count(const struct page_form *f, const char *name);
/*
 * Reads a whole number in [lo, hi] from field name: blank gives def,
 * anything else not in range R_INVALID naming the field.
 */
enum result page_form_int(const struct page_form *f, const char *name, int lo,
			  int hi, int def, int *out, struct error *err);
/* Reads an id (blank: 0) from field name. */
enum result page_form_id(const struct page_form *f, const char *name,
			 int64_t *out, struct error *err);
/* Reads a YYYY-MM-DD day from field name; blank sets *has false. */
enum result page_form_date(const struct page_form *f, const char *name,
			   bool *has, int64_t *day, struct error *err);

/* ---- writing forms (page_form.c) ---- */

/*
 * The state of one form being written: the values to show (what was
 * typed, when in is set; the defaults passed to each writer otherwise),
 * the error to show next to its field, and a prefix that makes element
 * ids unique on the page.
 */
struct page_fields {
	const struct page_form *in; /* borrowed, may be NULL */
	const struct error *err;    /* borrowed, may be NULL */
	const char *prefix;	    /* literal, e.g. "fact" */
	bool shown;		    /* err was shown beside a field */
};

/* One option of a select: the value sent and the text shown. */
struct page_option {
	const char *value;
	const char *text;
};

/* Opens a POST form to action (a path made by our code); label names the
 * form for assistive technology. Writes the session's CSRF token
 * (auth_csrf_field_current), so every form carries it. */
void page_form_start(struct buf *b, const char *action, const char *label);
/* Writes the form's error if no field showed it, the submit button and
 * </form>. */
void page_form_end(struct buf *b, struct page_fields *fs, const char *submit);
/* "Owned by NAME (shared with the team | private)" for a person's or a
 * deal's page; nothing when the record has no owner (owner_user NULL). */
void page_owner_line(struct buf *b, const char *owner_user, bool shared);

/*
 * The "shared with my team" checkbox of the person and deal forms
 * (docs/accounts.md, "Owners"), checked as shared says when fs->in is
 * NULL, with a hidden shared_shown field so that page_form_shared() can
 * tell an unchecked box from a form that never had one.
 */
void page_shared_box(struct buf *b, const struct page_fields *fs,
		     bool shared);
/* Reads that checkbox into *shared and *has: left alone (has false) when
 * the form had no such box. */
void page_form_shared(const struct page_form *f, bool *shared, bool *has);

/*
 * A labelled <input>: type is a literal ("text", "date", "number",
 * "search", "email"); value is the default shown when fs->in is NULL;
 * hint is a literal shown under the field (or NULL).
 */
void page_input(struct buf *b, struct page_fields *fs, const char *type,
		const char *name, const char *label, const char *value,
		bool required, const char *hint);
/* A labelled <textarea>. */
void page_textarea(struct buf *b, struct page_fields *fs, const char *name,
		   const char *label, const char *value, int rows,
		   bool required);
/* A labelled <select> of n options with value (or what was sent)
 * selected. */
void page_select(struct buf *b, struct page_fields *fs, const char *name,
		 const char *label, const struct page_option *opts, size_t n,
		 const char *value);

#endif
