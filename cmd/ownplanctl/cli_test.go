package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/store"
)

// ctl runs ownplanctl with args and returns its exit status and output.
func ctl(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	backup := filepath.Join(t.TempDir(), "b.ownplan-backup")
	restored := filepath.Join(t.TempDir(), "restored")
	for _, tc := range []struct {
		args      []string
		code      int
		stdout    string // must appear in standard output
		stderr    string // must appear in standard error
		emptyErrs bool
	}{
		{args: nil, code: 2, stdout: "Commands:"},
		{args: []string{"--help"}, code: 0, stdout: "profile set"},
		{args: []string{"help"}, code: 0, stdout: "backup"},
		{args: []string{"help", "profile", "set"}, code: 0, stdout: "Fields: name, preferred_name"},
		{args: []string{"help", "nope"}, code: 2, stderr: "no command"},
		{args: []string{"frobnicate"}, code: 2, stderr: `there is no command "frobnicate"`},
		{args: []string{"profile"}, code: 2, stderr: "needs one of: show, set"},
		{args: []string{"version"}, code: 0, stdout: "OwnPlan "},
		{args: []string{"--version"}, code: 0, stdout: "OwnPlan "},
		{args: []string{"--data", dir, "status"}, code: 1, stderr: "no OwnPlan data here yet"},
		{args: []string{"--data", dir, "init"}, code: 2, stderr: "please give your name"},
		{args: []string{"--data", dir, "init", "--name", "Zoë Ó Briain"}, code: 0, stdout: "Made a new OwnPlan for Zoë Ó Briain"},
		{args: []string{"--data", dir, "init", "--name", "Someone"}, code: 1, stderr: "already has OwnPlan data"},
		{args: []string{"--data", dir, "demo"}, code: 1, stderr: "example data can only go into a new folder"},
		{args: []string{"status", "--data", dir}, code: 0, stdout: "Zoë Ó Briain"},
		{args: []string{"--data", dir, "status", "--bogus"}, code: 2, stderr: "flag provided but not defined"},
		{args: []string{"--data", dir, "status", "extra"}, code: 2, stderr: `unexpected "extra"`},
		{args: []string{"--data", dir, "profile", "set", "council", "Suffolk County Council"}, code: 0, stdout: "Saved council: Suffolk County Council"},
		{args: []string{"--data", dir, "profile", "set", "nhs_number", "943 476 5918"}, code: 1, stderr: "not a valid NHS number"},
		{args: []string{"--data", dir, "profile", "set", "shoe_size", "5"}, code: 1, stderr: "no profile field"},
		{args: []string{"--data", dir, "profile", "set", "phone"}, code: 2, stderr: "give a field and a value"},
		{args: []string{"--data", dir, "profile", "show"}, code: 0, stdout: "Suffolk County Council"},
		{args: []string{"--data", dir, "people", "add", "--name", "Jess Smith", "--relationship", "PA"}, code: 0, stdout: "Added Jess Smith"},
		{args: []string{"--data", dir, "people", "rm", "NOSUCHID"}, code: 1, stderr: "no one with ID"},
		{args: []string{"--data", dir, "backup"}, code: 2, stderr: "--out FILE"},
		{args: []string{"--data", dir, "backup", "--out", backup}, code: 0, stdout: "Saved a backup"},
		{args: []string{"--data", restored, "restore", "--from", backup}, code: 0, stdout: "Restored"},
		{args: []string{"--data", dir, "restore", "--from", backup}, code: 1, stderr: "only be restored into an empty folder"},
		{args: []string{"--data", restored, "profile", "show"}, code: 0, stdout: "Jess Smith"},
	} {
		code, out, errOut := ctl(t, tc.args...)
		name := strings.Join(tc.args, " ")
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", name, code, tc.code, out, errOut)
		}
		if !strings.Contains(out, tc.stdout) {
			t.Errorf("%s: stdout %q does not contain %q", name, out, tc.stdout)
		}
		if !strings.Contains(errOut, tc.stderr) {
			t.Errorf("%s: stderr %q does not contain %q", name, errOut, tc.stderr)
		}
		if code == 0 && errOut != "" {
			t.Errorf("%s: succeeded but wrote to stderr: %q", name, errOut)
		}
	}
}

