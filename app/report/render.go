package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// Render lays the document out and writes it to w as a PDF.
func (d *Document) Render(w io.Writer) error {
	pdf, err := d.draw()
	if err != nil {
		return err
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("writing the PDF of %q: %w", d.Title, err)
	}
	return nil
}

// draw lays the document out and draws it with fpdf, ready for output.
func (d *Document) draw() (*fpdf.Fpdf, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	l, err := d.layout(fs)
	if err != nil {
		return nil, err
	}
	generated := d.generated()
	when := generated.Time(time.UTC)

	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: "A4"})
	f.SetCatalogSort(true)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetCompression(true)
	// The metadata is UTF-16, shown in the viewer's own fonts, so it
	// keeps every character as typed.
	title := metadata(d.Title, l.title)
	if person := metadata(d.Person, ""); person != "" {
		// A viewer's window and a records system show the title; with
		// the name, a council officer can tell one person's from another's.
		title += ": " + person
	}
	f.SetTitle(title, true)
	f.SetAuthor(metadata(d.Person, ""), true)
	f.SetSubject(metadata(d.Subject, ""), true)
	f.SetCreator("OwnPlan", true)
	f.SetLang("en-GB")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(l.st.left(), l.st.top(), l.st.marginX)
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(0, 0, 0)

	l.used[regular], l.used[bold] = true, true // the running header and footer
	files := faceFiles()
	for s := range numStyles {
		if l.used[s] {
			f.AddUTF8FontFromBytes(fontFamily, s.fpdfStyle(), files[s])
		}
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("loading the fonts: %w", err)
	}

	links := make([]int, len(l.heads))
	for i, h := range l.heads {
		links[i] = f.AddLink()
		f.SetLink(links[i], h.y, h.page)
	}

	r := &drawer{f: f, l: l, links: links, level: -1}
	footer := "Generated on " + FormatDate(generated)
	person := l.person
	for n, p := range l.pages {
		f.AddPage()
		r.face = numStyles // none, so the next setFont reaches fpdf
		r.setFont(regular, l.st.meta)
		if !p.cover {
			r.header(person)
		}
		for _, o := range p.ops {
			r.op(o)
		}
		r.footer(footer, fmt.Sprintf("Page %d of %d", n+1, len(l.pages)))
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("drawing %q: %w", d.Title, err)
	}
	return f, nil
}

// drawer draws laid-out pages with fpdf.
type drawer struct {
	f     *fpdf.Fpdf
	l     *layout
	links []int // fpdf link of each heading
	face  fontStyle
	size  float64
	level int // outline level of the last bookmark
}

// setFont selects a face and size unless they are already selected.
func (r *drawer) setFont(s fontStyle, size float64) {
	if s != r.face || size != r.size {
		r.f.SetFont(fontFamily, s.fpdfStyle(), size)
		r.face, r.size = s, size
	}
}

// op draws one operation.
func (r *drawer) op(o op) {
	f := r.f
	switch o.kind {
	case opText:
		r.setFont(o.style, o.size)
		f.Text(o.x, o.y, o.text)
	case opPageRef:
		r.setFont(o.style, o.size)
		num := strconv.Itoa(r.l.heads[o.ref].page)
		f.Text(o.x-r.l.fs.width(o.style, o.size, num), o.y, num)
	case opLine:
		f.SetLineWidth(o.lw)
		f.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opDotted:
		f.SetLineWidth(1.2)
		f.SetLineCapStyle("round")
		f.SetDashPattern([]float64{0, 3.6}, 0)
		f.Line(o.x, o.y, o.x+o.w, o.y)
		f.SetDashPattern(nil, 0)
		f.SetLineCapStyle("butt")
	case opFill:
		f.SetFillColor(int(o.gray), int(o.gray), int(o.gray))
		f.Rect(o.x, o.y, o.w, o.h, "F")
	case opBox:
		f.SetLineWidth(o.lw)
		f.Rect(o.x, o.y, o.w, o.h, "D")
	case opLink:
		f.Link(o.x, o.y, o.w, o.h, r.links[o.ref])
	case opBookmark:
		// An outline level may go at most one deeper than the one
		// before, or the outline tree is malformed.
		level := min(r.l.heads[o.ref].level-1, r.level+1)
		r.level = level
		f.Bookmark(oneLine(r.l.heads[o.ref].text), level, o.y)
	}
}

// header draws the running header: the person's name on the left, the
// title on the right, shortened with "…" if both do not fit, and a rule.
func (r *drawer) header(person string) {
	st, fs := r.l.st, r.l.fs
	r.setFont(regular, st.meta)
	y := baseline(st.marginY, st.meta*1.2, st.meta)
	gap := st.meta * 2
	title := r.l.title
	if person != "" {
		person = fit(fs, bold, st.meta, person, st.contentW()*0.5)
		r.setFont(bold, st.meta)
		r.f.Text(st.left(), y, person)
		title = fit(fs, regular, st.meta, title, st.contentW()-fs.width(bold, st.meta, person)-gap)
		r.setFont(regular, st.meta)
		r.f.Text(st.right()-fs.width(regular, st.meta, title), y, title)
	} else {
		r.f.Text(st.left(), y, fit(fs, regular, st.meta, title, st.contentW()))
	}
	r.f.SetLineWidth(0.75)
	r.f.Line(st.left(), st.headerRule(), st.right(), st.headerRule())
}

// footer draws the running footer: a rule, then left and right text.
func (r *drawer) footer(left, right string) {
	st, fs := r.l.st, r.l.fs
	r.setFont(regular, st.meta)
	r.f.SetLineWidth(0.75)
	r.f.Line(st.left(), st.footerRule(), st.right(), st.footerRule())
	y := baseline(st.footerRule()+st.meta*0.4, st.meta*1.2, st.meta)
	r.f.Text(st.left(), y, left)
	r.f.Text(st.right()-fs.width(regular, st.meta, right), y, right)
}

// metadata returns s for the PDF's document information: on one line,
// without control or invisible formatting characters, and no longer
// than a viewer's title bar can sensibly show; or orElse if s is blank.
// fpdf encodes only the Basic Multilingual Plane, so each run of
// characters beyond it, such as an emoji with its skin tone, becomes
// one U+FFFD.
func metadata(s, orElse string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	astral := false
	for _, r := range s {
		if r > 0xFFFF {
			if !astral {
				b.WriteRune('\uFFFD')
			}
			astral = true
			continue
		}
		if !isIgnorable(r) {
			astral = false
		}
		b.WriteRune(r)
	}
	s = strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || isIgnorable(r)
	}), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:299]) + "…"
	}
	if s == "" {
		return orElse
	}
	return s
}

// fit shortens cleaned one-line text with "…" until it is no wider than
// width.
func fit(fs *fontSet, s fontStyle, size float64, text string, width float64) string {
	if fs.width(s, size, text) <= width {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if fs.width(s, size, t) <= width {
			return t
		}
	}
	return "…"
}
