package store

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// resetForCase empties a store's records, journal and sync state so one
// set of open stores can serve thousands of property-test cases.
func resetForCase(t testing.TB, s *Store, now func() time.Time) {
	t.Helper()
	qs := []string{`DELETE FROM versions`, `DELETE FROM changes`, `DELETE FROM conflicts`, `DELETE FROM sync_parked`}
	for _, tbl := range s.Tables() {
		qs = append(qs, `DELETE FROM "`+tbl+`"`)
	}
	for _, q := range qs {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.clock = NewClock(0, now)
}

// skewedClock is a device clock that is offset from the shared fake time
// and moves on a little at each reading.
func skewedClock(base *atomic.Int64, offset time.Duration) func() time.Time {
	return func() time.Time {
		return time.UnixMilli(base.Add(int64(1+offset.Milliseconds()%3)) + offset.Milliseconds())
	}
}

var propWords = []string{"tea", "walk", "bus", "shopping", "PA", "Tuesday", "large print", "email", "garden", "swim"}

func propText(r *rand.Rand) string {
	n := 1 + r.Intn(4)
	if r.Intn(4) == 0 {
		n = 15 // long enough to count as composed text
	}
	var w []string
	for i := 0; i < n; i++ {
		w = append(w, propWords[r.Intn(len(propWords))])
	}
	return strings.Join(w, " ")
}

// TestSyncMergePropertyConverges is the convergence property: three
// replicas make random edits (including deletes and undeletes) with
// random clock skew of up to three days, and exchange them with random
// delivery: batches duplicated, reordered, delayed, and shuffled inside.
// Once every batch has reached every replica, all hold identical records
// and versions.
func TestSyncMergePropertyConverges(t *testing.T) {
	cases := 1000
	if testing.Short() || syncRaceEnabled {
		cases = 150
	}
	ctx := context.Background()
	reps := []*Store{openMergeStore(t), openMergeStore(t), openMergeStore(t)}
	for _, s := range reps {
		// Durability is not under test here; speed is needed.
		s.db.Exec(`PRAGMA synchronous=OFF`)
	}
	rows := []string{"p1", "p2", "p3"}
	fields := []string{"name", "relationship", "notes", "deleted"}
	var base atomic.Int64
	for n := 0; n < cases; n++ {
		seed := int64(n)
		r := rand.New(rand.NewSource(seed))
		base.Store(time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).UnixMilli())
		for _, s := range reps {
			skew := time.Duration(r.Int63n(int64(6*24*time.Hour))) - 3*24*time.Hour
			resetForCase(t, s, skewedClock(&base, skew))
		}
		var batches [][]RemoteChange
		sent := make([]int64, len(reps))
		deliver := func(to int, b []RemoteChange) {
			b = append([]RemoteChange(nil), b...)
			r.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
			res, err := reps[to].Apply(ctx, b)
			if err != nil {
				t.Fatalf("case %d: apply: %v", seed, err)
			}
			if len(res.Refused)+len(res.Parked) > 0 {
				t.Fatalf("case %d: refused %v parked %v", seed, res.Refused, res.Parked)
			}
		}
		for op := 0; op < 12+r.Intn(20); op++ {
			i := r.Intn(len(reps))
			switch k := r.Intn(10); {
			case k < 5: // a local edit
				field := fields[r.Intn(len(fields))]
				var v any = propText(r)
				if field == "deleted" {
					v = int64(r.Intn(2))
				}
				setField(t, reps[i], "people", rows[r.Intn(len(rows))], field, v)
			case k < 7: // the replica sends what it has not sent
				out, err := reps[i].OutgoingChanges(ctx, sent[i], 1000)
				if err != nil {
					t.Fatal(err)
				}
				if len(out) == 0 {
					continue
				}
				var b []RemoteChange
				for _, o := range out {
					b = append(b, o.RemoteChange)
				}
				sent[i] = out[len(out)-1].Seq
				batches = append(batches, b)
			default: // a random, possibly old or repeated batch arrives somewhere
				if len(batches) > 0 {
					deliver(i, batches[r.Intn(len(batches))])
				}
			}
			base.Add(r.Int63n(50))
		}
		for i, s := range reps {
			if out := outgoing(t, s); len(out) > 0 {
				batches = append(batches, out)
			}
			_ = i
		}
		for _, to := range r.Perm(len(reps)) {
			for _, bi := range r.Perm(len(batches)) {
				deliver(to, batches[bi])
			}
		}
		want := snapshot(t, reps[0])
		for i := 1; i < len(reps); i++ {
			if got := snapshot(t, reps[i]); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d: replica %d differs from replica 0:\n%s", seed, i, diffSnap(want, got))
			}
		}
	}
}

func diffSnap(a, b map[string]map[string]map[string]string) string {
	var out []string
	for tbl, rows := range a {
		for id, rec := range rows {
			for f, v := range rec {
				if b[tbl][id][f] != v {
					out = append(out, fmt.Sprintf("%s/%s.%s: %s vs %s", tbl, id, f, v, b[tbl][id][f]))
				}
			}
		}
	}
	for tbl, rows := range b {
		for id := range rows {
			if a[tbl][id] == nil {
				out = append(out, fmt.Sprintf("%s/%s only in second", tbl, id))
			}
		}
	}
	return strings.Join(out, "\n")
}
