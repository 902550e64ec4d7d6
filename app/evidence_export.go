package app

import (
	"archive/zip"
	"context"
	"fmt"
	"html"
	"io"
	"path"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
)

// ExportEvidence saves the chosen items as one zip file at out, for a
// meeting or a complaint: a folder per item holding its files exactly as
// they were added, and an index (index.html to open in a browser,
// index.txt for anything else) listing each item's title, kind, sender,
// dates, reference, deadline, notes and files with their SHA-256, so the
// reader can check nothing was changed. Every file is checked as it is
// copied; when one is damaged or missing, no zip is written and the
// error names it. It returns the number of files exported.
func (a *App) ExportEvidence(ctx context.Context, ids []string, out string) (int, error) {
	if len(ids) == 0 {
		return 0, fmt.Errorf("export: choose at least one document")
	}
	var items []store.EvidenceItem
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		it, err := a.EvidenceItem(ctx, id)
		if err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
		items = append(items, it)
	}
	p, _, err := a.Profile(ctx)
	if err != nil {
		return 0, err
	}
	st := a.store()
	entries := exportEntries(items)
	n := 0
	err = store.WriteFileAtomic(out, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		now := time.Now()
		for _, name := range []string{"index.html", "index.txt"} {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
			if err != nil {
				return err
			}
			index := exportIndexText(p.Name, items, entries, now)
			if name == "index.html" {
				index = exportIndexHTML(p.Name, items, entries, now)
			}
			if _, err := io.WriteString(fw, index); err != nil {
				return err
			}
		}
		for i, it := range items {
			for j, f := range it.Files {
				if err := ctx.Err(); err != nil {
					return err
				}
				fw, err := zw.CreateHeader(&zip.FileHeader{Name: entries[i][j], Method: zip.Deflate, Modified: now})
				if err != nil {
					return err
				}
				if err := st.CopyBlob(ctx, f.SHA256, fw); err != nil {
					return fmt.Errorf("%s (in %q): %w", f.Name, it.Title, err)
				}
				n++
			}
		}
		return zw.Close()
	})
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// exportEntries names each file inside the zip: "01 Title/name.pdf",
// with a number added to repeated names.
func exportEntries(items []store.EvidenceItem) [][]string {
	out := make([][]string, len(items))
	for i, it := range items {
		folder := fmt.Sprintf("%02d %s", i+1, SafeFileName(it.Title))
		used := map[string]bool{}
		for _, f := range it.Files {
			name := SafeFileName(f.Name)
			for k := 2; used[strings.ToLower(name)]; k++ {
				ext := path.Ext(f.Name)
				name = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(SafeFileName(f.Name), ext), k, ext)
			}
			used[strings.ToLower(name)] = true
			out[i] = append(out[i], folder+"/"+name)
		}
	}
	return out
}

// exportFacts lists an item's details as label and value, leaving out
// empty ones.
func exportFacts(it store.EvidenceItem) [][2]string {
	facts := [][2]string{
		{"Kind", EvidenceKindLabel(it.Kind)},
		{"From", it.From},
		{"Date on the letter", FormatEvidenceDate(it.LetterDate)},
		{"Received", FormatEvidenceDate(it.Received)},
		{"Reference", it.Reference},
		{"Tags", strings.Join(it.Tags, ", ")},
		{"Notes", it.Notes},
	}
	if !it.Deadline.IsZero() {
		d := DeadlineKindLabel(it.DeadlineKind) + " " + FormatEvidenceDate(it.Deadline)
		if it.DeadlineDone {
			d += " (done)"
		}
		facts = append(facts, [2]string{"Deadline", d})
	}
	var out [][2]string
	for _, f := range facts {
		if strings.TrimSpace(f[1]) != "" {
			out = append(out, f)
		}
	}
	return out
}

func exportIndexText(person string, items []store.EvidenceItem, entries [][]string, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Evidence from OwnPlan for %s\r\nExported %s. %d documents.\r\n", person, FormatEvidenceDate(store.DateOf(now)), len(items))
	b.WriteString("Each file is exactly as it was added. Its SHA-256 is listed so anyone can check it has not been changed.\r\n")
	for i, it := range items {
		fmt.Fprintf(&b, "\r\n%d. %s\r\n", i+1, it.Title)
		for _, f := range exportFacts(it) {
			fmt.Fprintf(&b, "   %s: %s\r\n", f[0], strings.ReplaceAll(f[1], "\n", "\r\n      "))
		}
		b.WriteString("   Files:\r\n")
		for j, f := range it.Files {
			fmt.Fprintf(&b, "   - %s (%s)\r\n     SHA-256 %s\r\n", entries[i][j], FormatSize(f.Size), f.SHA256)
		}
	}
	return b.String()
}

func exportIndexHTML(person string, items []store.EvidenceItem, entries [][]string, now time.Time) string {
	e := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence for %s</title>
<style>body{font-family:sans-serif;font-size:1.1rem;line-height:1.5;max-width:50rem;margin:1rem auto;padding:0 1rem}dt{font-weight:bold}dd{margin:0 0 .5rem 0;white-space:pre-wrap}code{font-size:.8rem;word-break:break-all}</style>
</head>
<body>
<h1>Evidence for %s</h1>
<p>Exported from OwnPlan on %s: %d documents. Each file is exactly as it was added; its SHA-256 is listed so anyone can check it has not been changed.</p>
`, e(person), e(person), e(FormatEvidenceDate(store.DateOf(now))), len(items))
	b.WriteString("<ol>\n")
	for i, it := range items {
		fmt.Fprintf(&b, "<li><a href=\"#item-%d\">%s</a></li>\n", i+1, e(it.Title))
	}
	b.WriteString("</ol>\n")
	for i, it := range items {
		fmt.Fprintf(&b, "<h2 id=\"item-%d\">%d. %s</h2>\n<dl>\n", i+1, i+1, e(it.Title))
		for _, f := range exportFacts(it) {
			fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>\n", e(f[0]), e(f[1]))
		}
		b.WriteString("</dl>\n<p>Files:</p>\n<ul>\n")
		for j, f := range it.Files {
			href := strings.ReplaceAll(entries[i][j], "%", "%25")
			href = strings.NewReplacer(" ", "%20", "#", "%23", "?", "%3F").Replace(href)
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a> (%s)<br><code>SHA-256 %s</code></li>\n",
				e(href), e(path.Base(entries[i][j])), e(FormatSize(f.Size)), e(f.SHA256))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
