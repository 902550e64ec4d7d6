package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// PlanDiff is what changed between two versions of the plan.
type PlanDiff struct {
	From    string       `json:"from"` // the older version's label
	To      string       `json:"to"`
	Changes []PlanChange `json:"changes"`
}

// PlanChange is one change between two versions: a section rewritten, an
// outcome added, a cost changed.
type PlanChange struct {
	// Part is where the change is, in plain words: a section's title,
	// "Outcomes", "Support", "Risks", "Action plan", "One-page profile",
	// "Status and dates" or "Personal budget".
	Part string `json:"part"`
	// Item names the entry within a list part, such as an outcome's
	// "what"; empty for sections.
	Item string `json:"item,omitempty"`
	// Field names the field that changed within an item, in plain words.
	Field string `json:"field,omitempty"`
	// Kind is "added", "removed" or "changed".
	Kind   string `json:"kind"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Edits are, for a piece of free text that was changed rather than
	// written or cleared, the runs of words that changed, in order.
	Edits []TextEdit `json:"edits,omitempty"`
	// Summary says it in a plain sentence.
	Summary string `json:"summary"`
}

// ComparePlanVersions says what changed from version from to version to.
// Each is a version's ID, its number in PlanVersions, or "current".
func (a *App) ComparePlanVersions(ctx context.Context, from, to string) (PlanDiff, error) {
	pa, la, err := a.PlanAt(ctx, from)
	if err != nil {
		return PlanDiff{}, err
	}
	pb, lb, err := a.PlanAt(ctx, to)
	if err != nil {
		return PlanDiff{}, err
	}
	return PlanDiff{From: la, To: lb, Changes: DiffPlans(pa, pb)}, nil
}

// DiffPlans lists the changes from plan a to plan b, part by part in the
// plan's order.
func DiffPlans(a, b Plan) []PlanChange {
	var out []PlanChange
	add := func(c PlanChange) { out = append(out, c) }
	const dates = "Status and dates"
	if a.Status != b.Status {
		add(PlanChange{Part: dates, Field: "status", Kind: "changed", Before: a.Status.Label(), After: b.Status.Label(),
			Summary: fmt.Sprintf("The status changed from “%s” to “%s”.", a.Status.Label(), b.Status.Label())})
	}
	for _, d := range []struct {
		name string
		x, y store.Date
	}{
		{"date started", a.Started, b.Started}, {"date sent to the council", a.Sent, b.Sent},
		{"date agreed", a.Agreed, b.Agreed}, {"next review date", a.NextReview, b.NextReview},
	} {
		if d.x != d.y {
			add(fieldChange(dates, "", d.name, HumanDate(d.x), HumanDate(d.y), d.x.IsZero(), d.y.IsZero()))
		}
	}
	if a.PersonalBudget != b.PersonalBudget || a.BudgetKnown != b.BudgetKnown {
		add(fieldChange("Personal budget", "", "personal budget", budgetWords(a), budgetWords(b), !a.BudgetKnown, !b.BudgetKnown))
	}
	for _, s := range pairSections(a.Sections, b.Sections) {
		if c, ok := textChange(s.title, "", "", s.x, s.y); ok {
			add(c)
		}
	}
	for _, s := range pairSections(a.Profile, b.Profile) {
		if c, ok := textChange("One-page profile", s.title, "", s.x, s.y); ok {
			add(c)
		}
	}
	out = append(out, diffItems("Outcomes", "an outcome", a.Outcomes, b.Outcomes, outcomeFields)...)
	out = append(out, diffItems("Support", "a support arrangement", a.Support, b.Support, supportFields)...)
	out = append(out, diffItems("Risks", "a risk", a.Risks, b.Risks, riskFields)...)
	out = append(out, diffItems("Action plan", "a next step", a.Actions, b.Actions, actionFields)...)
	return out
}

func budgetWords(p Plan) string {
	if !p.BudgetKnown {
		return "not known"
	}
	return money.Format(p.PersonalBudget)
}

type sectionPair struct{ title, x, y string }

// pairSections matches sections by key, in b's order then any only in a.
func pairSections(a, b []PlanSection) []sectionPair {
	old := map[string]PlanSection{}
	for _, s := range a {
		old[s.Key] = s
	}
	var out []sectionPair
	seen := map[string]bool{}
	for _, s := range b {
		out = append(out, sectionPair{s.Title, old[s.Key].Text, s.Text})
		seen[s.Key] = true
	}
	for _, s := range a {
		if !seen[s.Key] {
			out = append(out, sectionPair{s.Title, s.Text, ""})
		}
	}
	return out
}

// fieldChange describes a short value that changed.
func fieldChange(part, item, field, x, y string, xEmpty, yEmpty bool) PlanChange {
	c := PlanChange{Part: part, Item: item, Field: field, Before: x, After: y, Kind: "changed"}
	where := field
	if item != "" {
		where = fmt.Sprintf("%s of “%s”", field, item)
	}
	switch {
	case xEmpty:
		c.Kind = "added"
		c.Summary = fmt.Sprintf("The %s was set to %s.", where, y)
	case yEmpty:
		c.Kind = "removed"
		c.Summary = fmt.Sprintf("The %s (%s) was cleared.", where, x)
	default:
		c.Summary = fmt.Sprintf("The %s changed from %s to %s.", where, x, y)
	}
	return c
}

// textChange describes a change to a piece of free text in plain words:
// which words went and which came, with a short quote of each.
func textChange(part, item, field, x, y string) (PlanChange, bool) {
	if x == y {
		return PlanChange{}, false
	}
	c := PlanChange{Part: part, Item: item, Field: field, Before: x, After: y, Kind: "changed"}
	where := "This part"
	switch {
	case item != "" && field != "":
		where = fmt.Sprintf("“%s”, %s", item, field)
	case item != "":
		where = fmt.Sprintf("“%s”", item)
	}
	xw, yw := strings.Fields(x), strings.Fields(y)
	switch {
	case len(xw) == 0 && len(yw) == 0:
		c.Summary = where + ": only spaces or line breaks changed."
		return c, true
	case len(xw) == 0:
		c.Kind = "added"
		c.Summary = fmt.Sprintf("%s was written (%s): “%s”", where, plural(len(yw), "word"), quote(yw))
		return c, true
	case len(yw) == 0:
		c.Kind = "removed"
		c.Summary = fmt.Sprintf("%s was cleared (it had %s): “%s”", where, plural(len(xw), "word"), quote(xw))
		return c, true
	}
	c.Edits = wordEdits(xw, yw)
	if len(c.Edits) == 0 {
		c.Summary = where + ": only spaces or line breaks changed."
		return c, true
	}
	// Say what happened to each run of words, up to a few of them.
	const most = 3
	var said []string
	for i, e := range c.Edits {
		if i == most {
			more := "1 more change"
			if n := len(c.Edits) - most; n > 1 {
				more = fmt.Sprintf("%d more changes", n)
			}
			said = append(said, "and "+more)
			break
		}
		gone, came := strings.Fields(e.Before), strings.Fields(e.After)
		switch {
		case len(gone) == 0:
			said = append(said, fmt.Sprintf("%s added: “%s”", plural(len(came), "word"), quote(came)))
		case len(came) == 0:
			said = append(said, fmt.Sprintf("%s taken out: “%s”", plural(len(gone), "word"), quote(gone)))
		default:
			said = append(said, fmt.Sprintf("“%s” became “%s”", quote(gone), quote(came)))
		}
	}
	c.Summary = where + ": " + strings.Join(said, "; ")
	return c, true
}

// quote returns the first dozen words, with an ellipsis if there are more.
func quote(words []string) string {
	const most = 12
	if len(words) <= most {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:most], " ") + " …"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// itemField is one field of a list item, for comparing.
type itemField struct {
	name  string
	value string
	long  bool // free text, compared word by word
}

func outcomeFields(o store.PlanOutcome) (string, string, []itemField) {
	return o.ID, o.What, []itemField{
		{"what I want", o.What, true}, {"why it matters", o.Why, true}, {"how I'll know it's working", o.HowIllKnow, true},
		{"needs it is about", strings.Join(o.Needs, ", "), false}, {"support that helps", fmt.Sprint(len(o.Support)) + " linked", false},
	}
}

func supportFields(s store.SupportArrangement) (string, string, []itemField) {
	cost := "not known"
	if s.CostKnown {
		cost = money.Format(s.AnnualCost) + " a year"
	}
	cat := s.Category
	if c, ok := SupportCategory(s.Category); ok {
		cat = c.Name
	}
	label := s.Who
	if s.What != "" {
		label = strings.TrimSpace(s.Who + ": " + s.What)
	}
	return s.ID, label, []itemField{
		{"who", s.Who, false}, {"what", s.What, true}, {"when", s.When, true},
		{"cost", cost, false}, {"budget category", cat, false},
	}
}

func riskFields(r store.PlanRisk) (string, string, []itemField) {
	return r.ID, r.What, []itemField{
		{"what could go wrong", r.What, true}, {"how it is managed", r.Managed, true},
		{"who helps", r.WhoHelps, true}, {"back-up plan", r.BackUp, true},
	}
}

func actionFields(x store.PlanAction) (string, string, []itemField) {
	done := "not done yet"
	if x.Done {
		done = "done"
	}
	by := ""
	if !x.By.IsZero() {
		by = HumanDate(x.By)
	}
	return x.ID, x.What, []itemField{
		{"what", x.What, true}, {"who", x.Who, false}, {"by when", by, false}, {"progress", done, false},
	}
}

// diffItems compares two lists of one kind of item, matched by ID.
func diffItems[T any](part, noun string, a, b []T, fields func(T) (string, string, []itemField)) []PlanChange {
	var out []PlanChange
	old := map[string]T{}
	for _, x := range a {
		id, _, _ := fields(x)
		old[id] = x
	}
	seen := map[string]bool{}
	for _, y := range b {
		id, label, fy := fields(y)
		seen[id] = true
		x, ok := old[id]
		if !ok {
			out = append(out, PlanChange{Part: part, Item: short(label), Kind: "added",
				Summary: fmt.Sprintf("Added %s: “%s”.", noun, short(label))})
			continue
		}
		_, oldLabel, fx := fields(x)
		if oldLabel != "" {
			label = oldLabel
		}
		for i := range fy {
			if fx[i].value == fy[i].value {
				continue
			}
			if fx[i].long {
				if c, ok := textChange(part, short(label), fx[i].name, fx[i].value, fy[i].value); ok {
					out = append(out, c)
				}
				continue
			}
			out = append(out, fieldChange(part, short(label), fx[i].name, orNothing(fx[i].value), orNothing(fy[i].value), fx[i].value == "", fy[i].value == ""))
		}
	}
	for _, x := range a {
		id, label, _ := fields(x)
		if !seen[id] {
			out = append(out, PlanChange{Part: part, Item: short(label), Kind: "removed",
				Summary: fmt.Sprintf("Removed %s: “%s”.", noun, short(label))})
		}
	}
	return out
}

func orNothing(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}

// short keeps a label to about 60 characters, ending on a whole word.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= 60 {
		return s
	}
	r := []rune(s)[:60]
	if i := strings.LastIndex(string(r), " "); i > 30 {
		return string(r)[:i] + " …"
	}
	return string(r) + "…"
}
