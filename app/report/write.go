package report

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/ownplan/ownplan/store"
)

// SaveError is the error WriteFile returns when the PDF was made but could
// not be saved. Its message is plain English, fit to show to the person
// saving, and says what to do next; Unwrap gives the underlying error.
type SaveError struct {
	Path   string
	Reason string // such as "the disk is full. Free some space or choose another place."
	Err    error
}

// Error returns the plain-English message, for example
// "Could not save the PDF to /x/y.pdf: the folder does not exist or you
// cannot write there. Choose another place."
func (e *SaveError) Error() string {
	if e.Path == "" {
		return "Could not save the PDF: " + e.Reason
	}
	return "Could not save the PDF to " + e.Path + ": " + e.Reason
}

// Unwrap returns the underlying error.
func (e *SaveError) Unwrap() error { return e.Err }

// WriteFile renders the document and saves it at path, replacing any file
// already there. The save is atomic: the PDF is written to a temporary
// file in the same folder, flushed to disk and then renamed over path, so
// path never holds half a document, even if the computer stops part way.
// The new file is readable and writable only by the current user, as it
// holds personal information. If path is a symbolic link, the file it
// points to is replaced and the link kept. A folder, device or other
// thing that is not a file is never replaced.
//
// If the document cannot be made, the error is the one Render returns. If
// it cannot be saved, the error is a *SaveError.
func (d *Document) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := d.Render(&buf); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

// writeFileAtomic writes data to path through store.WriteFileAtomic (a
// temporary file in the same folder, synced, then renamed) and explains
// any failure in plain English.
func writeFileAtomic(path string, data []byte) error {
	if path == "" {
		return &SaveError{Reason: "no file name was given. Choose a place and a name for it.", Err: fs.ErrInvalid}
	}
	target := path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// Save where the link points, so the link still leads to the
		// document rather than being replaced by a copy of it.
		if real, err := filepath.EvalSymlinks(path); err == nil {
			target = real
		}
	}
	if fi, err := os.Stat(target); err == nil {
		switch {
		case fi.IsDir():
			return &SaveError{Path: path, Reason: "there is already a folder with that name. Choose another name.", Err: syscall.EISDIR}
		case !fi.Mode().IsRegular():
			// A device, a pipe or a socket: renaming over it would
			// remove it, and writing into it would not save a file.
			return &SaveError{Path: path, Reason: "that name belongs to something that is not a file. Choose another name.", Err: fs.ErrInvalid}
		}
	}
	err := store.WriteFileAtomic(target, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return saveError(path, err)
	}
	return nil
}

// saveError explains err, which happened while saving to path, in plain
// English.
func saveError(path string, err error) error {
	reason := "something went wrong while writing it. Try again, or choose another place."
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission),
		errors.Is(err, syscall.EROFS), errors.Is(err, syscall.ENOTDIR):
		reason = "the folder does not exist or you cannot write there. Choose another place."
	case errors.Is(err, store.ErrDiskFull), errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		reason = "the disk is full. Free some space, or choose another place."
	case errors.Is(err, syscall.EISDIR):
		reason = "there is already a folder with that name. Choose another name."
	}
	return &SaveError{Path: path, Reason: reason, Err: err}
}
