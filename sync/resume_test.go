package sync

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// cutProxy forwards TCP connections on 127.0.0.1 to a relay, cutting each
// connection once it has carried a set number of bytes in one direction:
// a connection dropped in the middle of a batch.
type cutProxy struct {
	ln     net.Listener
	target string
	up     atomic.Int64 // device -> relay bytes before the cut (0: never)
	down   atomic.Int64 // relay -> device bytes before the cut (0: never)
	cuts   atomic.Int64
	wg     gosync.WaitGroup
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.wg.Wait() })
	return p
}

func (p *cutProxy) url() string { return "ws://" + p.ln.Addr().String() }

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.wg.Add(2)
		up, down := p.up.Load(), p.down.Load()
		go p.pipe(s, c, up)
		go p.pipe(c, s, down)
	}
}

func (p *cutProxy) pipe(dst, src net.Conn, limit int64) {
	defer p.wg.Done()
	var r io.Reader = src
	if limit > 0 {
		r = io.LimitReader(src, limit)
	}
	n, _ := io.Copy(dst, r)
	if limit > 0 && n >= limit {
		p.cuts.Add(1)
	}
	dst.Close()
	src.Close()
}

// useRelay points a device at another address for the same circle.
func useRelay(t *testing.T, d *device, url string) {
	t.Helper()
	ctx := context.Background()
	c, _ := d.st.Circle(ctx)
	keys, _ := d.st.CircleKeys(ctx, c.ID)
	// Re-record the circle with the proxy's address, keeping cursors.
	d.st.LeaveCircle(ctx)
	relaySeq, sentSeq := c.RelaySeq, c.SentSeq
	c.Relay = url
	if err := d.st.CreateCircle(ctx, c, keys); err != nil {
		t.Fatal(err)
	}
	d.st.SetSentSeq(ctx, c.ID, sentSeq)
	d.st.SkipRelay(ctx, store.RelayMessage{Circle: c.ID, Seq: relaySeq})
}

func journalCount(t *testing.T, d *device, device string) int {
	t.Helper()
	es, err := d.st.Journal(context.Background(), 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	seen := map[string]bool{}
	for _, e := range es {
		if e.Device == device {
			k := fmt.Sprintf("%s/%s/%s/%d", e.Table, e.Row, e.Field, e.HLC)
			if seen[k] {
				t.Errorf("change applied twice: %s", k)
			}
			seen[k] = true
			n++
		}
	}
	return n
}

func TestSyncDroppedConnectionMidBatchResumes(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	proxy := newCutProxy(t, r.addr)
	useRelay(t, sam, proxy.url())
	useRelay(t, owner, proxy.url())
	sam.e.BatchSize = 200
	owner.e.BatchSize = 200
	for i := range 300 {
		notes := make([]byte, 60)
		rand.Read(notes)
		if _, err := sam.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Notes: hex.EncodeToString(notes)}); err != nil {
			t.Fatal(err)
		}
	}
	want := journalCount(t, sam, sam.e.id.Device)

	// Sending: the connection drops partway through the batches, again
	// and again, until a whole round gets through.
	proxy.up.Store(20 << 10)
	fails := 0
	for {
		_, err := sam.e.Round(ctx)
		if err == nil {
			break
		}
		if !errors.Is(err, ErrUnreachable) {
			t.Fatalf("round: %v", err)
		}
		if fails++; fails > 50 {
			t.Fatal("never got through")
		}
		if fails == 3 {
			proxy.up.Store(0)
		}
	}
	if proxy.cuts.Load() == 0 {
		t.Fatal("the proxy never cut a connection")
	}
	circle, _ := owner.st.Circle(ctx)
	ms, _ := r.st.Read(ctx, circle.ID, 0, 100000, 1<<30)
	stored := 0
	for _, m := range ms {
		if m.Sender == sam.e.id.Device {
			stored++
		}
	}
	// The relay stored each batch once, whatever the retries: the join
	// request and one message per batch of 200.
	if wantStored := 1 + (want+199)/200; stored != wantStored {
		t.Errorf("relay holds %d of Sam's messages, want %d", stored, wantStored)
	}
	if pending, _ := sam.st.PendingCount(ctx, func() int64 { c, _ := sam.st.Circle(ctx); return c.SentSeq }()); pending != 0 {
		t.Fatalf("%d changes still waiting", pending)
	}

	// Receiving: the owner's connection drops partway through reading.
	proxy.down.Store(20 << 10)
	fails = 0
	for {
		_, err := owner.e.Round(ctx)
		if err == nil {
			break
		}
		if fails++; fails > 50 {
			t.Fatal("never got through")
		}
		if fails == 3 {
			proxy.down.Store(0)
		}
	}
	if got := journalCount(t, owner, sam.e.id.Device); got != want {
		t.Fatalf("owner applied %d of Sam's changes, want %d", got, want)
	}
	people, _ := owner.st.People(ctx)
	if len(people) != 300 {
		t.Fatalf("owner has %d people", len(people))
	}
	sameData(t, owner, sam)
	t.Logf("%d cuts; Sam's batches stored on the relay: %d", proxy.cuts.Load(), stored)
}

