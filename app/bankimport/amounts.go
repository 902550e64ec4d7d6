package bankimport

import (
	"strings"

	"github.com/ownplan/ownplan/app/money"
)

// parseAmount reads an amount of money as a bank writes it in a statement
// cell, returning pence and whether the cell was empty. On top of what
// money.Parse accepts ("£1,234.50", "-6.20", "(6.20)", "6.20-") it reads
// a "CR" or "DR" suffix (credit is money in, debit money out), a "GBP"
// suffix, and treats a lone dash as an empty cell.
func parseAmount(s string) (pence int64, empty bool, ok bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "-", "–", "—":
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

func abs(p int64) int64 {
	if p < 0 {
		return -p
	}
	return p
}
