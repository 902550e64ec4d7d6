package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes s safe to measure and draw with the embedded font. It never
// fails. It is cleanNoting with no one to tell.
func (fs *fontSet) clean(s string) string { return fs.cleanNoting(s, nil) }

// cleanNoting makes s safe to measure and draw with the embedded font,
// and calls note, if not nil, with each label it puts in place of text
// the font cannot draw. It never fails.
//
// The embedded Noto Sans covers Latin, Greek and Cyrillic (£, Zoë,
// Ó Briain and Łukasz all print as typed) but not emoji, Arabic, Hebrew,
// Chinese or other scripts, and fpdf can neither encode characters beyond
// the Basic Multilingual Plane nor shape or reorder right-to-left text.
// Rather than let such text vanish, or print a row of marks no one can
// read, cleanNoting puts a label in square brackets in its place, saying
// what was there: "[Arabic text]", "[Chinese text]", "[emoji]". A run of
// such characters, with the spaces between them, gets one label, so a
// sentence in Arabic becomes one "[Arabic text]" and a name keeps its
// place; the words of a label are held together by no-break spaces. A
// few symbols the font lacks are written in characters it has: "≤" as
// "<=", "→" as "->", "✓" as "[tick]". Emoji sequences (skin tones,
// variation selectors, zero-width joiners, flags) count as one emoji.
// Bytes that are not valid UTF-8, and code points that are no one's
// character (unassigned, private use), become U+FFFD. Invisible formatting
// characters (zero-width spaces and joiners, soft hyphens, direction
// marks and overrides) are dropped, tabs become spaces, other control
// characters are dropped and every kind of line break becomes "\n".
func (fs *fontSet) cleanNoting(s string, note func(label string)) string {
	if fs.isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var run unprintable // the run of characters the font lacks being read
	spaces := 0         // spaces after the run, written only if it ends
	end := func() {
		if run.group != "" {
			label := run.label()
			b.WriteString(label)
			if note != nil {
				note(label)
			}
			run = unprintable{}
		}
		for ; spaces > 0; spaces-- {
			b.WriteByte(' ')
		}
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			end() // a byte that is not UTF-8
			b.WriteRune(fs.replacement)
		case r == '\r':
			end()
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n', r == '\u2028', r == '\u2029', r == '\u0085', r == '\v', r == '\f':
			end()
			b.WriteByte('\n')
		case r == ' ' || r == '\t':
			if run.group != "" {
				spaces++
			} else {
				b.WriteByte(' ')
			}
		case unicode.Is(unicode.Cc, r), isIgnorable(r):
			// control and invisible formatting characters: dropped
		case fs.common.covers(r):
			end()
			b.WriteRune(r)
		case substitutes[r] != "":
			end()
			b.WriteString(substitutes[r])
		default:
			g, kana := groupOf(r)
			switch {
			case g == "?":
				// unassigned, private-use or not a character at all
				end()
				b.WriteRune(fs.replacement)
			case run.group != "" && (g == run.group || g == ""):
				spaces = 0 // the label stands for the spaces in the run too
				run.kana = run.kana || kana
			default:
				end()
				if g == "" {
					g = "symbol"
				}
				run = unprintable{group: g, kana: kana}
			}
		}
	}
	end()
	return b.String()
}

// unprintable is a run of characters the font cannot draw.
type unprintable struct {
	// group is the kind of characters: "emoji", "symbol", "cjk" (Chinese
	// characters and Japanese kana) or the name of a Unicode script.
	group string
	kana  bool // the run has Japanese kana in it
}

// label is the run's stand-in, such as "[Arabic text]", its words held
// together by no-break spaces.
func (u unprintable) label() string {
	switch u.group {
	case "emoji", "symbol":
		return "[" + u.group + "]"
	case "cjk":
		if u.kana {
			return "[Japanese\u00a0text]"
		}
		return "[Chinese\u00a0text]"
	}
	name := u.group
	if n, ok := scriptNames[name]; ok {
		name = n
	}
	return "[" + strings.ReplaceAll(name, "_", "\u00a0") + "\u00a0text]"
}

// scriptNames are the names people know scripts by, where they differ
// from Unicode's.
var scriptNames = map[string]string{"Hangul": "Korean", "Gurmukhi": "Punjabi"}

// substitutes are symbols the font lacks, written in characters it has.
var substitutes = map[rune]string{
	'≤': "<=", '≥': ">=", '≠': "=/=", '→': "->", '←': "<-", '↔': "<->", '⇒': "=>",
	'✓': "[tick]", '✔': "[tick]", '☑': "[tick]", '✗': "[cross]", '✘': "[cross]", '☐': "[ ]", '★': "*", '☆': "*",
}

// commonScripts are the scripts most often met, tried first, in order.
var commonScripts = []string{
	"Arabic", "Hebrew", "Han", "Hiragana", "Katakana", "Hangul", "Devanagari", "Bengali", "Gurmukhi",
	"Gujarati", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Ethiopic", "Armenian",
	"Georgian", "Syriac", "Thaana", "Khmer", "Lao", "Myanmar", "Tibetan", "Bopomofo",
}

// groupOf returns the group of a character the font lacks, and whether it
// is Japanese kana. The group is "" for punctuation, marks and other
// characters common to many scripts, which belong to the run around them,
// and "?" for a code point of no script at all (unassigned, private use
// or a noncharacter), which prints as U+FFFD.
func groupOf(r rune) (group string, kana bool) {
	switch {
	case isEmoji(r):
		return "emoji", false
	case unicode.In(r, unicode.Common, unicode.Inherited):
		if unicode.In(r, unicode.So, unicode.Sm) {
			return "symbol", false
		}
		return "", false
	}
	script := ""
	for _, name := range commonScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			script = name
			break
		}
	}
	if script == "" {
		// Scripts do not overlap, so the map's order does not matter.
		for name, t := range unicode.Scripts {
			if unicode.Is(t, r) {
				script = name
				break
			}
		}
	}
	switch script {
	case "Hiragana", "Katakana":
		return "cjk", true
	case "Han", "Bopomofo":
		return "cjk", false
	case "":
		return "?", false
	}
	return script, false
}

// isEmoji reports whether r is an emoji, or part of an emoji sequence
// such as a skin-tone modifier or half of a flag.
func isEmoji(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x2B00 && r <= 0x2BFF) ||
		r == 0x20E3 || (r >= 0xE0020 && r <= 0xE007F) // keycap, tag characters of subdivision flags
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
