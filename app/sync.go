package app

import (
	"context"
	"errors"
	"image"
	"time"

	"github.com/ownplan/ownplan/store"
	ownsync "github.com/ownplan/ownplan/sync"
)

// SyncStatus says how sharing stands: the one-line status ("Synced 2
// minutes ago", "3 changes waiting", "Can't reach the server: your
// changes are safe on this computer"), conflicts and refused changes.
func (a *App) SyncStatus(ctx context.Context) (ownsync.Status, error) {
	return ownsync.ReadStatus(ctx, a.store(), time.Now())
}

// SyncNow runs one sync round: everything new arrives, everything
// waiting is sent, and the words in evidence files that arrived are read
// for search. When the server cannot be reached, nothing here
// changes and the error says so.
func (a *App) SyncNow(ctx context.Context) (ownsync.Result, error) {
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return ownsync.Result{}, err
	}
	res, err := e.Round(ctx)
	if err == nil && res.BlobsReceived > 0 {
		// Files that arrived whole are searchable at once. A file whose
		// words cannot be read now is tried again by later rounds and by
		// "evidence reindex"; the round itself went well.
		a.RefreshEvidenceText(ctx)
	}
	return res, err
}

// CanChange says whether this device's role in the sharing circle lets
// it change records of table; the error explains why not in plain words.
// Screens call it to show records read-only; the store checks again on
// every write.
func (a *App) CanChange(ctx context.Context, table string) error {
	c, err := a.store().Circle(ctx)
	if errors.Is(err, store.ErrNoCircle) || (err == nil && c.State != store.CircleActive) {
		return nil
	}
	if err != nil {
		return err
	}
	if ownsync.Allowed(c.Role, table) {
		return nil
	}
	return &store.NotAllowedError{Role: c.Role, Table: table}
}

// QRCode draws text as a QR code image for a phone to read.
func QRCode(text string, scale int) (image.Image, error) { return ownsync.QRCode(text, scale) }

// syncRunOptions are the background loop's timings.
var syncRunOptions = ownsync.RunOptions{}

// StartSync keeps the folder in sync in the background while the app is
// open: connected to the relay, sending changes a moment after they are
// saved and applying others' as they arrive, reconnecting after drops.
// It waits quietly while the plan is not shared and starts as soon as it
// is. stop ends it and waits until it has.
func (a *App) StartSync(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	wake := make(chan struct{}, 1)
	unwatch := a.Watch(func(c store.Change) {
		if c.Has("circles") {
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			a.runSyncOnce(ctx)
			// Not shared, or removed, or the folder was swapped: wait for
			// the circle to change (a join, an invite), or look again soon.
			t := time.NewTimer(5 * time.Second)
			select {
			case <-ctx.Done():
			case <-wake:
			case <-t.C:
			}
			t.Stop()
		}
	}()
	return func() {
		unwatch()
		cancel()
		<-done
	}
}

// runSyncOnce runs the engine on the current store until the store is
// replaced (a restore, starting afresh) or sync stops by itself.
func (a *App) runSyncOnce(ctx context.Context) {
	st := a.store()
	c, err := st.Circle(ctx)
	if err != nil || c.State != store.CircleActive {
		return
	}
	e, err := ownsync.NewEngine(ctx, st)
	if err != nil {
		return
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-runCtx.Done():
				return
			case <-t.C:
				if a.store() != st {
					cancel()
					return
				}
			}
		}
	}()
	e.Run(runCtx, syncRunOptions)
}
