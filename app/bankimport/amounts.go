package bankimport

import (
	"strings"

	"github.com/ownplan/ownplan/app/money"
)

// parseAmount reads an amount of money as a bank writes it in a statement
// cell, returning pence and whether the cell was empty. On top of what
// money.Parse accepts ("£1,234.50", "-6.20", "(6.20)", "6.20-") it reads
// a "CR" or "DR" suffix (credit is money in, debit money out), a "GBP"
// suffix, and treats a lone dash, "n/a" and the like as an empty cell.
func parseAmount(s string) (pence int64, empty bool, ok bool) {
	return parseAmountStyle(s, false)
}

// parseAmountStyle is parseAmount for amounts written with a decimal
// comma and full stops between the thousands ("1.400,00", "-350,00"), as
// statements saved by spreadsheet programs set up for much of Europe
// write them, when comma is true. The comma and full stop are swapped and
// the amount read as usual, so it never passes through floating point.
func parseAmountStyle(s string, comma bool) (pence int64, empty bool, ok bool) {
	s = strings.TrimSpace(s)
	if isPlaceholder(s) {
		return 0, true, true
	}
	sign := 0
	if n := len(s); n > 2 {
		switch strings.ToUpper(s[n-2:]) {
		case "CR":
			sign, s = 1, s[:n-2]
		case "DR":
			sign, s = -1, s[:n-2]
		}
	}
	if n := len(s); n > 3 && strings.EqualFold(s[n-3:], "GBP") {
		s = s[:n-3]
	}
	if comma {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ',':
				return '.'
			case '.':
				return ','
			}
			return r
		}, s)
	}
	p, err := money.Parse(s)
	if err != nil {
		return 0, false, false
	}
	switch {
	case sign > 0 && p < 0, sign < 0 && p > 0:
		p = -p
	}
	return p, false, true
}

// isPlaceholder reports whether an amount cell holds no amount, only a
// mark that there is none: nothing, a dash, or "n/a".
func isPlaceholder(s string) bool {
	switch strings.ToLower(s) {
	case "", "-", "–", "—", "n/a", "na", "nil", "none":
		return true
	}
	return false
}

// otherStyle reports whether s, which is not an amount in the file's style
// of writing numbers, would be one in the other style: "262,50" in a file
// whose amounts are written "262.50", or the reverse.
func otherStyle(s string, comma bool) bool {
	_, empty, ok := parseAmountStyle(s, !comma)
	return ok && !empty
}

// decimalComma reports whether the amounts in the records are written
// with a decimal comma ("1.400,00", "-6,20"). Only a cell with a comma
// that can be read only that way counts for it, and one with a full stop
// that can be read only as a decimal point against it; "1.400" or "1,400"
// alone says nothing about pence. The side with more cells wins, so that
// in a file that mixes them the odd ones out are refused.
func decimalComma(recs []record) bool {
	commas, points := 0, 0
	for _, rec := range recs {
		for _, c := range rec.cells {
			c = clean(c)
			if !strings.ContainsAny(c, ".,") || !hasDigit(c) {
				continue
			}
			if _, isDate := parseRawDate(c); isDate {
				continue
			}
			_, _, point := parseAmountStyle(c, false)
			_, _, comma := parseAmountStyle(c, true)
			switch {
			case point && !comma && strings.Contains(c, "."):
				points++
			case comma && !point && strings.Contains(c, ","):
				commas++
			}
		}
	}
	return commas > points
}

func abs(p int64) int64 {
	if p < 0 {
		return -p
	}
	return p
}
