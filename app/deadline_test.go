package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func TestDeadlinesExplicitAndSuggested(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	today := store.Today()
	add := func(it store.EvidenceItem) store.EvidenceItem {
		t.Helper()
		got, err := a.AddEvidence(ctx, it, []string{writeFile(t, "f.txt", []byte(it.Title))})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	decision := add(store.EvidenceItem{Title: "Budget decision", Kind: "decision", LetterDate: today.AddDays(-20),
		Deadline: today.AddDays(10), DeadlineKind: app.DeadlineReplyBy})
	oldPlan := add(store.EvidenceItem{Title: "Support plan 2025", Kind: "support-plan", LetterDate: today.AddMonths(-11).AddDays(-20)})
	newPlan := add(store.EvidenceItem{Title: "Support plan review", Kind: "review", LetterDate: today.AddMonths(-11).AddDays(5)})
	complaint := add(store.EvidenceItem{Title: "Complaint reply", Kind: "complaint", LetterDate: today.AddMonths(-2)})
	add(store.EvidenceItem{Title: "Old assessment", Kind: "assessment", LetterDate: today.AddMonths(-14)}) // its time has passed
	appeal := add(store.EvidenceItem{Title: "Eligibility decision", Kind: "decision", LetterDate: today.AddDays(-3),
		Deadline: today.AddMonths(12).AddDays(-3), DeadlineKind: "complain-by"})
	done := add(store.EvidenceItem{Title: "GP form", Kind: "medical", Deadline: today.AddDays(-1), DeadlineKind: "reply-by", DeadlineDone: true})

	ds, err := a.Deadlines(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		item, kind string
		suggested  bool
	}
	got := map[key]app.Deadline{}
	for i, d := range ds {
		got[key{d.ItemID, d.Kind, d.Suggested}] = d
		if i > 0 && ds[i-1].Date.After(d.Date) {
			t.Errorf("deadlines out of order: %v after %v", d.Date, ds[i-1].Date)
		}
	}
	for _, tc := range []struct {
		k    key
		date store.Date
		text string // in the title or the reason
	}{
		{key{decision.ID, "reply-by", false}, today.AddDays(10), "Reply to Budget decision"},
		{key{decision.ID, "complain-by", true}, today.AddDays(-20).AddMonths(12), "within 12 months"},
		{key{newPlan.ID, "review-by", true}, today.AddMonths(-11).AddDays(5).AddMonths(12), "at least every 12 months"},
		{key{complaint.ID, "ombudsman-by", true}, today.AddMonths(10), "Ombudsman"},
		{key{appeal.ID, "complain-by", false}, today.AddMonths(12).AddDays(-3), "Complain about Eligibility decision"},
		{key{done.ID, "reply-by", false}, today.AddDays(-1), "Reply to GP form"},
	} {
		d, ok := got[tc.k]
		if !ok {
			t.Errorf("missing deadline %+v", tc.k)
			continue
		}
		if d.Date != tc.date || !strings.Contains(d.Title+" "+d.Why, tc.text) {
			t.Errorf("%+v: %v %q %q", tc.k, d.Date, d.Title, d.Why)
		}
	}
	if _, ok := got[key{oldPlan.ID, "review-by", true}]; ok {
		t.Error("a review suggested for an older plan, not the latest")
	}
	if _, ok := got[key{appeal.ID, "complain-by", true}]; ok {
		t.Error("a suggestion repeated a deadline the person set")
	}
	if len(ds) != 6 {
		t.Errorf("%d deadlines, want 6: %+v", len(ds), ds)
	}

	soon, _ := a.DeadlinesDueSoon(ctx, today)
	if len(soon) != 1 || soon[0].ItemID != decision.ID || soon[0].When() != "in 10 days" {
		t.Errorf("due soon: %+v", soon)
	}
	// Home suggests acting on it.
	steps, _ := a.NextSteps(ctx)
	found := false
	for _, s := range steps {
		if s.Screen == "evidence" && s.Title == "Deadline in 10 days" && strings.HasPrefix(s.Why, "Reply to Budget decision by "+app.FormatEvidenceDate(today.AddDays(10))) {
			found = true
		}
	}
	if !found {
		t.Errorf("no step for the reply-by date: %+v", steps)
	}
	if err := a.SetDeadlineDone(ctx, decision.ID, true); err != nil {
		t.Fatal(err)
	}
	if soon, _ := a.DeadlinesDueSoon(ctx, today); len(soon) != 0 {
		t.Errorf("done deadline still due: %+v", soon)
	}
	// Accepting a suggestion makes it the item's own.
	if err := a.AcceptDeadline(ctx, got[key{newPlan.ID, "review-by", true}]); err != nil {
		t.Fatal(err)
	}
	it, _ := a.EvidenceItem(ctx, newPlan.ID)
	if it.DeadlineKind != "review-by" || it.Deadline != today.AddMonths(-11).AddDays(5).AddMonths(12) {
		t.Errorf("accepted: %+v", it)
	}
}

func TestDeadlinesNoEvidenceStep(t *testing.T) {
	a, ctx := openEvidenceApp(t)
	steps, err := a.NextSteps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.Screen == "evidence" && s.Title == "Keep your letters safe" {
			return
		}
	}
	t.Errorf("no step to keep letters: %+v", steps)
}

