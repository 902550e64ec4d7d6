package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// BlobProblem is a kept evidence file that is missing, damaged or
// cannot be read.
type BlobProblem struct {
	ItemID    string `json:"item_id"`
	ItemTitle string `json:"item_title"`
	FileID    string `json:"file_id"`
	FileName  string `json:"file_name"`
	SHA256    string `json:"sha256"`
	// Problem is "missing", "damaged" or "unreadable".
	Problem string `json:"problem"`
	Err     error  `json:"-"`
}

// VerifyEvidence checks every file of every evidence item, including those
// in the bin, against its SHA-256. It returns how many files it checked
// and one BlobProblem for each file that is missing or damaged.
func (s *Store) VerifyEvidence(ctx context.Context) (checked int, problems []BlobProblem, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.title, f.id, f.name, f.sha256
		FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
		WHERE f.deleted = 0 AND i.deleted = 0 ORDER BY i.id, f.position, f.id`)
	if err != nil {
		return 0, nil, fmt.Errorf("check evidence: %w", plainDBError(err))
	}
	var files []BlobProblem
	for rows.Next() {
		var p BlobProblem
		if err := rows.Scan(&p.ItemID, &p.ItemTitle, &p.FileID, &p.FileName, &p.SHA256); err != nil {
			rows.Close()
			return 0, nil, fmt.Errorf("check evidence: %w", err)
		}
		files = append(files, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("check evidence: %w", err)
	}
	results := map[string]error{} // each blob is hashed once
	for _, f := range files {
		res, done := results[f.SHA256]
		if !done {
			res = s.CheckBlob(ctx, f.SHA256)
			if ctx.Err() != nil {
				return checked, problems, ctx.Err()
			}
			results[f.SHA256] = res
		}
		checked++
		if res == nil {
			continue
		}
		f.Err = res
		switch {
		case errors.Is(res, ErrBlobMissing):
			f.Problem = "missing"
		case errors.Is(res, ErrBlobUnreadable):
			f.Problem = "unreadable"
		default:
			f.Problem = "damaged"
		}
		problems = append(problems, f)
	}
	return checked, problems, nil
}

func fileSize(p string) int64 {
	if fi, err := os.Stat(p); err == nil {
		return fi.Size()
	}
	return 0
}

// RepairBlob keeps the content of r as a blob only when some evidence
// file (in the bin or not) was stored under its SHA-256: given the
// original of a file that VerifyEvidence reports missing or damaged, it
// puts back a sound copy. It returns the SHA-256 and whether a kept file
// has it; content no file has is not kept.
func (s *Store) RepairBlob(ctx context.Context, r io.Reader) (string, bool, error) {
	blobGC.RLock()
	defer blobGC.RUnlock()
	b, created, err := s.putBlob(ctx, r)
	if err != nil {
		return "", false, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
		WHERE f.sha256 = ? AND f.deleted = 0 AND i.deleted = 0`, b.SHA256).Scan(&n); err != nil {
		if created {
			s.removeBlob(b.SHA256)
		}
		return b.SHA256, false, fmt.Errorf("check evidence: %w", plainDBError(err))
	}
	if n == 0 && created {
		s.removeBlob(b.SHA256)
	}
	return b.SHA256, n > 0, nil
}
