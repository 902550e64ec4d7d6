-- Sharing a plan with trusted supporters: this device's keys, the circle
-- it belongs to, the circle's keys, members, invites, sync cursors,
-- changes waiting for a newer OwnPlan, and conflicts to resolve.
--
-- Only circle_members is synced (it has id and deleted columns); every
-- other table here is local to this computer.

-- device_keys holds this device's private keys: an Ed25519 seed for
-- signing and an X25519 key for receiving circle keys. The database file
-- is readable by this user only.
CREATE TABLE device_keys (
	device      TEXT PRIMARY KEY,
	sign_secret BLOB NOT NULL,
	dh_secret   BLOB NOT NULL,
	created     TEXT NOT NULL
) STRICT;

-- circles is the circle this folder's plan is shared in, as this device
-- knows it. The owner's public signing key is the root of trust: member
-- records are accepted only when the owner signed them.
CREATE TABLE circles (
	circle     TEXT PRIMARY KEY,
	relay      TEXT NOT NULL,
	owner      TEXT NOT NULL,
	owner_name TEXT NOT NULL DEFAULT '',
	owner_sign BLOB NOT NULL,
	owner_dh   BLOB NOT NULL,
	role       TEXT NOT NULL,
	epoch      INTEGER NOT NULL DEFAULT 1,
	relay_seq  INTEGER NOT NULL DEFAULT 0,
	sent_seq   INTEGER NOT NULL DEFAULT 0,
	last_sync  TEXT NOT NULL DEFAULT '',
	last_error TEXT NOT NULL DEFAULT '',
	state      TEXT NOT NULL DEFAULT 'active',
	created    TEXT NOT NULL
) STRICT;

-- circle_keys holds every symmetric key the circle has used, by epoch: a
-- new epoch starts when a member is removed.
CREATE TABLE circle_keys (
	circle  TEXT NOT NULL,
	epoch   INTEGER NOT NULL,
	key     BLOB NOT NULL,
	created TEXT NOT NULL,
	PRIMARY KEY (circle, epoch)
) STRICT;

-- circle_members is synced: one record per member device, written by the
-- owner's device. Public keys are base64 text.
CREATE TABLE circle_members (
	id       TEXT PRIMARY KEY,
	circle   TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '',
	role     TEXT NOT NULL DEFAULT '',
	sign_key TEXT NOT NULL DEFAULT '',
	dh_key   TEXT NOT NULL DEFAULT '',
	joined   TEXT NOT NULL DEFAULT '',
	deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- member_seen is when this device last received something from each
-- member's device.
CREATE TABLE member_seen (
	device    TEXT PRIMARY KEY,
	last_seen TEXT NOT NULL
) STRICT;

-- invites are the owner's one-time invite codes. The code itself is not
-- kept: only a hash to recognise it and a key derived from it that checks
-- the new member's request to join.
CREATE TABLE invites (
	invite      TEXT PRIMARY KEY,
	circle      TEXT NOT NULL,
	lookup      TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	role        TEXT NOT NULL,
	confirm_key BLOB NOT NULL,
	created     TEXT NOT NULL,
	expires     TEXT NOT NULL,
	used_by     TEXT NOT NULL DEFAULT '',
	used_at     TEXT NOT NULL DEFAULT '',
	cancelled   TEXT NOT NULL DEFAULT ''
) STRICT;

-- sync_parked holds changes received for tables or fields this version
-- of OwnPlan does not have yet. They are applied after an upgrade adds
-- them; they are never dropped.
CREATE TABLE sync_parked (
	tbl         TEXT NOT NULL,
	row_id      TEXT NOT NULL,
	field       TEXT NOT NULL,
	hlc         INTEGER NOT NULL,
	device      TEXT NOT NULL,
	value       TEXT NOT NULL,
	base_hlc    INTEGER NOT NULL DEFAULT 0,
	base_device TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL,
	received    TEXT NOT NULL,
	PRIMARY KEY (tbl, row_id, field, hlc, device)
) STRICT, WITHOUT ROWID;

-- sync_inbox holds received batches that cannot be read yet: signed by a
-- member whose record has not arrived, or sealed with a key that has not
-- arrived. They are tried again after every round.
CREATE TABLE sync_inbox (
	circle    TEXT NOT NULL,
	relay_seq INTEGER NOT NULL,
	sender    TEXT NOT NULL,
	body      BLOB NOT NULL,
	reason    TEXT NOT NULL,
	received  TEXT NOT NULL,
	PRIMARY KEY (circle, relay_seq)
) STRICT;

-- sync_refused records batches refused because the device that signed
-- them was not allowed to make those changes, so the status can say so.
CREATE TABLE sync_refused (
	circle    TEXT NOT NULL,
	relay_seq INTEGER NOT NULL,
	sender    TEXT NOT NULL,
	changes   INTEGER NOT NULL,
	reason    TEXT NOT NULL,
	received  TEXT NOT NULL,
	PRIMARY KEY (circle, relay_seq)
) STRICT;

-- conflicts keeps the losing side of two concurrent edits to a long
-- text, so that nothing typed is silently dropped. "mine" is the value
-- this computer had, "theirs" the value that arrived.
CREATE TABLE conflicts (
	conflict      INTEGER PRIMARY KEY,
	tbl           TEXT NOT NULL,
	row_id        TEXT NOT NULL,
	field         TEXT NOT NULL,
	mine          TEXT NOT NULL,
	mine_hlc      INTEGER NOT NULL,
	mine_device   TEXT NOT NULL,
	theirs        TEXT NOT NULL,
	theirs_hlc    INTEGER NOT NULL,
	theirs_device TEXT NOT NULL,
	created       TEXT NOT NULL,
	resolved      TEXT NOT NULL DEFAULT '',
	resolution    TEXT NOT NULL DEFAULT '',
	UNIQUE (tbl, row_id, field, mine_hlc, mine_device, theirs_hlc, theirs_device)
) STRICT;

CREATE INDEX conflicts_open ON conflicts (resolved);

-- blob_sent tracks evidence files this device sends to its circle, chunk
-- by chunk, so an interrupted upload goes on where it stopped.
CREATE TABLE blob_sent (
	circle     TEXT NOT NULL,
	sha256     TEXT NOT NULL,
	next_chunk INTEGER NOT NULL DEFAULT 0,
	chunks     INTEGER NOT NULL,
	done       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (circle, sha256)
) STRICT;

-- blob_parts records the chunks received of evidence files not yet
-- complete; the chunks themselves wait in blobs/incoming/.
CREATE TABLE blob_parts (
	sha256 TEXT NOT NULL,
	chunk  INTEGER NOT NULL,
	chunks INTEGER NOT NULL,
	size   INTEGER NOT NULL,
	PRIMARY KEY (sha256, chunk)
) STRICT, WITHOUT ROWID;
