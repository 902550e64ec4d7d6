package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// EvidenceSource is a file to add to the evidence vault.
type EvidenceSource struct {
	// Name is the file's original name, without its folder.
	Name string
	// Open gives the file's content. Its reader may return an error
	// part way, for example when the file changes while it is read;
	// then nothing is stored.
	Open func() (io.ReadCloser, error)
}

// FileAnalysis is what reading a kept file found out.
type FileAnalysis struct {
	MediaType string
	Text      string
	TextState string // TextSearchable, TextNone or TextNotSearchable
	TextNote  string
}

// Analyser reads a kept file, already checked against its SHA-256, and
// says what it is and what text is in it. It must not fail: a file it
// cannot read is reported in the FileAnalysis.
type Analyser func(ctx context.Context, f *os.File, size int64, name string) FileAnalysis

// AddEvidence keeps the files from sources and records them as a new
// evidence item with it's details and links, all in one go: when any
// file cannot be kept, nothing is recorded and the error names the file.
// It returns the item as saved.
func (s *Store) AddEvidence(ctx context.Context, it EvidenceItem, sources []EvidenceSource, analyse Analyser) (EvidenceItem, error) {
	if strings.TrimSpace(it.Title) == "" {
		return it, fmt.Errorf("add evidence: please give it a title, such as \"Decision letter about my budget\"")
	}
	if it.ID == "" {
		it.ID = NewID()
	}
	err := s.addEvidenceFiles(ctx, it.ID, sources, analyse, func(t *Tx) error {
		if err := setEvidenceFields(t, it); err != nil {
			return err
		}
		if err := t.set("evidence_items", it.ID, "added", time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		for _, l := range it.Links {
			if err := setEvidenceLink(t, it.ID, l, true); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return it, err
	}
	return s.EvidenceItem(ctx, it.ID)
}

// AddEvidenceFiles keeps more files and adds them to an existing item
// (an enclosure found later). When any cannot be kept, none is added.
func (s *Store) AddEvidenceFiles(ctx context.Context, itemID string, sources []EvidenceSource, analyse Analyser) error {
	return s.addEvidenceFiles(ctx, itemID, sources, analyse, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_items", itemID); err != nil {
			return fmt.Errorf("add files to evidence %s: %w", itemID, err)
		}
		return nil
	})
}

type keptFile struct {
	name    string
	blob    Blob
	created bool
	an      FileAnalysis
}

func (s *Store) addEvidenceFiles(ctx context.Context, itemID string, sources []EvidenceSource, analyse Analyser, first func(*Tx) error) error {
	blobGC.RLock()
	defer blobGC.RUnlock()
	var kept []keptFile
	undo := func() {
		for _, k := range kept {
			if k.created {
				s.removeUnreferencedBlob(ctx, k.blob.SHA256)
			}
		}
	}
	for _, src := range sources {
		k, err := s.keepSource(ctx, src, analyse)
		if err != nil {
			undo()
			return err
		}
		kept = append(kept, k)
	}
	err := s.update(ctx, func(t *Tx) error {
		if err := first(t); err != nil {
			return err
		}
		var pos int64
		if err := t.tx.QueryRowContext(t.ctx, `SELECT coalesce(max(position), -1) + 1 FROM evidence_files WHERE item_id = ?`, itemID).Scan(&pos); err != nil {
			return plainDBError(err)
		}
		for i, k := range kept {
			id := NewID()
			for _, f := range []struct {
				k string
				v any
			}{
				{"item_id", itemID}, {"sha256", k.blob.SHA256}, {"name", k.name}, {"media_type", k.an.MediaType},
				{"size", k.blob.Size}, {"text_state", k.an.TextState}, {"text_note", k.an.TextNote}, {"position", pos + int64(i)},
			} {
				if err := t.set("evidence_files", id, f.k, f.v); err != nil {
					return fmt.Errorf("add %s: %w", k.name, err)
				}
			}
		}
		// The text goes in last: each change above re-indexes the item,
		// and the index is cheapest to rebuild while the text is absent.
		for _, k := range kept {
			if err := putEvidenceText(t, k.blob.SHA256, k.an.Text); err != nil {
				return fmt.Errorf("add %s: %w", k.name, err)
			}
		}
		return nil
	})
	if err != nil {
		undo()
		return err
	}
	return nil
}

// keepSource copies one source into a blob and analyses the kept copy.
func (s *Store) keepSource(ctx context.Context, src EvidenceSource, analyse Analyser) (keptFile, error) {
	name := filepath.Base(strings.TrimSpace(src.Name))
	if name == "." || name == string(filepath.Separator) || name == "" {
		name = "file"
	}
	k := keptFile{name: name}
	rc, err := src.Open()
	if err != nil {
		return k, fmt.Errorf("%s: %w", name, err)
	}
	k.blob, k.created, err = s.putBlob(ctx, rc)
	rc.Close()
	if err != nil {
		return k, fmt.Errorf("%s: %w", name, err)
	}
	f, err := s.ReadBlob(ctx, k.blob.SHA256)
	if err != nil {
		if k.created {
			s.removeUnreferencedBlob(ctx, k.blob.SHA256)
		}
		return k, fmt.Errorf("%s: %w", name, err)
	}
	k.an = analyse(ctx, f, k.blob.Size, name)
	f.Close()
	if k.an.TextState == "" {
		k.an.TextState = TextNone
	}
	if k.an.TextState != TextSearchable {
		k.an.Text = ""
	}
	return k, nil
}

// putEvidenceText records the text read from a blob.
func putEvidenceText(t *Tx, sha, text string) error {
	if text == "" {
		return nil
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO evidence_text (sha256, body) VALUES (?, ?)
		ON CONFLICT (sha256) DO UPDATE SET body = excluded.body WHERE body != excluded.body`, sha, text)
	return plainDBError(err)
}

// removeUnreferencedBlob deletes a blob no live file record names.
func (s *Store) removeUnreferencedBlob(ctx context.Context, sha string) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM evidence_files WHERE sha256 = ? AND deleted = 0`, sha).Scan(&n); err != nil || n > 0 {
		return
	}
	s.removeBlob(sha)
}

// RemoveEvidenceFile takes one file off an item. The file stays in the
// data folder until the bin is emptied, so RestoreEvidenceFile can undo it.
func (s *Store) RemoveEvidenceFile(ctx context.Context, fileID string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove("evidence_files", fileID); err != nil {
			return fmt.Errorf("remove file %s: %w", fileID, err)
		}
		return nil
	})
}

// RestoreEvidenceFile undoes RemoveEvidenceFile, when the file is still kept.
func (s *Store) RestoreEvidenceFile(ctx context.Context, fileID string) error {
	var sha string
	if err := s.db.QueryRowContext(ctx, `SELECT sha256 FROM evidence_files WHERE id = ?`, fileID).Scan(&sha); err != nil {
		return fmt.Errorf("bring back file %s: %w", fileID, ErrNotFound)
	}
	if err := s.CheckBlob(ctx, sha); err != nil {
		return fmt.Errorf("bring back file %s: %w", fileID, err)
	}
	return s.update(ctx, func(t *Tx) error {
		return t.set("evidence_files", fileID, "deleted", int64(0))
	})
}
