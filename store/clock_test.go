package store

import (
	"sort"
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	base := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	now := base
	c := NewClock(0, func() time.Time { return now })

	a := c.Now()
	if a.Wall() != base || a.Counter() != 0 {
		t.Errorf("first stamp %v", a)
	}
	b := c.Now() // same millisecond: counter moves on
	if b != a+1 {
		t.Errorf("same-millisecond stamp %v, want %v", b, a+1)
	}
	now = base.Add(-time.Hour) // the wall clock jumps back an hour
	if d := c.Now(); d <= b {
		t.Errorf("stamp went backwards with the wall clock: %v <= %v", d, b)
	}
	// A stamp from a device whose clock is a day ahead pulls this clock on.
	remote := makeHLC(base.Add(24*time.Hour).UnixMilli(), 7)
	c.Observe(remote)
	if e := c.Now(); e <= remote {
		t.Errorf("stamp %v not after observed %v", e, remote)
	}
	// An older remote stamp changes nothing.
	last := c.Last()
	c.Observe(a)
	if c.Last() != last {
		t.Error("observing an old stamp moved the clock")
	}
}

func TestClockCounterOverflow(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := NewClock(makeHLC(now.UnixMilli(), 0xFFFF), func() time.Time { return now })
	got := c.Now()
	if got.Wall() != now.Add(time.Millisecond) || got.Counter() != 0 {
		t.Errorf("after a full counter: %v", got)
	}
}

func TestNewIDSortsByTime(t *testing.T) {
	base := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	var ids []string
	var s idSource
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := s.next(base.Add(time.Duration(i) * time.Millisecond))
		if len(id) != 26 || seen[id] {
			t.Fatalf("bad or repeated ID %q", id)
		}
		seen[id] = true
		ids = append(ids, id)
	}
	if !sort.StringsAreSorted(ids) {
		t.Error("IDs made later do not sort later")
	}
}

func TestNewIDSortsWithinAMillisecond(t *testing.T) {
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	var s idSource
	var ids []string
	for i := 0; i < 1000; i++ {
		// The same millisecond, then a clock set back a second.
		when := at
		if i >= 500 {
			when = at.Add(-time.Second)
		}
		ids = append(ids, s.next(when))
	}
	if !sort.StringsAreSorted(ids) {
		t.Error("IDs made one after another in a millisecond do not sort in that order")
	}
	if ids[0][:10] != encodeID(randomID(at))[:10] {
		t.Errorf("ID %s does not start with its time", ids[0])
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if len(id) != 26 || seen[id] {
			t.Fatalf("bad or repeated ID %q", id)
		}
		seen[id] = true
	}
}
