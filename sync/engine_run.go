package sync

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/ownplan/ownplan/store"
)

// backoff spaces out reconnection attempts: it doubles from min to max,
// with random jitter so that many devices do not retry in step.
type backoff struct {
	min, max, cur time.Duration
}

func (b *backoff) next() time.Duration {
	if b.cur < b.min {
		b.cur = b.min
	} else if b.cur *= 2; b.cur > b.max {
		b.cur = b.max
	}
	// Between half and the whole of the current step.
	return b.cur/2 + time.Duration(rand.Int64N(int64(b.cur/2)+1))
}

func (b *backoff) reset() { b.cur = 0 }

// RunOptions tune Run. Zero values take the defaults.
type RunOptions struct {
	MinBackoff time.Duration // first wait after a failure (1 s)
	MaxBackoff time.Duration // longest wait between tries (2 min)
	Debounce   time.Duration // wait after a local change before sending (300 ms)
	Poll       time.Duration // how often a connected device checks in (30 s)
}

// Run keeps the folder in sync while ctx lasts: it stays connected to
// the relay, sends local changes a moment after they are made, applies
// others' changes as the relay announces them, and reconnects with
// jittered backoff when the connection drops. It stops when ctx ends or
// the owner removes this device. Problems are recorded for the status.
func (e *Engine) Run(ctx context.Context, o RunOptions) {
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 2 * time.Minute
	}
	if o.Debounce <= 0 {
		o.Debounce = 300 * time.Millisecond
	}
	if o.Poll <= 0 {
		o.Poll = 30 * time.Second
	}
	b := &backoff{min: o.MinBackoff, max: o.MaxBackoff}
	local := make(chan struct{}, 1)
	synced := map[string]bool{}
	for _, t := range e.st.Tables() {
		synced[t] = true
	}
	stop := e.st.Watch(func(c store.Change) {
		for _, t := range c.Tables {
			if synced[t] {
				select {
				case local <- struct{}{}:
				default:
				}
				return
			}
		}
	})
	defer stop()
	for ctx.Err() == nil {
		err := e.live(ctx, o, b, local)
		if ctx.Err() != nil {
			return
		}
		if errors.Is(err, ErrRemoved) || errors.Is(err, store.ErrNoCircle) {
			return
		}
		e.recordProblem(ctx, err)
		t := time.NewTimer(b.next())
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-local:
			// A change made while offline is a good moment to try again,
			// but not more often than the backoff allows.
			<-t.C
		}
	}
}

// live is one connected session: it returns when the connection fails.
func (e *Engine) live(ctx context.Context, o RunOptions, b *backoff, local <-chan struct{}) error {
	if _, err := e.st.ApplyParked(ctx); err != nil {
		return err
	}
	s, err := e.connect(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.exchange(ctx); err != nil {
		return err
	}
	if _, err := s.c.call(ctx, relayFrameSub()); err != nil {
		return err
	}
	e.st.SetSyncResult(ctx, s.circle.ID, time.Now(), "")
	b.reset()
	poll := time.NewTicker(o.Poll)
	defer poll.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.c.done:
			s.c.mu.Lock()
			err := s.c.err
			s.c.mu.Unlock()
			return s.c.lost(err)
		case <-s.c.notify:
			err = s.receive(ctx)
		case <-local:
			t := time.NewTimer(o.Debounce)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			}
			err = s.sendAll(ctx)
		case <-poll.C:
			err = s.exchange(ctx)
		}
		if err != nil {
			return err
		}
		e.st.SetSyncResult(ctx, s.circle.ID, time.Now(), "")
	}
}
