package store

import (
	"context"
	"reflect"
	"testing"
)

// importThree imports three payments into s through the bulk inserter,
// which journals each record as one record entry.
func importThree(t *testing.T, s *Store) []string {
	t.Helper()
	txs := []BudgetTransaction{
		{Date: NewDate(2026, 8, 1), Amount: -620, Payee: "LEISURE CENTRE", ImportKey: "a", Note: "Warm pool session.\nPhysio said it helps.",
			Splits: []BudgetSplit{{"day_activities", -620}}},
		{Date: NewDate(2026, 8, 2), Amount: -1800, Payee: "A2B TAXIS", ImportKey: "b"},
		{Date: NewDate(2026, 8, 3), Amount: 140000, Payee: "SUFFOLK CC", ImportKey: "c"},
	}
	_, ids, err := s.ImportBudgetTransactions(context.Background(), BudgetImport{FileName: "s.csv", Format: "csv"}, txs)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestRecordEntriesSyncLikeFieldChanges(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	ids := importThree(t, a)
	out := outgoing(t, a)
	fields := map[string]bool{}
	for _, c := range out {
		if c.Field == recordField {
			t.Fatalf("a record entry was sent as it is: %v", c)
		}
		if c.Table == "budget_transactions" && c.Row == ids[0] {
			fields[c.Field] = true
			if !c.Base.IsZero() {
				t.Errorf("a new record's field %s has base %v", c.Field, c.Base)
			}
		}
	}
	for _, f := range []string{"date", "amount", "payee", "note", "import_key", "import_id"} {
		if !fields[f] {
			t.Errorf("field %s of an imported payment is not sent (sent %v)", f, fields)
		}
	}
	if fields["receipt"] || fields["deleted"] {
		t.Errorf("fields at their defaults were sent: %v", fields)
	}
	if _, err := b.Apply(ctx, out); err != nil {
		t.Fatal(err)
	}
	if sa, sb := snapshot(t, a), snapshot(t, b); !reflect.DeepEqual(sa, sb) {
		t.Fatalf("after the import arrived:\na %v\nb %v", sa["versions"], sb["versions"])
	}

	// Both edit: B a field the import set, A one it left at its default,
	// and both the same long note at once.
	setField(t, b, "budget_transactions", ids[0], "payee", "IPSWICH LEISURE")
	setField(t, a, "budget_transactions", ids[1], "reference", "HOSPITAL")
	setField(t, a, "budget_transactions", ids[0], "note", "Warm pool session.\nA's words.")
	setField(t, b, "budget_transactions", ids[0], "note", "Warm pool session.\nB's words.")
	for _, cs := range [][]RemoteChange{outgoing(t, b), outgoing(t, a)} {
		if _, err := a.Apply(ctx, cs); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Apply(ctx, cs); err != nil {
			t.Fatal(err)
		}
	}
	sa, sb := snapshot(t, a), snapshot(t, b)
	if !reflect.DeepEqual(sa, sb) {
		t.Fatalf("after both edited:\na %v\nb %v", sa, sb)
	}
	if got := sa["budget_transactions"][ids[0]]["payee"]; got != `"IPSWICH LEISURE"` {
		t.Errorf("payee %s", got)
	}
	if got := sa["budget_transactions"][ids[1]]["reference"]; got != `"HOSPITAL"` {
		t.Errorf("reference %s", got)
	}
	// The concurrent notes are a conflict on both devices (each took part
	// in it), and the import's own note, delivered again, is not.
	ca, _ := a.Conflicts(ctx, true)
	cb, _ := b.Conflicts(ctx, true)
	if len(ca) != 1 || len(cb) != 1 {
		t.Errorf("conflicts: a %+v, b %+v; want the one pair of notes on each", ca, cb)
	}
	for _, c := range append(ca, cb...) {
		if c.Mine == "Warm pool session.\nPhysio said it helps." || c.Theirs == "Warm pool session.\nPhysio said it helps." {
			t.Errorf("the imported note came back as a conflict: %+v", c)
		}
	}
}

func TestRecordEntryVersionsStandForEachField(t *testing.T) {
	ctx := context.Background()
	a := openMergeStore(t)
	ids := importThree(t, a)
	j, err := a.Journal(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var stamp HLC
	for _, e := range j {
		if e.Row == ids[2] && e.Field == "payee" {
			stamp = e.HLC
		}
	}
	if stamp == 0 {
		t.Fatalf("journal has no payee for %s: %v", ids[2], j)
	}
	// An older change from elsewhere loses to the import; a newer one wins.
	old := RemoteChange{HLC: stamp - 1, Device: "ZZZZ", Table: "budget_transactions", Row: ids[2], Field: "payee", Value: jsonText("OLD")}
	res, err := a.Apply(ctx, []RemoteChange{old})
	if err != nil || len(res.Older) != 1 {
		t.Fatalf("older change: %+v %v", res, err)
	}
	newer := old
	newer.HLC, newer.Value = stamp+1000, jsonText("NEWER")
	if res, err := a.Apply(ctx, []RemoteChange{newer}); err != nil || len(res.Applied) != 1 {
		t.Fatalf("newer change: %+v %v", res, err)
	}
	// A change to a field the import left at its default applies whatever
	// its stamp, as it would on any other device.
	ref := RemoteChange{HLC: stamp - 5, Device: "ZZZZ", Table: "budget_transactions", Row: ids[2], Field: "reference", Value: jsonText("REF")}
	if res, err := a.Apply(ctx, []RemoteChange{ref}); err != nil || len(res.Applied) != 1 {
		t.Fatalf("default field: %+v %v", res, err)
	}
	got, _ := a.BudgetTransaction(ctx, ids[2])
	if got.Payee != "NEWER" || got.Reference != "REF" || got.Amount != 140000 {
		t.Errorf("payment now %+v", got)
	}
}
