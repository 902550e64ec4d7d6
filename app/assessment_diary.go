package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// DiaryDays is the usual period of a needs diary summary: the last two
// weeks, today included.
const DiaryDays = 14

// SaveDiaryEntry adds an entry to the needs diary (when e.ID is empty) or
// saves it, and returns its ID. The date cannot be in the future, the
// outcome must be an eligibility outcome's key, and minutes of help must
// be within one day.
func (a *App) SaveDiaryEntry(ctx context.Context, e store.DiaryEntry) (string, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return "", err
	}
	switch {
	case e.Date.IsZero():
		return "", errors.New("give the day it happened")
	case e.Date.After(store.Today()):
		return "", fmt.Errorf("%s is in the future; a diary entry is about a day that has happened", HumanDate(e.Date))
	case e.Date.Year < 1900:
		return "", fmt.Errorf("%s cannot be right; check the year", HumanDate(e.Date))
	}
	if _, _, ok := g.Outcome(e.Outcome); !ok {
		return "", unknownOutcome(g, e.Outcome)
	}
	if e.Minutes < 0 || e.Minutes > 24*60 {
		return "", fmt.Errorf("%d minutes of help cannot be right for one day; write the minutes someone helped, such as 45", e.Minutes)
	}
	if strings.TrimSpace(e.What) == "" {
		return "", errors.New("write a few words about what happened")
	}
	if err := checkTexts("diary entry", e.What, e.Felt); err != nil {
		return "", err
	}
	return a.store().SaveDiaryEntry(ctx, e)
}

// DiaryEntries returns the needs diary from from to to, both included, in
// date order; a zero date leaves that end open.
func (a *App) DiaryEntries(ctx context.Context, from, to store.Date) ([]store.DiaryEntry, error) {
	return a.store().DiaryEntries(ctx, from, to)
}

// DiaryPeriod returns the usual summary period ending on to: the DiaryDays
// days up to and including it. A zero to means today.
func DiaryPeriod(to store.Date) (store.Date, store.Date) {
	if to.IsZero() {
		to = store.Today()
	}
	return to.AddDays(-(DiaryDays - 1)), to
}

// DiarySummary sums up the needs diary from from to to, both included:
// per outcome, the days help was needed, the minutes and the bad days,
// each with a sentence such as "You needed help with washing and keeping
// clean on 9 of the last 14 days." (a period that ended before today is
// named by its dates instead). Zero dates mean the last two weeks.
func (a *App) DiarySummary(ctx context.Context, from, to store.Date) (plan.DiarySummary, error) {
	if to.IsZero() {
		to = store.Today()
	}
	if from.IsZero() {
		from, _ = DiaryPeriod(to)
	}
	if to.Before(from) {
		return plan.DiarySummary{}, fmt.Errorf("the period runs backwards: %s is before %s", HumanDate(to), HumanDate(from))
	}
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return plan.DiarySummary{}, err
	}
	entries, err := a.DiaryEntries(ctx, from, to)
	if err != nil {
		return plan.DiarySummary{}, err
	}
	var pe []plan.DiaryEntry
	for _, e := range entries {
		if _, _, ok := g.Outcome(e.Outcome); !ok {
			continue // written by a newer guide on another device
		}
		pe = append(pe, plan.DiaryEntry{
			Date: e.Date, Outcome: e.Outcome, WhatHappened: e.What, HelpMinutes: max(e.Minutes, 0),
			NeededHelp: e.NeededHelp, Felt: e.Felt, BadDay: e.BadDay,
		})
	}
	return g.SummariseAt(pe, from, to, store.Today())
}
