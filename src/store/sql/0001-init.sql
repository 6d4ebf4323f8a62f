-- 0001-init.sql: the people side of rapport (store layer, SQLite driver).
--
-- Organizations, people with their contacts and tags, personal facts,
-- important dates, interactions (touches) with their people, relationship
-- types and relationships, and the full-text index over people. Deals,
-- users and the rest come in later migrations.
--
-- Conventions, kept so that a PostgreSQL driver can mirror this schema:
-- times are integers (unix seconds, UTC), calendar dates are integer day
-- counts since 1970-01-01, booleans are integers 0/1, enum values are
-- their lower-case names as text, "none" is NULL.

CREATE TABLE organization (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	domain TEXT,
	industry TEXT,
	notes TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

-- last_touch is the newest occurred_at among the person's interactions
-- (0: never), kept up to date by the interaction writes so that the daily
-- list never has to scan the interactions. cadence_tag_id is the tag whose
-- cadence the person would inherit (the shortest among their tags, NULL
-- when none has one), kept up to date by the person and tag writes for the
-- same reason. The tag table is created first for it.
CREATE TABLE tag (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	cadence_days INTEGER NOT NULL DEFAULT 0,
	cadence_max_days INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	given_name TEXT NOT NULL,
	family_name TEXT,
	org_id INTEGER REFERENCES organization (id) ON DELETE SET NULL,
	title TEXT,
	how_met TEXT,
	met_on INTEGER,
	referred_by INTEGER REFERENCES person (id) ON DELETE SET NULL,
	cadence_days INTEGER NOT NULL DEFAULT 0,
	cadence_max_days INTEGER NOT NULL DEFAULT 0,
	notes TEXT,
	owner TEXT,
	last_touch INTEGER NOT NULL DEFAULT 0,
	cadence_tag_id INTEGER REFERENCES tag (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	due_at INTEGER,
	past_max_at INTEGER
);
CREATE INDEX person_org ON person (org_id);
CREATE INDEX person_referred_by ON person (referred_by);
CREATE INDEX person_owner ON person (owner);

-- due_at and past_max_at say when a person falls due (unix seconds): the
-- start of their gap (last_touch, or created_at when never touched) plus
-- their ideal, respectively maximum, cadence in days; NULL when they have
-- no cadence. The cadence is resolved as core's cadence_resolve() does
-- (own, else the tag's; a max of 0 is 1.5 times the ideal rounded up, a
-- max below the ideal is the ideal). A person is due on local day D, for
-- an offset OFF from UTC, when due_at + OFF < (D + 1) * 86400, and past
-- their maximum when past_max_at + OFF < D * 86400: exactly core's rule,
-- since both sides count whole local days (see docs/today.md). Triggers
-- keep them current on every write of what they depend on, so that the
-- daily list reads the most overdue people from one index.
CREATE TRIGGER person_due_insert AFTER INSERT ON person
BEGIN
	UPDATE person SET (due_at, past_max_at) = (
		SELECT s + i * 86400, s + (CASE WHEN m < i THEN i ELSE m END) * 86400
		FROM (SELECT CASE WHEN NEW.last_touch <> 0 THEN NEW.last_touch
				ELSE NEW.created_at END AS s, c.i AS i,
			CASE WHEN c.m <= 0 THEN (c.i * 3 + 1) / 2 ELSE c.m END AS m
			FROM (SELECT NEW.cadence_days AS i, NEW.cadence_max_days AS m
				WHERE NEW.cadence_days > 0
				UNION ALL
				SELECT t.cadence_days, t.cadence_max_days FROM tag t
				WHERE NEW.cadence_days <= 0
				AND t.id = NEW.cadence_tag_id AND t.cadence_days > 0) c))
	WHERE id = NEW.id;
END;
CREATE TRIGGER person_due_update AFTER UPDATE OF last_touch, created_at,
	cadence_days, cadence_max_days, cadence_tag_id ON person
BEGIN
	UPDATE person SET (due_at, past_max_at) = (
		SELECT s + i * 86400, s + (CASE WHEN m < i THEN i ELSE m END) * 86400
		FROM (SELECT CASE WHEN NEW.last_touch <> 0 THEN NEW.last_touch
				ELSE NEW.created_at END AS s, c.i AS i,
			CASE WHEN c.m <= 0 THEN (c.i * 3 + 1) / 2 ELSE c.m END AS m
			FROM (SELECT NEW.cadence_days AS i, NEW.cadence_max_days AS m
				WHERE NEW.cadence_days > 0
				UNION ALL
				SELECT t.cadence_days, t.cadence_max_days FROM tag t
				WHERE NEW.cadence_days <= 0
				AND t.id = NEW.cadence_tag_id AND t.cadence_days > 0) c))
	WHERE id = NEW.id;
END;
-- The daily list's index: the people with a cadence, soonest due first,
-- with what its ordering reads (the name breaks ties).
CREATE INDEX person_due ON person (due_at, past_max_at, given_name,
	family_name) WHERE due_at IS NOT NULL;

CREATE TABLE contact (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	kind TEXT NOT NULL
		CHECK (kind IN ('email', 'phone', 'address', 'link')),
	label TEXT,
	value TEXT NOT NULL
);
CREATE INDEX contact_person ON contact (person_id);

CREATE TABLE person_tag (
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
	PRIMARY KEY (person_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX person_tag_tag ON person_tag (tag_id, person_id);
CREATE INDEX person_cadence_tag ON person (cadence_tag_id);
-- A tag's cadence changed: its people's due times follow (through
-- person_due_update).
CREATE TRIGGER tag_due_update AFTER UPDATE OF cadence_days, cadence_max_days
	ON tag
BEGIN
	UPDATE person SET cadence_tag_id = cadence_tag_id
	WHERE cadence_tag_id = NEW.id;
END;

CREATE TABLE interaction (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL
		CHECK (kind IN ('call', 'meeting', 'email', 'message', 'note',
				'gift', 'help', 'ask')),
	occurred_at INTEGER NOT NULL,
	summary TEXT NOT NULL,
	notes TEXT,
	follow_up_on INTEGER,
	follow_up_done INTEGER NOT NULL DEFAULT 0,
	deal_id INTEGER,
	created_at INTEGER NOT NULL
);
-- Follow-ups still owed, for the daily list (covering what it reads).
-- Only interactions that carry a follow-up are in it: without the second
-- condition every interaction would be, with its summary.
CREATE INDEX interaction_follow_up ON interaction (follow_up_on, id, summary)
	WHERE follow_up_done = 0 AND follow_up_on IS NOT NULL;

-- occurred_at is copied from the interaction so that a person's timeline
-- and their last touch are read from this index alone. The link tables
-- are clustered on their keys (WITHOUT ROWID, SQLite's spelling; a
-- PostgreSQL schema has plain tables).
CREATE TABLE interaction_person (
	interaction_id INTEGER NOT NULL
		REFERENCES interaction (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	occurred_at INTEGER NOT NULL,
	PRIMARY KEY (interaction_id, person_id)
) WITHOUT ROWID;
CREATE INDEX interaction_person_timeline
	ON interaction_person (person_id, occurred_at, interaction_id);

CREATE TABLE fact (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	kind TEXT NOT NULL
		CHECK (kind IN ('like', 'dislike', 'passion', 'family', 'pet',
				'food', 'milestone', 'other')),
	label TEXT,
	value TEXT,
	learned_on INTEGER,
	interaction_id INTEGER
		REFERENCES interaction (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX fact_person ON fact (person_id);
CREATE INDEX fact_interaction ON fact (interaction_id);

CREATE TABLE important_date (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	kind TEXT NOT NULL
		CHECK (kind IN ('birthday', 'anniversary', 'custom')),
	label TEXT,
	month INTEGER NOT NULL,
	day INTEGER NOT NULL,
	year INTEGER NOT NULL DEFAULT 0,
	remind_days INTEGER NOT NULL DEFAULT 14,
	created_at INTEGER NOT NULL
);
CREATE INDEX important_date_person ON important_date (person_id);
-- The daily list reads the dates whose day of the year falls in its
-- window (month * 100 + day), and those reminded earlier than the window;
-- the first index covers what it reads.
CREATE INDEX important_date_day ON important_date (month * 100 + day,
	person_id, kind, label, month, day, year, remind_days, created_at);
CREATE INDEX important_date_remind ON important_date (remind_days,
	month * 100 + day);

CREATE TABLE relationship_type (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	label TEXT NOT NULL,
	inverse_label TEXT NOT NULL,
	builtin INTEGER NOT NULL DEFAULT 0
);

-- A type in use cannot be deleted (no ON DELETE action on type_id).
CREATE TABLE relationship (
	id INTEGER PRIMARY KEY,
	type_id INTEGER NOT NULL REFERENCES relationship_type (id),
	from_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	to_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	notes TEXT,
	created_at INTEGER NOT NULL,
	UNIQUE (type_id, from_id, to_id)
);
CREATE INDEX relationship_from ON relationship (from_id);
CREATE INDEX relationship_to ON relationship (to_id);

INSERT INTO relationship_type (name, label, inverse_label, builtin) VALUES
	('spouse', 'spouse of', 'spouse of', 1),
	('partner', 'partner of', 'partner of', 1),
	('parent', 'parent of', 'child of', 1),
	('child', 'child of', 'parent of', 1),
	('sibling', 'sibling of', 'sibling of', 1),
	('colleague', 'colleague of', 'colleague of', 1),
	('manager', 'manager of', 'reports to', 1),
	('friend', 'friend of', 'friend of', 1),
	('introduced', 'introduced', 'was introduced by', 1);

-- One document per person (rowid = person id), rebuilt by the store on
-- every change to what it holds. Prefix indexes keep "jo*" style queries
-- fast; see store_search.c for how ranking is bounded.
CREATE VIRTUAL TABLE person_fts USING fts5 (
	name, org, title, emails, notes, facts,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4'
);
-- The names alone (the same text as person_fts's name column), without
-- positions or columns (detail = none): its doclists are only person ids,
-- so "every person whose name has a word starting ann" reads a fraction
-- of what the same query on person_fts reads. See store_search.c.
CREATE VIRTUAL TABLE person_name_fts USING fts5 (
	name,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4',
	detail = none
);
