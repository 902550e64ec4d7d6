package report

import (
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

func TestFormatDate(t *testing.T) {
	for _, c := range []struct {
		d    store.Date
		want string
	}{
		{store.NewDate(2026, time.November, 23), "23 November 2026"},
		{store.NewDate(2027, time.January, 1), "1 January 2027"},
		{store.Date{Year: 2026, Month: time.April, Day: 31}, "1 May 2026"},
		{store.Date{}, ""},
	} {
		if got := FormatDate(c.d); got != c.want {
			t.Errorf("FormatDate(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
