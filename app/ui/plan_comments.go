package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// commentsPanel shows the comments on one section, lets the person add
// one, and resolve or reopen each.
type commentsPanel struct {
	v       *planView
	section string
	box     *fyne.Container
	list    *fyne.Container
	entry   *textBox
	add     *pushButton
	problem *widget.Label
	// toggles are the Resolve/Reopen buttons by comment ID, for tests.
	toggles map[string]*pushButton
}

func (v *planView) newCommentsPanel(section string) *commentsPanel {
	u := v.u
	c := &commentsPanel{v: v, section: section, list: container.NewVBox(), toggles: map[string]*pushButton{}}
	c.entry = u.newTextBox("", "Write a comment or a question about this part", 3)
	c.problem = para("")
	c.problem.Importance = widget.DangerImportance
	c.problem.Hide()
	c.add = u.newButton("Add comment", theme.MailSendIcon(), false, c.submit)
	c.box = container.NewVBox(
		subheading("Comments"),
		note("Notes on this part, from you or from someone you share your plan with. Resolve a comment when it has been dealt with."),
		c.list,
		c.entry,
		c.problem,
		container.NewHBox(c.add),
	)
	c.refresh()
	return c
}

// submit adds the comment typed.
func (c *commentsPanel) submit() {
	u := c.v.u
	body := c.entry.Text
	if strings.TrimSpace(body) == "" {
		c.problem.SetText("Write something in the comment first.")
		c.problem.Show()
		u.win.Canvas().Focus(c.entry)
		return
	}
	if _, err := u.a.AddComment(u.ctx, store.Comment{Section: c.section, Body: body}); err != nil {
		c.problem.SetText("Your comment was not added: " + err.Error())
		c.problem.Show()
		return
	}
	c.problem.Hide()
	c.entry.SetText("")
	c.refresh()
	u.win.Canvas().Focus(c.entry)
}

// refresh redraws the list from the data folder: also when a supporter's
// comment arrives by sync.
func (c *commentsPanel) refresh() {
	u := c.v.u
	c.list.RemoveAll()
	c.toggles = map[string]*pushButton{}
	cs, err := u.a.Comments(u.ctx, c.section)
	if err != nil {
		c.list.Add(para("OwnPlan could not read the comments: " + err.Error()))
		return
	}
	if len(cs) == 0 {
		c.list.Add(note("No comments on this part yet."))
	}
	for _, cm := range cs {
		cm := cm
		state := "Open"
		label, icon := "Resolve", theme.ConfirmIcon()
		if cm.Resolved {
			state, label, icon = "Resolved", "Reopen", theme.ContentUndoIcon()
		}
		author := cm.AuthorName
		if author == "" {
			author = "Someone"
		}
		toggle := u.newButton(label, icon, false, func() {
			if err := u.a.SetCommentResolved(u.ctx, cm.ID, !cm.Resolved); err != nil {
				c.problem.SetText(err.Error())
				c.problem.Show()
				return
			}
			c.refresh()
			if b := c.toggles[cm.ID]; b != nil {
				u.win.Canvas().Focus(b)
			}
		})
		c.toggles[cm.ID] = toggle
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s, %s · %s", author, app.HumanDate(store.DateOf(cm.Created.Local())), state),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		body := para(cm.Body)
		if cm.Resolved {
			body.TextStyle.Italic = true
		}
		c.list.Add(newFrame(container.NewVBox(head, body, container.NewHBox(toggle))))
	}
}
