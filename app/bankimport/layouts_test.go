package bankimport

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// describeTxs writes each transaction as "date pence description" and,
// when it has one, " ref=reference".
func describeTxs(txs []Transaction) []string {
	var out []string
	for _, tx := range txs {
		s := fmt.Sprintf("%v %d %s", tx.Date, tx.AmountPence, tx.Description)
		if tx.Reference != "" {
			s += " ref=" + tx.Reference
		}
		out = append(out, s)
	}
	return out
}

// TestRealWorldLayouts reads statements in the layouts UK banks really
// give (as far as their exports are documented or have been seen), and
// awkward variations of them.
func TestRealWorldLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             []string // describeTxs of the statement
		checked          bool     // the running balance is confirmed
		warning          string   // part of a warning that must be given
		noWarnings       bool     // no warning at all may be given
	}{
		{name: "NatWest apostrophes before text", file: "natwest.csv",
			data: "\nDate, Type, Description, Value, Balance, Account Name, Account Number\n" +
				"01 Oct 2026,BAC,\"'KENT COUNTY COUNCIL , DP\",1400.00,1400.00,\"'DP ACCOUNT\",\"'601234-12345678\",\n" +
				"03 Oct 2026,D/D,\"'PAYROLL CO\",-45.00,1355.00,\"'DP ACCOUNT\",\"'601234-12345678\",\n",
			want:    []string{"2026-10-01 140000 KENT COUNTY COUNCIL, DP", "2026-10-03 -4500 PAYROLL CO"},
			checked: true, noWarnings: true},
		{name: "Monzo card payments have no description", file: "monzo.csv",
			data: "Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In\n" +
				"tx_0000A1,01/10/2026,09:12:01,Faster payment,Kent County Council,,Income,1400.00,GBP,1400.00,GBP,,,,KCC DP,,,1400.00\n" +
				"tx_0000A2,02/10/2026,10:00:00,Card payment,Swim Centre,\U0001F3CA,Entertainment,-6.20,GBP,-6.20,GBP,,,,,,-6.20,\n" +
				"tx_0000A3,02/10/2026,10:00:00,Card payment,Swim Centre,\U0001F3CA,Entertainment,-6.20,GBP,-6.20,GBP,,,,,,-6.20,\n" +
				"tx_0000A4,03/10/2026,11:00:00,Faster payment,,,Bills,-350.00,GBP,-350.00,GBP,PA wages,,,JESS SMITH,,-350.00,\n",
			want: []string{"2026-10-01 140000 Kent County Council ref=KCC DP", "2026-10-02 -620 Swim Centre", "2026-10-02 -620 Swim Centre",
				"2026-10-03 -35000 JESS SMITH ref=PA wages"},
			noWarnings: true},
		{name: "Co-op refund in brackets in the money out column", file: "coop.csv",
			data:    "Date,Description,Money In,Money Out,Balance\n01/10/2026,COUNCIL,1400.00,,1400.00\n03/10/2026,PA WAGES,,350.00,1050.00\n05/10/2026,REFUND,,(20.00),1070.00\n",
			want:    []string{"2026-10-01 140000 COUNCIL", "2026-10-03 -35000 PA WAGES", "2026-10-05 2000 REFUND"},
			checked: true, warning: "counted it the other way (a refund, or a payment that was reversed): line 4. The running balance agrees."},
		{name: "minus in a money out column of minuses is money out", file: "s.csv",
			data:    "Date,Description,Money out,Money in,Balance\n01/10/2026,DP,,1400.00,1400.00\n02/10/2026,SWIM,-6.20,,1393.80\n03/10/2026,TAXI,-18.00,,1375.80\n",
			want:    []string{"2026-10-01 140000 DP", "2026-10-02 -620 SWIM", "2026-10-03 -1800 TAXI"},
			checked: true, noWarnings: true},
		{name: "the running balance shows a lone minus in money out is a refund", file: "s.csv",
			data:    "Date,Description,Money out,Money in,Balance\n01/10/2026,DP,,1400.00,1400.00\n02/10/2026,SWIM REFUND,-6.20,,1406.20\n",
			want:    []string{"2026-10-01 140000 DP", "2026-10-02 620 SWIM REFUND"},
			checked: true, warning: "line 3. The running balance agrees."},
		{name: "a reversed credit in the money in column", file: "s.csv",
			data:    "Date,Description,Paid in,Paid out,Balance\n01/10/2026,DP,1400.00,,1400.00\n02/10/2026,DP REVERSED,-100.00,,1300.00\n03/10/2026,SWIM,,6.20,1293.80\n",
			want:    []string{"2026-10-01 140000 DP", "2026-10-02 -10000 DP REVERSED", "2026-10-03 -620 SWIM"},
			checked: true, warning: "line 3"},
		{name: "semicolons and decimal commas", file: "semicolon.csv",
			data: "Date;Description;Amount\n01/10/2026;Council;1.400,00\n03/10/2026;PA;-350,00\n04/10/2026;Swim;-6,2\n",
			want: []string{"2026-10-01 140000 Council", "2026-10-03 -35000 PA", "2026-10-04 -620 Swim"}, noWarnings: true},
		{name: "decimal commas in quoted cells with a balance", file: "s.csv",
			data: "Datum,Description,Money in,Money out,Balance\n01.10.2026,DP,\"1.400,00\",,\"1.900,00\"\n02.10.2026,SWIM,,\"6,20\",\"1.893,80\"\n",
			want: []string{"2026-10-01 140000 DP", "2026-10-02 -620 SWIM"}, checked: true},
		{name: "Barclays", file: "barclays.csv",
			data: "Number,Date,Account,Amount,Subcategory,Memo\n" +
				" ,03/10/2026,20-32-06 13152170,-350.00,FT,J SMITH PA WAGES  \t\n" +
				" ,01/10/2026,20-32-06 13152170,1400.00,DIRECTDEP,KENT CC DIRECT PAYMENT  \t\n",
			want: []string{"2026-10-01 140000 KENT CC DIRECT PAYMENT", "2026-10-03 -35000 J SMITH PA WAGES"}, noWarnings: true},
		{name: "TSB and Halifax share Lloyds' layout", file: "tsb.csv",
			data: "Transaction date,Transaction type,Sort code,Account number,Transaction description,Debit amount,Credit amount,Balance\n" +
				"03/10/2026,FPO,'77-12-34,12345678,JESS SMITH PA,350.00,,1050.00\n" +
				"01/10/2026,BGC,'77-12-34,12345678,KENT COUNTY COUNCIL,,1400.00,1400.00\n",
			want: []string{"2026-10-01 140000 KENT COUNTY COUNCIL", "2026-10-03 -35000 JESS SMITH PA"}, checked: true, noWarnings: true},
		{name: "First Direct", file: "firstdirect.csv",
			data: "Date,Description,Amount\n03/10/2026,JESS SMITH PA WAGES,-350.00\n01/10/2026,KENT COUNTY COUNCIL,\"1,400.00\"\n",
			want: []string{"2026-10-01 140000 KENT COUNTY COUNCIL", "2026-10-03 -35000 JESS SMITH PA WAGES"}, noWarnings: true},
		{name: "Metro with totals at the foot", file: "metro.csv",
			data: "Date,Reference,Transaction Type,Money In,Money Out,Balance\n01/10/2026,KENT CC,Credit,\"1,400.00\",,\"1,400.00\"\n02/10/2026,SWIM,Debit card,,6.20,\"1,393.80\"\n" +
				",,Total,\"1,400.00\",6.20,\n",
			want: []string{"2026-10-01 140000 KENT CC", "2026-10-02 -620 SWIM"}, checked: true, warning: "line 4"},
		{name: "Revolut", file: "revolut.csv",
			data: "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n" +
				"TRANSFER,Current,2026-10-01 08:00:00,2026-10-01 09:12:00,Kent County Council,1400.00,0.00,GBP,COMPLETED,1400.00\n" +
				"CARD_PAYMENT,Current,2026-10-02 10:00:00,2026-10-02 10:00:00,Swim Centre,-6.20,0.00,GBP,COMPLETED,1393.80\n" +
				"CARD_PAYMENT,Current,2026-10-03 10:00:00,,Taxi,-18.00,0.00,GBP,PENDING,\n",
			want: []string{"2026-10-01 140000 Kent County Council", "2026-10-02 -620 Swim Centre"}, checked: true, warning: "line 4"},
		{name: "Chase UK", file: "chase.csv",
			data: "Date,Time,Transaction Type,Description,Amount,Currency,Balance\n" +
				"01 Oct 2026,09:12,Transfer in,Kent County Council,\"+£1,400.00\",GBP,\"£1,400.00\"\n" +
				"02 Oct 2026,10:00,Card payment,Swim Centre,-£6.20,GBP,\"£1,393.80\"\n",
			want: []string{"2026-10-01 140000 Kent County Council", "2026-10-02 -620 Swim Centre"}, checked: true},
		{name: "credit union with CR and DR", file: "cu.csv",
			data: "Date,Transaction,Reference,Debit,Credit,Balance\n01-Oct-2026,Deposit,KCC DP,,1400.00,1400.00CR\n02-Oct-2026,Withdrawal,ATM,50.00,,1350.00CR\n",
			want: []string{"2026-10-01 140000 Deposit ref=KCC DP", "2026-10-02 -5000 Withdrawal ref=ATM"}, checked: true},
		{name: "trailing minus and pound sign", file: "s.csv",
			data: "Date,Description,Amount\n01/10/2026,DP,\"£1,400.00\"\n02/10/2026,BIG SPEND,\"£1,234.56-\"\n03/10/2026,CREDIT,6.20 CR\n04/10/2026,DEBIT,6.20 DR\n",
			want: []string{"2026-10-01 140000 DP", "2026-10-02 -123456 BIG SPEND", "2026-10-03 620 CREDIT", "2026-10-04 -620 DEBIT"}},
		{name: "dates with times", file: "s.csv",
			data: "Date,Description,Amount\n01/10/2026 09:12,DP,1400.00\n01/10/2026 17:40,SWIM,-6.20\n02/10/2026 00:01:59,TAXI,-18.00\n",
			want: []string{"2026-10-01 140000 DP", "2026-10-01 -620 SWIM", "2026-10-02 -1800 TAXI"}},
		{name: "US month first, proved by the order of the dates", file: "s.csv",
			data:    "Date,Description,Amount\n10/01/2026,DP,1400.00\n10/05/2026,SWIM,-6.20\n10/09/2026,TAXI,-18.00\n11/02/2026,WAGES,-350.00\n",
			want:    []string{"2026-10-01 140000 DP", "2026-10-05 -620 SWIM", "2026-10-09 -1800 TAXI", "2026-11-02 -35000 WAGES"},
			warning: "only read that way are they in date order"},
		{name: "ragged rows and duplicate column names", file: "s.csv",
			data: "Date,Description,Amount,Amount,Notes\n01/10/2026,DP,1400.00\n02/10/2026,SWIM,-6.20,,,,,\n03/10/2026,\"TAXI\nTO HOSPITAL\",-18.00,x\n",
			want: []string{"2026-10-01 140000 DP", "2026-10-02 -620 SWIM", "2026-10-03 -1800 TAXI TO HOSPITAL"}},
		{name: "dated balance and total lines are not payments", file: "s.csv",
			data: "Date,Description,Amount,Balance\n01/10/2026,BALANCE BROUGHT FORWARD,1400.00,1400.00\n02/10/2026,TOTAL FITNESS IPSWICH,-30.00,1370.00\n" +
				"03/10/2026,Balance transfer,-6.20,1363.80\n31/10/2026,TOTAL,-36.20,\n31/10/2026,Closing balance,1363.80,1363.80\n",
			want:    []string{"2026-10-02 -3000 TOTAL FITNESS IPSWICH", "2026-10-03 -620 Balance transfer"},
			checked: true, warning: "Left out 3 rows that are balances or totals, not payments (such as \"balance brought forward\"): lines 2, 5 and 6."},
		{name: "no description: the type stands in", file: "s.csv",
			data: "Date,Type,Description,Amount\n01/10/2026,Interest,,0.12\n02/10/2026,,,-1.00\n",
			want: []string{"2026-10-01 12 Interest", "2026-10-02 -100 "}},
		{name: "an n/a amount is no amount", file: "s.csv",
			data: "Date,Description,Amount\n01/10/2026,DP,1400.00\n02/10/2026,PENDING SWIM,n/a\n",
			want: []string{"2026-10-01 140000 DP"}, warning: "line 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, tc.file, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, st)
			if got := describeTxs(st.Transactions); !slices.Equal(got, tc.want) {
				t.Errorf("got\n\t%q\nwant\n\t%q", got, tc.want)
			}
			if st.BalanceChecked != tc.checked {
				t.Errorf("balance checked %v, want %v (warnings %q)", st.BalanceChecked, tc.checked, st.Warnings)
			}
			if tc.warning != "" && !slices.ContainsFunc(st.Warnings, func(w string) bool { return strings.Contains(w, tc.warning) }) {
				t.Errorf("warnings %q lack %q", st.Warnings, tc.warning)
			}
			if tc.noWarnings && len(st.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", st.Warnings)
			}
		})
	}
}

