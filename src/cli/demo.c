/*
 * demo.c: the demo data set behind `rapport init --demo` (cli layer).
 *
 * The data are tables: organizations, people (with their tags, contacts,
 * how they were met and who referred them), facts, important dates,
 * touches and relationships. People refer to one another by their index in
 * demo_people. Everything that should look alive is written relative to
 * today: touches are "N days ago", a few birthdays and an anniversary fall
 * in the next two weeks, one follow-up is two days late. Everything goes
 * through the store API (and core's validation) inside one transaction.
 */
#include "cli/demo.h"

#include <string.h>

#include "core/validate.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"

struct demo_org {
	const char *name, *domain, *industry, *notes;
};

static const struct demo_org demo_orgs[] = {
    {"Harbor Lane Bakery", "harborlane.example", "Food and hospitality",
     "Family-owned; eleven bakeries and a central kitchen."},
    {"Northwind Clinics", "northwind-clinics.example", "Healthcare",
     "Community clinics across the valley; opening two more next year."},
    {"Bluestem Logistics", "bluestem.example", "Logistics",
     "Regional freight and cross-docking."},
    {"Copperleaf Architects", "copperleaf.example", "Architecture",
     "Small studio, big on schools and libraries."},
    {"Riverbend School District", "riverbend-schools.example", "Education",
     "Fourteen schools; budget year starts in July."},
    {"Alder & Finch", "alderfinch.example", "Legal services",
     "Business law firm; generous with introductions."},
};
enum { HARBOR = 1, NORTHWIND, BLUESTEM, COPPERLEAF, RIVERBEND, ALDER };

enum {
	MAYA,
	DANIEL,
	PRIYA,
	NOOR,
	TOMASZ,
	GRACE,
	SAMUEL,
	AMARA,
	HANNAH,
	LUIS,
	AISHA,
	LEO,
	ELENA,
	JONAS,
	KWAME,
	RUTH,
	MARCUS,
	SOFIA,
	BEN,
	THEO,
	OLIVIA,
	NATHAN,
	CHLOE,
	RAVI,
	FIONA,
	KENJI,
	ISABEL,
	DEMO_PEOPLE
};
#define NOBODY (-1)

struct demo_person {
	const char *given, *family;
	int org; /* 1-based index into demo_orgs, 0: none */
	const char *title;
	const char *tag, *tag2; /* NULL: none */
	const char *email, *phone;
	const char *how_met;
	int met_days_ago; /* 0: unknown */
	int referred_by;  /* index into demo_people, NOBODY: none */
	int cadence;	  /* own cadence; 0: from the tags */
	const char *notes;
};

