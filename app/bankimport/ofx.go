package bankimport

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/big"
	"regexp"

	"github.com/aclindsa/ofxgo"
	"github.com/ownplan/ownplan/store"
)

// ParseOFX reads an OFX or QFX statement (OFX 1.x SGML or 2.x XML), as
// banks offer for Microsoft Money and Quicken. Each STMTTRN becomes a
// Transaction: DTPOSTED is its date, TRNAMT its amount, NAME its
// description and MEMO its reference. Its Key comes from the bank's FITID,
// which the bank keeps the same in every download; a transaction without
// a FITID, or whose FITID the file repeats, gets a key made as for CSV
// files (see ImportKeys). Pending transactions are counted in Skipped.
func ParseOFX(ctx context.Context, r io.Reader) (*Statement, error) {
	in, err := openInput(ctx, r)
	if err != nil {
		return nil, err
	}
	return parseOFX(in)
}

// ofxList is one account's list of transactions in an OFX file.
type ofxList struct {
	account string
	list    *ofxgo.TransactionList
	status  ofxgo.Status
	balance ofxgo.Amount
	asOf    ofxgo.Date
}

func parseOFX(in *bufio.Reader) (*Statement, error) {
	// OFX files are small; reading the whole file first keeps size and
	// cancellation errors intact and lets transactions be given lines.
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, readError(err)
	}
	resp, err := ofxgo.DecodeResponse(bytes.NewReader(withOFXHeader(data)))
	if err != nil {
		return nil, newError(ErrMalformed, 0,
			"This OFX file cannot be read because it does not follow the OFX rules (%v). Download it from your bank again, or download a CSV file instead.", err)
	}
	var lists []ofxList
	st := &Statement{Format: FormatOFX}
	for _, msg := range resp.Bank {
		if s, ok := msg.(*ofxgo.StatementResponse); ok {
			if s.BankTranListP != nil {
				st.Skipped += len(s.BankTranListP.Transactions)
			}
			lists = append(lists, ofxList{string(s.BankAcctFrom.AcctID), s.BankTranList, s.Status, s.BalAmt, s.DtAsOf})
		}
	}
	for _, msg := range resp.CreditCard {
		if s, ok := msg.(*ofxgo.CCStatementResponse); ok {
			lists = append(lists, ofxList{string(s.CCAcctFrom.AcctID), s.BankTranList, s.Status, s.BalAmt, s.DtAsOf})
		}
	}
	if len(lists) == 0 {
		return nil, newError(ErrNotStatement, 0, "This OFX file has no bank or credit card statement in it. Download a statement of the account from your bank.")
	}
	if len(lists) > 1 {
		st.Warnings = append(st.Warnings, fmt.Sprintf("This file holds statements for %d accounts, and OwnPlan has read them all. If only one is the direct payment account, download that account on its own.", len(lists)))
	}
	if st.Skipped > 0 {
		st.Warnings = append(st.Warnings, singular(fmt.Sprintf("Left out %d pending payments that the bank has not yet completed.", st.Skipped), st.Skipped))
	}
	// The n-th <STMTTRN> tag in the file is the n-th transaction, unless
	// the file mixes kinds of statement; lines are only given when the
	// counts agree.
	lines := stmttrnLines(data)
	total := 0
	for _, l := range lists {
		if l.list != nil {
			total += len(l.list.Transactions)
		}
	}
	if len(lines) != total {
		lines = make([]int, total)
	}
	type fitid struct{ account, id string }
	var ids []fitid
	uses := make(map[fitid]int)
	for _, l := range lists {
		if l.status.Code != 0 && l.status.Message != "" {
			st.Warnings = append(st.Warnings, fmt.Sprintf("The bank's file reports a problem: %s", l.status.Message))
		}
		if l.list == nil {
			continue
		}
		for _, t := range l.list.Transactions {
			tx, err := ofxTransaction(t, lines[len(st.Transactions)])
			if err != nil {
				return nil, err
			}
			st.Transactions = append(st.Transactions, tx)
			id := fitid{l.account, tx.BankID}
			ids = append(ids, id)
			uses[id]++
		}
	}
	// A FITID the file uses once is the key; the rest get keys made from
	// their contents once the transactions are in order.
	for i, id := range ids {
		if id.id != "" && uses[id] == 1 {
			st.Transactions[i].Key = hashKey("f1", []byte(id.account+"\x00"+id.id))
		}
	}
	if len(lists) == 1 {
		ofxBalance(st, lists[0])
	}
	arrange(st, false)
	// Content keys are counted among the transactions without a FITID
	// key only, so that they do not change if a FITID'd one does.
	var rest []Transaction
	for _, t := range st.Transactions {
		if t.Key == "" {
			rest = append(rest, t)
		}
	}
	ImportKeys(rest)
	for i := range st.Transactions {
		if st.Transactions[i].Key == "" {
			st.Transactions[i].Key, rest = rest[0].Key, rest[1:]
		}
	}
	return st, nil
}

