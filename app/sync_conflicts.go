package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/store"
)

func syncDecodeKey(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }

// Conflict is a text two people changed at the same time, with words to
// show it by.
type Conflict struct {
	store.Conflict
	What       string `json:"what"`        // which text, in plain words
	MineBy     string `json:"mine_by"`     // who wrote "mine"
	TheirsBy   string `json:"theirs_by"`   // who wrote "theirs"
	InUseNow   string `json:"in_use_now"`  // "mine" or "theirs": what the record holds
	MineIsYour bool   `json:"mine_is_you"` // whether "mine" was written on this computer
}

// Conflicts returns the texts to choose between, oldest first.
func (a *App) Conflicts(ctx context.Context) ([]Conflict, error) {
	st := a.store()
	cs, err := st.Conflicts(ctx, false)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	if c, err := st.Circle(ctx); err == nil {
		names[c.Owner] = c.OwnerName
		if ms, err := st.Members(ctx, c.ID); err == nil {
			for _, m := range ms {
				names[m.Device] = m.Name
			}
		}
	}
	who := func(device string) string {
		if device == st.DeviceID() {
			return "You"
		}
		if n := names[device]; n != "" {
			return n
		}
		return "Someone else"
	}
	titles := map[string]string{}
	if g, err := a.PlanGuide(ctx); err == nil {
		for _, s := range g.Sections {
			titles[s.Key] = s.Title
		}
	}
	var out []Conflict
	for _, c := range cs {
		what := describeField(c.Table, c.Row, c.Field)
		if t := titles[c.Row]; t != "" && c.Table == "plan_sections" {
			what = "Plan: " + t
		}
		out = append(out, Conflict{Conflict: c, What: what,
			MineBy: who(c.MineVersion.Device), TheirsBy: who(c.TheirsVersion.Device), InUseNow: c.Winner(),
			MineIsYour: c.MineVersion.Device == st.DeviceID()})
	}
	return out, nil
}

// describeField names a field for people.
func describeField(table, row, field string) string {
	if table == "profile" {
		for _, f := range store.ProfileFields {
			if f.Key == field {
				return "About me: " + f.Label
			}
		}
	}
	words := func(s string) string { return strings.ReplaceAll(s, "_", " ") }
	if table == "plan_sections" || table == "plan_profile" {
		return fmt.Sprintf("Plan: %s", words(row))
	}
	return fmt.Sprintf("%s: %s", syncUpperFirst(words(table)), words(field))
}

func syncUpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ResolveConflict settles a conflict: keep "mine", "theirs", or any other
// text, which is saved as the merged text. The choice is saved as a new
// change, so every device ends with it.
func (a *App) ResolveConflict(ctx context.Context, id int64, keep string) error {
	switch keep {
	case "mine", "theirs":
		return a.store().ResolveConflict(ctx, id, keep, "")
	}
	return a.store().ResolveConflict(ctx, id, "merged", keep)
}
