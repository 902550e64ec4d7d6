package store

import (
	"context"
	"database/sql"
	"fmt"
)

// assessmentID is the ID of the single assessment record.
const assessmentID = "assessment"

// AssessmentSetup says which assessment the person is preparing for.
type AssessmentSetup struct {
	// Mode is "adult" for a needs assessment or "carer" for a carer's
	// assessment; empty means adult.
	Mode string `json:"mode"`
	// CarerHealth describes how caring affects the carer's own health,
	// and CarerHealthAtRisk records that it is, or may be, getting worse.
	CarerHealth       string `json:"carer_health"`
	CarerHealthAtRisk bool   `json:"carer_health_at_risk"`
}

// AssessmentAnswer is a person's answers about one eligibility outcome,
// an adult's or a carer's. Good days and bad days are both recorded.
type AssessmentAnswer struct {
	Outcome  string `json:"outcome"` // the outcome's key
	CanDo    string `json:"can_do"`
	Hard     string `json:"hard"`
	GoodDay  string `json:"good_day"`
	BadDay   string `json:"bad_day"`
	HowOften string `json:"how_often"`
	// The four ways the law counts someone as unable to achieve it.
	WithoutHelp  bool `json:"unable_without_help"`
	PainDistress bool `json:"pain_distress_anxiety"`
	Danger       bool `json:"danger"`
	TakesLonger  bool `json:"takes_much_longer"`
	// Wellbeing holds wellbeing area keys; WellbeingImpact says how.
	Wellbeing       []string `json:"wellbeing"`
	WellbeingImpact string   `json:"wellbeing_impact"`
	Evidence        string   `json:"evidence"`
	// DoesNotApply: the outcome is not part of the person's life.
	DoesNotApply bool `json:"does_not_apply"`
}

// AssessmentSetup returns the assessment setup (zero until saved).
func (s *Store) AssessmentSetup(ctx context.Context) (AssessmentSetup, error) {
	var a AssessmentSetup
	err := s.db.QueryRowContext(ctx, `SELECT mode, carer_health, carer_health_risk FROM assessment
		WHERE id = ? AND deleted = 0`, assessmentID).Scan(&a.Mode, &a.CarerHealth, &a.CarerHealthAtRisk)
	if err == sql.ErrNoRows {
		return AssessmentSetup{}, nil
	}
	if err != nil {
		return AssessmentSetup{}, fmt.Errorf("read assessment: %w", plainDBError(err))
	}
	return a, nil
}

// SaveAssessmentSetup saves the fields of a that changed.
func (s *Store) SaveAssessmentSetup(ctx context.Context, a AssessmentSetup) error {
	_, err := s.savePlanItem(ctx, "assessment", assessmentID, []planField{
		{"mode", a.Mode}, {"carer_health", a.CarerHealth}, {"carer_health_risk", a.CarerHealthAtRisk},
	})
	return err
}

// AssessmentAnswers returns the answers saved so far, ordered by outcome
// key (the app puts them in the guide's order).
func (s *Store) AssessmentAnswers(ctx context.Context) ([]AssessmentAnswer, error) {
	var out []AssessmentAnswer
	err := s.planRows(ctx, "assessment_answers", `SELECT id, can_do, hard, good_day, bad_day, how_often,
		without_help, pain_distress, danger, takes_longer, wellbeing, wellbeing_impact, evidence,
		does_not_apply FROM assessment_answers WHERE deleted = 0 ORDER BY id`,
		func(r *sql.Rows) error {
			var a AssessmentAnswer
			var wellbeing string
			if err := r.Scan(&a.Outcome, &a.CanDo, &a.Hard, &a.GoodDay, &a.BadDay, &a.HowOften,
				&a.WithoutHelp, &a.PainDistress, &a.Danger, &a.TakesLonger, &wellbeing, &a.WellbeingImpact, &a.Evidence,
				&a.DoesNotApply); err != nil {
				return err
			}
			a.Wellbeing = decodeKeys(wellbeing)
			out = append(out, a)
			return nil
		})
	return out, err
}

// SaveAssessmentAnswer saves the fields of a that changed; the record's
// ID is a.Outcome.
func (s *Store) SaveAssessmentAnswer(ctx context.Context, a AssessmentAnswer) error {
	if a.Outcome == "" {
		return fmt.Errorf("save assessment answer: no outcome given")
	}
	_, err := s.savePlanItem(ctx, "assessment_answers", a.Outcome, []planField{
		{"can_do", a.CanDo}, {"hard", a.Hard}, {"good_day", a.GoodDay}, {"bad_day", a.BadDay},
		{"how_often", a.HowOften}, {"without_help", a.WithoutHelp}, {"pain_distress", a.PainDistress},
		{"danger", a.Danger}, {"takes_longer", a.TakesLonger}, {"wellbeing", encodeKeys(a.Wellbeing)},
		{"wellbeing_impact", a.WellbeingImpact}, {"evidence", a.Evidence},
		{"does_not_apply", a.DoesNotApply},
	})
	return err
}
