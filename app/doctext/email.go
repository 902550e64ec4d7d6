package doctext

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/textproto"
	"strings"
)

// maxMailDepth and maxMailParts bound how deeply nested and how many
// parts of an e-mail are read.
const (
	maxMailDepth = 8
	maxMailParts = 200
)

// emailText reads an e-mail message (.eml): its subject, sender,
// recipients and date, then the words of its text/plain parts (HTML
// parts when a message has no plain text), decoding quoted-printable and
// base64 and the common character sets, and the words of the PDF, Word
// and OpenDocument files attached to it.
func emailText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	in := &countingReader{r: io.LimitReader(io.NewSectionReader(r, 0, size), lim.Inflate+1)}
	msg, err := mail.ReadMessage(bufio.NewReader(in))
	if err != nil {
		return "", err
	}
	out := &limitedBuilder{limit: lim.Text}
	dec := &mime.WordDecoder{CharsetReader: charsetReader}
	for _, h := range []string{"Subject", "From", "To", "Cc", "Date"} {
		v := msg.Header.Get(h)
		if v == "" {
			continue
		}
		if d, err := dec.DecodeHeader(v); err == nil {
			v = d
		}
		if err := out.add(h + ": " + v + "\n"); err != nil {
			return out.String(), err
		}
	}
	out.add("\n")
	m := &mailReader{ctx: ctx, out: out, in: in, lim: lim}
	err = m.part(textproto.MIMEHeader(msg.Header), msg.Body, 0)
	if in.n > lim.Inflate {
		// Mail is never packed smaller than its text (base64 and
		// quoted-printable only make it bigger), so a long one is not a
		// bomb: the words read so far are kept.
		return out.String(), errTooMuch
	}
	return out.String(), err
}

type mailReader struct {
	ctx   context.Context
	out   *limitedBuilder
	in    *countingReader
	lim   Limits
	parts int
	// attachments is how many attached documents have been met.
	attachments int
}

// part reads one MIME part and, for multipart parts, the parts inside it.
func (m *mailReader) part(h textproto.MIMEHeader, body io.Reader, depth int) error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	m.parts++
	if depth > maxMailDepth || m.parts > maxMailParts {
		return nil
	}
	ct, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		ct, params = "text/plain", map[string]string{}
	}
	switch {
	case strings.HasPrefix(ct, "multipart/"):
		return m.multipart(ct, params["boundary"], body, depth)
	case ct == "message/rfc822":
		msg, err := mail.ReadMessage(bufio.NewReader(decodeTransfer(h, body)))
		if err != nil {
			return nil
		}
		if s := msg.Header.Get("Subject"); s != "" {
			if err := m.out.add("\nSubject: " + s + "\n"); err != nil {
				return err
			}
		}
		return m.part(textproto.MIMEHeader(msg.Header), msg.Body, depth+1)
	case attachmentReader(ct, h) != nil:
		return m.attachment(ct, h, body)
	case ct == "text/plain", ct == "text/html":
		b, err := io.ReadAll(io.LimitReader(decodeTransfer(h, body), int64(m.lim.Text)+1))
		text := decodeCharset(b, params["charset"])
		if ct == "text/html" {
			text = StripHTML(text)
		}
		if addErr := m.out.add(text + "\n"); addErr != nil {
			return addErr
		}
		if err != nil && m.in.n > m.lim.Inflate {
			return errTooMuch // the words read so far are kept
		}
		return nil
	}
	return nil // attachments such as pictures have no text to read
}

// attachmentReader returns the reader for an attached document whose
// words can be read (a PDF, Word or OpenDocument file), judged by its
// type or, for mailers that call everything application/octet-stream,
// its file name; or nil.
func attachmentReader(ct string, h textproto.MIMEHeader) func(context.Context, io.ReaderAt, int64, Limits) (string, error) {
	name := ""
	if _, p, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil {
		name = p["filename"]
	}
	if _, p, err := mime.ParseMediaType(h.Get("Content-Type")); err == nil && name == "" {
		name = p["name"]
	}
	name = strings.ToLower(name)
	switch {
	case ct == PDF, strings.HasSuffix(name, ".pdf"):
		return pdfText
	case ct == DOCX, strings.HasSuffix(name, ".docx"):
		return docxText
	case ct == ODT, strings.HasSuffix(name, ".odt"):
		return odtText
	}
	return nil
}

// maxMailAttachments is how many attached documents of one e-mail are read.
const maxMailAttachments = 10

