package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
)

// HumanDate shows d the way people in the UK write it, such as
// "23 November 2026"; the zero date shows as "not set".
func HumanDate(d store.Date) string {
	if d.IsZero() {
		return "not set"
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// ParseHumanDate reads a date typed by a person: "2026-11-23",
// "23/11/2026", "23/11/26", "23-11-2026", "23.11.2026", "23 November 2026",
// "23 Nov 2026", "today" or "yesterday". Blank text is the zero date. A
// date that does not exist, such as 30 February, is an error that says
// why.
func ParseHumanDate(s string) (store.Date, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "":
		return store.Date{}, nil
	case "today":
		return store.Today(), nil
	case "yesterday":
		return store.Today().AddDays(-1), nil
	}
	var y, m, d int
	var ok bool
	if parts := strings.Split(s, "-"); len(parts) == 3 && len(parts[0]) == 4 {
		y, m, d, ok = atoi3(parts[0], parts[1], parts[2])
	} else if parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' }); len(parts) == 3 {
		d, m, y, ok = atoi3(parts[0], parts[1], parts[2])
		if ok && len(parts[2]) == 2 {
			y += 2000
		}
	} else if parts := strings.Fields(strings.ReplaceAll(s, ",", " ")); len(parts) == 3 {
		var err1, err2 error
		d, err1 = strconv.Atoi(strings.TrimRight(strings.ToLower(parts[0]), "stndrh"))
		m = monthNumber(parts[1])
		y, err2 = strconv.Atoi(parts[2])
		ok = err1 == nil && err2 == nil && m > 0
	}
	if !ok {
		return store.Date{}, fmt.Errorf("%q is not a date OwnPlan understands: write it like 23/11/2026 or 23 November 2026", s)
	}
	if y < 1900 || y > 2200 {
		return store.Date{}, fmt.Errorf("%q: the year %d cannot be right; check it", s, y)
	}
	if m < 1 || m > 12 {
		return store.Date{}, fmt.Errorf("%q: there is no month %d; write the day first, then the month, like 23/11/2026", s, m)
	}
	date := store.NewDate(y, time.Month(m), d)
	if d < 1 || date.Day != d {
		last := store.NewDate(y, time.Month(m)+1, 0).Day
		return store.Date{}, fmt.Errorf("%q is not a real date: %s %d has %d days", s, time.Month(m), y, last)
	}
	return date, nil
}

func atoi3(a, b, c string) (int, int, int, bool) {
	x, err1 := strconv.Atoi(strings.TrimSpace(a))
	y, err2 := strconv.Atoi(strings.TrimSpace(b))
	z, err3 := strconv.Atoi(strings.TrimSpace(c))
	return x, y, z, err1 == nil && err2 == nil && err3 == nil
}

// monthNumber reads an English month name or its first three letters.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s)) {
			return int(m)
		}
	}
	return 0
}
