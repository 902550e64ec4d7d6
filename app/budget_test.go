package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/bankimport"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

// fixtures is the shared folder of sample statements beside the checkout.
const fixtures = "../../shared/fixtures"

// zoeSetup is the budget the shared fixtures were made for.
func zoeSetup() budget.Setup {
	return budget.Setup{
		Holding: budget.DirectPayment, Amount: 1820000, Period: budget.Annual,
		Start: store.NewDate(2026, 4, 1), YearEnd: store.NewDate(2027, 3, 31),
		Schedule:       budget.Schedule{Kind: budget.EveryNWeeks, First: store.NewDate(2026, 4, 1), Weeks: 4, Amount: 140000},
		OpeningBalance: 50000,
		Reserves: []budget.Reserve{
			{Name: "PA holiday pay", Basis: budget.WeeksOfCategory, WeeksTenths: 56, Category: budget.KeyPAWages},
			{Name: "Contingency", Basis: budget.FixedAmount, Amount: 50000},
		},
		SurplusThresholdWeeks: 8,
	}
}

func newBudgetApp(t *testing.T) (*app.App, context.Context) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.SaveProfile(ctx, store.Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	return a, ctx
}

func TestBudgetSetupValidatesAndStartsWithUsualCategories(t *testing.T) {
	a, ctx := newBudgetApp(t)
	if _, has, _ := a.BudgetSetup(ctx); has {
		t.Fatal("budget set up in a new folder")
	}
	if _, err := a.BudgetSummary(ctx, store.NewDate(2026, 5, 1)); !errors.Is(err, app.ErrNoBudget) {
		t.Errorf("summary before setup: %v", err)
	}
	if err := a.SetCategoryPlan(ctx, budget.KeyTransport, 3600, budget.Monthly); !errors.Is(err, app.ErrNoBudget) {
		t.Errorf("planning before setup: %v", err)
	}
	bad := zoeSetup()
	bad.YearEnd = store.NewDate(2026, 3, 1)
	bad.Amount = 0
	err := a.SaveBudgetSetup(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "year end must be after the start") || !strings.Contains(err.Error(), "more than £0") {
		t.Fatalf("bad setup: %v", err)
	}
	if _, has, _ := a.BudgetSetup(ctx); has {
		t.Fatal("a bad setup was saved")
	}
	if err := a.SaveBudgetSetup(ctx, zoeSetup()); err != nil {
		t.Fatal(err)
	}
	got, has, err := a.BudgetSetup(ctx)
	if err != nil || !has || got.Amount != 1820000 || len(got.Reserves) != 2 || got.Reserves[0].WeeksTenths != 56 {
		t.Fatalf("setup %+v %v", got, err)
	}
	cats, _ := a.BudgetCategories(ctx)
	if len(cats) != len(budget.DefaultCategories()) || cats[0].Key != budget.KeyPAWages || cats[0].Name == "" {
		t.Fatalf("categories %+v", cats)
	}
	for _, tc := range []struct {
		key     string
		planned int64
		period  budget.Period
		ok      bool
	}{
		{budget.KeyPAWages, 32400, budget.Weekly, true},
		{budget.KeyTransport, 3600, budget.Monthly, true},
		{budget.KeyTraining, 10000, "", true},
		{budget.KeyOther, -5, budget.Monthly, false},
		{"shoes", 100, budget.Monthly, false},
	} {
		err := a.SetCategoryPlan(ctx, tc.key, tc.planned, tc.period)
		if (err == nil) != tc.ok {
			t.Errorf("%s %d: %v", tc.key, tc.planned, err)
		}
	}
	c, _ := a.BudgetCategory(ctx, budget.KeyTraining)
	if c.Planned != 10000 || c.Period != budget.Annual {
		t.Errorf("training kept its period? %+v", c)
	}
	key, err := a.AddBudgetCategory(ctx, "Swimming", budget.MoneyOut, 2500, budget.Monthly)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddBudgetCategory(ctx, "swimming", budget.MoneyOut, 0, ""); err == nil {
		t.Error("two categories called Swimming")
	}
	cats, _ = a.BudgetCategories(ctx)
	if last := cats[len(cats)-1]; last.Key != key || last.Annual() != 30000 {
		t.Errorf("own category %+v", last)
	}
	// Saving the setup again keeps the plan.
	if err := a.SaveBudgetSetup(ctx, zoeSetup()); err != nil {
		t.Fatal(err)
	}
	if c, _ := a.BudgetCategory(ctx, budget.KeyPAWages); c.Planned != 32400 {
		t.Errorf("setup again lost the plan: %+v", c)
	}
}

