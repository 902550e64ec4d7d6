package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/store"
)

// sha returns the SHA-256 of the file at p in hex.
func sha(p string) string {
	b, _ := os.ReadFile(p)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// lastLine returns the last line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func TestEvidenceCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	files := t.TempDir()
	pdf, err := os.ReadFile("../../../shared/fixtures/ot-report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	ot := filepath.Join(files, "ot-report.pdf")
	os.WriteFile(ot, pdf, 0o600)
	receipt := filepath.Join(files, "taxi.txt")
	os.WriteFile(receipt, []byte("A2B Taxis Ipswich: hospital appointment, £14.50 paid in cash."), 0o600)
	empty := filepath.Join(files, "empty.pdf")
	os.WriteFile(empty, nil, 0o600)
	if code, _, errOut := ctl(t, "--data", dir, "init", "--name", "Zoë Ó Briain"); code != 0 {
		t.Fatal(errOut)
	}

	code, out, errOut := ctl(t, "--data", dir, "evidence", "add", ot, receipt, "--title", "OT report and taxi", "--kind", "medical",
		"--from", "Ipswich Hospital", "--date", "2026-09-14", "--tag", "health", "--tag", "transport",
		"--deadline", "2026-12-01", "--link", "plan-section:my-needs", "--link", "outcome:home-safely")
	if code != 0 {
		t.Fatalf("add: %d %s %s", code, out, errOut)
	}
	id := lastLine(out)
	if len(id) != 26 || !strings.Contains(out, "Kept \"OT report and taxi\"") || !strings.Contains(out, "ot-report.pdf: PDF") {
		t.Fatalf("add printed %q", out)
	}

	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{args: []string{"evidence", "add", ot}, code: 2, stderr: "please give a title"},
		{args: []string{"evidence", "add", "--title", "x"}, code: 2, stderr: "give the file"},
		{args: []string{"evidence", "add", filepath.Join(files, "nope.pdf"), "--title", "x"}, code: 1, stderr: "no such file"},
		{args: []string{"evidence", "add", empty, "--title", "x"}, code: 1, stderr: "empty (0 bytes)"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--link", "budget:1"}, code: 2, stderr: "plan-section:KEY"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--date", "31/09/2026"}, code: 2, stderr: "September 2026 has 30 days"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--kind", "shoe"}, code: 2, stderr: "not a kind of evidence"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--link", "plan-section:nope"}, code: 2, stderr: "no plan section"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--link", "nope"}, code: 2, stderr: "ownplanctl evidence links"},
		{args: []string{"evidence", "add", ot, "--title", "x", "--link", "transaction:01ABC"}, code: 2, stderr: "no payment with ID 01ABC"},
		{args: []string{"evidence", "search", "wet", "room"}, code: 0, stdout: "[wet] [room]"},
		{args: []string{"evidence", "search", "nothing-like-this"}, code: 0, stdout: "Nothing found"},
		{args: []string{"evidence", "search"}, code: 2, stderr: "give the words"},
		{args: []string{"evidence", "show", id}, code: 0, stdout: "Plan: What I need help with"},
		{args: []string{"evidence", "show", "NOPE"}, code: 1, stderr: "no evidence with ID NOPE"},
		{args: []string{"evidence", "get", id, "--out", filepath.Join(files, "x")}, code: 2, stderr: "choose one with --file: 1. ot-report.pdf; 2. taxi.txt"},
		{args: []string{"evidence", "get", id}, code: 2, stderr: "--out FILE"},
		{args: []string{"evidence", "list", "--kind", "medical"}, code: 0, stdout: "OT report and taxi"},
		{args: []string{"evidence", "list", "--kind", "receipt"}, code: 0, stdout: "No documents kept yet"},
		{args: []string{"evidence", "verify"}, code: 0, stdout: "Checked 2 files: every one is complete and unchanged."},
		{args: []string{"evidence", "reindex"}, code: 0, stdout: "Search rebuilt (read the words of 0 files again)"},
		{args: []string{"evidence", "search", "two", "people"}, code: 0, stdout: "[two] [people]"},
		{args: []string{"evidence", "links"}, code: 0, stdout: "plan-section:my-money"},
		{args: []string{"deadlines"}, code: 0, stdout: "Reply to OT report and taxi"},
		{args: []string{"evidence", "rm", "NOPE"}, code: 1, stderr: "not found"},
		{args: []string{"evidence", "export", id}, code: 2, stderr: "--out FILE.zip"},
	} {
		code, out, errOut := ctl(t, append([]string{"--data", dir}, tc.args...)...)
		name := strings.Join(tc.args, " ")
		if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
			t.Errorf("%s: exit %d (want %d)\nstdout: %s\nstderr: %s\nwant stdout %q stderr %q", name, code, tc.code, out, errOut, tc.stdout, tc.stderr)
		}
	}

	// list --json and search --json for scripts.
	_, out, _ = ctl(t, "--data", dir, "evidence", "list", "--json")
	var items []store.EvidenceItem
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 1 || items[0].ID != id ||
		len(items[0].Files) != 2 || items[0].LetterDate != store.NewDate(2026, 9, 14) || len(items[0].Links) != 2 {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	_, out, _ = ctl(t, "--data", dir, "evidence", "search", "A2B", "--json")
	var hits []map[string]string
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || hits[0]["id"] != id ||
		hits[0]["title"] != "OT report and taxi" || !strings.Contains(hits[0]["snippet"], "[A2B]") {
		t.Fatalf("search --json: %v\n%s", err, out)
	}

	// get gives back exactly what was added.
	got := filepath.Join(files, "got.pdf")
	if code, out, errOut := ctl(t, "--data", dir, "evidence", "get", id, "--file", "1", "--out", got); code != 0 {
		t.Fatalf("get: %s %s", out, errOut)
	}
	if b, _ := os.ReadFile(got); !bytes.Equal(b, pdf) {
		t.Error("get: file differs from the one added")
	}
	// --out may be a folder: the file goes in it under its own name.
	folder := t.TempDir()
	if code, _, errOut := ctl(t, "--data", dir, "evidence", "get", id, "--file", "1", "--out", folder); code != 0 {
		t.Fatalf("get into a folder: %s", errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(folder, "ot-report.pdf")); !bytes.Equal(b, pdf) {
		t.Error("get into a folder: file differs or is missing")
	}
	got2 := filepath.Join(files, "got.txt")
	if code, _, errOut := ctl(t, "--data", dir, "evidence", "get", items[0].Files[1].ID, "--out", got2); code != 0 {
		t.Fatalf("get by file ID: %s", errOut)
	}
	if b, _ := os.ReadFile(got2); !strings.HasPrefix(string(b), "A2B Taxis") {
		t.Errorf("get by file ID: %q", b)
	}

	// edit, deadlines --json and the calendar.
	if code, _, errOut := ctl(t, "--data", dir, "evidence", "edit", id, "--title", "OT report", "--untag", "transport",
		"--tag", "OT", "--unlink", "outcome:home-safely", "--deadline-kind", "appeal-by"); code != 0 {
		t.Fatalf("edit: %s", errOut)
	}
	_, out, _ = ctl(t, "--data", dir, "evidence", "show", id, "--json")
	var it store.EvidenceItem
	json.Unmarshal([]byte(out), &it)
	if it.Title != "OT report" || strings.Join(it.Tags, ",") != "health,OT" || len(it.Links) != 1 || it.DeadlineKind != "appeal-by" {
		t.Errorf("after edit: %+v", it)
	}
	_, out, _ = ctl(t, "--data", dir, "deadlines", "--json")
	var ds []map[string]any
	if err := json.Unmarshal([]byte(out), &ds); err != nil || len(ds) != 1 || ds[0]["date"] != "2026-12-01" || ds[0]["kind"] != "appeal-by" {
		t.Errorf("deadlines --json: %v %s", err, out)
	}
	ics := filepath.Join(files, "deadlines.ics")
	if code, out, errOut := ctl(t, "--data", dir, "deadlines", "ics", "--out", ics); code != 0 || !strings.Contains(out, "Saved 1 deadline") {
		t.Fatalf("ics: %s %s", out, errOut)
	}
	if b, _ := os.ReadFile(ics); !strings.Contains(string(b), "DTSTART;VALUE=DATE:20261201\r\n") {
		t.Errorf("ics:\n%s", b)
	}
	if code, _, _ := ctl(t, "--data", dir, "evidence", "edit", id, "--done"); code != 0 {
		t.Error("edit --done failed")
	}
	if _, out, _ := ctl(t, "--data", dir, "deadlines", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("done deadline still listed: %s", out)
	}

	// export makes a zip with an index.
	zipPath := filepath.Join(files, "meeting.zip")
	if code, out, errOut := ctl(t, "--data", dir, "evidence", "export", id, "--out", zipPath); code != 0 || !strings.Contains(out, "2 files") {
		t.Fatalf("export: %s %s", out, errOut)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	if strings.Join(names, "|") != "index.html|index.txt|01 OT report/ot-report.pdf|01 OT report/taxi.txt" {
		t.Errorf("zip holds %v", names)
	}

	// verify names every damaged or missing file and exits 1.
	blob := func(sha string) string { return filepath.Join(dir, "blobs", "sha256", sha[:2], sha[2:]) }
	os.WriteFile(blob(items[0].Files[0].SHA256), []byte("%PDF-1.4 not the same"), 0o600)
	os.Remove(blob(items[0].Files[1].SHA256))
	code, out, errOut = ctl(t, "--data", dir, "evidence", "verify")
	if code != 1 || !strings.Contains(out, "DAMAGED: ot-report.pdf") || !strings.Contains(out, "MISSING: taxi.txt") ||
		!strings.Contains(errOut, "2 files of 2 are missing or damaged") {
		t.Errorf("verify after damage: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = ctl(t, "--data", dir, "evidence", "verify", "--json")
	var check struct {
		Checked  int                 `json:"checked"`
		Problems []store.BlobProblem `json:"problems"`
	}
	if code != 1 || json.Unmarshal([]byte(out), &check) != nil || len(check.Problems) != 2 {
		t.Errorf("verify --json: %d %s", code, out)
	}
	if code, _, errOut := ctl(t, "--data", dir, "evidence", "get", id, "--file", "ot-report.pdf", "--out", filepath.Join(files, "bad.pdf")); code != 1 || !strings.Contains(errOut, "ot-report.pdf was not saved to") || !strings.Contains(errOut, "damaged") {
		t.Errorf("get damaged: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(files, "bad.pdf")); !os.IsNotExist(err) {
		t.Errorf("get of a damaged file left %s: %v", "bad.pdf", err)
	}

	// repair puts back the originals, and only files that were kept.
	stranger := filepath.Join(files, "other.txt")
	os.WriteFile(stranger, []byte("not a kept file"), 0o600)
	code, out, errOut = ctl(t, "--data", dir, "evidence", "repair", stranger)
	if code != 1 || !strings.Contains(out, "other.txt is not one of your kept files") || !strings.Contains(errOut, "1 file is not one of your kept files") {
		t.Errorf("repair with a stranger: %d %s %s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "blobs", "sha256", sha(stranger)[:2])); len(entries) != 0 {
		t.Errorf("repair kept a file that is not evidence: %v", entries)
	}
	code, out, errOut = ctl(t, "--data", dir, "evidence", "repair", ot, receipt)
	if code != 0 || !strings.Contains(out, "the kept copy is sound now (ot-report.pdf in “OT report”)") || !strings.Contains(out, "taxi.txt in “OT report”") {
		t.Errorf("repair: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := ctl(t, "--data", dir, "evidence", "verify"); code != 0 || !strings.Contains(out, "Checked 2 files") {
		t.Errorf("verify after repair: %d %s %s", code, out, errOut)
	}

	// rm, restore and empty-bin.
	for _, tc := range []struct {
		args   []string
		stdout string
	}{
		{[]string{"evidence", "rm", id}, "To undo: ownplanctl evidence restore " + id},
		{[]string{"evidence", "list"}, "No documents kept yet"},
		{[]string{"evidence", "list", "--bin"}, "OT report"},
		{[]string{"evidence", "restore", id}, "Brought \"OT report\" back from the bin."},
		{[]string{"evidence", "restore", id}, "\"OT report\" is not in the bin; nothing to bring back."},
		{[]string{"evidence", "list"}, "OT report"},
		{[]string{"evidence", "rm", id}, "Moved \"OT report\" to the bin."},
		{[]string{"evidence", "empty-bin"}, "Removed 1 document for good"},
		{[]string{"evidence", "empty-bin"}, "already empty"},
		{[]string{"evidence", "verify"}, "Checked 0 files"},
	} {
		code, out, errOut := ctl(t, append([]string{"--data", dir}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.stdout) {
			t.Errorf("%v: %d %q %q, want %q", tc.args, code, out, errOut, tc.stdout)
		}
	}
}

// TestEvidenceCLIWordsPeopleType adds documents the way people write
// things: everyday kinds, UK dates and a plan section's key alone.
func TestEvidenceCLIWordsPeopleType(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	letter := filepath.Join(t.TempDir(), "gp.txt")
	os.WriteFile(letter, []byte("Dr Patel: fatigue after 20 minutes standing."), 0o600)
	if code, _, errOut := ctl(t, "--data", dir, "init", "--name", "Zoë Ó Briain"); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		kind, date, deadline, link string
		wantKind                   string
		wantDate, wantDeadline     store.Date
		wantLink                   string
	}{
		{"report", "20/11/2026", "20 December 2026", "my-money", "medical", store.NewDate(2026, 11, 20), store.NewDate(2026, 12, 20), "plan-section:my-money"},
		{"GP letter", "2026-11-02", "1/12/26", "home-safely", "medical", store.NewDate(2026, 11, 2), store.NewDate(2026, 12, 1), "outcome:home-safely"},
		{"decision-letter", "3 Nov 2026", "2027-01-05", "plan:how-managed", "decision", store.NewDate(2026, 11, 3), store.NewDate(2027, 1, 5), "plan-section:how-managed"},
		{"letter", "today", "", "outcome:nutrition", "correspondence", store.Today(), store.Date{}, "outcome:nutrition"},
		{"Support Plan", "1 Dec 2026", "", "Plan-Section:My-Money", "support-plan", store.NewDate(2026, 12, 1), store.Date{}, "plan-section:my-money"},
	} {
		args := []string{"--data", dir, "evidence", "add", letter, "--title", "Letter", "--kind", tc.kind, "--date", tc.date, "--link", tc.link}
		if tc.deadline != "" {
			args = append(args, "--deadline", tc.deadline)
		}
		code, out, errOut := ctl(t, args...)
		if code != 0 {
			t.Errorf("kind %q: %d %s", tc.kind, code, errOut)
			continue
		}
		_, js, _ := ctl(t, "--data", dir, "evidence", "show", lastLine(out), "--json")
		var it store.EvidenceItem
		json.Unmarshal([]byte(js), &it)
		if it.Kind != tc.wantKind || it.LetterDate != tc.wantDate || it.Deadline != tc.wantDeadline ||
			len(it.Links) != 1 || it.Links[0].String() != tc.wantLink {
			t.Errorf("kind %q: saved %s %s %s %v", tc.kind, it.Kind, it.LetterDate, it.Deadline, it.Links)
		}
	}
	// The evidence for a plan section, as its screen shows it.
	_, out, _ := ctl(t, "--data", dir, "evidence", "list", "--for", "my-money", "--json")
	var items []store.EvidenceItem
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 2 || items[1].Kind != "medical" {
		t.Errorf("list --for my-money: %v %s", err, out)
	}
	if _, out, _ := ctl(t, "--data", dir, "evidence", "list", "--for", "outcome:clothing"); !strings.Contains(out, "No documents are linked to Outcome: Getting dressed yet") {
		t.Errorf("list --for an outcome with none: %s", out)
	}
	if code, _, errOut := ctl(t, "--data", dir, "evidence", "list", "--for", "nonsense"); code != 2 || !strings.Contains(errOut, "evidence links") {
		t.Errorf("list --for nonsense: %d %s", code, errOut)
	}
	_, out, _ = ctl(t, "--data", dir, "evidence", "list", "--kind", "OT report")
	if strings.Count(out, "Medical or OT report") != 2 {
		t.Errorf("list --kind \"OT report\":\n%s", out)
	}
}