static const struct demo_person demo_people[DEMO_PEOPLE] = {
    [MAYA] = {"Maya", "Okafor", HARBOR, "Head of Operations", "client",
	      "champion", "maya.okafor@harborlane.example", "+1 555 0101",
	      "Ravi introduced us over coffee", 400, RAVI, 0,
	      "Thinks in mornings: the bake is out by 10."},
    [DANIEL] = {"Daniel", "Reyes", HARBOR, "Chief Financial Officer", "client",
		NULL, "daniel.reyes@harborlane.example", "+1 555 0102",
		"First meeting at the Eastside bakery", 170, NOBODY, 0,
		"Numbers first, then the story."},
    [PRIYA] = {"Priya", "Nair", HARBOR, "Purchasing Manager", "client", NULL,
	       "priya.nair@harborlane.example", "+1 555 0103", NULL, 0, NOBODY,
	       0, NULL},
    [NOOR] = {"Noor", "Haddad", HARBOR, "Marketing Lead", "client", NULL,
	      "noor.haddad@harborlane.example", NULL,
	      "Maya brought her to the quarterly review", 60, MAYA, 21,
	      "Likes to hear about campaigns other customers ran."},
    [TOMASZ] = {"Tomasz", "Wójcik", NORTHWIND, "Director of Facilities",
		"prospect", NULL, "tomasz.wojcik@northwind-clinics.example",
		"+1 555 0111", "Marcus mentioned us at a facilities meetup", 75,
		MARCUS, 0, NULL},
    [GRACE] = {"Grace", "Liu", NORTHWIND, "Chief Operating Officer", "prospect",
	       NULL, "grace.liu@northwind-clinics.example", NULL, NULL, 0,
	       NOBODY, 0, "Decides with her team; asks for references."},
    [SAMUEL] = {"Samuel", "Adeyemi", NORTHWIND, "IT Lead", "prospect", NULL,
		"samuel.adeyemi@northwind-clinics.example", "+1 555 0113", NULL,
		0, NOBODY, 0, NULL},
    [AMARA] = {"Amara", "Osei", NORTHWIND, "Nurse Manager", "prospect", NULL,
	       "amara.osei@northwind-clinics.example", NULL,
	       "Sat next to her at the Northwind open day", 40, NOBODY, 0,
	       "Works nights twice a week: email, not calls."},
    [HANNAH] = {"Hannah", "Becker", BLUESTEM, "VP Supply Chain", "client", NULL,
		"hannah.becker@bluestem.example", "+1 555 0121",
		"Jonas introduced us at a dinner party", 700, JONAS, 0, NULL},
    [LUIS] = {"Luis", "Moreno", BLUESTEM, "Warehouse Manager", "client", NULL,
	      "luis.moreno@bluestem.example", "+1 555 0122", NULL, 0, NOBODY, 0,
	      NULL},
    [AISHA] = {"Aisha", "Rahman", BLUESTEM, "Procurement Analyst", "client",
	       NULL, "aisha.rahman@bluestem.example", NULL, NULL, 0, NOBODY, 0,
	       NULL},
    [LEO] = {"Leo", "Martins", BLUESTEM, "Fleet Lead", "client", NULL,
	     "leo.martins@bluestem.example", "+1 555 0124", NULL, 0, NOBODY, 0,
	     NULL},
    [ELENA] = {"Elena", "Petrova", COPPERLEAF, "Principal", "prospect", NULL,
	       "elena.petrova@copperleaf.example", "+1 555 0131",
	       "Jonas brought her to see the Bluestem offices", 30, JONAS, 0,
	       "Give her time: she decides after sleeping on it."},
    [JONAS] = {"Jonas", "Becker", COPPERLEAF, "Project Architect", "friend",
	       NULL, "jonas.becker@copperleaf.example", "+1 555 0132",
	       "University friends", 0, NOBODY, 0, NULL},
    [KWAME] = {"Kwame", "Mensah", COPPERLEAF, "Office Manager", "prospect",
	       NULL, "kwame.mensah@copperleaf.example", NULL, NULL, 0, NOBODY,
	       0, NULL},
    [RUTH] = {"Ruth", "Feldman", COPPERLEAF, "Partner", "prospect", NULL,
	      "ruth.feldman@copperleaf.example", "+1 555 0134", NULL, 0, NOBODY,
	      0, NULL},
    [MARCUS] = {"Marcus", "Johnson", RIVERBEND, "Director of Operations",
		"client", "champion",
		"marcus.johnson@riverbend-schools.example", "+1 555 0141",
		"Olivia introduced us", 200, OLIVIA, 0,
		"Generous with referrals; never ask him for one."},
    [SOFIA] = {"Sofia", "Rossi", RIVERBEND, "Business Manager", "client", NULL,
	       "sofia.rossi@riverbend-schools.example", NULL, NULL, 0, NOBODY,
	       0, NULL},
    [BEN] = {"Ben", "Carter", RIVERBEND, "Facilities Coordinator", "client",
	     NULL, "ben.carter@riverbend-schools.example", "+1 555 0143", NULL,
	     0, NOBODY, 0, NULL},
    [THEO] = {"Theo", "Grant", RIVERBEND, "IT Director", "client", NULL,
	      "theo.grant@riverbend-schools.example", NULL, NULL, 0, NOBODY, 0,
	      NULL},
    [OLIVIA] = {"Olivia", "Finch", ALDER, "Managing Partner", "partner", NULL,
		"olivia.finch@alderfinch.example", "+1 555 0151",
		"Chamber of commerce breakfast", 900, NOBODY, 0,
		"Introduced us to Riverbend. Thank her properly, often."},
    [NATHAN] = {"Nathan", "Alder", ALDER, "Partner", "partner", NULL,
		"nathan.alder@alderfinch.example", NULL, NULL, 0, NOBODY, 0,
		NULL},
    [CHLOE] = {"Chloe", "Dubois", ALDER, "Office Administrator", NULL, NULL,
	       "chloe.dubois@alderfinch.example", NULL, NULL, 0, NOBODY, 0,
	       NULL},
    [RAVI] = {"Ravi", "Kapoor", 0, "Consultant", "friend", NULL,
	      "ravi@kapoor.example", "+1 555 0161",
	      "We worked together for six years", 0, NOBODY, 0, NULL},
    [FIONA] = {"Fiona", "Walsh", 0, "Bookseller", "friend", NULL,
	       "fiona@walshbooks.example", NULL, NULL, 0, NOBODY, 0,
	       "Owns Walsh & Daughter Books on Main Street."},
    [KENJI] = {"Kenji", "Watanabe", 0, "Retired sales director", "friend",
	       "mentor", "kenji.watanabe@mail.example", "+1 555 0163",
	       "My first manager", 0, NOBODY, 0,
	       "Taught me to listen first and to walk away from a bad fit."},
    [ISABEL] = {"Isabel", "Costa", 0, NULL, "friend", NULL,
		"isabel.costa@mail.example", NULL, "Saturday running club", 300,
		NOBODY, 0, NULL},
};

