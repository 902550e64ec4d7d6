package bankimport

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/store"
)

func TestSharedFixtures(t *testing.T) {
	want := readExpected(t)
	var keySets []map[string]Transaction
	for _, name := range []string{"statement-paid-in-out.csv", "statement-signed.csv"} {
		t.Run(name, func(t *testing.T) {
			st := parseFile(t, filepath.Join(fixtures, name))
			checkInvariants(t, st)
			if len(st.Transactions) != want.Count {
				t.Errorf("count = %d, want %d", len(st.Transactions), want.Count)
			}
			in, out := totals(st.Transactions)
			if in != want.Received || out != want.Spent {
				t.Errorf("received %d, spent %d; want %d, %d", in, out, want.Received, want.Spent)
			}
			if !st.HasOpeningBalance || st.OpeningBalancePence != want.OpeningBalance {
				t.Errorf("opening balance = %d (%v), want %d", st.OpeningBalancePence, st.HasOpeningBalance, want.OpeningBalance)
			}
			if !st.HasClosingBalance || st.ClosingBalancePence != want.Balance {
				t.Errorf("closing balance = %d (%v), want %d", st.ClosingBalancePence, st.HasClosingBalance, want.Balance)
			}
			if !st.BalanceChecked {
				t.Errorf("running balance not confirmed; warnings %q", st.Warnings)
			}
			if st.Skipped != 0 || len(st.Warnings) != 0 {
				t.Errorf("skipped %d, warnings %q; want none", st.Skipped, st.Warnings)
			}
			from, _ := store.ParseDate(want.From)
			to, _ := store.ParseDate(want.To)
			first, last := st.Transactions[0].Date, st.Transactions[len(st.Transactions)-1].Date
			if first.Before(from) || last.After(to) {
				t.Errorf("dates run %v to %v, outside %v to %v", first, last, from, to)
			}
			keySets = append(keySets, keySet(st.Transactions))
		})
	}
	if len(keySets) != 2 {
		t.Fatal("a fixture failed to parse")
	}
	if len(keySets[0]) != want.Count {
		t.Errorf("%d different keys, want %d", len(keySets[0]), want.Count)
	}
	for k, tx := range keySets[0] {
		if _, ok := keySets[1][k]; !ok {
			t.Errorf("key of %v %s %d is in the paid-in/out file but not the signed one", tx.Date, tx.Description, tx.AmountPence)
		}
	}
}

