/*
 * svg.c: grouped bar charts as inline SVG (web layer). See svg.h.
 *
 * The drawing is in a fixed 640 by 260 box (viewBox), which the browser
 * scales to the column's width; coordinates are written with one
 * decimal.
 */
#include "web/svg.h"

#include "web/html.h"

#define SVG_W	   640.0
#define SVG_H	   260.0
#define SVG_LEFT   48.0
#define SVG_RIGHT  8.0
#define SVG_TOP	   28.0
#define SVG_BOTTOM 44.0
#define SVG_TICKS  4

static void svg_num(struct buf *b, double v)
{
	buf_printf(b, "%.1f", v);
}

/* Writes name="v" with a leading space. */
static void svg_at(struct buf *b, const char *name, double v)
{
	buf_putc(b, ' ');
	html_raw(b, name);
	html_raw(b, "=\"");
	svg_num(b, v);
	buf_putc(b, '"');
}

static void svg_scale(struct buf *b, const struct svg_bars *c, double plot_h)
{
	html_raw(b, "<g class=\"grid\">");
	for (int i = 0; i <= SVG_TICKS; i++) {
		double y = SVG_TOP + plot_h - plot_h * i / SVG_TICKS;
		html_raw(b, "<line");
		svg_at(b, "x1", SVG_LEFT);
		svg_at(b, "x2", SVG_W - SVG_RIGHT);
		svg_at(b, "y1", y);
		svg_at(b, "y2", y);
		html_raw(b, "></line><text class=\"axis\" text-anchor=\"end\"");
		svg_at(b, "x", SVG_LEFT - 6);
		svg_at(b, "y", y + 4);
		html_raw(b, ">");
		buf_printf(b, "%g", c->max * i / SVG_TICKS);
		html_raw(b, c->unit);
		html_raw(b, "</text>");
	}
	html_raw(b, "</g>\n");
}

static void svg_legend(struct buf *b, const struct svg_bars *c)
{
	html_raw(b, "<g class=\"legend\">");
	double x = SVG_LEFT;
	for (size_t s = 0; s < c->n_series; s++) {
		buf_printf(b, "<rect class=\"bar s%zu\"", s);
		svg_at(b, "x", x);
		svg_at(b, "y", 6);
		html_raw(b, " width=\"12\" height=\"12\"></rect><text");
		svg_at(b, "x", x + 16);
		svg_at(b, "y", 16);
		html_raw(b, ">");
		html_txt(b, c->series[s].name);
		html_raw(b, "</text>");
		x += 150;
	}
	html_raw(b, "</g>\n");
}

static void svg_bar(struct buf *b, const struct svg_bars *c, size_t s, size_t i,
		    double x, double w, double plot_h)
{
	double v = c->series[s].values[i];
	if (v < 0)
		return;
	double shown = v > c->max ? c->max : v;
	double h = plot_h * shown / c->max;
	buf_printf(b, "<rect class=\"bar s%zu\"", s);
	svg_at(b, "x", x);
	svg_at(b, "y", SVG_TOP + plot_h - h);
	svg_at(b, "width", w);
	svg_at(b, "height", h);
	html_raw(b, "><title>");
	html_txt(b, c->labels[i]);
	html_raw(b, ", ");
	html_txt(b, c->series[s].name);
	html_raw(b, ": ");
	buf_printf(b, "%.1f", v);
	html_raw(b, c->unit);
	html_raw(b, "</title></rect>");
}

void svg_bar_chart(struct buf *b, const struct svg_bars *c)
{
	html_raw(b, "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/"
		    "2000/svg\" class=\"chart\" viewBox=\"0 0 640 260\" "
		    "role=\"img\" aria-labelledby=\"");
	html_attr(b, c->id);
	html_raw(b, "-t ");
	html_attr(b, c->id);
	html_raw(b, "-d\"><title id=\"");
	html_attr(b, c->id);
	html_raw(b, "-t\">");
	html_txt(b, c->title);
	html_raw(b, "</title><desc id=\"");
	html_attr(b, c->id);
	html_raw(b, "-d\">");
	html_txt(b, c->desc);
	html_raw(b, "</desc>\n");
	double plot_h = SVG_H - SVG_TOP - SVG_BOTTOM;
	double plot_w = SVG_W - SVG_LEFT - SVG_RIGHT;
	svg_scale(b, c, plot_h);
	svg_legend(b, c);
	if (c->n && c->n_series && c->max > 0) {
		double group = plot_w / (double)c->n;
		double bar = group * 0.8 / (double)c->n_series;
		html_raw(b, "<g class=\"bars\">");
		for (size_t i = 0; i < c->n; i++) {
			double x0 = SVG_LEFT + group * (double)i + group * 0.1;
			for (size_t s = 0; s < c->n_series; s++)
				svg_bar(b, c, s, i, x0 + bar * (double)s, bar,
					plot_h);
			html_raw(b, "<text class=\"axis\" "
				    "text-anchor=\"middle\"");
			svg_at(b, "x", x0 + group * 0.4);
			svg_at(b, "y", SVG_H - SVG_BOTTOM + 18);
			html_raw(b, ">");
			html_txt(b, c->labels[i]);
			html_raw(b, "</text>");
		}
		html_raw(b, "</g>\n");
	}
	html_raw(b, "<line class=\"base\"");
	svg_at(b, "x1", SVG_LEFT);
	svg_at(b, "x2", SVG_W - SVG_RIGHT);
	svg_at(b, "y1", SVG_TOP + plot_h);
	svg_at(b, "y2", SVG_TOP + plot_h);
	html_raw(b, "></line></svg>");
	if (!c->n)
		html_raw(b, "<figcaption class=\"empty\">Nothing to draw yet."
			    "</figcaption>");
	html_raw(b, "</figure>\n");
}
