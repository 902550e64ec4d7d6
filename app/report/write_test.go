package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/ownplan/ownplan/store"
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

func TestWriteFileKeepsLinksAndDevices(t *testing.T) {
	d := sampleDocument(false)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.pdf")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	if err := d.WriteFile(link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if got, _ := os.ReadFile(real); !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Errorf("the file the link points to was not replaced: %.10q", got)
	}

	// A device is never renamed over, even by a user allowed to.
	if fi, err := os.Stat(os.DevNull); err == nil && fi.Mode()&fs.ModeDevice != 0 {
		err := d.WriteFile(os.DevNull)
		var se *SaveError
		if !errors.As(err, &se) || se.Reason != "that name belongs to something that is not a file. Choose another name." {
			t.Errorf("WriteFile(%s) = %v", os.DevNull, err)
		}
		if fi2, err := os.Stat(os.DevNull); err != nil || fi2.Mode()&fs.ModeDevice == 0 {
			t.Fatalf("%s is no longer a device", os.DevNull)
		}
	}
}

func TestSaveErrorSaysTheDiskIsFull(t *testing.T) {
	err := saveError("/media/usb/plan.pdf", fmt.Errorf("could not save: %w", fmt.Errorf("%w: write: no space left on device", store.ErrDiskFull)))
	if want := "Could not save the PDF to /media/usb/plan.pdf: the disk is full. Free some space, or choose another place."; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}
