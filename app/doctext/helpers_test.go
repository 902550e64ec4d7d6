package doctext

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ownplan/ownplan/assets"
)

// letterPDF makes a two-page PDF with a real text layer in Noto Sans, as
// OwnPlan's own reports and many council systems make them.
func letterPDF(t testing.TB, protect func(*fpdf.Fpdf)) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	if protect != nil {
		protect(f)
	}
	f.AddUTF8FontFromBytes("noto", "", assets.NotoSansRegular)
	f.AddPage()
	f.SetFont("noto", "", 12)
	f.MultiCell(0, 6, "Dear Zoë Ó Briain,\n\nYour personal budget is £18,200.00 a year, paid as a direct payment. "+
		"Łukasz Nowak attended. We’d like your reply by 23 November 2026 – thank you.", "", "L", false)
	f.SetFont("Helvetica", "", 11)
	f.Cell(50, 10, "Adult Social Care")
	f.Cell(50, 10, "Endeavour House")
	f.AddPage()
	f.SetFont("noto", "", 12)
	f.MultiCell(0, 6, "Page two: a through-floor lift and a wet room.", "", "L", false)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// scanPDF makes a PDF that is only a picture, as a scanner makes.
func scanPDF(t testing.TB) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(pngImage(t)))
	f.ImageOptions("scan", 10, 10, 190, 0, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngImage(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		img.Set(x, x/2, color.Black)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docx makes a Word document whose document.xml holds body.
func docx(t testing.TB, body string) []byte { return docxWith(t, body, nil) }

// docxWith makes a Word document whose document.xml holds body, with
// more parts (headers, footers, footnotes) by name.
func docxWith(t testing.TB, body string, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	}
	for name, content := range parts {
		all[name] = content
	}
	for name, content := range all {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipBomb makes a DOCX whose document.xml unpacks to n bytes while its
// directory claims it unpacks to claim bytes.
func zipBomb(t testing.TB, n int, claim uint64) []byte {
	return zipBombNamed(t, "word/document.xml", n, claim)
}

// zipBombNamed is zipBomb with the part called name.
func zipBombNamed(t testing.TB, name string, n int, claim uint64) []byte {
	t.Helper()
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<16)
	for written := 0; written < n; written += len(chunk) {
		fw.Write(chunk)
	}
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: claim})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	return b.Bytes()
}

const sampleEmail = "From: =?UTF-8?Q?=C5=81ukasz_Nowak?= <lukasz@example.org>\r\n" +
	"To: Zoe <zoe@example.org>\r\n" +
	"Subject: =?UTF-8?B?WW91ciByZXZpZXcgbWVldGluZyDigJMgbm90ZXM=?=\r\n" +
	"Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=\"outer\"\r\n" +
	"\r\n" +
	"--outer\r\n" +
	"Content-Type: multipart/alternative; boundary=\"inner\"\r\n" +
	"\r\n" +
	"--inner\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n" +
	"\r\n" +
	"The review meeting agreed =C2=A318,200 a year and a wet room. Z=C3=B6e will=\r\n" +
	" reply by Friday.\r\n" +
	"--inner\r\n" +
	"Content-Type: text/html; charset=utf-8\r\n" +
	"\r\n" +
	"<p>HTML-ONLY-WORD should not be read when plain text is there</p>\r\n" +
	"--inner--\r\n" +
	"--outer\r\n" +
	"Content-Type: text/plain; charset=iso-8859-1; name=\"minutes.txt\"\r\n" +
	"Content-Disposition: attachment; filename=\"minutes.txt\"\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"TWludXRlczogY2Fm6SBtZWV0aW5nIGFib3V0IHRyYW5zcG9ydC4=\r\n" +
	"--outer\r\n" +
	"Content-Type: image/png\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"iVBORw0KGgo=\r\n" +
	"--outer--\r\n"

// rawPDF writes a PDF by hand from object bodies: objs[0] is object 1,
// the catalogue. It makes files no PDF library would, such as a page
// tree that loops back on itself.
func rawPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// rawStream writes a stream object body.
func rawStream(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// odt makes an OpenDocument text whose body holds body, as LibreOffice
// saves it: the mimetype first, stored, then content.xml and styles.
func odt(t testing.TB, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte(ODT))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles><style:style>STYLE-WORD</style:style></office:automatic-styles>` +
		`<office:body><office:text>` + body + `</office:text></office:body></office:document-content>`))
	w, _ = zw.Create("styles.xml")
	w.Write([]byte(`<office:document-styles>STYLES-FILE-WORD</office:document-styles>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
