package app

import (
	"context"
	"slices"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// exportDiaryDays is how far back from the latest entry the assessment
// pack sums up the needs diary: four weeks.
const exportDiaryDays = 28

// assessmentDocument makes the assessment preparation pack from the data
// folder: the answers about the outcomes of the assessment being prepared
// for (and any about the other kind), the needs diary and the evidence.
func (a *App) assessmentDocument(ctx context.Context) (*report.Document, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return nil, err
	}
	setup, err := a.AssessmentSetup(ctx)
	if err != nil {
		return nil, err
	}
	person, err := a.reportPerson(ctx)
	if err != nil {
		return nil, err
	}
	ra := report.Assessment{
		Person:            person,
		Carer:             setup.Mode == AssessCarer,
		CarerHealth:       setup.CarerHealth,
		CarerHealthAtRisk: setup.CarerHealthAtRisk,
	}
	var keys []string
	for _, o := range g.Assessment.Outcomes {
		keys = append(keys, o.Key)
	}
	for _, o := range g.Assessment.Carer.Outcomes {
		keys = append(keys, o.Key)
	}
	for _, k := range keys {
		ans, err := a.AssessmentAnswer(ctx, k)
		if err != nil {
			return nil, err
		}
		ans.Outcome = k
		ra.Answers = append(ra.Answers, planAnswers(ans))
	}
	if ra.Diary, err = a.exportDiary(ctx, g); err != nil {
		return nil, err
	}
	// Evidence to bring: whatever is linked to an outcome, and medical
	// reports and earlier assessments, which always help.
	ra.Evidence, err = a.reportEvidence(ctx, g, func(it store.EvidenceItem) bool {
		if it.Kind == "medical" || it.Kind == "assessment" {
			return true
		}
		return slices.ContainsFunc(it.Links, func(l store.EvidenceLink) bool { return l.TargetKind == store.LinkOutcome })
	})
	if err != nil {
		return nil, err
	}
	return report.AssessmentDocument(g, ra)
}

// exportDiary sums up the needs diary for the pack: the four weeks up to
// the latest entry, or less when the diary is shorter. It is nil when
// there are no entries.
func (a *App) exportDiary(ctx context.Context, g *plan.Guidance) (*plan.DiarySummary, error) {
	entries, err := a.DiaryEntries(ctx, store.Date{}, store.Date{})
	if err != nil {
		return nil, err
	}
	var first, last store.Date
	for _, e := range entries {
		if _, _, ok := g.Outcome(e.Outcome); !ok || e.Date.IsZero() {
			continue
		}
		if first.IsZero() || e.Date.Before(first) {
			first = e.Date
		}
		if last.IsZero() || e.Date.After(last) {
			last = e.Date
		}
	}
	if last.IsZero() {
		return nil, nil
	}
	if from := last.AddDays(-(exportDiaryDays - 1)); first.Before(from) {
		first = from
	}
	s, err := a.DiarySummary(ctx, first, last)
	if err != nil {
		return nil, err
	}
	return &s, nil
}
