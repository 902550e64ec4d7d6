package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
	ownsync "github.com/ownplan/ownplan/sync"
)

// fillMembers lists the circle's members and the invites not used yet.
func (v *sharingView) fillMembers(st ownsync.Status) {
	u := v.u
	v.members.Objects = nil
	v.invites.Objects = nil
	v.removeButtons = map[string]*widget.Button{}
	v.roleSelects = map[string]*widget.Select{}
	defer v.members.Refresh()
	defer v.invites.Refresh()
	if !st.Shared {
		return
	}
	ms, err := u.a.Members(u.ctx)
	if err != nil {
		v.members.Add(para("OwnPlan could not read who the plan is shared with: " + err.Error()))
		return
	}
	owner := st.Role == store.RoleOwner && !st.Removed
	v.members.Add(subheading("People who can see your plan"))
	for _, m := range ms {
		v.members.Add(v.memberCard(m, owner))
	}
	if !owner {
		return
	}
	invs, _ := u.a.Invites(u.ctx)
	var waiting []store.Invite
	for _, i := range invs {
		if i.State(time.Now()) == store.InviteWaiting {
			waiting = append(waiting, i)
		}
	}
	if len(waiting) == 0 {
		return
	}
	v.invites.Add(subheading("Invites not used yet"))
	for _, i := range waiting {
		i := i
		cancel := button("Cancel this invite", theme.CancelIcon(), false, func() { v.cancelInvite(i.ID, i.Name, nil) })
		v.invites.Add(widget.NewCard("", "", container.NewVBox(
			widget.NewLabelWithStyle(i.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			para(fmt.Sprintf("As %s. The code works until %s.", sharingArticle(string(i.Role)), i.Expires.Local().Format("2 January 2006 at 15:04"))),
			container.NewHBox(cancel),
		)))
	}
}

func (v *sharingView) memberCard(m app.Member, owner bool) fyne.CanvasObject {
	name := m.Name
	if m.You {
		name += " (you)"
	}
	box := container.NewVBox(
		widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		para(sharingSentence(string(m.Role))+": "+m.Role.Describe()+"."),
	)
	if !m.LastSeen.IsZero() {
		box.Add(para("Last heard from " + ownsync.Ago(time.Since(m.LastSeen)) + "."))
	}
	if m.SafetyPhrase != "" {
		box.Add(para("Safety phrase: " + m.SafetyPhrase))
	}
	if owner && !m.You && m.Role != store.RoleOwner {
		var labels []string
		current := ""
		for _, c := range roleChoices {
			labels = append(labels, c.label)
			if c.role == m.Role {
				current = c.label
			}
		}
		sel := widget.NewSelect(labels, nil)
		sel.SetSelected(current)
		sel.OnChanged = func(label string) {
			for _, c := range roleChoices {
				if c.label == label && c.role != m.Role {
					v.setRole(m.Device, c.role)
				}
			}
		}
		remove := button("Remove", theme.DeleteIcon(), false, func() { v.confirmRemove(m.Device, m.Name) })
		v.removeButtons[m.Device] = remove
		v.roleSelects[m.Device] = sel
		box.Add(widget.NewLabelWithStyle("What "+m.Name+" may do", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(sel)
		box.Add(container.NewHBox(remove))
	}
	return widget.NewCard("", "", box)
}

func (v *sharingView) setRole(device string, role store.Role) {
	u := v.u
	v.run(func() error {
		_, err := u.a.SetMemberRole(u.ctx, device, role)
		if err == nil {
			_, err = u.a.SyncNow(u.ctx)
		}
		return err
	}, func(err error) {
		v.showProblem(err)
		v.refresh()
	})
}

func (v *sharingView) confirmRemove(device, name string) {
	dialog.ShowConfirm("Stop sharing with "+name+"?",
		name+" keeps what they already have, but gets nothing new from now on.", func(ok bool) {
			if ok {
				v.remove(device)
			}
		}, v.u.win)
}

// remove revokes a member in the background.
func (v *sharingView) remove(device string) {
	u := v.u
	v.run(func() error {
		_, err := u.a.Revoke(u.ctx, device)
		return err
	}, func(err error) {
		v.showProblem(err)
		v.refresh()
	})
}
