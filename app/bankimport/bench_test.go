package bankimport

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app/money"
)

// statementCSV makes an n-row statement in the Nationwide layout: quoted
// cells, pound signs, thousands separators, written-out dates and a
// running balance, which is the most work per row of the common layouts.
func statementCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\"Account Name:\",\"FlexDirect ****1234\"\n\n\"Date\",\"Transaction type\",\"Description\",\"Paid out\",\"Paid in\",\"Balance\"\n")
	balance := int64(50000)
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		if i%4 == 0 {
			day = day.AddDate(0, 0, 1)
		}
		out, in := "", ""
		if i%10 == 0 {
			balance += 140000
			in = money.Format(140000)
		} else {
			amount := int64(620 + i%37*100)
			balance -= amount
			out = money.Format(amount)
		}
		fmt.Fprintf(&b, "\"%s\",\"Debit card\",\"PAYEE %d, IPSWICH\",\"%s\",\"%s\",\"%s\"\n", day.Format("02 Jan 2006"), i%50, out, in, money.Format(balance))
	}
	return b.Bytes()
}

func BenchmarkParseCSV(b *testing.B) {
	for _, n := range []int{5_000, 100_000} {
		data := statementCSV(n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				st, err := Parse(context.Background(), bytes.NewReader(data), "statement.csv")
				if err != nil || len(st.Transactions) != n || !st.BalanceChecked {
					b.Fatalf("%v, %d transactions, warnings %q", err, len(st.Transactions), st.Warnings)
				}
			}
		})
	}
}
