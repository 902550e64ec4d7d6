package ui

import (
	"errors"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestAutosaverSavesAfterAPause(t *testing.T) {
	test.NewTempApp(t)
	var mu sync.Mutex
	var states []saveState
	var saved []string
	value := "a"
	fail := false
	s := newAutosaver(20*time.Millisecond, func() func() error {
		mu.Lock()
		v := value
		mu.Unlock()
		return func() error {
			mu.Lock()
			defer mu.Unlock()
			if fail {
				return errors.New("disk full")
			}
			saved = append(saved, v)
			return nil
		}
	}, func(st saveState, err error) {
		mu.Lock()
		states = append(states, st)
		mu.Unlock()
	})

	s.changed()
	s.changed() // a second keystroke restarts the wait: one save, not two
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(saved)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	s.Wait()
	mu.Lock()
	if len(saved) != 1 || saved[0] != "a" {
		t.Errorf("saved %v, want one save of a", saved)
	}
	if last := states[len(states)-1]; last != stateSaved {
		t.Errorf("last state %v, want saved", last)
	}
	fail = true
	value = "b"
	mu.Unlock()

	// A failed save is reported, and Flush with nothing pending does nothing.
	s.changed()
	s.Flush()
	s.Wait()
	s.Flush()
	s.Wait()
	mu.Lock()
	defer mu.Unlock()
	if last := states[len(states)-1]; last != stateFailed {
		t.Errorf("after a failed save the state is %v", last)
	}
	if len(saved) != 1 {
		t.Errorf("saves %v", saved)
	}
}
