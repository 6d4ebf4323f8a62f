-- 0003-accounts.sql: who may get in (store layer, SQLite driver).
--
-- Users with their role and team, sessions, API tokens, login attempts
-- (for back-off), the buyer's share links and the audit log. Conventions
-- as in 0001-init.sql. No secret is stored as it was given: passwords as
-- Argon2id strings (libsodium's crypto_pwhash_str), session, API and link
-- tokens as the hex BLAKE2b hash of the token (crypto_generichash), so a
-- copy of the database lets nobody in. See docs/accounts.md.

CREATE TABLE team (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL
);

-- "user" is a reserved word in PostgreSQL, hence app_user. login is what
-- a person types to sign in (kept lower case by the callers); a user is
-- disabled rather than deleted when their history should stay readable.
CREATE TABLE app_user (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL UNIQUE,
	display_name TEXT,
	role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'seller')),
	team_id INTEGER REFERENCES team (id) ON DELETE SET NULL,
	password_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	password_changed_at INTEGER NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);
CREATE INDEX app_user_team ON app_user (team_id);

-- A browser session. The cookie holds the token; only its hash is here.
-- The CSRF token is derived from the session token (a keyed hash), so it
-- needs no column and changes whenever the session does.
CREATE TABLE session (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	address TEXT
);
CREATE INDEX session_user ON session (user_id);
CREATE INDEX session_expires ON session (expires_at);

-- An API token, sent as "Authorization: Bearer ...". Revoked tokens are
-- kept (revoked_at set) so that the list shows what was revoked and when.
CREATE TABLE api_token (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
	created_at INTEGER NOT NULL,
	last_used INTEGER,
	revoked_at INTEGER
);
CREATE INDEX api_token_user ON api_token (user_id, id);

-- Every login attempt, good or bad, for the back-off per account and per
-- client address (core/auth.c computes it from the failures since the
-- last success). login is what was typed, whether or not such a user
-- exists; rows older than a day are purged.
CREATE TABLE login_attempt (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL,
	address TEXT NOT NULL,
	ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
	at INTEGER NOT NULL
);
CREATE INDEX login_attempt_login ON login_attempt (login, at);
CREATE INDEX login_attempt_address ON login_attempt (address, at);

-- The buyer's link to one deal: a random token (hash only), an expiry and
-- revocation. created_by is the user who shared it.
CREATE TABLE buyer_link (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	deal_id INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	revoked_at INTEGER
);
CREATE INDEX buyer_link_deal ON buyer_link (deal_id, id);

-- Who created, changed or deleted what, and when. actor_id is a user id,
-- a buyer link id, or NULL for the command line; it is not a foreign key
-- so that the log outlives the users and links it names. fields lists the
-- names of the fields changed, comma-separated, never their values.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	actor_kind TEXT NOT NULL
		CHECK (actor_kind IN ('user', 'buyer_link', 'cli', 'system')),
	actor_id INTEGER,
	actor_name TEXT,
	action TEXT NOT NULL
		CHECK (action IN ('create', 'update', 'delete', 'login',
				  'logout', 'login_failed', 'password',
				  'revoke')),
	entity TEXT NOT NULL,
	entity_id INTEGER,
	fields TEXT,
	address TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
