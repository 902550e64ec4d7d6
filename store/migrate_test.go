package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestMigrateFromEachVersion builds a database at every earlier schema
// version, puts a row in it, and checks Open brings it to the newest
// version with the row intact.
func TestMigrateFromEachVersion(t *testing.T) {
	ctx := context.Background()
	versions := []int{0}
	for _, m := range migrations()[:len(migrations())-1] {
		versions = append(versions, m.version)
	}
	for _, from := range versions {
		dir := t.TempDir()
		p := filepath.Join(dir, DBFile)
		db, err := sql.Open("sqlite", "file:"+p)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrateTo(ctx, db, 0, from); err != nil {
			t.Fatalf("build version %d: %v", from, err)
		}
		if from >= 1 {
			if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES ('device_id', 'OLDDEVICE')`); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()

		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("open version %d: %v", from, err)
		}
		var v int
		s.db.QueryRow("PRAGMA user_version").Scan(&v)
		if v != SchemaVersion() {
			t.Errorf("from %d: schema version %d, want %d", from, v, SchemaVersion())
		}
		if from >= 1 && s.DeviceID() != "OLDDEVICE" {
			t.Errorf("from %d: device ID %q lost in migration", from, s.DeviceID())
		}
		if err := s.SaveProfile(ctx, Profile{Name: "Test"}); err != nil {
			t.Errorf("from %d: save after migration: %v", from, err)
		}
		s.Close()
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	s.SaveProfile(ctx, Profile{Name: "Zoë"})
	if _, err := s.db.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := snapshotDir(t, dir)

	_, err := Open(ctx, dir)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open: %v, want ErrNewerSchema", err)
	}
	after := snapshotDir(t, dir)
	for name, sum := range before {
		if name == lockFile {
			continue
		}
		if after[name] != sum {
			t.Errorf("%s changed although the database was refused", name)
		}
	}
}

func TestMigrationsAreNumbered(t *testing.T) {
	ms := migrations()
	if len(ms) < 2 {
		t.Fatalf("only %d migrations", len(ms))
	}
	for i, m := range ms {
		if m.sql == "" || (i > 0 && m.version <= ms[i-1].version) {
			t.Errorf("migration %d: %+v", i, m.name)
		}
	}
	if _, err := os.Stat("migrations"); err != nil {
		t.Fatal(err)
	}
}
