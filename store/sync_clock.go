package store

import "time"

// SetWallClock makes this device's hybrid clock read wall time from now
// (time.Now when nil). Tests use it to give a device a wrong clock; the
// sync engine uses the same function to compare the device's time with
// the relay's.
func (s *Store) SetWallClock(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	s.clock.mu.Lock()
	defer s.clock.mu.Unlock()
	s.clock.now = now
}

// WallClock returns the time this device's hybrid clock reads now.
func (s *Store) WallClock() time.Time {
	s.clock.mu.Lock()
	now := s.clock.now
	s.clock.mu.Unlock()
	return now()
}
