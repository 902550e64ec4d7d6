package store

import "errors"

// Errors that the front ends turn into plain-English advice. They are
// returned wrapped with the folder or file they concern; test for them
// with errors.Is.
var (
	// ErrNewerSchema means the data was written by a newer version of
	// OwnPlan. The store refuses to open it and does not touch it.
	ErrNewerSchema = errors.New("this data was saved by a newer version of OwnPlan; install the latest version to open it (your data has not been changed)")

	// ErrNotOwnPlan means the folder or file does not hold OwnPlan data.
	ErrNotOwnPlan = errors.New("this is not an OwnPlan data folder; choose an empty folder or the folder OwnPlan made for you")

	// ErrInUse means another copy of OwnPlan has the data folder open.
	ErrInUse = errors.New("OwnPlan is already open with this data folder, perhaps in another window; close it there and try again")

	// ErrDiskFull means the disk ran out of space. The change that failed
	// was not saved; everything saved before it is safe.
	ErrDiskFull = errors.New("the disk is full, so the last change could not be saved; free some space and try again (everything saved before is safe)")

	// ErrNoData means the folder has no OwnPlan data yet.
	ErrNoData = errors.New("there is no OwnPlan data here yet")

	// ErrNotFound means a record does not exist or has been deleted.
	ErrNotFound = errors.New("not found")

	// ErrBackupInvalid means a file is not an OwnPlan backup or is damaged.
	ErrBackupInvalid = errors.New("this file is not a complete OwnPlan backup; it may be damaged or be a different kind of file, so nothing was restored")

	// ErrNotEmpty means a restore was asked to write into a folder that
	// already holds files.
	ErrNotEmpty = errors.New("a backup can only be restored into an empty folder, so that nothing already there is overwritten; choose a new, empty folder")
)
