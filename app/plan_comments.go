package app

import (
	"context"
	"errors"
	"strings"

	"github.com/ownplan/ownplan/store"
)

// AddComment adds a comment on a plan section and returns it with its
// ID. c.Section must be a section key of the guide and c.Body some text.
// An empty author is this person on this device; a supporter's comment
// arrives by sync with their own.
func (a *App) AddComment(ctx context.Context, c store.Comment) (store.Comment, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return store.Comment{}, err
	}
	if _, ok := g.Section(c.Section); !ok {
		return store.Comment{}, unknownSection(g, c.Section)
	}
	if strings.TrimSpace(c.Body) == "" {
		return store.Comment{}, errors.New("write something in the comment first")
	}
	if err := checkText("the comment", c.Body); err != nil {
		return store.Comment{}, err
	}
	if c.AuthorName == "" {
		c.AuthorName = a.personName(ctx)
	}
	if c.AuthorDevice == "" {
		c.AuthorDevice = a.store().DeviceID()
	}
	c.Resolved = false
	id, err := a.store().AddComment(ctx, c)
	if err != nil {
		return store.Comment{}, err
	}
	return a.store().Comment(ctx, id)
}

// Comments returns the comments on the section with key section, or on
// the whole plan when section is empty, oldest first.
func (a *App) Comments(ctx context.Context, section string) ([]store.Comment, error) {
	if section != "" {
		g, err := a.PlanGuide(ctx)
		if err != nil {
			return nil, err
		}
		if _, ok := g.Section(section); !ok {
			return nil, unknownSection(g, section)
		}
	}
	return a.store().Comments(ctx, section)
}

// SetCommentResolved marks a comment resolved (dealt with), or reopens
// it when resolved is false.
func (a *App) SetCommentResolved(ctx context.Context, id string, resolved bool) error {
	err := a.store().SetCommentResolved(ctx, id, resolved)
	if errors.Is(err, store.ErrNotFound) {
		return notFoundf("there is no comment with ID %s; see the IDs with: ownplanctl comment list", id)
	}
	return err
}
