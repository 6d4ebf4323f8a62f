/*
 * gen.c: the benchmark data generator (bench, outside the layers).
 *
 * Builds a database of believable people for `make bench`: organizations,
 * tags with keep-in-touch cadences, people with contacts, two or three
 * personal facts and one important date each, and interactions spread over
 * the last two years with one to three people each. It writes through the
 * store like any other caller, in transactions of a few thousand records,
 * so the data is exactly what the server would have written itself.
 *
 * The output is deterministic for a given seed and day: a small PRNG of
 * our own drives every choice, and times are counted back from midnight
 * UTC of the day it runs. The database is written to OUT.tmp and renamed
 * to OUT only when complete, so an interrupted run never leaves a file
 * that looks finished. Beside it go OUT.meta (the range of person ids)
 * and OUT.prefixes (three-letter name prefixes for the search benchmark).
 *
 * Usage: gen [--people N] [--interactions N] [--seed N] OUT
 *        gen --key [--people N] [--interactions N] [--seed N]
 * --key prints the cache key: the generator's version, the schema version
 * and the sizes, so that a cached database is reused only when it would be
 * generated the same way.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/num.h"

/* Bump when the generated data changes, so cached databases are rebuilt. */
#define GEN_VERSION	 1
#define GEN_PEOPLE	 100000
#define GEN_INTERACTIONS 1000000
#define GEN_ORGS	 2000
#define GEN_BATCH	 5000
#define GEN_SEED	 20240611
#define GEN_DAYS_BACK	 730
#define GEN_PATH_MAX	 4096

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const gen_given[] = {
    "Aaron",   "Abigail", "Adrian", "Aisha",  "Alan",	 "Alice",   "Amara",
    "Amelia",  "Andre",	  "Anika",  "Ben",    "Bianca",	 "Boris",   "Brenda",
    "Caleb",   "Carla",	  "Chen",   "Chloe",  "Conor",	 "Dalia",   "Daniel",
    "Daria",   "David",	  "Deepa",  "Diego",  "Elena",	 "Eli",	    "Emeka",
    "Emma",    "Erik",	  "Fatima", "Felix",  "Fiona",	 "Gabriel", "Grace",
    "Hana",    "Hassan",  "Helen",  "Hugo",   "Ibrahim", "Ines",    "Isaac",
    "Ivy",     "Jamal",	  "Jana",   "Javier", "Jonas",	 "Julia",   "Kai",
    "Karen",   "Kenji",	  "Keisha", "Lars",   "Laura",	 "Leila",   "Liam",
    "Lucia",   "Luis",	  "Maya",   "Marco",  "Maria",	 "Mateo",   "Mei",
    "Milan",   "Nadia",	  "Naveen", "Nora",   "Noah",	 "Olga",    "Omar",
    "Oscar",   "Pablo",	  "Paula",  "Priya",  "Quentin", "Rafael",  "Rania",
    "Ravi",    "Rosa",	  "Ruben",  "Sara",   "Samir",	 "Sean",    "Sofia",
    "Stefan",  "Tanya",	  "Theo",   "Tomas",  "Uma",	 "Victor",  "Vera",
    "Wei",     "Wendy",	  "Xavier", "Yara",   "Yusuf",	 "Zane",    "Zara",
    "Bruno",   "Clara",	  "Dmitri", "Esther", "Gideon",	 "Harriet", "Imogen",
    "Joaquin", "Kofi",	  "Lena",
};