struct demo_tag {
	const char *name;
	int days, max_days;
};

static const struct demo_tag demo_tags[] = {
    {"client", 30, 45},	 {"prospect", 14, 21}, {"partner", 60, 90},
    {"friend", 90, 135}, {"champion", 0, 0},   {"mentor", 0, 0},
};

struct demo_fact {
	int who;
	enum fact_kind kind;
	const char *label, *value;
	int learned_days_ago; /* 0: unknown */
};

static const struct demo_fact demo_facts[] = {
    {MAYA, FACT_FAMILY, "daughter", "Zuri, 9, plays the cello", 170},
    {MAYA, FACT_PASSION, "running", "training for her first marathon", 60},
    {MAYA, FACT_FOOD, "coffee", "oat flat white, no sugar", 170},
    {MAYA, FACT_DISLIKE, "mornings", "meetings before the bake is out", 0},
    {DANIEL, FACT_FAMILY, "family", "wife Carmen; twin boys Mateo and Luis, 6",
     170},
    {DANIEL, FACT_PET, "dog", "Biscuit, a beagle who steals croissants", 60},
    {DANIEL, FACT_LIKE, "baseball", "the Dodgers; grew up in Los Angeles", 0},
    {DANIEL, FACT_DISLIKE, "pitches", "vague numbers: costs up front", 52},
    {PRIYA, FACT_PASSION, "music",
     "sings Carnatic music at the spring "
     "festival",
     60},
    {PRIYA, FACT_FOOD, "food", "vegetarian; loves masala dosa", 9},
    {PRIYA, FACT_FAMILY, "parents",
     "visits her parents in Kochi every "
     "December",
     0},
    {NOOR, FACT_PASSION, "photography", "street photography, on film", 10},
    {NOOR, FACT_PET, "parrot", "Kiwi, who says 'good morning' all day", 0},
    {TOMASZ, FACT_PASSION, "motorcycles", "restoring a 1972 Jawa", 75},
    {TOMASZ, FACT_FAMILY, "son",
     "Kuba, starting university in the "
     "autumn",
     19},
    {TOMASZ, FACT_LIKE, "meetings", "site walks over slide shows", 19},
    {GRACE, FACT_LIKE, "art", "Japanese woodblock prints", 4},
    {GRACE, FACT_DISLIKE, "cold calls", "book time by email first", 0},
    {GRACE, FACT_MILESTONE, "study", "just finished an executive MBA", 4},
    {SAMUEL, FACT_FAMILY, "daughter",
     "Ada, 11; he coaches her football "
     "team",
     8},
    {SAMUEL, FACT_FOOD, "jollof", "has firm views on the best jollof", 0},
    {AMARA, FACT_PASSION, "choir", "sings alto in a community choir", 25},
    {AMARA, FACT_FOOD, "tea", "rooibos, after night shifts", 0},
    {HANNAH, FACT_PET, "dogs", "two rescue greyhounds, Pilot and Juno", 90},
    {HANNAH, FACT_PASSION, "sailing",
     "crews on a friend's boat most "
     "summer weekends",
     0},
    {HANNAH, FACT_FAMILY, "husband", "Jonas, an architect at Copperleaf", 0},
    {LUIS, FACT_MILESTONE, "baby", "daughter Sofía born this spring", 16},
    {LUIS, FACT_FOOD, "mole",
     "makes his grandmother's mole for team "
     "parties",
     90},
    {AISHA, FACT_LIKE, "crosswords", "does the Saturday cryptic", 20},
    {AISHA, FACT_MILESTONE, "study",
     "studying for her CPSM "
     "certification",
     20},
    {LEO, FACT_PASSION, "cycling", "cycles 20 km to work, all year", 5},
    {ELENA, FACT_PASSION, "watercolour", "sketches every site she visits", 30},
    {ELENA, FACT_DISLIKE, "pressure", "being rushed; sleeps on decisions", 6},
    {ELENA, FACT_FOOD, "tea", "green tea; no coffee after noon", 30},
    {JONAS, FACT_LIKE, "baking",
     "bakes sourdough, brings a loaf to "
     "dinner",
     0},
    {JONAS, FACT_FAMILY, "wife", "Hannah, at Bluestem Logistics", 0},
    {KWAME, FACT_PASSION, "music", "plays highlife guitar", 6},
    {KWAME, FACT_FAMILY, "twins", "Kofi and Ama, just started school", 6},
    {RUTH, FACT_PASSION, "garden", "grows prize-winning dahlias", 30},
    {RUTH, FACT_FAMILY, "grandson", "Eli, 2", 10},
    {MARCUS, FACT_PASSION, "jazz",
     "plays trumpet Friday nights at the "
     "Blue Door",
     95},
    {MARCUS, FACT_FAMILY, "family",
     "wife Denise (teaches 5th grade); "
     "kids Jalen and Imani",
     200},
    {SOFIA, FACT_FOOD, "pizza", "Neapolitan purist", 12},
    {SOFIA, FACT_LIKE, "opera", "season tickets with her sister", 95},
    {BEN, FACT_OTHER, "volunteering", "volunteer firefighter", 12},
    {BEN, FACT_LIKE, "football", "the Chicago Bears, loyally", 0},
    {THEO, FACT_PASSION, "astronomy", "runs the district's star nights", 12},
    {OLIVIA, FACT_LIKE, "books", "mystery novels, the older the better", 80},
    {OLIVIA, FACT_PET, "cat", "Atticus, a grey tabby", 0},
    {OLIVIA, FACT_PASSION, "rowing", "rows on the river at dawn", 40},
    {NATHAN, FACT_FAMILY, "daughter", "Maren, applying to vet school", 50},
    {CHLOE, FACT_FOOD, "baking", "makes the best macarons in the building", 40},
    {RAVI, FACT_FAMILY, "family", "wife Anjali; son Dev, 4", 110},
    {RAVI, FACT_LIKE, "cricket", "Test matches only", 0},
    {FIONA, FACT_LIKE, "books", "has a book for everyone; ask her", 20},
    {KENJI, FACT_PASSION, "bonsai", "a juniper he has kept for 30 years", 100},
    {ISABEL, FACT_PASSION, "running", "new half-marathon best this spring", 3},
    {ISABEL, FACT_FOOD, "allergy", "serious peanut allergy", 300},
};