func TestSyncBackgroundRunAndRelayRestart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	opts := RunOptions{MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, Debounce: 10 * time.Millisecond, Poll: time.Second}
	var wg gosync.WaitGroup
	for _, d := range []*device{owner, sam} {
		wg.Add(1)
		go func() { defer wg.Done(); d.e.Run(ctx, opts) }()
	}
	defer wg.Wait()
	defer cancel()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	hasPerson := func(d *device, name string) func() bool {
		return func() bool {
			ps, _ := d.st.People(context.Background())
			for _, p := range ps {
				if p.Name == name {
					return true
				}
			}
			return false
		}
	}
	owner.st.SavePerson(ctx, store.Person{Name: "Live one"})
	waitFor("a live change to arrive", hasPerson(sam, "Live one"))

	// The relay goes away mid-sync; changes made meanwhile wait, safe,
	// and go through when it is back.
	r.stop()
	sam.st.SavePerson(ctx, store.Person{Name: "Made while the relay was down"})
	waitFor("the status to say the server is unreachable", func() bool {
		st, _ := ReadStatus(ctx, sam.st, time.Now())
		return st.Pending > 0 && st.Problem != ""
	})
	st, _ := ReadStatus(ctx, sam.st, time.Now())
	if st.Text != "Can't reach the server: your changes are safe on this computer (1 change waiting)" {
		t.Errorf("status while down: %q", st.Text)
	}
	r.start()
	waitFor("the change made offline to arrive", hasPerson(owner, "Made while the relay was down"))
	waitFor("the status to recover", func() bool {
		st, _ := ReadStatus(ctx, sam.st, time.Now())
		return st.Text == "Synced just now"
	})
	cancel()
	wg.Wait()
	sameData(t, owner, sam)
}

// restartHook is relay storage that restarts the relay the moment a
// chosen device's nth message has been stored, or the mailbox has been
// read n times: in the middle of a sync round.
type restartHook struct {
	relay.Storage
	h *restartPlan
}

type restartPlan struct {
	mu      gosync.Mutex
	sender  string
	puts    int
	reads   int
	nPut    int
	nRead   int
	restart func()
	done    chan struct{}
}

// fire restarts the relay once, in the background: the handler that
// called it is one of those the restart shuts down.
func (p *restartPlan) fire() {
	if p.restart == nil {
		return
	}
	restart := p.restart
	p.restart = nil
	go func() { restart(); close(p.done) }()
}

func (h *restartHook) Append(ctx context.Context, circle, sender, ref string, body []byte, now time.Time) (int64, error) {
	seq, err := h.Storage.Append(ctx, circle, sender, ref, body, now)
	h.h.mu.Lock()
	defer h.h.mu.Unlock()
	if sender == h.h.sender && h.h.puts > 0 {
		if h.h.nPut++; h.h.nPut == h.h.puts {
			h.h.fire()
		}
	}
	return seq, err
}

func (h *restartHook) Read(ctx context.Context, circle string, after int64, limit, maxBytes int) ([]relay.Message, error) {
	h.h.mu.Lock()
	if h.h.reads > 0 {
		if h.h.nRead++; h.h.nRead == h.h.reads {
			h.h.fire()
		}
	}
	h.h.mu.Unlock()
	return h.Storage.Read(ctx, circle, after, limit, maxBytes)
}

// TestSyncRelayRestartedMidRound restarts the relay in the middle of a
// round, once while a device is sending batches and once while another
// is reading them. The interrupted rounds fail plainly; the next ones
// carry on, the relay holds every batch once, and both devices end with
// the same data, every change applied once.
func TestSyncRelayRestartedMidRound(t *testing.T) {
	ctx := context.Background()
	plan := &restartPlan{}
	r := &testRelay{t: t, dbPath: t.TempDir() + "/relay.db", addr: "127.0.0.1:0",
		opts: relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
		wrap: func(s relay.Storage) relay.Storage { return &restartHook{Storage: s, h: plan} }}
	r.start()
	t.Cleanup(r.stop)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	sam.e.BatchSize, owner.e.BatchSize = 10, 10
	for i := range 1000 {
		if _, err := sam.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Notes: "Tuesdays"}); err != nil {
			t.Fatal(err)
		}
	}
	want := journalCount(t, sam, sam.e.id.Device)
	circle, _ := owner.st.Circle(ctx)
	// untilThrough runs rounds until one succeeds, as the background loop
	// would; the first must have been cut short by the restart.
	untilThrough := func(d *device) {
		t.Helper()
		if _, err := d.e.Round(ctx); err == nil {
			t.Fatal("the round finished although the relay restarted in the middle of it")
		} else if !errors.Is(err, ErrUnreachable) {
			var re *RelayError
			if !errors.As(err, &re) {
				t.Fatalf("interrupted round: %v", err)
			}
		}
		<-plan.done
		for i := 0; ; i++ {
			_, err := d.e.Round(ctx)
			if err == nil {
				return
			}
			if i == 20 {
				t.Fatalf("never got through after the restart: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	plan.mu.Lock()
	plan.sender, plan.puts, plan.restart, plan.done = sam.e.id.Device, 40, r.restart, make(chan struct{})
	plan.mu.Unlock()
	untilThrough(sam)
	ms, _ := r.st.Read(ctx, circle.ID, 0, 1<<20, 1<<30)
	stored := 0
	for _, m := range ms {
		if m.Sender == sam.e.id.Device {
			stored++
		}
	}
	if wantStored := 1 + (want+9)/10; stored != wantStored {
		t.Errorf("the relay holds %d of Sam's messages, want %d", stored, wantStored)
	}

	plan.mu.Lock()
	plan.puts, plan.reads, plan.nRead, plan.restart, plan.done = 0, 2, 0, r.restart, make(chan struct{})
	plan.mu.Unlock()
	untilThrough(owner)
	if got := journalCount(t, owner, sam.e.id.Device); got != want {
		t.Fatalf("the owner holds %d of Sam's changes, want %d", got, want)
	}
	sam.round()
	sameData(t, owner, sam)
}
