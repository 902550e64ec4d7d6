package bankimport

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOFX(t *testing.T) {
	var keys []map[string]Transaction
	for _, tc := range []struct {
		file      string
		firstLine int
		eighth    string // description of the 8th transaction
	}{
		{"ofx1-sgml.ofx", 39, "CAFÉ & PA INSURANCE"},
		{"ofx2-xml.ofx", 99, "PA INSURANCE SERVICES"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			st := parseFile(t, filepath.Join("testdata", tc.file))
			checkInvariants(t, st)
			if st.Format != FormatOFX || len(st.Transactions) != reference.count {
				t.Fatalf("format %q, %d transactions", st.Format, len(st.Transactions))
			}
			in, out := totals(st.Transactions)
			if in != reference.in || out != reference.out {
				t.Errorf("in %d, out %d", in, out)
			}
			if !st.HasOpeningBalance || st.OpeningBalancePence != reference.open || st.ClosingBalancePence != reference.closed {
				t.Errorf("opening %d (%v), closing %d", st.OpeningBalancePence, st.HasOpeningBalance, st.ClosingBalancePence)
			}
			first := st.Transactions[0]
			if first.Date.String() != "2026-01-02" || first.AmountPence != 140000 || first.Description != "SUFFOLK CC DIRECT PAYMENT" ||
				first.Reference != "DP JAN" || first.Type != "CREDIT" || first.BankID != "2026000000" || first.Line != tc.firstLine {
				t.Errorf("first transaction %+v", first)
			}
			if d := st.Transactions[7].Description; d != tc.eighth {
				t.Errorf("8th description %q, want %q", d, tc.eighth)
			}
			if st.Transactions[1].Key == st.Transactions[2].Key || st.Transactions[1].Description != st.Transactions[2].Description {
				t.Error("the two swims on 2 January share a key")
			}
			if len(st.Warnings) != 0 || st.Skipped != 0 {
				t.Errorf("warnings %q, skipped %d", st.Warnings, st.Skipped)
			}
			keys = append(keys, keySet(st.Transactions))
		})
	}
	// The same account's FITIDs give the same keys, whichever OFX version.
	if len(keys) == 2 {
		for k := range keys[0] {
			if _, ok := keys[1][k]; !ok {
				t.Errorf("key %s of the SGML file is not in the XML file", k)
			}
		}
	}
}

const ofxHead = `<?xml version="1.0" encoding="UTF-8"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260201</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>GBP</CURDEF><BANKACCTFROM><BANKID>1</BANKID><ACCTID>99</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260101</DTSTART><DTEND>20260131</DTEND>
`

func stmttrn(date, amount, fitid, name string) string {
	return "<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>" + date + "</DTPOSTED><TRNAMT>" + amount + "</TRNAMT><FITID>" + fitid + "</FITID><NAME>" + name + "</NAME></STMTTRN>\n"
}

func ofxDoc(trns, tail string) string {
	return ofxHead + trns + "</BANKTRANLIST>" + tail + "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
}

func TestOFXKeysAndQuirks(t *testing.T) {
	ledger := "<LEDGERBAL><BALAMT>100.00</BALAMT><DTASOF>20260131</DTASOF></LEDGERBAL>"
	doc := ofxDoc(
		stmttrn("20260105", "-6.20", "A1", "SWIM")+
			stmttrn("20260105", "-6.20", "", "SWIM")+ // no FITID
			stmttrn("20260105", "-6.20", "", "SWIM")+
			stmttrn("20260106", "-18", "D", "TAXI")+ // a FITID used twice
			stmttrn("20260107", "-18.00", "D", "TAXI")+
			stmttrn("20260108", "1,5", "E", "REFUND"), // comma for the decimal point
		ledger+"<BANKTRANLISTP><DTASOF>20260201</DTASOF>"+
			"<STMTTRNP><TRNTYPE>DEBIT</TRNTYPE><DTTRAN>20260201</DTTRAN><TRNAMT>-3.20</TRNAMT><NAME>COFFEE</NAME></STMTTRNP></BANKTRANLISTP>")
	st, err := Parse(context.Background(), strings.NewReader(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, st)
	if len(st.Transactions) != 6 || st.Skipped != 1 || len(st.Warnings) != 1 || !strings.Contains(st.Warnings[0], "1 pending payment") {
		t.Fatalf("%d transactions, skipped %d, warnings %q", len(st.Transactions), st.Skipped, st.Warnings)
	}
	if got := st.Transactions[5].AmountPence; got != 150 {
		t.Errorf("1,5 read as %d pence", got)
	}
	if st.ClosingBalancePence != 10000 || st.OpeningBalancePence != 10000+620*3+1800*2-150 {
		t.Errorf("opening %d closing %d", st.OpeningBalancePence, st.ClosingBalancePence)
	}
	// Keys depend on the FITID where it is unique, so a changed name does
	// not change them; the rest depend on the contents.
	again := strings.Replace(doc, "<FITID>A1</FITID><NAME>SWIM", "<FITID>A1</FITID><NAME>SWIMMING", 1)
	st2, err := ParseOFX(context.Background(), strings.NewReader(again))
	if err != nil {
		t.Fatal(err)
	}
	for i := range st.Transactions {
		if st.Transactions[i].Key != st2.Transactions[i].Key {
			t.Errorf("transaction %d: key changed with the name", i)
		}
	}

	for name, tc := range map[string]struct {
		doc  string
		kind error
		msg  string
	}{
		"fraction of a penny": {ofxDoc(stmttrn("20260105", "1.00", "A", "X")+stmttrn("20260105", "-6.205", "B", "X"), ""), ErrAmount,
			"line 8: This payment's amount, -6.205, is not a whole number of pence."},
		"not an amount": {ofxDoc(stmttrn("20260105", "six", "A", "X"), ""), ErrMalformed, "OFX rules"},
		"no date":       {ofxDoc("<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><TRNAMT>1.00</TRNAMT><FITID>A</FITID></STMTTRN>", ""), ErrDate, "line 7: This payment has no date."},
	} {
		_, err := ParseOFX(context.Background(), strings.NewReader(tc.doc))
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v, want %v containing %q", name, err, tc.kind, tc.msg)
		}
	}
}

func TestOFXByExtension(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "ofx1-sgml.ofx"))
	if err != nil {
		t.Fatal(err)
	}
	// Content decides, whatever the name says.
	st, err := Parse(context.Background(), strings.NewReader(string(data)), "statement.csv")
	if err != nil || st.Format != FormatOFX {
		t.Errorf("OFX named .csv: %v", err)
	}
	// A QFX name makes a file that does not look like OFX fail as OFX.
	if _, err := Parse(context.Background(), strings.NewReader("Date,Amount\n01/04/2026,1.00\n"), "statement.QFX"); !errors.Is(err, ErrMalformed) {
		t.Errorf("CSV named .qfx: err = %v", err)
	}
}
