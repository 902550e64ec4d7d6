package doctext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// errTooComplex stops a PDF that asks for more drawing operations than
// Limits.Ops, such as one whose forms draw each other over and over.
var errTooComplex = errors.New("too complex")

// pdfText reads the text layer of a PDF with github.com/ledongthuc/pdf,
// a pure-Go PDF reader. The library parses the file and decodes simple
// fonts; this file walks each page's drawing operations itself so that
// it can put spaces and line breaks where the text is positioned apart,
// decode two-byte (Type 0) fonts through their ToUnicode maps correctly,
// follow forms (Form XObjects) and stop when a limit is reached.
func pdfText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	rd, err := pdf.NewReader(pdfHeaderFix{r}, size)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "encrypt") || strings.Contains(msg, "password") {
			return "", errLocked
		}
		return "", err
	}
	w := &pdfWalker{ctx: ctx, lim: lim, out: &limitedBuilder{limit: lim.Text}}
	all, err := pdfPages(ctx, rd, lim.Pages)
	if err != nil {
		return "", err
	}
	pages := len(all)
	failed := 0
	for _, p := range all {
		if err := ctx.Err(); err != nil {
			return w.out.String(), err
		}
		err := w.page(p)
		switch {
		case errors.Is(err, errTooMuch), errors.Is(err, errTooComplex), ctx.Err() != nil:
			if ctx.Err() != nil {
				err = ctx.Err()
			}
			return w.out.String(), err
		case err != nil:
			failed++
		}
		if err := w.out.add("\n\n"); err != nil {
			return w.out.String(), err
		}
		w.started = false
	}
	if failed > 0 && strings.TrimSpace(w.out.String()) == "" {
		if rd.Trailer().Key("Encrypt").Kind() != pdf.Null {
			// The library opens some files protected only against
			// copying but cannot decrypt their pages.
			return "", errLocked
		}
		return "", fmt.Errorf("%d of %d pages could not be read", failed, pages)
	}
	return w.out.String(), nil
}

// pdfPages returns the document's pages in order, at most limit of them,
// walking the page tree once. (The library's Page(n) walks it from the
// top for every page, which takes minutes on a PDF of thousands of
// pages.) A node with Kids is a branch; anything else is a page. The
// walk goes at most 64 branches deep and visits at most a few nodes per
// page, so a tree that loops back on itself, or shares branches to blow
// up, soon ends.
func pdfPages(ctx context.Context, rd *pdf.Reader, limit int) (pages []pdf.Page, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("page tree: %v", x)
		}
	}()
	const maxDepth = 64
	visits, maxVisits := 0, 4*limit+1000
	var walk func(node pdf.Value, depth int) bool
	walk = func(node pdf.Value, depth int) bool {
		visits++
		if len(pages) >= limit || visits > maxVisits || ctx.Err() != nil {
			return false
		}
		kids := node.Key("Kids")
		if kids.Kind() != pdf.Array {
			if node.Kind() == pdf.Dict {
				pages = append(pages, pdf.Page{V: node})
			}
			return true
		}
		if depth >= maxDepth {
			return true
		}
		for i := 0; i < kids.Len(); i++ {
			if !walk(kids.Index(i), depth+1) {
				return false
			}
		}
		return true
	}
	walk(rd.Trailer().Key("Root").Key("Pages"), 0)
	return pages, ctx.Err()
}

// pdfHeaderFix presents a PDF 2.0 header as 1.7, which the library
// refuses although it reads the rest of such files.
type pdfHeaderFix struct{ r io.ReaderAt }

func (p pdfHeaderFix) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.r.ReadAt(b, off)
	if off < 8 && off+int64(n) >= 8 {
		head := b[:8-off]
		if i := bytes.Index(head, []byte("%PDF-2.")); i >= 0 && i+7 < len(head) {
			head[i+5], head[i+7] = '1', '7'
		}
	}
	return n, err
}

// walkStop carries an error out of the library's interpreter.
type walkStop struct{ err error }

// pdfWalker turns drawing operations into text.
type pdfWalker struct {
	ctx context.Context
	lim Limits
	out *limitedBuilder
	ops int

	started      bool    // text has been written on this page
	lastY, endX  float64 // baseline and end of the last text shown
	lastSize     float64
	pendingSpace bool // a TJ gap asked for a space before the next text
}

// page writes one page's text. A damaged page is reported, not fatal.
func (w *pdfWalker) page(p pdf.Page) (err error) {
	defer func() {
		if x := recover(); x != nil {
			if s, ok := x.(walkStop); ok {
				err = s.err
				return
			}
			err = fmt.Errorf("page: %v", x)
		}
	}()
	if p.V.IsNull() {
		return nil
	}
	contents := p.V.Key("Contents")
	if contents.Kind() != pdf.Stream && contents.Kind() != pdf.Array {
		return nil
	}
	w.content(contents, p.Resources(), 0)
	return nil
}

