package bankimport

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseCSV reads a CSV bank statement. With a nil Mapping it works out the
// columns itself (see Detect) and fails with ErrColumns if it cannot; with
// a Mapping, usually one a person chose from a Preview or one remembered
// for the file's Layout.Fingerprint, it reads the columns it is told.
//
// The file is read once, as a stream, and may be up to MaxFileSize bytes.
// Rows without an amount (pending payments, balance lines) and rows
// without a date (totals, notes) are left out and counted in
// Statement.Skipped; a date or amount that cannot be read stops the import
// with an *Error naming the line.
func ParseCSV(ctx context.Context, r io.Reader, m *Mapping) (*Statement, error) {
	in, err := openInput(ctx, r)
	if err != nil {
		return nil, err
	}
	return parseCSV(in, m)
}

func parseCSV(in *bufio.Reader, chosen *Mapping) (*Statement, error) {
	in, err := csvInput(in)
	if err != nil {
		return nil, err
	}
	sample, err := peekSample(in)
	if err != nil {
		return nil, err
	}
	d := detect(sample)
	lay := &d.layout
	m := lay.Mapping
	if chosen != nil {
		m = *chosen
		if err := m.Validate(); err != nil {
			return nil, err
		}
	} else if m.Validate() != nil {
		if d.noDates {
			return nil, newError(ErrNotStatement, 0, "This file does not look like a bank statement: there are no dates in it. Check you chose the CSV or OFX file your bank gave you.")
		}
		return nil, newError(ErrColumns, 0, "OwnPlan could not tell which columns hold the date and the amount. %s Choose the columns yourself.", strings.Join(lay.Reasons, " "))
	}
	st := &Statement{Format: FormatCSV, Mapping: m, Fingerprint: lay.Fingerprint}
	if chosen == nil {
		st.Warnings = append(st.Warnings, lay.Reasons[:d.columnReasons]...)
	}

	cr := newCSVReader(in, lay.Delimiter)
	cr.ReuseRecord = true
	rr := rowReader{m: &m, chosen: chosen != nil, comma: lay.DecimalComma}
	var dates []datePending
	var signs []rowMoney
	var skipped notes
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if line <= lay.HeaderLine {
			continue
		}
		if i := swallowedRows(cells, lay.Delimiter); i >= 0 {
			line, _ := cr.FieldPos(i)
			return nil, newError(ErrMalformed, line,
				"A quotation mark in this row is never closed, so the rows after it cannot be read. Download the statement from your bank again, or open it in a spreadsheet program and save it as CSV.")
		}
		r, skip, err := rr.read(cells, line)
		// In a file without column names, whatever comes before the first
		// payment is the bank's heading, not a broken row.
		leading := lay.HeaderLine == 0 && len(dates) == 0
		switch {
		case err != nil && leading:
			continue
		case err != nil:
			return nil, err
		case skip != notSkipped:
			if !leading {
				skipped.skip(skip, line)
			}
			continue
		}
		if r.badBal {
			skipped.badBalance(line)
		}
		st.Transactions = append(st.Transactions, r.tx)
		dates = append(dates, r.date)
		signs = append(signs, r.money)
	}

	order := m.DateOrder
	if order == DateOrderAuto {
		var proof string
		if order, proof = chooseDateOrder(dates); order == MonthFirst {
			st.Warnings = append(st.Warnings, fmt.Sprintf("The dates in this file are written month first, American style (%s), so OwnPlan has read them that way.", proof))
		}
	}
	if err := resolveDates(st.Transactions, dates, order, chosen != nil); err != nil {
		return nil, err
	}
	settleSigns(st.Transactions, signs)
	arrange(st, m.Amount == 0)
	ImportKeys(st.Transactions)
	if m.Amount != 0 && !st.BalanceChecked && allPositive(st.Transactions) {
		st.Warnings = append(st.Warnings, "Every amount in this file is money in. If some of them are payments out, this bank shows money out as positive numbers: choose the columns yourself and say so.")
	}
	st.Skipped = skipped.total()
	st.Warnings = append(st.Warnings, skipped.warnings()...)
	return st, nil
}

// resolveDates sets the date of each transaction from its pending date,
// reading numbered dates in the given order (DateOrderAuto decides from
// the dates themselves).
func resolveDates(txs []Transaction, dates []datePending, order DateOrder, chosen bool) error {
	if order == DateOrderAuto {
		order, _ = chooseDateOrder(dates)
	}
	for i := range dates {
		d, ok := dates[i].raw.resolve(order)
		if !ok {
			return dateError(dates[i], chosen)
		}
		txs[i].Date = d
	}
	return nil
}

