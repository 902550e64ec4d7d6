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

// fillMailbox puts the owner's unsent changes on the relay perMessage to
// a message, sealed and signed exactly as a sync round would, but
// straight into the relay's storage: only to set up benchmarks faster.
func fillMailbox(b *testing.B, owner *device, r *testRelay, perMessage int) int {
	b.Helper()
	ctx := context.Background()
	circle, _ := owner.st.Circle(ctx)
	keys, _ := owner.st.CircleKeys(ctx, circle.ID)
	after, messages := circle.SentSeq, 0
	for {
		outs, err := owner.st.OutgoingChanges(ctx, after, perMessage)
		if err != nil {
			b.Fatal(err)
		}
		if len(outs) == 0 {
			break
		}
		var batch Batch
		for _, o := range outs {
			batch.Changes = append(batch.Changes, o.RemoteChange)
		}
		payload, _ := json.Marshal(batch)
		env, err := Seal(Header{Kind: KindChanges, Epoch: 1, Circle: circle.ID, Sender: owner.e.id.Device}, keys[1], owner.e.id.Sign, payload)
		if err != nil {
			b.Fatal(err)
		}
		last := outs[len(outs)-1].Seq
		if _, err := r.st.Append(ctx, circle.ID, owner.e.id.Device, fmt.Sprintf("c%d-%d", after+1, last), env, time.Now()); err != nil {
			b.Fatal(err)
		}
		after = last
		messages++
	}
	if err := owner.st.SetSentSeq(ctx, circle.ID, after); err != nil {
		b.Fatal(err)
	}
	return messages
}

// BenchmarkSyncJoin100000History measures a new device joining a circle
// whose mailbox holds 100,000 changes (target: up to date in under 15 s),
// from the invite code to the last change applied. The history comes in
// three shapes: 1,000 changes a message (a long time offline), 500 (this
// engine's batch size) and 20 (changes sent as they were made, 5,000
// messages).
func BenchmarkSyncJoin100000History(b *testing.B) {
	for _, perMessage := range []int{1000, 500, 20} {
		b.Run(fmt.Sprintf("%d-per-message", perMessage), func(b *testing.B) {
			ctx := context.Background()
			r := startRelay(b)
			owner := newCircle(b, r)
			owner.round()
			for i := range 25000 {
				owner.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Relationship: "friend", Contact: "07700 900000", Notes: "Tuesdays"})
			}
			messages := fillMailbox(b, owner, r, perMessage)
			for b.Loop() {
				inv, err := owner.e.Invite(ctx, "New", store.RoleViewer, 0)
				if err != nil {
					b.Fatal(err)
				}
				d := newDevice(b)
				res, err := d.e.Join(ctx, inv.Code, "New")
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = res
				people, _ := d.st.People(ctx)
				if len(people) != 25000 {
					b.Fatalf("joined with %d people", len(people))
				}
				if n := journalTotal(b, d); n < 100000 {
					b.Fatalf("joined with %d changes", n)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(messages), "messages")
		})
	}
}

// journalTotal counts the changes in a device's journal.
func journalTotal(b *testing.B, d *device) int {
	b.Helper()
	es, err := d.st.Journal(context.Background(), 0, 1<<30)
	if err != nil {
		b.Fatal(err)
	}
	return len(es)
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
