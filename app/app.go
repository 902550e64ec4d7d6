// Package app is OwnPlan's application core. Both front ends (the Fyne
// desktop app and the ownplanctl command line) open a data folder with
// Open and run every use case through the returned App, so they behave
// the same and share one set of tests.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/ownplan/ownplan/store"
)

// Version is OwnPlan's version, set at build time with
// -ldflags "-X github.com/ownplan/ownplan/app.Version=1.2.3".
var Version = "0.1.0-dev"

// App is an open data folder and the use cases that run on it. It is
// safe for concurrent use.
type App struct {
	dir string

	mu       sync.RWMutex
	st       *store.Store
	watchers map[int]func(store.Change)
	nextW    int
	stopW    func()
}

// Open opens (creating when new) the data folder dir.
func Open(ctx context.Context, dir string) (*App, error) {
	st, err := store.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	a := &App{dir: dir, watchers: map[int]func(store.Change){}}
	a.attach(st)
	return a, nil
}

// OpenExisting opens dir only when it already holds OwnPlan data, so that
// a mistyped folder name is reported instead of creating a new, empty one.
func OpenExisting(ctx context.Context, dir string) (*App, error) {
	if !store.Exists(dir) {
		return nil, fmt.Errorf("%s: %w", dir, store.ErrNoData)
	}
	return Open(ctx, dir)
}

func (a *App) attach(st *store.Store) {
	a.st = st
	a.stopW = st.Watch(a.notify)
}

// Close closes the data folder.
func (a *App) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.stopW()
	return a.st.Close()
}

// Dir returns the data folder.
func (a *App) Dir() string { return a.dir }

func (a *App) store() *store.Store {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.st
}

// Watch calls fn after every saved change, including changes that arrive
// by sync and a switch from example data to the person's own. fn runs on
// the goroutine that made the change: a GUI must hand work to its own
// thread. The returned function stops the calls.
func (a *App) Watch(fn func(store.Change)) (stop func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	id := a.nextW
	a.nextW++
	a.watchers[id] = fn
	return func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		delete(a.watchers, id)
	}
}

func (a *App) notify(c store.Change) {
	a.mu.RLock()
	fns := make([]func(store.Change), 0, len(a.watchers))
	for _, fn := range a.watchers {
		fns = append(fns, fn)
	}
	a.mu.RUnlock()
	for _, fn := range fns {
		fn(c)
	}
}

// Init creates a new data folder for the person called name. It refuses a
// folder that already has OwnPlan data, so nobody's plan is overwritten.
func Init(ctx context.Context, dir, name string) (*App, error) {
	if store.Exists(dir) {
		a, err := Open(ctx, dir)
		if err != nil {
			return nil, err
		}
		if _, has, _ := a.Profile(ctx); has {
			a.Close()
			return nil, fmt.Errorf("%s already has OwnPlan data in it; choose another folder with --data, or use the data that is there", dir)
		}
		if err := a.SaveProfile(ctx, store.Profile{Name: name}); err != nil {
			a.Close()
			return nil, err
		}
		return a, nil
	}
	a, err := Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	if err := a.SaveProfile(ctx, store.Profile{Name: name}); err != nil {
		a.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	return a, nil
}

// settingExample marks a data folder filled with the example person.
const settingExample = "example_data"

// MarkExample records that this folder holds example data, so the app can
// say so and offer to replace it with the person's own plan.
func (a *App) MarkExample(ctx context.Context) error {
	return a.store().SetSetting(ctx, settingExample, "1")
}

// IsExample reports whether the folder holds example data.
func (a *App) IsExample(ctx context.Context) bool {
	v, _ := a.store().Setting(ctx, settingExample, "")
	return v == "1"
}

// ClearExample removes the example data so the person can start their
// own plan in the same folder. It refuses unless the folder holds
// example data. Settings such as text size are kept.
func (a *App) ClearExample(ctx context.Context) error {
	if !a.IsExample(ctx) {
		return errors.New("this folder holds your own data, not example data, so it was not cleared")
	}
	keep, err := a.Settings(ctx)
	if err != nil {
		return err
	}
	err = a.replace(ctx, func() error {
		if err := removeDB(a.dir); err != nil {
			return err
		}
		return os.RemoveAll(filepath.Join(a.dir, "blobs"))
	})
	if err != nil {
		return fmt.Errorf("start afresh: %w", err)
	}
	return a.SaveSettings(ctx, keep)
}

// RestoreHere replaces a brand-new, empty data folder with the contents
// of a backup: the way to move to a new computer. It refuses when the
// folder already holds anything the person made. The backup is checked
// completely before anything in the folder changes.
func (a *App) RestoreHere(ctx context.Context, from string) error {
	seq, err := a.store().LastSeq(ctx)
	if err != nil {
		return err
	}
	if seq > 0 && !a.IsExample(ctx) {
		return fmt.Errorf("restore here: %w", store.ErrNotEmpty)
	}
	incoming := filepath.Join(a.dir, ".incoming")
	os.RemoveAll(incoming)
	if err := store.Restore(ctx, from, incoming); err != nil {
		return err
	}
	defer os.RemoveAll(incoming)
	return a.replace(ctx, func() error {
		if err := removeDB(a.dir); err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(a.dir, "blobs"))
		entries, err := os.ReadDir(incoming)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := os.Rename(filepath.Join(incoming, e.Name()), filepath.Join(a.dir, e.Name())); err != nil {
				return err
			}
		}
		return nil
	})
}

// replace closes the store, lets change alter the folder's files, and
// opens it again, telling watchers that everything may have changed.
func (a *App) replace(ctx context.Context, change func() error) error {
	a.mu.Lock()
	a.stopW()
	a.st.Close()
	changeErr := change()
	st, err := store.Open(ctx, a.dir)
	if err != nil {
		a.mu.Unlock()
		return errors.Join(changeErr, err)
	}
	a.attach(st)
	a.mu.Unlock()
	a.notify(store.Change{Tables: append(st.Tables(), "settings")})
	return changeErr
}

func removeDB(dir string) error {
	for _, name := range []string{store.DBFile, store.DBFile + "-wal", store.DBFile + "-shm"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
