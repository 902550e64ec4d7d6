package doctext

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
)

// Media types this package recognises beyond http.DetectContentType.
const (
	PDF   = "application/pdf"
	DOCX  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ODT   = "application/vnd.oasis.opendocument.text"
	HEIC  = "image/heic"
	Email = "message/rfc822"
	Text  = "text/plain; charset=utf-8"
	TIFF  = "image/tiff"
	Zip   = "application/zip"
	// Unknown is any content this package cannot name.
	Unknown = "application/octet-stream"
)

// sniffLen is how much of a file Sniff looks at, besides a zip's directory.
const sniffLen = 4096

// Sniff returns the media type of the content in r (size bytes long),
// judged from the content alone: a file called letter.pdf that is really
// a photo is a photo. It knows PDF (even with a few bytes of junk before
// the header), DOCX, e-mail, the image types scanners make, and what
// http.DetectContentType knows.
func Sniff(r io.ReaderAt, size int64) string {
	head := make([]byte, min(size, sniffLen))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case len(head) == 0:
		return Unknown
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return sniffZip(r, size)
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return TIFF
	case len(head) >= 12 && string(head[4:8]) == "ftyp" && isHEIF(string(head[8:12])):
		return HEIC // photos from iPhones
	}
	ct := http.DetectContentType(head)
	if strings.HasPrefix(ct, "text/plain") && looksLikeEmail(head) {
		return Email
	}
	return ct
}

// isHEIF reports whether an ISO media file's brand is one of HEIF's.
func isHEIF(brand string) bool {
	switch brand {
	case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
		return true
	}
	return false
}

// sniffZip tells a Word document and an OpenDocument text from any
// other zip.
func sniffZip(r io.ReaderAt, size int64) string {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Zip
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return DOCX
		}
	}
	for _, f := range zr.File {
		// An OpenDocument file names its type in its first entry.
		if f.Name == "mimetype" && f.UncompressedSize64 < 100 {
			rc, err := f.Open()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if strings.TrimSpace(string(b)) == ODT {
				return ODT
			}
			break
		}
	}
	return Zip
}

// emailHeaders are header fields that mark a file as an e-mail message.
var emailHeaders = map[string]bool{
	"from": true, "to": true, "subject": true, "date": true, "message-id": true,
	"received": true, "return-path": true, "mime-version": true, "cc": true,
	"reply-to": true, "delivered-to": true, "content-type": true,
}

// looksLikeEmail reports whether head starts with RFC 5322 header lines
// ("Name: value", continuation lines indented) that include From or
// Received and at least one more header an e-mail has.
func looksLikeEmail(head []byte) bool {
	lines := strings.Split(strings.ReplaceAll(string(head), "\r\n", "\n"), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "From ") { // an mbox separator
		lines = lines[1:]
	}
	known := map[string]bool{}
	for i, line := range lines {
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if i == 0 {
				return false
			}
			continue
		}
		name, _, ok := strings.Cut(line, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			if i == len(lines)-1 {
				break // cut off by the sniff length
			}
			return false
		}
		if n := strings.ToLower(name); emailHeaders[n] {
			known[n] = true
		}
	}
	return (known["from"] || known["received"]) && len(known) >= 2
}
