package app

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
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
