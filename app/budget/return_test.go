package budget

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestReturnFixture checks quarterly returns for the fixture statement
// against the bank's own running balance.
func TestReturnFixture(t *testing.T) {
	lines := readStatement(t)
	txs := make([]Transaction, len(lines))
	bank := map[string]int64{} // balance at the end of each month
	for i, l := range lines {
		txs[i] = l.tx
		bank[l.tx.Date.String()[:7]] = l.balance
	}
	txs[3].Reconciled = false // -18.00 on 3 April
	txs[6].Reconciled = false // -128.00 on 10 April
	s, cats := fixturePlan(t)

	for _, tc := range []struct {
		from, to       string
		opening        int64
		closing        int64
		in             int64
		count, unrec   int
		unrecAmount    int64
		allocated      int64
		plannedPAWages int64
	}{
		{"2026-04-01", "2026-06-30", 50000, bank["2026-06"], 4 * 140000, 36, 2, -14600, 453753, 340315}, // 91 days
		{"2026-07-01", "2026-09-30", bank["2026-06"], bank["2026-09"], 3 * 140000, 39, 0, 0, 458740, 344055},
		{"2026-10-01", "2026-12-31", bank["2026-09"], bank["2026-10"], 140000, 13, 0, 0, 458740, 344055},
		{"2026-04-01", "2026-10-31", 50000, 220650, 1120000, 88, 2, -14600, 1067068, 800301},
		{"2026-03-01", "2026-04-30", 50000, bank["2026-04"], 2 * 140000, 12, 2, -14600, 149589, 112192}, // starts before Start
	} {
		t.Run(tc.from+"_"+tc.to, func(t *testing.T) {
			r, err := MonitoringReturn(s, cats, txs, day(t, tc.from), day(t, tc.to))
			if err != nil {
				t.Fatal(err)
			}
			if r.OpeningBalance != tc.opening || r.ClosingBalance != tc.closing || r.TotalIn != tc.in ||
				r.Transactions != tc.count || r.Unreconciled != tc.unrec || r.UnreconciledAmount != tc.unrecAmount ||
				r.Allocated != tc.allocated {
				t.Errorf("got opening %d closing %d in %d count %d unreconciled %d (%d) allocated %d\nwant %+v",
					r.OpeningBalance, r.ClosingBalance, r.TotalIn, r.Transactions, r.Unreconciled, r.UnreconciledAmount, r.Allocated, tc)
			}
			if r.ClosingBalance != r.OpeningBalance+r.TotalIn-r.TotalSpending {
				t.Errorf("closing %d != opening %d + in %d − out %d", r.ClosingBalance, r.OpeningBalance, r.TotalIn, r.TotalSpending)
			}
			var in, out, planned int64
			for _, l := range r.MoneyIn {
				in += l.Amount
			}
			for _, l := range r.Spending {
				out += l.Amount
				planned += l.Planned
			}
			if in != r.TotalIn || out != r.TotalSpending || planned != r.PlannedSpent {
				t.Errorf("lines add up to %d in, %d out, %d planned; totals %d, %d, %d", in, out, planned, r.TotalIn, r.TotalSpending, r.PlannedSpent)
			}
			if len(r.Spending) != 11 || len(r.MoneyIn) != 2 {
				t.Errorf("%d spending lines, %d money-in lines; want every category", len(r.Spending), len(r.MoneyIn))
			}
			if r.Spending[0].Key != KeyPAWages || r.Spending[0].Planned != tc.plannedPAWages {
				t.Errorf("PA wages line %+v, want planned %d", r.Spending[0], tc.plannedPAWages)
			}
		})
	}

	// The four quarters' plans add up to the year's exactly.
	var planned, allocated int64
	for _, q := range [][2]string{{"2026-04-01", "2026-06-30"}, {"2026-07-01", "2026-09-30"}, {"2026-10-01", "2026-12-31"}, {"2027-01-01", "2027-03-31"}} {
		r, err := MonitoringReturn(s, cats, txs, day(t, q[0]), day(t, q[1]))
		if err != nil {
			t.Fatal(err)
		}
		planned += r.Spending[0].Planned
		allocated += r.Allocated
	}
	if planned != 1365000 || allocated != 1820000 {
		t.Errorf("quarters plan %d for PA wages and allocate %d; want 1365000 and 1820000", planned, allocated)
	}
}

