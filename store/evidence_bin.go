package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// BinEvidence moves an item to the bin. Nothing is lost: RestoreEvidence
// brings it back until the bin is emptied.
func (s *Store) BinEvidence(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_items", id); err != nil {
			return fmt.Errorf("move evidence %s to the bin: %w", id, err)
		}
		if err := t.set("evidence_items", id, "in_bin", true); err != nil {
			return err
		}
		return t.set("evidence_items", id, "binned_at", time.Now().UTC().Format(time.RFC3339))
	})
}

// RestoreEvidence takes an item out of the bin.
func (s *Store) RestoreEvidence(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_items", id); err != nil {
			return fmt.Errorf("bring back evidence %s: %w (it may have been removed for good when the bin was emptied)", id, err)
		}
		if err := t.set("evidence_items", id, "in_bin", false); err != nil {
			return err
		}
		return t.set("evidence_items", id, "binned_at", "")
	})
}

// EmptiedBin says what emptying the bin removed.
type EmptiedBin struct {
	Items int   `json:"items"` // evidence items removed for good
	Blobs int   `json:"files"` // files removed from the data folder
	Bytes int64 `json:"bytes"` // the space they took
}

// EmptyEvidenceBin removes the items in the bin for good, then deletes
// from the data folder every kept file that no remaining item uses.
func (s *Store) EmptyEvidenceBin(ctx context.Context) (EmptiedBin, error) {
	blobGC.Lock()
	defer blobGC.Unlock()
	var out EmptiedBin
	binned, err := s.EvidenceItems(ctx, true)
	if err != nil {
		return out, err
	}
	err = s.update(ctx, func(t *Tx) error {
		for _, it := range binned {
			for _, f := range it.Files {
				if err := t.remove("evidence_files", f.ID); err != nil {
					return err
				}
			}
			for _, l := range it.Links {
				if err := t.remove("evidence_links", evidenceLinkID(it.ID, l)); err != nil && !errors.Is(err, ErrNotFound) {
					return err
				}
			}
			if err := t.remove("evidence_items", it.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("empty the bin: %w", err)
	}
	out.Items = len(binned)
	used, err := s.usedBlobs(ctx)
	if err != nil {
		return out, fmt.Errorf("empty the bin: %w", err)
	}
	onDisk, err := s.blobsOnDisk()
	if err != nil {
		return out, fmt.Errorf("empty the bin: %w", plainFSError(err))
	}
	for _, sha := range onDisk {
		if used[sha] {
			continue
		}
		p, _ := s.BlobPath(sha)
		size := fileSize(p)
		if err := s.removeBlob(sha); err != nil {
			return out, fmt.Errorf("empty the bin: %w", err)
		}
		out.Blobs++
		out.Bytes += size
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM evidence_text WHERE sha256 NOT IN
		(SELECT f.sha256 FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id WHERE f.deleted = 0 AND i.deleted = 0)`); err != nil {
		return out, fmt.Errorf("empty the bin: %w", plainDBError(err))
	}
	return out, nil
}

// usedBlobs returns the blobs that files of remaining items (in the bin
// or not) use.
func (s *Store) usedBlobs(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT f.sha256 FROM evidence_files f
		JOIN evidence_items i ON i.id = f.item_id WHERE f.deleted = 0 AND i.deleted = 0`)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer rows.Close()
	used := map[string]bool{}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, err
		}
		used[sha] = true
	}
	return used, rows.Err()
}
