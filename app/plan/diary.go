package plan

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ownplan/ownplan/store"
)

// DiaryEntry is one note in a needs diary: what happened with one outcome
// on one day.
type DiaryEntry struct {
	Date store.Date
	// Outcome is the key of the eligibility outcome it is about.
	Outcome      string
	WhatHappened string
	// HelpMinutes is how long someone helped, in minutes; 0 if no one did
	// or the person doesn't know.
	HelpMinutes int
	// NeededHelp records that help was needed even when the minutes are
	// not known. HelpMinutes above 0 counts as needing help too.
	NeededHelp bool
	Felt       string // how I felt
	// BadDay marks the whole day as a bad day.
	BadDay bool
}

// DiaryOutcome sums up one outcome's diary entries over a period.
type DiaryOutcome struct {
	Outcome string // the outcome's key
	// DaysWithEntries counts the distinct days with an entry.
	DaysWithEntries int
	// DaysNeedingHelp counts the distinct days on which help was needed.
	DaysNeedingHelp int
	// TotalMinutes adds up all the minutes of help.
	TotalMinutes int
	// TypicalMinutes is the median of the minutes of help per day, over
	// the days with minutes recorded (the middle value, or the rounded
	// mean of the two middle ones); 0 if there are none.
	TypicalMinutes int
	// BadDays counts the days with an entry that were bad days. A day is
	// a bad day if any entry that day, about any outcome, says so.
	BadDays int
	// Sentence says it in plain words, such as "You needed help with
	// washing and keeping clean on 9 of the last 14 days."
	Sentence string
}

// DiarySummary sums up a needs diary over a period.
type DiarySummary struct {
	From, To store.Date
	// Days is the length of the period in days, counting both ends.
	Days int
	// BadDays counts the distinct bad days in the period.
	BadDays int
	// Outcomes holds one summary per outcome with entries in the period,
	// in the guide's order (the adult's outcomes, then the carer's).
	Outcomes []DiaryOutcome
}

// Summarise sums up the entries dated from from to to, both included,
// as of the day to: its sentences speak of "the last N days". It is
// SummariseAt with to as today.
func (g *Guidance) Summarise(entries []DiaryEntry, from, to store.Date) (DiarySummary, error) {
	return g.SummariseAt(entries, from, to, to)
}

// SummariseAt sums up the entries dated from from to to, both included;
// entries outside the period are left out. today decides the wording: a
// period that ends on or after today is "the last 14 days", one that
// ended earlier is named by its dates ("the 14 days from 1 October to 14
// October 2026"), because "the last 14 days" would be wrong for it. It is
// an error if the period is unset or backwards, an entry's outcome is not
// in the guide, or minutes are negative.
func (g *Guidance) SummariseAt(entries []DiaryEntry, from, to, today store.Date) (DiarySummary, error) {
	if from.IsZero() || to.IsZero() {
		return DiarySummary{}, errors.New("the diary summary needs a start date and an end date")
	}
	if to.Before(from) {
		return DiarySummary{}, fmt.Errorf("the diary summary ends (%s) before it starts (%s)", to, from)
	}
	type day struct {
		entry, help bool
		minutes     int
		hasMinutes  bool
	}
	byOutcome := map[string]map[store.Date]*day{}
	bad := map[store.Date]bool{}
	for _, e := range entries {
		if e.Date.Before(from) || e.Date.After(to) {
			continue
		}
		if _, _, ok := g.Outcome(e.Outcome); !ok {
			return DiarySummary{}, fmt.Errorf("the diary entry for %s is about %q, which is not an outcome in the %s guide", e.Date, e.Outcome, g.Country)
		}
		if e.HelpMinutes < 0 {
			return DiarySummary{}, fmt.Errorf("the diary entry for %s has %d minutes of help; minutes can't be negative", e.Date, e.HelpMinutes)
		}
		days := byOutcome[e.Outcome]
		if days == nil {
			days = map[store.Date]*day{}
			byOutcome[e.Outcome] = days
		}
		d := days[e.Date]
		if d == nil {
			d = &day{}
			days[e.Date] = d
		}
		d.entry = true
		d.help = d.help || e.NeededHelp || e.HelpMinutes > 0
		d.minutes += e.HelpMinutes
		d.hasMinutes = d.hasMinutes || e.HelpMinutes > 0
		if e.BadDay {
			bad[e.Date] = true
		}
	}
	s := DiarySummary{From: from, To: to, Days: to.DaysSince(from) + 1, BadDays: len(bad)}
	w := g.Wording.Diary
	outcomes := append(slices.Clone(g.Assessment.Outcomes), g.Assessment.Carer.Outcomes...)
	for _, o := range outcomes {
		days := byOutcome[o.Key]
		if len(days) == 0 {
			continue
		}
		sum := DiaryOutcome{Outcome: o.Key, DaysWithEntries: len(days)}
		var perDay []int
		for date, d := range days {
			if d.help {
				sum.DaysNeedingHelp++
			}
			if d.hasMinutes {
				perDay = append(perDay, d.minutes)
			}
			sum.TotalMinutes += d.minutes
			if bad[date] {
				sum.BadDays++
			}
		}
		sum.TypicalMinutes = median(perDay)
		help, noHelp := w.Help, w.NoHelp
		if to.Before(today) {
			help, noHelp = w.HelpBetween, w.NoHelpBetween
		}
		sentence, n := help, sum.DaysNeedingHelp
		if n == 0 {
			sentence, n = noHelp, sum.DaysWithEntries
		}
		sum.Sentence = fill(sentence.For(s.Days), "outcome", o.InSentence, "n", itoa(n), "days", itoa(s.Days),
			"from", longDate(from, from.Year != to.Year || from == to), "to", longDate(to, true))
		s.Outcomes = append(s.Outcomes, sum)
	}
	return s, nil
}

// median returns the middle of xs, the rounded mean of the two middle
// values when there is an even number, or 0 when xs is empty. It sorts xs.
func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m] + 1) / 2
}

// longDate writes d as "1 October 2026", or "1 October" without the
// year, for the first day of a period in the same year as its last.
func longDate(d store.Date, year bool) string {
	if !year {
		return fmt.Sprintf("%d %s", d.Day, d.Month)
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}
