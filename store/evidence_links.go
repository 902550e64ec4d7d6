package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strings"
)

// evidenceLinkID is the ID of the link record from item to target: the
// same on every device, so links made twice merge.
func evidenceLinkID(item string, l EvidenceLink) string {
	sum := sha256.Sum256([]byte(item + "\x00" + l.TargetKind + "\x00" + l.TargetID))
	hi := binary.BigEndian.Uint64(sum[:8])
	lo := binary.BigEndian.Uint64(sum[8:16])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// ParseEvidenceLink reads a link written "kind:id", such as
// "plan-section:my-money" or "transaction:01J…". It checks the form, not
// that the target exists.
func ParseEvidenceLink(s string) (EvidenceLink, error) {
	kind, id, ok := strings.Cut(strings.TrimSpace(s), ":")
	l := EvidenceLink{TargetKind: strings.TrimSpace(kind), TargetID: strings.TrimSpace(id)}
	switch {
	case !ok || l.TargetID == "":
		return l, fmt.Errorf("%q is not a link; write it as plan-section:KEY, outcome:KEY or transaction:ID", s)
	case l.TargetKind != LinkPlanSection && l.TargetKind != LinkOutcome && l.TargetKind != LinkTransaction:
		return l, fmt.Errorf("%q is not something evidence can be linked to; use plan-section:KEY, outcome:KEY or transaction:ID", s)
	}
	return l, nil
}

func setEvidenceLink(t *Tx, item string, l EvidenceLink, on bool) error {
	if _, err := ParseEvidenceLink(l.String()); err != nil {
		return err
	}
	id := evidenceLinkID(item, l)
	if !on {
		if err := t.remove("evidence_links", id); err != nil && err != ErrNotFound {
			return err
		}
		return nil
	}
	for _, f := range []struct{ k, v string }{{"item_id", item}, {"target_kind", l.TargetKind}, {"target_id", l.TargetID}} {
		if err := t.set("evidence_links", id, f.k, f.v); err != nil {
			return err
		}
	}
	return t.set("evidence_links", id, "deleted", int64(0))
}

// LinkEvidence records that the item is evidence for l's target.
// Linking twice is harmless.
func (s *Store) LinkEvidence(ctx context.Context, itemID string, l EvidenceLink) error {
	return s.update(ctx, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_items", itemID); err != nil {
			return fmt.Errorf("link evidence %s: %w", itemID, err)
		}
		if err := setEvidenceLink(t, itemID, l, true); err != nil {
			return fmt.Errorf("link evidence %s: %w", itemID, err)
		}
		return nil
	})
}

// UnlinkEvidence removes a link; removing one that is not there is harmless.
func (s *Store) UnlinkEvidence(ctx context.Context, itemID string, l EvidenceLink) error {
	return s.update(ctx, func(t *Tx) error {
		if err := setEvidenceLink(t, itemID, l, false); err != nil {
			return fmt.Errorf("unlink evidence %s: %w", itemID, err)
		}
		return nil
	})
}

// EvidenceFor returns the items (not in the bin) linked to a target, such
// as a plan section, newest letter first.
func (s *Store) EvidenceFor(ctx context.Context, l EvidenceLink) ([]EvidenceItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT item_id FROM evidence_links
		WHERE deleted = 0 AND target_kind = ? AND target_id = ?`, l.TargetKind, l.TargetID)
	if err != nil {
		return nil, fmt.Errorf("read evidence links: %w", plainDBError(err))
	}
	want := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		want[id] = true
	}
	rows.Close()
	if len(want) == 0 {
		return nil, rows.Err()
	}
	all, err := s.EvidenceItems(ctx, false)
	if err != nil {
		return nil, err
	}
	var out []EvidenceItem
	for _, it := range all {
		if want[it.ID] {
			out = append(out, it)
		}
	}
	return out, nil
}

// EvidenceTransactionsByPayee returns the IDs of the budget transactions whose
// payee contains text (ignoring case), oldest first, so evidence such as
// a receipt can be linked to them. It returns none, without an error,
// when this data folder has no budget transactions.
func (s *Store) EvidenceTransactionsByPayee(ctx context.Context, text string) ([]string, error) {
	cols, ok := s.tables["budget_transactions"]
	if _, hasPayee := cols["payee"]; !ok || !hasPayee {
		return nil, nil
	}
	_, hasDate := cols["date"]
	order := "id"
	if hasDate {
		order = "date, id"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM budget_transactions
		WHERE deleted = 0 AND instr(lower(payee), lower(?)) > 0 ORDER BY `+order, text)
	if err != nil {
		return nil, fmt.Errorf("find transactions: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// EvidenceTransaction is what a linked budget transaction shows: enough
// to recognise it.
type EvidenceTransaction struct {
	ID     string
	Date   Date
	Payee  string
	Amount int64 // pence: negative is money out
}

// EvidenceTransactionByID returns a budget transaction for showing beside
// the evidence linked to it, and false when there is no such transaction
// (or no budget in this data folder).
func (s *Store) EvidenceTransactionByID(ctx context.Context, id string) (EvidenceTransaction, bool, error) {
	cols, ok := s.tables["budget_transactions"]
	for _, c := range []string{"date", "payee", "amount"} {
		if _, has := cols[c]; !ok || !has {
			return EvidenceTransaction{}, false, nil
		}
	}
	t := EvidenceTransaction{ID: id}
	var date string
	err := s.db.QueryRowContext(ctx, `SELECT date, payee, amount FROM budget_transactions WHERE id = ? AND deleted = 0`, id).
		Scan(&date, &t.Payee, &t.Amount)
	if err == sql.ErrNoRows {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("read transaction %s: %w", id, plainDBError(err))
	}
	t.Date, _ = ParseDate(date)
	return t, true, nil
}