static const char *const gen_family[] = {
    "Abbott",	"Adeyemi",    "Alvarez", "Andersen",  "Baker",	    "Banerjee",
    "Becker",	"Bianchi",    "Brooks",	 "Campbell",  "Castro",	    "Chandra",
    "Chen",	"Costa",      "Dahl",	 "Delgado",   "Dubois",	    "Eriksson",
    "Evans",	"Farouk",     "Fischer", "Fontaine",  "Garcia",	    "Gallagher",
    "Greene",	"Gupta",      "Haddad",	 "Hansen",    "Hartmann",   "Hughes",
    "Ibarra",	"Ivanova",    "Jensen",	 "Johnson",   "Kaur",	    "Kelly",
    "Kim",	"Kowalski",   "Larsen",	 "Lee",	      "Lindqvist",  "Lopez",
    "Madsen",	"Mahmoud",    "Martin",	 "Mendes",    "Morales",    "Murphy",
    "Nakamura", "Nguyen",     "Novak",	 "Obi",	      "Oliveira",   "Olsen",
    "Park",	"Patel",      "Petrov",	 "Quinn",     "Ramirez",    "Reyes",
    "Rossi",	"Russo",      "Sato",	 "Schmidt",   "Silva",	    "Singh",
    "Sorensen", "Suzuki",     "Tanaka",	 "Thompson",  "Torres",	    "Ueda",
    "Usman",	"Varga",      "Vasquez", "Wagner",    "Walsh",	    "Weber",
    "Williams", "Wong",	      "Xu",	 "Yamamoto",  "Yilmaz",	    "Young",
    "Zhang",	"Zimmermann", "Okafor",	 "Moreau",    "Lambert",    "Keller",
    "Hoffmann", "Duarte",     "Coleman", "Bergstrom", "Achterberg",
};

static const char *const gen_org_first[] = {
    "Northwind", "Bluebird",   "Cedar",	    "Granite",	  "Harbor",
    "Juniper",	 "Lumen",      "Maple",	    "Meridian",	  "Oakridge",
    "Pinnacle",	 "Quartz",     "Redwood",   "Silverline", "Summit",
    "Tidewater", "Vantage",    "Willow",    "Beacon",	  "Copper",
    "Driftwood", "Evergreen",  "Foxglove",  "Highland",	  "Ironbridge",
    "Keystone",	 "Lighthouse", "Moonrise",  "Nimbus",	  "Orchard",
    "Prairie",	 "Riverbend",  "Sandstone", "Thistle",	  "Upland",
    "Waypoint",	 "Yarrow",     "Zephyr",    "Alder",	  "Brightwater",
};

static const char *const gen_org_second[] = {
    "Labs",	 "Foods",    "Logistics", "Health",   "Partners",   "Analytics",
    "Robotics",	 "Media",    "Energy",	  "Systems",  "Consulting", "Bank",
    "Insurance", "Studios",  "Works",	  "Software", "Outfitters", "Clinics",
    "Farms",	 "Capital",  "Freight",	  "Textiles", "Pharma",	    "Security",
    "Learning",	 "Hotels",   "Motors",	  "Brewing",  "Design",	    "Networks",
    "Materials", "Ventures", "Dental",	  "Legal",    "Marine",	    "Aerospace",
    "Retail",	 "Water",    "Solar",	  "Print",    "Bakery",	    "Gardens",
    "Games",	 "Audio",    "Optics",	  "Tools",    "Homes",	    "Transit",
    "Paper",	 "Cloud",
};

static const char *const gen_industries[] = {
    "software",	 "manufacturing", "healthcare", "finance",     "retail",
    "logistics", "energy",	  "education",	"hospitality", "media",
};

static const char *const gen_titles[] = {
    "Head of Operations",
    "VP Sales",
    "CFO",
    "IT Director",
    "Procurement Lead",
    "Founder",
    "Office Manager",
    "CTO",
    "Marketing Director",
    "Plant Manager",
    "Head of People",
    "Product Manager",
    "Account Director",
    "COO",
    "Engineering Manager",
};

static const char *const gen_how_met[] = {
    "conference in Lisbon",    "introduced by a customer",
    "cold email that worked",  "local meetup",
    "former colleague",	       "trade show booth",
    "referred by a friend",    "webinar question",
    "school parents' evening", "cycling club",
};

/* Tags and the cadence (ideal, max days) they give their people. */
static const struct tag gen_tags[] = {
    {"customer", 30, 45, 0}, {"prospect", 14, 21, 0}, {"partner", 60, 90, 0},
    {"friend", 90, 0, 0},    {"investor", 45, 60, 0}, {"vendor", 120, 0, 0},
    {"mentor", 60, 0, 0},    {"alumni", 180, 270, 0}, {"press", 0, 0, 0},
    {"community", 0, 0, 0},
};

/* A kind of personal fact: its kind, label and the values it may take. */
struct gen_fact_kind {
	enum fact_kind kind;
	const char *label;
	const char *values[6];
};

static const struct gen_fact_kind gen_facts[] = {
    {FACT_LIKE,
     "coffee",
     {"oat flat white", "double espresso", "cold brew", "black, no sugar",
      "cortado", "decaf latte"}},
    {FACT_LIKE,
     "music",
     {"jazz", "Bowie", "film scores", "folk", "techno", "opera"}},
    {FACT_DISLIKE,
     "meetings",
     {"before 9", "without an agenda", "on Fridays", "over lunch",
      "longer than 30 minutes", "by video"}},
    {FACT_PASSION,
     "sport",
     {"trail running", "sailing", "bouldering", "cycling", "rowing", "padel"}},
    {FACT_PASSION,
     "hobby",
     {"sourdough baking", "woodworking", "birdwatching", "chess",
      "restoring old radios", "watercolours"}},
    {FACT_FAMILY, "daughter", {"", "", "", "", "", ""}},
    {FACT_FAMILY, "son", {"", "", "", "", "", ""}},
    {FACT_PET, "dog", {"Biscuit", "Pepper", "Luna", "Otis", "Maple", "Rufus"}},
    {FACT_PET, "cat", {"Miso", "Tofu", "Cleo", "Jasper", "Nori", "Ziggy"}},
    {FACT_FOOD,
     "favourite",
     {"ramen", "tapas", "dim sum", "Sunday roast", "pho", "mezze"}},
    {FACT_MILESTONE,
     "career",
     {"promoted to VP this spring", "started a new role in March",
      "ran a first marathon", "finished an MBA", "moved to Porto",
      "opened a second office"}},
    {FACT_OTHER,
     "team",
     {"Arsenal", "Celtics", "Benfica", "All Blacks", "Yankees",
      "Borussia Dortmund"}},
};

static const char *const gen_openers[] = {
    "Coffee about",	   "Call on",
    "Lunch, talked about", "Sent an article on",
    "Quick check-in on",   "Demo of",
    "Emailed notes on",	   "Introduced them to someone for",
    "Dinner; covered",	   "Walked through",
};

static const char *const gen_topics[] = {
    "the Q3 rollout",	   "their hiring plans",   "the warehouse move",
    "pricing questions",   "the pilot results",	   "budget timing",
    "a partner referral",  "their kid's school",   "the board meeting",
    "security review",	   "renewal options",	   "the trade show",
    "onboarding feedback", "a competitor's offer", "their new office",
};

/* splitmix64: small, fast and good enough to pick names. */
struct gen_rng {
	uint64_t s;
};

static uint64_t gen_next(struct gen_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n); n > 0. The bias of the modulo does not matter here. */
static uint64_t gen_below(struct gen_rng *r, uint64_t n)
{
	return gen_next(r) % n;
}

/* True with the given percent chance. */
static bool gen_chance(struct gen_rng *r, unsigned percent)
{
	return gen_below(r, 100) < percent;
}

#define GEN_PICK(r, list) ((list)[gen_below((r), COUNT(list))])

/* Everything the transactions share. */
struct gen {
	struct gen_rng rng;
	int64_t now;   /* midnight UTC today: the end of the time span */
	int64_t today; /* its day count */
	size_t n_people;
	size_t n_interactions;
	int64_t *orgs; /* ids of the organizations made so far */
	size_t n_orgs;
	int64_t *people; /* ids of the people made so far */
	size_t made;	 /* people or interactions made so far */
	size_t batch_start;
	size_t batch_end;
	struct gen_rng batch_rng; /* the PRNG as the batch began */
};

