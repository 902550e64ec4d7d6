package app

import (
	"context"
	"sort"
	"strings"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// reportPerson returns the person's details for a document's cover.
func (a *App) reportPerson(ctx context.Context) (report.Person, error) {
	p, _, err := a.Profile(ctx)
	if err != nil {
		return report.Person{}, err
	}
	var address []string
	for _, line := range strings.Split(p.Address, "\n") {
		if line = strings.Trim(strings.TrimSpace(line), ","); line != "" {
			address = append(address, line)
		}
	}
	if pc := strings.TrimSpace(p.Postcode); pc != "" && !strings.Contains(strings.ToUpper(strings.Join(address, " ")), strings.ToUpper(pc)) {
		address = append(address, pc)
	}
	return report.Person{
		Name:        p.Name,
		DateOfBirth: p.DateOfBirth,
		Address:     strings.Join(address, ", "),
		NHSNumber:   p.NHSNumber,
		Council:     p.Council,
		CouncilRef:  p.CouncilRef,
	}, nil
}

// reportEvidence returns the evidence items (not those in the bin) that
// keep says to include, in the order of the dates on them, oldest first,
// with what each is evidence for in words. Links to payments are left out
// of "evidence for": the statement lists payments.
func (a *App) reportEvidence(ctx context.Context, g *plan.Guidance, keep func(store.EvidenceItem) bool) ([]report.EvidenceItem, error) {
	items, err := a.EvidenceList(ctx, EvidenceFilter{})
	if err != nil {
		return nil, err
	}
	var kept []store.EvidenceItem
	for _, it := range items {
		if keep(it) {
			kept = append(kept, it)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		di, dj := evidenceDate(kept[i]), evidenceDate(kept[j])
		if di.IsZero() != dj.IsZero() {
			return dj.IsZero() // undated last
		}
		if c := di.Compare(dj); c != 0 {
			return c < 0
		}
		return kept[i].Title < kept[j].Title
	})
	out := make([]report.EvidenceItem, 0, len(kept))
	for _, it := range kept {
		r := report.EvidenceItem{Title: it.Title, Kind: EvidenceKindLabel(it.Kind), From: it.From, Date: evidenceDate(it)}
		for _, l := range it.Links {
			switch l.TargetKind {
			case store.LinkPlanSection:
				if s, ok := g.Section(l.TargetID); ok {
					r.For = append(r.For, s.Title)
				}
			case store.LinkOutcome:
				if o, _, ok := g.Outcome(l.TargetID); ok {
					r.For = append(r.For, o.Title)
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// evidenceDate is the date on an item: the letter's date, or else when it
// was received.
func evidenceDate(it store.EvidenceItem) store.Date {
	if !it.LetterDate.IsZero() {
		return it.LetterDate
	}
	return it.Received
}
