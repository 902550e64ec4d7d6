package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/doctext"
	"github.com/ownplan/ownplan/assets"
	"github.com/ownplan/ownplan/store"
)

// bigPDF makes a PDF of about size bytes: pages of text in Noto Sans,
// each with a photo-like picture, as a long scanned-and-typed report is.
func bigPDF(b *testing.B, size int) []byte {
	b.Helper()
	r := rand.New(rand.NewSource(1))
	img := image.NewRGBA(image.Rect(0, 0, 500, 400))
	r.Read(img.Pix) // noise does not compress, like a photo
	var pic bytes.Buffer
	jpeg.Encode(&pic, img, &jpeg.Options{Quality: 90})
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("noto", "", assets.NotoSansRegular)
	para := strings.Repeat("Zoë needs help with transfers on bad days; the occupational therapist recommends a wet room and a through-floor lift. ", 12)
	for page := 0; !f.Err(); page++ {
		f.AddPage()
		f.SetFont("noto", "", 11)
		f.MultiCell(0, 5, fmt.Sprintf("Page %d. %s", page+1, para), "", "L", false)
		name := fmt.Sprintf("pic%d", page)
		// A different picture on every page, so none is shared.
		data := pic.Bytes()
		data[len(data)/2] = byte(page)
		f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(data))
		f.ImageOptions(name, 20, 150, 170, 0, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		if (page+1)*pic.Len() >= size {
			break
		}
	}
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

// textPDF makes a PDF of about size bytes that is nothing but text: page
// after page of words and figures, as a very long typed report or a
// bundle of letters printed to PDF is. It holds far more text than
// Extract keeps.
func textPDF(b *testing.B, size int) []byte {
	b.Helper()
	words := strings.Fields("council support plan assessment review budget payment personal assistant needs outcome " +
		"eligible wellbeing bathroom stairs transfers shower kitchen meals medication appointment hospital therapist " +
		"decision complaint ombudsman advocate weekend morning evening holiday wages insurance payroll timesheet receipt")
	make := func(pages int) []byte {
		r := rand.New(rand.NewSource(2))
		f := fpdf.New("P", "mm", "A4", "")
		var line strings.Builder
		for page := 0; page < pages; page++ {
			f.AddPage()
			f.SetFont("Helvetica", "", 9)
			for l := 0; l < 60; l++ {
				line.Reset()
				for line.Len() < 110 {
					fmt.Fprintf(&line, "%s %d ", words[r.Intn(len(words))], r.Intn(100000))
				}
				f.Text(10, 10+float64(l)*4.5, line.String())
			}
		}
		var out bytes.Buffer
		if err := f.Output(&out); err != nil {
			b.Fatal(err)
		}
		return out.Bytes()
	}
	sample := make(100)
	return make(100 * size / len(sample))
}

// BenchmarkEvidenceAdd20MB adds a 20 MB PDF: copying it into the vault
// with its SHA-256, syncing it to disk, checking it, sniffing its type,
// reading the text of every page and indexing it for search.
//
//	go test ./app/ -run '^$' -bench BenchmarkEvidenceAdd20MB -benchtime 5x
func BenchmarkEvidenceAdd20MB(b *testing.B) {
	pdf := bigPDF(b, 20<<20)
	path := filepath.Join(b.TempDir(), "long report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	res := doctext.Extract(ctx, bytes.NewReader(pdf), int64(len(pdf)), "")
	b.Logf("PDF of %.1f MB, %d KB of text, %s", float64(len(pdf))/(1<<20), len(res.Text)>>10, res.State)
	b.Run("add", func(b *testing.B) {
		b.SetBytes(int64(len(pdf)))
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			a, err := app.Init(ctx, filepath.Join(b.TempDir(), fmt.Sprint(i)), "Zoë")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Long report"}, []string{path})
			if err != nil || it.Files[0].TextState != store.TextSearchable {
				b.Fatal(err, it.Files)
			}
			b.StopTimer()
			a.Close()
			b.StartTimer()
		}
	})
	// A PDF that is text from end to end holds far more words than a
	// letter; Extract keeps the first 1 MB of them for search.
	textHeavy := textPDF(b, 20<<20)
	heavyPath := filepath.Join(b.TempDir(), "bundle.pdf")
	if err := os.WriteFile(heavyPath, textHeavy, 0o600); err != nil {
		b.Fatal(err)
	}
	res = doctext.Extract(ctx, bytes.NewReader(textHeavy), int64(len(textHeavy)), "")
	b.Logf("text-only PDF of %.1f MB, %d KB of text kept, %s", float64(len(textHeavy))/(1<<20), len(res.Text)>>10, res.State)
	b.Run("add-all-text", func(b *testing.B) {
		b.SetBytes(int64(len(textHeavy)))
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			a, err := app.Init(ctx, filepath.Join(b.TempDir(), fmt.Sprint(i)), "Zoë")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Bundle"}, []string{heavyPath})
			if err != nil || it.Files[0].TextState != store.TextSearchable {
				b.Fatal(err, it.Files)
			}
			b.StopTimer()
			a.Close()
			b.StartTimer()
		}
	})
	b.Run("text-only", func(b *testing.B) {
		b.SetBytes(int64(len(pdf)))
		for i := 0; i < b.N; i++ {
			doctext.Extract(ctx, bytes.NewReader(pdf), int64(len(pdf)), doctext.PDF)
		}
	})
}