func dateError(d datePending, chosen bool) *Error {
	return newError(ErrDate, d.line, "%s is not a date we recognise. %s", quote(d.text), rowAdvice(chosen))
}

func allPositive(txs []Transaction) bool {
	if len(txs) < 3 {
		return false
	}
	for _, t := range txs {
		if t.AmountPence < 0 {
			return false
		}
	}
	return true
}

// swallowedRows returns the index of a cell that holds the following
// rows of the file because a quotation mark was never closed, or -1. Such
// a cell runs to the end of the file or has a line in it that starts with
// a date and a delimiter; a description that is merely written over two
// lines has neither.
func swallowedRows(cells []string, delim rune) int {
	for i, c := range cells {
		if !strings.Contains(c, "\n") {
			continue
		}
		if strings.HasSuffix(c, "\n") {
			return i
		}
		for _, l := range strings.Split(c, "\n")[1:] {
			if first, _, ok := strings.Cut(l, string(delim)); ok {
				if _, isDate := parseRawDate(first); isDate {
					return i
				}
			}
		}
	}
	return -1
}

// csvError describes an error from encoding/csv.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return newError(ErrMalformed, pe.StartLine,
			"The quotation marks in this row do not match up, so the file cannot be read (%v). Download the statement from your bank again, or open it in a spreadsheet program and save it as CSV.", pe.Err)
	}
	return readError(err)
}

// Sample is the start of a CSV statement read for a preview, so that a
// person can see what the columns hold and choose them.
type Sample struct {
	// Layout is what Detect found; its Mapping may differ from the one
	// the rows were read with.
	Layout Layout
	// Rows are the first rows after the column names (or from the top of a
	// file without them), each read with the Mapping given to Preview.
	Rows []SampleRow
}

// SampleRow is one row of a Sample.
type SampleRow struct {
	Line  int      // line of the file, counting from 1
	Cells []string // the cells as written
	// Transaction is the row read with the Mapping (without a Key). It is
	// valid only when Problem is "".
	Transaction Transaction
	// Problem says in plain English why the row cannot be read, or will
	// be left out, with that Mapping.
	Problem string
}

// Preview reads the start of a CSV statement, detects its layout and
// reads up to n rows with m, or with the detected Mapping if m is nil. It
// never fails because of the Mapping: rows that cannot be read carry a
// Problem instead, so the application can show the person what their
// choice of columns does.
func Preview(ctx context.Context, r io.Reader, m *Mapping, n int) (*Sample, error) {
	in, err := openInput(ctx, r)
	if err == nil {
		in, err = csvInput(in)
	}
	if err != nil {
		return nil, err
	}
	sample, err := peekSample(in)
	if err != nil {
		return nil, err
	}
	d := detect(sample)
	s := &Sample{Layout: d.layout}
	chosen := m != nil
	if !chosen {
		m = &s.Layout.Mapping
	}
	mappingErr := m.Validate()
	rr := rowReader{m: m, chosen: chosen, comma: d.layout.DecimalComma}
	var dates []datePending
	var signs []rowMoney
	var txs []Transaction
	var good []int // indexes in s.Rows of rows read without a problem
	for _, rec := range d.records[d.data:] {
		if len(s.Rows) >= n {
			break
		}
		sr := SampleRow{Line: rec.line, Cells: rec.cells}
		if mappingErr != nil {
			sr.Problem = mappingErr.Error()
		} else if r, skip, err := rr.read(rec.cells, rec.line); err != nil {
			sr.Problem = problem(err)
		} else if skip != notSkipped {
			sr.Problem = skipProblems[skip]
		} else {
			good = append(good, len(s.Rows))
			txs = append(txs, r.tx)
			dates = append(dates, r.date)
			signs = append(signs, r.money)
		}
		s.Rows = append(s.Rows, sr)
	}
	settleSigns(txs, signs)
	order := m.DateOrder
	if order == DateOrderAuto {
		order, _ = chooseDateOrder(dates)
	}
	for i, idx := range good {
		sr := &s.Rows[idx]
		if d, ok := dates[i].raw.resolve(order); ok {
			sr.Transaction = txs[i]
			sr.Transaction.Date = d
		} else {
			sr.Problem, sr.Transaction = dateError(dates[i], chosen).Msg, Transaction{}
		}
	}
	return s, nil
}

var skipProblems = [numSkipKinds]string{
	skipBlank:    "This row is empty.",
	skipNoAmount: "This row has no amount, so it will be left out.",
	skipNoDate:   "This row has no date, so it will be left out.",
	skipSummary:  "This row is a balance or a total, not a payment, so it will be left out.",
}

// problem returns the message of an error without its line number.
func problem(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Msg
	}
	return err.Error()
}
