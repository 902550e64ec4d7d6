package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrBadChunk means a received piece of an evidence file does not fit
// the file it claims to belong to.
var ErrBadChunk = errors.New("not a valid piece of an evidence file")

// BlobChunkSize is how much of an evidence file one sync message carries.
const BlobChunkSize = 4 << 20

// SharedBlobs returns the evidence files that belong to items marked as
// shared (and not deleted or in the bin): the only files sync sends.
func (s *Store) SharedBlobs(ctx context.Context) ([]Blob, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT DISTINCT f.sha256, f.size FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
		 WHERE f.deleted = 0 AND i.deleted = 0 AND i.shared = 1 AND i.in_bin = 0 AND f.sha256 <> '' ORDER BY f.sha256`)
	if err != nil {
		return nil, fmt.Errorf("read shared evidence files: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Blob
	for rows.Next() {
		var b Blob
		if err := rows.Scan(&b.SHA256, &b.Size); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BlobSent returns how far this device got sending a blob to the circle:
// the next chunk to send, and whether it is all sent.
func (s *Store) BlobSent(ctx context.Context, circle, sha string) (next int, done bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT next_chunk, done FROM blob_sent WHERE circle = ? AND sha256 = ?`, circle, sha).Scan(&next, &done)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return next, done, plainDBError(err)
}

// SetBlobSent records that the relay holds a blob's chunks before next.
func (s *Store) SetBlobSent(ctx context.Context, circle, sha string, next, chunks int) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO blob_sent (circle, sha256, next_chunk, chunks, done) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (circle, sha256) DO UPDATE SET next_chunk = max(next_chunk, excluded.next_chunk), done = excluded.done`,
		circle, sha, next, chunks, next >= chunks)
	return plainDBError(err)
}

// HasBlob reports whether the blob is in the data folder.
func (s *Store) HasBlob(sha string) bool {
	p, err := s.BlobPath(sha)
	if err != nil {
		return false
	}
	_, err = os.Stat(p)
	return err == nil
}

// BlobChunk is one piece of an evidence file as sync carries it.
type BlobChunk struct {
	SHA256 string `json:"sha256"`
	Chunk  int    `json:"chunk"`
	Chunks int    `json:"chunks"`
	Size   int64  `json:"size"` // the whole file's size
	Data   []byte `json:"-"`
}

func (c BlobChunk) check() error {
	want := (c.Size + BlobChunkSize - 1) / BlobChunkSize
	if c.Size == 0 {
		want = 1
	}
	switch {
	case !blobValidSHA(c.SHA256):
		return fmt.Errorf("not a SHA-256")
	case c.Size < 0 || c.Size > MaxBlobSize:
		return ErrTooLarge
	case int64(c.Chunks) != want || c.Chunk < 0 || c.Chunk >= c.Chunks:
		return fmt.Errorf("chunk %d of %d does not fit a file of %d bytes", c.Chunk, c.Chunks, c.Size)
	}
	end := min(int64(c.Chunk+1)*BlobChunkSize, c.Size)
	if int64(len(c.Data)) != end-int64(c.Chunk)*BlobChunkSize {
		return fmt.Errorf("chunk %d has %d bytes, not %d", c.Chunk, len(c.Data), end-int64(c.Chunk)*BlobChunkSize)
	}
	return nil
}

// incomingDir holds the chunks of evidence files still arriving.
var incomingDir = filepath.Join("blobs", "incoming")

// SaveBlobChunk keeps one received chunk of an evidence file. When every
// chunk has arrived it checks the whole file against its SHA-256 and
// keeps it like any evidence file, and reports true. Receiving a chunk
// again is harmless, so an interrupted transfer resumes where it stopped.
// A file whose content does not match its SHA-256 is thrown away.
func (s *Store) SaveBlobChunk(ctx context.Context, c BlobChunk) (bool, error) {
	return s.saveBlobChunk(ctx, c, nil)
}

// SaveBlobChunkFromRelay is SaveBlobChunk for a chunk that relay message
// msg carried: the chunk is recorded and the message handled in one
// transaction.
func (s *Store) SaveBlobChunkFromRelay(ctx context.Context, msg RelayMessage, c BlobChunk) (bool, error) {
	return s.saveBlobChunk(ctx, c, &msg)
}

func (s *Store) saveBlobChunk(ctx context.Context, c BlobChunk, msg *RelayMessage) (bool, error) {
	if err := c.check(); err != nil {
		return false, fmt.Errorf("%w: %v", ErrBadChunk, err)
	}
	if s.HasBlob(c.SHA256) {
		if msg != nil {
			return true, s.SkipRelay(ctx, *msg)
		}
		return true, nil
	}
	dir := filepath.Join(s.dir, incomingDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, plainFSError(err)
	}
	part := filepath.Join(dir, ".tmp-part-"+c.SHA256)
	f, err := os.OpenFile(part, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return false, plainFSError(err)
	}
	if _, err := f.WriteAt(c.Data, int64(c.Chunk)*BlobChunkSize); err != nil {
		f.Close()
		return false, plainFSError(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return false, plainFSError(err)
	}
	f.Close()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, plainDBError(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO blob_parts (sha256, chunk, chunks, size) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		c.SHA256, c.Chunk, c.Chunks, c.Size); err != nil {
		return false, plainDBError(err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blob_parts WHERE sha256 = ?`, c.SHA256).Scan(&have); err != nil {
		return false, plainDBError(err)
	}
	if msg != nil {
		if err := handled(ctx, tx, *msg, true); err != nil {
			return false, err
		}
	}
	if err := tx.Commit(); err != nil {
		return false, plainDBError(err)
	}
	if have < c.Chunks {
		return false, nil
	}
	done := func() {
		f.Close() // before removing it: Windows cannot remove an open file
		os.Remove(part)
		s.db.ExecContext(ctx, `DELETE FROM blob_parts WHERE sha256 = ?`, c.SHA256)
	}
	f, err = os.Open(part)
	if err != nil {
		return false, plainFSError(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, c.Size)); err != nil {
		return false, plainFSError(err)
	}
	if hex.EncodeToString(h.Sum(nil)) != c.SHA256 {
		done()
		return false, fmt.Errorf("evidence file %s arrived damaged and was thrown away: %w", c.SHA256[:12], ErrBlobDamaged)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, plainFSError(err)
	}
	if _, err := s.PutBlob(ctx, io.LimitReader(f, c.Size)); err != nil {
		return false, err
	}
	done()
	s.notify(Change{Tables: []string{"evidence_files"}})
	return true, nil
}
