package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// MaxBlobSize is the largest file the evidence vault keeps: 100 MB.
const MaxBlobSize = 100 << 20

// blobDir is the folder, inside the data folder, that holds evidence
// files by their SHA-256: blobs/sha256/ab/cdef…
var blobDir = filepath.Join("blobs", "sha256")

// Errors about evidence files. They are returned wrapped with the file
// they concern; test for them with errors.Is.
var (
	// ErrTooLarge means a file is over MaxBlobSize.
	ErrTooLarge = errors.New("it is larger than 100 MB, the most OwnPlan keeps in one file; save it smaller (for example scan at a lower resolution, or split it into parts) and add the parts")

	// ErrBlobMissing means a kept file is no longer in the data folder.
	ErrBlobMissing = errors.New("the file is missing from the data folder; restore it from a backup")

	// ErrBlobDamaged means a kept file's content no longer matches the
	// SHA-256 it was stored under: it has been damaged or changed.
	ErrBlobDamaged = errors.New("the file has been damaged or changed since it was added (its SHA-256 no longer matches); restore it from a backup")

	// ErrBlobUnreadable means a kept file is there but OwnPlan may not
	// read it: its permissions were changed outside OwnPlan.
	ErrBlobUnreadable = errors.New("the kept file is there but OwnPlan is not allowed to read it (its permissions were changed outside OwnPlan); make the data folder yours again, or restore it from a backup")
)

// blobOpenError says in plain words why a kept file could not be opened.
func blobOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrBlobMissing
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w (%v)", ErrBlobUnreadable, err)
	}
	return err
}

// blobGC keeps "empty the bin" from removing a blob that an add has
// written but not yet recorded: adds hold it for reading, the clean-up
// for writing.
var blobGC sync.RWMutex

// Blob is a file kept in the data folder, named by its content.
type Blob struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// blobValidSHA reports whether s is 64 lower-case hex digits, so that it
// can safely become part of a path.
func blobValidSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// BlobPath returns where the blob with the given SHA-256 lives. It does
// not check that the file is there or sound; ReadBlob and CopyBlob do.
func (s *Store) BlobPath(sha string) (string, error) {
	if !blobValidSHA(sha) {
		return "", fmt.Errorf("%q is not a SHA-256", sha)
	}
	return filepath.Join(s.dir, blobDir, sha[:2], sha[2:]), nil
}

// PutBlob stores everything r gives as a blob and returns its SHA-256
// and size. The content is written to a temporary file, synced to disk
// and renamed into place, so a blob is either complete or absent. A
// blob already kept is not written again. More than MaxBlobSize is
// refused with ErrTooLarge; an error from r (for example a file that
// changed while it was read) stores nothing.
func (s *Store) PutBlob(ctx context.Context, r io.Reader) (Blob, error) {
	b, _, err := s.putBlob(ctx, r)
	return b, err
}

// putBlob is PutBlob that also reports whether the blob is new.
func (s *Store) putBlob(ctx context.Context, r io.Reader) (Blob, bool, error) {
	root := filepath.Join(s.dir, blobDir)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return Blob{}, false, fmt.Errorf("keep file: %w", plainFSError(err))
	}
	f, err := os.CreateTemp(root, ".tmp-blob-*")
	if err != nil {
		return Blob{}, false, fmt.Errorf("keep file: %w", plainFSError(err))
	}
	tmp := f.Name()
	fail := func(err error) (Blob, bool, error) {
		f.Close()
		os.Remove(tmp)
		return Blob{}, false, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(blobCtxReader{ctx, r}, MaxBlobSize+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == tmp || isNoSpace(err) {
			return fail(fmt.Errorf("keep file: %w", plainFSError(err)))
		}
		return fail(err)
	}
	if n > MaxBlobSize {
		return fail(ErrTooLarge)
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("keep file: %w", plainFSError(err)))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return Blob{}, false, fmt.Errorf("keep file: %w", plainFSError(err))
	}
	b := Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	dst, _ := s.BlobPath(b.SHA256)
	// Identical content is kept once. A sound copy already there stays;
	// a damaged one is replaced by this good one.
	if err := checkBlobFile(dst, b.SHA256); err == nil {
		os.Remove(tmp)
		return b, false, nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		os.Remove(tmp)
		return Blob{}, false, fmt.Errorf("keep file: %w", plainFSError(err))
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return Blob{}, false, fmt.Errorf("keep file: %w", plainFSError(err))
	}
	blobSyncDir(filepath.Dir(dst))
	return b, true, nil
}

// blobSyncDir makes a rename in dir durable, where the system supports it.
func blobSyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// ReadBlob opens the blob with the given SHA-256 after checking that its
// whole content still has that hash, and returns it positioned at the
// start. The caller closes it. A missing blob gives ErrBlobMissing and a
// changed one ErrBlobDamaged.
func (s *Store) ReadBlob(ctx context.Context, sha string) (*os.File, error) {
	p, err := s.BlobPath(sha)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, blobOpenError(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, blobCtxReader{ctx, f}); err != nil {
		f.Close()
		return nil, err
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		f.Close()
		return nil, ErrBlobDamaged
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// CopyBlob writes the blob with the given SHA-256 to w, checking its hash
// as it goes. When the content turns out to be damaged the error is
// ErrBlobDamaged, returned after the last byte: callers writing to a file
// must then discard it (WriteFileAtomic does).
func (s *Store) CopyBlob(ctx context.Context, sha string, w io.Writer) error {
	p, err := s.BlobPath(sha)
	if err != nil {
		return err
	}
	f, err := os.Open(p)
	if err != nil {
		return blobOpenError(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(w, h), blobCtxReader{ctx, f}); err != nil {
		return err
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		return ErrBlobDamaged
	}
	return nil
}

// CheckBlob reports whether the blob with the given SHA-256 is present
// and sound: nil, ErrBlobMissing or ErrBlobDamaged.
func (s *Store) CheckBlob(ctx context.Context, sha string) error {
	p, err := s.BlobPath(sha)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return checkBlobFile(p, sha)
}

func checkBlobFile(p, sha string) error {
	f, err := os.Open(p)
	if err != nil {
		return blobOpenError(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		return ErrBlobDamaged
	}
	return nil
}

// blobsOnDisk lists the SHA-256 of every blob file in the data folder.
func (s *Store) blobsOnDisk() ([]string, error) {
	root := filepath.Join(s.dir, blobDir)
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		sha := strings.ReplaceAll(filepath.ToSlash(rel), "/", "")
		if blobValidSHA(sha) {
			out = append(out, sha)
		}
		return nil
	})
	return out, err
}

// removeBlob deletes a blob file and the folder above it when empty.
func (s *Store) removeBlob(sha string) error {
	p, err := s.BlobPath(sha)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return plainFSError(err)
	}
	os.Remove(filepath.Dir(p)) // only succeeds when empty
	return nil
}

// blobCtxReader stops a long copy when its context is cancelled.
type blobCtxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c blobCtxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
