-- The personal budget: how it is held, what it is planned to be spent on,
-- the account's transactions and how they were categorised. Every table
-- with an id and a deleted column syncs; amounts are integer pence and
-- dates ISO 8601 text.

-- budget_setup has a single row with id 'budget'.
CREATE TABLE budget_setup (
	id                  TEXT PRIMARY KEY,
	holding             TEXT NOT NULL DEFAULT '',
	provider            TEXT NOT NULL DEFAULT '',
	amount              INTEGER NOT NULL DEFAULT 0,
	period              TEXT NOT NULL DEFAULT '',
	start               TEXT NOT NULL DEFAULT '',
	year_end            TEXT NOT NULL DEFAULT '',
	schedule_kind       TEXT NOT NULL DEFAULT '',
	schedule_first      TEXT NOT NULL DEFAULT '',
	schedule_weeks      INTEGER NOT NULL DEFAULT 0,
	schedule_day        INTEGER NOT NULL DEFAULT 0,
	schedule_amount     INTEGER NOT NULL DEFAULT 0,
	contribution        INTEGER NOT NULL DEFAULT 0,
	contribution_period TEXT NOT NULL DEFAULT '',
	opening_balance     INTEGER NOT NULL DEFAULT 0,
	threshold_weeks     INTEGER NOT NULL DEFAULT 0,
	deleted             INTEGER NOT NULL DEFAULT 0
) STRICT;

-- budget_reserves is money the person must keep back: holiday pay,
-- redundancy, a contingency.
CREATE TABLE budget_reserves (
	id           TEXT PRIMARY KEY,
	name         TEXT NOT NULL DEFAULT '',
	basis        TEXT NOT NULL DEFAULT '',
	amount       INTEGER NOT NULL DEFAULT 0,
	weeks_tenths INTEGER NOT NULL DEFAULT 0,
	category     TEXT NOT NULL DEFAULT '',
	position     INTEGER NOT NULL DEFAULT 0,
	deleted      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- budget_categories: the id is the category's stable key ("pa_wages"), so
-- two devices planning the same category merge field by field.
-- outcomes holds the IDs of the plan outcomes the money is for,
-- separated by spaces.
CREATE TABLE budget_categories (
	id       TEXT PRIMARY KEY,
	name     TEXT NOT NULL DEFAULT '',
	hint     TEXT NOT NULL DEFAULT '',
	kind     TEXT NOT NULL DEFAULT '',
	planned  INTEGER NOT NULL DEFAULT 0,
	period   TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	outcomes TEXT NOT NULL DEFAULT '',
	note     TEXT NOT NULL DEFAULT '',
	deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- budget_transactions: one line of the account. import_key identifies a
-- line imported from a bank statement so that importing an overlapping
-- statement adds nothing twice; receipt is the ID of an evidence item.
CREATE TABLE budget_transactions (
	id         TEXT PRIMARY KEY,
	date       TEXT NOT NULL DEFAULT '',
	amount     INTEGER NOT NULL DEFAULT 0,
	payee      TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL DEFAULT '',
	reference  TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	reconciled INTEGER NOT NULL DEFAULT 0,
	import_key TEXT NOT NULL DEFAULT '',
	import_id  TEXT NOT NULL DEFAULT '',
	receipt    TEXT NOT NULL DEFAULT '',
	deleted    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX budget_transactions_date ON budget_transactions (date);
CREATE INDEX budget_transactions_import_key ON budget_transactions (import_key) WHERE import_key != '';
CREATE INDEX budget_transactions_import_id ON budget_transactions (import_id) WHERE import_id != '';

-- budget_splits share a transaction between categories. A split's id is
-- its transaction's ID, a slash and its place ("01J.../0"), so changing
-- a transaction's categories reuses the same records.
CREATE TABLE budget_splits (
	id             TEXT PRIMARY KEY,
	transaction_id TEXT NOT NULL DEFAULT '',
	category       TEXT NOT NULL DEFAULT '',
	amount         INTEGER NOT NULL DEFAULT 0,
	position       INTEGER NOT NULL DEFAULT 0,
	deleted        INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX budget_splits_transaction ON budget_splits (transaction_id);

-- budget_payee_rules are learned from the person's own categorisations:
-- the id is the payee as normalised for matching ("A2B TAXIS IPSWICH").
CREATE TABLE budget_payee_rules (
	id       TEXT PRIMARY KEY,
	category TEXT NOT NULL DEFAULT '',
	deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- budget_imports records each bank statement imported, so an import can
-- be undone as a whole.
CREATE TABLE budget_imports (
	id          TEXT PRIMARY KEY,
	file_name   TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL DEFAULT '',
	first_date  TEXT NOT NULL DEFAULT '',
	last_date   TEXT NOT NULL DEFAULT '',
	added       INTEGER NOT NULL DEFAULT 0,
	duplicates  INTEGER NOT NULL DEFAULT 0,
	deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- budget_import_mappings remembers, on this computer, the columns a
-- person chose for a bank's statement layout. Local: not synced.
CREATE TABLE budget_import_mappings (
	fingerprint TEXT PRIMARY KEY,
	mapping     TEXT NOT NULL,
	updated     TEXT NOT NULL DEFAULT ''
) STRICT;
