package relay

import (
	"context"
	"time"
)

// limiter is a token bucket: rate frames a second, up to burst at once.
// A connection over its rate is slowed down, not dropped.
type limiter struct {
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), tokens: float64(burst), last: time.Now()}
}

// wait takes a token, sleeping until one is free.
func (l *limiter) wait(ctx context.Context) error {
	now := time.Now()
	l.tokens += now.Sub(l.last).Seconds() * l.rate
	l.last = now
	if l.tokens > l.burst {
		l.tokens = l.burst
	}
	l.tokens--
	if l.tokens >= 0 {
		return nil
	}
	delay := time.Duration(-l.tokens / l.rate * float64(time.Second))
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
