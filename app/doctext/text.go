package doctext

import (
	"bytes"
	"context"
	"html"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// plainText reads a text file: UTF-8 (with or without a byte order
// mark), UTF-16 with a byte order mark, or else Windows-1252, the
// Latin-1 superset that files from older Windows programs use.
func plainText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	b, tooMuch, err := readUpTo(r, size, int64(lim.Text))
	if err != nil {
		return "", err
	}
	if tooMuch {
		// The limit may have cut a character in two.
		for k := 1; k <= 3 && k <= len(b); k++ {
			if tail := b[len(b)-k:]; utf8.RuneStart(tail[0]) {
				if !utf8.FullRune(tail) {
					b = b[:len(b)-k]
				}
				break
			}
		}
		return DecodeText(b), errTooMuch
	}
	return DecodeText(b), nil
}

// readUpTo reads at most limit bytes of r and reports whether there was more.
func readUpTo(r io.ReaderAt, size, limit int64) ([]byte, bool, error) {
	n := min(size, limit)
	b := make([]byte, n)
	got, err := r.ReadAt(b, 0)
	if err != nil && err != io.EOF {
		return nil, false, err
	}
	return b[:got], size > limit, nil
}

// DecodeText turns the bytes of a text file into a string: UTF-8 (a byte
// order mark is dropped), UTF-16 when it starts with a byte order mark,
// and otherwise Windows-1252 (Latin-1 with curly quotes, dashes and the
// euro sign in 0x80–0x9F).
func DecodeText(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return validUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return decodeUTF16(b[2:], true)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeWindows1252(b)
}

func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// windows1252 maps bytes 0x80–0x9F; the rest of the code page is Latin-1.
var windows1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

func decodeWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xa0:
			sb.WriteRune(windows1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// htmlText reads the words of an HTML file.
func htmlText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	b, tooMuch, err := readUpTo(r, size, lim.Inflate)
	if err != nil {
		return "", err
	}
	text := StripHTML(DecodeText(b))
	if tooMuch || len(text) > lim.Text {
		return text, errTooMuch
	}
	return text, nil
}

// StripHTML returns the words of an HTML document: tags, scripts and
// styles removed, block ends turned into line breaks and the common
// character references decoded. It is meant for search, not display.
func StripHTML(s string) string {
	var b strings.Builder
	lower := strings.ToLower(s)
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(html.UnescapeString(strings.ReplaceAll(s[i:i+j], "\r", "")))
			i += j
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		tag := strings.Fields(strings.Trim(lower[i+1:i+end], "/ "))
		i += end + 1
		if len(tag) == 0 {
			continue
		}
		switch tag[0] {
		case "script", "style", "head":
			if close := strings.Index(lower[i:], "</"+tag[0]); close >= 0 {
				i += close
			}
		case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote":
			b.WriteByte('\n')
		case "td", "th":
			b.WriteByte('\t')
		}
	}
	return b.String()
}
