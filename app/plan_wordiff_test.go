package app

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestPlanWordEdits(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y string
		want []TextEdit
	}{
		{"same", "a b c", "a b c", nil},
		{"two separate changes", "A direct payment into a separate account. I use a payroll service for my PA.",
			"A direct payment into its own account. I use a payroll service for my PA, who is paid every week.",
			[]TextEdit{{Before: "a separate", After: "its own"}, {Before: "PA.", After: "PA, who is paid every week."}}},
		{"put in", "I rest after my shower.", "I rest for an hour after my shower.", []TextEdit{{After: "for an hour"}}},
		{"taken out", "I rest for an hour after my shower.", "I rest after my shower.", []TextEdit{{Before: "for an hour"}}},
		{"at both ends", "one two three four five", "zero two three four six", []TextEdit{{Before: "one", After: "zero"}, {Before: "five", After: "six"}}},
		{"from nothing", "", "new words", []TextEdit{{After: "new words"}}},
		{"emoji and scripts", "Ania 🙂 שלום 你好 and more words", "Ania 🙁 שלום 你好 and more words e\u0301",
			[]TextEdit{{Before: "🙂", After: "🙁"}, {After: "e\u0301"}}},
		{"changes two words apart read as one", "I rest after my shower in the morning", "I sleep after my bath in the morning",
			[]TextEdit{{Before: "rest after my shower", After: "sleep after my bath"}}},
		{"a rewrite is one change", "My PA comes in the morning to help me", "Ania cooks dinner for me in the evening when I am tired",
			[]TextEdit{{Before: "My PA comes in the morning to help me", After: "Ania cooks dinner for me in the evening when I am tired"}}},
	} {
		got := wordEdits(strings.Fields(tc.x), strings.Fields(tc.y))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// The word diff is the shortest one, and applying it gives the new text.
func TestPlanWordEditsAreShortestAndExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d"}
	for range 2000 {
		a, b := make([]string, r.IntN(12)), make([]string, r.IntN(12))
		for i := range a {
			a[i] = words[r.IntN(len(words))]
		}
		for i := range b {
			b[i] = words[r.IntN(len(words))]
		}
		ops, ok := diffOps(a, b, maxWordEdits)
		if !ok {
			t.Fatalf("%q -> %q: no script", a, b)
		}
		var got []string
		edits, ai := 0, 0
		for _, o := range ops {
			switch o.kind {
			case opSame:
				if a[o.i] != b[o.j] || o.i != ai {
					t.Fatalf("%q -> %q: bad same %+v", a, b, o)
				}
				got = append(got, a[o.i])
				ai++
			case opGone:
				if o.i != ai {
					t.Fatalf("%q -> %q: out of order %+v", a, b, o)
				}
				ai++
				edits++
			case opCame:
				got = append(got, b[o.j])
				edits++
			}
		}
		if strings.Join(got, " ") != strings.Join(b, " ") || ai != len(a) {
			t.Fatalf("%q -> %q: script gives %q", a, b, got)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("%q -> %q: %d edits, the fewest is %d", a, b, edits, want)
		}
	}
}

func lcs(a, b []string) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t[0][0]
}

// Two long, wholly different texts are compared quickly, as one run.
func TestPlanWordEditsLongRewrite(t *testing.T) {
	x := strings.Fields(strings.Repeat("old words here ", 5000))
	y := strings.Fields(strings.Repeat("new text there ", 5000))
	got := wordEdits(x, y)
	if len(got) != 1 || len(strings.Fields(got[0].Before)) != 15000 || len(strings.Fields(got[0].After)) != 15000 {
		t.Errorf("long rewrite: %d runs", len(got))
	}
}
