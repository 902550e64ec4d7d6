package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// MaxPlanText is the most text one part of the plan, one answer or one
// comment can hold: 1 MB, about 150,000 words, far more than a plan
// needs. Longer documents belong in the evidence store.
const MaxPlanText = 1 << 20

// guides caches the planning guides, which are read and checked from
// embedded data, by region.
var guides struct {
	sync.Mutex
	m map[string]*plan.Guidance
}

// guideFor returns the checked guide for region ("" for the default).
// Callers must not change it.
func guideFor(region string) (*plan.Guidance, error) {
	if region == "" {
		region = plan.DefaultRegion
	}
	guides.Lock()
	defer guides.Unlock()
	if g, ok := guides.m[region]; ok {
		return g, nil
	}
	g, err := plan.Guide(region)
	if err != nil {
		return nil, err
	}
	if guides.m == nil {
		guides.m = map[string]*plan.Guidance{}
	}
	guides.m[region] = g
	return g, nil
}

// PlanGuide returns the planning guide the plan follows: its sections,
// prompts, worked examples, the eligibility outcomes and the sentences
// built from them. The guide is shared: read it, never change it.
func (a *App) PlanGuide(ctx context.Context) (*plan.Guidance, error) {
	r, _, err := a.store().PlanRecord(ctx)
	if err != nil {
		return nil, err
	}
	return guideFor(r.Region)
}

// checkText refuses text that cannot be stored as typed: too long, not
// UTF-8, or holding a NUL character.
func checkText(what, s string) error {
	switch {
	case len(s) > MaxPlanText:
		return fmt.Errorf("%s is too long to save (%s); one part can hold up to 1 MB, about 150,000 words. Split it into shorter parts, or keep a long document as evidence", what, sizeWords(len(s)))
	case !utf8.ValidString(s):
		return fmt.Errorf("%s has characters that are not readable text (it may have come from a file that is not plain text); save the file as UTF-8 text and try again", what)
	case strings.ContainsRune(s, 0):
		return fmt.Errorf("%s has a hidden NUL character, usually from pasting out of another program; remove it and try again", what)
	}
	return nil
}

func sizeWords(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// sectionKeys lists the guide's section keys, for error messages.
func sectionKeys(g *plan.Guidance) string {
	keys := make([]string, len(g.Sections))
	for i, s := range g.Sections {
		keys[i] = s.Key
	}
	return strings.Join(keys, ", ")
}

// PlanSection returns the guide's section with key, or an error that
// names the sections there are.
func (a *App) PlanSection(ctx context.Context, key string) (plan.Section, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return plan.Section{}, err
	}
	sec, ok := g.Section(key)
	if !ok {
		return plan.Section{}, unknownSection(g, key)
	}
	return sec, nil
}

// unknownSection explains a section key that is not in the guide.
func unknownSection(g *plan.Guidance, key string) error {
	if k, ok := likelySection(g, key); ok {
		return fmt.Errorf("there is no plan section called %q; did you mean %s? The sections are: %s", key, k, sectionKeys(g))
	}
	return fmt.Errorf("there is no plan section called %q; the sections are: %s", key, sectionKeys(g))
}

// likelySection is the one section whose key or title holds what was
// typed ("important", "money", "Safe"), if only one does.
func likelySection(g *plan.Guidance, typed string) (string, bool) {
	typed = strings.ToLower(strings.TrimSpace(typed))
	if len(typed) < 3 {
		return "", false
	}
	var found []string
	for _, s := range g.Sections {
		if strings.Contains(s.Key, typed) || strings.Contains(strings.ToLower(s.Title), typed) {
			found = append(found, s.Key)
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// notFoundError is a plain-English message that still matches
// store.ErrNotFound with errors.Is, without "not found" tacked on.
type notFoundError struct{ msg string }

func (e notFoundError) Error() string { return e.msg }
func (e notFoundError) Unwrap() error { return store.ErrNotFound }

// notFoundf formats a message for something that is not there.
func notFoundf(format string, args ...any) error {
	return notFoundError{fmt.Sprintf(format, args...)}
}
