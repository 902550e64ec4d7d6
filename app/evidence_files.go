package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ownplan/ownplan/app/doctext"
	"github.com/ownplan/ownplan/store"
)

// errFileChanged means a file changed while OwnPlan was copying it.
var errFileChanged = errors.New("it changed while OwnPlan was reading it (it may still be downloading or saving); wait until it has finished, then add it again")

// evidenceSources checks each file can be kept before anything is
// copied, so that a problem with the third file is found before the
// first is stored, and gives the store a way to read each one.
func evidenceSources(paths []string) ([]store.EvidenceSource, error) {
	var out []store.EvidenceSource
	for _, p := range paths {
		src, err := evidenceSource(p)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, nil
}

func evidenceSource(path string) (store.EvidenceSource, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return store.EvidenceSource{}, fmt.Errorf("%s: there is no such file; check its name and folder", path)
	case errors.Is(err, fs.ErrPermission):
		return store.EvidenceSource{}, fmt.Errorf("%s: you do not have permission to read it", path)
	case err != nil:
		return store.EvidenceSource{}, fmt.Errorf("%s: %w", path, err)
	case fi.IsDir():
		return store.EvidenceSource{}, fmt.Errorf("%s is a folder; choose the files inside it", path)
	case !fi.Mode().IsRegular():
		return store.EvidenceSource{}, fmt.Errorf("%s is not an ordinary file", path)
	case fi.Size() == 0:
		return store.EvidenceSource{}, fmt.Errorf("%s is empty (0 bytes), so there is nothing to keep; check it finished downloading or saving", name)
	case fi.Size() > store.MaxBlobSize:
		return store.EvidenceSource{}, fmt.Errorf("%s is %s, larger than 100 MB, the most OwnPlan keeps in one file; save it smaller (for example scan at a lower resolution) or split it into parts", name, FormatSize(fi.Size()))
	}
	// A file that cannot be opened is found now, before any other file
	// is copied.
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrPermission) {
		return store.EvidenceSource{}, fmt.Errorf("%s: you do not have permission to read it", path)
	}
	if err != nil {
		return store.EvidenceSource{}, fmt.Errorf("%s: %w", path, err)
	}
	f.Close()
	return store.EvidenceSource{Name: name, Open: func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil, fmt.Errorf("you do not have permission to read it")
			}
			return nil, err
		}
		return &watchedFile{f: f, size: fi.Size(), mod: fi.ModTime()}, nil
	}}, nil
}

// watchedFile reads a file and, at its end, checks it is the same size
// and age as when it was chosen, so a file still being written is never
// kept half-finished.
type watchedFile struct {
	f    *os.File
	size int64
	mod  time.Time
	n    int64
}

func (w *watchedFile) Read(p []byte) (int, error) {
	n, err := w.f.Read(p)
	w.n += int64(n)
	if err == io.EOF {
		fi, serr := w.f.Stat()
		if serr != nil || w.n != w.size || fi.Size() != w.size || !fi.ModTime().Equal(w.mod) {
			return n, errFileChanged
		}
	}
	if err != nil && err != io.EOF {
		return n, fmt.Errorf("it could not be read to the end (%v); if it is on a memory stick or network drive, copy it to this computer first", err)
	}
	return n, err
}

func (w *watchedFile) Close() error { return w.f.Close() }

// analyseEvidenceFile sniffs a kept file's type from its content and
// reads its words for search.
func analyseEvidenceFile(ctx context.Context, f *os.File, size int64, name string) store.FileAnalysis {
	mt := doctext.Sniff(f, size)
	r := doctext.Extract(ctx, f, size, mt)
	return store.FileAnalysis{MediaType: r.MediaType, Text: r.Text, TextState: string(r.State), TextNote: r.Note}
}

// FormatSize writes a file size for people: "850 bytes", "12 KB", "3.4 MB".
func FormatSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	case n < 10*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d MB", (n+500000)/1000000)
}

// EvidenceFileByID finds a file of any item (in the bin or not) by its
// ID, with the item it belongs to.
func (a *App) EvidenceFileByID(ctx context.Context, fileID string) (store.EvidenceFile, store.EvidenceItem, error) {
	for _, inBin := range []bool{false, true} {
		items, err := a.store().EvidenceItems(ctx, inBin)
		if err != nil {
			return store.EvidenceFile{}, store.EvidenceItem{}, err
		}
		for _, it := range items {
			for _, f := range it.Files {
				if f.ID == fileID {
					return f, it, nil
				}
			}
		}
	}
	return store.EvidenceFile{}, store.EvidenceItem{}, fmt.Errorf("there is no evidence file with ID %s: %w", fileID, store.ErrNotFound)
}