func TestBudgetTransactionsLearnPayeesSplitReconcileUndo(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	d := store.NewDate(2026, 4, 3)
	id, err := a.SaveTransaction(ctx, store.BudgetTransaction{Date: d, Amount: -1800, Payee: "A2B Taxis, Ipswich",
		Splits: []store.BudgetSplit{{Category: budget.KeyTransport, Amount: -1800}}})
	if err != nil {
		t.Fatal(err)
	}
	// The next payment to the same payee, however the bank spells it,
	// goes in the same category.
	id2, err := a.SaveTransaction(ctx, store.BudgetTransaction{Date: d.AddDays(7), Amount: -2200, Payee: "A2B TAXIS IPSWICH 0412"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Transaction(ctx, id2); len(got.Splits) != 1 || got.Splits[0].Category != budget.KeyTransport || got.Splits[0].Amount != -2200 {
		t.Errorf("rule not applied: %+v", got)
	}
	for _, tc := range []struct {
		name string
		t    store.BudgetTransaction
		want string
	}{
		{"no payee", store.BudgetTransaction{Date: d, Amount: -100}, "who the payment was to"},
		{"no amount", store.BudgetTransaction{Date: d, Payee: "X"}, "£0"},
		{"no date", store.BudgetTransaction{Amount: -100, Payee: "X"}, "date"},
		{"unknown category", store.BudgetTransaction{Date: d, Amount: -100, Payee: "X", Splits: []store.BudgetSplit{{Category: "shoes", Amount: -100}}}, "shoes"},
	} {
		if _, err := a.SaveTransaction(ctx, tc.t); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to mention %q", tc.name, err, tc.want)
		}
	}

	bigID, _ := a.SaveTransaction(ctx, store.BudgetTransaction{Date: d, Amount: -42000, Payee: "Short Breaks Ltd"})
	if err := a.SplitTransaction(ctx, bigID, []store.BudgetSplit{{Category: budget.KeyShortBreaks, Amount: -30000}, {Category: budget.KeyTransport, Amount: -10000}}); err == nil || !strings.Contains(err.Error(), "add up to -£400.00 but the payment is -£420.00") {
		t.Errorf("split that does not add up: %v", err)
	}
	if err := a.SplitTransaction(ctx, bigID, []store.BudgetSplit{{Category: budget.KeyShortBreaks, Amount: -30000}, {Category: budget.KeyTransport, Amount: -12000}}); err != nil {
		t.Fatal(err)
	}
	if rules, _ := a.PayeeRules(ctx); len(rules) != 1 {
		t.Errorf("a split across categories taught a rule: %+v", rules)
	}
	sum, _ := a.BudgetSummary(ctx, store.NewDate(2026, 4, 30))
	if line := lineFor(sum, budget.KeyTransport); line.Actual != 1800+2200+12000 {
		t.Errorf("transport spent %d", line.Actual)
	}

	if err := a.ReconcileTransactions(ctx, true, id, id2); err != nil {
		t.Fatal(err)
	}
	if un, _ := a.Transactions(ctx, app.TransactionFilter{Unreconciled: true}); len(un) != 1 || un[0].ID != bigID {
		t.Errorf("unreconciled %+v", un)
	}
	if err := a.DeleteTransaction(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteTransaction(ctx, id); err == nil {
		t.Error("deleted twice")
	}
	if sum, _ := a.BudgetSummary(ctx, store.NewDate(2026, 4, 30)); sum.Transactions != 2 {
		t.Errorf("deleted payment still counted: %d", sum.Transactions)
	}
	if err := a.RestoreTransaction(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Transaction(ctx, id); got.Deleted || !got.Reconciled || got.Splits[0].Category != budget.KeyTransport {
		t.Errorf("restored %+v", got)
	}

	for _, tc := range []struct {
		f    app.TransactionFilter
		want int
	}{
		{app.TransactionFilter{}, 3},
		{app.TransactionFilter{Search: "taxis"}, 2},
		{app.TransactionFilter{Search: "short transport"}, 1}, // by payee and category name
		{app.TransactionFilter{Search: "420.00"}, 1},
		{app.TransactionFilter{ByCategory: true, Category: budget.KeyShortBreaks}, 1},
		{app.TransactionFilter{ByCategory: true}, 0},
		{app.TransactionFilter{MoneyIn: true}, 0},
		{app.TransactionFilter{From: d.AddDays(1)}, 1},
	} {
		got, err := a.Transactions(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("%+v: %d transactions, want %d (%v)", tc.f, len(got), tc.want, err)
		}
	}
}

func lineFor(s budget.Summary, key string) budget.CategoryLine {
	for _, l := range s.Categories {
		if l.Key == key {
			return l
		}
	}
	return budget.CategoryLine{}
}

type expected struct {
	From           store.Date `json:"from"`
	To             store.Date `json:"to"`
	Opening        int64      `json:"opening_balance_pence"`
	Count          int        `json:"count"`
	Received       int64      `json:"received_pence"`
	Spent          int64      `json:"spent_pence"`
	Balance        int64      `json:"balance_pence"`
	AnnualBudget   int64      `json:"annual_budget_pence"`
	WeeklyBudget   int64      `json:"weekly_budget_pence"`
	OpeningBalance int64      `json:"-"`
}

func readExpected(t *testing.T) expected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "statement-expected.json"))
	if err != nil {
		t.Skipf("shared fixtures not found beside the checkout: %v", err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestBudgetImportBothFixtureLayoutsIntoOneFolder(t *testing.T) {
	want := readExpected(t)
	a, ctx := newBudgetApp(t)
	s := zoeSetup()
	s.OpeningBalance = want.Opening
	if err := a.SaveBudgetSetup(ctx, s); err != nil {
		t.Fatal(err)
	}
	a.SavePayeeRule(ctx, "LEISURE CENTRE", budget.KeyDayActivities)
	files := []string{"statement-signed.csv", "statement-paid-in-out.csv"}
	for i, name := range files {
		// A dry run says what would happen and changes nothing.
		dry, err := a.ImportStatementFile(ctx, filepath.Join(fixtures, name), app.ImportOptions{DryRun: true})
		if err != nil {
			t.Fatalf("%s dry run: %v", name, err)
		}
		res, err := a.ImportStatementFile(ctx, filepath.Join(fixtures, name), app.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantAdded := want.Count
		if i > 0 {
			wantAdded = 0 // the same account in another layout
		}
		if res.Read != want.Count || res.Added != wantAdded || res.AlreadyThere != want.Count-wantAdded || dry.Added != res.Added {
			t.Errorf("%s: read %d, added %d (dry run %d), already there %d; want %d read, %d added",
				name, res.Read, res.Added, dry.Added, res.AlreadyThere, want.Count, wantAdded)
		}
		if res.FirstDate != want.From || res.LastDate.After(want.To) || !res.BalanceChecked {
			t.Errorf("%s: %s to %s, balance checked %v", name, res.FirstDate, res.LastDate, res.BalanceChecked)
		}
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	if len(txs) != want.Count {
		t.Fatalf("%d transactions stored, want %d", len(txs), want.Count)
	}
	sum, err := a.BudgetSummary(ctx, want.To)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Received != want.Received || sum.Spent != want.Spent || sum.Balance != want.Balance ||
		sum.AnnualBudget != want.AnnualBudget || sum.WeeklyBudget != want.WeeklyBudget || sum.Transactions != want.Count {
		t.Errorf("summary received %d spent %d balance %d annual %d weekly %d count %d; want %+v",
			sum.Received, sum.Spent, sum.Balance, sum.AnnualBudget, sum.WeeklyBudget, sum.Transactions, want)
	}
	// The learned rule put every swim in day activities, including the
	// three identical swims of 12 August, which are all kept.
	swims, _ := a.Transactions(ctx, app.TransactionFilter{Search: "swim", From: store.NewDate(2026, 8, 12), To: store.NewDate(2026, 8, 12)})
	if len(swims) != 3 {
		t.Errorf("%d swims on 12 August, want 3", len(swims))
	}
	for _, sw := range swims {
		if len(sw.Splits) != 1 || sw.Splits[0].Category != budget.KeyDayActivities || !sw.Reconciled {
			t.Errorf("swim %+v", sw)
		}
	}
}

// statement writes a small CSV statement and returns its path.
func statement(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "statement.csv")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBudgetImportRefusesBadFilesAndImportsNothing(t *testing.T) {
	a, ctx := newBudgetApp(t)
	if _, err := a.ImportStatementFile(ctx, statement(t, "Date,Description,Amount", "01/04/2026,X,-1.00"), app.ImportOptions{}); !errors.Is(err, app.ErrNoBudget) {
		t.Errorf("import before setup: %v", err)
	}
	a.SaveBudgetSetup(ctx, zoeSetup())
	a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 4, 2), Amount: -500, Payee: "Kept"})
	big := filepath.Join(t.TempDir(), "huge.csv")
	f, _ := os.Create(big)
	f.Truncate(bankimport.MaxFileSize + 1)
	f.Close()
	for _, tc := range []struct {
		name string
		path string
		want []string
	}{
		{"bad amount", statement(t, "Date,Description,Amount", "01/04/2026,SUFFOLK CC,1400.00", "02/04/2026,SWIM,-6.2O", "03/04/2026,TAXI,-18.00"),
			[]string{"statement.csv", "line 3"}},
		{"bad date", statement(t, "Date,Description,Amount", "01/04/2026,SUFFOLK CC,1400.00", "31/02/2026,SWIM,-6.20"),
			[]string{"statement.csv", "line 3"}},
		{"empty", statement(t), []string{"statement.csv"}},
		{"not a statement", statement(t, "Dear Zoë,", "Your assessment is on Tuesday."), []string{"statement.csv"}},
		{"too big", big, []string{"huge.csv", "MB"}},
		{"missing", filepath.Join(t.TempDir(), "nope.csv"), []string{"nope.csv", "no such file"}},
	} {
		_, err := a.ImportStatementFile(ctx, tc.path, app.ImportOptions{})
		if err == nil {
			t.Errorf("%s: imported", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not mention %q", tc.name, err, w)
			}
		}
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	if len(txs) != 1 || txs[0].Payee != "Kept" {
		t.Errorf("a refused import changed the transactions: %+v", txs)
	}
	if imports, _ := a.BudgetImports(ctx); len(imports) != 0 {
		t.Errorf("refused imports recorded: %+v", imports)
	}
}

func TestBudgetImportMatchesPaymentsTypedInByHand(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	typed, _ := a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 4, 1), Amount: -620, Payee: "Swim (cash machine receipt)",
		Note: "warm pool", Splits: []store.BudgetSplit{{Category: budget.KeyDayActivities, Amount: -620}}})
	p := statement(t, "Date,Description,Amount", "03/04/2026,LEISURE CENTRE SWIM,-6.20", "03/04/2026,LEISURE CENTRE SWIM,-6.20", "04/04/2026,TAXI,-18.00")
	res, err := a.ImportStatementFile(ctx, p, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Matched != 1 || res.AlreadyThere != 1 {
		t.Fatalf("result %+v", res)
	}
	got, _ := a.Transaction(ctx, typed)
	if !got.Reconciled || got.ImportKey == "" || got.Note != "warm pool" {
		t.Errorf("typed payment after import %+v", got)
	}
	// Importing again adds nothing; undoing the import keeps the typed one.
	if res2, _ := a.ImportStatementFile(ctx, p, app.ImportOptions{}); res2.Added != 0 || res2.AlreadyThere != 3 {
		t.Errorf("again %+v", res2)
	}
	if n, err := a.UndoImport(ctx, res.ImportID); err != nil || n != 2 {
		t.Fatalf("undo %d %v", n, err)
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	if len(txs) != 1 || txs[0].ID != typed {
		t.Errorf("after undo %+v", txs)
	}
}

// TestBudgetImportMatchesTypedPaymentsByPayeeFirst types in a taxi and
// a swim of the same price, then imports a statement that lists the swim
// first: each must be matched to its own line.
func TestBudgetImportMatchesTypedPaymentsByPayeeFirst(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	taxi, _ := a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 4, 6), Amount: -1800, Payee: "Taxi to hospital",
		Splits: []store.BudgetSplit{{Category: budget.KeyTransport, Amount: -1800}}})
	swim, _ := a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 4, 3), Amount: -1800, Payee: "Swimming lesson",
		Splits: []store.BudgetSplit{{Category: budget.KeyDayActivities, Amount: -1800}}})
	p := statement(t, "Date,Description,Amount", "04/04/2026,CARD PAYMENT TO A2B TAXIS ON 04-04-2026,-18.00",
		"05/04/2026,CARD PAYMENT TO LEISURE CENTRE SWIM ON 04-04-2026,-18.00", "03/04/2026,DP,1400.00")
	res, err := a.ImportStatementFile(ctx, p, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Matched != 2 {
		t.Fatalf("result %+v", res)
	}
	f, _ := os.Open(p)
	defer f.Close()
	st, err := bankimport.Parse(ctx, f, p)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{} // description word → key
	for _, tx := range st.Transactions {
		keys[strings.Fields(strings.TrimPrefix(tx.Description, "CARD PAYMENT TO "))[0]] = tx.Key
	}
	for id, want := range map[string]string{taxi: "A2B", swim: "LEISURE"} {
		got, _ := a.Transaction(ctx, id)
		if !got.Reconciled || got.ImportKey != keys[want] {
			t.Errorf("%s matched the wrong line: %+v", got.Payee, got)
		}
	}
}

