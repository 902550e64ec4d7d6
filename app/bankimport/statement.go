package bankimport

import "github.com/ownplan/ownplan/store"

// Formats a Statement can come from.
const (
	FormatCSV = "csv"
	FormatOFX = "ofx"
)

// Transaction is one payment in or out of the account.
type Transaction struct {
	Date        store.Date
	AmountPence int64  // positive for money in, negative for money out
	Description string // as the bank wrote it, with runs of spaces collapsed
	Type        string // the bank's type, such as "Direct debit" or "POS"; may be ""
	Reference   string // a payment reference or OFX memo; may be ""

	BalancePence int64 // the running balance after this payment, if HasBalance
	HasBalance   bool

	// BankID is the bank's own identifier for the payment (an OFX FITID),
	// or "" when the file has none, as CSV files do not.
	BankID string
	// Key identifies this payment for de-duplication: importing it again,
	// from this file or from another statement of the same account that
	// overlaps it, gives the same Key. See ImportKeys.
	Key string
	// Line is the line of the file the payment is on, counting from 1, or
	// 0 when it is not known (OFX).
	Line int

	// flip is the change to AmountPence if a minus sign in a money in or
	// money out column were read the other way (see settleSigns), and
	// turned whether it has been: the amount counts the other way from
	// its column.
	flip   int64
	turned bool
}

// Statement is what was read from one statement file.
type Statement struct {
	Format       string        // FormatCSV or FormatOFX
	Transactions []Transaction // oldest first; rows of the same day in the order they happened

	Mapping     Mapping // the columns used to read a CSV file
	Fingerprint string  // the CSV layout's fingerprint (see Layout)

	// OpeningBalancePence is the balance before the first transaction and
	// ClosingBalancePence the balance after the last, when the file shows
	// them (a CSV balance column, or an OFX ledger balance).
	OpeningBalancePence int64
	HasOpeningBalance   bool
	ClosingBalancePence int64
	HasClosingBalance   bool

	// BalanceChecked is true when the file has a running balance and it
	// agrees with every amount, which also proves the order of the rows
	// and which way round money in and out are.
	BalanceChecked bool

	// Skipped counts rows that were left out: pending payments, balance
	// lines, totals. Warnings say which, and anything else the person
	// should check; they are plain English, ready to show.
	Skipped  int
	Warnings []string
}
