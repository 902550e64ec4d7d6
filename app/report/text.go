package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes s safe to measure and draw with the embedded font. It never
// fails.
//
// The embedded Noto Sans covers Latin, Greek and Cyrillic (£, Zoë,
// Ó Briain and Łukasz all print as typed) but not emoji, Arabic, Hebrew or
// other scripts, and fpdf can neither encode characters beyond the Basic
// Multilingual Plane nor shape or reorder right-to-left text. So clean
// replaces every character the font cannot draw with the replacement
// character U+FFFD (a diamond with a question mark), one for each such
// character, so the reader can see that something was there. An emoji
// sequence counts as one character: skin-tone modifiers, variation
// selectors and the parts after a zero-width joiner go with the emoji, and
// a flag (two regional indicators) becomes a single mark. Bytes that are
// not valid UTF-8 become U+FFFD too. Invisible formatting characters
// (zero-width spaces and joiners, soft hyphens, direction marks and
// overrides) are dropped, tabs become spaces, other control characters
// are dropped and every kind of line break becomes "\n". Right-to-left
// text is therefore never reversed or reordered: it prints as a run of
// replacement marks in its place and wraps like any other text.
func (fs *fontSet) clean(s string) string {
	if fs.isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	afterMark := false // the last thing written was a replacement mark
	joined := false    // ... and a zero-width joiner followed it
	flagOpen := false  // ... and it stood for the first half of a flag
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n', r == '\u2028', r == '\u2029', r == '\u0085', r == '\v', r == '\f':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.Is(unicode.Cc, r):
			// other control characters: dropped
			continue
		case isIgnorable(r):
			if r == '\u200D' && afterMark {
				joined = true
			}
			continue
		case fs.common.covers(r):
			b.WriteRune(r)
		case afterMark && (joined || isEmojiModifier(r) || (flagOpen && isRegionalIndicator(r))):
			// the rest of an emoji sequence already shown as one mark
			joined, flagOpen = false, false
			continue
		default:
			b.WriteRune(fs.replacement)
			afterMark, joined, flagOpen = true, false, isRegionalIndicator(r)
			continue
		}
		afterMark, joined, flagOpen = false, false, false
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged.
func (fs *fontSet) isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false // clean turns each bad byte into U+FFFD
	}
	for _, r := range s {
		if (r >= ' ' && r < 0x7F) || r == '\n' { // printable ASCII: always in the font
			continue
		}
		if r < ' ' || r == '\u2028' || r == '\u2029' || r == '\u0085' || !fs.common.covers(r) || isIgnorable(r) || unicode.Is(unicode.Cc, r) {
			return false
		}
	}
	return true
}

// isIgnorable reports whether r is an invisible formatting character:
// Unicode's default-ignorable code points and format characters.
func isIgnorable(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// isEmojiModifier reports whether r is one of the five skin-tone modifiers.
func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// isRegionalIndicator reports whether r is a regional indicator letter;
// two of them make a flag.
func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// splitParagraphs splits cleaned text at blank lines (lines holding
// nothing but spaces). Single line breaks stay inside a paragraph; leading
// and trailing blank lines are dropped.
func splitParagraphs(s string) []string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

// wrap breaks cleaned text into lines no wider than width points when set
// in face s at size points. It breaks at spaces; a word wider than a whole
// line is broken between letters. "\n" forces a break, and an empty input
// line gives an empty output line. Every non-space character of text
// appears in exactly one output line, in order.
func (fs *fontSet) wrap(s fontStyle, size float64, text string, width float64) []string {
	const slack = 0.01 // points; absorbs rounding
	space := fs.width(s, size, " ")
	var lines []string
	for hard := range strings.SplitSeq(text, "\n") {
		var cur strings.Builder
		curW := 0.0
		empty := true
		for word := range strings.SplitSeq(hard, " ") {
			if word == "" {
				continue
			}
			w := fs.width(s, size, word)
			if !empty && curW+space+w <= width+slack {
				cur.WriteByte(' ')
				cur.WriteString(word)
				curW += space + w
				continue
			}
			if !empty {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			if w > width+slack {
				pieces := fs.breakWord(s, size, word, width+slack)
				lines = append(lines, pieces[:len(pieces)-1]...)
				word = pieces[len(pieces)-1]
				w = fs.width(s, size, word)
			}
			cur.WriteString(word)
			curW, empty = w, false
		}
		lines = append(lines, cur.String())
	}
	return lines
}

// breakWord splits a word too wide for one line into pieces that each fit
// in width, with at least one character in each piece.
func (fs *fontSet) breakWord(s fontStyle, size float64, word string, width float64) []string {
	var pieces []string
	start, w := 0, 0.0
	for i, r := range word {
		rw := fs.runeWidth(s, size, r)
		if i > start && w+rw > width {
			pieces = append(pieces, word[start:i])
			start, w = i, 0
		}
		w += rw
	}
	return append(pieces, word[start:])
}
