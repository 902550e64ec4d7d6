-- The evidence vault: letters, reports and receipts the person keeps.
--
-- evidence_items, evidence_files and evidence_links sync. The files
-- themselves are content-addressed blobs under blobs/sha256/ in the data
-- folder; a file record names its blob by SHA-256. Dates are ISO 8601
-- text, flags 0 or 1.

CREATE TABLE evidence_items (
	id            TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	kind          TEXT NOT NULL DEFAULT '',
	sender        TEXT NOT NULL DEFAULT '',
	letter_date   TEXT NOT NULL DEFAULT '',
	received      TEXT NOT NULL DEFAULT '',
	reference     TEXT NOT NULL DEFAULT '',
	notes         TEXT NOT NULL DEFAULT '',
	-- tags are separated by commas: "transport, receipts".
	tags          TEXT NOT NULL DEFAULT '',
	deadline      TEXT NOT NULL DEFAULT '',
	deadline_kind TEXT NOT NULL DEFAULT '',
	deadline_done INTEGER NOT NULL DEFAULT 0,
	shared        INTEGER NOT NULL DEFAULT 0,
	in_bin        INTEGER NOT NULL DEFAULT 0,
	binned_at     TEXT NOT NULL DEFAULT '',
	added         TEXT NOT NULL DEFAULT '',
	deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;

-- evidence_files: one file of an item (a letter and its enclosures).
-- text_state says whether its words could be read for search:
-- 'searchable', 'no-text' (a photo, or a kind of file with no text to
-- read) or 'not-searchable' (a damaged, protected or scanned PDF);
-- text_note says why in plain English.
CREATE TABLE evidence_files (
	id         TEXT PRIMARY KEY,
	item_id    TEXT NOT NULL DEFAULT '',
	sha256     TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL DEFAULT '',
	media_type TEXT NOT NULL DEFAULT '',
	size       INTEGER NOT NULL DEFAULT 0,
	text_state TEXT NOT NULL DEFAULT '',
	text_note  TEXT NOT NULL DEFAULT '',
	position   INTEGER NOT NULL DEFAULT 0,
	deleted    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX evidence_files_item ON evidence_files (item_id);
CREATE INDEX evidence_files_sha256 ON evidence_files (sha256);

-- evidence_links: an item is evidence for a plan section, an assessment
-- outcome or a budget transaction. target_kind is 'plan-section',
-- 'outcome' or 'transaction'. The id is derived from the three fields,
-- so two devices making the same link make the same record.
CREATE TABLE evidence_links (
	id          TEXT PRIMARY KEY,
	item_id     TEXT NOT NULL DEFAULT '',
	target_kind TEXT NOT NULL DEFAULT '',
	target_id   TEXT NOT NULL DEFAULT '',
	deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX evidence_links_item ON evidence_links (item_id);
CREATE INDEX evidence_links_target ON evidence_links (target_kind, target_id);

-- evidence_text is the text read out of each blob. Local: every device
-- reads its own copy of the file again.
CREATE TABLE evidence_text (
	sha256 TEXT PRIMARY KEY,
	body   TEXT NOT NULL
) STRICT;

-- The search index, local and derived from the tables above by the
-- triggers below (and rebuilt whole by Store.RebuildEvidenceSearch).
-- evidence_search_ids gives each item a stable number for the index:
-- VACUUM may renumber the rowids of tables without an INTEGER PRIMARY
-- KEY, so the index cannot use evidence_items' rowid.
CREATE TABLE evidence_search_ids (
	docid   INTEGER PRIMARY KEY,
	item_id TEXT NOT NULL UNIQUE
) STRICT;

-- The columns: the item's title, notes and tags; meta is who it is from,
-- its reference and its files' names; body is the text read from its
-- files; alt holds everything again with letters that have no accent
-- to remove folded to plain ones (Ł to L, ø to o, ß to ss), only for
-- items that have such letters, so "Lukasz" finds "Łukasz".
-- The prefix indexes make words typed in part ("ass" for "assessment")
-- quick to look up.
CREATE VIRTUAL TABLE evidence_search USING fts5(
	title, notes, tags, meta, body, alt,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);

-- evidence_search_docs is what the index holds for each item.
CREATE VIEW evidence_search_docs AS
SELECT docid, item_id, title, notes, tags, meta, body,
	CASE WHEN folded = all_text THEN '' ELSE folded END AS alt
FROM (
	SELECT docid, item_id, title, notes, tags, meta, body, all_text,
		replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(all_text, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'ß', 'ss'), 'Þ', 'TH'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'H'), 'ħ', 'h') AS folded
	FROM (
		SELECT m.docid AS docid, i.id AS item_id, i.title AS title, i.notes AS notes, i.tags AS tags,
			i.sender || ' ' || i.reference || ' ' ||
				coalesce((SELECT group_concat(f.name, ' ') FROM evidence_files f WHERE f.item_id = i.id AND f.deleted = 0), '') AS meta,
			coalesce((SELECT group_concat(t.body, char(10)) FROM evidence_files f JOIN evidence_text t ON t.sha256 = f.sha256
				WHERE f.item_id = i.id AND f.deleted = 0), '') AS body,
			i.title || ' ' || i.notes || ' ' || i.tags || ' ' || i.sender || ' ' || i.reference || ' ' ||
				coalesce((SELECT group_concat(f.name || ' ' || coalesce(t.body, ''), char(10)) FROM evidence_files f
					LEFT JOIN evidence_text t ON t.sha256 = f.sha256 WHERE f.item_id = i.id AND f.deleted = 0), '') AS all_text
		FROM evidence_items i JOIN evidence_search_ids m ON m.item_id = i.id
		WHERE i.deleted = 0
	)
);

-- Any change to what an item's index entry holds re-indexes the item.
CREATE TRIGGER evidence_items_index_insert AFTER INSERT ON evidence_items BEGIN
	INSERT OR IGNORE INTO evidence_search_ids (item_id) VALUES (NEW.id);
	DELETE FROM evidence_search WHERE rowid = (SELECT docid FROM evidence_search_ids WHERE item_id = NEW.id);
	INSERT INTO evidence_search (rowid, title, notes, tags, meta, body, alt)
		SELECT docid, title, notes, tags, meta, body, alt FROM evidence_search_docs WHERE item_id = NEW.id;
END;

CREATE TRIGGER evidence_items_index_update AFTER UPDATE OF title, notes, tags, sender, reference, deleted ON evidence_items BEGIN
	INSERT OR IGNORE INTO evidence_search_ids (item_id) VALUES (NEW.id);
	DELETE FROM evidence_search WHERE rowid = (SELECT docid FROM evidence_search_ids WHERE item_id = NEW.id);
	INSERT INTO evidence_search (rowid, title, notes, tags, meta, body, alt)
		SELECT docid, title, notes, tags, meta, body, alt FROM evidence_search_docs WHERE item_id = NEW.id;
END;

CREATE TRIGGER evidence_files_index_insert AFTER INSERT ON evidence_files WHEN NEW.item_id != '' BEGIN
	UPDATE evidence_items SET title = title WHERE id = NEW.item_id;
END;

CREATE TRIGGER evidence_files_index_update AFTER UPDATE OF item_id, sha256, name, deleted ON evidence_files BEGIN
	UPDATE evidence_items SET title = title WHERE id IN (OLD.item_id, NEW.item_id);
END;

CREATE TRIGGER evidence_text_index_insert AFTER INSERT ON evidence_text BEGIN
	UPDATE evidence_items SET title = title
		WHERE id IN (SELECT item_id FROM evidence_files WHERE sha256 = NEW.sha256);
END;

CREATE TRIGGER evidence_text_index_update AFTER UPDATE ON evidence_text BEGIN
	UPDATE evidence_items SET title = title
		WHERE id IN (SELECT item_id FROM evidence_files WHERE sha256 IN (OLD.sha256, NEW.sha256));
END;

CREATE TRIGGER evidence_text_index_delete AFTER DELETE ON evidence_text BEGIN
	UPDATE evidence_items SET title = title
		WHERE id IN (SELECT item_id FROM evidence_files WHERE sha256 = OLD.sha256);
END;
