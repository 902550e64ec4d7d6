package sync

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// chaosStorage is relay storage that delivers badly on purpose, so that
// devices syncing through a real relay over real websockets see what a
// flaky network, retries and slow devices produce: some messages are
// held back and stored only after later ones (delayed and reordered),
// and some are stored twice, the copy arriving later (duplicated).
type chaosStorage struct {
	relay.Storage

	mu   gosync.Mutex
	on   bool
	r    *rand.Rand
	held []heldPut
	// counts of what was done, to show the test exercised it
	delayed, duplicated, released int
}

type heldPut struct {
	circle, sender string
	body           []byte
}

// Append stores, holds back or duplicates a message, and releases some
// of the messages held back earlier, in random order.
func (c *chaosStorage) Append(ctx context.Context, circle, sender, ref string, body []byte, now time.Time) (int64, error) {
	c.mu.Lock()
	if !c.on {
		c.mu.Unlock()
		return c.Storage.Append(ctx, circle, sender, ref, body, now)
	}
	var release []heldPut
	for i := 0; i < len(c.held); {
		if c.r.Intn(3) == 0 {
			release = append(release, c.held[i])
			c.held = append(c.held[:i], c.held[i+1:]...)
			continue
		}
		i++
	}
	roll := c.r.Intn(10)
	switch {
	case roll < 3:
		// Held back: stored only after messages sent later.
		c.held = append(c.held, heldPut{circle, sender, body})
		c.delayed++
	case roll < 5:
		// Stored now, and again later.
		c.held = append(c.held, heldPut{circle, sender, body})
		c.duplicated++
	}
	c.mu.Unlock()
	for _, h := range release {
		if _, err := c.Storage.Append(ctx, h.circle, h.sender, "", h.body, now); err != nil {
			return 0, err
		}
		c.mu.Lock()
		c.released++
		c.mu.Unlock()
	}
	if roll < 3 {
		// The device takes this as stored: the acknowledgement's number
		// is not used for anything but logs.
		return c.Storage.LastSeq(ctx, circle)
	}
	return c.Storage.Append(ctx, circle, sender, ref, body, now)
}

// flush stores every message still held back, in random order, and
// reports how many there were.
func (c *chaosStorage) flush(ctx context.Context) (int, error) {
	c.mu.Lock()
	held := c.held
	c.held = nil
	c.r.Shuffle(len(held), func(i, j int) { held[i], held[j] = held[j], held[i] })
	c.mu.Unlock()
	for _, h := range held {
		if _, err := c.Storage.Append(ctx, h.circle, h.sender, "", h.body, time.Now()); err != nil {
			return 0, err
		}
	}
	return len(held), nil
}

func (c *chaosStorage) set(on bool, seed int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.on = on
	c.r = rand.New(rand.NewSource(seed))
}

// fastDir returns a folder for test data that is deleted afterwards, in
// memory (/dev/shm) where there is one: this test checks convergence,
// not durability, and a disk's flushes would only slow it down.
func fastDir(t testing.TB) string {
	t.Helper()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "ownplan-sync-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// propertyCases is how many random cases TestSyncPropertyThreeReplicas
// runs: OWNPLAN_SYNC_CASES, else 2000 (200 with -short, 50 with -race,
// which makes SQLite many times slower).
func propertyCases(t *testing.T) int {
	if s := os.Getenv("OWNPLAN_SYNC_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("OWNPLAN_SYNC_CASES=%q is not a number of cases", s)
		}
		return n
	}
	if raceEnabled {
		return 50
	}
	if testing.Short() {
		return 200
	}
	return 2000
}

var propertyWords = []string{"tea", "walk", "bus", "shopping", "PA", "Tuesday", "large print", "email", "garden", "swim", "Zoë", "£18"}

func propertyText(r *rand.Rand) string {
	n := 1 + r.Intn(4)
	if r.Intn(3) == 0 {
		n = 14 + r.Intn(6) // long enough to count as composed text, so conflicts are kept
	}
	w := make([]string, n)
	for i := range w {
		w[i] = propertyWords[r.Intn(len(propertyWords))]
	}
	return strings.Join(w, " ")
}

