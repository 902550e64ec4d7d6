package bankimport

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOFXVariants reads the OFX test files as banks really vary them: no
// header at all, XML without the OFX processing instruction, Windows line
// ends with an unescaped ampersand, time zones on the dates and Windows-1252
// text. Every variant must give the same payments and keys.
func TestOFXVariants(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	sgml, xml := read("ofx1-sgml.ofx"), read("ofx2-xml.ofx")
	want := parseFile(t, filepath.Join("testdata", "ofx1-sgml.ofx"))
	for _, tc := range []struct{ name, data string }{
		{"SGML without a header", sgml[strings.Index(sgml, "<OFX>"):]},
		{"XML without the OFX instruction", regexp.MustCompile(`<\?OFX[^>]*\?>\s*`).ReplaceAllString(xml, "")},
		{"CRLF and a bare ampersand", strings.ReplaceAll(strings.Replace(sgml, "<MEMO>DP JAN", "<MEMO>DP JAN M&S", 1), "\n", "\r\n")},
		{"time zones", strings.ReplaceAll(sgml, "<DTPOSTED>20260102\n", "<DTPOSTED>20260102120000.000[0:GMT]\n")},
		{"Windows-1252", strings.Replace(sgml, "<MEMO>DP JAN", "<MEMO>DP JAN \xA3", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, "statement.qfx", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, st)
			if len(st.Transactions) != len(want.Transactions) {
				t.Fatalf("%d transactions, want %d", len(st.Transactions), len(want.Transactions))
			}
			for i, tx := range st.Transactions {
				w := want.Transactions[i]
				if tx.Key != w.Key || tx.AmountPence != w.AmountPence || tx.Date != w.Date {
					t.Errorf("transaction %d: %+v, want %+v", i, tx, w)
				}
			}
		})
	}
}

// TestKeyValueStatement reads Santander's "Text file (TXT)" download, in
// which every payment is a block of labelled lines, as Santander writes
// it: Windows-1252 with non-breaking spaces after the labels.
func TestKeyValueStatement(t *testing.T) {
	const txt = "From:\xA001/10/2026\xA0to\xA031/10/2026\r\n\r\n" +
		"Account:\xA0XXXX XXXX XXXX 1234\r\n\r\n" +
		"Date:\xA003/10/2026\r\n" +
		"Description:\xA0CARD PAYMENT TO TESCO STORES 2234,12.50 GBP, RATE 1.00/GBP ON 01-10-2026 \r\n" +
		"Amount:\xA0-12.50\xA0\r\n" +
		"Balance:\xA01387.50\xA0\r\n\r\n" +
		"Date:\xA002/10/2026\r\n" +
		"Description:\xA0\"QUOTED\" CAF\xC9\r\n" +
		"Amount:\xA0-0.00\xA0\r\n" +
		"Balance:\xA01400.00\xA0\r\n\r\n" +
		"Date:\xA001/10/2026\r\n" +
		"Description:\xA0BANK GIRO CREDIT REF KENT CC DP OCT\r\n" +
		"Amount:\xA01,400.00\xA0GBP\r\n" +
		"Balance:\xA01400.00\xA0\r\n"
	st, err := parseString(t, "Statement.txt", txt)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, st)
	want := []string{"2026-10-01 140000 BANK GIRO CREDIT REF KENT CC DP OCT", `2026-10-02 0 "QUOTED" CAFÉ`,
		"2026-10-03 -1250 CARD PAYMENT TO TESCO STORES 2234,12.50 GBP, RATE 1.00/GBP ON 01-10-2026"}
	if got := describeTxs(st.Transactions); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if !st.BalanceChecked || st.ClosingBalancePence != 138750 {
		t.Errorf("balance checked %v, closing %d; warnings %q", st.BalanceChecked, st.ClosingBalancePence, st.Warnings)
	}
	if lines := []int{st.Transactions[0].Line, st.Transactions[2].Line}; !slices.Equal(lines, []int{15, 5}) {
		t.Errorf("lines %v, want the lines of the blocks' dates, [15 5]", lines)
	}
	// A bad amount names the line of its block's date.
	_, err = parseString(t, "Statement.txt", strings.Replace(txt, "-12.50", "twelve", 1))
	if err == nil || !strings.HasPrefix(err.Error(), `line 5: "twelve" is not an amount`) {
		t.Errorf("bad amount: %v", err)
	}
	// Detect and Preview see the same columns.
	lay, err := Detect(context.Background(), strings.NewReader(txt))
	if err != nil || !lay.Sure || lay.Mapping != (Mapping{Date: 1, Description: 2, Amount: 3, Balance: 4}) {
		t.Errorf("Detect: %v, %+v", err, lay)
	}
	// A CSV file with a "Date:" line above the columns is still CSV.
	st, err = parseString(t, "s.csv", "Date: 31/10/2026\nAmount: all\nDate,Description,Amount\n01/10/2026,DP,1400.00\n")
	if err != nil || len(st.Transactions) != 1 {
		t.Errorf("CSV with labelled lines above: %v, %+v", err, st)
	}
}
