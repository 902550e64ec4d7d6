package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ownplan/ownplan/store"
)

// CurrentVersion names the plan as it stands now, for ComparePlanVersions.
const CurrentVersion = "current"

// SavePlanVersion saves a labelled snapshot of the whole plan, such as
// "Sent to the council 3 May", and returns it. at is when the snapshot
// counts from (the zero time means now). Versions are shared with the
// person's supporters and never change.
func (a *App) SavePlanVersion(ctx context.Context, label string, at time.Time) (store.PlanVersion, error) {
	label = strings.TrimSpace(label)
	if label == "" {
		return store.PlanVersion{}, errors.New(`give the version a name, such as "Sent to the council 3 May"`)
	}
	if err := checkText("the version's name", label); err != nil {
		return store.PlanVersion{}, err
	}
	if utf8.RuneCountInString(label) > 200 {
		return store.PlanVersion{}, errors.New("the version's name is too long; a few words are enough")
	}
	p, err := a.Plan(ctx)
	if err != nil {
		return store.PlanVersion{}, err
	}
	snap, err := json.Marshal(p)
	if err != nil {
		return store.PlanVersion{}, fmt.Errorf("save version: %w", err)
	}
	if at.IsZero() {
		at = time.Now()
	}
	v := store.PlanVersion{
		Label: label, Created: at, AuthorName: a.personName(ctx),
		AuthorDevice: a.store().DeviceID(), Snapshot: string(snap),
	}
	id, err := a.store().AddPlanVersion(ctx, v)
	if err != nil {
		return store.PlanVersion{}, err
	}
	v.ID, v.Snapshot = id, ""
	return v, nil
}

// PlanVersions lists the saved versions, oldest first, without their
// snapshots. Number n in the list (from 1) can be given to PlanAt and
// ComparePlanVersions as "n".
func (a *App) PlanVersions(ctx context.Context) ([]store.PlanVersion, error) {
	return a.store().PlanVersions(ctx)
}

// PlanAt returns the plan as saved in the version ref, with the
// version's label. ref is a version's ID, its number in PlanVersions
// (1 is the oldest), or "current" for the plan as it stands now.
func (a *App) PlanAt(ctx context.Context, ref string) (Plan, string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.EqualFold(ref, CurrentVersion) || strings.EqualFold(ref, "now") {
		p, err := a.Plan(ctx)
		return p, "Your plan now", err
	}
	id := ref
	if n, err := strconv.Atoi(ref); err == nil {
		vs, err := a.PlanVersions(ctx)
		if err != nil {
			return Plan{}, "", err
		}
		if n < 1 || n > len(vs) {
			return Plan{}, "", fmt.Errorf("there is no version %d; you have %d saved (see plan version list)", n, len(vs))
		}
		id = vs[n-1].ID
	}
	v, err := a.store().PlanVersion(ctx, id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Plan{}, "", fmt.Errorf("there is no saved version %q; give its number or ID from plan version list, or \"current\"", ref)
		}
		return Plan{}, "", err
	}
	var p Plan
	if err := json.Unmarshal([]byte(v.Snapshot), &p); err != nil {
		return Plan{}, "", fmt.Errorf("version %q could not be read (%v); it may have been damaged", v.Label, err)
	}
	return p, v.Label, nil
}

// personName is what the person likes to be called, for labels on
// versions and comments.
func (a *App) personName(ctx context.Context) string {
	p, _, err := a.Profile(ctx)
	if err != nil {
		return ""
	}
	if p.PreferredName != "" {
		return p.PreferredName
	}
	return p.Name
}
