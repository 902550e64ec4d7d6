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
	if !ok {
		return []TextEdit{{Before: strings.Join(a, " "), After: strings.Join(b, " ")}}
	}
	var out []TextEdit
	var gone, came []string
	flush := func() {
		if len(gone)+len(came) > 0 {
			out = append(out, TextEdit{Before: strings.Join(gone, " "), After: strings.Join(came, " ")})
		}
		gone, came = nil, nil
	}
	for _, o := range ops {
		switch o.kind {
		case opSame:
			flush()
		case opGone:
			gone = append(gone, a[o.i])
		case opCame:
			came = append(came, b[o.j])
		}
	}
	flush()
	return out
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
