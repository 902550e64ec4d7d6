package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// backgroundSync says whether windows keep their shared plan in sync in
// the background. Tests that drive the screens switch it off so nothing
// changes under them.
var backgroundSync = true

// sharingBackground is one window's background sync and the status line
// at the bottom of the window.
type sharingBackground struct {
	a        *app.App // the data folder it syncs
	stopSync func()
	unwatch  func()
	stopTick chan struct{}
	icon     *widget.Icon
	label    *widget.Label
	row      *fyne.Container
}

var (
	sharingMu  sync.Mutex
	sharingBGs = map[*UI]*sharingBackground{}
)

func (u *UI) sharingBG() *sharingBackground {
	sharingMu.Lock()
	defer sharingMu.Unlock()
	b := sharingBGs[u]
	if b == nil {
		b = &sharingBackground{icon: widget.NewIcon(theme.ViewRefreshIcon()), label: para("")}
		b.row = container.NewBorder(nil, nil, b.icon, nil, b.label)
		b.row.Hide()
		sharingBGs[u] = b
	}
	return b
}

// startSharing starts the window's background sync and keeps the sharing
// status line up to date.
func (u *UI) startSharing() {
	b := u.sharingBG()
	b.a = u.a
	b.unwatch = u.a.Watch(func(c store.Change) {
		if c.Has("circles") || c.Has("invites") || c.Has("conflicts") || c.Has(store.MembersTable) {
			fyne.Do(u.refreshSharingStatus)
		}
	})
	u.refreshSharingStatus()
	if !backgroundSync {
		return
	}
	b.stopSync = u.a.StartSync(u.ctx)
	// "Synced 2 minutes ago" must move on by itself.
	b.stopTick = make(chan struct{})
	go func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-b.stopTick:
				return
			case <-t.C:
				fyne.Do(u.refreshSharingStatus)
			}
		}
	}()
}

// stopSharing stops the background sync, waiting for it to finish.
func (u *UI) stopSharing() {
	sharingMu.Lock()
	b := sharingBGs[u]
	delete(sharingBGs, u)
	sharingMu.Unlock()
	if b == nil {
		return
	}
	if b.unwatch != nil {
		b.unwatch()
	}
	if b.stopTick != nil {
		close(b.stopTick)
	}
	if b.stopSync != nil {
		b.stopSync()
	}
}

// ensureSharing restarts the background sync when the window now shows
// another data folder (Settings can switch folders).
func (u *UI) ensureSharing() {
	if b := u.sharingBG(); b.a != u.a {
		row := b.row
		u.stopSharing()
		nb := u.sharingBG()
		// Keep the status line already in the window's frame.
		nb.row, nb.icon, nb.label = row, b.icon, b.label
		u.startSharing()
	}
}

func init() {
	homeParts = append(homeParts, sharingSummary)
}

// sharingSummary is Home's line about sharing.
func sharingSummary(u *UI) fyne.CanvasObject {
	u.ensureSharing()
	st, err := u.a.SyncStatus(u.ctx)
	if err != nil || !st.Shared {
		return nil
	}
	ms, _ := u.a.Members(u.ctx)
	var names []string
	for _, m := range ms {
		if !m.You {
			names = append(names, fmt.Sprintf("%s (%s)", m.Name, m.Role))
		}
	}
	line := strings.TrimSuffix(st.Text, ".") + "."
	text := "Sharing: " + line
	if len(names) > 0 {
		text = "Shared with " + strings.Join(names, ", ") + ". " + line
	}
	if st.Conflicts > 0 {
		text += " " + sharingPlural(st.Conflicts, "text needs", "texts need") + " you to choose between two versions: see Sharing."
	}
	return para(text)
}

// sharingStatusBar is the sync status line under the save status; it
// shows only when the plan is shared.
func (u *UI) sharingStatusBar() fyne.CanvasObject { return u.sharingBG().row }

// refreshSharingStatus rereads the sharing status into the status line
// and, when it shows, the Sharing screen.
func (u *UI) refreshSharingStatus() {
	b := u.sharingBG()
	st, err := u.a.SyncStatus(u.ctx)
	if err != nil || !st.Shared {
		b.row.Hide()
	} else {
		text := "Sharing: " + st.Text
		if st.Conflicts > 0 {
			text += " · " + sharingPlural(st.Conflicts, "text needs", "texts need") + " you to choose (Sharing, Ctrl+7)"
		}
		icon := theme.ConfirmIcon()
		switch {
		case st.Removed || st.Problem != "":
			icon = theme.WarningIcon()
		case st.Pending > 0:
			icon = theme.ViewRefreshIcon()
		}
		b.icon.SetResource(icon)
		b.label.SetText(text)
		b.row.Show()
	}
	if v := sharingViewOf(u); v != nil && u.current == "sharing" {
		v.refresh()
	}
}

func sharingPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