func TestBudgetImportRemembersColumnsForTheBank(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	// Columns with names OwnPlan does not know: detection is unsure.
	lines := []string{"When,Who,Sum", "01/04/2026,SUFFOLK CC,1400.00", "02/04/2026,SWIM,-6.20"}
	p := statement(t, lines...)
	data, _ := os.ReadFile(p)
	pre, err := a.PreviewStatement(ctx, data, "statement.csv", nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if pre.Remembered || pre.Sample == nil {
		t.Fatalf("preview %+v", pre)
	}
	m := bankimport.Mapping{Date: 1, Description: 2, Amount: 3}
	res, err := a.ImportStatement(ctx, bytes.NewReader(data), "statement.csv", app.ImportOptions{Mapping: &m})
	if err != nil || res.Added != 2 {
		t.Fatalf("import with chosen columns: %+v %v", res, err)
	}
	// Next month's statement from the same bank uses the same columns.
	p2 := statement(t, "When,Who,Sum", "01/05/2026,TAXI,-18.00")
	data2, _ := os.ReadFile(p2)
	pre, err = a.PreviewStatement(ctx, data2, "statement.csv", nil, 10)
	if err != nil || !pre.Remembered || pre.Mapping != m {
		t.Errorf("preview of the next statement: %+v %v", pre, err)
	}
	res, err = a.ImportStatementFile(ctx, p2, app.ImportOptions{})
	if err != nil || res.Added != 1 || !res.Remembered || res.New[0].Amount != -1800 {
		t.Errorf("next statement: %+v %v", res, err)
	}
}

func TestBudgetMonitoringReturnCSV(t *testing.T) {
	want := readExpected(t)
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	a.SavePayeeRule(ctx, "J SMITH PA WAGES", budget.KeyPAWages)
	if _, err := a.ImportStatementFile(ctx, filepath.Join(fixtures, "statement-signed.csv"), app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{Search: "insurance"})
	// A receipt must be one that is kept.
	txs[0].Receipt = "EVIDENCE-1"
	if _, err := a.SaveTransaction(ctx, txs[0]); err == nil || !strings.Contains(err.Error(), "no kept receipt or invoice with ID EVIDENCE-1") {
		t.Errorf("unknown receipt: %v", err)
	}
	file := filepath.Join(t.TempDir(), "invoice.txt")
	os.WriteFile(file, []byte("PA Insurance Services: employer's liability, £128.00"), 0o600)
	inv, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Insurance invoice", Kind: "receipt", Reference: "INV-77"}, []string{file})
	if err != nil {
		t.Fatal(err)
	}
	txs[0].Receipt = inv.ID
	if _, err := a.SaveTransaction(ctx, txs[0]); err != nil {
		t.Fatal(err)
	}
	// A receipt linked to a payment from the evidence side counts too.
	wages, _ := a.Transactions(ctx, app.TransactionFilter{Search: "smith", To: store.NewDate(2026, 4, 3)})
	slip, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Payslip week 1", Kind: "receipt",
		Links: []store.EvidenceLink{{TargetKind: store.LinkTransaction, TargetID: wages[0].ID}}}, []string{file})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "return.csv")
	if err := a.SaveMonitoringReturn(ctx, out, store.NewDate(2026, 4, 1), store.NewDate(2026, 6, 30)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	got := string(b)
	for _, w := range []string{"Opening balance", "500.00", "Personal assistant wages",
		"Date,Payee,Category,Amount,Checked against statement,Receipt,Receipt ID,Note,Reference\n",
		"2026-04-10,PA INSURANCE SERVICES,Not yet categorised,-128.00,yes,Insurance invoice (ref INV-77)," + inv.ID + ",",
		"2026-04-03,J SMITH PA WAGES,Personal assistant wages,-262.50,yes,Payslip week 1," + slip.ID + ","} {
		if !strings.Contains(got, w) {
			t.Errorf("return lacks %q:\n%s", w, got)
		}
	}
	fixture, _ := os.ReadFile(filepath.Join(fixtures, "statement-signed.csv"))
	inPeriod := 0
	for _, l := range strings.Split(string(fixture), "\n") {
		if l >= "2026-04-01" && l < "2026-07-01" {
			inPeriod++
		}
	}
	if n := strings.Count(got, "\n2026-"); n != inPeriod || n == 0 {
		t.Errorf("%d transaction lines in April to June, want the statement's %d", n, inPeriod)
	}
	r, _, _ := a.MonitoringReturn(ctx, want.From, want.To)
	if r.ClosingBalance != want.Balance {
		t.Errorf("closing balance %d, want %d", r.ClosingBalance, want.Balance)
	}
	if err := a.SaveMonitoringReturn(ctx, filepath.Join(t.TempDir(), "bad.csv"), store.NewDate(2026, 6, 30), store.NewDate(2026, 4, 1)); err == nil {
		t.Error("a return from June back to April")
	}
}

