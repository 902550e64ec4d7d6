package store

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkOpen100kJournal measures opening a data folder whose journal
// holds 100,000 entries (target: under 50 ms).
func BenchmarkOpen100kJournal(b *testing.B) {
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "data")
	s, err := Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	const n = 100_000
	// Fill the journal in bulk: the benchmark is about opening, and the
	// rows are shaped exactly as the write path makes them.
	_, err = s.db.ExecContext(ctx, `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
		INSERT INTO changes (hlc, device, tbl, row_id, field, value)
		SELECT i, ?, 'people', printf('P%08d', i), 'name', printf('"Person %d"', i) FROM k`, n, s.DeviceID())
	if err != nil {
		b.Fatal(err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO people (id, name) SELECT row_id, json_extract(value, '$') FROM changes`)
	if err != nil {
		b.Fatal(err)
	}
	if got, _ := s.LastSeq(ctx); got != n {
		b.Fatalf("journal has %d entries", got)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.Profile(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
