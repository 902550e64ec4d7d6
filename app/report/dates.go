package report

import (
	"fmt"

	"github.com/ownplan/ownplan/store"
)

// FormatDate returns d the way dates are written in UK letters:
// "23 November 2026". The zero Date ("not set") gives "".
func FormatDate(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	d = store.NewDate(d.Year, d.Month, d.Day) // 31 April is 1 May
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}
