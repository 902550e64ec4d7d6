-- Core tables: local metadata, the change journal and per-field versions.

-- meta holds this device's own facts (device ID, last clock stamp). It is
-- local to this computer and never synced.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- changes is the journal: one row per field changed, written in the same
-- transaction as the change itself. Sync sends rows this device has not
-- sent yet, in seq order.
CREATE TABLE changes (
	seq    INTEGER PRIMARY KEY AUTOINCREMENT,
	hlc    INTEGER NOT NULL,
	device TEXT NOT NULL,
	tbl    TEXT NOT NULL,
	row_id TEXT NOT NULL,
	field  TEXT NOT NULL,
	value  TEXT NOT NULL
) STRICT;

CREATE INDEX changes_row ON changes (tbl, row_id);

-- versions holds, for every field of every synced record, the stamp of
-- the change that set its current value. A change from another device is
-- applied only when its (hlc, device) is greater.
CREATE TABLE versions (
	tbl    TEXT NOT NULL,
	row_id TEXT NOT NULL,
	field  TEXT NOT NULL,
	hlc    INTEGER NOT NULL,
	device TEXT NOT NULL,
	PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;
