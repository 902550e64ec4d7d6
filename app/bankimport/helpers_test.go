package bankimport

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures is the project's shared folder of sample files, beside the
// checkout.
var fixtures = filepath.Join("..", "..", "..", "shared", "fixtures")

func parseFile(t testing.TB, path string) *Statement {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := Parse(context.Background(), f, filepath.Base(path))
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return st
}

func parseString(t testing.TB, name, data string) (*Statement, error) {
	t.Helper()
	return Parse(context.Background(), strings.NewReader(data), name)
}

func totals(txs []Transaction) (in, out int64) {
	for _, tx := range txs {
		if tx.AmountPence > 0 {
			in += tx.AmountPence
		} else {
			out -= tx.AmountPence
		}
	}
	return in, out
}

func keySet(txs []Transaction) map[string]Transaction {
	keys := make(map[string]Transaction, len(txs))
	for _, tx := range txs {
		keys[tx.Key] = tx
	}
	return keys
}

// expected is statement-expected.json.
type expected struct {
	From           string `json:"from"`
	To             string `json:"to"`
	OpeningBalance int64  `json:"opening_balance_pence"`
	Count          int    `json:"count"`
	Received       int64  `json:"received_pence"`
	Spent          int64  `json:"spent_pence"`
	Balance        int64  `json:"balance_pence"`
}

func readExpected(t *testing.T) expected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "statement-expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// checkInvariants checks what must hold for every statement: oldest
// first, and every key present and different.
func checkInvariants(t testing.TB, st *Statement) {
	t.Helper()
	seen := map[string]bool{}
	for i, tx := range st.Transactions {
		if i > 0 && tx.Date.Before(st.Transactions[i-1].Date) {
			t.Fatalf("transaction %d (%v) is before the one above it (%v)", i, tx.Date, st.Transactions[i-1].Date)
		}
		if tx.Key == "" || seen[tx.Key] {
			t.Fatalf("transaction %d has key %q, empty or repeated", i, tx.Key)
		}
		seen[tx.Key] = true
	}
}