func TestStatusJSON(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := ctl(t, "--data", dir, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ := ctl(t, "--data", dir, "status", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"name", "schema_version", "device_id", "data_dir"} {
		if _, ok := st[k]; !ok {
			t.Errorf("status --json lacks %q", k)
		}
	}
	if st["name"] != "Zoë Ó Briain" || st["data_dir"] != dir || st["schema_version"].(float64) != float64(store.SchemaVersion()) {
		t.Errorf("status %v", st)
	}
}

func TestDataFolderFromEnvironment(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "env-data")
	t.Setenv(store.EnvDataDir, dir)
	if code, _, errOut := ctl(t, "init", "--name", "Sam"); code != 0 {
		t.Fatal(errOut)
	}
	if !store.Exists(dir) {
		t.Fatalf("init ignored $%s", store.EnvDataDir)
	}
	// --data wins over the environment.
	other := filepath.Join(t.TempDir(), "flag-data")
	if code, _, errOut := ctl(t, "--data", other, "init", "--name", "Alex"); code != 0 {
		t.Fatal(errOut)
	}
	if !store.Exists(other) {
		t.Fatal("--data did not win over the environment")
	}
}

func TestProfileShowJSONAndPeople(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Sam")
	code, out, _ := ctl(t, "--data", dir, "people", "add", "--name", "Jo", "--relationship", "Sister")
	if code != 0 {
		t.Fatal(out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	id := lines[len(lines)-1]
	if len(id) != 26 {
		t.Fatalf("last line %q is not an ID", id)
	}
	code, out, _ = ctl(t, "--data", dir, "profile", "show", "--json")
	var got struct {
		Name   string         `json:"name"`
		People []store.Person `json:"people"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Name != "Sam" || len(got.People) != 1 || got.People[0].ID != id {
		t.Fatalf("profile show --json: %d %s", code, out)
	}
	if code, _, _ := ctl(t, "--data", dir, "people", "rm", id); code != 0 {
		t.Fatal("rm failed")
	}
	_, out, _ = ctl(t, "--data", dir, "people", "list", "--json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("after rm: %s", out)
	}
	ctl(t, "--data", dir, "people", "restore", id)
	_, out, _ = ctl(t, "--data", dir, "people", "list")
	if !strings.Contains(out, "Jo") {
		t.Errorf("after restore: %s", out)
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "demo")
	backup := filepath.Join(t.TempDir(), "b")
	ctl(t, "--data", dir, "backup", "--out", backup)
	b, _ := os.ReadFile(backup)
	// Damage the end of the file, where the zip's directory is.
	os.WriteFile(backup, b[:len(b)-40], 0o600)
	target := filepath.Join(t.TempDir(), "r")
	code, _, errOut := ctl(t, "--data", target, "restore", "--from", backup)
	if code != 1 || !strings.Contains(errOut, "nothing was restored") {
		t.Errorf("restore damaged: %d %s", code, errOut)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("damaged restore wrote the folder")
	}
}

// A command used wrongly says what was wrong and where the help is, in
// two lines, rather than reading out every option again.
func TestUsageErrorIsShort(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := ctl(t, "--data", dir, "init", "--name", "Sam"); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"diary", "add", "--date", "31/02/2026", "--outcome", "nutrition", "--what", "x"},
		{"diary", "add", "--no-such-option"},
		{"diary", "add", "--what", "x", "stray words"},
	} {
		code, _, errOut := ctl(t, append([]string{"--data", dir}, args...)...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || len(lines) != 2 || !strings.HasPrefix(lines[0], "ownplanctl diary add: ") ||
			lines[1] != "For what this command takes: ownplanctl diary add --help" {
			t.Errorf("%q: exit %d, said:\n%s", args, code, errOut)
		}
	}
}

// Help shows what each option takes, so that one needing a value is not
// mistaken for a switch.
func TestHelpShowsWhatOptionsTake(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"init", "--help"}, "  --name NAME  "},
		{[]string{"diary", "add", "--help"}, "  --date DATE  "},
		{[]string{"diary", "add", "--help"}, "  --bad-day  "},
		{[]string{"export", "plan", "--help"}, "  --out FILE  "},
		{[]string{"budget", "setup", "--help"}, "  --amount POUNDS  "},
	} {
		code, out, _ := ctl(t, tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%q: exit %d, help lacks %q:\n%s", tc.args, code, tc.want, out)
		}
	}
}
