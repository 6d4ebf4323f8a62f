/*
 * page_form.c: reading the forms browsers send, and writing form fields
 * (web layer). See page.h.
 *
 * The reader is the boundary for form input: it decodes
 * application/x-www-form-urlencoded strictly enough that nothing after it
 * sees a NUL byte, invalid UTF-8 or a carriage return (core's validators
 * refuse "\r", and a textarea sends "\r\n"). Numbers and dates are read
 * with a full-match check and an error naming the field, so the page can
 * show it beside that field.
 *
 * The writers give every field a <label>, mark a field at fault with
 * aria-invalid and tie the message to it with aria-describedby, so a
 * screen reader reads the error with the field.
 */
#include "web/page.h"

#include <string.h>

#include "util/arena.h"
#include "util/date.h"
#include "util/num.h"
#include "util/utf8.h"
#include "web/auth.h"
#include "web/html.h"

static int page_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes the n bytes at s into a new arena string, with "\r\n" and a
 * lone "\r" made "\n"; false when the result holds a NUL byte or is not
 * valid UTF-8.
 */
static bool page_decode(struct arena *a, const char *s, size_t n,
			const char **out)
{
	char *d = arena_alloc(a, n + 1);
	size_t o = 0;
	bool cr = false; /* the byte before was a "\r" */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%' && n - i > 2 && page_hex(s[i + 1]) >= 0 &&
			   page_hex(s[i + 2]) >= 0) {
			c = (char)(page_hex(s[i + 1]) * 16 +
				   page_hex(s[i + 2]));
			i += 2;
		}
		if (c == '\0')
			return false;
		if (c == '\n' && cr) {
			cr = false;
			continue;
		}
		cr = c == '\r';
		d[o++] = cr ? '\n' : c;
	}
	d[o] = '\0';
	if (!utf8_valid(d, o))
		return false;
	*out = d;
	return true;
}

enum result page_form_parse(struct arena *arena, const char *data, size_t len,
			    struct page_form *out, struct error *err)
{
	out->pairs = NULL;
	out->n = 0;
	size_t fields = 0;
	for (size_t i = 0; i < len; i++)
		fields += data[i] == '&';
	if (fields + 1 > PAGE_FORM_FIELDS_MAX)
		return error_set(err, R_INVALID, "form",
				 "form: has more than %d fields",
				 PAGE_FORM_FIELDS_MAX);
	out->pairs = arena_alloc(arena, (fields + 1) * sizeof(*out->pairs));
	size_t i = 0;
	while (i < len) {
		const char *amp = memchr(data + i, '&', len - i);
		size_t end = amp ? (size_t)(amp - data) : len;
		const char *eq = memchr(data + i, '=', end - i);
		size_t name_end = eq ? (size_t)(eq - data) : end;
		struct page_pair *p = &out->pairs[out->n];
		if (end > i) {
			if (!page_decode(arena, data + i, name_end - i,
					 &p->name) ||
			    !page_decode(arena, eq ? data + name_end + 1 : "",
					 eq ? end - name_end - 1 : 0,
					 &p->value))
				return error_set(err, R_INVALID, "form",
						 "form: a field holds a NUL "
						 "byte or invalid UTF-8");
			out->n++;
		}
		i = end + 1;
	}
	return R_OK;
}

enum result page_form_read(struct req *r, struct page_form *out,
			   struct error *err)
{
	return page_form_parse(r->arena, r->form ? r->form : "", r->form_len,
			       out, err);
}

const char *page_form_nth(const struct page_form *f, const char *name, size_t i)
{
	if (!f)
		return NULL;
	for (size_t k = 0; k < f->n; k++)
		if (strcmp(f->pairs[k].name, name) == 0 && i-- == 0)
			return f->pairs[k].value;
	return NULL;
}

const char *page_form_get(const struct page_form *f, const char *name)
{
	return page_form_nth(f, name, 0);
}

size_t page_form_count(const struct page_form *f, const char *name)
{
	size_t n = 0;
	for (size_t k = 0; f && k < f->n; k++)
		n += strcmp(f->pairs[k].name, name) == 0;
	return n;
}

static bool page_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

const char *page_form_text(struct arena *arena, const struct page_form *f,
			   const char *name)
{
	const char *s = page_form_get(f, name);
	if (!s)
		return NULL;
	while (page_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && page_space(s[n - 1]))
		n--;
	return n ? arena_strndup(arena, s, n) : NULL;
}

