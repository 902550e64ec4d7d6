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
	b.Run("text-only", func(b *testing.B) {
		b.SetBytes(int64(len(pdf)))
		for i := 0; i < b.N; i++ {
			doctext.Extract(ctx, bytes.NewReader(pdf), int64(len(pdf)), doctext.PDF)
		}
	})
}
