package budget

import (
	"errors"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/store"
)

// day parses an ISO date or fails the test.
func day(t testing.TB, s string) store.Date {
	t.Helper()
	d, err := store.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fieldErrors returns every *FieldError inside err, in order.
func fieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if fe, ok := e.(*FieldError); ok {
			out = append(out, fe)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// checkFields checks that err holds exactly the FieldErrors for want
// (field names), and that its message contains each of msgs.
func checkFields(t *testing.T, err error, want []string, msgs ...string) {
	t.Helper()
	var got []string
	for _, fe := range fieldErrors(err) {
		got = append(got, fe.Field)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("fields = %q, want %q; error:\n%v", got, want, err)
	}
	if len(want) > 0 {
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Errorf("errors.As found no *FieldError in %v", err)
		}
	}
	for _, m := range msgs {
		if err == nil || !strings.Contains(err.Error(), m) {
			t.Errorf("error %v does not contain %q", err, m)
		}
	}
}

// validSetup is a direct payment of £350 a week for the 2026/27 year,
// paid every four weeks.
func validSetup(t testing.TB) Setup {
	return Setup{
		Holding:        DirectPayment,
		Amount:         35000,
		Period:         Weekly,
		Start:          day(t, "2026-04-01"),
		YearEnd:        day(t, "2027-03-31"),
		Schedule:       Schedule{Kind: EveryNWeeks, Weeks: 4, First: day(t, "2026-04-01")},
		OpeningBalance: 50000,
	}
}

// tx is a transaction with optional splits given as key, amount pairs.
func tx(t testing.TB, date string, amount int64, splits ...any) Transaction {
	t.Helper()
	tr := Transaction{Date: day(t, date), Amount: amount, Reconciled: true}
	for i := 0; i+1 < len(splits); i += 2 {
		tr.Splits = append(tr.Splits, Split{Category: splits[i].(string), Amount: int64(splits[i+1].(int))})
	}
	return tr
}
