package app

import "strings"

// TextEdit is one run of words that changed inside a piece of free text:
// words taken out (Before), words put in (After), or both.
type TextEdit struct {
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// maxWordEdits bounds the word diff: texts that differ in more words
// than this, after their shared start and end, are reported as one
// rewritten run. It keeps comparing two long, wholly different versions
// quick (the work grows with the number of edits squared).
const maxWordEdits = 800

// wordEdits lists the runs of words that changed from x to y, in order.
// It finds the fewest words to take out and put in (Myers' difference
// algorithm over words), so two separate edits to a section show as two
// runs rather than one long one covering everything between them.
func wordEdits(x, y []string) []TextEdit {
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	a, b := x[p:len(x)-s], y[p:len(y)-s]
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	ops, ok := diffOps(a, b, maxWordEdits)
	whole := []TextEdit{{Before: strings.Join(a, " "), After: strings.Join(b, " ")}}
	if !ok {
		return whole
	}
	// Runs of changed words and the shared words between them.
	type run struct {
		same       bool
		gone, came []string
	}
	var runs []run
	shared := 0
	for _, o := range ops {
		same := o.kind == opSame
		if len(runs) == 0 || runs[len(runs)-1].same != same {
			runs = append(runs, run{same: same})
		}
		r := &runs[len(runs)-1]
		switch o.kind {
		case opSame:
			r.gone = append(r.gone, a[o.i])
			shared++
		case opGone:
			r.gone = append(r.gone, a[o.i])
		case opCame:
			r.came = append(r.came, b[o.j])
		}
	}
	// A text that keeps only a few scattered words was rewritten: one run
	// says that better than many small ones.
	if shared*3 < min(len(a), len(b)) {
		return whole
	}
	// Two changes one or two words apart read as one change.
	const join = 2
	var out []TextEdit
	var cur *TextEdit
	for i, r := range runs {
		switch {
		case !r.same:
			if cur == nil {
				out = append(out, TextEdit{})
				cur = &out[len(out)-1]
			}
			cur.Before = joinWords(cur.Before, r.gone)
			cur.After = joinWords(cur.After, r.came)
		case cur != nil && len(r.gone) <= join && i+1 < len(runs):
			cur.Before = joinWords(cur.Before, r.gone)
			cur.After = joinWords(cur.After, r.gone)
		default:
			cur = nil
		}
	}
	return out
}

// joinWords adds words to s, a space between each.
func joinWords(s string, words []string) string {
	if len(words) == 0 {
		return s
	}
	if s == "" {
		return strings.Join(words, " ")
	}
	return s + " " + strings.Join(words, " ")
}

type opKind int

const (
	opSame opKind = iota // a[i] == b[j]
	opGone               // a[i] taken out
	opCame               // b[j] put in
)

type diffOp struct {
	kind opKind
	i, j int
}

// diffOps returns the shortest edit script from a to b, or false if it
// needs more than limit words taken out and put in.
func diffOps(a, b []string, limit int) ([]diffOp, bool) {
	n, m := len(a), len(b)
	most := min(n+m, limit)
	off := most + 1
	v := make([]int, 2*most+3)
	// trace[d] holds v[-d..d] as it was before step d, for going back.
	var trace [][]int
	for d := 0; d <= most; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: put in b[y-1]
			} else {
				x = v[off+k-1] + 1 // right: take out a[x-1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, d, n, m), true
			}
		}
	}
	return nil, false
}

// backtrack walks the trace from (n, m) back to the start, building the
// edit script of d edits in order.
func backtrack(trace [][]int, d, n, m int) []diffOp {
	var rev []diffOp
	x, y := n, m
	for ; d > 0; d-- {
		vd := trace[d] // v before step d, indexed from -d
		at := func(k int) int { return vd[k+d] }
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, diffOp{opSame, x, y})
		}
		if x == prevX {
			y--
			rev = append(rev, diffOp{opCame, x, y})
		} else {
			x--
			rev = append(rev, diffOp{opGone, x, y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, diffOp{opSame, x, y})
	}
	ops := make([]diffOp, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}
