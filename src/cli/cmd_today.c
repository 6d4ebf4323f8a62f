/*
 * cmd_today.c: `rapport today`, the daily list (cli layer).
 *
 * The store reads the inputs, core's today_build() decides who is due,
 * which dates come up and which follow-ups are owed, in the local time
 * zone (its offset comes from localtime_r). Each part shows at most
 * --limit entries, with how many there are in all. This file only prints.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/cmd.h"
#include "codec/codec.h"
#include "core/today.h"
#include "store/store.h"
#include "util/date.h"

#define TODAY_DAYS_DEFAULT  14
#define TODAY_LIMIT_DEFAULT 50
#define TODAY_LIMIT_MAX	    500

/* "(N)", or "(N, the first M)" when the list shows only part of them. */
static void today_print_count(size_t shown, size_t total)
{
	if (shown < total)
		printf(" (%zu, the first %zu)\n", total, shown);
	else
		printf(" (%zu)\n", total);
}

/* Two lines a person: how late, then why (cadence and last touch). */
static void today_print_due(const struct today *t, int32_t off)
{
	printf("\nDue for a touch");
	today_print_count(t->n_due, t->due_total);
	if (!t->n_due)
		printf("  nobody: everyone is within their cadence\n");
	for (size_t i = 0; i < t->n_due; i++) {
		const struct today_due *d = &t->due[i];
		printf("  #%-5lld %s: ", (long long)d->person_id, d->name);
		if (d->days_overdue > 0)
			printf("%d days overdue", d->days_overdue);
		else
			printf("due today");
		if (d->past_max)
			printf(", past the %d-day max", d->cadence.max_days);
		const char *src = d->cadence.source ? d->cadence.source : "own";
		printf("\n         every %d days (%s%s); ",
		       d->cadence.ideal_days, strcmp(src, "own") ? "tag " : "",
		       src);
		if (d->last_touch) {
			char day[DATE_STR_MAX];
			date_format(time_local_days(d->last_touch, off), day);
			printf("last touch %s, %d days ago\n", day,
			       d->days_since);
		} else {
			printf("never touched (added %d days ago)\n",
			       d->days_since);
		}
	}
}

static void today_print_dates(struct cli_ctx *c, const struct today *t)
{
	printf("\nDates coming up");
	today_print_count(t->n_dates, t->dates_total);
	if (!t->n_dates)
		printf("  none\n");
	for (size_t i = 0; i < t->n_dates; i++) {
		const struct today_date *d = &t->dates[i];
		char on[DATE_STR_MAX];
		date_format(d->on, on);
		printf("  %s  ", on);
		cli_pad(cli_days_words(c->arena, d->in_days), 11);
		printf(" %s: ", d->person_name);
		if (d->date.kind == DATE_BIRTHDAY) {
			printf("birthday");
			if (d->turns >= 0)
				printf(", turns %d", d->turns);
		} else if (d->date.kind == DATE_ANNIVERSARY) {
			printf("%s",
			       d->date.label ? d->date.label : "anniversary");
			if (d->turns >= 0)
				printf(", %d years", d->turns);
		} else {
			printf("%s", d->date.label ? d->date.label : "date");
			if (d->turns >= 0)
				printf(" (%d years)", d->turns);
		}
		printf("  #%lld\n", (long long)d->date.person_id);
	}
}

static void today_print_followups(const struct today *t)
{
	printf("\nFollow-ups due");
	today_print_count(t->n_followups, t->followups_total);
	if (!t->n_followups)
		printf("  none\n");
	for (size_t i = 0; i < t->n_followups; i++) {
		const struct today_followup *f = &t->followups[i];
		char on[DATE_STR_MAX];
		date_format(f->row.follow_up_on, on);
		printf("  %s  ", on);
		if (f->days_late > 0)
			printf("%d days late", f->days_late);
		else
			printf("due today");
		printf("  %s: %s  (interaction %lld)\n",
		       f->row.person_name ? f->row.person_name : "?",
		       f->row.summary ? f->row.summary : "",
		       (long long)f->row.interaction_id);
	}
}

int cmd_today(int argc, char **argv)
{
	struct cli_ctx c;
	static const struct cli_opt opts[] = {{"days", CLI_OPT_VALUE},
					      {"limit", CLI_OPT_VALUE},
					      {NULL, CLI_OPT_FLAG}};
	struct cli_val v[2] = {{0}};
	int64_t days = TODAY_DAYS_DEFAULT, limit = TODAY_LIMIT_DEFAULT;
	cli_begin(&c, "today");
	int rc = cli_parse(&c, opts, v, argc, argv);
	if (rc == CLI_OK)
		rc = cli_want_pos(&c, 0, 0, "");
	if (rc == CLI_OK && v[0].seen)
		rc = cli_num(&c, "--days", v[0].value, 0, 366, &days);
	if (rc == CLI_OK && v[1].seen)
		rc = cli_num(&c, "--limit", v[1].value, 1, TODAY_LIMIT_MAX,
			     &limit);
	if (rc == CLI_OK)
		rc = cli_open(&c, true);
	if (rc != CLI_OK)
		return cli_done(&c, rc);
	int64_t now = cli_now();
	int32_t off = cli_utc_offset(now);
	int64_t local = time_local_days(now, off);
	struct today_window w = {local, off, (int)days, (int)limit, 0};
	struct today_inputs in;
	struct error err = {0};
	if (store_today_read(c.store, c.arena, &w, &in, &err) != R_OK)
		return cli_done(&c, cli_error(&c, &err));
	struct today t;
	today_build(c.arena, now, off, (int)days, in.people, in.n_people,
		    in.dates, in.n_dates, in.followups, in.n_followups, &t);
	t.due_total = in.due_total;
	t.past_max_total = in.past_max_total;
	today_page(&t, 0, (size_t)limit);
	if (c.json)
		return cli_done(&c, cli_print_json(&c, codec_today(&t)));
	char day[DATE_STR_MAX];
	date_format(t.local_day, day);
	printf("Today, %s\n", day);
	today_print_due(&t, off);
	today_print_dates(&c, &t);
	today_print_followups(&t);
	return cli_done(&c, CLI_OK);
}