struct demo_date {
	int who;
	enum date_kind kind;
	const char *label;
	int month, day, year; /* fixed dates; year 0: unknown */
	bool relative;	      /* true: in_days from today instead */
	/* relative: in_days from today, turning turns (0: year unknown,
	 * except a date already past this year, which keeps its year) */
	int in_days, turns;
};

static const struct demo_date demo_dates[] = {
    {MAYA, DATE_BIRTHDAY, NULL, 0, 0, 0, true, 3, 42},
    {HANNAH, DATE_ANNIVERSARY, "wedding anniversary with Jonas", 0, 0, 0, true,
     9, 12},
    {DANIEL, DATE_BIRTHDAY, NULL, 0, 0, 0, true, 12, 0},
    {KWAME, DATE_CUSTOM, "started at Copperleaf", 0, 0, 0, true, 24, 9},
    {LUIS, DATE_CUSTOM, "Sofía's birthday", 0, 0, 0, true, -70, 0},
    {GRACE, DATE_BIRTHDAY, NULL, 2, 29, 1988, false, 0, 0},
    {SOFIA, DATE_BIRTHDAY, NULL, 8, 14, 0, false, 0, 0},
    {MARCUS, DATE_BIRTHDAY, NULL, 11, 3, 1971, false, 0, 0},
    {KENJI, DATE_BIRTHDAY, NULL, 1, 21, 0, false, 0, 0},
    {RAVI, DATE_BIRTHDAY, NULL, 9, 8, 1984, false, 0, 0},
    {ELENA, DATE_BIRTHDAY, NULL, 3, 17, 0, false, 0, 0},
    {OLIVIA, DATE_CUSTOM, "founded Alder & Finch", 6, 1, 2009, false, 0, 0},
    {FIONA, DATE_BIRTHDAY, NULL, 6, 29, 0, false, 0, 0},
    {ISABEL, DATE_BIRTHDAY, NULL, 12, 2, 1990, false, 0, 0},
    {MARCUS, DATE_ANNIVERSARY, "wedding anniversary with Denise", 7, 19, 1998,
     false, 0, 0},
};

