package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PlanVersion is a labelled snapshot of the whole plan, such as "Sent to
// the council 3 May". Versions sync, so everyone in the circle sees the
// same history, and are never changed once made.
type PlanVersion struct {
	ID           string    `json:"id"`
	Label        string    `json:"label"`
	Created      time.Time `json:"created"`
	AuthorName   string    `json:"author_name"`
	AuthorDevice string    `json:"author_device"`
	// Snapshot is the plan as JSON, written by package app. PlanVersions
	// leaves it empty; PlanVersion fills it in.
	Snapshot string `json:"-"`
}

// PlanVersions returns the saved versions, oldest first, without their
// snapshots (which can be large).
func (s *Store) PlanVersions(ctx context.Context) ([]PlanVersion, error) {
	var out []PlanVersion
	err := s.planRows(ctx, "plan_versions", `SELECT id, label, created, author_name, author_device
		FROM plan_versions WHERE deleted = 0 ORDER BY created, id`,
		func(r *sql.Rows) error {
			var v PlanVersion
			var created string
			if err := r.Scan(&v.ID, &v.Label, &created, &v.AuthorName, &v.AuthorDevice); err != nil {
				return err
			}
			v.Created, _ = time.Parse(time.RFC3339Nano, created)
			out = append(out, v)
			return nil
		})
	return out, err
}

// PlanVersion returns the version id with its snapshot, or ErrNotFound.
func (s *Store) PlanVersion(ctx context.Context, id string) (PlanVersion, error) {
	v := PlanVersion{ID: id}
	var created string
	err := s.db.QueryRowContext(ctx, `SELECT label, created, author_name, author_device, snapshot
		FROM plan_versions WHERE id = ? AND deleted = 0`, id).
		Scan(&v.Label, &created, &v.AuthorName, &v.AuthorDevice, &v.Snapshot)
	if err == sql.ErrNoRows {
		return PlanVersion{}, fmt.Errorf("version %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return PlanVersion{}, fmt.Errorf("read version %s: %w", id, plainDBError(err))
	}
	v.Created, _ = time.Parse(time.RFC3339Nano, created)
	return v, nil
}

// AddPlanVersion saves a new version and returns its ID. A zero Created
// means now.
func (s *Store) AddPlanVersion(ctx context.Context, v PlanVersion) (string, error) {
	if v.Created.IsZero() {
		v.Created = time.Now()
	}
	return s.savePlanItem(ctx, "plan_versions", "", []planField{
		{"label", v.Label}, {"created", v.Created.UTC().Format(time.RFC3339Nano)},
		{"author_name", v.AuthorName}, {"author_device", v.AuthorDevice}, {"snapshot", v.Snapshot},
	})
}
