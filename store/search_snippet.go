package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetWords is how many words a snippet shows.
const snippetWords = 16

// snippetWord is one term of a query as the snippet looks for it: the
// ways it can appear, each a run of words folded for matching.
type snippetWord [][]string

// evidenceQueryWords splits what a person typed into terms as
// SearchEvidence matches them, each word folded for matching.
func evidenceQueryWords(text string) []snippetWord {
	var out []snippetWord
	for _, t := range parseSearchQuery(text) {
		var w snippetWord
		for _, alt := range t.alternatives() {
			folded := make([]string, len(alt))
			for i := range alt {
				folded[i] = foldWord(alt[i])
			}
			w = append(w, folded)
		}
		out = append(out, w)
	}
	return out
}

// snippetToken is where a word is in a text.
type snippetToken struct{ start, end int }

// nextToken returns the first word at or after byte i, or ok false.
func nextToken(text string, i int) (snippetToken, bool) {
	start := -1
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return snippetToken{start, i}, true
		}
		i += n
	}
	if start >= 0 {
		return snippetToken{start, len(text)}, true
	}
	return snippetToken{}, false
}

// foldedMatch reports whether the word tok, folded as foldWord does,
// equals want, or starts with it when prefix is true. It folds as it
// goes, without allocating.
func foldedMatch(tok, want string, prefix bool) bool {
	j := 0
	for _, r := range tok {
		var f string
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if j >= len(want) || want[j] != byte(r) {
				return prefix && j == len(want)
			}
			j++
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			r = unicode.ToLower(r)
			if lf, ok := letterFolds[r]; ok {
				f = lf
			} else {
				f = string(r)
			}
		}
		if !strings.HasPrefix(want[j:], f) {
			return prefix && j == len(want)
		}
		j += len(f)
	}
	return j == len(want)
}

// snippetScan is how many words past the first match makeSnippet looks
// for a place where more of the query's words come together.
const snippetScan = 2000

// makeSnippet returns about snippetWords words of the first of cols that
// matches the query, where the most different query words are close
// together, with each matching word between SnippetStart and SnippetEnd.
func makeSnippet(cols []string, words []snippetWord) string {
	for _, text := range cols {
		if s := snippetIn(text, words); s != "" {
			return s
		}
	}
	return ""
}

// phraseAt reports how many words from toks[i] match the phrase, reading
// more words of text into toks as needed, or 0.
func phraseAt(text string, toks *[]snippetToken, i int, phrase []string) int {
	for j, p := range phrase {
		for len(*toks) <= i+j {
			last := (*toks)[len(*toks)-1]
			t, ok := nextToken(text, last.end)
			if !ok {
				return 0
			}
			*toks = append(*toks, t)
		}
		t := (*toks)[i+j]
		if !foldedMatch(text[t.start:t.end], p, j == len(phrase)-1) {
			return 0
		}
	}
	return len(phrase)
}

func snippetIn(text string, words []snippetWord) string {
	if text == "" || len(words) == 0 {
		return ""
	}
	var toks []snippetToken
	matched := map[int]int{}  // token index -> 1 + the query word that starts there
	covered := map[int]bool{} // token indexes inside a match
	first := -1
	best, bestScore := -1, 0
	score := func(start int) int {
		seen := map[int]bool{}
		for k := start; k < start+snippetWords; k++ {
			if w, ok := matched[k]; ok {
				seen[w] = true
			}
		}
		return len(seen)
	}
	for i := 0; ; i++ {
		if i == len(toks) {
			from := 0
			if i > 0 {
				from = toks[i-1].end
			}
			t, ok := nextToken(text, from)
			if !ok {
				break
			}
			toks = append(toks, t)
		}
	match:
		for w, alts := range words {
			for _, phrase := range alts {
				if n := phraseAt(text, &toks, i, phrase); n > 0 {
					matched[i] = w + 1
					for k := i; k < i+n; k++ {
						covered[k] = true
					}
					if first < 0 {
						first = i
					}
					break match
				}
			}
		}
		// A window is complete once snippetWords words past its start
		// have been read.
		if start := i - snippetWords + 1; start >= 0 {
			if _, ok := matched[start]; ok {
				if sc := score(start); sc > bestScore {
					best, bestScore = start, sc
				}
			}
		}
		if bestScore == len(words) || first >= 0 && i-first > snippetScan {
			break
		}
	}
	if first < 0 {
		return ""
	}
	for start := max(0, len(toks)-snippetWords+1); start < len(toks) && bestScore < len(words); start++ {
		if _, ok := matched[start]; ok {
			if sc := score(start); sc > bestScore {
				best, bestScore = start, sc
			}
		}
	}
	if best < 0 {
		best = first
	}
	// Show a few words before the match for context.
	from := max(0, best-3)
	for len(toks) < from+snippetWords {
		t, ok := nextToken(text, toks[len(toks)-1].end)
		if !ok {
			break
		}
		toks = append(toks, t)
	}
	to := min(len(toks), from+snippetWords)
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	p := toks[from].start
	for k := from; k < to; k++ {
		b.WriteString(text[p:toks[k].start])
		if covered[k] {
			b.WriteString(SnippetStart + text[toks[k].start:toks[k].end] + SnippetEnd)
		} else {
			b.WriteString(text[toks[k].start:toks[k].end])
		}
		p = toks[k].end
	}
	if _, more := nextToken(text, p); more {
		b.WriteString("…")
	} else {
		b.WriteString(text[p:])
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// foldWord lower-cases a word and takes the accents off its letters, as
// the index does, and folds the letters that have no accent to remove
// (Ł, ø, ß) as the index's alt column does.
func foldWord(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		if f, ok := letterFolds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// letterFolds maps lower-case Latin letters with accents, and the few
// without a separable accent, to plain letters.
var letterFolds = func() map[rune]string {
	m := map[rune]string{}
	for plain, accented := range map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏőǒ",
		"r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűųǔ", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	} {
		for _, r := range accented {
			m[r] = plain
		}
	}
	return m
}()