#define DEMO_WITH_MAX 4
#define NO_FOLLOW_UP  (-9999)

struct demo_touch {
	int days_ago;
	enum interaction_kind kind;
	int with[DEMO_WITH_MAX]; /* NOBODY ends the list */
	const char *summary, *notes;
	int follow_up; /* days from today, NO_FOLLOW_UP: none */
	bool done;
};

#define W1(a)                                                                  \
	{                                                                      \
		a, NOBODY, NOBODY, NOBODY                                      \
	}
#define W2(a, b)                                                               \
	{                                                                      \
		a, b, NOBODY, NOBODY                                           \
	}
#define W3(a, b, c)                                                            \
	{                                                                      \
		a, b, c, NOBODY                                                \
	}

static const struct demo_touch demo_touches[] = {
    {170, INTERACTION_MEETING, W2(MAYA, DANIEL),
     "First meeting at Harbor Lane's Eastside bakery",
     "Maya showed us the morning bake; Daniel wanted costs before "
     "anything else.",
     NO_FOLLOW_UP, false},
    {150, INTERACTION_MEETING, W1(KENJI),
     "Lunch with Kenji at the noodle place he likes", NULL, NO_FOLLOW_UP,
     false},
    {120, INTERACTION_EMAIL, W1(MAYA),
     "Sent Maya the delivery-schedule case study she asked about", NULL,
     NO_FOLLOW_UP, false},
    {110, INTERACTION_CALL, W1(RAVI), "Caught up with Ravi on his new role",
     "He's consulting now; Dev started preschool.", NO_FOLLOW_UP, false},
    {100, INTERACTION_CALL, W1(KENJI),
     "Asked Kenji's advice on a conversation that had stalled",
     "His advice: ask what changed for them, then listen.", NO_FOLLOW_UP,
     false},
    {95, INTERACTION_MEETING, W2(MARCUS, SOFIA),
     "Budget planning session at the Riverbend district office", NULL,
     NO_FOLLOW_UP, false},
    {90, INTERACTION_MEETING, W2(HANNAH, LUIS),
     "Toured the Bluestem cross-dock with Hannah and Luis", NULL, NO_FOLLOW_UP,
     false},
    {80, INTERACTION_MEETING, W1(OLIVIA),
     "Lunch with Olivia to thank her for introducing Marcus", NULL,
     NO_FOLLOW_UP, false},
    {75, INTERACTION_CALL, W1(TOMASZ),
     "First call with Tomasz; Marcus had told him about us", NULL, NO_FOLLOW_UP,
     false},
    {70, INTERACTION_CALL, W1(MARCUS),
     "Checked in with Marcus as the school year got going", NULL, NO_FOLLOW_UP,
     false},
    {60, INTERACTION_MEETING, W3(MAYA, DANIEL, PRIYA),
     "Quarterly review at Harbor Lane",
     "Priya asked for a simpler ordering sheet.", -50, true},
    {60, INTERACTION_MEETING, W2(JONAS, HANNAH), "Dinner at Jonas and Hannah's",
     "Jonas baked; Juno stole a slice.", NO_FOLLOW_UP, false},
    {52, INTERACTION_EMAIL, W1(DANIEL),
     "Answered Daniel's questions about invoicing terms",
     "He prefers a one-page summary with the numbers up front.", NO_FOLLOW_UP,
     false},
    {50, INTERACTION_HELP, W2(NATHAN, HANNAH),
     "Put Nathan in touch with Hannah about a client's freight question", NULL,
     NO_FOLLOW_UP, false},
    {40, INTERACTION_GIFT, W2(OLIVIA, CHLOE),
     "Dropped off flowers at Alder & Finch as a thank-you", NULL, NO_FOLLOW_UP,
     false},
    {33, INTERACTION_GIFT, W1(HANNAH),
     "Sent a card and dog treats when Juno had surgery", NULL, NO_FOLLOW_UP,
     false},
    {30, INTERACTION_MEETING, W2(ELENA, RUTH),
     "First walkthrough of Copperleaf's studio needs", NULL, NO_FOLLOW_UP,
     false},
    {25, INTERACTION_HELP, W1(AMARA),
     "Sent Amara the article on night-shift rostering she mentioned", NULL,
     NO_FOLLOW_UP, false},
    {20, INTERACTION_EMAIL, W1(AISHA),
     "Shared the freight-cost template with Aisha", NULL, NO_FOLLOW_UP, false},
    {20, INTERACTION_MESSAGE, W1(FIONA),
     "Fiona recommended a novel; ordered it from her shop", NULL, NO_FOLLOW_UP,
     false},
    {19, INTERACTION_MEETING, W1(TOMASZ),
     "Site walk at Northwind's Riverside clinic with Tomasz",
     "He asked how maintenance costs compare over five years.", -2, false},
    {16, INTERACTION_MESSAGE, W1(LUIS),
     "Congratulated Luis on the birth of Sofía", NULL, NO_FOLLOW_UP, false},
    {12, INTERACTION_MEETING, W3(SOFIA, BEN, THEO),
     "Walked the new gym wing with Sofia, Ben and Theo", NULL, NO_FOLLOW_UP,
     false},
    {10, INTERACTION_EMAIL, W1(RUTH), "Sent Ruth the references she asked for",
     NULL, NO_FOLLOW_UP, false},
    {10, INTERACTION_CALL, W1(NOOR),
     "Noor walked me through the spring campaign plan", NULL, NO_FOLLOW_UP,
     false},
    {9, INTERACTION_MEETING, W2(MAYA, PRIYA), "Quarterly review at Harbor Lane",
     "The new ordering sheet saves Priya an hour a week.", NO_FOLLOW_UP, false},
    {8, INTERACTION_CALL, W1(SAMUEL),
     "Samuel explained Northwind's network constraints", NULL, NO_FOLLOW_UP,
     false},
    {6, INTERACTION_MEETING, W2(ELENA, KWAME), "Studio visit at Copperleaf",
     "Elena wants time to think; no rush.", 5, false},
    {5, INTERACTION_CALL, W1(LEO),
     "Leo asked about winter routing; talked through the options", NULL,
     NO_FOLLOW_UP, false},
    {4, INTERACTION_EMAIL, W1(GRACE),
     "Grace asked for references from other clinics; sent two", NULL, 10,
     false},
    {3, INTERACTION_MESSAGE, W1(ISABEL),
     "Congratulated Isabel on her half-marathon best", NULL, NO_FOLLOW_UP,
     false},
};