// TestSyncPropertyThreeReplicas is the convergence property over the real
// thing: three devices (the owner and two editors) sync through a relay
// on 127.0.0.1 over websockets, making random edits (people's fields,
// deletes and undeletes, plan sections short and long) and syncing at
// random moments, with clocks skewed at random by up to three days either
// way, while the relay's storage delays, reorders and duplicates their
// messages. Once everything has been delivered, all three hold identical
// records and field versions. Each case is one episode of 8 to 30 steps
// with its own seed; a circle serves 100 episodes, then a new one starts.
func TestSyncPropertyThreeReplicas(t *testing.T) {
	ctx := context.Background()
	cases := propertyCases(t)
	const perCircle = 100
	people := []string{"P1", "P2", "P3", "P4"}
	sections := []string{"important-to-me", "my-needs"}
	var delayed, duplicated, conflicts, received int
	for first := 0; first < cases; first += perCircle {
		chaos := &chaosStorage{}
		dir := fastDir(t)
		r := &testRelay{t: t, dbPath: filepath.Join(dir, "relay.db"), addr: "127.0.0.1:0", wrap: func(s relay.Storage) relay.Storage {
			chaos.Storage = s
			return chaos
		}}
		r.opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		r.start()
		owner := newCircleOn(t, r, newDeviceIn(t, fastDir(t)))
		sam := inviteDevice(t, owner, newDeviceIn(t, fastDir(t)), "Sam", store.RoleEditor)
		ann := inviteDevice(t, owner, newDeviceIn(t, fastDir(t)), "Ann", store.RoleEditor)
		devs := []*device{owner, sam, ann}
		for _, d := range devs {
			d.round()
		}
		for n := first; n < cases && n < first+perCircle; n++ {
			seed := int64(n)
			rnd := rand.New(rand.NewSource(seed))
			chaos.set(true, seed)
			skews := make([]time.Duration, len(devs))
			for i, d := range devs {
				skews[i] = time.Duration(rnd.Int63n(int64(6*24*time.Hour))) - 3*24*time.Hour
				skew := skews[i]
				wrong := func() time.Time { return time.Now().Add(skew) }
				d.st.SetWallClock(wrong)
				d.e.Now = wrong
			}
			fail := func(format string, args ...any) {
				t.Helper()
				r.stop()
				t.Fatalf("case %d (skews %v): %s", seed, skews, fmt.Sprintf(format, args...))
			}
			for step, steps := 0, 8+rnd.Intn(23); step < steps; step++ {
				d := devs[rnd.Intn(len(devs))]
				switch k := rnd.Intn(10); {
				case k < 4:
					id := people[rnd.Intn(len(people))]
					p := store.Person{ID: id, Name: "Someone", Relationship: "friend"}
					ps, _ := d.st.People(ctx)
					for _, x := range ps {
						if x.ID == id {
							p = x
						}
					}
					switch rnd.Intn(3) {
					case 0:
						p.Name = propertyText(rnd)
					case 1:
						p.Relationship = propertyText(rnd)
					default:
						p.Notes = propertyText(rnd)
					}
					if strings.TrimSpace(p.Name) == "" {
						// Only some of the record's fields have arrived yet.
						p.Name = propertyText(rnd)
					}
					if _, err := d.st.SavePerson(ctx, p); err != nil {
						fail("save person: %v", err)
					}
				case k < 5:
					id := people[rnd.Intn(len(people))]
					if rnd.Intn(2) == 0 {
						d.st.DeletePerson(ctx, id) // not there, or deleted already: fine
					} else {
						d.st.RestorePerson(ctx, id)
					}
				case k < 6:
					if err := d.st.SetPlanSection(ctx, sections[rnd.Intn(len(sections))], propertyText(rnd)); err != nil {
						fail("set section: %v", err)
					}
				default:
					res, err := d.e.Round(ctx)
					if err != nil {
						fail("round: %v", err)
					}
					conflicts += res.Conflicts
					received += res.Received
				}
			}
			// Deliver everything: what the relay held back, then rounds
			// until nobody has anything new.
			for pass := 0; ; pass++ {
				if pass > 10 {
					fail("still not settled after %d passes", pass)
				}
				if _, err := chaos.flush(ctx); err != nil {
					fail("flush: %v", err)
				}
				moved := 0
				for _, d := range devs {
					res, err := d.e.Round(ctx)
					if err != nil {
						fail("final round: %v", err)
					}
					moved += res.Sent + res.Received
					conflicts += res.Conflicts
					received += res.Received
				}
				chaos.mu.Lock()
				left := len(chaos.held)
				chaos.mu.Unlock()
				if moved == 0 && left == 0 {
					break
				}
			}
			want := snap(t, owner)
			for i, d := range devs[1:] {
				if got := snap(t, d); !sameSnapshot(got, want) {
					fail("device %d differs from the owner's:\n%s", i+1, snapshotDiff(want, got))
				}
				if st, _ := ReadStatus(ctx, d.st, time.Now()); st.Held > 0 || len(st.Refused) > 0 || st.Pending > 0 {
					fail("device %d: %+v", i+1, st)
				}
			}
		}
		chaos.mu.Lock()
		delayed, duplicated = delayed+chaos.delayed, duplicated+chaos.duplicated
		chaos.mu.Unlock()
		r.stop()
	}
	t.Logf("%d cases: %d messages delayed, %d duplicated, %d changes received, %d conflicts kept", cases, delayed, duplicated, received, conflicts)
	if delayed == 0 || duplicated == 0 || conflicts == 0 {
		t.Fatal("the random delivery did not delay, duplicate or conflict anything: the test tests nothing")
	}
}

func sameSnapshot(a, b map[string]map[string]map[string]string) bool {
	return snapshotDiff(a, b) == ""
}

// snapshotDiff lists the fields two snapshots disagree on.
func snapshotDiff(a, b map[string]map[string]map[string]string) string {
	var out []string
	for tbl, rows := range a {
		for id, rec := range rows {
			if b[tbl][id] == nil {
				out = append(out, fmt.Sprintf("%s/%s only in the first", tbl, id))
				continue
			}
			for f, v := range rec {
				if w, ok := b[tbl][id][f]; !ok || w != v {
					out = append(out, fmt.Sprintf("%s/%s.%s: %s vs %s", tbl, id, f, v, w))
				}
			}
		}
	}
	for tbl, rows := range b {
		for id, rec := range rows {
			if a[tbl][id] == nil {
				out = append(out, fmt.Sprintf("%s/%s only in the second", tbl, id))
				continue
			}
			for f := range rec {
				if _, ok := a[tbl][id][f]; !ok {
					out = append(out, fmt.Sprintf("%s/%s.%s only in the second", tbl, id, f))
				}
			}
		}
	}
	return strings.Join(out, "\n")
}
