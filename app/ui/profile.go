package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/store"
)

// profileForm holds the About me screen's controls.
type profileForm struct {
	entries map[string]*textBox
	saver   *autosaver
	people  *fyne.Container
	undo    *fyne.Container
	cards   []*personCard
}

// profileScreen is the About me screen: the person's details and the
// people who matter to them. Every field saves itself as the person types.
func (u *UI) profileScreen() fyne.CanvasObject {
	p, _, err := u.a.Profile(u.ctx)
	if err != nil {
		return para("OwnPlan could not read your details: " + err.Error())
	}
	f := &profileForm{entries: map[string]*textBox{}}
	u.profile = f
	f.saver = u.newSaver(func() func() error {
		next := p
		for _, fld := range store.ProfileFields {
			// A value that does not make sense yet (half an NHS number)
			// keeps the last good one; the field shows why.
			if err := next.Set(fld.Key, f.entries[fld.Key].Text); err != nil {
				continue
			}
		}
		p = next
		return func() error { return u.a.SaveProfile(u.ctx, next) }
	})
	form := container.NewVBox()
	for _, fld := range store.ProfileFields {
		fld := fld
		rows := 1
		if fld.Long {
			rows = 3
		}
		v, _ := p.Show(fld.Key)
		e := u.newTextBox(v, "", rows)
		e.Validator = func(s string) error {
			if fld.Key == "name" && strings.TrimSpace(s) == "" {
				return fmt.Errorf("please give a name; it can be just a first name")
			}
			var scratch store.Profile
			return scratch.Set(fld.Key, s)
		}
		e.OnChanged = func(string) { f.saver.changed() }
		f.entries[fld.Key] = e
		form.Add(fieldFor(fld.Label, fld.Hint, e, &e.Entry))
	}
	f.people = container.NewVBox()
	f.undo = container.NewVBox()
	u.fillPeople(f)
	add := button("Add someone", theme.ContentAddIcon(), false, func() {
		c := u.newPersonCard(f, store.Person{})
		f.people.Add(c.card)
		u.win.Canvas().Focus(c.name)
	})
	return container.NewVBox(
		heading("About me"),
		para("The details councils ask for on every form. Fill in what you can: everything saves as you type."),
		form,
		widget.NewSeparator(),
		subheading("People who matter to me"),
		para("Family, friends, personal assistants, an advocate, a social worker: the people in your life your plan should mention."),
		f.undo,
		f.people,
		container.NewHBox(add),
	)
}

func (u *UI) fillPeople(f *profileForm) {
	f.people.RemoveAll()
	f.cards = nil
	people, err := u.a.People(u.ctx)
	if err != nil {
		f.people.Add(para("OwnPlan could not read the people who matter to you: " + err.Error()))
		return
	}
	for _, p := range people {
		f.people.Add(u.newPersonCard(f, p).card)
	}
}

// personCard edits one person who matters.
type personCard struct {
	card                              *widget.Card
	name, relationship, contact, note *textBox
	remove                            *widget.Button
	saver                             *autosaver
}

func (u *UI) newPersonCard(f *profileForm, p store.Person) *personCard {
	c := &personCard{}
	entry := func(v, placeholder string) *textBox {
		e := u.newTextBox(v, placeholder, 1)
		e.OnChanged = func(string) { c.saver.changed() }
		return e
	}
	c.name = entry(p.Name, "Their name")
	c.relationship = entry(p.Relationship, "For example: sister, personal assistant, advocate")
	c.contact = entry(p.Contact, "Phone or email")
	c.note = entry(p.Notes, "Anything else worth knowing")
	id := p.ID
	c.saver = u.newSaver(func() func() error {
		person := store.Person{ID: id, Name: c.name.Text, Relationship: c.relationship.Text, Contact: c.contact.Text, Notes: c.note.Text}
		if id == "" {
			// Claim the ID now, on the UI goroutine, so that a second save
			// updates this person instead of adding them twice.
			id = store.NewID()
			person.ID = id
		}
		return func() error {
			_, err := u.a.SavePerson(u.ctx, person)
			return err
		}
	})
	c.remove = button("Remove", theme.DeleteIcon(), false, func() {
		c.saver.Flush()
		c.saver.Wait()
		if id != "" {
			if err := u.a.DeletePerson(u.ctx, id); err != nil {
				u.reportSave(stateFailed, err)
				return
			}
		}
		f.people.Remove(c.card)
		u.offerUndo(f, id, c.name.Text)
	})
	c.card = widget.NewCard("", "", container.NewVBox(
		fieldFor("Name", "", c.name, &c.name.Entry),
		fieldFor("Who they are to me", "", c.relationship, &c.relationship.Entry),
		fieldFor("Contact", "", c.contact, &c.contact.Entry),
		fieldFor("Notes", "", c.note, &c.note.Entry),
		container.NewHBox(c.remove),
	))
	f.cards = append(f.cards, c)
	return c
}

// offerUndo shows "Removed Sam. Undo" until the person leaves the screen.
func (u *UI) offerUndo(f *profileForm, id, name string) {
	f.undo.RemoveAll()
	if id == "" {
		return
	}
	if name == "" {
		name = "that person"
	}
	undo := button("Undo", theme.ContentUndoIcon(), false, func() {
		if err := u.a.UndeletePerson(u.ctx, id); err != nil {
			u.reportSave(stateFailed, err)
			return
		}
		f.undo.RemoveAll()
		u.fillPeople(f)
	})
	f.undo.Add(container.NewHBox(widget.NewLabel("Removed "+name+"."), undo))
	u.win.Canvas().Focus(undo)
}