struct demo_rel {
	const char *type;
	int from, to;
};

static const struct demo_rel demo_rels[] = {
    {"spouse", HANNAH, JONAS},	    {"manager", MAYA, PRIYA},
    {"manager", MAYA, NOOR},	    {"manager", GRACE, TOMASZ},
    {"manager", GRACE, AMARA},	    {"manager", HANNAH, LUIS},
    {"manager", HANNAH, AISHA},	    {"manager", LUIS, LEO},
    {"manager", MARCUS, BEN},	    {"colleague", TOMASZ, SAMUEL},
    {"colleague", ELENA, RUTH},	    {"colleague", OLIVIA, NATHAN},
    {"colleague", SOFIA, THEO},	    {"introduced", RAVI, MAYA},
    {"introduced", OLIVIA, MARCUS}, {"introduced", MARCUS, TOMASZ},
    {"introduced", JONAS, ELENA},   {"friend", ISABEL, FIONA},
};

/* What the transaction works with. */
struct demo_tx {
	struct arena *arena;
	int64_t now, today;
	int32_t off;
	int64_t org_ids[sizeof(demo_orgs) / sizeof(demo_orgs[0])];
	int64_t ids[DEMO_PEOPLE];
	struct demo_counts counts;
};

#define DEMO_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Noon local time, days ago, spread a little by i so touches differ. */
static int64_t demo_when(const struct demo_tx *t, int days_ago, size_t i)
{
	int64_t day = t->today - days_ago;
	return day * 86400 - t->off + 9 * 3600 + (int64_t)(i % 8) * 3600;
}

static enum result demo_refuse_if_used(struct store *s, struct demo_tx *t,
				       struct error *err)
{
	struct store_page page = {0, 1};
	struct person *people;
	struct organization *orgs;
	size_t n_people, n_orgs;
	bool more;
	enum result r = store_person_list(s, t->arena, NULL, &page, &people,
					  &n_people, &more, err);
	if (r == R_OK)
		r = store_org_list(s, t->arena, &page, &orgs, &n_orgs, &more,
				   err);
	if (r != R_OK)
		return r;
	if (n_people || n_orgs)
		return error_set(err, R_CONFLICT, "",
				 "the database already holds data; demo data "
				 "goes only into a new one (pass another "
				 "--db)");
	return R_OK;
}

