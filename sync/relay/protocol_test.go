package relay

import (
	"bytes"
	"errors"
	"testing"
)

func TestParseFrameRefusesAMessageCutShort(t *testing.T) {
	f := Frame{Type: TypePut, ID: 7, Ref: "c1-200", Body: bytes.Repeat([]byte("sealed batch "), 800)}
	whole := f.Marshal()
	got, err := ParseFrame(whole)
	if err != nil || !bytes.Equal(got.Body, f.Body) || got.Ref != f.Ref || got.Size != len(f.Body) {
		t.Fatalf("whole frame: %+v %v", got.Ref, err)
	}
	header := len(whole) - len(f.Body)
	for _, cut := range []int{header, header + 1, header + 4096, len(whole) - 1} {
		if _, err := ParseFrame(whole[:cut]); !errors.Is(err, ErrMalformed) {
			t.Errorf("a frame cut to %d of %d bytes: %v, want it refused as malformed", cut, len(whole), err)
		}
	}
	// A frame with no body is whole without one.
	if _, err := ParseFrame(Frame{Type: TypeRead, After: 3}.Marshal()); err != nil {
		t.Errorf("a frame without a body: %v", err)
	}
}
