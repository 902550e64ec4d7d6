package app_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func openEvidenceApp(t *testing.T) (*app.App, context.Context) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Init(ctx, filepath.Join(t.TempDir(), "data"), "Zoë Ó Briain")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, ctx
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func docxBytes(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`+
		text+`</w:t></w:r></w:p></w:body></w:document>`)
	zw.Close()
	return b.Bytes()
}

func fixturePDF(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../shared/fixtures/ot-report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEvidenceAddFindGetAndProve(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	pdf := fixturePDF(t)
	notes := []byte("Notes from the OT visit: Zoë needs a perching stool.")
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "OT report", Kind: "Medical or OT report", From: "Ipswich Hospital",
		LetterDate: store.NewDate(2026, 9, 14), Tags: []string{"health", "home"},
		Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "my-needs"}}},
		[]string{writeFile(t, "ot-report.pdf", pdf), writeFile(t, "visit.pdf", notes)})
	if err != nil {
		t.Fatal(err)
	}
	if it.Kind != "medical" || it.Received != store.Today() || len(it.Files) != 2 || len(it.Links) != 1 {
		t.Fatalf("saved %+v", it)
	}
	// The type comes from the content, not the name.
	if f := it.Files[0]; f.MediaType != "application/pdf" || f.TextState != store.TextSearchable {
		t.Errorf("PDF file %+v", f)
	}
	if f := it.Files[1]; !strings.HasPrefix(f.MediaType, "text/plain") || f.TextState != store.TextSearchable {
		t.Errorf("text called .pdf: %+v", f)
	}
	word, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Assessment notes", Kind: "assessment"},
		[]string{writeFile(t, "notes.docx", docxBytes(t, "Care Act assessment: eligible for support with bathing"))})
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		query, id, snippet string
	}{
		{"wet room", it.ID, "[wet] [room]"},
		{"perching", it.ID, "[perching]"},
		{"bathing", word.ID, "[bathing]"},
		{"Ipswich", it.ID, "[Ipswich]"},
	} {
		hits, err := a.SearchEvidence(ctx, tc.query, 10)
		if err != nil || len(hits) != 1 || hits[0].ID != tc.id || !strings.Contains(hits[0].Snippet, tc.snippet) {
			t.Errorf("search %q: %+v %v", tc.query, hits, err)
			continue
		}
		var matched []string
		for _, p := range hits[0].Parts {
			if p.Match {
				matched = append(matched, p.Text)
			}
		}
		if len(matched) == 0 {
			t.Errorf("search %q: no part marked as the match", tc.query)
		}
	}

	// The file comes back byte for byte.
	out := filepath.Join(t.TempDir(), "got.pdf")
	if err := a.SaveEvidenceFile(ctx, it.Files[0], out); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, pdf) {
		t.Error("the file got back differs from the one added")
	}
	view, err := a.ViewableCopy(ctx, it.Files[0])
	if err != nil || filepath.Base(view) != "ot-report.pdf" {
		t.Errorf("viewable copy %s %v", view, err)
	}
	if got, _ := os.ReadFile(view); !bytes.Equal(got, pdf) {
		t.Error("the viewable copy differs")
	}
	os.RemoveAll(filepath.Dir(view))

	check, err := a.VerifyEvidence(ctx)
	if err != nil || check.Checked != 3 || len(check.Problems) != 0 {
		t.Fatalf("verify %+v %v", check, err)
	}
	// Damage the kept PDF: verify names it, and getting it fails
	// without writing anything.
	blob := filepath.Join(a.Dir(), "blobs", "sha256", it.Files[0].SHA256[:2], it.Files[0].SHA256[2:])
	os.Chmod(blob, 0o600)
	damaged := append([]byte(nil), pdf...)
	damaged[100] ^= 1
	if err := os.WriteFile(blob, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	check, _ = a.VerifyEvidence(ctx)
	if len(check.Problems) != 1 || check.Problems[0].FileName != "ot-report.pdf" || check.Problems[0].Problem != "damaged" {
		t.Errorf("verify after damage: %+v", check)
	}
	out2 := filepath.Join(t.TempDir(), "again.pdf")
	if err := a.SaveEvidenceFile(ctx, it.Files[0], out2); !errors.Is(err, store.ErrBlobDamaged) {
		t.Errorf("getting a damaged file: %v", err)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Error("a damaged file was written out")
	}
}

func TestEvidenceBadFiles(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.pdf")
	f, _ := os.Create(huge)
	f.Truncate(store.MaxBlobSize + 1) // sparse: no disk space used
	f.Close()
	good := writeFile(t, "good.txt", []byte("a good letter"))
	for _, tc := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"missing", []string{good, filepath.Join(dir, "nope.pdf")}, "no such file"},
		{"empty", []string{writeFile(t, "empty.pdf", nil)}, "empty (0 bytes)"},
		{"folder", []string{dir}, "is a folder"},
		{"too large", []string{huge}, "larger than 100 MB"},
		{"none", nil, "choose at least one file"},
	} {
		_, err := a.AddEvidence(ctx, store.EvidenceItem{Title: tc.name}, tc.paths)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	items, _ := a.EvidenceList(ctx, app.EvidenceFilter{})
	if len(items) != 0 {
		t.Errorf("bad files added %d items", len(items))
	}
	// A damaged PDF, a scan and a zip bomb are kept, flagged, and the
	// vault stays sound.
	pdf := fixturePDF(t)
	// A zip bomb: document.xml says it unpacks to 70 GB.
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write([]byte("<w:document><w:body><w:p><w:t>"))
	fw.Write(bytes.Repeat([]byte("a"), 1<<20))
	fw.Close()
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: 70 << 30})
	w.Write(raw.Bytes())
	zw.Close()
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Odd files"}, []string{
		writeFile(t, "damaged.pdf", pdf[:len(pdf)/2]),
		writeFile(t, "bomb.docx", bomb.Bytes()),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range it.Files {
		if f.TextState != store.TextNotSearchable || f.TextNote == "" {
			t.Errorf("%s: %s %q", f.Name, f.TextState, f.TextNote)
		}
	}
	if check, err := a.VerifyEvidence(ctx); err != nil || len(check.Problems) != 0 || check.Checked != 2 {
		t.Errorf("verify %+v %v", check, err)
	}
	// Bad details are explained and nothing is saved.
	for _, tc := range []struct {
		it   store.EvidenceItem
		want string
	}{
		{store.EvidenceItem{Title: "x", Kind: "shoe"}, "not a kind of evidence"},
		{store.EvidenceItem{Title: "x", Received: store.Today().AddDays(5)}, "in the future"},
		{store.EvidenceItem{Title: "x", LetterDate: store.NewDate(1066, 10, 14)}, "cannot be right"},
		{store.EvidenceItem{Title: "x", Deadline: store.Today(), DeadlineKind: "whenever"}, "not a kind of deadline"},
		{store.EvidenceItem{Title: "x", Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "nope"}}}, "no plan section"},
		{store.EvidenceItem{Title: "x", Links: []store.EvidenceLink{{TargetKind: store.LinkOutcome, TargetID: "flying"}}}, "no outcome"},
	} {
		if _, err := a.AddEvidence(ctx, tc.it, []string{good}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.it, err, tc.want)
		}
	}
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 1 {
		t.Errorf("%d items after bad details, want 1", len(items))
	}
}

func TestEvidenceFiltersBinAndLinks(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	add := func(title, kind string, date store.Date, tags ...string) store.EvidenceItem {
		t.Helper()
		it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: title, Kind: kind, LetterDate: date, Tags: tags},
			[]string{writeFile(t, "f.txt", []byte(title))})
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	taxi := add("Taxi receipt", "receipt", store.NewDate(2026, 3, 2), "transport")
	swim := add("Swim receipt", "receipt", store.NewDate(2025, 7, 9), "leisure")
	gp := add("GP letter", "medical", store.NewDate(2026, 1, 20), "health", "transport")
	for _, tc := range []struct {
		f    app.EvidenceFilter
		want []string
	}{
		{app.EvidenceFilter{}, []string{taxi.ID, gp.ID, swim.ID}},
		{app.EvidenceFilter{Kind: "receipt"}, []string{taxi.ID, swim.ID}},
		{app.EvidenceFilter{Tag: "TRANSPORT"}, []string{taxi.ID, gp.ID}},
		{app.EvidenceFilter{Year: 2025}, []string{swim.ID}},
		{app.EvidenceFilter{Kind: "receipt", Year: 2026}, []string{taxi.ID}},
	} {
		items, err := a.EvidenceList(ctx, tc.f)
		var got []string
		for _, it := range items {
			got = append(got, it.ID)
		}
		if err != nil || strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%+v: %v %v", tc.f, got, err)
		}
	}
	if years, _ := a.EvidenceYears(ctx); len(years) != 2 || years[0] != 2026 {
		t.Errorf("years %v", years)
	}
	if tags, _ := a.EvidenceTags(ctx); strings.Join(tags, ",") != "health,leisure,transport" {
		t.Errorf("tags %v", tags)
	}

	l := store.EvidenceLink{TargetKind: store.LinkOutcome, TargetID: "community"}
	if err := a.LinkEvidence(ctx, taxi.ID, l); err != nil {
		t.Fatal(err)
	}
	if items, _ := a.EvidenceFor(ctx, "outcome", "community"); len(items) != 1 || items[0].ID != taxi.ID {
		t.Errorf("evidence for community: %v", items)
	}
	if got := a.LinkLabel(ctx, l); got != "Outcome: Getting out and about" {
		t.Errorf("label %q", got)
	}
	if got := a.LinkLabel(ctx, store.EvidenceLink{TargetKind: store.LinkPlanSection, TargetID: "my-money"}); got != "Plan: How I will use my money" {
		t.Errorf("label %q", got)
	}
	targets, _ := a.LinkTargets(ctx)
	if len(targets) < 15 {
		t.Errorf("%d link targets", len(targets))
	}

	if err := a.BinEvidence(ctx, taxi.ID); err != nil {
		t.Fatal(err)
	}
	if items, _ := a.EvidenceFor(ctx, "outcome", "community"); len(items) != 0 {
		t.Errorf("binned evidence still shown for the outcome: %v", items)
	}
	if hits, _ := a.SearchEvidence(ctx, "taxi", 10); len(hits) != 0 {
		t.Errorf("binned evidence found: %v", hits)
	}
	if binned, _ := a.EvidenceList(ctx, app.EvidenceFilter{InBin: true}); len(binned) != 1 {
		t.Errorf("bin holds %d", len(binned))
	}
	if err := a.RestoreEvidence(ctx, taxi.ID); err != nil {
		t.Fatal(err)
	}
	if hits, _ := a.SearchEvidence(ctx, "taxi", 10); len(hits) != 1 {
		t.Errorf("restored evidence not found: %v", hits)
	}
	a.BinEvidence(ctx, swim.ID)
	res, err := a.EmptyEvidenceBin(ctx)
	if err != nil || res.Items != 1 || res.Blobs != 1 {
		t.Errorf("empty bin %+v %v", res, err)
	}
	if err := a.RestoreEvidence(ctx, swim.ID); err == nil {
		t.Error("restored after emptying")
	}
	if err := a.BinEvidence(ctx, "NOPE"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("bin unknown: %v", err)
	}
}

func TestEvidenceExportZip(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	pdf := fixturePDF(t)
	ot, _ := a.AddEvidence(ctx, store.EvidenceItem{Title: "OT report: home visit", Kind: "medical", From: "Ipswich Hospital",
		LetterDate: store.NewDate(2026, 9, 14), Notes: "Says <two> people & a hoist"},
		[]string{writeFile(t, "report.pdf", pdf), writeFile(t, "report.pdf", []byte("second file, same name"))})
	gp, _ := a.AddEvidence(ctx, store.EvidenceItem{Title: "GP letter", Kind: "medical", Deadline: store.NewDate(2026, 12, 1)},
		[]string{writeFile(t, "gp.txt", []byte("fatigue"))})
	out := filepath.Join(t.TempDir(), "for-the-meeting.zip")
	n, err := a.ExportEvidence(ctx, []string{ot.ID, gp.ID}, out)
	if err != nil || n != 3 {
		t.Fatalf("export %d %v", n, err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if !bytes.Equal(files["01 OT report_ home visit/report.pdf"], pdf) {
		t.Errorf("exported PDF differs or is misnamed: %v", keysOf(files))
	}
	if string(files["01 OT report_ home visit/report (2).pdf"]) != "second file, same name" {
		t.Errorf("same-named file: %v", keysOf(files))
	}
	txt, html := string(files["index.txt"]), string(files["index.html"])
	for _, want := range []string{"Evidence from OwnPlan for Zoë Ó Briain", "1. OT report: home visit", "Kind: Medical or OT report",
		"From: Ipswich Hospital", "Date on the letter: 14 September 2026", "Deadline: Reply by 1 December 2026", ot.Files[0].SHA256} {
		if !strings.Contains(txt, want) {
			t.Errorf("index.txt lacks %q:\n%s", want, txt)
		}
	}
	for _, want := range []string{`<html lang="en-GB">`, "Says &lt;two&gt; people &amp; a hoist", `href="01%20OT%20report_%20home%20visit/report.pdf"`} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// A damaged file stops the export, and no zip is left.
	blob := filepath.Join(a.Dir(), "blobs", "sha256", gp.Files[0].SHA256[:2], gp.Files[0].SHA256[2:])
	os.Remove(blob)
	out2 := filepath.Join(t.TempDir(), "again.zip")
	if _, err := a.ExportEvidence(ctx, []string{ot.ID, gp.ID}, out2); err == nil || !strings.Contains(err.Error(), "gp.txt") {
		t.Errorf("export with a missing file: %v", err)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Error("a half export was left behind")
	}
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestEvidenceTitleFromFileName(t *testing.T) {
	for in, want := range map[string]string{
		"/x/OT_report-2026.pdf": "OT report 2026",
		"letter.pdf":            "Letter",
		".pdf":                  "Document",
		"zoë’s scan.jpeg":       "Zoë’s scan",
	} {
		if got := app.TitleFromFileName(in); got != want {
			t.Errorf("TitleFromFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEvidenceKindWordsPeopleType(t *testing.T) {
	for typed, want := range map[string]string{
		"report": "medical", "OT": "medical", "ot report": "medical", "GP": "medical", "gp-letter": "medical",
		"Medical or OT report": "medical", "consultant": "medical",
		"letter": "correspondence", "Letter": "correspondence", "e-mail": "correspondence", "email": "correspondence",
		"decision-letter": "decision", "Decision_Letter": "decision", "decision letter": "decision", "decision": "decision",
		"eligibility": "decision", "support plan": "support-plan", "support-plan": "support-plan", "care plan": "support-plan",
		"receipts": "receipt", "invoice": "receipt", "time sheet": "timesheet", "timesheets": "timesheet",
		"carer's assessment": "assessment", "carer’s assessment": "assessment", " Assessment ": "assessment",
		"complaints": "complaint", "ombudsman": "complaint", "annual review": "review", "other": "other",
	} {
		got, err := app.EvidenceKindKey(typed)
		if err != nil || got != want {
			t.Errorf("EvidenceKindKey(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, typed := range []string{"shoe", "", "reports and letters", "s"} {
		_, err := app.EvidenceKindKey(typed)
		if err == nil || !strings.Contains(err.Error(), "not a kind of evidence OwnPlan knows; use one of: assessment, decision,") {
			t.Errorf("EvidenceKindKey(%q): %v", typed, err)
		}
	}
	// No word may mean two kinds.
	seen := map[string]string{}
	for _, k := range app.EvidenceKinds {
		for _, w := range append([]string{k.Key, k.Label}, k.Aliases...) {
			if other, ok := seen[strings.ToLower(w)]; ok && other != k.Key {
				t.Errorf("%q means both %s and %s", w, other, k.Key)
			}
			seen[strings.ToLower(w)] = k.Key
		}
	}
	// The words work when adding.
	a, ctx := openEvidenceApp(t)
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "GP letter", Kind: "GP"}, []string{writeFile(t, "gp.txt", []byte("fatigue"))})
	if err != nil || it.Kind != "medical" {
		t.Errorf("add with kind GP: %v %q", err, it.Kind)
	}
}
