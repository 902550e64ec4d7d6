package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// EvidenceItem is one piece of evidence the person keeps: a letter, a
// report, a receipt. It can have several files (a letter and its
// enclosures) and links to what it is evidence for.
type EvidenceItem struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Kind is a key such as "decision" or "receipt"; package app holds
	// the list and the words for it.
	Kind       string   `json:"kind"`
	From       string   `json:"from"`
	LetterDate Date     `json:"date"`
	Received   Date     `json:"received"`
	Reference  string   `json:"reference"`
	Notes      string   `json:"notes"`
	Tags       []string `json:"tags"`
	// Deadline is a date to act by, such as a reply-by or appeal-by
	// date; DeadlineKind says which ("reply-by", "appeal-by"…).
	Deadline     Date   `json:"deadline"`
	DeadlineKind string `json:"deadline_kind"`
	DeadlineDone bool   `json:"deadline_done"`
	// Shared says the item may be shared with the person's circle of
	// supporters.
	Shared bool `json:"shared"`
	// InBin says the person deleted the item; it can be restored until
	// the bin is emptied. BinnedAt is when (RFC 3339).
	InBin    bool   `json:"in_bin"`
	BinnedAt string `json:"binned_at,omitempty"`
	// Added is when the item was added (RFC 3339).
	Added string         `json:"added"`
	Files []EvidenceFile `json:"files"`
	Links []EvidenceLink `json:"links"`
}

// EvidenceFile is one file of an evidence item, kept as a blob.
type EvidenceFile struct {
	ID        string `json:"id"`
	ItemID    string `json:"item_id"`
	SHA256    string `json:"sha256"`
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	// TextState is TextSearchable, TextNone or TextNotSearchable;
	// TextNote says why in plain English.
	TextState string `json:"text_state"`
	TextNote  string `json:"text_note,omitempty"`
}

// The states of a file's text.
const (
	TextSearchable    = "searchable"     // its words were read and can be searched
	TextNone          = "no-text"        // a photo or other file with no words to read
	TextNotSearchable = "not-searchable" // it should have words but they could not be read
)

// EvidenceLink says an item is evidence for something else.
type EvidenceLink struct {
	// TargetKind is LinkPlanSection, LinkOutcome or LinkTransaction.
	TargetKind string `json:"target_kind"`
	TargetID   string `json:"target_id"`
}

// The kinds of thing evidence can be for.
const (
	LinkPlanSection = "plan-section" // a section of the support plan, by its key
	LinkOutcome     = "outcome"      // an assessment outcome, by its key or ID
	LinkTransaction = "transaction"  // a budget transaction, by its ID
)

// String returns the link as "kind:id", the form the CLI takes.
func (l EvidenceLink) String() string { return l.TargetKind + ":" + l.TargetID }

// HasTag reports whether the item has the tag, ignoring case.
func (it EvidenceItem) HasTag(tag string) bool {
	for _, t := range it.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// CleanEvidenceTags trims tags, drops empty ones, commas and duplicates (ignoring
// case) and keeps the order given.
func CleanEvidenceTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.Fields(strings.ReplaceAll(t, ",", " ")), " ")
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

func evidenceSplitTags(s string) []string { return CleanEvidenceTags(strings.Split(s, ",")) }

func evidenceJoinTags(tags []string) string { return strings.Join(CleanEvidenceTags(tags), ", ") }

const evidenceColumns = `id, title, kind, sender, letter_date, received, reference, notes, tags,
	deadline, deadline_kind, deadline_done, shared, in_bin, binned_at, added`

func scanEvidenceItem(sc interface{ Scan(...any) error }) (EvidenceItem, error) {
	var it EvidenceItem
	var letter, received, deadline, tags string
	if err := sc.Scan(&it.ID, &it.Title, &it.Kind, &it.From, &letter, &received, &it.Reference, &it.Notes, &tags,
		&deadline, &it.DeadlineKind, &it.DeadlineDone, &it.Shared, &it.InBin, &it.BinnedAt, &it.Added); err != nil {
		return it, err
	}
	// A date that does not parse (one that arrived damaged by sync) shows
	// as not set rather than hiding the whole item.
	it.LetterDate, _ = ParseDate(letter)
	it.Received, _ = ParseDate(received)
	it.Deadline, _ = ParseDate(deadline)
	it.Tags = evidenceSplitTags(tags)
	return it, nil
}