// SaveEvidenceFile writes a kept file to path exactly as it was added,
// checking its SHA-256 as it goes. When the kept copy is damaged nothing
// is written and the error says so.
func (a *App) SaveEvidenceFile(ctx context.Context, f store.EvidenceFile, path string) error {
	st := a.store()
	var kept error // a problem with the kept file rather than with path
	err := store.WriteFileAtomic(path, func(w io.Writer) error {
		if err := st.CopyBlob(ctx, f.SHA256, w); err != nil {
			if errors.Is(err, store.ErrBlobDamaged) || errors.Is(err, store.ErrBlobMissing) || errors.Is(err, store.ErrBlobUnreadable) {
				kept = err
			}
			return err
		}
		return nil
	})
	switch {
	case kept != nil:
		return fmt.Errorf("%s was not saved to %s: %w", f.Name, path, kept)
	case err != nil:
		return fmt.Errorf("save %s: %w", f.Name, err)
	}
	return nil
}

// ViewableCopy puts a checked copy of a kept file, under its original
// name, in a private temporary folder, for the system's viewer to open;
// the kept file itself is never handed to another program. It returns
// the copy's path.
func (a *App) ViewableCopy(ctx context.Context, f store.EvidenceFile) (string, error) {
	removeOldViewableCopies(time.Now().Add(-viewableCopyLife))
	dir, err := os.MkdirTemp("", viewablePrefix)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", f.Name, err)
	}
	p := filepath.Join(dir, SafeFileName(f.Name))
	if err := a.SaveEvidenceFile(ctx, f, p); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	os.Chmod(p, 0o400) // a copy to read: changes would not be kept
	return p, nil
}

// Copies for viewers live in temporary folders named viewablePrefix… and
// are removed once older than viewableCopyLife, so copies of private
// letters do not pile up on a shared computer. A day is long enough that
// no viewer still has one open.
const (
	viewablePrefix   = "ownplan-view-"
	viewableCopyLife = 24 * time.Hour
)

// removeOldViewableCopies removes the copies for viewers made before
// cutoff. Failures are ignored: the system clears its temporary folder
// in the end.
func removeOldViewableCopies(cutoff time.Time) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), viewablePrefix+"*"))
	for _, d := range dirs {
		fi, err := os.Lstat(d)
		if err != nil || !fi.IsDir() || !fi.ModTime().Before(cutoff) {
			continue
		}
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			os.Chmod(filepath.Join(d, e.Name()), 0o600) // read-only copies cannot be removed on Windows
		}
		os.RemoveAll(d)
	}
}

// SafeFileName makes a name safe to use as a file name on any system.
func SafeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, filepath.Base(name))
	name = strings.Trim(name, ". ")
	if name == "" {
		return "file"
	}
	if len(name) > 120 {
		ext := filepath.Ext(name)
		if len(ext) > 10 {
			ext = ""
		}
		cut := 120 - len(ext)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + ext
	}
	return name
}

// EvidenceRepair says what RepairEvidence did with one file.
type EvidenceRepair struct {
	Path string `json:"path"`
	// Matches names the kept files (as "name in “title”") that have
	// exactly this content; none means the file is not one of them.
	Matches []string `json:"matches"`
}

// RepairEvidence puts back sound copies of kept files that are missing
// or damaged, from their originals at paths (a letter still in the
// Downloads folder, a copy on a memory stick). A file is used only when
// its SHA-256 is that of a kept file, so the wrong file can never take a
// kept one's place; nothing else changes.
func (a *App) RepairEvidence(ctx context.Context, paths []string) ([]EvidenceRepair, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("repair: give the original files")
	}
	var out []EvidenceRepair
	for _, p := range paths {
		src, err := evidenceSource(p)
		if err != nil {
			return out, fmt.Errorf("repair: %w", err)
		}
		rc, err := src.Open()
		if err != nil {
			return out, fmt.Errorf("repair: %s: %w", p, err)
		}
		sha, known, err := a.store().RepairBlob(ctx, rc)
		rc.Close()
		if err != nil {
			return out, fmt.Errorf("repair: %s: %w", p, err)
		}
		rep := EvidenceRepair{Path: p, Matches: []string{}}
		if known {
			for _, inBin := range []bool{false, true} {
				items, err := a.store().EvidenceItems(ctx, inBin)
				if err != nil {
					return out, err
				}
				for _, it := range items {
					for _, f := range it.Files {
						if f.SHA256 == sha {
							rep.Matches = append(rep.Matches, fmt.Sprintf("%s in “%s”", f.Name, it.Title))
						}
					}
				}
			}
		}
		out = append(out, rep)
	}
	return out, nil
}
