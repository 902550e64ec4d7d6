package store

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// backupFormat names OwnPlan's backup format inside its manifest.
const backupFormat = "ownplan-backup"

// manifestName is the first entry of every backup.
const manifestName = "ownplan-backup.json"

// maxBackupEntry bounds one file inside a backup, so a hostile file
// cannot fill the disk while it is checked.
const maxBackupEntry = 8 << 30

// Manifest describes a backup: what made it and the hash of every file.
type Manifest struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	Created       time.Time      `json:"created"`
	SchemaVersion int            `json:"schema_version"`
	Files         []ManifestFile `json:"files"`
}

// ManifestFile is one file in a backup.
type ManifestFile struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Backup writes one zip file to w holding a consistent snapshot of the
// database and every other file in the data folder (evidence files,
// keys), with a manifest of SHA-256 hashes that Restore checks.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	snap, err := os.CreateTemp(s.dir, ".tmp-backup-*.db")
	if err != nil {
		return fmt.Errorf("make backup: %w", plainFSError(err))
	}
	snapPath := snap.Name()
	snap.Close()
	os.Remove(snapPath) // VACUUM INTO needs a new file
	defer os.Remove(snapPath)
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, snapPath); err != nil {
		return fmt.Errorf("make backup: copy database: %w", plainDBError(err))
	}
	files := map[string]string{DBFile: snapPath} // name in zip -> path on disk
	err = filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.dir, p)
		if d.IsDir() || !d.Type().IsRegular() || !inBackup(rel) {
			return nil
		}
		files[filepath.ToSlash(rel)] = p
		return nil
	})
	if err != nil {
		return fmt.Errorf("make backup: %w", plainFSError(err))
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	m := Manifest{Format: backupFormat, FormatVersion: 1, Created: time.Now().UTC(), SchemaVersion: SchemaVersion()}
	for _, n := range names {
		sum, size, err := hashFile(files[n])
		if err != nil {
			return fmt.Errorf("make backup: %w", plainFSError(err))
		}
		m.Files = append(m.Files, ManifestFile{Name: n, Size: size, SHA256: sum})
	}
	zw := zip.NewWriter(w)
	mw, err := zw.Create(manifestName)
	if err != nil {
		return fmt.Errorf("make backup: %w", err)
	}
	enc := json.NewEncoder(mw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("make backup: %w", err)
	}
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := addToZip(zw, f.Name, files[f.Name]); err != nil {
			return fmt.Errorf("make backup: %s: %w", f.Name, plainFSError(err))
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("make backup: %w", plainFSError(err))
	}
	return nil
}

// inBackup reports whether a file in the data folder belongs in a backup:
// everything but the live database files (the snapshot replaces them),
// the lock and temporary files.
func inBackup(rel string) bool {
	base := filepath.Base(rel)
	switch {
	case rel == DBFile, rel == DBFile+"-wal", rel == DBFile+"-shm", rel == DBFile+"-journal", rel == lockFile:
		return false
	case strings.HasPrefix(base, ".tmp-"), strings.HasPrefix(rel, restoreTemp):
		return false
	}
	return true
}

func addToZip(zw *zip.Writer, name, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// restoreTemp is the folder inside the target where a restore unpacks
// before it moves the files into place.
const restoreTemp = ".restoring"

// Restore unpacks the backup file at from into dir, which must be empty or
// not exist yet. It checks the whole backup first (format, version, every
// file's hash, the database's integrity) and writes nothing to dir unless
// all of it is sound. The restored copy gets a new device ID, so it can
// never be mistaken for the computer the backup came from.
func Restore(ctx context.Context, from, dir string) error {
	if err := checkRestoreTarget(dir); err != nil {
		return err
	}
	zr, err := zip.OpenReader(from)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("restore from %s: the file does not exist", from)
		}
		return fmt.Errorf("restore from %s: %w", from, ErrBackupInvalid)
	}
	defer zr.Close()
	m, entries, err := readManifest(zr)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	// First pass: check every hash before anything is written.
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := checkEntry(entries[f.Name], f, io.Discard); err != nil {
			return fmt.Errorf("restore from %s: %w", from, err)
		}
	}
	created := false
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		created = true
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("restore into %s: %w", dir, plainFSError(err))
	}
	tmp := filepath.Join(dir, restoreTemp)
	cleanup := func() {
		os.RemoveAll(tmp)
		if created {
			os.Remove(dir)
		}
	}
	if err := unpack(ctx, tmp, m, entries); err != nil {
		cleanup()
		return fmt.Errorf("restore into %s: %w", dir, err)
	}
	if err := prepareRestoredDB(ctx, filepath.Join(tmp, DBFile)); err != nil {
		cleanup()
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	tops, err := os.ReadDir(tmp)
	if err != nil {
		cleanup()
		return fmt.Errorf("restore into %s: %w", dir, plainFSError(err))
	}
	// Move the database last: a data folder with no database is not yet
	// OwnPlan's, so an interrupted restore can simply be run again.
	sort.Slice(tops, func(i, j int) bool { return tops[j].Name() == DBFile })
	for _, e := range tops {
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			for _, moved := range tops {
				os.RemoveAll(filepath.Join(dir, moved.Name()))
			}
			cleanup()
			return fmt.Errorf("restore into %s: %w", dir, plainFSError(err))
		}
	}
	return os.Remove(tmp)
}

func checkRestoreTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("restore into %s: %w", dir, plainFSError(err))
	}
	for _, e := range entries {
		if e.Name() != ".DS_Store" && e.Name() != "Thumbs.db" && e.Name() != "desktop.ini" {
			return fmt.Errorf("restore into %s: %w", dir, ErrNotEmpty)
		}
	}
	return nil
}

// ReadBackupManifest opens a backup file and returns its manifest after
// checking its format, without checking file hashes.
func ReadBackupManifest(from string) (Manifest, error) {
	zr, err := zip.OpenReader(from)
	if err != nil {
		return Manifest{}, fmt.Errorf("read backup %s: %w", from, ErrBackupInvalid)
	}
	defer zr.Close()
	m, _, err := readManifest(zr)
	return m, err
}

func readManifest(zr *zip.ReadCloser) (Manifest, map[string]*zip.File, error) {
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	mf := entries[manifestName]
	if mf == nil {
		return Manifest{}, nil, ErrBackupInvalid
	}
	rc, err := mf.Open()
	if err != nil {
		return Manifest{}, nil, ErrBackupInvalid
	}
	defer rc.Close()
	var m Manifest
	if err := json.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(&m); err != nil || m.Format != backupFormat {
		return Manifest{}, nil, ErrBackupInvalid
	}
	if m.FormatVersion > 1 || m.SchemaVersion > SchemaVersion() {
		return Manifest{}, nil, fmt.Errorf("the backup was made by a newer OwnPlan: %w", ErrNewerSchema)
	}
	hasDB := false
	listed := map[string]bool{manifestName: true}
	for _, f := range m.Files {
		if !safeName(f.Name) || entries[f.Name] == nil || listed[f.Name] {
			return Manifest{}, nil, fmt.Errorf("%w (problem with %q)", ErrBackupInvalid, f.Name)
		}
		listed[f.Name] = true
		hasDB = hasDB || f.Name == DBFile
	}
	if !hasDB || len(listed) != len(entries) {
		return Manifest{}, nil, ErrBackupInvalid
	}
	return m, entries, nil
}

// safeName refuses names that would escape the folder being restored into.
func safeName(name string) bool {
	if name == "" || strings.Contains(name, "\\") || path.IsAbs(name) || path.Clean(name) != name {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." || part == "." || part == restoreTemp {
			return false
		}
	}
	return inBackup(name) || name == DBFile
}

// checkEntry copies a zip entry to w and checks its size and hash.
func checkEntry(zf *zip.File, want ManifestFile, w io.Writer) error {
	rc, err := zf.Open()
	if err != nil {
		return fmt.Errorf("%w (cannot read %s)", ErrBackupInvalid, want.Name)
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(h, w), io.LimitReader(rc, maxBackupEntry))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) || isNoSpace(err) {
			return plainFSError(err)
		}
		return fmt.Errorf("%w (%s is damaged)", ErrBackupInvalid, want.Name)
	}
	if n != want.Size || hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
		return fmt.Errorf("%w (%s is damaged)", ErrBackupInvalid, want.Name)
	}
	return nil
}

func unpack(ctx context.Context, tmp string, m Manifest, entries map[string]*zip.File) error {
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return plainFSError(err)
	}
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		dst := filepath.Join(tmp, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return plainFSError(err)
		}
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return plainFSError(err)
		}
		err = checkEntry(entries[f.Name], f, out)
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil && cerr != nil {
			err = plainFSError(cerr)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// prepareRestoredDB checks the unpacked database is OwnPlan's and sound,
// and gives it a new device ID.
func prepareRestoredDB(ctx context.Context, p string) error {
	if err := checkHeader(p); err != nil {
		return ErrBackupInvalid
	}
	db, err := sql.Open("sqlite", "file:"+p)
	if err != nil {
		return err
	}
	defer db.Close()
	var appID int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil || appID != applicationID {
		return ErrBackupInvalid
	}
	if err := integrityCheck(ctx, db); err != nil {
		return fmt.Errorf("%w (%v)", ErrBackupInvalid, err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'device_id'`, NewID()); err != nil {
		return plainDBError(err)
	}
	return nil
}