// TestOverlappingStatements cuts the signed fixture into two statements
// that overlap by whole days, as two downloads would, one of them newest
// first, and checks that importing both adds each payment exactly once.
func TestOverlappingStatements(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "statement-signed.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	header, rows := lines[0], lines[1:]
	var early, late []string
	for _, r := range rows {
		if r < "2026-07-01" {
			early = append(early, r)
		}
		if r >= "2026-06-01" {
			late = append(late, r)
		}
	}
	slices.Reverse(late) // the second download is newest first
	whole := parseFile(t, filepath.Join(fixtures, "statement-signed.csv"))
	a, err := parseString(t, "early.csv", header+"\n"+strings.Join(early, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseString(t, "late.csv", header+"\r\n"+strings.Join(late, "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	imported := keySet(a.Transactions)
	added := 0
	for _, tx := range c.Transactions {
		if _, dup := imported[tx.Key]; !dup {
			imported[tx.Key] = tx
			added++
		}
	}
	if len(imported) != len(whole.Transactions) {
		t.Fatalf("importing both gives %d transactions, want %d", len(imported), len(whole.Transactions))
	}
	for k := range keySet(whole.Transactions) {
		if _, ok := imported[k]; !ok {
			t.Errorf("key %s of the whole statement is missing after importing both parts", k)
		}
	}
	june := 0
	for _, tx := range whole.Transactions {
		if tx.Date.Month == 6 {
			june++
		}
	}
	if want := len(c.Transactions) - june; added != want {
		t.Errorf("second import added %d, want %d (all but June's %d)", added, want, june)
	}
	if !c.BalanceChecked || c.Transactions[0].Date.Month != 6 {
		t.Errorf("newest-first part not put oldest first with its balance checked: first %v, checked %v", c.Transactions[0].Date, c.BalanceChecked)
	}
}

func TestIdenticalPaymentsKeepDifferentKeys(t *testing.T) {
	const csv = "Date,Description,Amount\n" +
		"03/04/2026,LEISURE CENTRE SWIM,-6.20\n" +
		"03/04/2026,LEISURE CENTRE SWIM,-6.20\n" +
		"03/04/2026,Leisure Centre  Swim,-6.20\n" +
		"04/04/2026,LEISURE CENTRE SWIM,-6.20\n"
	st, err := parseString(t, "swims.csv", csv)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Transactions) != 4 {
		t.Fatalf("%d transactions, want 4", len(st.Transactions))
	}
	checkInvariants(t, st)
	// The same day's swims again, from a statement listing only that day:
	// the keys must be the same three.
	again, err := parseString(t, "again.csv", "Date,Description,Amount\n03/04/2026,LEISURE CENTRE SWIM,-6.20\n03/04/2026,LEISURE CENTRE SWIM,-6.20\n03/04/2026,LEISURE CENTRE SWIM,-6.20\n")
	if err != nil {
		t.Fatal(err)
	}
	for i, tx := range again.Transactions {
		if tx.Key != st.Transactions[i].Key {
			t.Errorf("swim %d: key %s, want %s", i, tx.Key, st.Transactions[i].Key)
		}
	}
}

// reference is the set of payments every file in testdata holds: the
// same January 2026 direct-payment account in many banks' layouts.
var reference = struct {
	count                 int
	in, out, open, closed int64
}{12, 280000, 127100, 50000, 202900}

func TestBankLayouts(t *testing.T) {
	tests := []struct {
		file        string
		balance     bool // the file has a running balance
		sure        bool // Detect is sure of the columns
		headerLine  int
		delim       rune
		skipped     int
		warning     string // a warning that must be given
		sameKeys    bool   // descriptions match the reference set's
		firstType   string
		firstRef    string
		wantMapping Mapping
	}{
		{file: "nationwide-cp1252.csv", balance: true, sure: true, headerLine: 5, delim: ',', sameKeys: true, firstType: "Credit",
			wantMapping: Mapping{Date: 1, Type: 2, Description: 3, Out: 4, In: 5, Balance: 6}},
		{file: "barclays-newest-first.csv", sure: true, headerLine: 1, delim: ',', sameKeys: true, firstType: "DIRECTDEP",
			wantMapping: Mapping{Date: 2, Amount: 4, Type: 5, Description: 6}},
		{file: "hsbc-no-header.csv", delim: ',', sameKeys: true, warning: "no row of column names",
			wantMapping: Mapping{Date: 1, Description: 2, Amount: 3}},
		{file: "monzo.csv", sure: true, headerLine: 1, delim: ',', sameKeys: true, firstType: "Credit", firstRef: "DP JAN",
			wantMapping: Mapping{Date: 2, Type: 4, Amount: 8, Reference: 12, Description: 5, DescriptionFallback: [maxFallback]int{15}}},
		{file: "monzo-legacy-iso.csv", sure: true, headerLine: 1, delim: ',', sameKeys: true,
			wantMapping: Mapping{Date: 2, Amount: 3, Description: 9, Reference: 11}},
		{file: "lloyds-newest-first.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true, firstType: "BGC",
			wantMapping: Mapping{Date: 1, Type: 2, Description: 5, Out: 6, In: 7, Balance: 8}},
		{file: "starling.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true, firstType: "FASTER PAYMENT", firstRef: "DP JAN",
			wantMapping: Mapping{Date: 1, Description: 2, Reference: 3, Type: 4, Amount: 5, Balance: 6}},
		{file: "santander-semicolon.csv", balance: true, sure: true, headerLine: 1, delim: ';', sameKeys: true,
			wantMapping: Mapping{Date: 1, Description: 2, In: 3, Out: 4, Balance: 5}},
		{file: "natwest-bom-crlf.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true, firstType: "BGC",
			wantMapping: Mapping{Date: 1, Type: 2, Description: 3, Amount: 4, Balance: 5}},
		{file: "coop-tab.tsv", balance: true, sure: true, headerLine: 1, delim: '\t', sameKeys: true,
			wantMapping: Mapping{Date: 1, Description: 2, In: 3, Out: 4, Balance: 5}},
		{file: "parentheses-crdr.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true,
			wantMapping: Mapping{Date: 1, Description: 2, Amount: 3, Balance: 4}},
		{file: "out-positive.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true,
			wantMapping: Mapping{Date: 1, Description: 2, Amount: 3, Balance: 4, Negate: true}},
		{file: "us-month-first.csv", sure: true, headerLine: 1, delim: ',', sameKeys: true, warning: `month first, American style (for example "01/14/2026")`,
			wantMapping: Mapping{Date: 1, Description: 2, Amount: 3}},
		{file: "metro-totals.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true, skipped: 4, firstType: "Credit",
			warning:     "Left out 3 rows without a date (for example a total or a note): lines 15, 16 and 17.",
			wantMapping: Mapping{Date: 1, Description: 2, Type: 3, In: 4, Out: 5, Balance: 6}},
		{file: "revolut-pending.csv", balance: true, sure: true, headerLine: 1, delim: ',', sameKeys: true, skipped: 1, firstType: "CARD_PAYMENT",
			warning:     "Left out 1 row without a date (for example a total or a note): line 14.",
			wantMapping: Mapping{Type: 1, Date: 4, Description: 5, Amount: 6, Balance: 10}},
	}
	refKeys := keySet(parseFile(t, filepath.Join("testdata", "starling.csv")).Transactions)
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			st := parseFile(t, path)
			checkInvariants(t, st)
			if st.Format != FormatCSV {
				t.Errorf("format %q", st.Format)
			}
			if len(st.Transactions) != reference.count {
				t.Fatalf("%d transactions, want %d", len(st.Transactions), reference.count)
			}
			in, out := totals(st.Transactions)
			if in != reference.in || out != reference.out {
				t.Errorf("in %d, out %d; want %d, %d", in, out, reference.in, reference.out)
			}
			first := st.Transactions[0]
			if first.Date != (store.Date{Year: 2026, Month: 1, Day: 2}) || first.AmountPence != 140000 ||
				!strings.EqualFold(first.Description, "SUFFOLK CC DIRECT PAYMENT") || first.Type != tc.firstType || first.Reference != tc.firstRef {
				t.Errorf("first transaction %+v", first)
			}
			if d := st.Transactions[1].Description; !strings.EqualFold(d, "LEISURE CENTRE SWIM") {
				t.Errorf("second transaction %q, want the swim (same-day order kept)", d)
			}
			if tc.balance {
				if !st.BalanceChecked || st.OpeningBalancePence != reference.open || st.ClosingBalancePence != reference.closed {
					t.Errorf("balance checked %v, opening %d, closing %d; want true, %d, %d", st.BalanceChecked, st.OpeningBalancePence, st.ClosingBalancePence, reference.open, reference.closed)
				}
			} else if st.HasOpeningBalance || st.BalanceChecked {
				t.Errorf("balance reported for a file without one")
			}
			if st.Skipped != tc.skipped {
				t.Errorf("skipped %d, want %d; warnings %q", st.Skipped, tc.skipped, st.Warnings)
			}
			if tc.warning != "" && !slices.ContainsFunc(st.Warnings, func(w string) bool { return strings.Contains(w, tc.warning) }) {
				t.Errorf("warnings %q lack %q", st.Warnings, tc.warning)
			}
			if tc.warning == "" && len(st.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", st.Warnings)
			}
			if tc.sameKeys {
				for k, tx := range keySet(st.Transactions) {
					if _, ok := refKeys[k]; !ok {
						t.Errorf("key of %v %q %d differs from the same payment in starling.csv", tx.Date, tx.Description, tx.AmountPence)
					}
				}
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			lay, err := Detect(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if lay.Sure != tc.sure || lay.HeaderLine != tc.headerLine || lay.Delimiter != tc.delim {
				t.Errorf("Detect: sure %v, header line %d, delimiter %q; want %v, %d, %q (reasons %q)", lay.Sure, lay.HeaderLine, lay.Delimiter, tc.sure, tc.headerLine, tc.delim, lay.Reasons)
			}
			if !lay.Sure && len(lay.Reasons) == 0 {
				t.Error("unsure without a reason")
			}
			if lay.Mapping != tc.wantMapping {
				t.Errorf("Detect mapping %+v, want %+v", lay.Mapping, tc.wantMapping)
			}
			if st.Fingerprint != lay.Fingerprint || !strings.HasPrefix(lay.Fingerprint, "csv-") {
				t.Errorf("fingerprint %q from Parse, %q from Detect", st.Fingerprint, lay.Fingerprint)
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	detectString := func(s string) *Layout {
		lay, err := Detect(context.Background(), strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return lay
	}
	a := detectString("Date,Description,Amount\n01/04/2026,SWIM,-6.20\n")
	b := detectString("\uFEFF\"date\",\"DESCRIPTION\",\"Amount\"\r\n02/05/2027,TAXI,-18.00\r\n03/05/2027,PA WAGES,-262.50\r\n")
	c := detectString("Date,Description,Amount,Balance\n01/04/2026,SWIM,-6.20,10.00\n")
	if a.Fingerprint != b.Fingerprint {
		t.Errorf("same layout, different fingerprints: %s, %s", a.Fingerprint, b.Fingerprint)
	}
	if a.Fingerprint == c.Fingerprint {
		t.Error("different layouts, same fingerprint")
	}
	h1 := detectString("01/04/2026,SWIM,-6.20\n02/04/2026,TAXI,-18.00\n")
	h2 := detectString("03/05/2027,\"PA WAGES\",\"-1,262.50\"\n")
	if h1.Fingerprint != h2.Fingerprint || h1.Fingerprint == a.Fingerprint {
		t.Errorf("headerless fingerprints %s, %s (headed %s)", h1.Fingerprint, h2.Fingerprint, a.Fingerprint)
	}
}

func TestPreview(t *testing.T) {
	open := func(path string) *os.File {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	s, err := Preview(context.Background(), open(filepath.Join(fixtures, "statement-paid-in-out.csv")), nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Layout.Sure || len(s.Rows) != 5 || s.Rows[0].Line != 6 || s.Rows[0].Cells[2] != "SUFFOLK CC DIRECT PAYMENT" {
		t.Fatalf("preview %+v", s)
	}
	if tx := s.Rows[1].Transaction; s.Rows[1].Problem != "" || tx.AmountPence != -620 || tx.Date.String() != "2026-04-01" {
		t.Errorf("row 2 read as %+v, problem %q", tx, s.Rows[1].Problem)
	}

	// A file without column names: Detect is unsure but Preview still
	// shows the rows, read with its best guess.
	s, err = Preview(context.Background(), open(filepath.Join("testdata", "hsbc-no-header.csv")), nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if s.Layout.Sure || len(s.Layout.Reasons) == 0 || len(s.Rows) != 12 || s.Rows[0].Problem != "" || s.Rows[0].Transaction.AmountPence != 140000 {
		t.Errorf("headerless preview: sure %v, reasons %q, %d rows, first %+v", s.Layout.Sure, s.Layout.Reasons, len(s.Rows), s.Rows[0])
	}

	// A person's choice of columns, half made: every row says what is missing.
	s, err = Preview(context.Background(), open(filepath.Join("testdata", "hsbc-no-header.csv")), &Mapping{Description: 2}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 3 || !strings.Contains(s.Rows[0].Problem, "date") {
		t.Errorf("incomplete mapping: %+v", s.Rows)
	}
	// The wrong column for the amount: the rows say so.
	s, err = Preview(context.Background(), open(filepath.Join("testdata", "hsbc-no-header.csv")), &Mapping{Date: 1, Amount: 2}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.Rows[0].Problem, `"SUFFOLK CC DIRECT PAYMENT" is not an amount of money we recognise.`) {
		t.Errorf("wrong amount column: problem %q", s.Rows[0].Problem)
	}
	s, err = Preview(context.Background(), strings.NewReader("Date,Amount\n31/02/2026,1.00\n"), nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Rows[0].Problem, `"31/02/2026" is not a date`) {
		t.Errorf("impossible date: problem %q", s.Rows[0].Problem)
	}
}

// TestChosenMapping reads a statement whose column names are not in
// English, which detection cannot place, with columns a person chose.
func TestChosenMapping(t *testing.T) {
	const welsh = "Cyfrif:,Cyfrif Taliad Uniongyrchol\n" +
		"Dyddiad,Disgrifiad,Swm,Balans\n" +
		"01/04/2026,TALIAD UNIONGYRCHOL,\"1,400.00\",\"1,900.00\"\n" +
		"01/04/2026,CANOLFAN HAMDDEN,-6.20,\"1,893.80\"\n"
	// Without column names it recognises, detection works the columns out
	// from the cells, and says it is guessing.
	st, err := parseString(t, "cyfrif.csv", welsh)
	if err != nil || len(st.Transactions) != 2 || !st.BalanceChecked || st.Mapping != (Mapping{Date: 1, Description: 2, Amount: 3, Balance: 4}) ||
		len(st.Warnings) != 1 || !strings.Contains(st.Warnings[0], "no row of column names") {
		t.Fatalf("Welsh statement: %v, %+v", err, st)
	}
	// With amounts in whole pounds, it cannot tell them from other numbers.
	const whole = "Dyddiad,Disgrifiad,Swm\n01/04/2026,TALIAD UNIONGYRCHOL,1400\n01/04/2026,CANOLFAN HAMDDEN,-6\n"
	_, err = parseString(t, "cyfrif.csv", whole)
	if !errors.Is(err, ErrColumns) || !strings.Contains(err.Error(), "Choose the columns yourself") {
		t.Fatalf("whole pounds: err = %v, want ErrColumns", err)
	}
	st, err = ParseCSV(context.Background(), strings.NewReader(whole), &Mapping{Date: 1, Description: 2, Amount: 3})
	if err != nil || len(st.Transactions) != 2 || st.Transactions[0].AmountPence != 140000 {
		t.Fatalf("whole pounds with chosen columns: %v, %+v", err, st)
	}
	m := &Mapping{Date: 1, Description: 2, Amount: 3, Balance: 4}
	st, err = ParseCSV(context.Background(), strings.NewReader(welsh), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Transactions) != 2 || st.OpeningBalancePence != 50000 || !st.BalanceChecked || st.Skipped != 0 || st.Mapping != *m {
		t.Errorf("%+v", st)
	}
	// The person said the amount column shows money out as positive, but
	// the balance proves otherwise: it is corrected, with a warning.
	neg := *m
	neg.Negate = true
	st, err = ParseCSV(context.Background(), strings.NewReader(welsh), &neg)
	if err != nil {
		t.Fatal(err)
	}
	if in, out := totals(st.Transactions); in != 140000 || out != 620 || len(st.Warnings) != 1 {
		t.Errorf("in %d out %d warnings %q", in, out, st.Warnings)
	}
	// A forced date order is obeyed.
	st, err = ParseCSV(context.Background(), strings.NewReader("Date,Description,Amount\n02/03/2026,X,1.00\n"), &Mapping{Date: 1, Description: 2, Amount: 3, DateOrder: MonthFirst})
	if err != nil || st.Transactions[0].Date.String() != "2026-02-03" {
		t.Errorf("month-first: %v, %+v", err, st)
	}
}

func TestMappingValidate(t *testing.T) {
	for _, tc := range []struct {
		m    Mapping
		want string // part of the message, "" for valid
	}{
		{Mapping{Date: 1, Amount: 2}, ""},
		{Mapping{Date: 1, In: 2, Out: 3, Description: 4, Balance: 5, Type: 6, Reference: 7}, ""},
		{Mapping{Date: 1, Out: 3}, ""},
		{Mapping{Amount: 2}, "date"},
		{Mapping{Date: 1}, "amount"},
		{Mapping{Date: 1, Amount: 2, In: 3}, "not both"},
		{Mapping{Date: 1, Amount: 1}, "Column 1 is chosen for both the date and the amount"},
		{Mapping{Date: -1, Amount: 2}, "counted from 1"},
		{Mapping{Date: 1, Amount: 5000}, "counted from 1"},
	} {
		err := tc.m.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.m, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrMapping)):
			t.Errorf("%+v: error %v, want one containing %q", tc.m, err, tc.want)
		}
	}
}

func TestBalanceProblemsAreWarnings(t *testing.T) {
	const csv = "Date,Description,Amount,Balance\n" +
		"01/04/2026,DP,1400.00,1900.00\n" +
		"02/04/2026,SWIM,-6.20,1893.80\n" +
		"03/04/2026,TAXI,-18.00,1800.00\n" + // should be 1875.80: a missing row
		"04/04/2026,WAGES,-262.50,1537.50\n" +
		"05/04/2026,NOTE,-1.00,\"1,53.50\"\n"
	st, err := parseString(t, "gap.csv", csv)
	if err != nil {
		t.Fatal(err)
	}
	if st.BalanceChecked || len(st.Transactions) != 5 {
		t.Errorf("checked %v with %d rows", st.BalanceChecked, len(st.Transactions))
	}
	for _, want := range []string{"does not match the amounts on 1 row (the first is line 4)", "Ignored the balance on 1 row because it is not an amount of money: line 6."} {
		if !slices.ContainsFunc(st.Warnings, func(w string) bool { return strings.Contains(w, want) }) {
			t.Errorf("warnings %q lack %q", st.Warnings, want)
		}
	}
}

func TestOrder(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		want      []string // descriptions, oldest first
		warning   string
	}{
		{"same day, balance shows newest first",
			"Date,Description,Amount,Balance\n05/04/2026,C,-3.00,94.00\n05/04/2026,B,-2.00,97.00\n05/04/2026,A,-1.00,99.00\n",
			[]string{"A", "B", "C"}, ""},
		{"same day, balance shows oldest first",
			"Date,Description,Amount,Balance\n05/04/2026,A,-1.00,99.00\n05/04/2026,B,-2.00,97.00\n05/04/2026,C,-3.00,94.00\n",
			[]string{"A", "B", "C"}, ""},
		{"same day, no balance: file order",
			"Date,Description,Amount\n05/04/2026,X,-1.00\n05/04/2026,Y,-2.00\n05/04/2026,Z,-3.00\n",
			[]string{"X", "Y", "Z"}, ""},
		{"newest first keeps same-day rows in the order they happened",
			"Date,Description,Amount\n06/04/2026,D,-4.00\n05/04/2026,C,-3.00\n05/04/2026,B,-2.00\n04/04/2026,A,-1.00\n",
			[]string{"A", "B", "C", "D"}, ""},
		{"shuffled rows are sorted, stably",
			"Date,Description,Amount\n05/04/2026,B,-2.00\n04/04/2026,A,-1.00\n05/04/2026,C,-3.00\n06/04/2026,D,-4.00\n",
			[]string{"A", "B", "C", "D"}, "not in date order"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, "order.csv", tc.csv)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tx := range st.Transactions {
				got = append(got, tx.Description)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("order %v, want %v", got, tc.want)
			}
			if tc.warning != "" && !slices.ContainsFunc(st.Warnings, func(w string) bool { return strings.Contains(w, tc.warning) }) {
				t.Errorf("warnings %q lack %q", st.Warnings, tc.warning)
			}
		})
	}
}

func TestTextEncodings(t *testing.T) {
	const csv = "Date,Description,Amount\n02/01/2026,CAFÉ NERO,£-3.20\n03/01/2026,“QUOTED” SHOP – LONDON,-1.00\n"
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range csv {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	latin := []byte(strings.NewReplacer("É", "\xC9", "£", "\xA3", "“", "\x93", "”", "\x94", "–", "\x96").Replace(csv))
	for name, data := range map[string][]byte{"utf-8": []byte(csv), "utf-16": utf16le, "windows-1252": latin, "bom": append([]byte("\xEF\xBB\xBF"), csv...)} {
		st, err := Parse(context.Background(), strings.NewReader(string(data)), "s.csv")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(st.Transactions) != 2 || st.Transactions[0].Description != "CAFÉ NERO" || st.Transactions[0].AmountPence != -320 ||
			st.Transactions[1].Description != "“QUOTED” SHOP – LONDON" {
			t.Errorf("%s: %+v", name, st.Transactions)
		}
	}
}

func TestCSVQuirks(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		want      []string // "date amount description" of each transaction
	}{
		{"description over two lines", "Date,Description,Amount\n01/04/2026,\"TESCO\nIPSWICH\",-6.20\n02/04/2026,SWIM,-6.20\n",
			[]string{"2026-04-01 -620 TESCO IPSWICH", "2026-04-02 -620 SWIM"}},
		{"stray quote inside a cell", "Date,Description,Amount\n01/04/2026,12\" TV STAND,-20.00\n",
			[]string{"2026-04-01 -2000 12\" TV STAND"}},
		{"pipe delimited, zeros in the unused column", "Date|Description|Debit|Credit\n1/4/2026|SWIM|6.20|0.00\n2/4/2026|DP|0.00|1400.00\n",
			[]string{"2026-04-01 -620 SWIM", "2026-04-02 140000 DP"}},
		{"debit column with minus signs", "Date,Description,Money out,Money in\n01/04/2026,SWIM,-6.20,\n",
			[]string{"2026-04-01 -620 SWIM"}},
		{"extra columns and padding", "Account,Date,Time,Details,Category,Amount,Currency\n1234, 01/04/2026 ,10:00,  LEISURE   CENTRE  ,Fun,  -6.20  ,GBP\n",
			[]string{"2026-04-01 -620 LEISURE CENTRE"}},
		{"repeated header part way", "Date,Description,Amount\n01/04/2026,A,-1.00\nDate,Description,Amount\n02/04/2026,B,-2.00\n",
			[]string{"2026-04-01 -100 A", "2026-04-02 -200 B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, "s.csv", tc.csv)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tx := range st.Transactions {
				got = append(got, fmt.Sprintf("%v %d %s", tx.Date, tx.AmountPence, tx.Description))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
