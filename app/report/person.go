package report

import (
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/store"
)

// Person is who a document is about: the facts a council uses to find
// their records. Anything left empty is left out.
type Person struct {
	Name        string
	DateOfBirth store.Date
	Address     string
	NHSNumber   string
	Council     string
	CouncilRef  string
}

// noName stands in for a person whose name has not been written yet.
const noName = "Name not given yet"

// name returns the person's name, or a plain placeholder.
func (p Person) name() string {
	if n := strings.TrimSpace(p.Name); n != "" {
		return n
	}
	return noName
}

// facts returns the facts that identify the person, in the order council
// forms ask for them.
func (p Person) facts() []Fact {
	fs := []Fact{{"Name", p.name()}}
	fs = appendFact(fs, "Date of birth", FormatDate(p.DateOfBirth))
	fs = appendFact(fs, "Address", p.Address)
	fs = appendFact(fs, "NHS number", p.NHSNumber)
	fs = appendFact(fs, "Council", p.Council)
	fs = appendFact(fs, "Council reference", p.CouncilRef)
	return fs
}

// forCouncil returns the cover's subtitle line naming the council, or ""
// when no council is known.
func (p Person) forCouncil() string {
	if c := strings.TrimSpace(p.Council); c != "" {
		return "For " + c
	}
	return ""
}

// forWhom completes a document's subject with the council and the
// council's reference, such as " for Suffolk County Council (reference
// ASC-0419-2271)", so that a council's records system can file it; it
// is "" when neither is known.
func (p Person) forWhom() string {
	s := ""
	if c := strings.TrimSpace(p.Council); c != "" {
		s = " for " + c
	}
	if ref := strings.TrimSpace(p.CouncilRef); ref != "" {
		s += " (reference " + ref + ")"
	}
	return s
}

// EvidenceItem is one piece of evidence in an index: a letter, a report,
// a receipt.
type EvidenceItem struct {
	Title string
	// Kind says what it is, in words, such as "Decision letter".
	Kind string
	// From is who wrote or sent it.
	From string
	// Date is the date on it; zero if not known.
	Date store.Date
	// For says, in words, what it is evidence for, such as
	// "Washing and keeping clean". It may be empty.
	For []string
}

// appendFact appends a fact unless its value is blank.
func appendFact(fs []Fact, label, value string) []Fact {
	if strings.TrimSpace(value) == "" {
		return fs
	}
	return append(fs, Fact{label, strings.TrimSpace(value)})
}

// orDash returns s, or an en dash when s is blank, so an empty table
// cell reads as "nothing" rather than as a gap in the print.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// blank reports whether s holds nothing but white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// evidenceTable is an index of evidence items: the title with the kind
// of document under it, who it is from and the date on it, with what
// each is evidence for when any item says. Four columns at most, so that
// no word is broken even in large print.
func evidenceTable(caption string, items []EvidenceItem, empty string) Table {
	withFor := false
	for _, it := range items {
		if len(it.For) > 0 {
			withFor = true
		}
	}
	t := Table{
		Caption: caption,
		Columns: []Column{{Header: "Title and kind", Width: 3.2}, {Header: "From", Width: 2}, {Header: "Date", Width: 1.6}},
		Empty:   empty,
	}
	if withFor {
		t.Columns = append(t.Columns, Column{Header: "Evidence for", Width: 2.2})
	}
	t.Rows = make([][]string, 0, len(items))
	for _, it := range items {
		title := strings.TrimSpace(it.Title)
		if title == "" {
			title = "Untitled"
		}
		if kind := strings.TrimSpace(it.Kind); kind != "" {
			title += "\n(" + kind + ")"
		}
		row := []string{title, orDash(it.From), tableDate(it.Date)}
		if withFor {
			row = append(row, orDash(strings.Join(it.For, "; ")))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// tableDate writes a date in a table column as "9 Sep 2026", held
// together by no-break spaces so that it never wraps.
func tableDate(d store.Date) string {
	if d.IsZero() {
		return "–"
	}
	return fmt.Sprintf("%d\u00a0%s\u00a0%d", d.Day, d.Month.String()[:3], d.Year)
}
