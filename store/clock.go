package store

import (
	"fmt"
	"sync"
	"time"
)

// HLC is a hybrid logical clock timestamp: the wall-clock time in
// milliseconds in the upper 48 bits and a logical counter in the lower 16.
// HLCs order events across devices even when their clocks disagree: a
// device that hears of a later HLC than its own clock moves its clock
// forward past it, so causally later changes always get larger stamps.
type HLC int64

// Wall returns the wall-clock part of h.
func (h HLC) Wall() time.Time { return time.UnixMilli(int64(h) >> 16).UTC() }

// Counter returns the logical part of h.
func (h HLC) Counter() int { return int(h & 0xFFFF) }

// String formats h as an ISO 8601 time and counter, for logs and tests.
func (h HLC) String() string {
	return fmt.Sprintf("%s/%d", h.Wall().Format("2006-01-02T15:04:05.000Z"), h.Counter())
}

func makeHLC(ms int64, counter int) HLC { return HLC(ms<<16 | int64(counter)) }

// Clock issues hybrid logical clock stamps for one device. It is safe for
// concurrent use.
type Clock struct {
	mu   sync.Mutex
	last HLC
	now  func() time.Time
}

// NewClock returns a clock that never issues a stamp at or below last
// (the highest stamp this device has issued or seen) and reads wall time
// from now (time.Now when nil).
func NewClock(last HLC, now func() time.Time) *Clock {
	if now == nil {
		now = time.Now
	}
	return &Clock{last: last, now: now}
}

// Now returns a new stamp greater than every stamp issued or observed.
func (c *Clock) Now() HLC {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = c.next(c.last)
	return c.last
}

// Observe moves the clock past a stamp received from another device, so
// that this device's next change is ordered after it.
func (c *Clock) Observe(remote HLC) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if remote > c.last {
		c.last = remote
	}
}

// Last returns the highest stamp issued or observed.
func (c *Clock) Last() HLC {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

func (c *Clock) next(last HLC) HLC {
	wall := c.now().UnixMilli()
	lastWall := int64(last) >> 16
	if wall > lastWall {
		return makeHLC(wall, 0)
	}
	if last.Counter() == 0xFFFF {
		// The counter is exhausted within this millisecond: borrow the next
		// millisecond rather than overflow into the wall-clock bits' meaning.
		return makeHLC(lastWall+1, 0)
	}
	return last + 1
}
