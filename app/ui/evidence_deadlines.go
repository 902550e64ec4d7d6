package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// evidenceDeadlines is the Deadlines view.
type evidenceDeadlines struct {
	calendar *widget.Button
	cards    []*evidenceDeadlineCard
}

// evidenceDeadlineCard holds one deadline's buttons.
type evidenceDeadlineCard struct {
	deadline app.Deadline
	open     *widget.Button
	act      *widget.Button // "Mark as done" or "Add to my deadlines"
}

func (s *evidenceScreen) buildDeadlines() fyne.CanvasObject {
	u := s.u
	v := &evidenceDeadlines{}
	s.deadline = v
	v.calendar = button("Save as a calendar file…", theme.DocumentSaveIcon(), false, s.saveCalendar)
	box := container.NewVBox(
		para("Dates to reply, appeal or act by, soonest first. Suggested dates come from the usual time limits: "+
			"a plan review at least every 12 months, and 12 months to complain to the council or go to the Ombudsman."),
		u.evRow(v.calendar),
	)
	ds, err := u.a.Deadlines(u.ctx, store.Today())
	if err != nil {
		box.Add(para("OwnPlan could not read your deadlines: " + err.Error()))
		return box
	}
	shown := 0
	for _, d := range ds {
		if d.Done {
			continue
		}
		shown++
		box.Add(s.deadlineCard(v, d))
	}
	if shown == 0 {
		box.Add(para("No deadlines. When a letter asks for an answer by a date, open it under Documents and add the date."))
	}
	return box
}

func (s *evidenceScreen) deadlineCard(v *evidenceDeadlines, d app.Deadline) fyne.CanvasObject {
	u := s.u
	c := &evidenceDeadlineCard{deadline: d}
	v.cards = append(v.cards, c)
	when := evStrong(fmt.Sprintf("%s (%s)", app.FormatEvidenceDate(d.Date), d.When()))
	if d.DaysLeft <= app.DeadlineSoonDays() && !d.Suggested {
		when.Importance = widget.WarningImportance
	}
	title := d.Title
	if d.Suggested {
		title = "Suggested: " + title
	}
	box := container.NewVBox(when, para(title), para(d.Why), para("Document: "+d.ItemTitle))
	id := d.ItemID
	c.open = button("Open the document", theme.DocumentIcon(), false, func() { s.show(evDetail, id) })
	if d.Suggested {
		c.act = button("Add to my deadlines", theme.ConfirmIcon(), false, func() {
			if err := u.a.AcceptDeadline(u.ctx, d); err != nil {
				s.fail(err)
				return
			}
			s.show(evDeadlines, "")
			s.say("Added to your deadlines.")
		})
	} else {
		c.act = button("Mark as done", theme.ConfirmIcon(), false, func() {
			if err := u.a.SetDeadlineDone(u.ctx, id, true); err != nil {
				s.fail(err)
				return
			}
			s.show(evDeadlines, "")
			s.offerUndo(fmt.Sprintf("Marked “%s” as done.", d.Title), func() error {
				if err := u.a.SetDeadlineDone(u.ctx, id, false); err != nil {
					return err
				}
				s.show(evDeadlines, "")
				return nil
			})
		})
	}
	box.Add(u.evRow(c.open, c.act))
	return widget.NewCard("", "", box)
}

// saveCalendar asks where to save the deadlines as an iCalendar file.
func (s *evidenceScreen) saveCalendar() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		p := w.URI().Path()
		w.Close()
		s.saveCalendarTo(p)
	}, s.u.win)
	d.SetFileName("OwnPlan deadlines.ics")
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

func (s *evidenceScreen) saveCalendarTo(p string) {
	if !strings.EqualFold(filepath.Ext(p), ".ics") {
		p += ".ics"
	}
	var n int
	s.run("Saving the calendar…", func() error {
		var err error
		n, err = s.u.a.WriteDeadlinesICS(s.u.ctx, p)
		return err
	}, func() {
		s.say(fmt.Sprintf("Saved %d deadlines in %s. Open it with your calendar to add them; each has a reminder a week before.", n, p))
	})
}

// evidenceBin is the Bin view.
type evidenceBin struct {
	restore map[string]*widget.Button
	empty   *widget.Button
}

func (s *evidenceScreen) buildBin() fyne.CanvasObject {
	u := s.u
	v := &evidenceBin{restore: map[string]*widget.Button{}}
	s.bin = v
	box := container.NewVBox(para("Documents you move to the bin wait here until you empty it. Bring them back at any time before then."))
	items, err := u.a.EvidenceList(u.ctx, app.EvidenceFilter{InBin: true})
	if err != nil {
		box.Add(para("OwnPlan could not read the bin: " + err.Error()))
		return box
	}
	if len(items) == 0 {
		box.Add(para("The bin is empty."))
	}
	for _, it := range items {
		id := it.ID
		b := button("Bring back", theme.ContentUndoIcon(), false, func() {
			if err := u.a.RestoreEvidence(u.ctx, id); err != nil {
				s.fail(err)
				return
			}
			s.show(evBin, "")
			s.say("Brought it back. It is under Documents again.")
		})
		v.restore[id] = b
		box.Add(widget.NewCard("", "", container.NewVBox(evStrong(it.Title), para(evidenceFacts(it)), container.NewHBox(b))))
	}
	v.empty = button("Empty the bin…", theme.DeleteIcon(), false, func() {
		dialog.ShowConfirm("Empty the bin?",
			fmt.Sprintf("This removes %s for good, with their files. It cannot be undone.", evCountDocs(len(items))),
			func(ok bool) {
				if ok {
					s.emptyBin()
				}
			}, u.win)
	})
	v.empty.Importance = widget.DangerImportance
	if len(items) == 0 {
		v.empty.Disable()
	}
	box.Add(u.evRow(v.empty))
	return box
}

func (s *evidenceScreen) emptyBin() {
	var res store.EmptiedBin
	s.run("Emptying the bin…", func() error {
		var err error
		res, err = s.u.a.EmptyEvidenceBin(s.u.ctx)
		return err
	}, func() {
		s.show(evBin, "")
		s.say(fmt.Sprintf("Removed %s for good and freed %s.", evCountDocs(res.Items), app.FormatSize(res.Bytes)))
	})
}
