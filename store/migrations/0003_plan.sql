-- The support plan, the assessment preparation and the needs diary.
-- Every table here is synced (it has id and deleted). Records refer to
-- each other by ID text, never by foreign key, because sync may deliver
-- them in any order. Lists of keys or IDs are JSON arrays in text.

-- plan has a single row with id 'plan': the plan's status, its key dates
-- (ISO 8601, '' when not set) and the personal budget it is costed
-- against (pence a year).
CREATE TABLE plan (
	id              TEXT PRIMARY KEY,
	region          TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT '',
	started         TEXT NOT NULL DEFAULT '',
	sent            TEXT NOT NULL DEFAULT '',
	agreed          TEXT NOT NULL DEFAULT '',
	next_review     TEXT NOT NULL DEFAULT '',
	personal_budget INTEGER NOT NULL DEFAULT 0,
	budget_known    INTEGER NOT NULL DEFAULT 0,
	deleted         INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_sections holds each section's free text; the id is the guide's
-- section key, so two devices writing one section write one record.
CREATE TABLE plan_sections (
	id      TEXT PRIMARY KEY,
	text    TEXT NOT NULL DEFAULT '',
	deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_profile holds the one-page profile; the id is the heading's key.
CREATE TABLE plan_profile (
	id      TEXT PRIMARY KEY,
	text    TEXT NOT NULL DEFAULT '',
	deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_outcomes: what the person wants to change or achieve. needs holds
-- eligibility outcome keys, support the IDs of plan_support records.
CREATE TABLE plan_outcomes (
	id       TEXT PRIMARY KEY,
	what     TEXT NOT NULL DEFAULT '',
	why      TEXT NOT NULL DEFAULT '',
	how_know TEXT NOT NULL DEFAULT '',
	needs    TEXT NOT NULL DEFAULT '[]',
	support  TEXT NOT NULL DEFAULT '[]',
	deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_support: support arrangements. annual_cost is pence a year and
-- counts only when cost_known is 1 (unpaid help is a known £0); category
-- is a budget category key.
CREATE TABLE plan_support (
	id          TEXT PRIMARY KEY,
	who         TEXT NOT NULL DEFAULT '',
	what        TEXT NOT NULL DEFAULT '',
	schedule    TEXT NOT NULL DEFAULT '',
	annual_cost INTEGER NOT NULL DEFAULT 0,
	cost_known  INTEGER NOT NULL DEFAULT 0,
	category    TEXT NOT NULL DEFAULT '',
	deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_risks: what could go wrong and the back-up plan.
CREATE TABLE plan_risks (
	id        TEXT PRIMARY KEY,
	what      TEXT NOT NULL DEFAULT '',
	managed   TEXT NOT NULL DEFAULT '',
	who_helps TEXT NOT NULL DEFAULT '',
	back_up   TEXT NOT NULL DEFAULT '',
	deleted   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_actions: the action plan.
CREATE TABLE plan_actions (
	id      TEXT PRIMARY KEY,
	what    TEXT NOT NULL DEFAULT '',
	who     TEXT NOT NULL DEFAULT '',
	by_date TEXT NOT NULL DEFAULT '',
	done    INTEGER NOT NULL DEFAULT 0,
	done_on TEXT NOT NULL DEFAULT '',
	deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- plan_versions: labelled snapshots of the whole plan as JSON. They are
-- synced so a supporter sees the same history; each is written once and
-- never changed, so sync never has to merge one.
CREATE TABLE plan_versions (
	id            TEXT PRIMARY KEY,
	label         TEXT NOT NULL DEFAULT '',
	created       TEXT NOT NULL DEFAULT '',
	author_name   TEXT NOT NULL DEFAULT '',
	author_device TEXT NOT NULL DEFAULT '',
	snapshot      TEXT NOT NULL DEFAULT '',
	deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;

-- comments on a plan section, by the owner or a supporter. Sync gives the
-- "commenter" role permission to write this table and no other.
CREATE TABLE comments (
	id            TEXT PRIMARY KEY,
	section       TEXT NOT NULL DEFAULT '',
	author_name   TEXT NOT NULL DEFAULT '',
	author_device TEXT NOT NULL DEFAULT '',
	body          TEXT NOT NULL DEFAULT '',
	resolved      INTEGER NOT NULL DEFAULT 0,
	created       TEXT NOT NULL DEFAULT '',
	deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX comments_section ON comments (section);

-- assessment has a single row with id 'assessment': whether the person is
-- preparing for their own assessment or a carer's, and the carer's-health
-- condition of a carer's assessment.
CREATE TABLE assessment (
	id                TEXT PRIMARY KEY,
	mode              TEXT NOT NULL DEFAULT '',
	carer_health      TEXT NOT NULL DEFAULT '',
	carer_health_risk INTEGER NOT NULL DEFAULT 0,
	deleted           INTEGER NOT NULL DEFAULT 0
) STRICT;

-- assessment_answers: the answers about one eligibility outcome (an
-- adult's or a carer's); the id is the outcome's key. wellbeing holds
-- wellbeing area keys.
CREATE TABLE assessment_answers (
	id               TEXT PRIMARY KEY,
	can_do           TEXT NOT NULL DEFAULT '',
	hard             TEXT NOT NULL DEFAULT '',
	good_day         TEXT NOT NULL DEFAULT '',
	bad_day          TEXT NOT NULL DEFAULT '',
	how_often        TEXT NOT NULL DEFAULT '',
	without_help     INTEGER NOT NULL DEFAULT 0,
	pain_distress    INTEGER NOT NULL DEFAULT 0,
	danger           INTEGER NOT NULL DEFAULT 0,
	takes_longer     INTEGER NOT NULL DEFAULT 0,
	wellbeing        TEXT NOT NULL DEFAULT '[]',
	wellbeing_impact TEXT NOT NULL DEFAULT '',
	evidence         TEXT NOT NULL DEFAULT '',
	deleted          INTEGER NOT NULL DEFAULT 0
) STRICT;

-- diary_entries: the needs diary, one note about one outcome on one day.
CREATE TABLE diary_entries (
	id          TEXT PRIMARY KEY,
	date        TEXT NOT NULL DEFAULT '',
	outcome     TEXT NOT NULL DEFAULT '',
	what        TEXT NOT NULL DEFAULT '',
	minutes     INTEGER NOT NULL DEFAULT 0,
	needed_help INTEGER NOT NULL DEFAULT 0,
	felt        TEXT NOT NULL DEFAULT '',
	bad_day     INTEGER NOT NULL DEFAULT 0,
	deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX diary_entries_date ON diary_entries (date);
