package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseTypedDate reads a date as a person in the UK types it:
// "23/11/2026", "23/11/26", "23-11-2026", "23.11.2026", "23 November 2026",
// "23rd Nov 2026", "November 23, 2026", or ISO 8601 ("2026-11-23",
// "2026/11/23"). Numeric dates are read day first. Blank text is the zero
// Date. A date that does not exist, such as 30 February, is an error that
// says why in plain English. Files and JSON use ParseDate, which accepts
// ISO 8601 only.
func ParseTypedDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	y, m, d, ok := splitTypedDate(s)
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date OwnPlan understands: write it like 23/11/2026 or 23 November 2026", s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("%q: the year %d cannot be right; check it", s, y)
	}
	if m < 1 || m > 12 {
		if yearFirst(s) {
			return Date{}, fmt.Errorf("%q: there is no month %d; write the year, the month, then the day, like 2026-11-23, or the day first, like 23/11/2026", s, m)
		}
		return Date{}, fmt.Errorf("%q: there is no month %d; write the day first, then the month, like 23/11/2026", s, m)
	}
	date := NewDate(y, time.Month(m), d)
	if d < 1 || date.Day != d {
		last := NewDate(y, time.Month(m)+1, 0).Day
		return Date{}, fmt.Errorf("%q is not a real date: %s %d has %d days", s, time.Month(m), y, last)
	}
	return date, nil
}

// splitTypedDate finds the year, month and day in s, in any of the forms
// ParseTypedDate accepts.
func splitTypedDate(s string) (y, m, d int, ok bool) {
	numeric := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(numeric) == 3 {
		if len(strings.TrimSpace(numeric[0])) == 4 {
			y, m, d, ok = atoi3(numeric[0], numeric[1], numeric[2])
			return y, m, d, ok
		}
		d, m, y, ok = atoi3(numeric[0], numeric[1], numeric[2])
		if ok && len(strings.TrimSpace(numeric[2])) == 2 {
			y += 2000
		}
		return y, m, d, ok
	}
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(words) != 3 {
		return 0, 0, 0, false
	}
	day, month := words[0], words[1]
	if monthNumber(day) > 0 { // "November 23, 2026"
		day, month = month, day
	}
	d, err1 := strconv.Atoi(strings.TrimRight(strings.ToLower(day), "stndrh"))
	m = monthNumber(month)
	y, err2 := strconv.Atoi(words[2])
	return y, m, d, err1 == nil && err2 == nil && m > 0
}

func atoi3(a, b, c string) (int, int, int, bool) {
	x, err1 := strconv.Atoi(strings.TrimSpace(a))
	y, err2 := strconv.Atoi(strings.TrimSpace(b))
	z, err3 := strconv.Atoi(strings.TrimSpace(c))
	return x, y, z, err1 == nil && err2 == nil && err3 == nil
}

// monthNumber reads an English month name or its first three or more
// letters ("Sept", "Nov."), or returns 0.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return int(m)
		}
	}
	return 0
}

// Written returns d the way people in the UK write it, such as
// "23 November 2026", which ParseTypedDate reads back; "" for the zero
// Date.
func (d Date) Written() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Short returns d in a narrow column, such as "23 Nov 2026", which
// ParseTypedDate reads back; "" for the zero Date.
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month.String()[:3], d.Year)
}

// yearFirst reports whether s starts with a four-digit year, as in
// 2026-11-23.
func yearFirst(s string) bool {
	if len(s) < 5 {
		return false
	}
	for _, r := range s[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
