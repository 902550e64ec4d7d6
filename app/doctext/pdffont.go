package doctext

import (
	"io"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// pdfFont decodes the strings a PDF shows in one font to text, and
// measures them so the walker knows where the text ends.
type pdfFont struct {
	composite bool             // a Type 0 font: codes of one or more bytes
	enc       pdf.TextEncoding // simple fonts: the library's decoder
	cmap      *toUnicode       // composite fonts: the ToUnicode map
	first     int              // simple fonts: the code of widths[0]
	widths    []float64        // simple fonts: glyph widths in 1/1000 em
	cidWidths map[int]float64  // composite fonts: widths from W
	dw        float64          // the width of a glyph with none given
}

// fallbackFont decodes text shown before any font is chosen.
var fallbackFont = &pdfFont{dw: 500}

func newPDFFont(v pdf.Value) *pdfFont {
	f := &pdfFont{dw: 500}
	if v.Kind() != pdf.Dict {
		return fallbackFont
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.composite = true
		f.dw = 1000
		f.cmap = readToUnicode(v.Key("ToUnicode"))
		if d := v.Key("DescendantFonts").Index(0); d.Kind() == pdf.Dict {
			if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
				f.dw = dw.Float64()
			}
			f.cidWidths = readCIDWidths(d.Key("W"))
		}
		return f
	}
	font := pdf.Font{V: v}
	f.enc = font.Encoder()
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < min(ws.Len(), 256); i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
		f.dw = mw.Float64()
	}
	return f
}

// readCIDWidths reads a composite font's W array: "c [w1 w2 …]" gives
// widths from c on, "c1 c2 w" one width for a range.
func readCIDWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i < w.Len() && len(out) < 70000; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(out) < 70000; j++ {
				out[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		width := w.Index(i + 2).Float64()
		for k := c; k <= last && k-c < 70000 && len(out) < 70000; k++ {
			out[k] = width
		}
		i += 3
	}
	return out
}

// decode returns the text of raw, its width in 1/1000 em, the number of
// codes and the number of single-byte spaces (which word spacing widens).
func (f *pdfFont) decode(raw string) (text string, width float64, codes, spaces int) {
	if !f.composite {
		if f.enc != nil {
			text = f.enc.Decode(raw)
		} else {
			text = raw
		}
		for i := 0; i < len(raw); i++ {
			c := int(raw[i])
			if c == ' ' {
				spaces++
			}
			if k := c - f.first; k >= 0 && k < len(f.widths) {
				width += f.widths[k]
			} else {
				width += f.dw
			}
		}
		return text, width, len(raw), spaces
	}
	var b strings.Builder
	for len(raw) > 0 {
		n := 2
		if f.cmap != nil {
			n = f.cmap.codeLen(raw)
		}
		n = min(n, len(raw))
		code := raw[:n]
		raw = raw[n:]
		codes++
		if f.cmap != nil {
			b.WriteString(f.cmap.lookup(code))
		}
		cid := 0
		for i := 0; i < len(code); i++ {
			cid = cid<<8 | int(code[i])
		}
		if w, ok := f.cidWidths[cid]; ok {
			width += w
		} else {
			width += f.dw
		}
	}
	return b.String(), width, codes, 0
}

// toUnicode is a ToUnicode CMap: how a font's codes map to text.
type toUnicode struct {
	spaces [4][]codeRange // codespace ranges, by code length - 1
	chars  map[string]string
	ranges []bfRange
}

type codeRange struct{ lo, hi string }

type bfRange struct {
	lo, hi uint32
	n      int
	dst    []uint16 // UTF-16 of the first code's text, or nil
	array  []string // one text per code, when given as an array
}

// codeLen returns how many bytes the code at the start of raw takes,
// from the codespace ranges (two bytes when none match).
func (m *toUnicode) codeLen(raw string) int {
	for n := 1; n <= 4 && n <= len(raw); n++ {
		for _, r := range m.spaces[n-1] {
			if r.lo <= raw[:n] && raw[:n] <= r.hi {
				return n
			}
		}
	}
	return 2
}

