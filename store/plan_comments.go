package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Comment is a note on one section of the plan, by the person or (once
// sync lands) a supporter. It is kept in the comments table, which sync
// lets the "commenter" role write.
type Comment struct {
	ID           string    `json:"id"`
	Section      string    `json:"section"` // the plan section's key
	AuthorName   string    `json:"author_name"`
	AuthorDevice string    `json:"author_device"`
	Body         string    `json:"body"`
	Resolved     bool      `json:"resolved"`
	Created      time.Time `json:"created"`
}

// Comments returns the comments on the section with key section, or on
// every section when section is empty, oldest first.
func (s *Store) Comments(ctx context.Context, section string) ([]Comment, error) {
	var out []Comment
	err := s.planRows(ctx, "comments", `SELECT id, section, author_name, author_device, body, resolved, created
		FROM comments WHERE deleted = 0 AND (? = '' OR section = ?) ORDER BY created, id`,
		func(r *sql.Rows) error {
			var c Comment
			var created string
			if err := r.Scan(&c.ID, &c.Section, &c.AuthorName, &c.AuthorDevice, &c.Body, &c.Resolved, &created); err != nil {
				return err
			}
			c.Created, _ = time.Parse(time.RFC3339Nano, created)
			out = append(out, c)
			return nil
		}, section, section)
	return out, err
}

// Comment returns the comment id, or ErrNotFound.
func (s *Store) Comment(ctx context.Context, id string) (Comment, error) {
	c := Comment{ID: id}
	var created string
	err := s.db.QueryRowContext(ctx, `SELECT section, author_name, author_device, body, resolved, created
		FROM comments WHERE id = ? AND deleted = 0`, id).
		Scan(&c.Section, &c.AuthorName, &c.AuthorDevice, &c.Body, &c.Resolved, &created)
	if err == sql.ErrNoRows {
		return Comment{}, fmt.Errorf("comment %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Comment{}, fmt.Errorf("read comment %s: %w", id, plainDBError(err))
	}
	c.Created, _ = time.Parse(time.RFC3339Nano, created)
	return c, nil
}

// AddComment saves a new comment and returns its ID. A zero Created
// means now.
func (s *Store) AddComment(ctx context.Context, c Comment) (string, error) {
	if c.Created.IsZero() {
		c.Created = time.Now()
	}
	return s.savePlanItem(ctx, "comments", "", []planField{
		{"section", c.Section}, {"author_name", c.AuthorName}, {"author_device", c.AuthorDevice},
		{"body", c.Body}, {"resolved", c.Resolved}, {"created", c.Created.UTC().Format(time.RFC3339Nano)},
	})
}

// SetCommentResolved marks the comment id resolved, or open again. It
// returns ErrNotFound if there is no such comment.
func (s *Store) SetCommentResolved(ctx context.Context, id string, resolved bool) error {
	if _, err := s.Comment(ctx, id); err != nil {
		return err
	}
	return s.update(ctx, func(t *Tx) error {
		return t.set("comments", id, "resolved", resolved)
	})
}
