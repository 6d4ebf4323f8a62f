-- 0004-advisor.sql: the honest advisor (store layer, SQLite driver).
--
-- The catalogue of offerings, ours and competitors', shared across
-- deals; each deal's needs in the buyer's words with a weight and a
-- must-have flag; how well each offering fits each need (a score with its
-- evidence, or NULL for not known yet); and the recommendations made,
-- each with the ranking as it stood, kept as JSON text. Conventions as in
-- 0001-init.sql. See docs/advisor.md.

-- links are http(s) addresses, one per line (none holds a newline).
CREATE TABLE offering (
	id INTEGER PRIMARY KEY,
	vendor TEXT NOT NULL,
	name TEXT NOT NULL,
	price_minor INTEGER NOT NULL DEFAULT 0,
	currency TEXT,
	price_model TEXT NOT NULL
		CHECK (price_model IN ('one_time', 'monthly', 'yearly',
				       'per_user_monthly', 'per_user_yearly',
				       'quote')),
	notes TEXT,
	links TEXT,
	is_ours INTEGER NOT NULL CHECK (is_ours IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (vendor, name)
);

CREATE TABLE need (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	words TEXT NOT NULL,
	weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
	must_have INTEGER NOT NULL CHECK (must_have IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX need_deal ON need (deal_id, id);

-- An offering is compared on a deal when it has a fit row on one of the
-- deal's needs; score NULL is "not known yet" (an explicit unknown).
CREATE TABLE fit (
	id INTEGER PRIMARY KEY,
	need_id INTEGER NOT NULL REFERENCES need (id) ON DELETE CASCADE,
	offering_id INTEGER NOT NULL REFERENCES offering (id)
		ON DELETE CASCADE,
	score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 5),
	evidence TEXT,
	source TEXT,
	updated_at INTEGER NOT NULL,
	UNIQUE (need_id, offering_id)
);
CREATE INDEX fit_offering ON fit (offering_id);

-- The offering's vendor, name and whether it is ours are copied, so the
-- record stays true when the catalogue changes or the offering goes.
CREATE TABLE recommendation (
	id INTEGER PRIMARY KEY,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	offering_id INTEGER REFERENCES offering (id) ON DELETE SET NULL,
	vendor TEXT NOT NULL,
	offering_name TEXT NOT NULL,
	is_ours INTEGER NOT NULL CHECK (is_ours IN (0, 1)),
	rationale TEXT NOT NULL,
	ranking_json TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX recommendation_deal ON recommendation (deal_id, id);
CREATE INDEX recommendation_created ON recommendation (created_at);
