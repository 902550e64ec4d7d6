package sync

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	gosync "sync"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// TestMain lets the test binary act as a child process that runs one
// sync round on a data folder, for the tests that kill it mid-batch.
func TestMain(m *testing.M) {
	if dir := os.Getenv("OWNPLAN_SYNC_CHILD_DIR"); dir != "" {
		os.Exit(childRound(dir))
	}
	os.Exit(m.Run())
}

// childRound runs one sync round on the data folder dir, as ownplanctl
// sync would, in batches of OWNPLAN_SYNC_CHILD_BATCH changes.
func childRound(dir string) int {
	ctx := context.Background()
	st, err := store.Open(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	defer st.Close()
	e, err := NewEngine(ctx, st)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	if n, err := strconv.Atoi(os.Getenv("OWNPLAN_SYNC_CHILD_BATCH")); err == nil && n > 0 {
		e.BatchSize = n
	}
	res, err := e.Round(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	fmt.Printf("sent %d, received %d\n", res.Sent, res.Received)
	return 0
}

// killerStorage is relay storage that calls kill at a chosen moment: after
// storing a chosen device's nth message (before the device hears that it
// was stored), or when a device asks for the nth page of the mailbox.
type killerStorage struct {
	relay.Storage

	mu       gosync.Mutex
	sender   string // kill after storing this device's ...
	puts     int    // ... this many messages (0: never)
	reads    int    // or when the mailbox is read this many times (0: never)
	nPut     int
	nRead    int
	kill     func()
	killedAt int64 // the relay's last sequence number when it killed
}

func (k *killerStorage) Append(ctx context.Context, circle, sender, ref string, body []byte, now time.Time) (int64, error) {
	seq, err := k.Storage.Append(ctx, circle, sender, ref, body, now)
	k.mu.Lock()
	defer k.mu.Unlock()
	if err == nil && k.kill != nil && sender == k.sender && k.puts > 0 {
		if k.nPut++; k.nPut == k.puts {
			k.killedAt = seq
			k.kill()
			k.kill = nil
			// Hold the acknowledgement until the device is surely dead.
			time.Sleep(300 * time.Millisecond)
		}
	}
	return seq, err
}

func (k *killerStorage) Read(ctx context.Context, circle string, after int64, limit, maxBytes int) ([]relay.Message, error) {
	k.mu.Lock()
	if k.kill != nil && k.reads > 0 {
		if k.nRead++; k.nRead == k.reads {
			k.killedAt = after
			// The device is now applying the page before this one.
			time.Sleep(time.Duration(50+mrandIntn(150)) * time.Millisecond)
			k.kill()
			k.kill = nil
		}
	}
	k.mu.Unlock()
	return k.Storage.Read(ctx, circle, after, limit, maxBytes)
}

func mrandIntn(n int) int {
	var b [1]byte
	rand.Read(b[:])
	return int(b[0]) % n
}

// runChild starts a child process syncing the data folder dir, with
// the killer armed by arm (called with the killer locked, so the child
// cannot reach the relay before it is armed), and returns the child with
// its output.
func runChild(t *testing.T, k *killerStorage, dir string, batch int, arm func()) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "OWNPLAN_SYNC_CHILD_DIR="+dir, "OWNPLAN_SYNC_CHILD_BATCH="+strconv.Itoa(batch))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	proc := cmd.Process
	k.kill = func() { proc.Kill() }
	arm()
	return cmd, &out
}