func TestBudgetNextSteps(t *testing.T) {
	a, ctx := newBudgetApp(t)
	has := func(title string) bool {
		steps, _ := a.NextSteps(ctx)
		for _, s := range steps {
			if s.Title == title && s.Screen == "budget" {
				return true
			}
		}
		return false
	}
	if !has("Set up your budget") {
		t.Error("no step to set up the budget")
	}
	a.SaveBudgetSetup(ctx, zoeSetup())
	if has("Set up your budget") {
		t.Error("set up step after setup")
	}
	a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.Today(), Amount: -100, Payee: "Something"})
	if !has("Categorise payments") {
		t.Error("no step for the payment not in a category")
	}
}

func TestBudgetPayeeKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"A2B Taxis, Ipswich", "A2B TAXIS IPSWICH"},
		{"  a2b  taxis ipswich 0412 ", "A2B TAXIS IPSWICH"},
		{"CARD PAYMENT TO TESCO ON 12-04-2026", "TESCO"},
		{"CARD PAYMENT TO TESCO STORES 2234,12.50 GBP, RATE 1.00/GBP ON 01-10-2026", "TESCO STORES"},
		{"DIRECT DEBIT PAYMENT TO PAYROLL CO REF 123, MANDATE NO 45", "PAYROLL CO"},
		{"FASTER PAYMENTS RECEIPT REF DP OCT FROM KENT COUNTY COUNCIL", "KENT COUNTY COUNCIL"},
		{"BILL PAYMENT VIA FASTER PAYMENT TO J SMITH REFERENCE WAGES , MANDATE NO 12", "J SMITH"},
		{"TESCO STORES 2234 ON 01 OCT BCC", "TESCO STORES"},
		{"ON THE GO CAFE", "ON THE GO CAFE"},
		{"PAYMENT TO", "PAYMENT TO"},
		{"CARD PAYMENT TO 1234", "CARD PAYMENT TO"},
		{"Zoë's café", "ZOË S CAFÉ"},
		{"1234", ""},
	} {
		if got := app.PayeeKey(tc.in); got != tc.want {
			t.Errorf("PayeeKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBudgetUsesTheCostsFromThePlan(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	arr, _ := a.SupportArrangements(ctx)
	want := map[string]int64{}
	for _, s := range arr {
		if s.CostKnown && s.Category != "" {
			want[s.Category] += s.AnnualCost
		}
	}
	if len(want) == 0 {
		t.Skip("the example plan has no costed support")
	}
	// Change a plan by hand first; using the plan's costs replaces it.
	a.SetCategoryPlan(ctx, budget.KeyTransport, 1, budget.Weekly)
	n, err := a.UsePlanCosts(ctx)
	if err != nil || n != len(want) {
		t.Fatalf("planned %d categories (want %d): %v", n, len(want), err)
	}
	linked := 0
	for key, annual := range want {
		c, _ := a.BudgetCategory(ctx, key)
		if c.Annual() != annual || !strings.HasPrefix(c.Note, "From my support plan") {
			t.Errorf("%s: %+v, want %d a year", key, c, annual)
		}
		linked += len(c.Outcomes)
	}
	if c, _ := a.BudgetCategory(ctx, budget.KeyPAWages); c.Period != budget.Weekly || c.Planned*52 != want[budget.KeyPAWages] {
		t.Errorf("PA wages lost its weekly period: %+v", c)
	}
	if linked == 0 {
		t.Error("no category was linked to the plan's outcomes")
	}
	names, _ := a.OutcomeNames(ctx)
	for key := range want {
		c, _ := a.BudgetCategory(ctx, key)
		for _, id := range c.Outcomes {
			if names[id] == "" {
				t.Errorf("%s links to an outcome that is not in the plan: %s", key, id)
			}
		}
	}
}

func TestBudgetImportOFXTwiceAddsNothingTwice(t *testing.T) {
	a, ctx := newBudgetApp(t)
	s := zoeSetup()
	s.Start, s.YearEnd, s.Schedule.First = store.NewDate(2025, 4, 1), store.NewDate(2026, 3, 31), store.NewDate(2025, 4, 1)
	a.SaveBudgetSetup(ctx, s)
	for _, name := range []string{"ofx1-sgml.ofx", "ofx2-xml.ofx"} {
		p := filepath.Join("bankimport", "testdata", name)
		first, err := a.ImportStatementFile(ctx, p, app.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := a.ImportStatementFile(ctx, p, app.ImportOptions{Format: bankimport.FormatOFX})
		if err != nil {
			t.Fatalf("%s again: %v", name, err)
		}
		if first.Format != bankimport.FormatOFX || first.Read == 0 || again.Added != 0 || again.AlreadyThere != first.Read {
			t.Errorf("%s: first %+v, again %+v", name, first, again)
		}
		if _, err := a.ImportStatementFile(ctx, p, app.ImportOptions{Format: "xls"}); err == nil {
			t.Errorf("%s: an unknown format was accepted", name)
		}
	}
}

// TestBudgetSummaryFollowsEveryChange checks the kept transactions: a
// change to something else keeps them, and any change to a payment or
// its category shows in the next summary.
func TestBudgetSummaryFollowsEveryChange(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	day := store.NewDate(2026, 5, 1)
	spent := func() int64 {
		t.Helper()
		s, err := a.BudgetSummary(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		return s.Spent
	}
	id, err := a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 4, 2), Amount: -1800, Payee: "Taxi"})
	if err != nil || spent() != 1800 {
		t.Fatalf("after adding: %v, spent %d", err, spent())
	}
	// Something else changes: the profile, many times.
	for i := range 50 {
		if err := a.SaveProfile(ctx, store.Profile{Name: fmt.Sprint("Sam ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if spent() != 1800 {
		t.Errorf("after profile changes: spent %d", spent())
	}
	tx, _ := a.Transaction(ctx, id)
	tx.Amount, tx.Splits = -2000, []store.BudgetSplit{{Category: budget.KeyTransport, Amount: -2000}}
	if _, err := a.SaveTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	s, _ := a.BudgetSummary(ctx, day)
	for _, c := range s.Categories {
		if c.Key == budget.KeyTransport && c.Actual != 2000 {
			t.Errorf("transport %d after the split changed", c.Actual)
		}
	}
	if err := a.DeleteTransaction(ctx, id); err != nil || spent() != 0 {
		t.Errorf("after deleting: %v, spent %d", err, spent())
	}
	if err := a.RestoreTransaction(ctx, id); err != nil || spent() != 2000 {
		t.Errorf("after restoring: %v, spent %d", err, spent())
	}
}

// TestBudgetImportAcrossKindsOfFile imports one account's statements as
// a bank offers them: a CSV file, then an OFX file that overlaps it and
// names the payments its own way, then a CSV in another layout. Nothing
// is added twice, and new payments on the overlapping days are added,
// even when they cost the same as one already there.
func TestBudgetImportAcrossKindsOfFile(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	csv := statement(t, "Date,Description,Amount",
		"01/05/2026,CARD PAYMENT TO LEISURE CENTRE SWIM ON 01-05-2026,-6.20",
		"01/05/2026,CARD PAYMENT TO LEISURE CENTRE SWIM ON 01-05-2026,-6.20",
		"02/05/2026,BILL PAYMENT TO J SMITH REFERENCE WAGES,-262.50")
	if res, err := a.ImportStatementFile(ctx, csv, app.ImportOptions{}); err != nil || res.Added != 3 {
		t.Fatalf("CSV: %+v, %v", res, err)
	}
	trn := func(date, amount, id, name string) string {
		return "<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>" + date + "</DTPOSTED><TRNAMT>" + amount + "</TRNAMT><FITID>" + id +
			"</FITID><NAME>" + name + "</NAME></STMTTRN>"
	}
	ofx := filepath.Join(t.TempDir(), "statement.ofx")
	os.WriteFile(ofx, []byte(`<?xml version="1.0"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260601</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>GBP</CURDEF>
<BANKACCTFROM><BANKID>070116</BANKID><ACCTID>12345678</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260501</DTSTART><DTEND>20260531</DTEND>`+
		trn("20260501", "-6.20", "A1", "LEISURE CENTRE")+
		trn("20260501", "-6.20", "A2", "A2B TAXIS")+ // a third payment of 6.20 that day, new
		trn("20260501", "-6.20", "A3", "LEISURE CENTRE")+
		trn("20260502", "-262.50", "A4", "J SMITH")+
		trn("20260503", "-18.00", "A5", "A2B TAXIS")+
		`</BANKTRANLIST><LEDGERBAL><BALAMT>100.00</BALAMT><DTASOF>20260531</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`), 0o600)
	res, err := a.ImportStatementFile(ctx, ofx, app.ImportOptions{})
	if err != nil || res.Added != 2 || res.AlreadyThere != 3 {
		t.Fatalf("OFX: %+v, %v", res, err)
	}
	if !slices.ContainsFunc(res.Warnings, func(w string) bool { return strings.Contains(w, "3 payments in this file were imported before") }) {
		t.Errorf("warnings %q", res.Warnings)
	}
	// Again: nothing new.
	if res, err := a.ImportStatementFile(ctx, ofx, app.ImportOptions{}); err != nil || res.Added != 0 || res.AlreadyThere != 5 {
		t.Errorf("OFX again: %+v, %v", res, err)
	}
	// The CSV again, in another layout with the money in two columns.
	csv2 := statement(t, "Date,Details,Paid out,Paid in",
		"01/05/2026,LEISURE CENTRE SWIM,6.20,", "01/05/2026,A2B TAXIS,6.20,", "01/05/2026,LEISURE CENTRE SWIM,6.20,",
		"02/05/2026,J SMITH WAGES,262.50,", "03/05/2026,A2B TAXIS,18.00,", "04/05/2026,SUFFOLK CC,,1400.00")
	if res, err := a.ImportStatementFile(ctx, csv2, app.ImportOptions{}); err != nil || res.Added != 1 || res.AlreadyThere != 5 {
		t.Errorf("second CSV layout: %+v, %v", res, err)
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	if len(txs) != 6 {
		t.Errorf("%d payments, want 6", len(txs))
	}
}

// TestBudgetTimelineAgreesWithTheSummary checks the chart's figures: its
// last point is the summary's balance and spending, refunds included.
func TestBudgetTimelineAgreesWithTheSummary(t *testing.T) {
	a, ctx := newBudgetApp(t)
	a.SaveBudgetSetup(ctx, zoeSetup())
	if _, err := a.ImportStatementFile(ctx, filepath.Join(fixtures, "statement-signed.csv"), app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// A refund in a spending category, and money in put in one.
	a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 5, 3), Amount: 1800, Payee: "Taxi refund",
		Splits: []store.BudgetSplit{{Category: budget.KeyTransport, Amount: 1800}}})
	for _, day := range []store.Date{store.NewDate(2026, 4, 7), store.NewDate(2026, 6, 30), store.NewDate(2026, 10, 31), store.NewDate(2027, 6, 1)} {
		pts, err := a.BudgetTimeline(ctx, day)
		if err != nil || len(pts) == 0 {
			t.Fatalf("%v: %v", day, err)
		}
		sum, _ := a.BudgetSummary(ctx, day)
		last := pts[len(pts)-1]
		if last.Date != sum.Through || last.Balance != sum.Balance || last.Spent != sum.Spent {
			t.Errorf("%v: chart ends %v, balance %d, spent %d; summary %v, %d, %d", day, last.Date, last.Balance, last.Spent, sum.Through, sum.Balance, sum.Spent)
		}
		for i := 1; i < len(pts); i++ {
			if pts[i].Date.DaysSince(pts[i-1].Date) > 7 || !pts[i].Date.After(pts[i-1].Date) {
				t.Errorf("points %v and %v are not a week apart or less", pts[i-1].Date, pts[i].Date)
			}
		}
	}
}
