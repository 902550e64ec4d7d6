package bankimport

// maxColumns is the most columns a Mapping may name; no bank statement
// comes close.
const maxColumns = 1000

// maxFallback is the most columns Mapping.DescriptionFallback lists.
const maxFallback = 4

// Mapping says which columns of a CSV statement hold what. Columns are
// numbered from 1, as a person counts them in a preview; 0 means the
// statement has no such column. A statement has either one signed Amount
// column or columns for money In and money Out (a row may fill either).
//
// A Mapping describes a bank's layout, not one file: the application can
// store it against Layout.Fingerprint and pass it to ParseCSV for the next
// file from the same bank.
type Mapping struct {
	Date        int // date of the payment (required)
	Description int // who was paid or who paid, as the bank describes it
	// DescriptionFallback lists, in order, columns to take the
	// description from on rows where the Description column is empty, as
	// Monzo's payee name is for some payments; 0 ends the list. The first
	// of the rest that says something else fills an empty reference.
	DescriptionFallback [maxFallback]int
	Amount              int // one amount column: positive for money in, negative for money out
	In                  int // money in, when there are separate in and out columns
	Out                 int // money out, when there are separate in and out columns
	Balance             int // running balance after each row, used as a cross-check
	Type                int // the bank's type of transaction, such as "Direct debit"
	Reference           int // a payment reference, kept beside the description

	// DateOrder says how to read dates such as 02/03/2026.
	DateOrder DateOrder
	// Negate turns round the sign of the Amount column, for banks that
	// show money out as positive numbers. It has no effect on In and Out.
	Negate bool
}

// Validate reports, in plain English, why m cannot be used to read a
// statement, or returns nil. The error wraps ErrMapping.
func (m Mapping) Validate() error {
	cols := []struct {
		name string
		col  int
	}{
		{"the date", m.Date}, {"the description", m.Description}, {"the amount", m.Amount},
		{"money in", m.In}, {"money out", m.Out}, {"the balance", m.Balance},
		{"the type", m.Type}, {"the reference", m.Reference},
	}
	for _, c := range m.DescriptionFallback {
		if c < 0 || c > maxColumns {
			return newError(ErrMapping, 0, "Column %d cannot hold the description: columns are counted from 1.", c)
		}
	}
	for i, c := range cols {
		if c.col < 0 || c.col > maxColumns {
			return newError(ErrMapping, 0, "Column %d cannot hold %s: columns are counted from 1.", c.col, c.name)
		}
		for _, d := range cols[:i] {
			if c.col != 0 && c.col == d.col {
				return newError(ErrMapping, 0, "Column %d is chosen for both %s and %s. Choose a different column for one of them.", c.col, d.name, c.name)
			}
		}
	}
	switch {
	case m.Date == 0:
		return newError(ErrMapping, 0, "Choose the column that holds the date of each payment.")
	case m.Amount == 0 && m.In == 0 && m.Out == 0:
		return newError(ErrMapping, 0, "Choose the column that holds the amount, or the columns for money in and money out.")
	case m.Amount != 0 && (m.In != 0 || m.Out != 0):
		return newError(ErrMapping, 0, "Choose either one amount column or columns for money in and money out, not both.")
	}
	return nil
}