// textState is the part of the graphics state that places text.
type textState struct {
	tm, tlm                  [6]float64 // text matrix and line matrix: a b c d e f
	font                     *pdfFont
	size, tc, tw, th, tl, ts float64
}

var identity = [6]float64{1, 0, 0, 1, 0, 0}

// translate returns the matrix m moved by (tx, ty) in its own space.
func translate(m [6]float64, tx, ty float64) [6]float64 {
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
	return m
}

// content interprets one content stream (a page's or a form's).
func (w *pdfWalker) content(strm, res pdf.Value, depth int) {
	fonts := map[string]*pdfFont{}
	g := textState{tm: identity, tlm: identity, th: 1}
	var saved []textState
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		w.ops++
		if w.ops > w.lim.Ops {
			panic(walkStop{errTooComplex})
		}
		if w.ops%4096 == 0 {
			if err := w.ctx.Err(); err != nil {
				panic(walkStop{err})
			}
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(saved) < 64 {
				saved = append(saved, g)
			}
		case "Q":
			if n := len(saved); n > 0 {
				g, saved = saved[n-1], saved[:n-1]
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				g.font = w.font(res, args[0].Name(), fonts)
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					g.tl = -num(1)
				}
				g.tlm = translate(g.tlm, num(0), num(1))
				g.tm = g.tlm
			}
		case "Tm":
			if len(args) == 6 {
				for i := range 6 {
					g.tm[i] = num(i)
				}
				g.tlm = g.tm
			}
		case "T*":
			g.tlm = translate(g.tlm, 0, -g.tl)
			g.tm = g.tlm
		case "Tj", "'", "\"":
			if len(args) == 0 {
				return
			}
			if op != "Tj" {
				if op == "\"" && len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
				}
				g.tlm = translate(g.tlm, 0, -g.tl)
				g.tm = g.tlm
			}
			w.show(&g, args[len(args)-1].RawString())
		case "TJ":
			if len(args) != 1 {
				return
			}
			arr := args[0]
			for i := 0; i < arr.Len(); i++ {
				v := arr.Index(i)
				if v.Kind() == pdf.String {
					w.show(&g, v.RawString())
					continue
				}
				adj := v.Float64()
				if -adj > 200 {
					w.pendingSpace = true
				}
				g.tm = translate(g.tm, -adj/1000*g.size*g.th, 0)
			}
		case "Do":
			if depth >= 8 || len(args) != 1 {
				return
			}
			x := res.Key("XObject").Key(args[0].Name())
			if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
				return
			}
			inner := x.Key("Resources")
			if inner.Kind() != pdf.Dict {
				inner = res
			}
			w.breakLine()
			w.content(x, inner, depth+1)
			w.breakLine()
		}
	})
}

// breakLine makes the next text start on a new line.
func (w *pdfWalker) breakLine() {
	if w.started {
		w.emit("\n")
	}
	w.started = false
	w.pendingSpace = false
}

func (w *pdfWalker) emit(s string) {
	if err := w.out.add(s); err != nil {
		panic(walkStop{err})
	}
}

// show writes the text of one string operand, starting a new line or
// adding a space when its position says it is apart from the last text.
func (w *pdfWalker) show(g *textState, raw string) {
	f := g.font
	if f == nil {
		f = fallbackFont
	}
	text, width, codes, spaces := f.decode(raw)
	scale := math.Hypot(g.tm[0], g.tm[1])
	if scale == 0 {
		scale = 1
	}
	size := math.Abs(g.size) * scale
	if size == 0 {
		size = 1
	}
	x, y := g.tm[4], g.tm[5]
	if text != "" {
		if w.started {
			gap := x - w.endX
			switch {
			case math.Abs(y-w.lastY) > 0.4*max(size, w.lastSize):
				w.emit("\n")
			case w.pendingSpace || gap > 0.15*size || gap < -2*size:
				if !strings.HasSuffix(w.out.String(), " ") && !strings.HasPrefix(text, " ") {
					w.emit(" ")
				}
			}
		}
		w.emit(text)
		w.started = true
		w.pendingSpace = false
		w.lastY, w.lastSize = y, size
	}
	tx := (width/1000*g.size + g.tc*float64(codes) + g.tw*float64(spaces)) * g.th
	g.tm = translate(g.tm, tx, 0)
	if text != "" {
		w.endX = g.tm[4]
	}
}

// font returns the font called name in the resources, read once per
// content stream.
func (w *pdfWalker) font(res pdf.Value, name string, cache map[string]*pdfFont) *pdfFont {
	if f, ok := cache[name]; ok {
		return f
	}
	f := newPDFFont(res.Key("Font").Key(name))
	cache[name] = f
	return f
}
