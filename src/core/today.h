/*
 * today.h: the daily list (core layer).
 *
 * Given plain values read by the store and a clock, works out who is due
 * for a touch by their keep-in-touch cadence (most overdue first), which
 * important dates fall in the next N days (with the age or number of years
 * when the year is known; 29 February is kept on 28 February in common
 * years) and which follow-ups are due. No I/O: the caller passes "now" and
 * the user's offset from UTC at that moment.
 */
#ifndef RAPPORT_CORE_TODAY_H
#define RAPPORT_CORE_TODAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

struct arena;

/* One person's keep-in-touch inputs, as the store reads them. */
struct cadence_row {
	int64_t person_id;
	const char *name;  /* display name */
	int own_days;      /* the person's own cadence, 0: none */
	int own_max_days;  /* 0: default */
	int tag_days;      /* shortest cadence among the person's tags, 0 none */
	int tag_max_days;  /* the max gap that goes with it, 0: default */
	const char *tag;   /* the tag tag_days came from, NULL if none */
	int64_t last_touch; /* newest interaction, 0: never */
	int64_t created_at; /* the clock starts here when never touched */
};

/* One important date with its person, as the store reads it. */
struct date_row {
	struct important_date date;
	const char *person_name;
};

/* One interaction with a follow-up not yet done. */
struct followup_row {
	int64_t interaction_id;
	int64_t follow_up_on; /* day count */
	const char *summary;
	int64_t person_id; /* the first person on the interaction */
	const char *person_name;
};

/* A cadence resolved for one person: own if set, else from a tag. */
struct cadence {
	int ideal_days; /* 0: no cadence, never due */
	int max_days;
	const char *source; /* "own" or the tag's name */
};

struct today_due {
	int64_t person_id;
	const char *name;
	struct cadence cadence;
	int64_t last_touch; /* 0: never */
	int days_since;     /* days since last touch (or since added) */
	int days_overdue;   /* days past the ideal gap, >= 0 */
	bool past_max;      /* the gap is past the maximum */
};

struct today_date {
	struct important_date date;
	const char *person_name;
	int64_t on;    /* day count of the next occurrence (local) */
	int in_days;   /* 0: today */
	int turns;     /* age or years on that day; -1 when the year is unknown */
};

struct today_followup {
	struct followup_row row;
	int days_late; /* 0: due today */
};

struct today {
	int64_t local_day; /* today's day count in the user's time zone */
	struct today_due *due;
	size_t n_due;
	struct today_date *dates;
	size_t n_dates;
	struct today_followup *followups;
	size_t n_followups;
	/* How many there are in all, when the lists hold one page of them
	 * (today_page; the due people may come paged from the store). */
	size_t due_total;
	size_t past_max_total; /* of the due, those past their maximum */
	size_t dates_total;
	size_t followups_total;
};

/*
 * Resolves a person's cadence: their own when set, otherwise the tag's;
 * a max of 0 defaults to one and a half times the ideal, rounded up.
 */
struct cadence cadence_resolve(const struct cadence_row *row);

/*
 * Next occurrence, on or after day count `from`, of month/day; 29 February
 * falls on 28 February in common years. Returns the day count.
 */
int64_t today_next_occurrence(int month, int day, int64_t from);

/*
 * Builds the daily list. now is the current UTC time, utc_offset the
 * user's offset from UTC in seconds, horizon_days how far ahead to look for
 * dates (a date also shows when within its own remind_days). Results are
 * allocated from arena; inputs are borrowed and must outlive it. Due
 * people are sorted most overdue first (past max first, then by days
 * overdue, then name); dates by how soon; follow-ups most late first.
 */
void today_build(struct arena *arena, int64_t now, int32_t utc_offset,
		 int horizon_days, const struct cadence_row *people,
		 size_t n_people, const struct date_row *dates, size_t n_dates,
		 const struct followup_row *followups, size_t n_followups,
		 struct today *out);

/*
 * Keeps only the page of dates and follow-ups that starts at offset and
 * holds at most limit of each; the totals set by today_build() stay. The
 * due people are left alone: a large list of them comes from the store
 * already paged, with its totals set by the caller.
 */
void today_page(struct today *t, size_t offset, size_t limit);

#endif