// EvidenceItems returns the evidence items, newest letter first: those in
// the bin when inBin is true, the others otherwise. Each comes with its
// files and links.
func (s *Store) EvidenceItems(ctx context.Context, inBin bool) ([]EvidenceItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+evidenceColumns+` FROM evidence_items
		WHERE deleted = 0 AND in_bin = ? ORDER BY coalesce(nullif(letter_date, ''), nullif(received, ''), substr(added, 1, 10)) DESC, id DESC`, inBin)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", plainDBError(err))
	}
	var out []EvidenceItem
	for rows.Next() {
		it, err := scanEvidenceItem(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read evidence: %w", err)
		}
		out = append(out, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	if err := s.attachEvidence(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// EvidenceItem returns one item, in the bin or not, with its files and
// links. A deleted or unknown ID gives ErrNotFound.
func (s *Store) EvidenceItem(ctx context.Context, id string) (EvidenceItem, error) {
	it, err := scanEvidenceItem(s.db.QueryRowContext(ctx,
		`SELECT `+evidenceColumns+` FROM evidence_items WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return it, fmt.Errorf("evidence %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return it, fmt.Errorf("read evidence %s: %w", id, plainDBError(err))
	}
	items := []EvidenceItem{it}
	if err := s.attachEvidence(ctx, items); err != nil {
		return it, err
	}
	return items[0], nil
}

// attachEvidence fills in the files and links of items.
func (s *Store) attachEvidence(ctx context.Context, items []EvidenceItem) error {
	if len(items) == 0 {
		return nil
	}
	index := map[string]int{}
	for i := range items {
		index[items[i].ID] = i
		items[i].Files = []EvidenceFile{}
		items[i].Links = []EvidenceLink{}
	}
	// One item reads only its own files and links; a list reads them all
	// at once rather than asking once per item.
	var one []any
	fileWhere, linkWhere := "", ""
	if len(items) == 1 {
		one = []any{items[0].ID}
		fileWhere, linkWhere = " AND f.item_id = ?", " AND item_id = ?"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.item_id, f.sha256, f.name, f.media_type, f.size, f.text_state, f.text_note
		FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
		WHERE f.deleted = 0 AND i.deleted = 0`+fileWhere+` ORDER BY f.item_id, f.position, f.id`, one...)
	if err != nil {
		return fmt.Errorf("read evidence files: %w", plainDBError(err))
	}
	for rows.Next() {
		var f EvidenceFile
		if err := rows.Scan(&f.ID, &f.ItemID, &f.SHA256, &f.Name, &f.MediaType, &f.Size, &f.TextState, &f.TextNote); err != nil {
			rows.Close()
			return fmt.Errorf("read evidence files: %w", err)
		}
		if i, ok := index[f.ItemID]; ok {
			items[i].Files = append(items[i].Files, f)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read evidence files: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT item_id, target_kind, target_id FROM evidence_links
		WHERE deleted = 0`+linkWhere+` ORDER BY item_id, target_kind, target_id`, one...)
	if err != nil {
		return fmt.Errorf("read evidence links: %w", plainDBError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var item string
		var l EvidenceLink
		if err := rows.Scan(&item, &l.TargetKind, &l.TargetID); err != nil {
			return fmt.Errorf("read evidence links: %w", err)
		}
		if i, ok := index[item]; ok {
			items[i].Links = append(items[i].Links, l)
		}
	}
	return rows.Err()
}

// SaveEvidenceItem saves the changed details of an existing item: title,
// kind, from, dates, reference, notes, tags, deadline and sharing. Files,
// links and the bin have their own methods.
func (s *Store) SaveEvidenceItem(ctx context.Context, it EvidenceItem) error {
	if strings.TrimSpace(it.Title) == "" {
		return fmt.Errorf("save evidence: please give it a title, such as \"Decision letter about my budget\"")
	}
	return s.update(ctx, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_items", it.ID); err != nil {
			return fmt.Errorf("save evidence %s: %w", it.ID, err)
		}
		return setEvidenceFields(t, it)
	})
}

func setEvidenceFields(t *Tx, it EvidenceItem) error {
	for _, f := range []struct {
		k string
		v any
	}{
		{"title", strings.TrimSpace(it.Title)}, {"kind", it.Kind}, {"sender", strings.TrimSpace(it.From)},
		{"letter_date", it.LetterDate.String()}, {"received", it.Received.String()},
		{"reference", strings.TrimSpace(it.Reference)}, {"notes", strings.TrimSpace(it.Notes)},
		{"tags", evidenceJoinTags(it.Tags)}, {"deadline", it.Deadline.String()}, {"deadline_kind", it.DeadlineKind},
		{"deadline_done", it.DeadlineDone}, {"shared", it.Shared},
	} {
		if err := t.set("evidence_items", it.ID, f.k, f.v); err != nil {
			return fmt.Errorf("save evidence: %w", err)
		}
	}
	return nil
}

// evidenceLive returns ErrNotFound unless the record exists and is not deleted.
func evidenceLive(t *Tx, table, id string) error {
	var deleted int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT deleted FROM "`+table+`" WHERE id = ?`, id).Scan(&deleted)
	if err == sql.ErrNoRows || (err == nil && deleted != 0) {
		return ErrNotFound
	}
	return plainDBError(err)
}

// EvidenceTags returns every tag in use on items not in the bin, sorted
// ignoring case.
func (s *Store) EvidenceTags(ctx context.Context) ([]string, error) {
	items, err := s.EvidenceItems(ctx, false)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, it := range items {
		all = append(all, it.Tags...)
	}
	out := CleanEvidenceTags(all)
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out, nil
}