static enum result demo_orgs_put(struct store *s, struct demo_tx *t,
				 struct error *err)
{
	for (size_t i = 0; i < DEMO_LEN(demo_orgs); i++) {
		struct organization o = {0};
		o.name = demo_orgs[i].name;
		o.domain = demo_orgs[i].domain;
		o.industry = demo_orgs[i].industry;
		o.notes = demo_orgs[i].notes;
		enum result r = validate_org(&o, err);
		if (r == R_OK)
			r = store_org_create(s, &o, err);
		if (r != R_OK)
			return r;
		t->org_ids[i] = o.id;
		t->counts.orgs++;
	}
	for (size_t i = 0; i < DEMO_LEN(demo_tags); i++) {
		struct tag tag = {demo_tags[i].name, demo_tags[i].days,
				  demo_tags[i].max_days, 0};
		enum result r = validate_tag(&tag, err);
		if (r == R_OK)
			r = store_tag_put(s, &tag, err);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

static void demo_person_fill(const struct demo_tx *t, size_t i,
			     struct person *p, struct contact *contacts,
			     const char **tags)
{
	const struct demo_person *d = &demo_people[i];
	memset(p, 0, sizeof(*p));
	p->given_name = d->given;
	p->family_name = d->family;
	p->org_id = d->org ? t->org_ids[d->org - 1] : 0;
	p->title = d->title;
	p->how_met = d->how_met;
	p->has_met_on = d->met_days_ago > 0;
	p->met_on = p->has_met_on ? t->today - d->met_days_ago : 0;
	p->cadence_days = d->cadence;
	p->notes = d->notes;
	p->tags = tags;
	if (d->tag)
		tags[p->n_tags++] = d->tag;
	if (d->tag2)
		tags[p->n_tags++] = d->tag2;
	p->contacts = contacts;
	if (d->email)
		contacts[p->n_contacts++] =
		    (struct contact){0, CONTACT_EMAIL, "work", d->email};
	if (d->phone)
		contacts[p->n_contacts++] =
		    (struct contact){0, CONTACT_PHONE, "mobile", d->phone};
}

/* People first, then referrals (which need the referrer's id). */
static enum result demo_people_put(struct store *s, struct demo_tx *t,
				   struct error *err)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < DEMO_PEOPLE; i++) {
			const struct demo_person *d = &demo_people[i];
			if (pass == 1 && d->referred_by == NOBODY)
				continue;
			struct person p;
			struct contact contacts[2];
			const char *tags[2];
			demo_person_fill(t, i, &p, contacts, tags);
			enum result r;
			if (pass == 1) {
				p.id = t->ids[i];
				p.referred_by = t->ids[d->referred_by];
			}
			if ((r = validate_person(&p, err)) != R_OK)
				return r;
			r = pass ? store_person_update(s, &p, err)
				 : store_person_create(s, &p, err);
			if (r != R_OK)
				return r;
			if (pass == 0) {
				t->ids[i] = p.id;
				t->counts.people++;
			}
		}
	return R_OK;
}

static enum result demo_facts_put(struct store *s, struct demo_tx *t,
				  struct error *err)
{
	for (size_t i = 0; i < DEMO_LEN(demo_facts); i++) {
		const struct demo_fact *d = &demo_facts[i];
		struct fact f = {0};
		f.person_id = t->ids[d->who];
		f.kind = d->kind;
		f.label = d->label;
		f.value = d->value;
		f.has_learned_on = d->learned_days_ago > 0;
		f.learned_on =
		    f.has_learned_on ? t->today - d->learned_days_ago : 0;
		enum result r = validate_fact(&f, err);
		if (r == R_OK)
			r = store_fact_create(s, &f, err);
		if (r != R_OK)
			return r;
		t->counts.facts++;
	}
	return R_OK;
}

