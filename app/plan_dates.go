package app

import (
	"strings"

	"github.com/ownplan/ownplan/store"
)

// HumanDate shows d the way people in the UK write it, such as
// "23 November 2026"; the zero date shows as "not set".
func HumanDate(d store.Date) string {
	if d.IsZero() {
		return "not set"
	}
	return d.Written()
}

// ParseHumanDate reads a date typed by a person: any form
// store.ParseTypedDate accepts ("23/11/2026", "23 November 2026",
// "2026-11-23"), or "today" or "yesterday". Blank text is the zero date.
// A date that does not exist, such as 30 February, is an error that says
// why.
func ParseHumanDate(s string) (store.Date, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "today":
		return store.Today(), nil
	case "yesterday":
		return store.Today().AddDays(-1), nil
	}
	return store.ParseTypedDate(s)
}
