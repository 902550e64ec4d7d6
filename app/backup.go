package app

import (
	"context"
	"io"

	"github.com/ownplan/ownplan/store"
)

// BackupExt is the file name ending OwnPlan gives backups.
const BackupExt = ".ownplan-backup"

// Backup writes everything in the data folder to one backup file at path.
// The file appears only when complete; a failure leaves no partial file.
func (a *App) Backup(ctx context.Context, path string) error {
	st := a.store()
	return store.WriteFileAtomic(path, func(w io.Writer) error { return st.Backup(ctx, w) })
}

// Restore unpacks a backup made by Backup into dir, which must be empty or
// not yet exist. A damaged or foreign file is refused and nothing is
// written.
func Restore(ctx context.Context, from, dir string) error {
	return store.Restore(ctx, from, dir)
}
