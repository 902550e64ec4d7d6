package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

func TestInitRefusesExistingData(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	a, err := app.Init(ctx, dir, "Zoë")
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	if _, err := app.Init(ctx, dir, "Someone else"); err == nil || !strings.Contains(err.Error(), "already has OwnPlan data") {
		t.Fatalf("second Init: %v", err)
	}
	a, err = app.OpenExisting(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if p, _, _ := a.Profile(ctx); p.Name != "Zoë" {
		t.Errorf("profile was overwritten: %+v", p)
	}
	if _, err := app.OpenExisting(ctx, filepath.Join(t.TempDir(), "typo")); err == nil {
		t.Error("OpenExisting made a new folder")
	}
}

func TestWatchAndStatus(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var n atomic.Int32
	stop := a.Watch(func(c store.Change) { n.Add(1) })
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	stop()
	if n.Load() == 0 {
		t.Error("no change heard while filling example data")
	}
	st, err := a.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Name != "Zoë Ó Briain" || !st.Example || st.People != len(demo.People) || st.SchemaVersion != store.SchemaVersion() || len(st.DeviceID) != 26 {
		t.Errorf("status %+v", st)
	}
	if err := demo.Fill(ctx, a); err == nil {
		t.Error("example data filled twice")
	}
}

func TestClearExampleStartsAfreshKeepingSettings(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.ClearExample(ctx); err == nil {
		t.Fatal("cleared a folder that is not example data")
	}
	demo.Fill(ctx, a)
	a.SaveSettings(ctx, app.Settings{TextScale: 200, Theme: app.ThemeHighContrast})
	var heard atomic.Int32
	a.Watch(func(store.Change) { heard.Add(1) })
	if err := a.ClearExample(ctx); err != nil {
		t.Fatal(err)
	}
	if _, has, _ := a.Profile(ctx); has || a.IsExample(ctx) {
		t.Error("example data still there")
	}
	if s, _ := a.Settings(ctx); s.TextScale != 200 || s.Theme != app.ThemeHighContrast {
		t.Errorf("settings lost: %+v", s)
	}
	if heard.Load() == 0 {
		t.Error("screens were not told about the fresh start")
	}
	// Own data is never cleared.
	a.SaveProfile(ctx, store.Profile{Name: "Me"})
	if err := a.ClearExample(ctx); err == nil {
		t.Error("cleared the person's own data")
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, tc := range []struct {
		s  app.Settings
		ok bool
	}{
		{app.DefaultSettings, true},
		{app.Settings{TextScale: 250, Theme: app.ThemeDark}, true},
		{app.Settings{TextScale: 99, Theme: app.ThemeDark}, false},
		{app.Settings{TextScale: 301, Theme: app.ThemeDark}, false},
		{app.Settings{TextScale: 150, Theme: "pink"}, false},
	} {
		if err := tc.s.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.s, err)
		}
	}
}

func TestBackupFileAppearsOnlyWhenComplete(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	demo.Fill(ctx, a)
	bad := filepath.Join(t.TempDir(), "no-such-folder", "b"+app.BackupExt)
	if err := a.Backup(ctx, bad); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("backup to missing folder: %v", err)
	}
	out := filepath.Join(t.TempDir(), "b"+app.BackupExt)
	if err := a.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("backup folder holds %d files, want just the backup", len(entries))
	}
	target := filepath.Join(t.TempDir(), "r")
	if err := app.Restore(ctx, out, target); err != nil {
		t.Fatal(err)
	}
	b, err := app.OpenExisting(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if p, _, _ := b.Profile(ctx); p.Name != demo.Person.Name {
		t.Errorf("restored %+v", p)
	}
}

func TestNextSteps(t *testing.T) {
	ctx := context.Background()
	a, _ := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	defer a.Close()
	steps, _ := a.NextSteps(ctx)
	if len(steps) != 1 || steps[0].Screen != "profile" {
		t.Fatalf("new folder steps %+v", steps)
	}
	a.SaveProfile(ctx, store.Profile{Name: "Sam"})
	steps, _ = a.NextSteps(ctx)
	if len(steps) < 2 || !strings.Contains(steps[0].Why, "your council, your council reference and how you like to be communicated with") {
		t.Errorf("steps %+v", steps)
	}
}

func TestRestoreHereOnlyIntoAFreshFolder(t *testing.T) {
	ctx := context.Background()
	src, _ := app.Open(ctx, filepath.Join(t.TempDir(), "src"))
	demo.Fill(ctx, src)
	backup := filepath.Join(t.TempDir(), "b"+app.BackupExt)
	if err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	src.Close()

	fresh, err := app.Open(ctx, filepath.Join(t.TempDir(), "fresh"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	// A damaged backup changes nothing.
	bad := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(bad, []byte("not a backup"), 0o600)
	if err := fresh.RestoreHere(ctx, bad); err == nil {
		t.Fatal("restored a file that is not a backup")
	}
	if err := fresh.RestoreHere(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if p, _, _ := fresh.Profile(ctx); p.Name != demo.Person.Name {
		t.Errorf("after restore here: %+v", p)
	}
	// The folder now has data: a second restore is refused.
	fresh.ClearExample(ctx)
	fresh.SaveProfile(ctx, store.Profile{Name: "Mine"})
	if err := fresh.RestoreHere(ctx, backup); err == nil {
		t.Error("restore here overwrote the person's own data")
	}
	if p, _, _ := fresh.Profile(ctx); p.Name != "Mine" {
		t.Errorf("own data changed: %+v", p)
	}
}
