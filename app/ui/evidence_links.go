package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// evidenceFor returns a small "Evidence for this" panel for the plan,
// assessment and budget screens: the documents linked to a plan section
// (kind "plan-section", its key), an outcome ("outcome", its key) or a
// budget transaction ("transaction", its ID), each with a button to open
// it on the Evidence screen, and "Add evidence…" to keep a new document
// already linked.
func (u *UI) evidenceFor(kind, id string) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle("Evidence for this", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	items, err := u.a.EvidenceFor(u.ctx, kind, id)
	if err != nil {
		box.Add(para("OwnPlan could not read the evidence: " + err.Error()))
		return box
	}
	if len(items) == 0 {
		box.Add(para("No letters or reports linked yet."))
	}
	for _, it := range items {
		itemID := it.ID
		line := it.Title
		if !it.LetterDate.IsZero() {
			line += ", " + app.FormatEvidenceDate(it.LetterDate)
		}
		open := button("Open", theme.DocumentIcon(), false, func() {
			u.show("evidence")
			u.ev().show(evDetail, itemID)
		})
		box.Add(container.NewVBox(para(line), container.NewHBox(open)))
	}
	link := store.EvidenceLink{TargetKind: kind, TargetID: id}
	add := button("Add evidence…", theme.ContentAddIcon(), false, func() {
		u.show("evidence")
		u.ev().pickFiles(&link)
	})
	box.Add(container.NewHBox(add))
	return widget.NewCard("", "", box)
}