// attachment reads the words of an attached document, after a line
// naming it. One that cannot be read is left out: the message's own
// words are kept.
func (m *mailReader) attachment(ct string, h textproto.MIMEHeader, body io.Reader) error {
	m.attachments++
	if m.attachments > maxMailAttachments {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(decodeTransfer(h, body), m.lim.Inflate+1))
	if m.in.n > m.lim.Inflate {
		return errTooMuch
	}
	if err != nil || len(b) == 0 || int64(len(b)) > m.lim.Inflate {
		return nil
	}
	// What the attachment really is decides, not what the mail says.
	var read func(context.Context, io.ReaderAt, int64, Limits) (string, error)
	switch Sniff(bytes.NewReader(b), int64(len(b))) {
	case PDF:
		read = pdfText
	case DOCX:
		read = docxText
	case ODT:
		read = odtText
	default:
		return nil
	}
	text, err := func() (text string, err error) {
		defer func() {
			if p := recover(); p != nil {
				text, err = "", fmt.Errorf("attachment reader failed: %v", p)
			}
		}()
		lim := m.lim
		lim.Text = max(0, m.lim.Text-m.out.Len())
		return read(m.ctx, bytes.NewReader(b), int64(len(b)), lim)
	}()
	if m.ctx.Err() != nil {
		return m.ctx.Err()
	}
	if strings.TrimSpace(text) == "" || err != nil && !errors.Is(err, errTooMuch) {
		return nil
	}
	name := "document"
	if _, p, perr := mime.ParseMediaType(h.Get("Content-Disposition")); perr == nil && p["filename"] != "" {
		name = p["filename"]
	}
	if err := m.out.add("\nAttachment: " + name + "\n"); err != nil {
		return err
	}
	return m.out.add(text + "\n")
}

// multipart reads the parts of a multipart body. Of the alternatives in
// multipart/alternative it reads the plain text one when there is one.
func (m *mailReader) multipart(ct, boundary string, body io.Reader, depth int) error {
	if boundary == "" {
		return nil
	}
	mr := multipart.NewReader(body, boundary)
	type alt struct {
		h    textproto.MIMEHeader
		body []byte
	}
	var alts []alt
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if m.in.n > m.lim.Inflate {
				return errTooMuch
			}
			return nil // a damaged ending: keep what was read
		}
		if ct != "multipart/alternative" {
			if err := m.part(p.Header, p, depth+1); err != nil {
				return err
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, m.lim.Inflate))
		if err != nil {
			return nil
		}
		alts = append(alts, alt{p.Header, b})
	}
	if len(alts) == 0 {
		return nil
	}
	best := alts[0]
	for _, a := range alts {
		if t, _, _ := mime.ParseMediaType(a.h.Get("Content-Type")); t == "text/plain" {
			best = a
			break
		}
	}
	return m.part(best.h, strings.NewReader(string(best.body)), depth+1)
}

// decodeTransfer undoes a part's Content-Transfer-Encoding.
func decodeTransfer(h textproto.MIMEHeader, body io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		return &lenientQP{r: bufio.NewReader(body)}
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Cleaner{r: body})
	}
	return body
}

// lenientQP decodes quoted-printable text as mailers really write it:
// "=" and two hex digits is a byte, "=" at the end of a line (with any
// spaces or stray carriage returns before the line break) joins the
// lines, and any other "=" is kept as it is. The standard library's
// reader stops at the first such mistake, losing the rest of the text.
type lenientQP struct {
	r   *bufio.Reader
	out []byte
}

func (q *lenientQP) Read(p []byte) (int, error) {
	for len(q.out) == 0 {
		c, err := q.r.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != '=' {
			q.out = append(q.out, c)
			continue
		}
		next, _ := q.r.Peek(2)
		switch {
		case len(next) == 2 && isHex(next[0]) && isHex(next[1]):
			q.out = append(q.out, unhex(next[0])<<4|unhex(next[1]))
			q.r.Discard(2)
		case len(next) > 0 && (next[0] == '\r' || next[0] == '\n' || next[0] == ' ' || next[0] == '\t'):
			// A soft line break, perhaps after spaces or extra carriage
			// returns: skip to the start of the next line. "=" followed
			// by a space and more text is kept as it is.
			var skipped []byte
			for {
				b, err := q.r.ReadByte()
				if err != nil || b == '\n' {
					break
				}
				if b != '\r' && b != ' ' && b != '\t' {
					q.r.UnreadByte()
					q.out = append(append(q.out, '='), skipped...)
					break
				}
				skipped = append(skipped, b)
			}
		case len(next) == 0:
			// "=" at the very end: a soft break with nothing after it.
		default:
			q.out = append(q.out, '=')
		}
	}
	n := copy(p, q.out)
	q.out = q.out[n:]
	return n, nil
}

func isHex(b byte) bool { return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' }

func unhex(b byte) byte {
	switch {
	case b <= '9':
		return b - '0'
	case b >= 'a':
		return b - 'a' + 10
	}
	return b - 'A' + 10
}

// base64Cleaner drops the spaces and other stray characters some mailers
// leave in base64 bodies (the decoder itself skips line breaks).
type base64Cleaner struct{ r io.Reader }

func (c *base64Cleaner) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		j := 0
		for _, b := range p[:n] {
			if 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '+' || b == '/' || b == '=' {
				p[j] = b
				j++
			}
		}
		if j > 0 || n == 0 || err != nil {
			return j, err
		}
	}
}

// decodeCharset turns text in the named character set into a string.
func decodeCharset(b []byte, charset string) string {
	switch strings.ToLower(strings.TrimSpace(charset)) {
	case "iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252":
		return decodeWindows1252(b)
	}
	return DecodeText(b)
}

// charsetReader lets mime.WordDecoder read Latin-1 and Windows-1252 headers.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252":
		b, err := io.ReadAll(io.LimitReader(input, 1<<20))
		if err != nil {
			return nil, err
		}
		return strings.NewReader(decodeWindows1252(b)), nil
	}
	return nil, errors.New("unknown character set " + charset)
}
