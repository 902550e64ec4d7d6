package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

func TestBudgetExampleYear(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	lines := zoeStatement()
	end := store.NewDate(2026, time.November, 23)
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	// Every statement line once, and the two payments typed in by hand.
	if len(txs) != len(lines)+2 {
		t.Fatalf("%d payments, want the statement's %d and 2 typed in", len(txs), len(lines))
	}
	want := BudgetSetup.OpeningBalance
	for _, l := range lines {
		want += l.amount
	}
	want -= 18_00 + 65_00
	sum, err := a.BudgetSummary(ctx, end)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Balance != want || sum.Unreconciled != 2 || sum.Received != 9*1_400_00 {
		t.Errorf("balance %d (want %d), unreconciled %d, received %d", sum.Balance, want, sum.Unreconciled, sum.Received)
	}
	// Two identical swims on 12 August are both kept.
	day := store.NewDate(2026, time.August, 12)
	if swims, _ := a.Transactions(ctx, app.TransactionFilter{From: day, To: day, Search: "swim"}); len(swims) != 2 {
		t.Errorf("%d swims on 12 August, want 2", len(swims))
	}
	// What Zoë categorised in April was learned and used for the rest of
	// the year; only the one-off Amazon order is left for her.
	left, _ := a.Transactions(ctx, app.TransactionFilter{ByCategory: true, Category: budget.UncategorisedKey})
	if len(left) != 1 || left[0].Payee != payeeAmazon {
		t.Errorf("not categorised: %+v", left)
	}
	for _, l := range sum.Categories {
		if l.Key == budget.KeyPayrollService && l.Actual != 8*14_50 {
			t.Errorf("payroll service %d: the bureau's direct debits were not split", l.Actual)
		}
	}
	if len(sum.Warnings) == 0 {
		t.Error("the example shows no warnings, so the screens cannot show how they look")
	}
	rules, _ := a.PayeeRules(ctx)
	if len(rules) != 7 {
		t.Errorf("%d payee rules learned: %+v", len(rules), rules)
	}
}
