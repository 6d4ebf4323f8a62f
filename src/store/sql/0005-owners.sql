-- 0005-owners.sql: who owns a person and a deal, and whether they share
-- it with their team (store layer, SQLite driver).
--
-- owner_user_id is the user who made the record (the caller of the API or
-- the pages; the first admin for the command line). shared = 1 (the
-- default) lets the owner's team read it; 0 keeps it to the owner, their
-- team's managers and the admins. Rows made before this migration have no
-- owner (NULL) and stay open to every user, as they were.
--
-- No REFERENCES on owner_user_id, on purpose: ON DELETE SET NULL would
-- turn a removed seller's private records into records open to everyone.
-- A dangling owner id matches no user and no team, so such records fall
-- to the admins, who can reassign them.
--
-- Organizations get no owner: a company is shared by everyone who sells
-- to it (see docs/accounts.md). Facts, dates, interactions, concerns,
-- plan steps, needs and stakeholders follow their parent person or deal.

ALTER TABLE person ADD COLUMN owner_user_id INTEGER;
ALTER TABLE person ADD COLUMN shared INTEGER NOT NULL DEFAULT 1
	CHECK (shared IN (0, 1));
CREATE INDEX person_owner_user ON person (owner_user_id);

ALTER TABLE deal ADD COLUMN owner_user_id INTEGER;
ALTER TABLE deal ADD COLUMN shared INTEGER NOT NULL DEFAULT 1
	CHECK (shared IN (0, 1));
CREATE INDEX deal_owner_user ON deal (owner_user_id);
