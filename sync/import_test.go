package sync

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/store"
)

// A bank statement import journals each payment as one record entry;
// the supporter must get every field of every payment, however the
// batches fall.
func TestSyncImportedStatementArrivesWhole(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	var txs []store.BudgetTransaction
	for i := range 300 {
		tx := store.BudgetTransaction{Date: store.NewDate(2026, 4, 1+i%28), Amount: -int64(100 + i), Payee: fmt.Sprint("PAYEE ", i),
			ImportKey: fmt.Sprint("k", i), Reconciled: true, Splits: []store.BudgetSplit{{Category: "transport", Amount: -int64(100 + i)}}}
		if i%50 == 7 {
			// Big enough that a batch fills up in the middle of a payment.
			tx.Note = strings.Repeat(fmt.Sprintf("Receipt %d kept. ", i), 28_000)
		}
		txs = append(txs, tx)
	}
	if _, _, err := owner.st.ImportBudgetTransactions(ctx, store.BudgetImport{FileName: "s.csv", Format: "csv"}, txs); err != nil {
		t.Fatal(err)
	}
	if res := owner.round(); res.Sent < 300*8 {
		t.Fatalf("owner sent %+v", res)
	}
	sam.round()
	sameData(t, owner, sam)
	got, err := sam.st.BudgetTransactions(ctx, store.TransactionFilter{})
	if err != nil || len(got) != 300 {
		t.Fatalf("supporter has %d payments: %v", len(got), err)
	}
	// An edit on either side of an imported payment reaches the other.
	setPayee := func(d *device, id, payee string) {
		tx, err := d.st.BudgetTransaction(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		tx.Payee = payee
		if _, err := d.st.SaveBudgetTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	setPayee(sam, got[3].ID, "CORRECTED BY SAM")
	setPayee(owner, got[4].ID, "CORRECTED BY ZOË")
	sam.round()
	owner.round()
	sam.round()
	sameData(t, owner, sam)
}
