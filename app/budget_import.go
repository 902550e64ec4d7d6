package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ownplan/ownplan/app/bankimport"
	"github.com/ownplan/ownplan/store"
)

// ImportOptions change how a statement is imported.
type ImportOptions struct {
	// Mapping is the columns the person chose for a CSV statement. It is
	// remembered for the bank's layout. Nil reads the columns the person
	// chose last time for this layout, or else detects them.
	Mapping *bankimport.Mapping
	// DryRun reads the statement and works out what would be added,
	// without changing anything.
	DryRun bool
	// Format is FormatCSV or FormatOFX to read the file as that, or ""
	// to tell from its content and name.
	Format string
}

// ImportResult says what importing a statement did (or, for a dry run,
// would do).
type ImportResult struct {
	File   string `json:"file"`
	Format string `json:"format"`
	DryRun bool   `json:"dry_run"`

	Read         int `json:"read"`          // payments in the file
	Added        int `json:"added"`         // new payments added
	AlreadyThere int `json:"already_there"` // payments imported before, or typed in by hand
	Matched      int `json:"matched"`       // of those, payments typed in by hand now marked as checked
	Skipped      int `json:"skipped"`       // rows that are not payments: pending, balances, totals
	Categorised  int `json:"categorised"`   // new payments put in a category from what OwnPlan learned

	FirstDate      store.Date `json:"first_date"`
	LastDate       store.Date `json:"last_date"`
	BalanceChecked bool       `json:"balance_checked"` // the file's running balance agrees with every amount
	Warnings       []string   `json:"warnings"`

	// Mapping is the columns used to read a CSV file, Fingerprint its
	// layout, and Remembered whether the columns were the ones the
	// person chose before for that layout.
	Mapping     bankimport.Mapping `json:"-"`
	Fingerprint string             `json:"-"`
	Remembered  bool               `json:"-"`

	ImportID string                    `json:"import_id,omitempty"` // for UndoImport
	New      []store.BudgetTransaction `json:"-"`                   // the payments added (or that would be)
}

// Summary says what happened in one plain sentence.
func (r ImportResult) Summary() string {
	verb := "Added"
	if r.DryRun {
		verb = "Would add"
	}
	s := fmt.Sprintf("%s %d, already there %d, skipped %d.", verb, r.Added, r.AlreadyThere, r.Skipped)
	if r.Matched > 0 {
		s += fmt.Sprintf(" %d of those already there were typed in by hand and are now marked as checked.", r.Matched)
	}
	return s
}

// ImportStatementFile imports the bank statement in the file at path.
// See ImportStatement.
func (a *App) ImportStatementFile(ctx context.Context, path string, opt ImportOptions) (ImportResult, error) {
	data, err := readStatement(path)
	if err != nil {
		return ImportResult{}, err
	}
	return a.ImportStatement(ctx, bytes.NewReader(data), filepath.Base(path), opt)
}

