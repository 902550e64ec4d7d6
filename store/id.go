package store

import (
	"crypto/rand"
	"encoding/binary"
	"sync"
	"time"
)

// crockford is Crockford's base-32 alphabet: no I, L, O or U, so IDs are
// easy to read aloud and sort in the order they were made.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewID returns a new random 128-bit record ID as 26 characters. The first
// 48 bits are the creation time in milliseconds, so IDs sort by when they
// were made; the other 80 bits are random. IDs made in one program within
// the same millisecond (a whole list added at once) still sort in the
// order they were made: each is the one before plus one.
func NewID() string { return ids.next(time.Now()) }

var ids idSource

// idSource makes IDs that sort in the order it made them.
type idSource struct {
	mu     sync.Mutex
	hi, lo uint64 // the last ID made, as two halves
}

// next returns an ID for time t, later in sort order than the last one.
func (s *idSource) next(t time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	hi, lo := randomID(t)
	if hi>>16 <= s.hi>>16 {
		// The same millisecond (or a clock that went back): one more
		// than the last ID. 80 bits do not run out.
		hi, lo = s.hi, s.lo+1
		if lo == 0 {
			hi++
		}
	}
	s.hi, s.lo = hi, lo
	return encodeID(hi, lo)
}

func randomID(t time.Time) (hi, lo uint64) {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.UnixMilli())<<16)
	if _, err := rand.Read(b[6:]); err != nil {
		panic("store: no randomness available: " + err.Error())
	}
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}

func encodeID(hi, lo uint64) string {
	var out [26]byte
	// 128 bits as 26 base-32 digits: the first digit carries 3 bits.
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
