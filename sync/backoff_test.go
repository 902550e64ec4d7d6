package sync

import (
	"testing"
	"time"
)

func TestSyncBackoffDoublesWithJitterUpToMax(t *testing.T) {
	b := &backoff{min: time.Second, max: 2 * time.Minute}
	step := time.Second
	for i := range 12 {
		d := b.next()
		if d < step/2 || d > step {
			t.Fatalf("try %d waits %v, want between %v and %v", i, d, step/2, step)
		}
		if step *= 2; step > 2*time.Minute {
			step = 2 * time.Minute
		}
	}
	// Many devices at the longest step do not all retry at once.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[b.next()] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d different waits in 20: no jitter", len(seen))
	}
	b.reset()
	if d := b.next(); d > time.Second {
		t.Errorf("after a good connection the wait starts again at most 1 s, got %v", d)
	}
}
