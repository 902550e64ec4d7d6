package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// The role choices, in the words the forms show. The labels are short
// so they fit at any text size; roleHelp explains them.
var roleChoices = []struct {
	role  store.Role
	label string
}{
	{store.RoleEditor, "Editor"},
	{store.RoleCommenter, "Commenter"},
	{store.RoleViewer, "Viewer"},
}

// roleHelp explains the roles in a paragraph that wraps.
func roleHelp() *widget.Label {
	return para("An editor can change the plan, the budget and evidence. A commenter can read everything and add comments. " +
		"A viewer can read everything but change nothing. Only you can invite or remove people.")
}

// inviteForm makes an invite code and shows it, large and as a QR code.
type inviteForm struct {
	v        *sharingView
	box      *fyne.Container
	form     *fyne.Container
	name     *widget.Entry
	role     *widget.RadioGroup
	relayBox *fyne.Container
	relay    *widget.Entry
	make     *widget.Button
	problem  *widget.Label

	panel  *fyne.Container
	title  *widget.Label
	about  *widget.Label
	code   *widget.Label
	server *widget.Label
	qr     *canvas.Image
	done   *widget.Button
	cancel *widget.Button
	made   app.InviteCode
}

func (v *sharingView) newInviteForm() *inviteForm {
	f := &inviteForm{v: v}
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("For example: Aoife")
	var labels []string
	for _, c := range roleChoices {
		labels = append(labels, c.label)
	}
	f.role = widget.NewRadioGroup(labels, nil)
	f.role.Required = true
	f.role.SetSelected(roleChoices[0].label)
	f.relay = widget.NewEntry()
	f.relay.SetPlaceHolder("wss://relay.example.org")
	f.relayBox = container.NewVBox(field("Sharing server",
		"The address of the server that passes sealed messages between you. Your advocacy group or the person who set up OwnPlan for you can tell you it.", f.relay))
	f.problem = para("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	f.make = button("Make an invite code", theme.ContentAddIcon(), true, f.submit)
	f.name.OnSubmitted = func(string) { f.submit() }
	f.form = container.NewVBox(
		subheading("Invite someone"),
		para("OwnPlan makes a one-time code for them. They type it into OwnPlan on their own computer."),
		field("Their name", "", f.name),
		widget.NewLabelWithStyle("What they may do", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		roleHelp(),
		f.role,
		f.relayBox,
		f.problem,
		container.NewHBox(f.make),
	)
	f.title = subheading("")
	f.about = para("")
	f.code = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	f.code.SizeName = theme.SizeNameHeadingText
	f.code.Wrapping = fyne.TextWrapWord
	f.server = para("")
	f.qr = canvas.NewImageFromResource(nil)
	f.qr.FillMode = canvas.ImageFillContain
	f.qr.ScaleMode = canvas.ImageScalePixels
	f.qr.SetMinSize(fyne.NewSize(220, 220))
	f.done = button("Done", theme.ConfirmIcon(), true, f.reset)
	f.cancel = button("Cancel this invite", theme.CancelIcon(), false, f.cancelInvite)
	f.panel = container.NewVBox(
		f.title, f.about, f.code, f.server,
		container.NewHBox(f.qr),
		para("When they have joined, they appear under \"People who can see your plan\" with a safety phrase: "+
			"five words their screen shows too. Read the words to each other. If they are not the same, remove them at once."),
		container.NewHBox(f.done, f.cancel),
	)
	f.panel.Hide()
	f.box = container.NewVBox(f.form, f.panel)
	return f
}

// setShared shows the server field only before the plan is shared.
func (f *inviteForm) setShared(shared bool) {
	if shared {
		f.relayBox.Hide()
	} else {
		f.relayBox.Show()
	}
}

func (f *inviteForm) chosenRole() store.Role {
	for _, c := range roleChoices {
		if c.label == f.role.Selected {
			return c.role
		}
	}
	return ""
}

func (f *inviteForm) fail(msg string, focus fyne.Focusable) {
	f.problem.SetText(msg)
	f.problem.Show()
	if focus != nil {
		f.v.u.win.Canvas().Focus(focus)
	}
}

// submit makes the invite in the background.
func (f *inviteForm) submit() {
	u := f.v.u
	name := strings.TrimSpace(f.name.Text)
	if name == "" {
		f.fail("Please write the name of the person you are inviting.", f.name)
		return
	}
	role := f.chosenRole()
	if role == "" {
		f.fail("Please choose what they may do.", nil)
		return
	}
	req := app.InviteRequest{Name: name, Role: role, Relay: strings.TrimSpace(f.relay.Text)}
	f.problem.Hide()
	f.make.Disable()
	f.make.SetText("Making the code…")
	var made app.InviteCode
	f.v.run(func() (err error) {
		made, err = u.a.Invite(u.ctx, req)
		return err
	}, func(err error) {
		f.make.Enable()
		f.make.SetText("Make an invite code")
		if err != nil {
			f.fail(sharingSentence(err.Error()), f.make)
			return
		}
		f.show(made)
	})
}

// show puts the code on screen, large, with its QR code.
func (f *inviteForm) show(made app.InviteCode) {
	f.made = made
	inv := made.Invite
	f.title.SetText("Invite code for " + inv.Name)
	f.about.SetText(fmt.Sprintf("Read this code to %s, or let them scan the picture with their phone. It works once, until %s. %s will be %s: they %s.",
		inv.Name, inv.Expires.Local().Format("2 January 2006 at 15:04"), inv.Name, sharingArticle(string(inv.Role)), inv.Role.Describe()))
	f.code.SetText(strings.ReplaceAll(made.Short, "-", "  "))
	f.server.SetText("Sharing server: " + strings.TrimPrefix(made.Relay, "wss://"))
	if img, err := app.QRCode(made.Code, 6); err == nil {
		f.qr.Image = img
		f.qr.Resource = nil
		f.qr.Refresh()
	}
	f.form.Hide()
	f.panel.Show()
	f.v.refresh()
	f.v.u.win.Canvas().Focus(f.done)
}

// reset goes back to an empty form.
func (f *inviteForm) reset() {
	f.made = app.InviteCode{}
	f.name.SetText("")
	f.panel.Hide()
	f.form.Show()
	f.v.u.win.Canvas().Focus(f.name)
}

func (f *inviteForm) cancelInvite() {
	id := f.made.Invite.ID
	f.v.cancelInvite(id, f.made.Invite.Name, f.reset)
}

// cancelInvite stops an invite from working.
func (v *sharingView) cancelInvite(id, name string, after func()) {
	u := v.u
	v.run(func() error {
		_, err := u.a.CancelInvite(u.ctx, id)
		return err
	}, func(err error) {
		v.showProblem(err)
		if err == nil && after != nil {
			after()
		}
		v.refresh()
	})
}
