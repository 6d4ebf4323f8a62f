/*
 * model.h: the domain types of rapport's people side (core layer).
 *
 * Plain structs passed between store, core, web and cli. Strings are
 * borrowed: whoever fills a struct says who owns its strings (the store
 * fills them from the caller's arena). Ids are positive; 0 means "none".
 * Calendar dates are day counts since 1970-01-01 (see util/date.h) with a
 * has_ flag, timestamps are seconds since the epoch in UTC.
 */
#ifndef RAPPORT_CORE_MODEL_H
#define RAPPORT_CORE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest text a field may hold, in bytes, unless a field says otherwise. */
#define MODEL_NAME_MAX 200   /* names, titles, labels */
#define MODEL_TEXT_MAX 20000 /* notes, summaries, values */
#define MODEL_TAGS_MAX 50    /* tags on one person */
#define MODEL_CONTACTS_MAX 50
#define MODEL_PEOPLE_PER_INTERACTION_MAX 100
#define MODEL_CADENCE_MAX_DAYS 3650

enum fact_kind {
	FACT_LIKE,
	FACT_DISLIKE,
	FACT_PASSION,
	FACT_FAMILY,
	FACT_PET,
	FACT_FOOD,
	FACT_MILESTONE,
	FACT_OTHER,
	FACT_KIND_COUNT
};

enum contact_kind {
	CONTACT_EMAIL,
	CONTACT_PHONE,
	CONTACT_ADDRESS,
	CONTACT_LINK,
	CONTACT_KIND_COUNT
};

enum date_kind {
	DATE_BIRTHDAY,
	DATE_ANNIVERSARY,
	DATE_CUSTOM,
	DATE_KIND_COUNT
};

enum interaction_kind {
	INTERACTION_CALL,
	INTERACTION_MEETING,
	INTERACTION_EMAIL,
	INTERACTION_MESSAGE,
	INTERACTION_NOTE,
	INTERACTION_GIFT,
	INTERACTION_HELP, /* help given with no ask */
	INTERACTION_ASK,  /* asking for the business (deals) */
	INTERACTION_KIND_COUNT
};

/* A way to reach a person. */
struct contact {
	int64_t id;
	enum contact_kind kind;
	const char *label; /* "work", "home", ... may be NULL */
	const char *value; /* the address, number or URL */
};

struct organization {
	int64_t id;
	const char *name; /* required */
	const char *domain;
	const char *industry;
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
};

struct person {
	int64_t id;
	const char *given_name;  /* required */
	const char *family_name; /* may be NULL */
	int64_t org_id;          /* 0: none */
	const char *org_name;    /* filled by the store on read */
	const char *title;
	const char *how_met;
	bool has_met_on;
	int64_t met_on;      /* day count */
	int64_t referred_by; /* person id, 0: none */
	int cadence_days;    /* keep-in-touch ideal gap; 0: inherit from tags */
	int cadence_max_days; /* the most the gap should ever be; 0: default */
	const char *notes;
	const char *owner;   /* user name; NULL until accounts exist */
	/* shared with the owner's team (docs/accounts.md, "Owners"); only
	 * written when has_shared, so a zeroed person is shared by default */
	bool shared;
	bool has_shared;
	/* the owning user's display name or login, read by the store;
	 * NULL: no owner */
	const char *owner_user;
	const char **tags;
	size_t n_tags;
	struct contact *contacts;
	size_t n_contacts;
	int64_t last_touch; /* newest interaction's time, 0: never; read-only */
	int64_t created_at;
	int64_t updated_at;
};

struct fact {
	int64_t id;
	int64_t person_id;
	enum fact_kind kind;
	const char *label; /* "daughter", "team", "coffee" */
	const char *value; /* "Maya, 7", "Arsenal", "oat flat white" */
	bool has_learned_on;
	int64_t learned_on;     /* day count */
	int64_t interaction_id; /* where it was learned, 0: none */
	int64_t created_at;
};

struct important_date {
	int64_t id;
	int64_t person_id;
	enum date_kind kind;
	const char *label; /* required for custom dates */
	int month;         /* 1..12 */
	int day;           /* 1..31, valid for the month (29 Feb allowed) */
	int year;          /* 0: unknown */
	int remind_days;   /* days ahead to show it; default 14 */
	int64_t created_at;
};

struct interaction {
	int64_t id;
	enum interaction_kind kind;
	int64_t occurred_at; /* timestamp */
	const char *summary; /* required */
	const char *notes;
	int64_t *people; /* person ids, at least one */
	size_t n_people;
	bool has_follow_up;
	int64_t follow_up_on; /* day count */
	bool follow_up_done;
	int64_t deal_id; /* 0: none (deals come later) */
	int64_t created_at;
};

/*
 * A kind of relationship, read from both sides: name "manager", label
 * "manager of", inverse "reports to": "Ana is manager of Ben; Ben reports
 * to Ana". Symmetric types have the same label both ways.
 */
struct relationship_type {
	int64_t id;
	const char *name;          /* unique key, lower case */
	const char *label;         /* from the first person's side */
	const char *inverse_label; /* from the second person's side */
	bool builtin;              /* shipped types cannot be deleted */
};

struct relationship {
	int64_t id;
	int64_t type_id;
	int64_t from_id; /* "from_id is <label> to_id" */
	int64_t to_id;
	const char *notes;
	/* filled by the store on read */
	const char *type_name;
	const char *label;
	const char *inverse_label;
	const char *from_name;
	const char *to_name;
	int64_t created_at;
};

/* A tag and the keep-in-touch cadence it gives the people who carry it. */
struct tag {
	const char *name;
	int cadence_days;     /* 0: none */
	int cadence_max_days; /* 0: default */
	int64_t people;       /* how many carry it; read-only */
};

/* Names of enum values as used in the API, CLI and database. */
const char *fact_kind_name(enum fact_kind k);
const char *contact_kind_name(enum contact_kind k);
const char *date_kind_name(enum date_kind k);
const char *interaction_kind_name(enum interaction_kind k);
/* Parse a name back; false when s names no value (out is untouched). */
bool fact_kind_parse(const char *s, enum fact_kind *out);
bool contact_kind_parse(const char *s, enum contact_kind *out);
bool date_kind_parse(const char *s, enum date_kind *out);
bool interaction_kind_parse(const char *s, enum interaction_kind *out);
/* The allowed names joined with ", " for error messages, e.g. "like, ...". */
const char *fact_kind_list(void);
const char *contact_kind_list(void);
const char *date_kind_list(void);
const char *interaction_kind_list(void);

#endif
