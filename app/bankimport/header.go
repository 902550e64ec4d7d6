package bankimport

import (
	"slices"
	"strings"
	"unicode"
)

// role is what a column holds.
type role int

const (
	roleDate role = iota
	roleDescription
	roleAmount
	roleIn
	roleOut
	roleBalance
	roleType
	roleReference
	numRoles
)

// headerNames scores the column names UK banks use, after normalising
// (lower case, punctuation dropped, "GBP" dropped), for each role: 100 is
// certain, 50 a reasonable guess. Names not listed are scored by
// headerWords.
var headerNames = [numRoles]map[string]int{
	roleDate: {
		"date": 100, "transaction date": 95, "trans date": 90, "txn date": 90, "tran date": 90,
		"posting date": 90, "posted date": 90, "date posted": 90, "booking date": 85,
		"completed date": 85, "entry date": 85, "processed date": 80, "value date": 75,
		"started date": 70, "created": 60, "created at": 60,
	},
	// A column naming who was paid beats a description, which for some
	// banks (Monzo) is the payment's reference and empty on card payments.
	roleDescription: {
		"counter party": 110, "counterparty": 110, "counterparty name": 110, "payee": 110, "payee name": 110,
		"payer payee": 110, "paid to from": 105, "name": 105, "merchant": 105, "merchant name": 105,
		"description": 100, "transaction description": 95, "details": 90, "transaction details": 90,
		"narrative": 90, "particulars": 85, "memo": 80, "description 1": 70, "description 2": 65, "transaction": 60,
	},
	roleAmount: {
		"amount": 100, "value": 95, "transaction amount": 95, "amt": 85, "net amount": 85,
		"billing amount": 80, "local amount": 20,
	},
	roleIn: {
		"paid in": 100, "money in": 100, "amount in": 100, "credit": 95, "credits": 95,
		"credit amount": 95, "deposits": 95, "deposit": 90, "in": 85, "receipts": 85,
		"received": 80, "income": 80,
	},
	roleOut: {
		"paid out": 100, "money out": 100, "amount out": 100, "debit": 95, "debits": 95,
		"debit amount": 95, "withdrawals": 95, "withdrawal": 90, "out": 85, "payments": 85,
		"spent": 80, "expenditure": 80,
	},
	roleBalance: {
		"balance": 100, "running balance": 95, "account balance": 90, "ledger balance": 85,
	},
	roleType: {
		"type": 100, "transaction type": 95, "trans type": 90, "tran type": 90, "payment type": 90,
		"subcategory": 70, "method": 60,
	},
	roleReference: {
		"reference": 100, "payment reference": 95, "transaction reference": 95, "ref": 90,
		"memo": 60, "notes": 50, "notes and tags": 50,
	},
}

// headerWords scores names that are not in headerNames by the words in them.
func headerWords(words []string) [numRoles]int {
	var s [numRoles]int
	has := func(ws ...string) bool {
		for _, w := range ws {
			if slices.Contains(words, w) {
				return true
			}
		}
		return false
	}
	if has("date") {
		s[roleDate] = 55
	}
	if has("description", "details", "narrative", "payee", "merchant", "particulars") {
		s[roleDescription] = 55
	}
	moneyWord := has("paid", "money", "amount", "amt", "value")
	switch {
	case has("credit", "credits", "deposit", "deposits", "receipts") || (has("in") && moneyWord):
		s[roleIn] = 55
	case has("debit", "debits", "withdrawal", "withdrawals", "payments") || (has("out") && moneyWord):
		s[roleOut] = 55
	case has("amount", "value") && !has("local", "original", "foreign", "fee", "fees", "tax", "balance", "date"):
		s[roleAmount] = 55
	}
	if has("balance") {
		s[roleBalance] = 55
	}
	if has("type") {
		s[roleType] = 50
	}
	if has("reference", "ref") {
		s[roleReference] = 50
	}
	return s
}

// headerScores scores one column name for every role.
func headerScores(name string) [numRoles]int {
	words := strings.Fields(normaliseHeader(name))
	words = slices.DeleteFunc(words, func(w string) bool { return w == "gbp" })
	key := strings.Join(words, " ")
	var s [numRoles]int
	found := false
	for r := range numRoles {
		if v, ok := headerNames[r][key]; ok {
			s[r], found = v, true
		}
	}
	if found {
		return s
	}
	return headerWords(words)
}

// normaliseHeader lower-cases a column name and turns every run of
// characters that are not letters or digits into one space.
func normaliseHeader(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// headerMapping reads a row as column names. It reports whether the row
// is a header, which it is when it names a date column and at least one
// amount column and none of its cells are dates.
func headerMapping(cells []string) (Mapping, bool) {
	type candidate struct {
		score int
		role  role
		col   int
	}
	var cands []candidate
	for i, c := range cells {
		if _, ok := parseRawDate(c); ok {
			return Mapping{}, false
		}
		for r, s := range headerScores(c) {
			if s > 0 {
				cands = append(cands, candidate{s, role(r), i + 1})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return int(a.role) - int(b.role)
	})
	var cols [numRoles]int
	var scores [numRoles]int
	used := map[int]bool{}
	for _, c := range cands {
		if cols[c.role] == 0 && !used[c.col] {
			cols[c.role], scores[c.role] = c.col, c.score
			used[c.col] = true
		}
	}
	// One signed amount column, or money in and out columns: a clear
	// "Amount" wins over in/out columns (Monzo has both), a pair of in
	// and out columns over a vaguer amount.
	if cols[roleAmount] != 0 && (cols[roleIn] != 0 || cols[roleOut] != 0) {
		if scores[roleAmount] >= 90 || cols[roleIn] == 0 || cols[roleOut] == 0 {
			cols[roleIn], cols[roleOut] = 0, 0
		} else {
			cols[roleAmount] = 0
		}
	}
	if cols[roleDescription] == 0 && cols[roleReference] != 0 {
		cols[roleDescription], cols[roleReference] = cols[roleReference], 0
	}
	// The other columns that could describe the payment stand in where
	// the description is empty, the likeliest first.
	var fallback []int
	for _, c := range cands {
		if c.role == roleDescription && !used[c.col] && !slices.Contains(fallback, c.col) {
			fallback = append(fallback, c.col)
		}
	}
	m := Mapping{
		Date: cols[roleDate], Description: cols[roleDescription],
		Amount: cols[roleAmount], In: cols[roleIn], Out: cols[roleOut],
		Balance: cols[roleBalance], Type: cols[roleType], Reference: cols[roleReference],
	}
	copy(m.DescriptionFallback[:], fallback)
	return m, m.Date != 0 && (m.Amount != 0 || m.In != 0 || m.Out != 0)
}
