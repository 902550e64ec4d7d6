package report

import (
	"slices"
	"strings"
	"testing"
	"testing/quick"
)

func mustFonts(t testing.TB) *fontSet {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestFontCoversNamesAndMoney(t *testing.T) {
	fs := mustFonts(t)
	for _, r := range "£€ËëÓóŁłŚśŻżĆćŃńÉéÍíÚúÁáÑñÇçßØøÅåÆæŒœ•–—‘’“”…\uFFFD" {
		for s := range numStyles {
			if !fs.face[s].covers(r) {
				t.Errorf("the %s face lacks %q (%U)", s.name(), r, r)
			}
		}
	}
	for r := rune(' '); r < 0x7F; r++ {
		if !fs.common.covers(r) {
			t.Errorf("the fonts lack ASCII %q", r)
		}
	}
	if fs.replacement != '\uFFFD' {
		t.Errorf("replacement is %q, want U+FFFD", fs.replacement)
	}
	for _, r := range "👍שمあ" {
		if fs.common.covers(r) {
			t.Errorf("expected the font to lack %q; update the documentation in text.go", r)
		}
	}
}

func TestClean(t *testing.T) {
	fs := mustFonts(t)
	for _, c := range []struct{ in, want string }{
		{"Zoë Ó Briain, Łukasz, £18,200.00", "Zoë Ó Briain, Łukasz, £18,200.00"},
		{"a\r\nb\rc\u2028d", "a\nb\nc\nd"},
		{"tab\there", "tab here"},
		{"bell\x07 nul\x00", "bell nul"},
		{"soft\u00ADhyphen zero\u200Bwidth \u202Eoverride\u202C", "softhyphen zerowidth override"},
		{"ok 👍 ok", "ok [emoji] ok"},
		{"tone 👍🏽 end", "tone [emoji] end"},
		{"family 👨‍👩‍👧 end", "family [emoji] end"},
		{"heart ❤️ end", "heart [emoji] end"},
		{"flags 🇬🇧🇮🇪 end", "flags [emoji] end"},
		{"two 👍👍 and 👍 👍.", "two [emoji] and [emoji]."},
		{"שלום עולם", "[Hebrew\u00a0text]"},
		{"Arabic: مرحبا بالعالم، أنا. Done", "Arabic: [Arabic\u00a0text]. Done"},
		{"Zoë 😀 مرحبا 李 Ó Briain", "Zoë [emoji] [Arabic\u00a0text] [Chinese\u00a0text] Ó Briain"},
		{"我需要帮助. 私は助けが必要です。", "[Chinese\u00a0text]. [Japanese\u00a0text]"},
		{"도움이 필요합니다. मुझे मदद चाहिए। ਮਦਦ", "[Korean\u00a0text]. [Devanagari\u00a0text] [Punjabi\u00a0text]"},
		{"2 ≤ 3 → ✓ ★ ∑", "2 <= 3 -> [tick] * [symbol]"},
		{"private \uE000 and \uFFFF", "private \uFFFD and \uFFFD"},
		{"typed \uFFFD mark", "typed \uFFFD mark"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := fs.clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	var noted []string
	fs.cleanNoting("ok 👍 שלום 👍 ≤", func(label string) { noted = append(noted, label) })
	if want := []string{"[emoji]", "[Hebrew\u00a0text]", "[emoji]"}; !slices.Equal(noted, want) {
		t.Errorf("noted %q, want %q", noted, want)
	}
}

func TestSplitParagraphs(t *testing.T) {
	got := splitParagraphs("\n\none\ntwo\n\n  \nthree\n\n\n")
	if len(got) != 2 || got[0] != "one\ntwo" || got[1] != "three" {
		t.Errorf("got %q", got)
	}
}

func TestWrapKeepsEveryWordAndFits(t *testing.T) {
	fs := mustFonts(t)
	check := func(text string, width float64) bool {
		text = fs.clean(text)
		width = 20 + float64(int(width*1000)%400)
		got := fs.wrap(regular, 12, text, width)
		for _, l := range got {
			if w := fs.width(regular, 12, l); w > width+0.01 && len([]rune(l)) > 1 {
				t.Logf("line %q is %.2f wide, over %.2f", l, w, width)
				return false
			}
		}
		// Every non-space character survives, in order.
		strip := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
		return strip(strings.Join(got, "")) == strip(text)
	}
	if err := quick.Check(check, &quick.Config{MaxCount: 2000}); err != nil {
		t.Error(err)
	}
	for _, text := range []string{"", "a", "one two three", "Supercalifragilisticexpialidocious is long", "x\n\ny", "  spaced   out  "} {
		if !check(text, 0.05) {
			t.Errorf("wrap(%q) lost text", text)
		}
	}
	if got := fs.wrap(regular, 12, "a\n\nb", 100); len(got) != 3 || got[1] != "" {
		t.Errorf("blank line lost: %q", got)
	}
}

func TestWidthsMatchFpdf(t *testing.T) {
	fs := mustFonts(t)
	d := &Document{Generated: sampleDate}
	pdf, err := d.draw()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []fontStyle{regular, bold} {
		pdf.SetFont(fontFamily, s.fpdfStyle(), 12)
		for _, text := range []string{"Zoë Ó Briain", "Łukasz £18,200.00", "What is important to me"} {
			if got, want := fs.width(s, 12, text), pdf.GetStringWidth(text); got != want {
				t.Errorf("%s %q: width %.3f, fpdf says %.3f", s.name(), text, got, want)
			}
		}
	}
}
