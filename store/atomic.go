package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file at path through write, so that path holds
// either its old content or the complete new content, never half of it:
// it writes a temporary file beside path, syncs it to disk and renames it
// into place. The file is readable by this user only.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("could not save %s: it is a folder; give a file name inside it", path)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("could not save %s: %w", path, plainFSError(noFolder(dir, err)))
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("could not save %s: %w", path, plainFSError(err))
	}
	if err := f.Chmod(0o600); err != nil {
		return fail(err)
	}
	if err := write(f); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("could not save %s: %w", path, plainFSError(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("could not save %s: %w", path, plainFSError(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename itself durable; not all systems support it
		d.Close()
	}
	return nil
}

func noFolder(dir string, err error) error {
	if _, statErr := os.Stat(dir); os.IsNotExist(statErr) {
		return fmt.Errorf("the folder %s does not exist; choose another place (%w)", dir, err)
	}
	return err
}
