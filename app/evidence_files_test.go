package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

// A file that grows or is rewritten while OwnPlan copies it is refused,
// so a half-downloaded letter is never kept as if it were complete.
func TestEvidenceFileChangingWhileRead(t *testing.T) {
	for _, change := range []struct {
		name string
		do   func(p string) error
	}{
		{"grows", func(p string) error {
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.Write([]byte("more"))
			return err
		}},
		{"rewritten in place", func(p string) error {
			later := time.Now().Add(time.Minute)
			return os.Chtimes(p, later, later)
		}},
	} {
		p := filepath.Join(t.TempDir(), "letter.pdf")
		os.WriteFile(p, make([]byte, 100000), 0o600)
		src, err := evidenceSource(p)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := src.Open()
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 1000)
		if _, err := rc.Read(buf); err != nil {
			t.Fatal(err)
		}
		if err := change.do(p); err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if !errors.Is(err, errFileChanged) {
			t.Errorf("%s: %v, want errFileChanged", change.name, err)
		}
	}
	// An unchanged file reads to the end.
	p := filepath.Join(t.TempDir(), "letter.pdf")
	os.WriteFile(p, []byte("steady"), 0o600)
	src, _ := evidenceSource(p)
	rc, _ := src.Open()
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || string(b) != "steady" {
		t.Errorf("unchanged file: %q %v", b, err)
	}
}

// A file an older OwnPlan could not read (here: as if it did not know
// .odt) is read again by the search repair, and then found by its words.
func TestEvidenceReindexReadsAgainWhatCouldNotBeRead(t *testing.T) {
	ctx := context.Background()
	a, err := Init(ctx, filepath.Join(t.TempDir(), "data"), "Zoë")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	p := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(p, []byte("The agency confirmed respite in Felixstowe."), 0o600)
	srcs, err := evidenceSources([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	older := func(ctx context.Context, f *os.File, size int64, name string) store.FileAnalysis {
		return store.FileAnalysis{MediaType: "application/octet-stream", TextState: store.TextNone, TextNote: "OwnPlan cannot read the words in this kind of file."}
	}
	it, err := a.store().AddEvidence(ctx, store.EvidenceItem{Title: "Respite"}, srcs, older)
	if err != nil {
		t.Fatal(err)
	}
	if hits, _ := a.SearchEvidence(ctx, "Felixstowe", 10); len(hits) != 0 {
		t.Fatal("found before it was read")
	}
	n, err := a.RebuildEvidenceSearch(ctx)
	if err != nil || n != 1 {
		t.Fatalf("reindex read %d files: %v", n, err)
	}
	got, _ := a.EvidenceItem(ctx, it.ID)
	if f := got.Files[0]; f.TextState != store.TextSearchable || f.MediaType != "text/plain; charset=utf-8" || f.TextNote != "" {
		t.Errorf("after reindex: %+v", f)
	}
	if hits, _ := a.SearchEvidence(ctx, "Felixstowe", 10); len(hits) != 1 {
		t.Errorf("not found after reindex: %v", hits)
	}
	// Nothing changes the second time.
	if n, err := a.RebuildEvidenceSearch(ctx); err != nil || n != 0 {
		t.Errorf("second reindex read %d: %v", n, err)
	}
}

// Copies made for the system's viewer are removed a day later.
func TestEvidenceViewableCopiesAreCleared(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ctx := context.Background()
	a, err := Init(ctx, filepath.Join(t.TempDir(), "data"), "Zoë")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	p := filepath.Join(t.TempDir(), "letter.txt")
	os.WriteFile(p, []byte("private letter"), 0o600)
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Letter"}, []string{p})
	if err != nil {
		t.Fatal(err)
	}
	old, err := a.ViewableCopy(ctx, it.Files[0])
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old); string(b) != "private letter" {
		t.Fatalf("copy holds %q", b)
	}
	yesterday := time.Now().Add(-25 * time.Hour)
	os.Chtimes(filepath.Dir(old), yesterday, yesterday)
	fresh, err := a.ViewableCopy(ctx, it.Files[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(old)); !os.IsNotExist(err) {
		t.Errorf("a day-old copy is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("the new copy: %v", err)
	}
}