func (m *toUnicode) lookup(code string) string {
	if s, ok := m.chars[code]; ok {
		return s
	}
	var c uint32
	for i := 0; i < len(code); i++ {
		c = c<<8 | uint32(code[i])
	}
	for _, r := range m.ranges {
		if r.n != len(code) || c < r.lo || c > r.hi {
			continue
		}
		off := c - r.lo
		if r.array != nil {
			if int(off) < len(r.array) {
				return r.array[off]
			}
			return ""
		}
		if len(r.dst) == 0 {
			return ""
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u))
	}
	return ""
}

// readToUnicode parses a ToUnicode CMap stream. It reads the stream's
// bytes itself (the library's PostScript interpreter cannot be given the
// dictionaries a CMap needs from outside the library) and understands
// the three sections that matter: codespace ranges, single codes
// (bfchar) and ranges (bfrange). A map it cannot read gives nil.
func readToUnicode(v pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 4<<20))
	if err != nil && len(b) == 0 {
		return nil
	}
	m := &toUnicode{chars: map[string]string{}}
	toks := cmapTokens(string(b))
	for i := 0; i < len(toks); i++ {
		switch toks[i].word {
		case "begincodespacerange":
			for i++; i+1 < len(toks) && toks[i].word == ""; i += 2 {
				lo, hi := toks[i].hex, toks[i+1].hex
				if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
					m.spaces[len(lo)-1] = append(m.spaces[len(lo)-1], codeRange{lo, hi})
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i].word == "" && len(m.chars) < 100000; i += 2 {
				m.chars[toks[i].hex] = utf16Text(toks[i+1].hex)
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i].word == "" && len(m.ranges) < 10000; i += 3 {
				lo, hi := toks[i].hex, toks[i+1].hex
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := bfRange{lo: beUint(lo), hi: beUint(hi), n: len(lo)}
				if toks[i+2].array != nil {
					for _, s := range toks[i+2].array {
						r.array = append(r.array, utf16Text(s))
					}
				} else {
					r.dst = utf16Units(toks[i+2].hex)
				}
				m.ranges = append(m.ranges, r)
			}
		}
	}
	// A map whose codespace was left out: guess from the codes it maps.
	if len(m.spaces[0])+len(m.spaces[1])+len(m.spaces[2])+len(m.spaces[3]) == 0 {
		m.spaces[1] = []codeRange{{"\x00\x00", "\xff\xff"}}
	}
	return m
}

// cmapToken is a hex string, an array of hex strings or a keyword.
type cmapToken struct {
	hex   string
	array []string
	word  string
}

// cmapTokens splits a CMap into the tokens readToUnicode needs. Other
// PostScript (names, numbers, dictionaries) becomes keywords it skips.
func cmapTokens(s string) []cmapToken {
	var out []cmapToken
	var arr []string
	inArray := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '%':
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(s) && s[i+1] == '<', c == '>' && i+1 < len(s) && s[i+1] == '>':
			i += 2
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return out
			}
			h := decodeHex(s[i+1 : i+end])
			i += end + 1
			if inArray {
				arr = append(arr, h)
			} else {
				out = append(out, cmapToken{hex: h})
			}
		case c == '[':
			inArray, arr = true, []string{}
			i++
		case c == ']':
			if inArray {
				out = append(out, cmapToken{array: arr})
			}
			inArray = false
			i++
		case c == '(':
			// A literal string: skip it, minding escapes and nesting.
			depth := 0
			for ; i < len(s); i++ {
				if s[i] == '\\' {
					i++
					continue
				}
				if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
			out = append(out, cmapToken{word: "()"})
		case c <= ' ':
			i++
		default:
			j := i
			for j < len(s) && s[j] > ' ' && !strings.ContainsRune("<>[]()/%", rune(s[j])) {
				j++
			}
			if j == i {
				j++ // a lone '/' or other delimiter
			}
			out = append(out, cmapToken{word: s[i:j]})
			i = j
		}
	}
	return out
}

func decodeHex(s string) string {
	var b []byte
	var hi byte
	half := false
	for i := 0; i < len(s); i++ {
		var v byte
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		b = append(b, hi<<4)
	}
	return string(b)
}

func beUint(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 {
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

func utf16Text(s string) string { return string(utf16.Decode(utf16Units(s))) }