// TestRefusedRows checks that a row that cannot be read stops the whole
// import with the line and the problem, and that rows that are plainly
// not payments are left out instead.
func TestRefusedRows(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		kind       error
		line       int
		msg        string // part of the message
	}{
		{"text for an amount", "Date,Description,Amount\n01/10/2026,A,10.00\n02/10/2026,B,abc\n", ErrAmount, 3, `"abc" is not an amount of money`},
		{"text in money out", "Date,Description,Money in,Money out\n01/10/2026,A,10.00,\n02/10/2026,B,,PAID\n", ErrAmount, 3, `"PAID" is not an amount`},
		{"garbage with digits", "Date,Description,Amount\n01/10/2026,A,10.00\n02/10/2026,B,1O.00\n", ErrAmount, 3, `"1O.00"`},
		{"a decimal comma among full stops", "Date;Description;Amount\n01/10/2026;A;10.00\n02/10/2026;B;6,20\n", ErrAmount, 3, "written with a comma before the pence, but the other amounts in this file use a full stop"},
		{"a full stop among decimal commas", "Date;Description;Amount\n01/10/2026;A;1.400,00\n02/10/2026;B;-6,20\n03/10/2026;C;-6.20\n", ErrAmount, 4, "written with a full stop before the pence, but the other amounts in this file use a comma"},
		{"fraction of a penny", "Date,Description,Amount\n01/10/2026,A,10.005\n", ErrAmount, 2, `"10.005"`},
		{"impossible date", "Date,Description,Amount\n01/10/2026,A,10.00\n31/02/2026,B,5.00\n", ErrDate, 3, `"31/02/2026" is not a date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, "s.csv", tc.data)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("err = %v, statement %+v; want %v", err, st, tc.kind)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line != tc.line || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("error %q (line %d), want line %d and %q", err, e.Line, tc.line, tc.msg)
			}
			if st != nil {
				t.Errorf("a statement came back with the error: %+v", st)
			}
		})
	}
}

func TestDecimalComma(t *testing.T) {
	for _, tc := range []struct {
		cells []string
		want  bool
	}{
		{[]string{"1.400,00", "-350,00"}, true},
		{[]string{"-6,20", "01.10.2026"}, true},
		{[]string{"1,400.00", "-350.00"}, false},
		{[]string{"1.400", "6,20"}, true},   // 1.400 is 1400 with a decimal comma; 1.400 pounds is no amount
		{[]string{"1,400", "-6.20"}, false}, // the reverse
		{[]string{"1400", "-6"}, false},     // no separators: nothing to go on
		{[]string{"6,20", "6.20"}, false},   // mixed evenly: decimal point, and the comma row is refused
		{[]string{"6,20", "6,20", "6.20"}, true},
		{[]string{"10.005"}, false}, // not an amount either way that matters: refused
		{[]string{"Account", "30-00-00", "09:12"}, false},
	} {
		if got := decimalComma([]record{{cells: tc.cells}}); got != tc.want {
			t.Errorf("decimalComma(%q) = %v, want %v", tc.cells, got, tc.want)
		}
	}
}