func TestDeadlinesICS(t *testing.T) {
	ds := []app.Deadline{
		{ItemID: "01ABC", ItemTitle: "Budget decision; £18,200, a year", Date: store.NewDate(2026, 12, 3), Kind: "reply-by", Label: "Reply by",
			Title: "Reply to Budget decision; £18,200, a year", Why: "The letter asks for an answer\nby this date. Back\\slash."},
		{ItemID: "01DEF", Date: store.NewDate(2027, 1, 31), Kind: "review-by", Label: "Review due by", Suggested: true, Rule: "plan-review",
			Title: "Ask for a review of your support plan", Why: strings.Repeat("Zoë’s long reason ", 20)},
		{ItemID: "01GHI", Date: store.NewDate(2026, 11, 1), Kind: "reply-by", Title: "Done already", Done: true},
	}
	now := time.Date(2026, 11, 23, 17, 5, 9, 0, time.UTC)
	ics := app.DeadlinesICS(ds, now)
	if !strings.HasSuffix(ics, "END:VCALENDAR\r\n") || strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") {
		t.Fatal("lines must end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n")
	var unfolded []string
	for _, l := range lines {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets (%d): %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	all := strings.Join(unfolded, "\n")
	for _, want := range []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OwnPlan//Evidence deadlines//EN",
		"UID:01ABC-reply-by@ownplan", "DTSTAMP:20261123T170509Z",
		"DTSTART;VALUE=DATE:20261203", "DTEND;VALUE=DATE:20261204",
		`SUMMARY:Reply to Budget decision\; £18\,200\, a year`,
		`DESCRIPTION:Reply by 3 December 2026. The letter asks for an answer\nby this date. Back\\slash.`,
		"UID:01DEF-review-by-plan-review@ownplan", "SUMMARY:Suggested: Ask for a review of your support plan",
		"DTSTART;VALUE=DATE:20270131", "TRIGGER:-P7D", "END:VEVENT",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("calendar lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Done already") {
		t.Error("a deadline marked done was exported")
	}
	if n := strings.Count(all, "BEGIN:VEVENT"); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
	if !strings.Contains(all, strings.Repeat("Zoë’s long reason ", 20)[:200]) {
		t.Error("folding broke the long description")
	}

	a, ctx := openEvidenceApp(t)
	a.AddEvidence(ctx, store.EvidenceItem{Title: "Decision", Deadline: store.Today().AddDays(3)}, []string{writeFile(t, "d.txt", []byte("x"))})
	out := filepath.Join(t.TempDir(), "deadlines.ics")
	n, err := a.WriteDeadlinesICS(ctx, out)
	if err != nil || n != 1 {
		t.Fatalf("write ics: %d %v", n, err)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "SUMMARY:Reply to Decision") {
		t.Errorf("ics file:\n%s", b)
	}
}

func TestDeadlineWordingIsData(t *testing.T) {
	kinds := app.DeadlineKinds()
	if len(kinds) < 5 || app.DeadlineKindLabel("appeal-by") != "Appeal or challenge by" {
		t.Errorf("kinds %+v", kinds)
	}
	rules := app.DeadlineRules()
	keys := map[string]bool{}
	for _, r := range rules {
		keys[r.Key] = true
		if r.Months != 12 {
			t.Errorf("rule %s: %d months; the domain's time limits are 12 months", r.Key, r.Months)
		}
	}
	for _, k := range []string{"plan-review", "complaint", "ombudsman"} {
		if !keys[k] {
			t.Errorf("no rule %s", k)
		}
	}
	if app.DeadlineSoonDays() <= 0 {
		t.Error("soon days")
	}
}

func TestDeadlineKindWordsPeopleType(t *testing.T) {
	for typed, want := range map[string]string{
		"reply-by": "reply-by", "Reply by": "reply-by", "reply": "reply-by", "APPEAL": "appeal-by", "review": "review-by",
		"complaint": "complain-by", "complain": "complain-by", "ombudsman": "ombudsman-by", "answer": "answer-due",
		"Appeal or challenge by": "appeal-by", "other": "other",
	} {
		if got, ok := app.DeadlineKindKey(typed); !ok || got != want {
			t.Errorf("DeadlineKindKey(%q) = %q, %v; want %q", typed, got, ok, want)
		}
	}
	if _, ok := app.DeadlineKindKey("whenever"); ok {
		t.Error("an unknown kind of deadline was accepted")
	}
	a, ctx := openEvidenceApp(t)
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Decision", Deadline: store.Today().AddDays(20), DeadlineKind: "Appeal"},
		[]string{writeFile(t, "d.txt", []byte("decision"))})
	if err != nil || it.DeadlineKind != "appeal-by" {
		t.Errorf("add with deadline kind Appeal: %v %q", err, it.DeadlineKind)
	}
}
