package bankimport

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// sampleSize is how much of the start of a file is examined to recognise
// its format and layout. It is also the size of the read buffer.
const sampleSize = 64 << 10

// guardReader stops reading when the context is cancelled or the file
// turns out to be larger than MaxFileSize.
type guardReader struct {
	ctx  context.Context
	r    io.Reader
	left int64 // bytes still allowed, plus one to notice an overrun
}

func (g *guardReader) Read(p []byte) (int, error) {
	if err := g.ctx.Err(); err != nil {
		return 0, err
	}
	if g.left <= 0 {
		return 0, tooLarge()
	}
	if int64(len(p)) > g.left {
		p = p[:g.left]
	}
	n, err := g.r.Read(p)
	g.left -= int64(n)
	if g.left <= 0 {
		return n, tooLarge()
	}
	return n, err
}

func tooLarge() error {
	return newError(ErrTooLarge, 0,
		"The file is larger than %d MB, which is far more than any bank statement. Check you chose the right file, or download a shorter period from your bank.",
		MaxFileSize>>20)
}

// readError turns an error from the underlying reader into one for the
// caller: this package's own errors and context errors pass through
// unchanged.
func readError(err error) error {
	var e *Error
	if errors.As(err, &e) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("reading the statement file: %w", err)
}

// openInput wraps r so that it yields UTF-8 text, and refuses files that
// are plainly not statements. Statements in UTF-16 (as Excel's "Unicode
// text" saves them) are converted; bytes that are not valid UTF-8 are read
// as Windows-1252, the encoding many UK banks still use for "£".
func openInput(ctx context.Context, r io.Reader) (*bufio.Reader, error) {
	raw := bufio.NewReaderSize(&guardReader{ctx: ctx, r: r, left: MaxFileSize + 1}, sampleSize)
	head, err := raw.Peek(1024)
	if err != nil && err != io.EOF {
		return nil, readError(err)
	}
	if len(bytes.TrimSpace(head)) == 0 {
		if _, err := raw.Peek(sampleSize); err != nil && err != io.EOF {
			return nil, readError(err)
		}
		return nil, newError(ErrNotStatement, 0, "The file is empty. Download the statement from your bank again.")
	}
	if order := utf16Order(head); order != nil {
		all, err := io.ReadAll(raw)
		if err != nil {
			return nil, readError(err)
		}
		raw = bufio.NewReaderSize(bytes.NewReader(decodeUTF16(all, order)), sampleSize)
		if head, err = raw.Peek(1024); err != nil && err != io.EOF {
			return nil, readError(err)
		}
	}
	if msg := notText(head); msg != "" {
		return nil, newError(ErrNotStatement, 0, "%s", msg)
	}
	return bufio.NewReaderSize(&textReader{src: raw}, sampleSize), nil
}

// notText returns a message when the start of a file shows it is not a
// text statement, and "" otherwise.
func notText(head []byte) string {
	const download = "Download your statement from online banking as a CSV or OFX file and choose that."
	lower := bytes.ToLower(head[:min(len(head), 64)])
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "This is a PDF file, which cannot be read as a list of payments. " + download
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")):
		return "This looks like an Excel workbook or a zip file, not a CSV file. Open it in your spreadsheet program and save it as CSV, or download a CSV file from your bank."
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("GIF8")),
		bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")), bytes.HasPrefix(head, []byte("RIFF")),
		bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "This is a picture, not a bank statement file. " + download
	case bytes.HasPrefix(bytes.TrimLeft(head, "\xEF\xBB\xBF \r\n\t"), []byte("!Type:")):
		return "This is a QIF file, which OwnPlan cannot read yet. " + download
	case bytes.Contains(lower, []byte("<html")), bytes.Contains(lower, []byte("<!doctype html")):
		return "This is a web page, not a statement file. " + download
	}
	control := 0
	for _, c := range head {
		if c == 0 {
			return "This file is not text, so it cannot be a CSV or OFX bank statement. " + download
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			control++
		}
	}
	if control*20 > len(head) {
		return "This file is not text, so it cannot be a CSV or OFX bank statement. " + download
	}
	return ""
}

// utf16Order reports the byte order of UTF-16 text, from its byte order
// mark or from the zero bytes of plain ASCII characters, or nil when head
// is not UTF-16.
func utf16Order(head []byte) []int {
	little, big := []int{0, 1}, []int{1, 0}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return little
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return big
	}
	if len(head) < 8 {
		return nil
	}
	var zeroEven, zeroOdd int
	for i, c := range head[:len(head)&^1] {
		if c == 0 {
			if i%2 == 0 {
				zeroEven++
			} else {
				zeroOdd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case zeroOdd*10 >= half*9 && zeroEven == 0:
		return little
	case zeroEven*10 >= half*9 && zeroOdd == 0:
		return big
	}
	return nil
}

// decodeUTF16 converts UTF-16 text in the given byte order (the index of
// the low byte, then the high byte) to UTF-8, dropping a byte order mark.
func decodeUTF16(b []byte, order []int) []byte {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i+order[0]])|uint16(b[i+order[1]])<<8)
	}
	if len(units) > 0 && units[0] == 0xFEFF {
		units = units[1:]
	}
	return []byte(string(utf16.Decode(units)))
}

// textReader passes valid UTF-8 through, drops a leading byte order mark
// and reads any byte that is not part of valid UTF-8 as Windows-1252.
type textReader struct {
	src     *bufio.Reader
	out     []byte
	started bool
}

func (t *textReader) Read(p []byte) (int, error) {
	if len(t.out) == 0 && t.started {
		// Fast path: a chunk that is valid UTF-8 passes straight through.
		b, _ := t.src.Peek(min(len(p), 4096))
		if len(b) > 0 && utf8.Valid(b) {
			n := copy(p, b)
			t.src.Discard(n)
			return n, nil
		}
	}
	for len(t.out) == 0 {
		if err := t.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

func (t *textReader) fill() error {
	if !t.started {
		t.started = true
		if b, _ := t.src.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			t.src.Discard(3)
		}
	}
	b, err := t.src.Peek(4096)
	if len(b) == 0 {
		return err
	}
	atEnd := err != nil
	out := t.out[:0]
	i := 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !atEnd && !utf8.FullRune(b[i:]) && i > 0 {
				break // the rest of this character is in the next chunk
			}
			out = utf8.AppendRune(out, windows1252(c))
			i++
			continue
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	t.src.Discard(i)
	t.out = out
	return nil
}

// windows1252 returns the character that byte c (0x80 or above) stands
// for in Windows-1252, following the WHATWG encoding standard.
func windows1252(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252High[c-0x80]
	}
	return rune(c)
}

var cp1252High = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// peekSample returns the start of the text without consuming it, cut
// after its last complete line unless it is the whole file.
func peekSample(in *bufio.Reader) ([]byte, error) {
	b, err := in.Peek(sampleSize)
	switch {
	case err == io.EOF:
		return b, nil
	case err != nil && err != bufio.ErrBufferFull:
		return nil, readError(err)
	}
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[:i+1]
	}
	return b, nil
}
