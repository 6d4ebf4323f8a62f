-- 0002-deals.sql: the deal side of rapport (store layer, SQLite driver).
--
-- Deals followed from the buyer's side, with every stage and status
-- change kept as an event, the buying committee (stakeholders), the
-- mutual plan and the concern ledger. Conventions as in 0001-init.sql:
-- times are unix seconds (UTC), calendar dates day counts, enum values
-- their lower-case names, "none" is NULL.

-- owner is a seller's name as free text until user accounts exist.
-- won_on is kept when a won deal is rescinded, so that rescission and
-- repeat business can be counted from it; closed_on is the day of the
-- last change away from open.
CREATE TABLE deal (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organization (id),
	title TEXT NOT NULL,
	need TEXT,
	benefit TEXT,
	value_minor INTEGER NOT NULL DEFAULT 0,
	price_minor INTEGER NOT NULL DEFAULT 0,
	currency TEXT,
	stage TEXT NOT NULL
		CHECK (stage IN ('exploring', 'evaluating', 'trialing',
				 'deciding', 'committed')),
	status TEXT NOT NULL
		CHECK (status IN ('open', 'won', 'lost', 'no_fit',
				  'rescinded')),
	source TEXT NOT NULL
		CHECK (source IN ('referral', 'repeat', 'inbound',
				  'outbound')),
	referred_by INTEGER REFERENCES person (id) ON DELETE SET NULL,
	owner TEXT,
	won_on INTEGER,
	closed_on INTEGER,
	status_reason TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX deal_org_won ON deal (org_id, won_on, id);
CREATE INDEX deal_status ON deal (status, id);
CREATE INDEX deal_owner ON deal (owner, id);
CREATE INDEX deal_referred_by ON deal (referred_by);

CREATE TABLE deal_event (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('created', 'stage', 'status')),
	from_value TEXT,
	to_value TEXT NOT NULL,
	reason TEXT,
	at INTEGER NOT NULL
);
CREATE INDEX deal_event_deal ON deal_event (deal_id, at, id);

-- A person sits once on a deal's committee.
CREATE TABLE stakeholder (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	role TEXT NOT NULL
		CHECK (role IN ('decision_maker', 'champion', 'user',
				'technical', 'finance', 'partner',
				'influencer')),
	stance TEXT NOT NULL
		CHECK (stance IN ('unknown', 'supportive', 'neutral',
				  'skeptical')),
	notes TEXT,
	created_at INTEGER NOT NULL,
	UNIQUE (deal_id, person_id)
);
CREATE INDEX stakeholder_person ON stakeholder (person_id);

CREATE TABLE plan_step (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	side TEXT NOT NULL CHECK (side IN ('buyer', 'seller', 'both')),
	owner_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
	due_on INTEGER,
	done_at INTEGER,
	position INTEGER NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX plan_step_deal ON plan_step (deal_id, position, id);

-- raised_by is a stakeholder of the same deal; removing them from the
-- committee keeps the concern and forgets who raised it.
CREATE TABLE concern (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	category TEXT NOT NULL
		CHECK (category IN ('price', 'value', 'approval', 'timing',
				    'risk', 'competitor', 'fit', 'other')),
	words TEXT NOT NULL,
	raised_by INTEGER REFERENCES stakeholder (id) ON DELETE SET NULL,
	status TEXT NOT NULL
		CHECK (status IN ('open', 'answered', 'resolved', 'dropped')),
	source TEXT NOT NULL
		CHECK (source IN ('entered', 'coach', 'buyer_link')),
	answer TEXT,
	close_reason TEXT,
	raised_at INTEGER NOT NULL,
	answered_at INTEGER,
	resolved_at INTEGER,
	dropped_at INTEGER,
	reopened_at INTEGER,
	reopen_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX concern_deal ON concern (deal_id, id);
CREATE INDEX concern_raised_by ON concern (raised_by);

-- The interactions of a deal (its asks, its last touch), newest last.
CREATE INDEX interaction_deal ON interaction (deal_id, occurred_at)
	WHERE deal_id IS NOT NULL;
