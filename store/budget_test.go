package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestBudgetSetupRoundTripAndReserves(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, has, err := s.BudgetSetup(ctx); err != nil || has {
		t.Fatalf("new folder has a budget: %v %v", has, err)
	}
	b := BudgetSetup{
		Holding: "direct_payment", Amount: 1820000, Period: "annual",
		Start: NewDate(2026, 4, 1), YearEnd: NewDate(2027, 3, 31),
		ScheduleKind: "every_n_weeks", ScheduleFirst: NewDate(2026, 4, 1), ScheduleWeeks: 4, ScheduleAmount: 140000,
		OpeningBalance: 50000, ThresholdWeeks: 8,
		Reserves: []BudgetReserve{
			{Name: "PA holiday pay", Basis: "weeks_of_category", WeeksTenths: 56, Category: "pa_wages"},
			{Name: "Contingency", Basis: "fixed", Amount: 50000},
		},
	}
	cats := []BudgetCategory{{Key: "pa_wages", Name: "PA wages", Kind: "out"}, {Key: "council_payments", Name: "Council", Kind: "in"}}
	if err := s.SaveBudgetSetup(ctx, b, cats); err != nil {
		t.Fatal(err)
	}
	got, has, err := s.BudgetSetup(ctx)
	if err != nil || !has {
		t.Fatalf("after save: %v %v", has, err)
	}
	if len(got.Reserves) != 2 || got.Reserves[0].ID == "" || got.Reserves[1].Name != "Contingency" {
		t.Fatalf("reserves %+v", got.Reserves)
	}
	b.Reserves = got.Reserves
	if !reflect.DeepEqual(got, b) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, b)
	}
	saved, _ := s.BudgetCategories(ctx)
	if len(saved) != 2 || saved[0].Key != "pa_wages" || saved[1].Position != 1 {
		t.Fatalf("default categories %+v", saved)
	}

	// Saving again with one reserve dropped removes it, and does not
	// bring back categories the person changed.
	saved[0].Planned = 32400
	saved[0].Period = "weekly"
	if err := s.SaveBudgetCategory(ctx, saved[0]); err != nil {
		t.Fatal(err)
	}
	b.Reserves = b.Reserves[1:]
	b.Amount = 1900000
	if err := s.SaveBudgetSetup(ctx, b, []BudgetCategory{{Key: "other", Name: "Other", Kind: "out"}}); err != nil {
		t.Fatal(err)
	}
	got, _, _ = s.BudgetSetup(ctx)
	if got.Amount != 1900000 || len(got.Reserves) != 1 || got.Reserves[0].Name != "Contingency" {
		t.Errorf("after second save %+v", got)
	}
	saved, _ = s.BudgetCategories(ctx)
	if len(saved) != 2 || saved[0].Planned != 32400 {
		t.Errorf("categories after second save %+v", saved)
	}
}

