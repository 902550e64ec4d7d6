package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// partList edits one structured part of the plan as a list of cards:
// add, change (saved as the person types), remove with Undo.
type partList struct {
	v     *planView
	kind  string // outcome, support, risk or action
	noun  string // "outcome", for buttons and messages
	cards *fyne.Container
	undo  *fyne.Container
	add   *pushButton
	items []*partCard
	// load reads the list; card makes the card for one record (nil for
	// a new one).
	load func() ([]any, error)
	card func(rec any) *partCard
}

// partCard is one entry of a partList.
type partCard struct {
	id     string // empty until first saved; claimed on the UI goroutine
	box    fyne.CanvasObject
	fields map[string]*textBox
	ticks  map[string]*optionRow
	choose *chooser
	remove *pushButton
	saver  *autosaver
	label  func() string // names the entry in "Removed …"
	first  fyne.Focusable
}

func (v *planView) newPartList(kind, noun, addLabel string, load func() ([]any, error), card func(rec any) *partCard) *partList {
	pl := &partList{v: v, kind: kind, noun: noun, cards: container.NewVBox(), undo: container.NewVBox(), load: load, card: card}
	pl.add = v.u.newButton(addLabel, theme.ContentAddIcon(), false, func() {
		c := pl.card(nil)
		pl.attach(c)
		if c.first != nil {
			v.u.win.Canvas().Focus(c.first)
		}
	})
	pl.reload()
	v.parts = append(v.parts, pl)
	return pl
}

// object lays the list out.
func (pl *partList) object(title, intro string) fyne.CanvasObject {
	return container.NewVBox(subheading(title), para(intro), pl.undo, pl.cards, container.NewHBox(pl.add))
}

// reload rebuilds the cards from the data folder.
func (pl *partList) reload() {
	pl.cards.RemoveAll()
	pl.items = nil
	recs, err := pl.load()
	if err != nil {
		pl.cards.Add(para("OwnPlan could not read this part of your plan: " + err.Error()))
		return
	}
	for _, r := range recs {
		pl.attach(pl.card(r))
	}
}

// attach adds a card to the list with its Remove button.
func (pl *partList) attach(c *partCard) {
	u := pl.v.u
	c.remove = u.newButton("Remove this "+pl.noun, theme.DeleteIcon(), false, nil)
	var wrapped *frame
	c.remove.OnTapped = func() {
		c.saver.Flush()
		c.saver.Wait()
		if c.id != "" {
			if err := u.a.RemovePlanItem(u.ctx, pl.kind, c.id); err != nil {
				u.reportSave(stateFailed, err)
				return
			}
		}
		pl.cards.Remove(wrapped)
		for i, it := range pl.items {
			if it == c {
				pl.items = append(pl.items[:i], pl.items[i+1:]...)
				break
			}
		}
		pl.v.refreshMarks()
		pl.offerUndo(c)
	}
	wrapped = newFrame(container.NewVBox(c.box, container.NewHBox(c.remove)))
	pl.cards.Add(wrapped)
	pl.items = append(pl.items, c)
}

// offerUndo shows "Removed … Undo" with the focus on Undo.
func (pl *partList) offerUndo(c *partCard) {
	u := pl.v.u
	pl.undo.RemoveAll()
	if c.id == "" {
		u.win.Canvas().Focus(pl.add)
		return
	}
	name := strings.TrimSpace(c.label())
	if name == "" {
		name = "the " + pl.noun
	} else {
		name = "“" + shortText(name) + "”"
	}
	id := c.id
	undo := u.newButton("Undo", theme.ContentUndoIcon(), false, func() {
		if err := u.a.RestorePlanItem(u.ctx, pl.kind, id); err != nil {
			u.reportSave(stateFailed, err)
			return
		}
		pl.undo.RemoveAll()
		pl.reload()
		pl.v.refreshMarks()
	})
	pl.undo.Add(container.NewBorder(nil, nil, nil, undo, para("Removed "+name+".")))
	u.win.Canvas().Focus(undo)
}

// cardField adds a labelled text box to a card.
func (c *partCard) cardField(u *UI, box *fyne.Container, key, label, value, placeholder string, rows int) *textBox {
	e := u.newTextBox(value, placeholder, rows)
	e.OnChanged = func(string) { c.saver.changed() }
	c.fields[key] = e
	box.Add(boldLabel(label))
	box.Add(e)
	if c.first == nil {
		c.first = e
	}
	return e
}

// newCard starts a card whose saver calls collect, which returns the
// write for the card's record with the given ID, or nil when there is
// nothing to save yet.
func (v *planView) newCard(collect func(id string) func() error) *partCard {
	c := &partCard{fields: map[string]*textBox{}, ticks: map[string]*optionRow{}}
	c.saver = v.u.newSaver(func() func() error {
		id := c.id
		if id == "" {
			id = store.NewID()
		}
		write := collect(id)
		if write == nil {
			return func() error { return nil }
		}
		// Claim the ID now, on the UI goroutine, so a second save
		// changes this entry instead of adding it twice.
		c.id = id
		return func() error {
			if err := write(); err != nil {
				return err
			}
			v.afterWrite()
			return nil
		}
	})
	return c
}

// partEditor returns the editor of one structured part.
func (v *planView) partEditor(part string, p app.Plan) fyne.CanvasObject {
	switch part {
	case plan.PartProfile:
		return v.profileEditor(p)
	case plan.PartOutcomes:
		return v.outcomesEditor()
	case plan.PartSupport:
		return v.supportEditor()
	case plan.PartBudget:
		return v.budgetEditor(p)
	case plan.PartRisks:
		return v.risksEditor()
	case plan.PartActions:
		return v.actionsEditor()
	}
	return nil
}

// shortText keeps a name to about 50 characters.
func shortText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= 50 {
		return s
	}
	return string(r[:49]) + "…"
}

// boxField lays out a labelled text box with its hint, and the reason a
// value is not accepted under it in plain words, like field.
func boxField(label, hint string, e *textBox) fyne.CanvasObject {
	box := container.NewVBox(boldLabel(label))
	if hint != "" {
		box.Add(para(hint))
	}
	box.Add(e)
	if e.Validator != nil {
		problem := para("")
		problem.Importance = widget.DangerImportance
		problem.Hide()
		e.SetOnValidationChanged(func(err error) {
			if err == nil {
				problem.Hide()
				return
			}
			problem.SetText(err.Error())
			problem.Show()
		})
		box.Add(problem)
	}
	return box
}
