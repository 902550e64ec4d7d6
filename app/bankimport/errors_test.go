package bankimport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBadInput(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join(fixtures, "statement-paid-in-out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(fixture), "\n")
	withLine := func(n int, from, to string) string {
		l := append([]string(nil), lines...)
		l[n-1] = strings.Replace(l[n-1], from, to, 1)
		return strings.Join(l, "\n")
	}
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i * 7919 % 251)
	}
	for _, tc := range []struct {
		name, file, data string
		kind             error
		line             int
		msg              string // the whole message, or part of it when partial
		partial          bool
	}{
		{name: "bad date", file: "s.csv", data: withLine(14, "17 Apr 2026", "3O/04/2026"), kind: ErrDate, line: 14,
			msg: `line 14: "3O/04/2026" is not a date we recognise. Check the file is the CSV your bank gave you, or choose the columns yourself.`},
		{name: "impossible date", file: "s.csv", data: "Date,Description,Amount\n01/04/2026,A,1.00\n31/04/2026,B,1.00\n", kind: ErrDate, line: 3,
			msg: `line 3: "31/04/2026" is not a date we recognise.`, partial: true},
		{name: "bad amount", file: "s.csv", data: withLine(18, `"£262.50"`, `"£262,50"`), kind: ErrAmount, line: 18,
			msg: `line 18: "£262,50" is written with a comma before the pence, but the other amounts in this file use a full stop, so OwnPlan cannot be sure what it means. Download the statement from your bank again, or correct this line in a spreadsheet program and save the file as CSV.`},
		{name: "text amount", file: "s.csv", data: withLine(18, `"£262.50"`, `"abc"`), kind: ErrAmount, line: 18,
			msg: `line 18: "abc" is not an amount of money we recognise. Check the file is the CSV your bank gave you, or choose the columns yourself.`},
		{name: "unclosed quote at the end", file: "s.csv", data: "Date,Description,Amount\n01/04/2026,A,1.00\n02/04/2026,\"SWIM,-6.20\n", kind: ErrMalformed, line: 3,
			msg: "line 3: A quotation mark in this row is never closed", partial: true},
		{name: "unclosed quote", file: "s.csv", data: "Date,Description,Amount\n01/04/2026,\"A,1.00\n02/04/2026,SWIM,-6.20\n03/04/2026,\"TAXI\",-6.20\n", kind: ErrMalformed, line: 2,
			msg: "never closed", partial: true},
		{name: "empty", file: "s.csv", data: "", kind: ErrNotStatement, msg: "The file is empty.", partial: true},
		{name: "blank lines", file: "s.csv", data: "\r\n\r\n  \n", kind: ErrNotStatement, msg: "The file is empty.", partial: true},
		{name: "picture", file: "s.csv", data: png, kind: ErrNotStatement, msg: "This is a picture", partial: true},
		{name: "picture named ofx", file: "s.ofx", data: png, kind: ErrNotStatement, msg: "This is a picture", partial: true},
		{name: "pdf", file: "s.csv", data: "%PDF-1.7\n%âãÏÓ\n1 0 obj", kind: ErrNotStatement, msg: "PDF", partial: true},
		{name: "workbook", file: "s.xlsx", data: "PK\x03\x04\x14\x00\x06\x00", kind: ErrNotStatement, msg: "Excel", partial: true},
		{name: "web page", file: "s.xls", data: "<!DOCTYPE html><html><table><tr><td>Date</td></tr></table>", kind: ErrNotStatement, msg: "web page", partial: true},
		{name: "qif", file: "s.qif", data: "!Type:Bank\nD02/01/2026\nT-6.20\n^\n", kind: ErrNotStatement, msg: "QIF", partial: true},
		{name: "binary", file: "s.csv", data: string(random), kind: ErrNotStatement, msg: "not text", partial: true},
		{name: "prose", file: "s.csv", data: "Dear Sir or Madam,\nThank you for your letter about my support plan.\nYours faithfully\n", kind: ErrNotStatement,
			msg: "there are no dates in it", partial: true},
		{name: "no amounts", file: "s.csv", data: "Date,Description,Notes\n01/04/2026,A,B\n02/04/2026,C,D\n", kind: ErrColumns,
			msg: "Choose the columns yourself", partial: true},
		{name: "broken ofx", file: "s.ofx", data: "OFXHEADER:100\nDATA:OFXSGML\n<OFX><SIGNONMSGSRSV1>", kind: ErrMalformed, msg: "OFX rules", partial: true},
		{name: "ofx without statement", file: "s.ofx", data: "<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\" SECURITY=\"NONE\" OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>\n" +
			"<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260201</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1></OFX>",
			kind: ErrNotStatement, msg: "no bank or credit card statement", partial: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := parseString(t, tc.file, tc.data)
			if !errors.Is(err, tc.kind) {
				n := -1
				if st != nil {
					n = len(st.Transactions)
				}
				t.Fatalf("err = %v (%d transactions), want %v", err, n, tc.kind)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line != tc.line {
				t.Errorf("error %#v, want line %d", err, tc.line)
			}
			if got := err.Error(); (!tc.partial && got != tc.msg) || (tc.partial && !strings.Contains(got, tc.msg)) {
				t.Errorf("message %q, want %q", got, tc.msg)
			}
		})
	}
}

