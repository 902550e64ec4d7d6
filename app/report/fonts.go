package report

import (
	"fmt"
	"sync"

	"github.com/ownplan/ownplan/assets"
)

// fontFamily is the name the documents' font is registered under in fpdf.
const fontFamily = "NotoSans"

// fontStyle is one of the four faces of the embedded font.
type fontStyle uint8

// The four faces. Their order matches the files in [faceFiles].
const (
	regular fontStyle = iota
	bold
	italic
	boldItalic
	numStyles
)

// fpdfStyle returns the style string fpdf uses for s.
func (s fontStyle) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[s]
}

// faceFiles returns the TrueType file of each face.
func faceFiles() [numStyles][]byte {
	return [numStyles][]byte{
		assets.NotoSansRegular,
		assets.NotoSansBold,
		assets.NotoSansItalic,
		assets.NotoSansBoldItalic,
	}
}

// fontSet is the measured faces, shared by every document. It is built
// once, on first use, and never changed afterwards.
type fontSet struct {
	face [numStyles]*metrics
	// common holds the characters every face can draw. Text is cleaned
	// against it so that any text can be set in any face.
	common *metrics
	// replacement is what a byte that is not UTF-8, or a code point
	// that is no one's character, turns into.
	replacement rune
}

var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	fs := new(fontSet)
	for s, ttf := range faceFiles() {
		m, err := parseMetrics(ttf)
		if err != nil {
			return nil, fmt.Errorf("reading the %s font: %w", fontStyle(s).name(), err)
		}
		fs.face[s] = m
	}
	fs.common = new(metrics)
	for i := range fs.common.has {
		bits := ^uint64(0)
		for _, m := range fs.face {
			bits &= m.has[i]
		}
		fs.common.has[i] = bits
	}
	fs.replacement = '?'
	for _, r := range []rune{'\uFFFD', '\u25A1'} { // replacement character, white square
		if fs.common.covers(r) {
			fs.replacement = r
			break
		}
	}
	return fs, nil
})

// name returns the face's name for error messages.
func (s fontStyle) name() string {
	return [...]string{"regular", "bold", "italic", "bold italic"}[s]
}

// width returns the width in points of text, already cleaned, set in face
// s at size points.
func (fs *fontSet) width(s fontStyle, size float64, text string) float64 {
	m := fs.face[s]
	w := 0
	for _, r := range text {
		if r < 0x10000 {
			w += int(m.width[r])
		}
	}
	return float64(w) * size / 1000
}

// runeWidth returns the width in points of r, already cleaned, set in face
// s at size points.
func (fs *fontSet) runeWidth(s fontStyle, size float64, r rune) float64 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return float64(fs.face[s].width[r]) * size / 1000
}
