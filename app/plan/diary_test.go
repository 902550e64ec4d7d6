package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

func nov(d int) store.Date { return store.NewDate(2026, time.November, d) }

func TestSummarise(t *testing.T) {
	g := england(t)
	var entries []DiaryEntry
	// Help with washing on 9 distinct days of 1–14 November; two entries on
	// the 3rd.
	for _, d := range []int{1, 2, 3, 5, 6, 8, 9, 12, 14} {
		entries = append(entries, DiaryEntry{Date: nov(d), Outcome: "personal-hygiene", HelpMinutes: 30, WhatHappened: "Jess helped me shower"})
	}
	entries = append(entries,
		DiaryEntry{Date: nov(3), Outcome: "personal-hygiene", HelpMinutes: 15, WhatHappened: "Hair wash in the evening", BadDay: true},
		DiaryEntry{Date: nov(4), Outcome: "personal-hygiene", WhatHappened: "Managed a strip wash", Felt: "wiped out"},
		DiaryEntry{Date: nov(12), Outcome: "personal-hygiene", NeededHelp: true, WhatHappened: "Aoife helped, not sure how long"},
		// A bad day marked on another outcome's entry still counts.
		DiaryEntry{Date: nov(9), Outcome: "nutrition", WhatHappened: "Skipped lunch", BadDay: true},
		DiaryEntry{Date: nov(9), Outcome: "nutrition", WhatHappened: "Crisps for tea"},
		// Outside the period: left out.
		DiaryEntry{Date: nov(15), Outcome: "personal-hygiene", HelpMinutes: 600, BadDay: true},
		DiaryEntry{Date: store.NewDate(2026, time.October, 31), Outcome: "community", HelpMinutes: 60},
	)
	s, err := g.Summarise(entries, nov(1), nov(14))
	if err != nil {
		t.Fatal(err)
	}
	if s.Days != 14 || s.BadDays != 2 || len(s.Outcomes) != 2 {
		t.Fatalf("Days %d, BadDays %d, %d outcomes; want 14, 2, 2", s.Days, s.BadDays, len(s.Outcomes))
	}
	// The guide's order: nutrition before personal hygiene.
	food, wash := s.Outcomes[0], s.Outcomes[1]
	want := DiaryOutcome{
		Outcome:         "personal-hygiene",
		DaysWithEntries: 10,
		DaysNeedingHelp: 9,
		TotalMinutes:    9*30 + 15,
		TypicalMinutes:  30, // per day: 30 ×7, 45 on the 3rd, 30 on the 12th
		BadDays:         2,
		Sentence:        "You needed help with washing and keeping clean on 9 of the last 14 days.",
	}
	if wash != want {
		t.Errorf("washing:\n got %+v\nwant %+v", wash, want)
	}
	wantFood := DiaryOutcome{
		Outcome:         "nutrition",
		DaysWithEntries: 1,
		BadDays:         1,
		Sentence:        "You wrote about eating and drinking on 1 of the last 14 days, but didn't note needing help.",
	}
	if food != wantFood {
		t.Errorf("food:\n got %+v\nwant %+v", food, wantFood)
	}
}

func TestSummariseOneDayAndCarer(t *testing.T) {
	g := england(t)
	s, err := g.Summarise([]DiaryEntry{
		{Date: nov(20), Outcome: "carer-recreation", HelpMinutes: 0, WhatHappened: "No time for my walk"},
		{Date: nov(20), Outcome: "clothing", HelpMinutes: 20},
		{Date: nov(20), Outcome: "clothing", HelpMinutes: 10},
	}, nov(20), nov(20))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range s.Outcomes {
		got = append(got, o.Sentence)
	}
	want := "You needed help with getting dressed on this day.|You wrote about having time for yourself on this day, but didn't note needing help."
	if strings.Join(got, "|") != want {
		t.Errorf("sentences\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	if s.Days != 1 || s.Outcomes[0].TotalMinutes != 30 || s.Outcomes[0].TypicalMinutes != 30 {
		t.Errorf("one day: %+v", s)
	}
}

// A period that ended before today is named by its dates: "the last 14
// days" would be wrong for it.
func TestSummariseAtPastPeriod(t *testing.T) {
	g := england(t)
	entries := []DiaryEntry{
		{Date: nov(2), Outcome: "personal-hygiene", HelpMinutes: 20},
		{Date: nov(3), Outcome: "personal-hygiene", NeededHelp: true},
		{Date: nov(3), Outcome: "nutrition", WhatHappened: "Skipped lunch"},
	}
	for _, tc := range []struct {
		name            string
		from, to, today store.Date
		want            string
	}{
		{"ends today", nov(1), nov(14), nov(14), "You needed help with washing and keeping clean on 2 of the last 14 days.|" +
			"You wrote about eating and drinking on 1 of the last 14 days, but didn't note needing help."},
		{"ended earlier", nov(1), nov(14), nov(30), "You needed help with washing and keeping clean on 2 of the 14 days from 1 November to 14 November 2026.|" +
			"You wrote about eating and drinking on 1 of the 14 days from 1 November to 14 November 2026, but didn't note needing help."},
		{"across a new year", store.NewDate(2025, time.December, 31), nov(14), store.NewDate(2027, time.January, 1),
			"You needed help with washing and keeping clean on 2 of the 319 days from 31 December 2025 to 14 November 2026.|" +
				"You wrote about eating and drinking on 1 of the 319 days from 31 December 2025 to 14 November 2026, but didn't note needing help."},
		{"one past day", nov(3), nov(3), nov(30), "You needed help with washing and keeping clean on 3 November 2026.|" +
			"You wrote about eating and drinking on 3 November 2026, but didn't note needing help."},
	} {
		s, err := g.SummariseAt(entries, tc.from, tc.to, tc.today)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range s.Outcomes {
			got = append(got, o.Sentence)
		}
		// The guide lists eating and drinking first.
		slices.Reverse(got)
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, strings.Join(got, "|"), tc.want)
		}
	}
}

func TestSummariseErrors(t *testing.T) {
	g := england(t)
	for name, tc := range map[string]struct {
		entries  []DiaryEntry
		from, to store.Date
	}{
		"backwards":        {nil, nov(14), nov(1)},
		"no start":         {nil, store.Date{}, nov(1)},
		"unknown outcome":  {[]DiaryEntry{{Date: nov(2), Outcome: "juggling"}}, nov(1), nov(14)},
		"negative minutes": {[]DiaryEntry{{Date: nov(2), Outcome: "nutrition", HelpMinutes: -5}}, nov(1), nov(14)},
	} {
		if _, err := g.Summarise(tc.entries, tc.from, tc.to); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []int
		want int
	}{
		{nil, 0},
		{[]int{40}, 40},
		{[]int{90, 10, 30}, 30},
		{[]int{10, 25}, 18},
		{[]int{60, 10, 20, 45}, 33},
	} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %d, want %d", tc.xs, got, tc.want)
		}
	}
}
