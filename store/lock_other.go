//go:build !unix && !windows

package store

import "os"

// lockDir is a no-op where the platform offers no file locks.
func lockDir(*os.File) error { return nil }

func isNoSpace(error) bool { return false }