// reopen opens a data folder again after its process died.
func reopen(t *testing.T, dir string) *device {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatalf("the data folder does not open after the kill: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := NewEngine(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return &device{t: t, st: st, e: e}
}

// TestSyncClientKilledMidBatch kills a real child process (SIGKILL, no
// chance to tidy up) in the middle of a sync round: once while sending,
// just after the relay stored a batch but before the device heard so,
// and once while receiving, part-way through applying the mailbox. The
// data folder opens again, the next round carries on where the killed
// one stopped, and every change arrives exactly once.
func TestSyncClientKilledMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx := context.Background()
	killer := &killerStorage{}
	r := &testRelay{t: t, dbPath: t.TempDir() + "/relay.db", addr: "127.0.0.1:0", opts: relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
		wrap: func(s relay.Storage) relay.Storage { killer.Storage = s; return killer }}
	r.start()
	t.Cleanup(r.stop)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	circle, _ := owner.st.Circle(ctx)
	const batch = 10
	for i := range 1500 {
		notes := make([]byte, 16)
		rand.Read(notes)
		if _, err := sam.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i), Relationship: "friend", Notes: fmt.Sprintf("%x", notes)}); err != nil {
			t.Fatal(err)
		}
	}
	want := journalCount(t, sam, sam.e.id.Device)
	samDir, samDev := sam.st.Dir(), sam.e.id.Device
	sam.st.Close()

	t.Run("sending", func(t *testing.T) {
		before, _ := r.st.LastSeq(ctx, circle.ID)
		cmd, out := runChild(t, killer, samDir, batch, func() { killer.sender, killer.puts, killer.nPut = samDev, 30, 0 })
		err := cmd.Wait()
		if err == nil {
			t.Fatalf("the child finished before it was killed: %s", out)
		}
		killer.mu.Lock()
		killedAt := killer.killedAt
		killer.kill = nil
		killer.mu.Unlock()
		if killedAt <= before {
			t.Fatalf("the child died without being killed mid-batch (%v): %s", err, out)
		}
		d := reopen(t, samDir)
		c, _ := d.st.Circle(ctx)
		pending, _ := d.st.PendingCount(ctx, c.SentSeq)
		if pending == 0 || pending >= want {
			t.Fatalf("after the kill %d of %d changes wait to be sent: the kill was not mid-way", pending, want)
		}
		d.e.BatchSize = batch
		res := d.round()
		if got := res.Sent + (want - pending); got != want {
			t.Errorf("sent %d after the kill, %d before: want %d in all", res.Sent, want-pending, want)
		}
		// Every batch is on the relay once: the batch the relay stored
		// just before the kill was sent again and recognised.
		ms, _ := r.st.Read(ctx, circle.ID, 0, 1<<20, 1<<30)
		stored := 0
		for _, m := range ms {
			if m.Sender == samDev {
				stored++
			}
		}
		if wantStored := 1 + (want+batch-1)/batch; stored != wantStored {
			t.Errorf("the relay holds %d of Sam's messages, want %d (one per batch, plus the request to join)", stored, wantStored)
		}
		d.st.Close()
	})

	t.Run("receiving", func(t *testing.T) {
		ownerDir := owner.st.Dir()
		before, _ := owner.st.Circle(ctx)
		cursor := before.RelaySeq
		owner.st.Close()
		last, _ := r.st.LastSeq(ctx, circle.ID)
		// The third read asks for the third page while the second is
		// being applied: the device has applied part of the mailbox.
		cmd, out := runChild(t, killer, ownerDir, batch, func() { killer.puts, killer.reads, killer.nRead = 0, 3, 0 })
		if err := cmd.Wait(); err == nil {
			t.Fatalf("the child finished before it was killed: %s", out)
		}
		o := reopen(t, ownerDir)
		c, _ := o.st.Circle(ctx)
		if c.RelaySeq <= cursor || c.RelaySeq >= last {
			t.Fatalf("killed with the relay cursor at %d, from %d to %d: not mid-way", c.RelaySeq, cursor, last)
		}
		part := journalCount(t, o, samDev)
		if part == 0 || part >= want {
			t.Fatalf("%d of %d changes applied before the kill: not mid-way", part, want)
		}
		o.round()
		if got := journalCount(t, o, samDev); got != want {
			t.Fatalf("the owner holds %d of Sam's changes, want %d", got, want)
		}
		people, _ := o.st.People(ctx)
		if len(people) != 1500 {
			t.Fatalf("the owner has %d people, want 1500", len(people))
		}
		s := reopen(t, samDir)
		s.round()
		o.round()
		sameData(t, o, s)
		t.Logf("killed at relay message %d of %d, with %d of %d changes applied", c.RelaySeq, last, part, want)
	})
}