static enum result demo_dates_put(struct store *s, struct demo_tx *t,
				  struct error *err)
{
	for (size_t i = 0; i < DEMO_LEN(demo_dates); i++) {
		const struct demo_date *d = &demo_dates[i];
		struct important_date id = {0};
		id.person_id = t->ids[d->who];
		id.kind = d->kind;
		id.label = d->label;
		id.remind_days = 14;
		id.month = d->month;
		id.day = d->day;
		id.year = d->year;
		if (d->relative) {
			int64_t on = t->today + d->in_days;
			int y;
			date_from_days(on, &y, &id.month, &id.day);
			/* Keep a made-up year off 29 February. */
			if (id.month == 2 && id.day == 29)
				id.day = 28;
			id.year = d->turns ? y - d->turns : 0;
			if (d->in_days < 0 && !d->turns)
				id.year = y;
		}
		enum result r = validate_date(&id, err);
		if (r == R_OK)
			r = store_date_create(s, &id, err);
		if (r != R_OK)
			return r;
		t->counts.dates++;
	}
	return R_OK;
}

static enum result demo_touches_put(struct store *s, struct demo_tx *t,
				    struct error *err)
{
	for (size_t i = 0; i < DEMO_LEN(demo_touches); i++) {
		const struct demo_touch *d = &demo_touches[i];
		int64_t people[DEMO_WITH_MAX];
		struct interaction it = {0};
		it.kind = d->kind;
		it.occurred_at = demo_when(t, d->days_ago, i);
		it.summary = d->summary;
		it.notes = d->notes;
		it.people = people;
		for (size_t k = 0; k < DEMO_WITH_MAX && d->with[k] != NOBODY;
		     k++)
			people[it.n_people++] = t->ids[d->with[k]];
		it.has_follow_up = d->follow_up != NO_FOLLOW_UP;
		it.follow_up_on =
		    it.has_follow_up ? t->today + d->follow_up : 0;
		it.follow_up_done = d->done;
		enum result r = validate_interaction(&it, t->now, err);
		if (r == R_OK)
			r = store_interaction_create(s, &it, err);
		if (r != R_OK)
			return r;
		t->counts.interactions++;
	}
	return R_OK;
}

static enum result demo_rels_put(struct store *s, struct demo_tx *t,
				 struct error *err)
{
	struct relationship_type *types;
	size_t n_types;
	enum result r = store_reltype_list(s, t->arena, &types, &n_types, err);
	if (r != R_OK)
		return r;
	for (size_t i = 0; i < DEMO_LEN(demo_rels); i++) {
		const struct demo_rel *d = &demo_rels[i];
		struct relationship rel = {0};
		for (size_t k = 0; k < n_types && !rel.type_id; k++)
			if (strcmp(types[k].name, d->type) == 0)
				rel.type_id = types[k].id;
		if (!rel.type_id)
			return error_set(err, R_INVALID, "type",
					 "type: the relationship type '%s' is "
					 "missing from the database",
					 d->type);
		rel.from_id = t->ids[d->from];
		rel.to_id = t->ids[d->to];
		if ((r = validate_relationship(&rel, err)) != R_OK ||
		    (r = store_relationship_create(s, &rel, err)) != R_OK)
			return r;
		t->counts.relationships++;
	}
	return R_OK;
}

static enum result demo_tx_run(struct store *s, void *ctx, struct error *err)
{
	struct demo_tx *t = ctx;
	memset(&t->counts, 0, sizeof(t->counts));
	enum result r;
	if ((r = demo_refuse_if_used(s, t, err)) != R_OK ||
	    (r = demo_orgs_put(s, t, err)) != R_OK ||
	    (r = demo_people_put(s, t, err)) != R_OK ||
	    (r = demo_facts_put(s, t, err)) != R_OK ||
	    (r = demo_dates_put(s, t, err)) != R_OK ||
	    (r = demo_touches_put(s, t, err)) != R_OK ||
	    (r = demo_rels_put(s, t, err)) != R_OK ||
	    (r = demo_deals_put(s, t->arena, t->org_ids, t->ids, t->now,
				t->today, err)) != R_OK ||
	    (r = demo_advisor_put(s, t->arena, t->org_ids, t->now, err)) !=
		    R_OK)
		return r;
	return R_OK;
}

enum result demo_fill(struct store *s, int64_t now, int32_t utc_offset,
		      struct demo_counts *counts, struct error *err)
{
	struct demo_tx t;
	memset(&t, 0, sizeof(t));
	t.arena = arena_new();
	t.now = now;
	t.off = utc_offset;
	t.today = time_local_days(now, utc_offset);
	enum result r = store_run_tx(s, demo_tx_run, &t, err);
	if (r == R_OK)
		*counts = t.counts;
	arena_free(t.arena);
	return r;
}
