package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// saveState is what the status bar says about saving.
type saveState int

const (
	stateSaved saveState = iota
	stateWaiting
	stateSaving
	stateFailed
)

// autosaver saves a form shortly after the person stops typing, so at most
// a second of typing is ever at risk, and reports progress to the status
// bar. Screens call Flush when the person leaves them.
//
// collect runs on the UI goroutine: it reads the form and returns the
// write to make. The write runs on a background goroutine, one at a time
// and in order, so a slow disk never freezes the window.
type autosaver struct {
	delay   time.Duration
	collect func() func() error
	report  func(saveState, error)

	mu      sync.Mutex
	timer   *time.Timer
	pending bool

	writing sync.Mutex     // one write at a time, in order
	running sync.WaitGroup // writes under way, for Wait
}

func newAutosaver(delay time.Duration, collect func() func() error, report func(saveState, error)) *autosaver {
	return &autosaver{delay: delay, collect: collect, report: report}
}

// changed notes an edit and restarts the wait.
func (s *autosaver) changed() {
	s.mu.Lock()
	s.pending = true
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.delay, func() { fyne.Do(s.Flush) })
	s.mu.Unlock()
	s.report(stateWaiting, nil)
}

// Flush starts saving now if anything changed. It runs on the UI goroutine.
func (s *autosaver) Flush() {
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
	}
	pending := s.pending
	s.pending = false
	s.mu.Unlock()
	if !pending {
		return
	}
	write := s.collect()
	s.report(stateSaving, nil)
	s.running.Add(1)
	go func() {
		defer s.running.Done()
		s.writing.Lock()
		err := write()
		s.writing.Unlock()
		fyne.Do(func() {
			if err != nil {
				s.report(stateFailed, err)
			} else {
				s.report(stateSaved, nil)
			}
		})
	}()
}

// Wait blocks until every started write has finished. The app calls it
// before closing; tests call it before they look.
func (s *autosaver) Wait() { s.running.Wait() }
