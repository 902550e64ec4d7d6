package doctext

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

func extract(b []byte) Result {
	return Extract(context.Background(), bytes.NewReader(b), int64(len(b)), "")
}

func TestDoctextSniff(t *testing.T) {
	random := make([]byte, 2000)
	rand.Read(random)
	random[0], random[1] = 0x00, 0x01 // keep it from looking like text by chance
	fixture, err := os.ReadFile("../../../shared/fixtures/ot-report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"pdf", fixture, PDF},
		{"pdf after junk", append([]byte("\r\n\x00junk"), fixture...), PDF},
		{"docx", docx(t, `<w:p><w:r><w:t>Hi</w:t></w:r></w:p>`), DOCX},
		{"other zip", func() []byte {
			b := docx(t, "")
			return bytes.Replace(b, []byte("word/document.xml"), []byte("word/other000.xml"), -1)
		}(), Zip},
		{"odt", odt(t, `<text:p>Hi</text:p>`), ODT},
		{"iPhone photo", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), HEIC},
		{"png", pngImage(t), "image/png"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "image/jpeg"},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), TIFF},
		{"email", []byte(sampleEmail), Email},
		{"text that starts like a header", []byte("Note: remember to ask about the wet room.\nFrom: me"), Text},
		{"text", []byte("Just some notes about the meeting.\n"), Text},
		{"empty", nil, Unknown},
		{"random", random, Unknown},
	} {
		if got := Sniff(bytes.NewReader(tc.data), int64(len(tc.data))); got != tc.want {
			t.Errorf("%s: Sniff = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDoctextExtract(t *testing.T) {
	fixture, err := os.ReadFile("../../../shared/fixtures/ot-report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	letter := letterPDF(t, nil)
	random := make([]byte, 64<<10)
	rand.Read(random)
	for _, tc := range []struct {
		name      string
		data      []byte
		mediaType string // empty: sniff
		state     State
		want      []string // must appear in the text
		notWant   []string
		note      string // must appear in the note
	}{
		{name: "fixture PDF", data: fixture, state: Searchable,
			want: []string{"Occupational Therapy Report\nClient: Zoe O Briain", "through-floor lift and a wet room", "two people on a bad day"}},
		{name: "Noto PDF", data: letter, state: Searchable,
			want: []string{"Dear Zoë Ó Briain", "£18,200.00 a year", "Łukasz Nowak", "We’d like your reply by 23", "2026 – thank you",
				"Adult Social Care Endeavour House", "Page two: a through-floor lift"}},
		// The library cannot decrypt fpdf's RC4 pages even without a
		// password to open; the file is kept and flagged.
		{name: "PDF protected against copying", data: letterPDF(t, func(f *fpdf.Fpdf) { f.SetProtection(fpdf.CnProtectPrint, "", "owner") }),
			state: NotSearchable, note: "protected"},
		{name: "PDF with a password", data: letterPDF(t, func(f *fpdf.Fpdf) { f.SetProtection(fpdf.CnProtectPrint, "secret", "owner") }),
			state: NotSearchable, note: "protected"},
		{name: "scanned PDF", data: scanPDF(t), state: NotSearchable, note: "probably a scan"},
		{name: "damaged PDF", data: letter[:len(letter)/2], state: NotSearchable, note: "damaged"},
		{name: "PDF header only", data: []byte("%PDF-1.7\n%%EOF\n"), state: NotSearchable, note: "damaged"},
		{name: "PDF 2.0 header", data: bytes.Replace(fixture, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1), state: Searchable, want: []string{"wet room"}},
		{name: "random bytes called a PDF", data: random, mediaType: PDF, state: NotSearchable, note: "damaged"},
		{name: "random bytes", data: random, state: NoText, note: "cannot read the words"},
		{name: "DOCX", data: docx(t, `<w:p><w:r><w:t>Care Act assessment</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> for Zoë &amp; family</w:t></w:r></w:p>`+
			`<w:p><w:r><w:t>Second paragraph</w:t><w:br/><w:t>after a break</w:t></w:r></w:p>`), state: Searchable,
			want: []string{"Care Act assessment\t for Zoë & family\nSecond paragraph\nafter a break"}},
		{name: "ODT", data: odt(t, `<text:h>Direct payment agreement</text:h><text:p>Dear Zoë,<text:tab/>£350<text:s text:c="3"/>a week.<text:line-break/>Ref DP-0042</text:p>`+
			`<table:table><table:table-row><table:table-cell><text:p>PA wages</text:p></table:table-cell><table:table-cell><text:p>£280</text:p></table:table-cell></table:table-row></table:table>`),
			state: Searchable, want: []string{"Direct payment agreement\nDear Zoë,\t£350   a week.\nRef DP-0042", "PA wages"}, notWant: []string{"STYLE-WORD", "STYLES-FILE-WORD"}},
		{name: "DOCX with a header, footer and footnote", data: docxWith(t, `<w:p><w:r><w:t>Dear Zoë</w:t></w:r></w:p>`, map[string]string{
			"word/header1.xml":   `<w:hdr xmlns:w="x"><w:p><w:r><w:t>Our ref: ASC-0419-2271</w:t></w:r></w:p></w:hdr>`,
			"word/footer1.xml":   `<w:ftr xmlns:w="x"><w:p><w:r><w:t>Endeavour House, Ipswich</w:t></w:r></w:p></w:ftr>`,
			"word/footnotes.xml": `<w:footnotes xmlns:w="x"><w:footnote><w:p><w:r><w:t>Care Act 2014, s.25</w:t></w:r></w:p></w:footnote></w:footnotes>`,
			"word/header2.xml":   `<w:hdr xmlns:w="x"><w:p><w:t>broken`,
			"word/styles.xml":    `<w:styles xmlns:w="x"><w:t>STYLE-WORD</w:t></w:styles>`,
		}), state: Searchable, want: []string{"Dear Zoë", "Our ref: ASC-0419-2271", "Endeavour House, Ipswich", "Care Act 2014, s.25"}, notWant: []string{"STYLE-WORD"}},
		{name: "DOCX zip bomb", data: zipBomb(t, 80<<20, 80<<20), state: NotSearchable, note: "unpacks to far more"},
		{name: "ODT zip bomb", data: zipBombNamed(t, "content.xml", 80<<20, 80<<20), mediaType: ODT, state: NotSearchable, note: "unpacks to far more"},
		{name: "ODT zip bomb that lies about its size", data: zipBombNamed(t, "content.xml", 80<<20, 1000), mediaType: ODT, state: NotSearchable, note: "damaged"},
		{name: "DOCX zip bomb that lies about its size", data: zipBomb(t, 80<<20, 1000), state: NotSearchable, note: "damaged"},
		{name: "DOCX with broken XML", data: docx(t, `<w:p><w:t>half`), mediaType: DOCX, state: NotSearchable, note: "damaged"},
		{name: "e-mail", data: []byte(sampleEmail), state: Searchable,
			want: []string{"Subject: Your review meeting – notes", "From: Łukasz Nowak <lukasz@example.org>",
				"agreed £18,200 a year and a wet room. Zöe will reply by Friday", "Minutes: café meeting about transport"},
			notWant: []string{"HTML-ONLY-WORD"}},
		{name: "UTF-8 text", data: []byte("\xef\xbb\xbfNotes: Zoë’s wet room"), state: Searchable, want: []string{"Notes: Zoë’s wet room"}},
		{name: "Windows-1252 text", data: []byte("caf\xe9 \x93quoted\x94 \x80 5"), mediaType: Text, state: Searchable, want: []string{"café “quoted” € 5"}},
		{name: "UTF-16 text", data: []byte("\xff\xfeZ\x00o\x00\xeb\x00"), mediaType: Text, state: Searchable, want: []string{"Zoë"}},
		{name: "HTML", data: []byte("<html><head><title>x</title><style>p{}</style></head><body><p>Budget &pound;18,200</p><script>evil()</script></body></html>"),
			state: Searchable, want: []string{"Budget £18,200"}, notWant: []string{"evil", "p{}"}},
		{name: "photo", data: pngImage(t), state: NoText, note: "picture"},
		{name: "empty text", data: []byte("   \n\n "), mediaType: Text, state: NoText},
	} {
		var r Result
		if tc.mediaType != "" {
			r = Extract(context.Background(), bytes.NewReader(tc.data), int64(len(tc.data)), tc.mediaType)
		} else {
			r = extract(tc.data)
		}
		if r.State != tc.state {
			t.Errorf("%s: state %q (%s), want %q\n%s", tc.name, r.State, r.Note, tc.state, r.Text)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(r.Text, w) {
				t.Errorf("%s: text lacks %q:\n%s", tc.name, w, r.Text)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(r.Text, w) {
				t.Errorf("%s: text has %q:\n%s", tc.name, w, r.Text)
			}
		}
		if !strings.Contains(r.Note, tc.note) {
			t.Errorf("%s: note %q lacks %q", tc.name, r.Note, tc.note)
		}
		if r.State != Searchable && r.Text != "" {
			t.Errorf("%s: %s but text %q", tc.name, r.State, r.Text)
		}
		if !utf8.ValidString(r.Text) {
			t.Errorf("%s: text is not UTF-8", tc.name)
		}
	}
}

func TestDoctextLimits(t *testing.T) {
	long := bytes.Repeat([]byte("wet room "), 10000)
	lim := DefaultLimits
	lim.Text = 1000
	r := ExtractWithLimits(context.Background(), bytes.NewReader(long), int64(len(long)), "", lim)
	if r.State != Searchable || len(r.Text) > 1000 || len(r.Text) < 900 || !strings.Contains(r.Note, "only the first part") {
		t.Errorf("long text: %s %d %q", r.State, len(r.Text), r.Note)
	}
	// Cut part way through a character, the text stays valid UTF-8.
	accents := []byte(strings.Repeat("ë", 1000))
	r = ExtractWithLimits(context.Background(), bytes.NewReader(accents), int64(len(accents)), Text, lim)
	if !utf8.ValidString(r.Text) || len(r.Text) > 1000 {
		t.Errorf("cut accents: %d valid %v", len(r.Text), utf8.ValidString(r.Text))
	}
	// Many pages, each within the limit: the PDF stops at the text limit.
	pdf := letterPDF(t, nil)
	lim.Text = 100
	r = ExtractWithLimits(context.Background(), bytes.NewReader(pdf), int64(len(pdf)), "", lim)
	if r.State != Searchable || len(r.Text) > 100 || !strings.HasPrefix(r.Text, "Dear Zoë") {
		t.Errorf("PDF text limit: %s %d %q", r.State, len(r.Text), r.Text)
	}
	lim = DefaultLimits
	lim.Ops = 10
	r = ExtractWithLimits(context.Background(), bytes.NewReader(pdf), int64(len(pdf)), "", lim)
	if r.State != NotSearchable {
		t.Errorf("PDF over the operations limit: %s %q", r.State, r.Text)
	}
}

// slowReader takes a long time over every read, like a parser stuck on
// a hostile file.
type slowReader struct{ b []byte }

func (s slowReader) ReadAt(p []byte, off int64) (int, error) {
	time.Sleep(50 * time.Millisecond)
	return bytes.NewReader(s.b).ReadAt(p, off)
}

// panicReader makes the parser panic, as a bug in it would.
type panicReader struct{}

func (panicReader) ReadAt(p []byte, off int64) (int, error) {
	if off == 0 {
		copy(p, "%PDF-1.4\n")
		return min(len(p), 9), nil
	}
	panic("parser bug")
}

func TestDoctextNeverHangsOrCrashes(t *testing.T) {
	pdf := letterPDF(t, nil)
	lim := DefaultLimits
	lim.Time = 200 * time.Millisecond
	start := time.Now()
	r := ExtractWithLimits(context.Background(), slowReader{pdf}, int64(len(pdf)), PDF, lim)
	if took := time.Since(start); took > time.Second {
		t.Errorf("slow file took %v, limit 200ms", took)
	}
	if r.State != NotSearchable || !strings.Contains(r.Note, "too long") {
		t.Errorf("slow file: %s %q", r.State, r.Note)
	}
	r = ExtractWithLimits(context.Background(), panicReader{}, 1000, PDF, DefaultLimits)
	if r.State != NotSearchable || !strings.Contains(r.Note, "damaged") {
		t.Errorf("parser panic: %s %q", r.State, r.Note)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = Extract(ctx, bytes.NewReader(pdf), int64(len(pdf)), PDF)
	if r.State == Searchable {
		t.Errorf("cancelled: %s", r.State)
	}
}

func TestDoctextDecodeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                "plain",
		"\xef\xbb\xbfbom":      "bom",
		"caf\xe9":              "café", // Latin-1, not a cut-off UTF-8 character
		"Zo\xc3\xab":           "Zoë",
		"\xfe\xff\x00Z\x00o":   "Zo",
		"\x80\x85\x91\x92\x96": "€…‘’–",
	} {
		if got := DecodeText([]byte(in)); got != want {
			t.Errorf("DecodeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDoctextPDFPageTree(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	page := func(parent int, contents int) string {
		return fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", parent, contents)
	}
	for _, tc := range []struct {
		name string
		pdf  []byte
		want string
	}{
		{"nested branches, in order", rawPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 3 >>",
			font,
			"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R 7 0 R] /Count 2 >>",
			page(2, 10),
			page(4, 8),
			page(4, 9),
			rawStream("BT /F1 12 Tf 72 700 Td (first page) Tj ET"),
			rawStream("BT /F1 12 Tf 72 700 Td (second page) Tj ET"),
			rawStream("BT /F1 12 Tf 72 700 Td (third page) Tj ET"),
		), "first page\n\nsecond page\n\nthird page"},
		{"a page without /Type", rawPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
			font,
			"<< /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
			rawStream("BT /F1 12 Tf 72 700 Td (untyped page) Tj ET"),
		), "untyped page"},
		{"a tree that loops back on itself", rawPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 4 0 R 2 0 R] /Count 1 >>",
			font,
			page(2, 5),
			rawStream("BT /F1 12 Tf 72 700 Td (looped page) Tj ET"),
		), "looped page"},
	} {
		start := time.Now()
		r := extract(tc.pdf)
		if r.State != Searchable || !strings.HasPrefix(r.Text, tc.want) {
			t.Errorf("%s: %s %q %q", tc.name, r.State, r.Note, r.Text)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%s took %v", tc.name, took)
		}
	}
	// Thousands of pages come out in order, each once.
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false) // quicker to make
	f.SetFont("Helvetica", "", 10)
	for i := 1; i <= 3000; i++ {
		f.AddPage()
		f.Text(20, 20, fmt.Sprintf("page%04d", i))
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	r := extract(b.Bytes())
	words := strings.Fields(r.Text)
	if len(words) != 3000 || words[0] != "page0001" || words[1234] != "page1235" || words[2999] != "page3000" {
		t.Errorf("3,000 pages gave %d words: %v…", len(words), words[:min(3, len(words))])
	}
}

// mailWith makes an e-mail whose body says body and which has the
// attachments given, by file name, each with its Content-Type.
func mailWith(body string, attachments ...[3]string) []byte {
	var b strings.Builder
	b.WriteString("From: Adult Care <care@council.example>\r\nTo: zoe@example.org\r\nSubject: Your decision letter\r\n" +
		"Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n" +
		"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
	for _, a := range attachments {
		enc := base64.StdEncoding.EncodeToString([]byte(a[2]))
		b.WriteString("--B\r\nContent-Type: " + a[1] + "; name=\"" + a[0] + "\"\r\nContent-Disposition: attachment; filename=\"" + a[0] + "\"\r\n" +
			"Content-Transfer-Encoding: base64\r\n\r\n")
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	b.WriteString("--B--\r\n")
	return []byte(b.String())
}

func TestDoctextEmailAttachments(t *testing.T) {
	letter := string(letterPDF(t, nil))
	word := string(docx(t, `<w:p><w:r><w:t>Indicative budget: 18 hours a week</w:t></w:r></w:p>`))
	r := extract(mailWith("Please find your letter attached.",
		[3]string{"decision.pdf", "application/pdf", letter},
		[3]string{"budget.docx", "application/octet-stream", word},
		[3]string{"bomb.docx", DOCX, string(zipBomb(t, 80<<20, 80<<20))},
		[3]string{"not really.pdf", "application/pdf", "just some bytes"},
		[3]string{"photo.png", "image/png", string(pngImage(t))},
	))
	if r.State != Searchable {
		t.Fatalf("mail with attachments: %s %q", r.State, r.Note)
	}
	for _, want := range []string{"Please find your letter attached.", "Attachment: decision.pdf\nDear Zoë Ó Briain", "£18,200.00 a year",
		"Attachment: budget.docx\nIndicative budget: 18 hours a week"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, r.Text)
		}
	}
	for _, notWant := range []string{"bomb.docx", "not really.pdf", "photo.png"} {
		if strings.Contains(r.Text, notWant) {
			t.Errorf("text has %q:\n%s", notWant, r.Text)
		}
	}
	// A long e-mail is not a bomb: its first words are kept.
	lim := DefaultLimits
	lim.Inflate = 4000
	long := mailWith(strings.Repeat("The review meeting notes go on. ", 500))
	r = ExtractWithLimits(context.Background(), bytes.NewReader(long), int64(len(long)), "", lim)
	if r.State != Searchable || !strings.Contains(r.Text, "The review meeting notes go on.") || !strings.Contains(r.Note, "only the first part") {
		t.Errorf("long e-mail: %s %q\n%s", r.State, r.Note, r.Text)
	}
}

// TestDoctextFilesFromOtherPrograms reads files as other programs make
// them: Ghostscript's ps2pdf, LibreOffice (PDF, DOCX, ODT), qpdf's object
// streams and encryption without a password to open, and e-mails with
// Latin-1, quoted-printable, base64, HTML only and attachments.
func TestDoctextFilesFromOtherPrograms(t *testing.T) {
	for _, tc := range []struct {
		file  string
		state State
		want  []string
	}{
		{"ghostscript.pdf", Searchable, []string{"Suffolk County Council - Adult Social Care", "Reference: DP-7781."}},
		{"libreoffice.pdf", Searchable, []string{"Dear Zoë Ó Briain,", "£350.00 a week", "Łukasz Nowak"}},
		{"libreoffice.docx", Searchable, []string{"Dear Zoë Ó Briain,", "Reference DP-2027-0042", "Payroll service"}},
		{"libreoffice.odt", Searchable, []string{"Dear Zoë Ó Briain,", "Reference DP-2027-0042", "Payroll service"}},
		{"qpdf-object-streams.pdf", Searchable, []string{"Dear Ms O'Brien,", "£18,200 a year; reference ASC-0419"}},
		{"qpdf-aes128-no-password.pdf", Searchable, []string{"Dear Ms O'Brien,", "Zoë Ó Briain asked about the wet room, café visits"}},
		// The PDF library cannot decrypt AES-256 (PDF 2.0) yet: the file
		// is kept and flagged.
		{"qpdf-aes256-no-password.pdf", NotSearchable, nil},
		{"mail-with-attachments.eml", Searchable, []string{"Please sign the attached agreement.", "Attachment: agreement.pdf", "Attachment: agreement.docx", "Payroll service"}},
		{"mail-latin1-qp-base64.eml", Searchable, []string{"From: Renée Müller", "Dear Zoë,", "The café meeting about your personal budget of £18,200",
			"A very long line that the mailer wraps with soft line breaks because it is far longer", "“smart quotes” – en dash, résumé, naïve, ŒUVRE €50."}},
		{"mail-html-only.eml", Searchable, []string{"Your review meeting is on Thursday.", "timesheets & receipts. Café nearby. Bill £45 – paid."}},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		r := extract(b)
		if r.State != tc.state {
			t.Errorf("%s: %s %q", tc.file, r.State, r.Note)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(strings.Join(strings.Fields(r.Text), " "), w) {
				t.Errorf("%s: text lacks %q:\n%s", tc.file, w, r.Text)
			}
		}
	}
}

func TestDoctextLenientQuotedPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"caf=E9 =C2=A318":               "caf\xe9 \xc2\xa318",
		"soft=\r\nbreak":                "softbreak",
		"soft=\nbreak":                  "softbreak",
		"soft=  \r\nbreak":              "softbreak",
		"stray cr=\r\r\nbreak":          "stray crbreak",
		"a = b":                         "a = b",
		"url?x=1&y=2":                   "url?x=1&y=2",
		"ends with =":                   "ends with ",
		"=3D=3d":                        "==",
		"bad =ZZ hex":                   "bad =ZZ hex",
		"line one\r\nline two=\r\n end": "line one\r\nline two end",
	} {
		got, err := io.ReadAll(&lenientQP{r: bufio.NewReader(strings.NewReader(in))})
		if err != nil || string(got) != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
}
