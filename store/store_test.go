package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func TestOpenCreatesPrivateFolder(t *testing.T) {
	s, dir := openTemp(t)
	ctx := context.Background()
	if err := s.SetSetting(ctx, "theme", "dark"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", DBFile, DBFile + "-wal", DBFile + "-shm", lockFile} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("stat %q: %v", name, err)
		}
		want := os.FileMode(0o600)
		if name == "" {
			want = 0o700
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%q has mode %v, want %v", name, got, want)
		}
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestDeviceAndClockPersist(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	dev := s.DeviceID()
	if len(dev) != 26 {
		t.Errorf("device ID %q is not 26 characters", dev)
	}
	if err := s.SaveProfile(ctx, Profile{Name: "Zoë Ó Briain"}); err != nil {
		t.Fatal(err)
	}
	last := s.Clock().Last()
	s.Close()

	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.DeviceID() != dev {
		t.Errorf("device ID changed on reopen: %q then %q", dev, s.DeviceID())
	}
	if s.Clock().Last() != last {
		t.Errorf("clock not restored: %v, want %v", s.Clock().Last(), last)
	}
	if next := s.Clock().Now(); next <= last {
		t.Errorf("clock went backwards after reopen: %v <= %v", next, last)
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	_, dir := openTemp(t)
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), "already open") {
		t.Errorf("message %q does not explain", err)
	}
}

func TestRefusesFoldersThatAreNotOwnPlans(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		setup func(dir string)
	}{
		{"folder with other files", func(dir string) {
			os.WriteFile(filepath.Join(dir, "holiday.jpg"), []byte("x"), 0o600)
		}},
		{"database that is not SQLite", func(dir string) {
			os.WriteFile(filepath.Join(dir, DBFile), []byte("PK\x03\x04 this is a zip, not a database"), 0o600)
		}},
		{"SQLite database of another program", func(dir string) {
			os.WriteFile(filepath.Join(dir, DBFile), sqliteFileOfAnotherApp(t), 0o600)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.setup(dir)
			before := snapshotDir(t, dir)
			s, err := Open(ctx, dir)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotOwnPlan) {
				t.Fatalf("Open: %v, want ErrNotOwnPlan", err)
			}
			after := snapshotDir(t, dir)
			delete(after, lockFile)
			if !equalMaps(before, after) {
				t.Errorf("folder changed: before %v after %v", keys(before), keys(after))
			}
		})
	}
}

func TestUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	parent := t.TempDir()
	os.Chmod(parent, 0o500)
	defer os.Chmod(parent, 0o700)
	_, err := Open(context.Background(), filepath.Join(parent, "data"))
	if err == nil || !strings.Contains(err.Error(), "permission") {
		t.Fatalf("Open in read-only folder: %v", err)
	}
}

func TestTablesAreFoundFromSchema(t *testing.T) {
	s, _ := openTemp(t)
	got := "," + strings.Join(s.Tables(), ",") + ","
	for _, want := range []string{"people", "profile"} {
		if !strings.Contains(got, ","+want+",") {
			t.Errorf("synced tables %s lack %s", got, want)
		}
	}
	for _, local := range []string{"meta", "changes", "versions", "settings"} {
		if strings.Contains(got, ","+local+",") {
			t.Errorf("local table %s is treated as synced", local)
		}
	}
}

func TestWatchHearsCommittedChanges(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var heard []Change
	stop := s.Watch(func(c Change) { heard = append(heard, c) })
	if _, err := s.SavePerson(ctx, Person{Name: "Łukasz Nowak", Relationship: "Personal assistant"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePerson(ctx, Person{Name: ""}); err == nil {
		t.Fatal("saved a person with no name")
	}
	stop()
	if _, err := s.SavePerson(ctx, Person{Name: "After stop"}); err != nil {
		t.Fatal(err)
	}
	if len(heard) != 1 || !heard[0].Has("people") {
		t.Fatalf("heard %+v, want one change to people", heard)
	}
}