func TestChosenColumnsAdvice(t *testing.T) {
	_, err := ParseCSV(context.Background(), strings.NewReader("Date,Ref,Amount\n01/04/2026,2026-99,-6.20\n"), &Mapping{Date: 2, Amount: 3})
	if want := `line 2: "2026-99" is not a date we recognise. Check the columns you chose, and that the file is the CSV your bank gave you.`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if _, err := ParseCSV(context.Background(), strings.NewReader("a,b\n"), &Mapping{Amount: 1}); !errors.Is(err, ErrMapping) {
		t.Errorf("err = %v, want ErrMapping", err)
	}
}

// endless yields a statement that never ends.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	if e.n == 0 {
		e.n++
		return copy(p, "Date,Description,Amount\n01/04/2026,SWIM,-6.20\n"), nil
	}
	for i := range p {
		p[i] = ' '
		if i%4096 == 4095 {
			p[i] = '\n'
		}
	}
	return len(p), nil
}

func TestTooLarge(t *testing.T) {
	for _, name := range []string{"big.csv", "big.ofx"} {
		_, err := Parse(context.Background(), &endless{}, name)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "larger than 50 MB") {
			t.Errorf("%s: err = %v, want ErrTooLarge", name, err)
		}
	}
	_, err := Detect(context.Background(), io.LimitReader(&endless{}, MaxFileSize+100))
	if err != nil {
		t.Errorf("Detect reads only the start, so a large file is no error: %v", err)
	}
	// Exactly at the limit is allowed.
	head := "Date,Description,Amount\n01/04/2026,SWIM,-6.20\n"
	data := head + strings.Repeat(" ", MaxFileSize-len(head)-1) + "\n"
	st, err := Parse(context.Background(), strings.NewReader(data), "limit.csv")
	if err != nil || len(st.Transactions) != 1 {
		t.Errorf("file of exactly MaxFileSize: %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, name := range []string{"s.csv", "s.ofx"} {
		if _, err := Parse(ctx, strings.NewReader("Date,Amount\n01/04/2026,1.00\n"), name); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", name, err)
		}
	}
	// Cancelled part way through a long file.
	ctx, cancel = context.WithCancel(context.Background())
	r := &cancelAfter{r: &endless{}, left: 1 << 20, cancel: cancel}
	if _, err := ParseCSV(ctx, r, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

type cancelAfter struct {
	r      io.Reader
	left   int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.left -= n; c.left < 0 {
		c.cancel()
	}
	return n, err
}

func TestErrorsAreNotPanics(t *testing.T) {
	// Rows with fewer cells than the header, a header alone, and a file of
	// one cell all read without trouble.
	for _, data := range []string{
		"Date,Description,Amount,Balance\n01/04/2026\n02/04/2026,X\n03/04/2026,Y,-1.00\n",
		"Date,Description,Amount\n",
		"x",
		"\xEF\xBB\xBF",
		strings.Repeat(",", 10000),
		string(bytes.Repeat([]byte("\"a\"\"b\","), 2000)),
	} {
		st, err := parseString(t, "s.csv", data)
		if err == nil {
			checkInvariants(t, st)
		}
	}
}