/*
 * Starts (or, when the store retries the transaction, starts again) the
 * current batch from its first record and the PRNG state it began with,
 * so a retry writes exactly what the first try would have.
 */
static void gen_batch_begin(struct gen *g)
{
	g->made = g->batch_start;
	g->rng = g->batch_rng;
}

static double gen_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes s into out in lower case with spaces dropped. */
static void gen_lower(const char *s, char *out, size_t size)
{
	size_t j = 0;
	for (; *s && j + 1 < size; s++) {
		if (*s != ' ')
			out[j++] = (char)tolower((unsigned char)*s);
	}
	out[j] = '\0';
}

static enum result gen_tx_orgs(struct store *s, void *ctx, struct error *err)
{
	struct gen *g = ctx;
	g->n_orgs = 0;
	for (size_t i = 0; i < GEN_ORGS; i++) {
		/* Walk the first x second grid so the names are distinct. */
		const char *a = gen_org_first[i % COUNT(gen_org_first)];
		const char *b = gen_org_second[(i / COUNT(gen_org_first)) %
					       COUNT(gen_org_second)];
		char name[128], low[128], dom[160];
		snprintf(name, sizeof(name), "%s %s", a, b);
		gen_lower(name, low, sizeof(low));
		snprintf(dom, sizeof(dom), "%s.example", low);
		struct organization o = {0};
		o.name = name;
		o.domain = dom;
		o.industry = GEN_PICK(&g->rng, gen_industries);
		o.notes = gen_chance(&g->rng, 20) ? "Key account" : NULL;
		enum result r = store_org_create(s, &o, err);
		if (r != R_OK)
			return r;
		g->orgs[g->n_orgs++] = o.id;
	}
	for (size_t i = 0; i < COUNT(gen_tags); i++) {
		enum result r = store_tag_put(s, &gen_tags[i], err);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

/* Adds two or three facts to person pid. */
static enum result gen_facts_for(struct store *s, struct gen *g, int64_t pid,
				 struct error *err)
{
	size_t n = 2 + gen_below(&g->rng, 2);
	size_t first = gen_below(&g->rng, COUNT(gen_facts));
	for (size_t i = 0; i < n; i++) {
		/* Consecutive kinds, so one person never gets a label twice. */
		const struct gen_fact_kind *k =
		    &gen_facts[(first + i * 5) % COUNT(gen_facts)];
		char value[96];
		if (k->kind == FACT_FAMILY)
			snprintf(value, sizeof(value), "%s, %d",
				 GEN_PICK(&g->rng, gen_given),
				 (int)(1 + gen_below(&g->rng, 25)));
		else
			snprintf(value, sizeof(value), "%s",
				 k->values[gen_below(&g->rng, 6)]);
		struct fact f = {0};
		f.person_id = pid;
		f.kind = k->kind;
		f.label = k->label;
		f.value = value;
		f.has_learned_on = gen_chance(&g->rng, 60);
		f.learned_on = g->today - (int64_t)gen_below(&g->rng, 700);
		enum result r = store_fact_create(s, &f, err);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

/* Adds one important date to person pid: mostly birthdays. */
static enum result gen_date_for(struct store *s, struct gen *g, int64_t pid,
				struct error *err)
{
	struct important_date d = {0};
	unsigned roll = (unsigned)gen_below(&g->rng, 100);
	d.person_id = pid;
	d.kind = roll < 80   ? DATE_BIRTHDAY
		 : roll < 95 ? DATE_ANNIVERSARY
			     : DATE_CUSTOM;
	d.label = d.kind == DATE_CUSTOM ? "work anniversary" : NULL;
	d.month = (int)(1 + gen_below(&g->rng, 12));
	/* A leap year's month lengths, so 29 February turns up too. */
	d.day =
	    (int)(1 + gen_below(&g->rng,
				(uint64_t)date_days_in_month(2000, d.month)));
	d.year = 0;
	if (gen_chance(&g->rng, 60)) {
		int base = d.kind == DATE_BIRTHDAY ? 1950 : 1980;
		d.year = base + (int)gen_below(&g->rng, 40);
		if (!date_valid(d.year, d.month, d.day))
			d.day = 28;
	}
	d.remind_days = gen_chance(&g->rng, 80) ? 14 : 30;
	return store_date_create(s, &d, err);
}

/* Fills p (strings in the caller's buffers) for the next person. */
static void gen_person_fill(struct gen *g, struct person *p, char *email,
			    size_t email_size, char *phone, size_t phone_size)
{
	p->given_name = GEN_PICK(&g->rng, gen_given);
	p->family_name = GEN_PICK(&g->rng, gen_family);
	if (gen_chance(&g->rng, 85))
		p->org_id = g->orgs[gen_below(&g->rng, g->n_orgs)];
	p->title = GEN_PICK(&g->rng, gen_titles);
	p->how_met = GEN_PICK(&g->rng, gen_how_met);
	p->has_met_on = gen_chance(&g->rng, 70);
	p->met_on = g->today - 30 - (int64_t)gen_below(&g->rng, 3650);
	if (g->made > 0 && gen_chance(&g->rng, 8))
		p->referred_by = g->people[gen_below(&g->rng, g->made)];
	if (gen_chance(&g->rng, 15)) {
		static const int cadences[] = {14, 30, 60, 90};
		p->cadence_days = GEN_PICK(&g->rng, cadences);
	}
	p->notes = gen_chance(&g->rng, 30) ? "Prefers short emails; "
					     "never call before ten."
					   : NULL;
	char given[64], family[64];
	gen_lower(p->given_name, given, sizeof(given));
	gen_lower(p->family_name, family, sizeof(family));
	snprintf(email, email_size, "%s.%s%u@example.com", given, family,
		 (unsigned)(g->made % 1000));
	snprintf(phone, phone_size, "+44 20 7946 %04u",
		 (unsigned)gen_below(&g->rng, 10000));
}

static enum result gen_tx_people(struct store *s, void *ctx, struct error *err)
{
	struct gen *g = ctx;
	gen_batch_begin(g);
	for (; g->made < g->batch_end; g->made++) {
		char email[160], phone[32];
		const char *tags[2];
		struct contact contacts[2] = {{0}};
		struct person p = {0};
		gen_person_fill(g, &p, email, sizeof(email), phone,
				sizeof(phone));
		size_t n_tags = gen_below(&g->rng, 3);
		size_t t0 = gen_below(&g->rng, COUNT(gen_tags));
		for (size_t i = 0; i < n_tags; i++)
			tags[i] = gen_tags[(t0 + i * 3) % COUNT(gen_tags)].name;
		p.tags = tags;
		p.n_tags = n_tags;
		contacts[0].kind = CONTACT_EMAIL;
		contacts[0].label = "work";
		contacts[0].value = email;
		contacts[1].kind = CONTACT_PHONE;
		contacts[1].label = "mobile";
		contacts[1].value = phone;
		p.contacts = contacts;
		p.n_contacts = gen_chance(&g->rng, 60) ? 2 : 1;
		enum result r = store_person_create(s, &p, err);
		if (r == R_OK)
			r = gen_facts_for(s, g, p.id, err);
		if (r == R_OK)
			r = gen_date_for(s, g, p.id, err);
		if (r != R_OK)
			return r;
		g->people[g->made] = p.id;
	}
	return R_OK;
}

/*
 * A person for an interaction: a tenth of the people (the close ones) get
 * about a third of the touches, the rest share the remainder.
 */
static int64_t gen_someone(struct gen *g)
{
	size_t n = g->n_people;
	if (gen_chance(&g->rng, 30))
		return g->people[gen_below(&g->rng, n / 10 ? n / 10 : 1)];
	return g->people[gen_below(&g->rng, n)];
}

/* Fills the people of one interaction: one to three, all different. */
static size_t gen_interaction_people(struct gen *g, int64_t ids[3])
{
	size_t want = 1 + gen_below(&g->rng, 3), n = 0;
	while (n < want) {
		int64_t id = gen_someone(g);
		bool seen = false;
		for (size_t i = 0; i < n; i++)
			seen = seen || ids[i] == id;
		if (!seen)
			ids[n++] = id;
		else if (g->n_people < 3)
			break;
	}
	return n;
}

static enum result gen_tx_interactions(struct store *s, void *ctx,
				       struct error *err)
{
	struct gen *g = ctx;
	gen_batch_begin(g);
	for (; g->made < g->batch_end; g->made++) {
		int64_t ids[3];
		char summary[160];
		struct interaction it = {0};
		it.kind = (enum interaction_kind)gen_below(
		    &g->rng, INTERACTION_HELP + 1);
		it.occurred_at =
		    g->now - 1 -
		    (int64_t)gen_below(&g->rng, GEN_DAYS_BACK * 86400ULL);
		snprintf(summary, sizeof(summary), "%s %s",
			 GEN_PICK(&g->rng, gen_openers),
			 GEN_PICK(&g->rng, gen_topics));
		it.summary = summary;
		it.notes = gen_chance(&g->rng, 20) ? "They asked for the deck "
						     "and a reference."
						   : NULL;
		it.n_people = gen_interaction_people(g, ids);
		it.people = ids;
		if (gen_chance(&g->rng, 3)) {
			int64_t day = it.occurred_at / 86400;
			it.has_follow_up = true;
			it.follow_up_on =
			    day + 1 + (int64_t)gen_below(&g->rng, 14);
			/* Old follow-ups are done; some recent ones are not. */
			it.follow_up_done = it.follow_up_on < g->today - 21 ||
					    gen_chance(&g->rng, 50);
		}
		enum result r = store_interaction_create(s, &it, err);
		if (r != R_OK)
			return r;
	}
	return R_OK;
}

/* Runs fn over total records in batches, printing progress to stderr. */
static enum result gen_batches(struct store *s, struct gen *g, store_tx_fn fn,
			       size_t total, const char *what,
			       struct error *err)
{
	double t0 = gen_seconds();
	g->made = 0;
	while (g->made < total) {
		g->batch_start = g->made;
		g->batch_end =
		    g->made + GEN_BATCH < total ? g->made + GEN_BATCH : total;
		g->batch_rng = g->rng;
		enum result r = store_run_tx(s, fn, g, err);
		if (r != R_OK)
			return r;
		if (g->made % 100000 == 0 || g->made == total)
			fprintf(stderr, "gen: %zu %s, %.0f/s\n", g->made, what,
				(double)g->made / (gen_seconds() - t0 + 1e-9));
	}
	return R_OK;
}

/* Writes OUT.meta and OUT.prefixes next to the database. */
static enum result gen_side_files(const char *out, const struct gen *g,
				  struct error *err)
{
	char path[GEN_PATH_MAX];
	snprintf(path, sizeof(path), "%s.meta", out);
	FILE *f = fopen(path, "w");
	if (!f)
		return error_set(err, R_IO, "", "cannot write %s", path);
	fprintf(f,
		"people %zu\nfirst_id %lld\nlast_id %lld\n"
		"interactions %zu\n",
		g->n_people, (long long)g->people[0],
		(long long)g->people[g->n_people - 1], g->n_interactions);
	fclose(f);

	snprintf(path, sizeof(path), "%s.prefixes", out);
	f = fopen(path, "w");
	if (!f)
		return error_set(err, R_IO, "", "cannot write %s", path);
	for (size_t i = 0; i < COUNT(gen_given) + COUNT(gen_family); i++) {
		const char *name = i < COUNT(gen_given)
				       ? gen_given[i]
				       : gen_family[i - COUNT(gen_given)];
		char low[64];
		gen_lower(name, low, sizeof(low));
		low[3] = '\0';
		fprintf(f, "%s\n", low);
	}
	fclose(f);
	return R_OK;
}

/* Removes path and SQLite's companions of it, if they exist. */
static void gen_unlink_db(const char *path)
{
	char side[GEN_PATH_MAX];
	remove(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	remove(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	remove(side);
	snprintf(side, sizeof(side), "%s-journal", path);
	remove(side);
}

/* Checks that the store handed out consecutive ids: the Lua scripts pick
 * ids from the range in OUT.meta. */
static enum result gen_check_ids(const struct gen *g, struct error *err)
{
	for (size_t i = 1; i < g->n_people; i++) {
		if (g->people[i] != g->people[0] + (int64_t)i)
			return error_set(err, R_INVALID, "",
					 "person ids are not consecutive "
					 "(%lld after %lld); the benchmark "
					 "picks ids from a range",
					 (long long)g->people[i],
					 (long long)g->people[i - 1]);
	}
	return R_OK;
}

static enum result gen_run(const char *out, struct gen *g, struct error *err)
{
	char tmp[GEN_PATH_MAX];
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	gen_unlink_db(tmp);
	struct store *s = NULL;
	double t0 = gen_seconds();
	enum result r = store_open(tmp, &s, err);
	if (r == R_OK)
		r = store_run_tx(s, gen_tx_orgs, g, err);
	if (r == R_OK)
		r = gen_batches(s, g, gen_tx_people, g->n_people, "people",
				err);
	if (r == R_OK)
		r = gen_check_ids(g, err);
	if (r == R_OK)
		r = gen_batches(s, g, gen_tx_interactions, g->n_interactions,
				"interactions", err);
	store_close(s);
	if (r != R_OK)
		return r;
	gen_unlink_db(out);
	if (rename(tmp, out) != 0)
		return error_set(err, R_IO, "", "cannot rename %s to %s", tmp,
				 out);
	r = gen_side_files(out, g, err);
	fprintf(stderr, "gen: done in %.1f s\n", gen_seconds() - t0);
	return r;
}

static int gen_usage(void)
{
	fprintf(stderr, "usage: gen [--people N] [--interactions N] "
			"[--seed N] OUT\n"
			"       gen --key [--people N] [--interactions N] "
			"[--seed N]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct gen g = {0};
	int64_t people = GEN_PEOPLE, inter = GEN_INTERACTIONS, seed = GEN_SEED;
	bool key = false;
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : "";
		bool ok = true;
		if (strcmp(a, "--key") == 0)
			key = true;
		else if (strcmp(a, "--people") == 0)
			ok = num_parse_i64(v, 10, 10000000, &people) && ++i;
		else if (strcmp(a, "--interactions") == 0)
			ok = num_parse_i64(v, 0, 100000000, &inter) && ++i;
		else if (strcmp(a, "--seed") == 0)
			ok = num_parse_i64(v, 0, INT64_MAX, &seed) && ++i;
		else if (a[0] != '-' && !out)
			out = a;
		else
			ok = false;
		if (!ok)
			return gen_usage();
	}
	if (key) {
		printf("g%d-s%d-p%lld-i%lld-r%lld\n", GEN_VERSION,
		       store_schema_latest(), (long long)people,
		       (long long)inter, (long long)seed);
		return 0;
	}
	if (!out)
		return gen_usage();
	g.rng.s = (uint64_t)seed;
	g.today = (int64_t)time(NULL) / 86400;
	g.now = g.today * 86400;
	g.n_people = (size_t)people;
	g.n_interactions = (size_t)inter;
	g.orgs = xcalloc(GEN_ORGS, sizeof(int64_t));
	g.people = xcalloc(g.n_people, sizeof(int64_t));
	struct error err = {0};
	enum result r = gen_run(out, &g, &err);
	free(g.orgs);
	free(g.people);
	if (r != R_OK) {
		fprintf(stderr, "gen: %s\n", err.message);
		return 1;
	}
	return 0;
}
