package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DBFile is the name of the database inside a data folder.
const DBFile = "ownplan.db"

// EnvDataDir is the environment variable that names the data folder when
// no --data flag is given.
const EnvDataDir = "OWNPLAN_DATA"

// ResolveDir returns the data folder to use: flagValue when set, else
// $OWNPLAN_DATA, else OwnPlan inside the operating system's per-user
// configuration folder (~/.config/OwnPlan on Linux). The path is made
// absolute so messages can name it unambiguously.
func ResolveDir(flagValue string) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv(EnvDataDir)
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find a place for your data: %w (start OwnPlan with --data FOLDER to choose one)", err)
		}
		dir = filepath.Join(base, "OwnPlan")
	}
	if strings.HasPrefix(dir, "~"+string(filepath.Separator)) {
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, dir[2:])
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("data folder %s: %w", dir, err)
	}
	return abs, nil
}

// Exists reports whether dir holds an OwnPlan database.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, DBFile))
	return err == nil
}

// prepareDir makes sure dir exists with owner-only permissions and is
// either OwnPlan's or empty. It reports whether the database exists.
func prepareDir(dir string) (bool, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, fmt.Errorf("create data folder %s: %w", dir, plainFSError(err))
	}
	info, err := os.Stat(dir)
	if err != nil {
		return false, fmt.Errorf("data folder %s: %w", dir, plainFSError(err))
	}
	if !info.IsDir() {
		return false, fmt.Errorf("data folder %s is a file, not a folder: %w", dir, ErrNotOwnPlan)
	}
	if info.Mode().Perm()&0o077 != 0 {
		// Shared home computers: keep other accounts out. Best effort on
		// systems without Unix permissions.
		_ = os.Chmod(dir, 0o700)
	}
	if Exists(dir) {
		return true, nil
	}
	empty, err := isEmpty(dir)
	if err != nil {
		return false, fmt.Errorf("data folder %s: %w", dir, plainFSError(err))
	}
	if !empty {
		return false, fmt.Errorf("data folder %s already has other files in it: %w", dir, ErrNotOwnPlan)
	}
	return false, nil
}

// isEmpty reports whether dir has no entries other than OwnPlan's own
// lock file and files that operating systems leave behind.
func isEmpty(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		switch e.Name() {
		case lockFile, ".DS_Store", "Thumbs.db", "desktop.ini":
			continue
		}
		return false, nil
	}
	return true, nil
}

// plainFSError turns common file-system failures into advice.
func plainFSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("you do not have permission to write there; choose a folder in your home folder (%w)", err)
	case isNoSpace(err):
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	return err
}
