package bankimport

import (
	"strconv"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
)

// DateOrder says how to read all-number dates such as 02/03/2026.
type DateOrder int

const (
	// DateOrderAuto reads them day first, as UK banks write them, unless
	// the whole date column proves otherwise: a value such as 03/25/2026
	// can only be month first.
	DateOrderAuto DateOrder = iota
	// DayFirst reads 02/03/2026 as 2 March 2026.
	DayFirst
	// MonthFirst reads 02/03/2026 as 3 February 2026 (US style).
	MonthFirst
)

// dateForm is the shape of a date as written.
type dateForm uint8

const (
	formNone     dateForm = iota
	formYMD               // 2026-03-02, 2026/03/02, 20260302: always year, month, day
	formWordy             // 2 Mar 2026, Mar 2 2026: the month is a word
	formNumbered          // 02/03/2026, 2.3.26: day and month order unknown
)

// rawDate is a date split into its numbers but not yet checked or
// resolved. For formNumbered, a and b are the first two numbers as
// written; otherwise a is the month and b the day.
type rawDate struct {
	form    dateForm
	year    int
	a, b    int
	yearLen int
}

// parseRawDate splits s into a rawDate. It accepts a time of day after
// the date ("2026-01-02 10:15:00", "2026-01-02T10:15:00Z"), a leading
// weekday and ordinal suffixes ("Mon 2nd March 2026").
func parseRawDate(s string) (rawDate, bool) {
	s = stripTime(strings.TrimSpace(s))
	var toks [4]string
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		j := i + 1
		switch {
		case isDigit(c):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		case isLetter(c):
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			word := s[i:j]
			if n > 0 && isDigit(toks[n-1][0]) && isOrdinal(word) {
				i = j
				continue
			}
			if n == 0 && isWeekday(word) {
				i = j
				continue
			}
		case c == ' ' || c == '/' || c == '-' || c == '.' || c == ',' || c == '\t':
			i++
			continue
		default:
			return rawDate{}, false
		}
		if n == len(toks) {
			return rawDate{}, false
		}
		toks[n] = s[i:j]
		n++
		i = j
	}
	switch n {
	case 1:
		t := toks[0]
		if len(t) == 8 && isDigit(t[0]) {
			return rawDate{form: formYMD, year: atoi(t[:4]), a: atoi(t[4:6]), b: atoi(t[6:]), yearLen: 4}, true
		}
	case 3:
		t0, t1, t2 := toks[0], toks[1], toks[2]
		d0, d1, d2 := isDigit(t0[0]), isDigit(t1[0]), isDigit(t2[0])
		switch {
		case d0 && d1 && d2 && len(t0) == 4 && len(t1) <= 2 && len(t2) <= 2:
			return rawDate{form: formYMD, year: atoi(t0), a: atoi(t1), b: atoi(t2), yearLen: 4}, true
		case d0 && d1 && d2 && len(t0) <= 2 && len(t1) <= 2 && (len(t2) == 2 || len(t2) == 4):
			return rawDate{form: formNumbered, year: atoi(t2), a: atoi(t0), b: atoi(t1), yearLen: len(t2)}, true
		case d0 && !d1 && d2 && len(t0) <= 2 && (len(t2) == 2 || len(t2) == 4):
			if m := monthNumber(t1); m > 0 {
				return rawDate{form: formWordy, year: atoi(t2), a: m, b: atoi(t0), yearLen: len(t2)}, true
			}
		case !d0 && d1 && d2 && len(t1) <= 2 && len(t2) == 4:
			if m := monthNumber(t0); m > 0 {
				return rawDate{form: formWordy, year: atoi(t2), a: m, b: atoi(t1), yearLen: 4}, true
			}
		}
	}
	return rawDate{}, false
}

// stripTime removes a time of day that follows a date.
func stripTime(s string) string {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return s
	}
	h := colon
	for h > 0 && isDigit(s[h-1]) {
		h--
	}
	if h == colon || h == 0 || (s[h-1] != ' ' && s[h-1] != 'T') {
		return s
	}
	return strings.TrimSpace(s[:h-1])
}

// provesDayFirst and provesMonthFirst report whether a numbered date can
// only be read one way.
func (d rawDate) provesDayFirst() bool   { return d.form == formNumbered && d.a > 12 && d.b <= 12 }
func (d rawDate) provesMonthFirst() bool { return d.form == formNumbered && d.b > 12 && d.a <= 12 }

// resolve checks d and returns it as a store.Date, reading numbered dates
// in the given order (DateOrderAuto counts as DayFirst).
func (d rawDate) resolve(order DateOrder) (store.Date, bool) {
	month, day := d.a, d.b
	if d.form == formNumbered && order != MonthFirst {
		month, day = d.b, d.a
	}
	year := d.year
	if d.yearLen == 2 {
		// Two-figure years are this century unless they are far ahead.
		year += 2000
		if year > 2069 {
			year -= 100
		}
	}
	if d.form == formNone || year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 {
		return store.Date{}, false
	}
	if day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return store.Date{}, false
	}
	return store.Date{Year: year, Month: time.Month(month), Day: day}, true
}

// chooseDateOrder decides how to read the numbered dates in a column: day
// first unless at least one date can only be month first and none can
// only be day first, or, when every date could be either, only month
// first puts them in order (as a statement's dates always are, oldest or
// newest first). For month first it also says why, for a warning.
func chooseDateOrder(dates []datePending) (DateOrder, string) {
	dayProof, monthProof := false, ""
	for i := range dates {
		d := &dates[i].raw
		dayProof = dayProof || d.provesDayFirst()
		if monthProof == "" && d.provesMonthFirst() {
			monthProof = dates[i].text
		}
	}
	switch {
	case monthProof != "" && !dayProof:
		return MonthFirst, "for example " + quote(monthProof)
	case monthProof == "" && !dayProof && !inOrder(dates, DayFirst) && inOrder(dates, MonthFirst):
		return MonthFirst, "only read that way are they in date order"
	}
	return DayFirst, ""
}

// inOrder reports whether the dates, read in the given order, are all
// valid and run one way, oldest first or newest first.
func inOrder(dates []datePending, order DateOrder) bool {
	var prev store.Date
	dir := 0
	for i := range dates {
		d, ok := dates[i].raw.resolve(order)
		if !ok {
			return false
		}
		if i > 0 {
			c := d.Compare(prev)
			switch {
			case c == 0:
			case dir == 0:
				dir = c
			case c != dir:
				return false
			}
		}
		prev = d
	}
	return true
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

func monthNumber(word string) int {
	if len(word) > len("september") {
		return 0
	}
	return monthNames[strings.ToLower(word)]
}

func isOrdinal(word string) bool {
	switch strings.ToLower(word) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func isWeekday(word string) bool {
	if len(word) < 3 || len(word) > len("wednesday") {
		return false
	}
	w := strings.ToLower(word)
	for _, d := range [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == d || w == d[:3] || (len(w) == 4 && w == d[:4]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// atoi converts a short run of digits; callers pass only digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
