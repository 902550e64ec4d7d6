package store

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func makeBackup(t *testing.T) (string, *Store) {
	t.Helper()
	s, dir := openTemp(t)
	ctx := context.Background()
	if err := s.SaveProfile(ctx, Profile{Name: "Zoë Ó Briain", Council: "Suffolk County Council"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePerson(ctx, Person{Name: "Łukasz", Relationship: "Personal assistant"}); err != nil {
		t.Fatal(err)
	}
	s.SetSetting(ctx, "text_scale", "1.5")
	// A file as the evidence store will keep them.
	blob := filepath.Join(dir, "blobs", "sha256", "ab", "cdef")
	os.MkdirAll(filepath.Dir(blob), 0o700)
	os.WriteFile(blob, []byte("a scanned letter"), 0o600)

	out := filepath.Join(t.TempDir(), "backup.ownplan")
	err := WriteFileAtomic(out, func(w io.Writer) error { return s.Backup(ctx, w) })
	if err != nil {
		t.Fatal(err)
	}
	return out, s
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	backup, orig := makeBackup(t)
	target := filepath.Join(t.TempDir(), "restored")
	if err := Restore(ctx, backup, target); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	p, ok, _ := s.Profile(ctx)
	if !ok || p.Name != "Zoë Ó Briain" || p.Council != "Suffolk County Council" {
		t.Errorf("restored profile %+v", p)
	}
	people, _ := s.People(ctx)
	if len(people) != 1 || people[0].Name != "Łukasz" {
		t.Errorf("restored people %+v", people)
	}
	if v, _ := s.Setting(ctx, "text_scale", ""); v != "1.5" {
		t.Errorf("restored setting %q", v)
	}
	b, err := os.ReadFile(filepath.Join(target, "blobs", "sha256", "ab", "cdef"))
	if err != nil || string(b) != "a scanned letter" {
		t.Errorf("restored blob %q %v", b, err)
	}
	n1, _ := orig.LastSeq(ctx)
	n2, _ := s.LastSeq(ctx)
	if n1 != n2 || n1 == 0 {
		t.Errorf("journal %d entries, restored %d", n1, n2)
	}
	if s.DeviceID() == orig.DeviceID() {
		t.Error("restored copy kept the original device ID")
	}
	if _, err := os.Stat(filepath.Join(target, restoreTemp)); !os.IsNotExist(err) {
		t.Error("restore left its temporary folder behind")
	}
}

func TestRestoreRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	backup, _ := makeBackup(t)
	good, _ := os.ReadFile(backup)

	damaged := append([]byte(nil), good...)
	// Flip a byte in the middle of the database's compressed data.
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == DBFile {
			off, _ := f.DataOffset()
			damaged[off+int64(f.CompressedSize64/2)] ^= 0xff
		}
	}

	var foreign bytes.Buffer
	zw := zip.NewWriter(&foreign)
	w, _ := zw.Create("holiday.txt")
	w.Write([]byte("not a backup"))
	zw.Close()

	var escape bytes.Buffer
	zw = zip.NewWriter(&escape)
	w, _ = zw.Create(manifestName)
	w.Write([]byte(`{"format":"ownplan-backup","format_version":1,"schema_version":1,"files":[{"name":"../evil","size":1,"sha256":"x"},{"name":"ownplan.db","size":1,"sha256":"x"}]}`))
	w, _ = zw.Create("../evil")
	w.Write([]byte("x"))
	w, _ = zw.Create("ownplan.db")
	w.Write([]byte("x"))
	zw.Close()

	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"damaged backup", damaged, ErrBackupInvalid},
		{"zip that is not a backup", foreign.Bytes(), ErrBackupInvalid},
		{"not a zip at all", []byte("hello, this is a text file"), ErrBackupInvalid},
		{"empty file", nil, ErrBackupInvalid},
		{"path escaping the folder", escape.Bytes(), ErrBackupInvalid},
		{"truncated backup", good[:len(good)-100], ErrBackupInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "in.zip")
			os.WriteFile(src, tc.data, 0o600)
			target := filepath.Join(t.TempDir(), "restored")
			err := Restore(ctx, src, target)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Restore: %v, want %v", err, tc.want)
			}
			if _, err := os.Stat(target); !os.IsNotExist(err) {
				t.Errorf("restore of a bad file left %s behind", target)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(target), "evil")); !os.IsNotExist(err) {
				t.Error("zip entry escaped the target folder")
			}
		})
	}
}

func TestRestoreOnlyIntoEmptyFolder(t *testing.T) {
	backup, _ := makeBackup(t)
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "mine.txt"), []byte("keep me"), 0o600)
	err := Restore(context.Background(), backup, target)
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Restore into a used folder: %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(target, "mine.txt"))
	entries, _ := os.ReadDir(target)
	if string(b) != "keep me" || len(entries) != 1 {
		t.Error("restore touched a folder that was not empty")
	}
	// An existing empty folder is fine.
	empty := t.TempDir()
	if err := Restore(context.Background(), backup, empty); err != nil {
		t.Fatalf("Restore into an empty folder: %v", err)
	}
}

func TestRestoreRefusesNewerBackup(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(manifestName)
	w.Write([]byte(`{"format":"ownplan-backup","format_version":1,"schema_version":9999,"files":[]}`))
	zw.Close()
	src := filepath.Join(t.TempDir(), "new.zip")
	os.WriteFile(src, buf.Bytes(), 0o600)
	err := Restore(context.Background(), src, filepath.Join(t.TempDir(), "x"))
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Restore: %v, want ErrNewerSchema", err)
	}
}
