package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := ctl(t, "--data", dir, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	out := t.TempDir()
	plan := filepath.Join(out, "plan.pdf")
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string
		file           string // must be a PDF afterwards
	}{
		{args: []string{"export", "plan", "--out", plan, "--generated", "2026-11-23"}, stdout: "Saved the support plan to " + plan, file: plan},
		{args: []string{"export", "plan", "--out", filepath.Join(out, "large.pdf"), "--large-print"}, stdout: "Saved the support plan", file: filepath.Join(out, "large.pdf")},
		{args: []string{"export", "assessment", "--out", filepath.Join(out, "a.pdf")}, stdout: "Saved the assessment preparation pack", file: filepath.Join(out, "a.pdf")},
		{args: []string{"export", "statement", "--from", "2026-04-01", "--to", "30/06/2026", "--out", filepath.Join(out, "s.pdf"), "--large-print"},
			stdout: "Saved the budget statement", file: filepath.Join(out, "s.pdf")},
		{args: []string{"export", "statement", "--out", filepath.Join(out, "q.pdf"), "--generated", "2026-11-23"}, stdout: "Saved the budget statement", file: filepath.Join(out, "q.pdf")},
		{args: []string{"export", "plan"}, code: 2, stderr: "say where to save the PDF with --out FILE"},
		{args: []string{"export", "plan", "--out", plan, "extra"}, code: 2, stderr: `unexpected "extra"`},
		{args: []string{"export", "plan", "--out", plan, "--generated", "someday"}, code: 2, stderr: "--generated:"},
		{args: []string{"export", "statement", "--from", "2026-06-30", "--to", "2026-04-01", "--out", filepath.Join(out, "b.pdf")}, code: 1, stderr: "runs backwards"},
		{args: []string{"export", "plan", "--out", filepath.Join(out, "missing", "plan.pdf")}, code: 1,
			stderr: "Could not save the PDF to " + filepath.Join(out, "missing", "plan.pdf") + ": the folder does not exist or you cannot write there. Choose another place."},
		{args: []string{"export", "plan", "--out", out}, code: 1, stderr: "there is already a folder with that name. Choose another name."},
		{args: []string{"export"}, code: 2, stderr: "needs one of: plan, assessment, statement"},
		{args: []string{"help", "export", "statement"}, stdout: "--from"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := ctl(t, append([]string{"--data", dir}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stdout %q (want %q), stderr %q (want %q)", stdout, tc.stdout, stderr, tc.stderr)
			}
			if tc.file != "" {
				b, err := os.ReadFile(tc.file)
				if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
					t.Errorf("%s is not a PDF: %v", tc.file, err)
				}
			}
		})
	}
	// The same data and date give the same file.
	again := filepath.Join(out, "again.pdf")
	if code, _, stderr := ctl(t, "--data", dir, "export", "plan", "--out", again, "--generated", "2026-11-23"); code != 0 {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(plan)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two exports with the same --generated date differ")
	}
}

func TestExportNeedsData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing")
	code, _, stderr := ctl(t, "--data", dir, "export", "plan", "--out", filepath.Join(t.TempDir(), "p.pdf"))
	if code != 1 || !strings.Contains(stderr, "ownplanctl init") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
