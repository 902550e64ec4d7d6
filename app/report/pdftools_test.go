package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests read rendered PDFs back with poppler-utils (pdftotext,
// pdfinfo, pdffonts, pdftohtml), as a reader's PDF viewer would. Install
// them with "apt-get install poppler-utils"; CI has them.

// needTool skips the test if the poppler tool is not installed.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (apt-get install poppler-utils); skipping the check of the rendered PDF", name)
	}
}

// render renders d or fails the test.
func render(t testing.TB, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Render(&buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// runTool writes pdf to a temporary file and runs a poppler tool on it
// with args before the file name, returning standard output.
func runTool(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	needTool(t, tool)
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" || tool == "pdftohtml" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v\n%s", tool, args, err, msg)
	}
	return string(out)
}

// pageTexts returns the text of each page, in reading order.
func pageTexts(t testing.TB, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(runTool(t, pdf, "pdftotext", "-enc", "UTF-8"), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// pageCount returns the page count pdfinfo reports.
func pageCount(t testing.TB, pdf []byte) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(runTool(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo reported no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// lines returns the trimmed, non-empty lines of s.
func lines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
