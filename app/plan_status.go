package app

import (
	"context"
	"fmt"

	"github.com/ownplan/ownplan/store"
)

// ReviewMonths is the longest time between a plan being agreed and its
// review: the council must review a plan at least once every 12 months.
const ReviewMonths = 12

// LatestReview returns the latest date the next review can be, for a
// plan agreed on agreed.
func LatestReview(agreed store.Date) store.Date { return agreed.AddMonths(ReviewMonths) }

// SetPlanStatus moves the plan to status. on is the date it happened
// (zero means today); it cannot be in the future. Sending records the
// date sent. Agreeing records the date agreed and sets the next review
// to 12 months later, the latest the council may leave it; an earlier
// review can then be set with SetPlanDates.
func (a *App) SetPlanStatus(ctx context.Context, status PlanStatus, on store.Date) error {
	if _, err := ParsePlanStatus(string(status)); err != nil || status == "" {
		return fmt.Errorf("%q is not a plan status", status)
	}
	r, _, err := a.planRecord(ctx)
	if err != nil {
		return err
	}
	today := store.Today()
	if on.IsZero() {
		on = today
	}
	if on.After(today) {
		return fmt.Errorf("%s is in the future; put the date it happened (you can change the status again later)", HumanDate(on))
	}
	switch status {
	case PlanSent:
		r.Sent = on
	case PlanAgreed:
		if !r.Sent.IsZero() && on.Before(r.Sent) {
			return fmt.Errorf("the council cannot have agreed your plan on %s, before you sent it on %s; check the dates", HumanDate(on), HumanDate(r.Sent))
		}
		r.Agreed = on
		r.NextReview = LatestReview(on)
	}
	// A plan sent or agreed before it was "started" here was started
	// earlier, on paper or elsewhere.
	if (status == PlanSent || status == PlanAgreed) && on.Before(r.Started) {
		r.Started = on
	}
	r.Status = string(status)
	return a.store().SavePlanRecord(ctx, r)
}

// PlanDates are the key dates a person may set by hand. A zero date
// leaves that date as it is.
type PlanDates struct {
	Started    store.Date
	NextReview store.Date
}

// SetPlanDates changes the date the plan was started and the date of the
// next review. The review must come after the plan was agreed and no
// later than 12 months after it.
func (a *App) SetPlanDates(ctx context.Context, d PlanDates) error {
	r, _, err := a.planRecord(ctx)
	if err != nil {
		return err
	}
	if !d.Started.IsZero() {
		switch {
		case d.Started.After(store.Today()):
			return fmt.Errorf("%s is in the future; put the date you started your plan", HumanDate(d.Started))
		case !r.Sent.IsZero() && d.Started.After(r.Sent):
			return fmt.Errorf("your plan was sent on %s, so it cannot have been started later, on %s", HumanDate(r.Sent), HumanDate(d.Started))
		case !r.Agreed.IsZero() && d.Started.After(r.Agreed):
			return fmt.Errorf("your plan was agreed on %s, so it cannot have been started later, on %s", HumanDate(r.Agreed), HumanDate(d.Started))
		}
		r.Started = d.Started
	}
	if !d.NextReview.IsZero() {
		if err := CheckReviewDate(r.Agreed, d.NextReview); err != nil {
			return err
		}
		r.NextReview = d.NextReview
	}
	return a.store().SavePlanRecord(ctx, r)
}

// CheckReviewDate says, in plain words, why review is not a possible
// next review date for a plan agreed on agreed, or returns nil.
func CheckReviewDate(agreed, review store.Date) error {
	switch {
	case agreed.IsZero():
		return fmt.Errorf("the next review date is worked out when the council agrees your plan; mark it agreed first")
	case !review.After(agreed):
		return fmt.Errorf("the review must come after your plan was agreed on %s", HumanDate(agreed))
	case review.After(LatestReview(agreed)):
		return fmt.Errorf("the council must review your plan at least once every 12 months, so the next review cannot be later than %s", HumanDate(LatestReview(agreed)))
	}
	return nil
}

// VersionLabelFor suggests a name for a version saved when the plan has
// just been shared, sent or agreed, such as "Sent to the council 3 May
// 2026", or returns "" for the other statuses.
func VersionLabelFor(p Plan) string {
	on := func(d store.Date) string {
		if d.IsZero() {
			d = store.Today()
		}
		return HumanDate(d)
	}
	switch p.Status {
	case PlanShared:
		return "Shared with my supporter " + on(store.Today())
	case PlanSent:
		return "Sent to the council " + on(p.Sent)
	case PlanAgreed:
		return "Agreed by the council " + on(p.Agreed)
	}
	return ""
}
