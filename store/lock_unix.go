//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes an exclusive, non-blocking lock on f. The operating system
// releases it when the process ends, even after a crash, so a stale lock
// can never keep a person out of their data.
func lockDir(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return ErrInUse
	}
	return err
}

func isNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
