package report

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := sampleDocument(false)
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, render(t, d)) {
		t.Error("the saved file differs from Render's output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileErrorsArePlainEnglish(t *testing.T) {
	dir := t.TempDir()
	d := &Document{Title: "Plan", Generated: sampleDate}
	for _, c := range []struct {
		path, want string
		is         error
	}{
		{"/x/y.pdf", "Could not save the PDF to /x/y.pdf: the folder does not exist or you cannot write there. Choose another place.", fs.ErrNotExist},
		{filepath.Join(dir, "missing", "plan.pdf"), "Could not save the PDF to " + filepath.Join(dir, "missing", "plan.pdf") + ": the folder does not exist or you cannot write there. Choose another place.", fs.ErrNotExist},
		{dir, "Could not save the PDF to " + dir + ": there is already a folder with that name. Choose another name.", nil},
		{"", "Could not save the PDF: no file name was given. Choose a place and a name for it.", fs.ErrInvalid},
	} {
		err := d.WriteFile(c.path)
		var se *SaveError
		if !errors.As(err, &se) {
			t.Errorf("WriteFile(%q) = %v, want a *SaveError", c.path, err)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("WriteFile(%q):\n got %q\nwant %q", c.path, err, c.want)
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("WriteFile(%q) = %v, which is not %v", c.path, err, c.is)
		}
	}
	// A folder that exists but cannot be written to. Root can write
	// anywhere, so this part only runs for other users.
	ro := filepath.Join(dir, "readonly")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Create(filepath.Join(ro, "probe")); err == nil {
		f.Close()
		t.Log("running as a user who can write to read-only folders; skipping that case")
		return
	}
	path := filepath.Join(ro, "plan.pdf")
	want := "Could not save the PDF to " + path + ": the folder does not exist or you cannot write there. Choose another place."
	if err := d.WriteFile(path); err == nil || err.Error() != want {
		t.Errorf("WriteFile(%q) = %v, want %q", path, err, want)
	}
}

func TestWriteFileRenderErrorIsNotASaveError(t *testing.T) {
	d := &Document{Blocks: []Block{Heading{Level: 7}}}
	err := d.WriteFile(filepath.Join(t.TempDir(), "x.pdf"))
	var se *SaveError
	if err == nil || errors.As(err, &se) {
		t.Errorf("got %v, want a layout error", err)
	}
}