/* The field's value with spaces trimmed into buf; false when blank. */
static bool page_form_word(const struct page_form *f, const char *name,
			   char *buf, size_t size)
{
	const char *s = page_form_get(f, name);
	if (!s)
		return false;
	while (page_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && page_space(s[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return n > 0;
}

enum result page_form_int(const struct page_form *f, const char *name, int lo,
			  int hi, int def, int *out, struct error *err)
{
	char s[32];
	if (!page_form_word(f, name, s, sizeof(s))) {
		*out = def;
		return R_OK;
	}
	if (!num_parse_int(s, lo, hi, out))
		return error_set(err, R_INVALID, name,
				 "%s: \"%.24s\" is not a whole number from %d "
				 "to %d",
				 name, s, lo, hi);
	return R_OK;
}

enum result page_form_id(const struct page_form *f, const char *name,
			 int64_t *out, struct error *err)
{
	char s[32];
	*out = 0;
	if (!page_form_word(f, name, s, sizeof(s)))
		return R_OK;
	if (!num_parse_i64(s, 1, INT64_MAX, out))
		return error_set(err, R_INVALID, name,
				 "%s: \"%.24s\" is not an id (a positive whole "
				 "number)",
				 name, s);
	return R_OK;
}

enum result page_form_date(const struct page_form *f, const char *name,
			   bool *has, int64_t *day, struct error *err)
{
	char s[32];
	*has = false;
	*day = 0;
	if (!page_form_word(f, name, s, sizeof(s)))
		return R_OK;
	if (!date_parse(s, day))
		return error_set(err, R_INVALID, name,
				 "%s: \"%.24s\" is not a date (use "
				 "YYYY-MM-DD, e.g. 2024-03-09)",
				 name, s);
	*has = true;
	return R_OK;
}

/* ---- writers ---- */

void page_form_start(struct buf *b, const char *action, const char *label)
{
	html_raw(b, "<form method=\"post\" action=\"");
	html_attr(b, action);
	html_raw(b, "\" aria-label=\"");
	html_attr(b, label);
	html_raw(b, "\">\n");
	auth_csrf_field_current(b);
}

/* True when err is about field name: "tags" covers "tags[0]" and
 * "contacts" covers "contacts[1].value". */
static bool page_err_for(const struct page_fields *fs, const char *name)
{
	if (!fs->err || fs->err->code == R_OK)
		return false;
	size_t n = strlen(name);
	const char *f = fs->err->field;
	return strncmp(f, name, n) == 0 &&
	       (f[n] == '\0' || f[n] == '[' || f[n] == '.');
}

static void page_id(struct buf *b, const struct page_fields *fs,
		    const char *name, const char *suffix)
{
	html_attr(b, fs->prefix);
	html_raw(b, "-");
	html_attr(b, name);
	html_raw(b, suffix);
}

/* Opens the field's wrapper and writes its label. */
static void page_field_open(struct buf *b, const struct page_fields *fs,
			    const char *name, const char *label, bool bad)
{
	html_raw(b, bad ? "<div class=\"field invalid\">"
			: "<div class=\"field\">");
	html_raw(b, "<label for=\"");
	page_id(b, fs, name, "");
	html_raw(b, "\">");
	html_txt(b, label);
	html_raw(b, "</label>");
}

/* Writes the attributes every control has: id, name, and when at fault
 * aria-invalid and aria-describedby. */
static void page_field_attrs(struct buf *b, const struct page_fields *fs,
			     const char *name, bool bad, bool hint)
{
	html_raw(b, " id=\"");
	page_id(b, fs, name, "");
	html_raw(b, "\" name=\"");
	html_attr(b, name);
	html_raw(b, "\"");
	if (bad) {
		html_raw(b, " aria-invalid=\"true\" aria-describedby=\"");
		page_id(b, fs, name, "-error");
		html_raw(b, "\"");
	} else if (hint) {
		html_raw(b, " aria-describedby=\"");
		page_id(b, fs, name, "-hint");
		html_raw(b, "\"");
	}
}

/* Writes the hint and the error under the control and closes the field. */
static void page_field_close(struct buf *b, struct page_fields *fs,
			     const char *name, bool bad, const char *hint)
{
	if (hint) {
		html_raw(b, "<p class=\"hint\" id=\"");
		page_id(b, fs, name, "-hint");
		html_raw(b, "\">");
		html_raw(b, hint);
		html_raw(b, "</p>");
	}
	if (bad) {
		html_raw(b, "<p class=\"error\" id=\"");
		page_id(b, fs, name, "-error");
		html_raw(b, "\">");
		html_txt(b, fs->err->message);
		html_raw(b, "</p>");
		fs->shown = true;
	}
	html_raw(b, "</div>\n");
}

/* What a field shows: what was typed, when the form is being shown again. */
static const char *page_value(const struct page_fields *fs, const char *name,
			      const char *def)
{
	if (fs->in)
		return page_form_get(fs->in, name);
	return def;
}

void page_owner_line(struct buf *b, const char *owner_user, bool shared)
{
	if (!owner_user)
		return;
	html_raw(b, "<span class=\"owner\">Owned by ");
	html_txt(b, owner_user);
	html_raw(b, shared ? " (shared with the team)</span>"
			   : " (private)</span>");
}

void page_shared_box(struct buf *b, const struct page_fields *fs,
		     bool shared)
{
	if (fs->in)
		shared = page_form_get(fs->in, "shared") != NULL;
	html_raw(b, "<input type=\"hidden\" name=\"shared_shown\" "
		    "value=\"1\">\n<div class=\"field check\"><input "
		    "type=\"checkbox\" id=\"f-shared\" name=\"shared\" "
		    "value=\"yes\"");
	if (shared)
		html_raw(b, " checked");
	html_raw(b, "><label for=\"f-shared\">Shared with my team (they may "
		    "read it; unchecked, only you, your managers and the "
		    "admins see it)</label></div>\n");
}

void page_form_shared(const struct page_form *f, bool *shared, bool *has)
{
	if (!page_form_get(f, "shared_shown"))
		return;
	*shared = page_form_get(f, "shared") != NULL;
	*has = true;
}

void page_input(struct buf *b, struct page_fields *fs, const char *type,
		const char *name, const char *label, const char *value,
		bool required, const char *hint)
{
	bool bad = page_err_for(fs, name);
	page_field_open(b, fs, name, label, bad);
	html_raw(b, "<input type=\"");
	html_raw(b, type);
	html_raw(b, "\"");
	page_field_attrs(b, fs, name, bad, hint != NULL);
	html_raw(b, " value=\"");
	html_attr(b, page_value(fs, name, value));
	html_raw(b, required ? "\" required>" : "\">");
	page_field_close(b, fs, name, bad, hint);
}

void page_textarea(struct buf *b, struct page_fields *fs, const char *name,
		   const char *label, const char *value, int rows,
		   bool required)
{
	bool bad = page_err_for(fs, name);
	page_field_open(b, fs, name, label, bad);
	html_raw(b, "<textarea");
	page_field_attrs(b, fs, name, bad, false);
	html_raw(b, " rows=\"");
	html_int(b, rows);
	html_raw(b, required ? "\" required>\n" : "\">\n");
	html_txt(b, page_value(fs, name, value));
	html_raw(b, "</textarea>");
	page_field_close(b, fs, name, bad, NULL);
}

void page_select(struct buf *b, struct page_fields *fs, const char *name,
		 const char *label, const struct page_option *opts, size_t n,
		 const char *value)
{
	bool bad = page_err_for(fs, name);
	const char *sel = page_value(fs, name, value);
	page_field_open(b, fs, name, label, bad);
	html_raw(b, "<select");
	page_field_attrs(b, fs, name, bad, false);
	html_raw(b, ">");
	for (size_t i = 0; i < n; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, opts[i].value);
		html_raw(b, "\"");
		if (sel && strcmp(sel, opts[i].value) == 0)
			html_raw(b, " selected");
		html_raw(b, ">");
		html_txt(b, opts[i].text);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select>");
	page_field_close(b, fs, name, bad, NULL);
}

void page_form_end(struct buf *b, struct page_fields *fs, const char *submit)
{
	if (fs->err && fs->err->code != R_OK && !fs->shown) {
		html_raw(b, "<p class=\"error\" role=\"alert\">");
		html_txt(b, fs->err->message);
		html_raw(b, "</p>\n");
	}
	html_raw(b, "<button type=\"submit\">");
	html_txt(b, submit);
	html_raw(b, "</button>\n</form>\n");
}