// readStatement reads a statement file whole, refusing one too large to
// be a statement before reading it.
func readStatement(path string) ([]byte, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: there is no such file; check its name and folder", path)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("%s is a folder; choose the statement file inside it", path)
	case info.Size() > bankimport.MaxFileSize:
		return nil, fmt.Errorf("%s is %d MB, far bigger than any bank statement (OwnPlan reads up to %d MB); check you chose the right file. Nothing was imported",
			name, info.Size()>>20, bankimport.MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// ImportStatement reads a bank statement (CSV, OFX or QFX) and adds its
// payments to the budget in one transaction: all of them or, if anything
// is wrong, none. Payments imported before, from this file or an
// overlapping statement in any layout, are not added again; payments
// typed in by hand that the statement shows are marked as checked
// instead of being added twice. New payments are put in the category
// the person chose before for the same payee. name is the file's name,
// used in messages and to tell OFX from CSV.
func (a *App) ImportStatement(ctx context.Context, r io.Reader, name string, opt ImportOptions) (ImportResult, error) {
	res := ImportResult{File: name, DryRun: opt.DryRun}
	if _, has, err := a.store().BudgetSetup(ctx); err != nil {
		return res, err
	} else if !has {
		return res, ErrNoBudget
	}
	data, err := io.ReadAll(io.LimitReader(r, bankimport.MaxFileSize+1))
	if err != nil {
		return res, fmt.Errorf("import %s: %w", name, err)
	}
	st, err := a.parseStatement(ctx, data, name, opt, &res)
	if err != nil {
		return res, fmt.Errorf("%s was not imported: %w", name, err)
	}
	res.Format = st.Format
	res.Read = len(st.Transactions)
	res.Skipped = st.Skipped
	res.Warnings = append([]string{}, st.Warnings...)
	res.BalanceChecked = st.BalanceChecked
	res.Mapping, res.Fingerprint = st.Mapping, st.Fingerprint
	for _, t := range st.Transactions {
		if res.FirstDate.IsZero() || t.Date.Before(res.FirstDate) {
			res.FirstDate = t.Date
		}
		if t.Date.After(res.LastDate) {
			res.LastDate = t.Date
		}
	}

	lines, err := a.prepareImport(ctx, st, &res)
	if err != nil {
		return res, fmt.Errorf("import %s: %w", name, err)
	}
	if opt.DryRun {
		return res, nil
	}
	if opt.Mapping != nil && res.Fingerprint != "" {
		if err := a.rememberMapping(ctx, res.Fingerprint, *opt.Mapping); err != nil {
			return res, err
		}
	}
	imp, ids, err := a.store().ImportBudgetTransactions(ctx, store.BudgetImport{FileName: name, Format: st.Format}, lines)
	if err != nil {
		return res, fmt.Errorf("import %s: nothing was imported: %w", name, err)
	}
	// Another import may have finished in between: the store's counts
	// are the true ones.
	res.New = res.New[:0]
	res.Categorised = 0
	for i, id := range ids {
		if id != "" && lines[i].ID == "" {
			lines[i].ID = id
			res.New = append(res.New, lines[i])
			if len(lines[i].Splits) > 0 {
				res.Categorised++
			}
		}
	}
	res.Added = imp.Added
	res.Matched = imp.Matched
	res.AlreadyThere = res.Read - res.Added
	if imp.Added > 0 {
		res.ImportID = imp.ID
	}
	return res, nil
}

// parseStatement reads the statement with the columns the person chose
// now, or chose before for its layout, or that are detected.
func (a *App) parseStatement(ctx context.Context, data []byte, name string, opt ImportOptions, res *ImportResult) (*bankimport.Statement, error) {
	if len(data) > bankimport.MaxFileSize {
		return nil, fmt.Errorf("the file is far bigger than any bank statement (OwnPlan reads up to %d MB); check you chose the right file", bankimport.MaxFileSize>>20)
	}
	switch opt.Format {
	case "", bankimport.FormatCSV, bankimport.FormatOFX:
	default:
		return nil, fmt.Errorf("%q is not a statement format OwnPlan reads; use csv or ofx", opt.Format)
	}
	if opt.Format == bankimport.FormatOFX || (opt.Format == "" && looksLikeOFX(data, name)) {
		if opt.Mapping != nil {
			return nil, fmt.Errorf("this is an OFX file, which names its own columns; import it without choosing columns")
		}
		return bankimport.ParseOFX(ctx, bytes.NewReader(data))
	}
	m := opt.Mapping
	if m == nil {
		if layout, err := bankimport.Detect(ctx, bytes.NewReader(data)); err == nil {
			if saved, ok, err := a.RememberedMapping(ctx, layout.Fingerprint); err != nil {
				return nil, err
			} else if ok {
				m = &saved
				res.Remembered = true
			}
		}
	}
	st, err := bankimport.ParseCSV(ctx, bytes.NewReader(data), m)
	if err != nil && errors.Is(err, bankimport.ErrColumns) {
		return nil, fmt.Errorf("%w (from the command line, give them with --columns, for example --columns date=1,payee=3,amount=4)", err)
	}
	return st, err
}

// looksLikeOFX tells an OFX or QFX file from a CSV one by its start or,
// failing that, its name.
func looksLikeOFX(data []byte, name string) bool {
	head := strings.ToUpper(string(data[:min(len(data), 1024)]))
	if strings.Contains(head, "OFXHEADER") || strings.Contains(head, "<OFX>") {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".ofx" || ext == ".qfx"
}

// prepareImport turns the statement's payments into transactions: those
// already imported are counted and left out, those typed in by hand are
// matched, and the rest are categorised by the payee rules.
func (a *App) prepareImport(ctx context.Context, st *bankimport.Statement, res *ImportResult) ([]store.BudgetTransaction, error) {
	st0 := a.store()
	keys, err := st0.BudgetImportKeys(ctx)
	if err != nil {
		return nil, err
	}
	rules, err := a.payeeRules(ctx)
	if err != nil {
		return nil, err
	}
	cats, err := a.budgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	manual, err := a.manualUnchecked(ctx, res.FirstDate, res.LastDate)
	if err != nil {
		return nil, err
	}
	imported, err := a.importedBetween(ctx, res.FirstDate, res.LastDate)
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]int, len(imported))
	for i, t := range imported {
		byKey[t.ImportKey] = i
	}
	earlier := newMatcher(imported, 0)
	fresh := make([]store.BudgetTransaction, 0, len(st.Transactions)) // the statement's payments not imported before
	for _, t := range st.Transactions {
		if keys[t.Key] {
			res.AlreadyThere++
			if i, ok := byKey[t.Key]; ok {
				earlier.taken[i] = true
			}
			continue
		}
		fresh = append(fresh, store.BudgetTransaction{
			Date: t.Date, Amount: t.AmountPence, Payee: t.Description, Type: t.Type, Reference: t.Reference,
			ImportKey: t.Key, Reconciled: true,
		})
	}
	// The same payments may have come before in another kind of file (an
	// OFX download, a CSV in another layout), which names them
	// differently: a payment of the same amount on the same day, that
	// no line of this statement is already, is taken to be the same one.
	if len(imported) > 0 {
		rest := fresh[:0]
		same := 0
		for _, alike := range []bool{true, false} {
			for i := range fresh {
				if fresh[i].ImportKey != "" && earlier.match(fresh[i], alike) >= 0 {
					fresh[i].ImportKey = "" // marked as already there
					same++
				}
			}
		}
		for _, line := range fresh {
			if line.ImportKey != "" {
				rest = append(rest, line)
			}
		}
		fresh = rest
		res.AlreadyThere += same
		if same > 0 {
			res.Warnings = append(res.Warnings, singularPayments(fmt.Sprintf(
				"%d payments in this file were imported before from another kind of statement file (OwnPlan matched them by their date and amount), so they have not been added again.", same), same))
		}
	}
	// The person may have typed some of these in before the statement
	// came: keep theirs (with its category and note) and mark it checked.
	// Payees that look alike are matched first, so that a taxi typed in
	// is not taken for a swim of the same price.
	matched := make([]int, len(fresh)) // index+1 in manual of each one's match
	if len(manual) > 0 {
		mm := newMatcher(manual, matchDays)
		for _, alike := range []bool{true, false} {
			for i, line := range fresh {
				if matched[i] == 0 {
					if j := mm.match(line, alike); j >= 0 {
						matched[i] = j + 1
					}
				}
			}
		}
	}
	lines := make([]store.BudgetTransaction, 0, len(fresh))
	res.New = make([]store.BudgetTransaction, 0, len(fresh))
	categoryOf := map[string]string{} // payee → the category its rule gives, or ""
	for i, line := range fresh {
		if matched[i] > 0 {
			m := manual[matched[i]-1]
			m.ImportKey, m.Reconciled = line.ImportKey, true
			lines = append(lines, m)
			res.AlreadyThere++
			res.Matched++
			continue
		}
		// A statement names the same few payees again and again.
		key, seen := categoryOf[line.Payee]
		if !seen {
			if key = rules.match(line.Payee); !known(cats, key) {
				key = ""
			}
			categoryOf[line.Payee] = key
		}
		if key != "" {
			line.Splits = []store.BudgetSplit{{Category: key, Amount: line.Amount}}
			res.Categorised++
		}
		lines = append(lines, line)
		res.New = append(res.New, line)
		res.Added++
	}
	return lines, nil
}

// manualUnchecked returns the payments typed in by hand and not yet
// checked, around the statement's dates.
func (a *App) manualUnchecked(ctx context.Context, from, to store.Date) ([]store.BudgetTransaction, error) {
	if from.IsZero() {
		return nil, nil
	}
	txs, err := a.transactionsBetween(ctx, from.AddDays(-matchDays), to.AddDays(matchDays), false)
	if err != nil {
		return nil, err
	}
	var out []store.BudgetTransaction
	for _, t := range txs {
		if t.ImportKey == "" && !t.Reconciled {
			out = append(out, t)
		}
	}
	return out, nil
}

// matchDays is how many days apart a payment typed in by hand and the
// bank's line for it may be dated: card payments often reach the
// statement a few days after the receipt's date.
const matchDays = 4

// matcher finds the payments already in OwnPlan that a statement's lines
// are.
type matcher struct {
	txs    []store.BudgetTransaction
	taken  []bool   // already matched to a line
	keys   []string // PayeeKey of each
	window int      // how many days apart a match may be dated
	// byDay indexes txs by date and amount, so that a long statement
	// over a long history is matched quickly.
	byDay map[dayAmount][]int
}

type dayAmount struct {
	day    store.Date
	amount int64
}

func newMatcher(txs []store.BudgetTransaction, window int) matcher {
	m := matcher{txs: txs, taken: make([]bool, len(txs)), keys: make([]string, len(txs)), window: window,
		byDay: make(map[dayAmount][]int, len(txs))}
	for i, t := range txs {
		m.keys[i] = PayeeKey(t.Payee)
		k := dayAmount{t.Date, t.Amount}
		m.byDay[k] = append(m.byDay[k], i)
	}
	return m
}

// match returns the index of the payment that line is, and takes it, or
// returns -1: one of the same amount, dated within the window, the
// closest date first; with alike, only one whose payee looks like
// line's. Payments already taken are passed over.
func (m matcher) match(line store.BudgetTransaction, alike bool) int {
	key := ""
	for gap := 0; gap <= m.window; gap++ {
		for _, day := range []store.Date{line.Date.AddDays(-gap), line.Date.AddDays(gap)} {
			for _, i := range m.byDay[dayAmount{day, line.Amount}] {
				if m.taken[i] {
					continue
				}
				if alike {
					if key == "" {
						key = PayeeKey(line.Payee)
					}
					if !similarKeys(m.keys[i], key) {
						continue
					}
				}
				m.taken[i] = true
				return i
			}
			if gap == 0 {
				break
			}
		}
	}
	return -1
}

// importedBetween returns the payments imported from statements (or
// matched to one), deleted ones too, dated from from to to.
func (a *App) importedBetween(ctx context.Context, from, to store.Date) ([]store.BudgetTransaction, error) {
	if from.IsZero() {
		return nil, nil
	}
	txs, err := a.transactionsBetween(ctx, from, to, true)
	if err != nil {
		return nil, err
	}
	out := txs[:0]
	for _, t := range txs {
		if t.ImportKey != "" {
			out = append(out, t)
		}
	}
	return out, nil
}

// singularPayments mends "1 payments … them, so they have" for one.
func singularPayments(s string, n int) string {
	if n != 1 {
		return s
	}
	return strings.NewReplacer("1 payments were", "1 payment was", "1 payments in this file were", "1 payment in this file was",
		"matched them", "matched it", "so they have", "so it has").Replace(s)
}

// RememberedMapping returns the columns the person chose before for a
// statement layout.
func (a *App) RememberedMapping(ctx context.Context, fingerprint string) (bankimport.Mapping, bool, error) {
	var m bankimport.Mapping
	if fingerprint == "" {
		return m, false, nil
	}
	s, ok, err := a.store().ImportMapping(ctx, fingerprint)
	if err != nil || !ok {
		return m, false, err
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil || m.Validate() != nil {
		// A damaged memory is forgotten, not fatal: detection still works.
		return bankimport.Mapping{}, false, nil
	}
	return m, true, nil
}

func (a *App) rememberMapping(ctx context.Context, fingerprint string, m bankimport.Mapping) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return a.store().SaveImportMapping(ctx, fingerprint, string(b))
}

// StatementPreview is the start of a CSV statement read for the import
// wizard, with the columns that will be used.
type StatementPreview struct {
	Sample     *bankimport.Sample
	Mapping    bankimport.Mapping // the columns the rows were read with
	Remembered bool               // the columns are the ones chosen before for this bank
	OFX        bool               // an OFX file, which needs no columns chosen
}

// PreviewStatement reads the first n rows of a statement with m (nil:
// the columns chosen before for its layout, or else those detected), so
// that a person can check them and choose others.
func (a *App) PreviewStatement(ctx context.Context, data []byte, name string, m *bankimport.Mapping, n int) (StatementPreview, error) {
	if looksLikeOFX(data, name) {
		return StatementPreview{OFX: true}, nil
	}
	var p StatementPreview
	if m == nil {
		layout, err := bankimport.Detect(ctx, bytes.NewReader(data))
		if err != nil {
			return p, fmt.Errorf("%s: %w", name, err)
		}
		if saved, ok, err := a.RememberedMapping(ctx, layout.Fingerprint); err != nil {
			return p, err
		} else if ok {
			m, p.Remembered = &saved, true
		}
	}
	sample, err := bankimport.Preview(ctx, bytes.NewReader(data), m, n)
	if err != nil {
		return p, fmt.Errorf("%s: %w", name, err)
	}
	p.Sample = sample
	if m != nil {
		p.Mapping = *m
	} else {
		p.Mapping = sample.Layout.Mapping
	}
	return p, nil
}

// ReadStatementFile reads a statement file for PreviewStatement and
// ImportStatement, refusing one that is too large or not a file.
func ReadStatementFile(path string) ([]byte, error) { return readStatement(path) }

// BudgetImports returns the statements imported, newest first.
func (a *App) BudgetImports(ctx context.Context) ([]store.BudgetImport, error) {
	return a.store().BudgetImports(ctx)
}

// UndoImport deletes every payment an import added; RedoImport brings
// them back. Payments typed in by hand that the import matched stay.
func (a *App) UndoImport(ctx context.Context, importID string) (int, error) {
	return a.store().UndoBudgetImport(ctx, importID)
}

// RedoImport undoes UndoImport.
func (a *App) RedoImport(ctx context.Context, importID string) (int, error) {
	return a.store().RedoBudgetImport(ctx, importID)
}