func TestBudgetCategoryRemoveRestore(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	c := BudgetCategory{Key: "swims", Name: "Swimming", Kind: "out", Planned: 2500, Period: "monthly", Outcomes: []string{"A1", "B2"}, Note: "warm pool"}
	if err := s.SaveBudgetCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.BudgetCategories(ctx)
	if len(got) != 1 || !reflect.DeepEqual(got[0], c) {
		t.Fatalf("got %+v", got)
	}
	if err := s.DeleteBudgetCategory(ctx, "swims"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.BudgetCategories(ctx); len(got) != 0 {
		t.Fatalf("after delete %+v", got)
	}
	if err := s.RestoreBudgetCategory(ctx, "swims"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.BudgetCategories(ctx); len(got) != 1 {
		t.Fatal("restore did not bring it back")
	}
	if err := s.RestoreBudgetCategory(ctx, "never"); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring a category that never existed: %v", err)
	}
	if got, _ := s.BudgetCategories(ctx); len(got) != 1 {
		t.Error("restoring a missing category made one")
	}
}

func TestBudgetTransactionSplitsEditDeleteRestore(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	tr := BudgetTransaction{Date: NewDate(2026, 5, 1), Amount: -42000, Payee: "SHORT BREAKS LTD", Note: "Weekend at the coast",
		Splits: []BudgetSplit{{"short_breaks", -30000}, {"transport", -7000}, {"other", -5000}}}
	id, err := s.SaveBudgetTransaction(ctx, tr, PayeeRule{Payee: "SHORT BREAKS LTD", Category: "short_breaks"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.BudgetTransaction(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	tr.ID = id
	if !reflect.DeepEqual(got, tr) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, tr)
	}
	rules, _ := s.PayeeRules(ctx)
	if len(rules) != 1 || rules[0].Category != "short_breaks" {
		t.Errorf("rules %+v", rules)
	}
	// Fewer splits: the extra one goes; the records are reused.
	tr.Splits = []BudgetSplit{{"short_breaks", -42000}}
	tr.Reconciled = true
	if _, err := s.SaveBudgetTransaction(ctx, tr); err != nil {
		t.Fatal(err)
	}
	all, _ := s.BudgetTransactions(ctx, TransactionFilter{})
	if len(all) != 1 || !reflect.DeepEqual(all[0].Splits, tr.Splits) || !all[0].Reconciled {
		t.Fatalf("after edit %+v", all)
	}
	var splits int
	s.db.QueryRow(`SELECT count(*) FROM budget_splits`).Scan(&splits)
	if splits != 3 {
		t.Errorf("%d split records, want the 3 reused (2 tombstoned)", splits)
	}
	// Back to two: the tombstoned record comes back.
	tr.Splits = []BudgetSplit{{"short_breaks", -40000}, {"transport", -2000}}
	s.SaveBudgetTransaction(ctx, tr)
	got, _ = s.BudgetTransaction(ctx, id)
	if !reflect.DeepEqual(got.Splits, tr.Splits) {
		t.Errorf("splits %+v", got.Splits)
	}

	if err := s.DeleteBudgetTransaction(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBudgetTransaction(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if all, _ := s.BudgetTransactions(ctx, TransactionFilter{}); len(all) != 0 {
		t.Fatal("deleted transaction still listed")
	}
	if all, _ := s.BudgetTransactions(ctx, TransactionFilter{IncludeDeleted: true}); len(all) != 1 || !all[0].Deleted {
		t.Fatal("deleted transaction not kept as a tombstone")
	}
	if err := s.RestoreBudgetTransaction(ctx, id); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.BudgetTransactions(ctx, TransactionFilter{}); len(all) != 1 || len(all[0].Splits) != 2 {
		t.Fatalf("after restore %+v", all)
	}
	if err := s.SetReconciled(ctx, false, id, "NOPE"); !errors.Is(err, ErrNotFound) {
		t.Errorf("reconcile unknown: %v", err)
	}
	if got, _ := s.BudgetTransaction(ctx, id); !got.Reconciled {
		t.Error("a failed reconcile changed a transaction")
	}
}

func TestBudgetTransactionsFilterAndOrder(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for _, d := range []int{5, 1, 3, 3, 9} {
		s.SaveBudgetTransaction(ctx, BudgetTransaction{Date: NewDate(2026, 4, d), Amount: int64(-d * 100), Payee: fmt.Sprint("P", d)})
	}
	for _, tc := range []struct {
		f    TransactionFilter
		want []int
	}{
		{TransactionFilter{}, []int{1, 3, 3, 5, 9}},
		{TransactionFilter{From: NewDate(2026, 4, 3)}, []int{3, 3, 5, 9}},
		{TransactionFilter{To: NewDate(2026, 4, 5)}, []int{1, 3, 3, 5}},
		{TransactionFilter{From: NewDate(2026, 4, 2), To: NewDate(2026, 4, 4)}, []int{3, 3}},
		{TransactionFilter{From: NewDate(2026, 5, 1)}, nil},
	} {
		got, err := s.BudgetTransactions(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var days []int
		for _, tr := range got {
			days = append(days, tr.Date.Day)
		}
		if !slices.Equal(days, tc.want) {
			t.Errorf("%+v: days %v, want %v", tc.f, days, tc.want)
		}
	}
}

func TestBudgetImportDeduplicatesJournalsAndUndoes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	swim := func(key string) BudgetTransaction {
		return BudgetTransaction{Date: NewDate(2026, 8, 12), Amount: -620, Payee: "LEISURE CENTRE SWIM", ImportKey: key,
			Splits: []BudgetSplit{{"day_activities", -620}}}
	}
	first := []BudgetTransaction{swim("a"), swim("b"), swim("b"), {Date: NewDate(2026, 8, 14), Amount: 140000, Payee: "SUFFOLK CC", ImportKey: "c"}}
	before, _ := s.LastSeq(ctx)
	imp, ids, err := s.ImportBudgetTransactions(ctx, BudgetImport{FileName: "one.csv", Format: "csv"}, first)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Added != 3 || imp.Duplicates != 1 || ids[2] != "" || ids[0] == "" || imp.FirstDate != NewDate(2026, 8, 12) || imp.LastDate != NewDate(2026, 8, 14) {
		t.Fatalf("import %+v ids %v", imp, ids)
	}
	// Every field set is journaled and versioned like any other change.
	entries, _ := s.Journal(ctx, before, 1000)
	fields := map[string]int{}
	for _, e := range entries {
		fields[e.Table+"."+e.Field]++
	}
	if fields["budget_transactions.amount"] != 3 || fields["budget_splits.category"] != 2 || fields["budget_imports.file_name"] != 1 {
		t.Errorf("journal %v", fields)
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	for key, fields := range snap["versions"] {
		if strings.HasPrefix(key, "budget_") {
			versions += len(fields)
		}
	}
	if versions != len(entries) {
		t.Errorf("%d versions for %d journal entries", versions, len(entries))
	}
	// A whole record is one entry in the journal, not one per field.
	var rows int
	s.db.QueryRow(`SELECT count(*) FROM changes WHERE seq > ?`, before).Scan(&rows)
	if rows != 6 {
		t.Errorf("%d journal rows for 3 payments, 2 splits and an import, want 6", rows)
	}
	got, _ := s.BudgetTransaction(ctx, ids[0])
	if got.ImportID != imp.ID || got.Splits[0].Category != "day_activities" {
		t.Errorf("imported %+v", got)
	}

	// The overlapping statement adds only what is new; a deleted line
	// stays deleted.
	s.DeleteBudgetTransaction(ctx, ids[1])
	second := append(first[:2:2], BudgetTransaction{Date: NewDate(2026, 8, 15), Amount: -1800, Payee: "TAXI", ImportKey: "d"})
	imp2, _, err := s.ImportBudgetTransactions(ctx, BudgetImport{FileName: "two.csv"}, second)
	if err != nil || imp2.Added != 1 || imp2.Duplicates != 2 {
		t.Fatalf("second import %+v %v", imp2, err)
	}
	keys, _ := s.BudgetImportKeys(ctx)
	if len(keys) != 4 {
		t.Errorf("keys %v", keys)
	}
	// An import with nothing new records nothing.
	imp3, _, _ := s.ImportBudgetTransactions(ctx, BudgetImport{FileName: "three.csv"}, second)
	imports, _ := s.BudgetImports(ctx)
	if imp3.Added != 0 || len(imports) != 2 || imports[0].ID != imp2.ID {
		t.Errorf("imports %+v", imports)
	}

	n, err := s.UndoBudgetImport(ctx, imp.ID)
	if err != nil || n != 2 {
		t.Fatalf("undo removed %d: %v", n, err)
	}
	left, _ := s.BudgetTransactions(ctx, TransactionFilter{})
	if len(left) != 1 || left[0].Payee != "TAXI" {
		t.Errorf("after undo %+v", left)
	}
	if n, err := s.RedoBudgetImport(ctx, imp.ID); err != nil || n != 3 {
		t.Errorf("redo brought back %d: %v", n, err)
	}
	if _, err := s.UndoBudgetImport(ctx, "NOPE"); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo unknown import: %v", err)
	}
}

// failLater is a context that reports itself cancelled after its Err
// method has been asked n times: an import that stops part way through.
type failLater struct {
	context.Context
	n atomic.Int64 // database/sql asks from its own goroutine too
}

func (f *failLater) Err() error {
	if f.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestBudgetImportIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := &failLater{Context: context.Background()}
	ctx.n.Store(30)
	txs := make([]BudgetTransaction, 50)
	for i := range txs {
		txs[i] = BudgetTransaction{Date: NewDate(2026, 4, 1+i%28), Amount: -100, Payee: "X", ImportKey: fmt.Sprint(i)}
	}
	before, _ := s.LastSeq(context.Background())
	var heard int
	s.Watch(func(Change) { heard++ })
	if _, _, err := s.ImportBudgetTransactions(ctx, BudgetImport{}, txs); !errors.Is(err, context.Canceled) {
		t.Fatalf("an import stopped part way: %v", err)
	}
	if ctx.n.Load() > 0 {
		t.Fatal("the import did not get part way")
	}
	if all, _ := s.BudgetTransactions(context.Background(), TransactionFilter{}); len(all) != 0 {
		t.Errorf("a failed import left %d transactions", len(all))
	}
	if after, _ := s.LastSeq(context.Background()); after != before || heard != 0 {
		t.Errorf("a failed import journaled %d entries and told watchers %d times", after-before, heard)
	}
}

func TestImportMappingsAreLocal(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, has, _ := s.ImportMapping(ctx, "fp"); has {
		t.Fatal("mapping before saving")
	}
	before, _ := s.LastSeq(ctx)
	s.SaveImportMapping(ctx, "fp", `{"Date":1}`)
	s.SaveImportMapping(ctx, "fp", `{"Date":2}`)
	m, has, err := s.ImportMapping(ctx, "fp")
	if err != nil || !has || m != `{"Date":2}` {
		t.Errorf("mapping %q %v %v", m, has, err)
	}
	if after, _ := s.LastSeq(ctx); after != before || slices.Contains(s.Tables(), "budget_import_mappings") {
		t.Error("remembered columns are synced")
	}
}

func TestPayeeRulesReplaceAndForget(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	s.SavePayeeRules(ctx, PayeeRule{"A2B TAXIS", "transport"}, PayeeRule{"HMRC", "employer_costs"}, PayeeRule{"", "x"})
	s.SavePayeeRules(ctx, PayeeRule{"A2B TAXIS", "other"})
	rules, _ := s.PayeeRules(ctx)
	want := []PayeeRule{{"A2B TAXIS", "other"}, {"HMRC", "employer_costs"}}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules %+v", rules)
	}
	s.DeletePayeeRule(ctx, "HMRC")
	s.SavePayeeRules(ctx, PayeeRule{"A2B TAXIS", "transport"})
	rules, _ = s.PayeeRules(ctx)
	if len(rules) != 1 || rules[0].Category != "transport" {
		t.Errorf("after forget %+v", rules)
	}
	if err := s.DeletePayeeRule(ctx, "HMRC"); !errors.Is(err, ErrNotFound) {
		t.Errorf("forget twice: %v", err)
	}
}

// TestBudgetImportJournalsEveryFieldAcrossBatches imports enough payments
// that the versions and journal entries are written in several batches,
// with a payment typed in by hand matched part way, and checks that every
// field has exactly one version and one journal entry, in stamp order.
func TestBudgetImportJournalsEveryFieldAcrossBatches(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	typed, err := s.SaveBudgetTransaction(ctx, BudgetTransaction{Date: NewDate(2026, 8, 1), Amount: -999, Payee: "TYPED"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.LastSeq(ctx)
	var txs []BudgetTransaction
	for i := range 3*batchRows + 7 {
		txs = append(txs, BudgetTransaction{Date: NewDate(2026, 8, 1+i%28), Amount: -int64(100 + i), Payee: fmt.Sprint("PAYEE ", i),
			ImportKey: fmt.Sprint("k", i), Reconciled: true, Splits: []BudgetSplit{{"transport", -int64(100 + i)}}})
		if i == batchRows/2 {
			txs = append(txs, BudgetTransaction{ID: typed, Date: NewDate(2026, 8, 2), Amount: -999, Payee: "TYPED", ImportKey: "typed"})
		}
	}
	imp, _, err := s.ImportBudgetTransactions(ctx, BudgetImport{FileName: "big.csv", Format: "csv"}, txs)
	if err != nil || imp.Added != 3*batchRows+7 || imp.Matched != 1 {
		t.Fatalf("import %+v: %v", imp, err)
	}
	entries, err := s.Journal(ctx, before, 100_000)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]int{}
	seen := map[string]bool{}
	for i, e := range entries {
		fields[e.Table+"."+e.Field]++
		k := e.Table + "/" + e.Row + "/" + e.Field
		if seen[k] {
			t.Fatalf("%s journaled twice", k)
		}
		seen[k] = true
		if i > 0 && e.HLC < entries[i-1].HLC {
			t.Fatalf("journal entry %d is stamped before the one above it", i)
		}
	}
	n := 3*batchRows + 7
	for f, want := range map[string]int{"budget_transactions.amount": n, "budget_transactions.payee": n, "budget_transactions.import_id": n,
		"budget_splits.category": n, "budget_splits.amount": n, "budget_imports.added": 1, "budget_transactions.import_key": n + 1} {
		if fields[f] != want {
			t.Errorf("%s journaled %d times, want %d", f, fields[f], want)
		}
	}
	// Every field journaled has that entry's stamp as its version, as the
	// merge reads it.
	for _, e := range entries {
		var h HLC
		var dev string
		if err := s.db.QueryRow(fieldVersionQuery, e.Table, e.Row, e.Field).Scan(&h, &dev); err != nil || h != e.HLC || dev != e.Device {
			t.Fatalf("%s.%s of %s: version %v/%s (%v), want %v/%s", e.Table, e.Field, e.Row, h, dev, err, e.HLC, e.Device)
		}
	}
	// A field left at its default has no version.
	if entries[0].Table != "budget_transactions" || entries[0].Row == typed {
		t.Fatalf("first entry %+v", entries[0])
	}
	var h HLC
	if err := s.db.QueryRow(fieldVersionQuery, "budget_transactions", entries[0].Row, "note").Scan(&h); err != sql.ErrNoRows {
		t.Errorf("a field never set has version %v (%v)", h, err)
	}
}