func TestReturnEdges(t *testing.T) {
	s := validSetup(t)
	cats := simpleCats()
	txs := []Transaction{
		tx(t, "2026-03-31", -99999), // before the start: already in the opening balance
		tx(t, "2026-04-01", 140000, KeyCouncilPayments, 140000),
		tx(t, "2026-04-02", -1000),             // no category
		tx(t, "2026-04-03", 500),               // no category, money in
		tx(t, "2026-04-04", -2000, "x", -2000), // unknown category
		tx(t, "2027-04-01", -5000),             // after the year end
	}
	r, err := MonitoringReturn(s, cats, txs, day(t, "2026-01-01"), day(t, "2027-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if r.OpeningBalance != 50000 || r.TotalIn != 140500 || r.TotalSpending != 3000 || r.ClosingBalance != 187500 || r.Transactions != 4 {
		t.Errorf("got %+v", r)
	}
	if r.Allocated != 1820000 {
		t.Errorf("Allocated = %d, want the whole year", r.Allocated)
	}
	last := r.Spending[len(r.Spending)-1]
	if last.Key != UncategorisedKey || last.Amount != 3000 || last.Name != nameUncategorisedOut {
		t.Errorf("last spending line %+v, want uncategorised 3000", last)
	}
	if l := r.MoneyIn[len(r.MoneyIn)-1]; l.Key != UncategorisedKey || l.Amount != 500 {
		t.Errorf("last money-in line %+v, want uncategorised 500", l)
	}

	empty, err := MonitoringReturn(s, cats, nil, day(t, "2026-04-01"), day(t, "2026-04-01"))
	if err != nil || empty.OpeningBalance != 50000 || empty.ClosingBalance != 50000 || empty.Transactions != 0 || empty.Allocated != 4986 {
		t.Errorf("one-day return with no transactions = %+v, %v", empty, err)
	}

	for _, bad := range [][2]string{{"2026-05-01", "2026-04-30"}, {"", "2026-04-30"}, {"2026-04-01", ""}} {
		_, err := MonitoringReturn(s, cats, txs, day(t, bad[0]), day(t, bad[1]))
		var fe *FieldError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "monitoring return") {
			t.Errorf("MonitoringReturn(%s, %s) error = %v, want a wrapped *FieldError", bad[0], bad[1], err)
		}
	}
}

func TestWriteReturnCSV(t *testing.T) {
	r := Return{
		From: day(t, "2026-04-01"), To: day(t, "2026-06-30"),
		Holding: IndividualServiceFund, Provider: "=cmd|' /C calc'!A0",
		AnnualBudget: 1820000, WeeklyBudget: 35000, Allocated: 453753,
		OpeningBalance: 50000,
		MoneyIn:        []ReturnLine{{KeyCouncilPayments, "Council payments", 453753, 560000}},
		TotalIn:        560000, PlannedIn: 453753,
		Spending: []ReturnLine{
			{KeyPAWages, "Personal assistant wages", 340315, 341250},
			{UncategorisedKey, nameUncategorisedOut, 0, -620},
			{"x", "-odd, \"quoted\" name", 0, 0},
		},
		TotalSpending: 340630, PlannedSpent: 340315,
		ClosingBalance: 269370, Transactions: 36, Unreconciled: 2, UnreconciledAmount: -14600,
	}
	var b bytes.Buffer
	if err := WriteReturnCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	want := `Item,Category,Planned,Amount
From,,,2026-04-01
To,,,2026-06-30
How the budget is held,,,Individual service fund
Provider,,,'=cmd|' /C calc'!A0
Annual budget,,,18200.00
Weekly budget,,,350.00
Budget for the period,,,4537.53
Opening balance,,,500.00
Money in,Council payments,4537.53,5600.00
Total money in,,4537.53,5600.00
Spending,Personal assistant wages,3403.15,3412.50
Spending,Spending not yet given a category,0.00,-6.20
Spending,"'-odd, ""quoted"" name",0.00,0.00
Total spending,,3403.15,3406.30
Closing balance,,,2693.70
Transactions,,,36
Unreconciled transactions,,,2
Unreconciled amount,,,-146.00
`
	if got := b.String(); got != want {
		t.Errorf("CSV\n got:\n%s\nwant:\n%s", got, want)
	}

	err := WriteReturnCSV(failWriter{}, r)
	if err == nil || !strings.Contains(err.Error(), "writing the monitoring return as CSV") || !errors.Is(err, errDiskFull) {
		t.Errorf("WriteReturnCSV to a failing writer = %v", err)
	}
}

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }
