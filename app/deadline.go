package app

import (
	"context"
	_ "embed" // for go:embed
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ownplan/ownplan/store"
)

// The kinds of deadline people set most often.
const (
	DeadlineReplyBy  = "reply-by"
	DeadlineAppealBy = "appeal-by"
)

// DeadlineKind is one kind of deadline an item can carry.
type DeadlineKind struct {
	Key    string `json:"key"`
	Label  string `json:"label"`  // "Reply by"
	Action string `json:"action"` // "Reply to", for "Reply to the budget decision"
	Why    string `json:"why"`
}

// DeadlineRule suggests a deadline from a kind of evidence and its date,
// such as a plan review 12 months after the plan was agreed.
type DeadlineRule struct {
	Key          string   `json:"key"`
	ItemKinds    []string `json:"itemKinds"`
	LatestOnly   bool     `json:"latestOnly"` // only the newest item of those kinds counts
	Months       int      `json:"months"`
	DeadlineKind string   `json:"deadlineKind"`
	Title        string   `json:"title"`
	Why          string   `json:"why"`
}

// deadlineWording is deadline_rules.json: the words and the rules, kept
// as data so other countries' rules can be added without code.
type deadlineWording struct {
	Region   string         `json:"region"`
	SoonDays int            `json:"soonDays"`
	Kinds    []DeadlineKind `json:"kinds"`
	Rules    []DeadlineRule `json:"rules"`
}

//go:embed deadline_rules.json
var deadlineRulesJSON []byte

var deadlineData = mustLoadDeadlineWording(deadlineRulesJSON)

func mustLoadDeadlineWording(b []byte) deadlineWording {
	w, err := loadDeadlineWording(b)
	if err != nil {
		panic("app: deadline_rules.json: " + err.Error())
	}
	return w
}

func loadDeadlineWording(b []byte) (deadlineWording, error) {
	var w deadlineWording
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return w, err
	}
	kinds := map[string]bool{}
	for _, k := range w.Kinds {
		if k.Key == "" || k.Label == "" || k.Action == "" || kinds[k.Key] {
			return w, fmt.Errorf("deadline kind %q is incomplete or repeated", k.Key)
		}
		kinds[k.Key] = true
	}
	if w.SoonDays <= 0 {
		return w, fmt.Errorf("soonDays must be positive")
	}
	for _, r := range w.Rules {
		if !kinds[r.DeadlineKind] || r.Months <= 0 || r.Title == "" || r.Why == "" || len(r.ItemKinds) == 0 {
			return w, fmt.Errorf("rule %q is incomplete", r.Key)
		}
		for _, k := range r.ItemKinds {
			if _, err := EvidenceKindKey(k); err != nil {
				return w, fmt.Errorf("rule %q: %w", r.Key, err)
			}
		}
	}
	return w, nil
}

// DeadlineKinds returns the kinds of deadline, in the order forms list them.
func DeadlineKinds() []DeadlineKind { return append([]DeadlineKind(nil), deadlineData.Kinds...) }

// DeadlineKindKeys returns the keys of the kinds of deadline.
func DeadlineKindKeys() []string {
	out := make([]string, len(deadlineData.Kinds))
	for i, k := range deadlineData.Kinds {
		out[i] = k.Key
	}
	return out
}

func deadlineKind(key string) (DeadlineKind, bool) {
	for _, k := range deadlineData.Kinds {
		if k.Key == key {
			return k, true
		}
	}
	return DeadlineKind{}, false
}

// DeadlineKindKey finds a kind of deadline by its key ("reply-by"), its
// label ("Reply by") or its first word ("reply", "appeal", "review",
// "complaint", "ombudsman", "answer"), ignoring case.
func DeadlineKindKey(s string) (string, bool) {
	want := normaliseKindWords(s)
	if want == "complaint" {
		want = "complain"
	}
	for _, k := range deadlineData.Kinds {
		key := normaliseKindWords(k.Key)
		first, _, _ := strings.Cut(key, " ")
		if want == key || want == normaliseKindWords(k.Label) || want == first {
			return k.Key, true
		}
	}
	return "", false
}

// DeadlineKindLabel returns the words for a kind of deadline ("Reply by").
func DeadlineKindLabel(key string) string {
	if k, ok := deadlineKind(key); ok {
		return k.Label
	}
	return "Act by"
}

// DeadlineSoonDays is how many days ahead a deadline counts as due soon.
func DeadlineSoonDays() int { return deadlineData.SoonDays }

// DeadlineRules returns the rules that suggest deadlines.
func DeadlineRules() []DeadlineRule { return append([]DeadlineRule(nil), deadlineData.Rules...) }

// Deadline is a date to act by: one set on an item, or one suggested by
// a rule.
type Deadline struct {
	ItemID    string     `json:"item_id"`
	ItemTitle string     `json:"item_title"`
	Date      store.Date `json:"date"`
	Kind      string     `json:"kind"`
	Label     string     `json:"label"` // "Reply by"
	Title     string     `json:"title"` // "Reply to Personal budget decision"
	Why       string     `json:"why"`
	Suggested bool       `json:"suggested"`
	Rule      string     `json:"rule,omitempty"`
	Done      bool       `json:"done"`
	DaysLeft  int        `json:"days_left"`
}

// When says how far away the deadline is: "today", "in 3 days",
// "2 days ago".
func (d Deadline) When() string {
	switch n := d.DaysLeft; {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n < 0:
		return fmt.Sprintf("%d days ago", -n)
	default:
		return fmt.Sprintf("in %d days", n)
	}
}

// Deadlines returns every deadline set on an item not in the bin, and
// the deadlines the rules suggest that have not passed, soonest first.
func (a *App) Deadlines(ctx context.Context, today store.Date) ([]Deadline, error) {
	items, err := a.store().EvidenceItems(ctx, false)
	if err != nil {
		return nil, err
	}
	return deadlinesFor(items, today), nil
}

func deadlinesFor(items []store.EvidenceItem, today store.Date) []Deadline {
	var out []Deadline
	for _, it := range items {
		if it.Deadline.IsZero() {
			continue
		}
		k, _ := deadlineKind(it.DeadlineKind)
		if k.Key == "" {
			k, _ = deadlineKind("other")
		}
		out = append(out, Deadline{
			ItemID: it.ID, ItemTitle: it.Title, Date: it.Deadline, Kind: k.Key, Label: k.Label,
			Title: k.Action + " " + it.Title, Why: k.Why, Done: it.DeadlineDone, DaysLeft: it.Deadline.DaysSince(today),
		})
	}
	for _, r := range deadlineData.Rules {
		for _, it := range ruleItems(r, items) {
			if it.DeadlineKind == r.DeadlineKind && !it.Deadline.IsZero() {
				continue // the person set this deadline themselves
			}
			base := it.LetterDate
			if base.IsZero() {
				base = it.Received
			}
			d := base.AddMonths(r.Months)
			if d.Before(today) {
				continue
			}
			k, _ := deadlineKind(r.DeadlineKind)
			out = append(out, Deadline{
				ItemID: it.ID, ItemTitle: it.Title, Date: d, Kind: k.Key, Label: k.Label,
				Title: r.Title, Why: r.Why, Suggested: true, Rule: r.Key, DaysLeft: d.DaysSince(today),
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c < 0
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// ruleItems returns the dated items a rule applies to.
func ruleItems(r DeadlineRule, items []store.EvidenceItem) []store.EvidenceItem {
	var out []store.EvidenceItem
	for _, it := range items {
		if it.LetterDate.IsZero() && it.Received.IsZero() {
			continue
		}
		for _, k := range r.ItemKinds {
			if it.Kind == k {
				out = append(out, it)
				break
			}
		}
	}
	if r.LatestOnly && len(out) > 1 {
		latest := out[0]
		for _, it := range out[1:] {
			if evidenceBaseDate(it).After(evidenceBaseDate(latest)) {
				latest = it
			}
		}
		out = []store.EvidenceItem{latest}
	}
	return out
}

func evidenceBaseDate(it store.EvidenceItem) store.Date {
	if !it.LetterDate.IsZero() {
		return it.LetterDate
	}
	return it.Received
}

// DeadlinesDueSoon returns the deadlines not yet dealt with that are
// past or within DeadlineSoonDays, soonest first.
func (a *App) DeadlinesDueSoon(ctx context.Context, today store.Date) ([]Deadline, error) {
	all, err := a.Deadlines(ctx, today)
	if err != nil {
		return nil, err
	}
	var out []Deadline
	for _, d := range all {
		if !d.Done && d.DaysLeft <= deadlineData.SoonDays {
			out = append(out, d)
		}
	}
	return out, nil
}

// AcceptDeadline makes a suggested deadline the item's own, so it is
// exported to calendars and reminded of like any other.
func (a *App) AcceptDeadline(ctx context.Context, d Deadline) error {
	it, err := a.EvidenceItem(ctx, d.ItemID)
	if err != nil {
		return err
	}
	it.Deadline, it.DeadlineKind, it.DeadlineDone = d.Date, d.Kind, false
	return a.SaveEvidence(ctx, it)
}

// SetDeadlineDone marks an item's deadline as dealt with (or not).
func (a *App) SetDeadlineDone(ctx context.Context, itemID string, done bool) error {
	it, err := a.EvidenceItem(ctx, itemID)
	if err != nil {
		return err
	}
	if it.Deadline.IsZero() {
		return fmt.Errorf("%q has no deadline to mark", it.Title)
	}
	it.DeadlineDone = done
	return a.SaveEvidence(ctx, it)
}

// FormatEvidenceDate writes a date the way UK letters do: "3 December
// 2026". The zero Date gives "".
func FormatEvidenceDate(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

func init() { stepSources = append(stepSources, evidenceSteps) }

// evidenceSteps suggests acting on deadlines due soon, or keeping the
// first letter when there is none yet.
func evidenceSteps(ctx context.Context, a *App) ([]Step, error) {
	items, err := a.store().EvidenceItems(ctx, false)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return []Step{{
			Title:  "Keep your letters safe",
			Why:    "Add the council's letters, reports and receipts to Evidence. You can find any of them again by a word inside, and OwnPlan reminds you before a reply-by date.",
			Screen: "evidence",
		}}, nil
	}
	var steps []Step
	for _, d := range deadlinesFor(items, store.Today()) {
		if d.Done || d.DaysLeft > deadlineData.SoonDays || len(steps) == 3 {
			continue
		}
		why := fmt.Sprintf("%s by %s. %s", d.Title, FormatEvidenceDate(d.Date), d.Why)
		if d.Suggested {
			why += " You can add it to your deadlines on the Evidence screen."
		} else {
			why += " Mark it done on the Evidence screen once you have dealt with it."
		}
		title := "Deadline " + d.When()
		if d.DaysLeft < 0 {
			title = "Overdue: deadline " + d.When()
		}
		steps = append(steps, Step{Title: title, Why: why, Screen: "evidence"})
	}
	return steps, nil
}
