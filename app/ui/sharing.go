package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/store"
)

func init() {
	registerScreen(screenDef{key: "sharing", label: "Sharing", icon: theme.MailForwardIcon, order: 70, key1: fyne.Key7, build: (*UI).sharingScreen})
}

// sharingView is the Sharing screen: the sync status, who the plan is
// shared with, inviting someone, joining someone's plan, and conflicts.
type sharingView struct {
	u *UI
	// busy counts work running in the background (tests wait for it).
	busy sync.WaitGroup

	status     *widget.Label
	details    *fyne.Container
	syncNow    *widget.Button
	members    *fyne.Container
	invites    *fyne.Container
	inviteBox  *fyne.Container
	joinBox    *fyne.Container
	conflicts  *fyne.Container
	invite     *inviteForm
	join       *joinForm
	conflictUI []*conflictCard
	problem    *widget.Label
	// memberButtons are the Remove buttons and role choices by device ID.
	removeButtons map[string]*widget.Button
	roleSelects   map[string]*widget.Select
}

var sharingViews = map[*UI]*sharingView{}

func sharingViewOf(u *UI) *sharingView {
	sharingMu.Lock()
	defer sharingMu.Unlock()
	return sharingViews[u]
}

// sharingAsync runs the screen's network work off the UI goroutine. The
// headless test driver runs fyne.Do at once on the calling goroutine, so
// tests switch it off and the work runs in turn instead.
var sharingAsync = true

// run does slow work (the network) off the UI goroutine, then done on it.
func (v *sharingView) run(work func() error, done func(error)) {
	if !sharingAsync {
		done(work())
		return
	}
	v.busy.Add(1)
	go func() {
		defer v.busy.Done()
		err := work()
		fyne.Do(func() { done(err) })
	}()
}

// wait waits for background work to finish (for tests).
func (v *sharingView) wait() { v.busy.Wait() }

func (u *UI) sharingScreen() fyne.CanvasObject {
	v := &sharingView{u: u}
	sharingMu.Lock()
	sharingViews[u] = v
	sharingMu.Unlock()
	v.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.status.Wrapping = fyne.TextWrapWord
	v.details = container.NewVBox()
	v.problem = para("")
	v.problem.Importance = widget.DangerImportance
	v.problem.Hide()
	v.syncNow = button("Sync now", theme.ViewRefreshIcon(), false, v.doSync)
	v.members = container.NewVBox()
	v.invites = container.NewVBox()
	v.conflicts = container.NewVBox()
	v.invite = v.newInviteForm()
	v.join = v.newJoinForm()
	v.inviteBox = container.NewVBox(v.invite.box)
	v.joinBox = container.NewVBox(v.join.box)
	v.refresh()
	intro := container.NewVBox(
		heading("Sharing"),
		para("Share your plan with people you trust, such as a family carer, an advocate or a support broker. "+
			"You choose what each person may do, and you can stop sharing at any time."),
		para("Everything is sealed on this computer before it leaves: the sharing server passes it on but cannot read it."),
	)
	status := widget.NewCard("", "", container.NewVBox(v.status, v.details, v.problem, container.NewHBox(v.syncNow)))
	if _, has, _ := u.a.Profile(u.ctx); !has {
		// Someone with no plan of their own is here to join one: that
		// comes first, and they start typing the code straight away.
		v.inviteBox.Hide()
		if v.joinBox.Visible() {
			fyne.Do(func() { u.win.Canvas().Focus(v.join.code) })
		}
		return container.NewVBox(intro, v.joinBox, status, v.conflicts, v.members)
	}
	return container.NewVBox(intro, status, v.conflicts, v.members, v.invites, v.inviteBox, v.joinBox)
}

// refresh redraws the parts that change by themselves (status, members,
// invites, conflicts), leaving anything being typed alone.
func (v *sharingView) refresh() {
	u := v.u
	st, err := u.a.SyncStatus(u.ctx)
	if err != nil {
		v.status.SetText("OwnPlan could not read the sharing details: " + err.Error())
		return
	}
	v.status.SetText(st.Text)
	v.details.Objects = nil
	if st.Shared {
		if st.Role != store.RoleOwner {
			v.details.Add(para("This is " + st.OwnerName + "'s plan. You are " + sharingArticle(string(st.Role)) + ": you " + st.Role.Describe() + "."))
		}
		v.details.Add(para("Sharing server: " + st.Relay))
		if st.Parked > 0 {
			v.details.Add(para(sharingPlural(st.Parked, "change", "changes") + " came from a newer version of OwnPlan. They are kept, and appear when you update OwnPlan."))
		}
		if st.Held > 0 {
			v.details.Add(para(sharingPlural(st.Held, "batch of changes waits", "batches of changes wait") + " for the owner's computer to confirm a new member. They are kept."))
		}
		for _, r := range st.Refused {
			v.details.Add(para("Not accepted: " + sharingPlural(r.Changes, "change", "changes") + " on " + r.Received.Local().Format("2 January 2006") + ", because " + r.Reason + "."))
		}
	}
	v.details.Refresh()
	if st.Shared && !st.Removed {
		v.syncNow.Show()
	} else {
		v.syncNow.Hide()
	}
	v.fillConflicts()
	v.fillMembers(st)
	owner := !st.Shared || st.Role == store.RoleOwner
	_, hasPlan, _ := u.a.Profile(u.ctx)
	if owner && !st.Removed && hasPlan {
		v.invite.setShared(st.Shared)
		v.inviteBox.Show()
	} else {
		v.inviteBox.Hide()
	}
	if st.Shared {
		v.joinBox.Hide()
	} else {
		v.joinBox.Show()
	}
}

func sharingArticle(word string) string {
	if word != "" && (word[0] == 'a' || word[0] == 'e' || word[0] == 'i' || word[0] == 'o' || word[0] == 'u') {
		return "an " + word
	}
	return "a " + word
}

// doSync runs a sync round now.
func (v *sharingView) doSync() {
	v.syncNow.Disable()
	v.status.SetText("Syncing…")
	v.run(func() error {
		_, err := v.u.a.SyncNow(v.u.ctx)
		return err
	}, func(err error) {
		v.syncNow.Enable()
		v.showProblem(err)
		v.refresh()
	})
}

func (v *sharingView) showProblem(err error) {
	if err == nil {
		v.problem.Hide()
		return
	}
	v.problem.SetText(sharingSentence(err.Error()))
	v.problem.Show()
}

// sentence starts a message with a capital letter.
func sharingSentence(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}
