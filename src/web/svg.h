/*
 * svg.h: charts drawn by the server as inline SVG markup (web layer).
 *
 * A chart is a few rectangles, lines and texts written into the page, so
 * it needs no script, no external service, and passes a CSP of
 * default-src 'self'. Colours and fonts come from classes styled in
 * app.css ("chart", "bar s0".."s3", "grid", "axis", "legend"); nothing
 * here writes a style attribute. Every label goes through html_txt(), so
 * names typed by users are text, never markup. The chart carries a
 * <title> and <desc> and role="img"; the page shows the same numbers in
 * a table beside it for anyone who cannot see the picture.
 */
#ifndef RAPPORT_WEB_SVG_H
#define RAPPORT_WEB_SVG_H

#include <stddef.h>

#include "util/buf.h"

#define SVG_SERIES_MAX 4 /* classes s0..s3 in app.css */

/* One series of a bar chart: a value per category, negative for none. */
struct svg_series {
	const char *name; /* text, shown in the legend */
	const double *values;
};

struct svg_bars {
	const char *id;		   /* unique on the page; a literal */
	const char *title;	   /* text */
	const char *desc;	   /* text */
	const char *const *labels; /* a text label per category */
	size_t n;		   /* categories */
	const struct svg_series *series;
	size_t n_series;  /* 1..SVG_SERIES_MAX */
	double max;	  /* top of the scale (> 0); higher values are cut */
	const char *unit; /* literal after tick values, e.g. "%" */
};

/*
 * Writes a grouped bar chart: one group per category, one bar per series,
 * a scale of five lines from 0 to max, a legend, and each bar's value in
 * its tooltip (<title>). A category without a value for a series gets no
 * bar. Writes an empty-chart note when n is 0.
 */
void svg_bar_chart(struct buf *b, const struct svg_bars *c);

#endif