// ofxTransaction converts one STMTTRN, which starts on the given line (0
// if not known).
func ofxTransaction(t ofxgo.Transaction, line int) (Transaction, error) {
	if t.DtPosted.IsZero() {
		return Transaction{}, newError(ErrDate, line, "This payment has no date. Download the file from your bank again, or download a CSV file instead.")
	}
	pence, ok := ratPence(&t.TrnAmt.Rat)
	if !ok {
		return Transaction{}, newError(ErrAmount, line, "This payment's amount, %s, is not a whole number of pence. Download the file from your bank again, or download a CSV file instead.", t.TrnAmt.String())
	}
	tx := Transaction{
		Line:        line,
		Date:        store.DateOf(t.DtPosted.Time),
		AmountPence: pence,
		Description: tidy(string(t.Name)),
		Reference:   tidy(string(t.Memo)),
		BankID:      string(t.FiTID),
	}
	if tx.Description == "" && t.Payee != nil {
		tx.Description = tidy(string(t.Payee.Name))
	}
	if tx.Description == "" {
		tx.Description = tidy(string(t.ExtdName))
	}
	if tx.Description == "" {
		tx.Description, tx.Reference = tx.Reference, ""
	}
	if tx.Reference == tx.Description {
		tx.Reference = ""
	}
	if t.TrnType.Valid() {
		tx.Type = t.TrnType.String()
	}
	return tx, nil
}

// ratPence converts an amount in pounds to pence, refusing fractions of a
// penny and amounts too large to be real.
func ratPence(r *big.Rat) (int64, bool) {
	p := new(big.Rat).Mul(r, big.NewRat(100, 1))
	if !p.IsInt() || !p.Num().IsInt64() {
		return 0, false
	}
	v := p.Num().Int64()
	if v > maxPence || v < -maxPence {
		return 0, false
	}
	return v, true
}

// maxPence is the largest amount accepted, the same as money.Parse's
// limit of fifteen figures of pounds.
const maxPence = 999_999_999_999_999_99

var stmttrnTag = regexp.MustCompile(`(?i)<STMTTRN>`)

// stmttrnLines returns the line of each <STMTTRN> tag in data.
func stmttrnLines(data []byte) []int {
	var lines []int
	line, last := 1, 0
	for _, loc := range stmttrnTag.FindAllIndex(data, -1) {
		line += bytes.Count(data[last:loc[0]], []byte("\n"))
		last = loc[0]
		lines = append(lines, line)
	}
	return lines
}

// ofxBalance sets the closing balance from the ledger balance when it is
// dated no earlier than the last transaction and no later than the end of
// the list (so no payment is missing between them), and the opening
// balance from it.
func ofxBalance(st *Statement, l ofxList) {
	if l.list == nil || l.asOf.IsZero() || len(st.Transactions) == 0 {
		return
	}
	asOf := store.DateOf(l.asOf.Time)
	var last store.Date
	var sum int64
	for _, t := range st.Transactions {
		if t.Date.After(last) {
			last = t.Date
		}
		sum += t.AmountPence
	}
	if asOf.Before(last) || (!l.list.DtEnd.IsZero() && asOf.After(store.DateOf(l.list.DtEnd.Time))) {
		return
	}
	closing, ok := ratPence(&l.balance.Rat)
	if !ok {
		return
	}
	st.ClosingBalancePence, st.HasClosingBalance = closing, true
	st.OpeningBalancePence, st.HasOpeningBalance = closing-sum, true
}

// withOFXHeader returns data with the header OFX requires before <OFX>,
// which some banks leave out: an OFX 1 header for SGML, or the OFX
// processing instruction for XML. ofxgo refuses a file without it.
func withOFXHeader(data []byte) []byte {
	start := bytes.TrimLeft(data, "\xEF\xBB\xBF \t\r\n")
	head := bytes.ToUpper(start[:min(len(start), 1024)])
	switch {
	case bytes.HasPrefix(head, []byte("<OFX>")):
		return append([]byte("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"+
			"CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"), start...)
	case bytes.HasPrefix(head, []byte("<?XML")) && !bytes.Contains(head, []byte("<?OFX")):
		end := bytes.Index(start, []byte("?>"))
		if end < 0 {
			return data
		}
		end += 2
		pi := []byte("\n<?OFX OFXHEADER=\"200\" VERSION=\"220\" SECURITY=\"NONE\" OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>")
		return append(append(append([]byte{}, start[:end]...), pi...), start[end:]...)
	}
	return data
}

// looksLikeOFX reports whether the start of a file is OFX.
func looksLikeOFX(head []byte) bool {
	head = bytes.ToUpper(head)
	return bytes.Contains(head, []byte("OFXHEADER")) || bytes.Contains(head, []byte("<OFX>"))
}
