package store

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// remoteChanges makes n changes from another device: people records with
// four fields each, the way the write path shapes them.
func remoteChanges(n int) []RemoteChange {
	base := time.Now().UnixMilli()
	fields := []string{"name", "relationship", "contact", "notes"}
	out := make([]RemoteChange, n)
	for i := range out {
		v, _ := json.Marshal(fmt.Sprintf("value %d of a field someone typed", i))
		out[i] = RemoteChange{HLC: makeHLC(base+int64(i/4), i%4), Device: "OTHERDEVICE", Table: "people",
			Row: fmt.Sprintf("P%06d", i/4), Field: fields[i%4], Value: v}
	}
	return out
}

// BenchmarkSyncApply10000 measures applying 10,000 changes from another
// device in one transaction.
func BenchmarkSyncApply10000(b *testing.B) {
	ctx := context.Background()
	cs := remoteChanges(10_000)
	for b.Loop() {
		b.StopTimer()
		s := openMergeStore(b)
		b.StartTimer()
		res, err := s.Apply(ctx, cs)
		if err != nil || len(res.Applied) != len(cs) {
			b.Fatalf("%v, applied %d", err, len(res.Applied))
		}
	}
}
