-- The person's profile, the people who matter to them, and local settings.

-- profile has a single row with id 'me'.
CREATE TABLE profile (
	id                  TEXT PRIMARY KEY,
	name                TEXT NOT NULL DEFAULT '',
	preferred_name      TEXT NOT NULL DEFAULT '',
	date_of_birth       TEXT NOT NULL DEFAULT '',
	address             TEXT NOT NULL DEFAULT '',
	postcode            TEXT NOT NULL DEFAULT '',
	council             TEXT NOT NULL DEFAULT '',
	council_ref         TEXT NOT NULL DEFAULT '',
	nhs_number          TEXT NOT NULL DEFAULT '',
	phone               TEXT NOT NULL DEFAULT '',
	email               TEXT NOT NULL DEFAULT '',
	communication_needs TEXT NOT NULL DEFAULT '',
	deleted             INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE people (
	id           TEXT PRIMARY KEY,
	name         TEXT NOT NULL DEFAULT '',
	relationship TEXT NOT NULL DEFAULT '',
	contact      TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	deleted      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- settings are this computer's preferences (text size, theme). Local,
-- not synced, but included in backups.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
