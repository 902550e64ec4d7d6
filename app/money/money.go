// Package money formats and parses amounts of money held as integer
// pence. OwnPlan never uses floating point for money.
package money

import (
	"fmt"
	"strconv"
	"strings"
)

// Format returns p pence as pounds with a pound sign, thousands
// separators and two decimal places: 1820000 is "£18,200.00" and -620 is
// "-£6.20".
func Format(p int64) string {
	sign := ""
	u := uint64(p)
	if p < 0 {
		sign = "-"
		u = uint64(-p)
	}
	return fmt.Sprintf("%s£%s.%02d", sign, group(u/100), u%100)
}

// FormatPounds returns p rounded to the nearest whole pound, for plain
// sentences: 214049 is "£2,140".
func FormatPounds(p int64) string {
	sign := ""
	u := uint64(p)
	if p < 0 {
		sign = "-"
		u = uint64(-p)
	}
	return fmt.Sprintf("%s£%s", sign, group((u+50)/100))
}

// Plain returns p as a plain decimal with no currency sign or grouping,
// for CSV files and JSON: 1820000 is "18200.00" and -620 is "-6.20".
func Plain(p int64) string {
	sign := ""
	u := uint64(p)
	if p < 0 {
		sign = "-"
		u = uint64(-p)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

func group(u uint64) string {
	s := strconv.FormatUint(u, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Parse reads an amount typed by a person or found in a file and returns
// it in pence. It accepts an optional leading or trailing minus sign, a
// pound sign, thousands separators, one or two decimal places, and
// accounting-style parentheses for negatives: "£1,234.50", "-6.20",
// "(6.20)", "18200", "£ 7". It never rounds: "1.234" is an error.
func Parse(s string) (int64, error) {
	orig := s
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	for _, m := range []string{"-", "−", "–"} {
		if strings.HasPrefix(s, m) {
			neg = !neg
			s = strings.TrimSpace(strings.TrimPrefix(s, m))
			break
		}
		if strings.HasSuffix(s, m) {
			neg = !neg
			s = strings.TrimSpace(strings.TrimSuffix(s, m))
			break
		}
	}
	s = strings.TrimPrefix(s, "+")
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "£"), "GBP"))
	if strings.HasPrefix(s, "-") && !neg {
		neg = true
		s = strings.TrimSpace(s[1:])
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" && !hasFrac {
		return 0, fmt.Errorf("%q is not an amount of money: write it like 12.50 or £1,200", orig)
	}
	if strings.Contains(whole, ",") {
		parts := strings.Split(whole, ",")
		for i, p := range parts {
			if (i == 0 && (len(p) < 1 || len(p) > 3)) || (i > 0 && len(p) != 3) {
				return 0, fmt.Errorf("%q is not an amount of money: check the commas", orig)
			}
		}
		whole = strings.Join(parts, "")
	}
	if whole == "" {
		whole = "0"
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, fmt.Errorf("%q is not an amount of money: use at most two figures after the point", orig)
	}
	if len(frac) == 1 {
		frac += "0"
	}
	if frac == "" {
		frac = "00"
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not an amount of money: write it like 12.50 or £1,200", orig)
		}
	}
	if len(whole) > 15 {
		return 0, fmt.Errorf("%q is too large an amount", orig)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	p := w*100 + f
	if neg {
		p = -p
	}
	return p, nil
}
