package sync

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

func benchBatch(n int) []byte {
	b := Batch{}
	base := time.Now().UnixMilli()
	for i := range n {
		v, _ := json.Marshal(fmt.Sprintf("Support with %d things on a Tuesday morning", i))
		b.Changes = append(b.Changes, store.RemoteChange{HLC: store.HLC((base + int64(i)) << 16), Device: "01JDEVICE0000000000000000",
			Table: "plan_support", Row: fmt.Sprintf("01JROW%020d", i/5), Field: "what", Value: v})
	}
	payload, _ := json.Marshal(b)
	return payload
}

// BenchmarkSyncSealBatch1000 measures compressing, signing and
// encrypting a batch of 1,000 changes, and opening it again.
func BenchmarkSyncSealBatch1000(b *testing.B) {
	payload := benchBatch(1000)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	key := NewCircleKey()
	h := Header{Kind: KindChanges, Epoch: 1, Circle: "01JCIRCLE", Sender: "01JDEVICE"}
	var env []byte
	b.Run("seal", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		for b.Loop() {
			env, _ = Seal(h, key, priv, payload)
		}
		b.ReportMetric(float64(len(env)), "sealed-bytes")
	})
	b.Run("open", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		for b.Loop() {
			if _, _, err := Open(env, key, pub); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSync10000ThroughRelay measures 10,000 changes going from one
// device to another through a real relay on loopback (target: under 3 s).
func BenchmarkSync10000ThroughRelay(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		r := startRelay(b)
		owner := newCircle(b, r)
		sam := invite(b, owner, "Sam", store.RoleEditor)
		for i := range 2500 {
			owner.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Relationship: "friend", Contact: "07700 900000", Notes: "Tuesdays"})
		}
		b.StartTimer()
		sent := owner.round().Sent
		got := sam.round().Received
		if sent < 10000 || got < 10000 {
			b.Fatalf("sent %d, received %d", sent, got)
		}
	}
}

// BenchmarkSyncJoin100000History measures a new device joining a circle
// whose mailbox holds 100,000 changes (target: up to date in under 15 s).
func BenchmarkSyncJoin100000History(b *testing.B) {
	ctx := context.Background()
	r := startRelay(b)
	owner := newCircle(b, r)
	owner.e.BatchSize = 1000
	for i := range 25000 {
		owner.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Relationship: "friend", Contact: "07700 900000", Notes: "Tuesdays"})
	}
	owner.round()
	for b.Loop() {
		inv, err := owner.e.Invite(ctx, "New", store.RoleViewer, 0)
		if err != nil {
			b.Fatal(err)
		}
		d := newDevice(b)
		if _, err := d.e.Join(ctx, inv.Code, "New"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		people, _ := d.st.People(ctx)
		if len(people) != 25000 {
			b.Fatalf("joined with %d people", len(people))
		}
		b.StartTimer()
	}
}

// BenchmarkSyncEvidence100MB measures a 100 MB evidence file going from
// one device to another through a real relay on loopback (target: over
// 20 MB/s).
func BenchmarkSyncEvidence100MB(b *testing.B) {
	content := make([]byte, 100<<20)
	rand.Read(content)
	for b.Loop() {
		b.StopTimer()
		r := startRelay(b)
		owner := newCircle(b, r)
		sam := invite(b, owner, "Sam", store.RoleEditor)
		addEvidence(b, owner, "Big scan", true, content)
		b.SetBytes(int64(len(content)))
		b.StartTimer()
		owner.round()
		if res := sam.round(); res.BlobsReceived != 1 {
			b.Fatalf("Sam's round %+v", res)
		}
	}
}
