package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// evidenceDetail is one document's details, files and links. The
// details save themselves as the person types.
type evidenceDetail struct {
	item     store.EvidenceItem
	back     *widget.Button
	title    *widget.Entry
	kind     *widget.Select
	from     *widget.Entry
	letter   *widget.Entry
	received *widget.Entry
	ref      *widget.Entry
	tags     *widget.Entry
	notes    *widget.Entry
	deadline *widget.Entry
	dlKind   *widget.Select
	done     *widget.Check
	shared   *widget.Check
	saver    *autosaver
	files    map[string]*evidenceFileRow
	addFile  *widget.Button
	link     *widget.Button
	unlink   map[string]*widget.Button
	accept   []*widget.Button
	bin      *widget.Button
}

// evidenceFileRow holds one file's buttons.
type evidenceFileRow struct {
	file                       store.EvidenceFile
	open, folder, save, remove *widget.Button
}

func (s *evidenceScreen) buildDetail(id string) fyne.CanvasObject {
	u := s.u
	it, err := u.a.EvidenceItem(u.ctx, id)
	if err != nil {
		s.detail = nil
		return container.NewVBox(para("This document is no longer here: "+err.Error()),
			container.NewHBox(button("Back to all documents", theme.NavigateBackIcon(), false, func() { s.show(evList, "") })))
	}
	d := &evidenceDetail{item: it, files: map[string]*evidenceFileRow{}, unlink: map[string]*widget.Button{}}
	s.detail = d
	d.back = button("Back to all documents", theme.NavigateBackIcon(), false, func() { s.show(evList, "") })

	entry := func(v, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(v)
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { d.saver.changed() }
		return e
	}
	dateEntry := func(v store.Date) *widget.Entry {
		e := entry(evDateText(v), "For example 23/11/2026")
		e.Validator = func(s string) error {
			_, err := evParseDate(s)
			return err
		}
		return e
	}
	d.title = entry(it.Title, "Such as “Budget decision”")
	d.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("please give it a title, so you can find it")
		}
		return nil
	}
	var kinds []string
	for _, k := range app.EvidenceKinds {
		kinds = append(kinds, k.Label)
	}
	d.kind = widget.NewSelect(kinds, nil)
	d.kind.SetSelected(app.EvidenceKindLabel(it.Kind))
	d.kind.OnChanged = func(string) { d.saver.changed() }
	d.from = entry(it.From, "Such as the council")
	d.letter = dateEntry(it.LetterDate)
	d.received = dateEntry(it.Received)
	d.ref = entry(it.Reference, "")
	d.tags = entry(strings.Join(it.Tags, ", "), "Such as: money, council")
	d.notes = widget.NewMultiLineEntry()
	d.notes.Wrapping = fyne.TextWrapWord
	d.notes.SetMinRowsVisible(3)
	d.notes.SetText(it.Notes)
	d.notes.OnChanged = func(string) { d.saver.changed() }
	d.deadline = dateEntry(it.Deadline)
	var dlKinds []string
	for _, k := range app.DeadlineKinds() {
		dlKinds = append(dlKinds, k.Label)
	}
	d.dlKind = widget.NewSelect(dlKinds, nil)
	if it.DeadlineKind != "" {
		d.dlKind.SetSelected(app.DeadlineKindLabel(it.DeadlineKind))
	} else {
		d.dlKind.SetSelected(app.DeadlineKindLabel(app.DeadlineReplyBy))
	}
	d.dlKind.OnChanged = func(string) { d.saver.changed() }
	d.done = widget.NewCheck("I have dealt with this", func(bool) { d.saver.changed() })
	d.done.SetChecked(it.DeadlineDone)
	d.shared = widget.NewCheck("Share with my circle", func(bool) { d.saver.changed() })
	d.shared.SetChecked(it.Shared)
	d.saver = u.newSaver(func() func() error {
		next := d.collect()
		d.item = next
		return func() error { return u.a.SaveEvidence(u.ctx, next) }
	})

	d.addFile = button("Add another file…", theme.ContentAddIcon(), false, func() { s.pickFiles(nil) })
	d.link = button("Link to my plan…", theme.MailAttachmentIcon(), false, s.chooseLink)
	d.bin = button("Move to the bin", theme.DeleteIcon(), false, s.binOpen)

	box := container.NewVBox(
		u.evRow(d.back),
		subheading("About this document"),
		field("Title", "", d.title),
		evLabelled("Kind", "", d.kind),
		field("Who it is from", "", d.from),
		field("Date on the letter", "As it is written on the letter, for example 2/11/2026 or 2 November 2026.", d.letter),
		field("Date you received it", "", d.received),
		field("Reference", "The reference number on the letter, if it has one.", d.ref),
		field("Tags", "Words to find it by, separated by commas.", d.tags),
		field("Notes", "Anything worth remembering: what it means for you, what to ask about.", d.notes),
		evLabelled("Sharing", "The people you invite to help with your plan can see this document when it is shared.", d.shared),
		widget.NewSeparator(),
		subheading("Deadline"),
		para("A date to reply, appeal or act by. OwnPlan reminds you on the Home screen two weeks before, and can put it in your calendar."),
		field("Date", "For example 15/12/2026 or 15 December 2026. Leave empty for none.", d.deadline),
		evLabelled("What the date is for", "", d.dlKind),
		d.done,
	)
	s.addSuggestions(box, d)
	box.Add(widget.NewSeparator())
	box.Add(subheading("Files"))
	for _, f := range it.Files {
		box.Add(s.fileRow(d, f))
	}
	box.Add(u.evRow(d.addFile))
	box.Add(para("Or drop files onto this window to add them to this document, such as a letter's enclosures."))
	box.Add(widget.NewSeparator())
	box.Add(subheading("Evidence for"))
	if len(it.Links) == 0 {
		box.Add(para("Not linked yet. Link it to the parts of your plan or the outcomes it supports, and it shows there too."))
	}
	for _, l := range it.Links {
		l := l
		rm := button("Remove link", theme.ContentRemoveIcon(), false, func() {
			if err := u.a.UnlinkEvidence(u.ctx, d.item.ID, l); err != nil {
				s.fail(err)
				return
			}
			s.show(evDetail, d.item.ID)
		})
		d.unlink[l.String()] = rm
		box.Add(container.NewVBox(para(u.a.LinkLabel(u.ctx, l)), container.NewHBox(rm)))
	}
	box.Add(u.evRow(d.link))
	box.Add(widget.NewSeparator())
	box.Add(u.evRow(d.bin))
	return box
}

// collect reads the form. A value that does not make sense yet (half a
// date, an empty title) keeps the last good one; the field says why.
func (d *evidenceDetail) collect() store.EvidenceItem {
	next := d.item
	if t := strings.TrimSpace(d.title.Text); t != "" {
		next.Title = t
	}
	for _, k := range app.EvidenceKinds {
		if k.Label == d.kind.Selected {
			next.Kind = k.Key
		}
	}
	next.From = d.from.Text
	if v, err := evParseDate(d.letter.Text); err == nil {
		next.LetterDate = v
	}
	if v, err := evParseDate(d.received.Text); err == nil {
		next.Received = v
	}
	next.Reference = d.ref.Text
	next.Tags = store.CleanEvidenceTags(strings.Split(d.tags.Text, ","))
	next.Notes = d.notes.Text
	if v, err := evParseDate(d.deadline.Text); err == nil {
		next.Deadline = v
	}
	for _, k := range app.DeadlineKinds() {
		if k.Label == d.dlKind.Selected {
			next.DeadlineKind = k.Key
		}
	}
	next.DeadlineDone = d.done.Checked
	next.Shared = d.shared.Checked
	return next
}

// addSuggestions offers the deadlines the rules suggest for this document.
func (s *evidenceScreen) addSuggestions(box *fyne.Container, d *evidenceDetail) {
	u := s.u
	all, err := u.a.Deadlines(u.ctx, store.Today())
	if err != nil {
		return
	}
	for _, dl := range all {
		if !dl.Suggested || dl.ItemID != d.item.ID {
			continue
		}
		dl := dl
		use := button("Add to my deadlines", theme.ConfirmIcon(), false, func() {
			d.saver.Flush()
			d.saver.Wait()
			if err := u.a.AcceptDeadline(u.ctx, dl); err != nil {
				s.fail(err)
				return
			}
			s.show(evDetail, dl.ItemID)
			s.say("Added the deadline.")
		})
		d.accept = append(d.accept, use)
		box.Add(widget.NewCard("", "", container.NewVBox(
			evStrong(fmt.Sprintf("Suggested: %s by %s", dl.Title, app.FormatEvidenceDate(dl.Date))),
			para(dl.Why),
			container.NewHBox(use),
		)))
	}
}

// fileRow shows one file with what can be done with it.
func (s *evidenceScreen) fileRow(d *evidenceDetail, f store.EvidenceFile) fyne.CanvasObject {
	u := s.u
	r := &evidenceFileRow{file: f}
	d.files[f.ID] = r
	r.open = button("Open", theme.VisibilityIcon(), false, func() { s.openFile(f) })
	r.folder = button("Show in folder", theme.FolderOpenIcon(), false, func() { s.showInFolder(f) })
	r.save = button("Save a copy…", theme.DocumentSaveIcon(), false, func() { s.saveCopy(f) })
	r.remove = button("Remove", theme.DeleteIcon(), false, func() {
		d.saver.Flush()
		d.saver.Wait()
		if err := u.a.RemoveEvidenceFile(u.ctx, f.ID); err != nil {
			s.fail(err)
			return
		}
		item := d.item.ID
		s.show(evDetail, item)
		s.offerUndo(fmt.Sprintf("Removed %s from this document.", f.Name), func() error {
			if err := u.a.RestoreEvidenceFile(u.ctx, f.ID); err != nil {
				return err
			}
			s.show(evDetail, item)
			return nil
		})
	})
	state := para(evidenceTextState(f))
	if f.TextState == store.TextNotSearchable {
		state.Importance = widget.WarningImportance
	}
	fingerprint := widget.NewLabelWithStyle("Fingerprint (SHA-256): "+f.SHA256, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	fingerprint.Wrapping = fyne.TextWrapBreak
	return widget.NewCard("", "", container.NewVBox(
		evStrong(f.Name),
		para(fmt.Sprintf("%s, %s.", evMediaLabel(f.MediaType), app.FormatSize(f.Size))),
		state,
		fingerprint,
		u.evRow(r.open, r.folder, r.save, r.remove),
	))
}

// evidenceTextState says whether a file's words can be searched.
func evidenceTextState(f store.EvidenceFile) string {
	switch f.TextState {
	case store.TextSearchable:
		if f.TextNote != "" {
			return "The words in it can be searched. " + f.TextNote
		}
		return "The words in it can be searched."
	case store.TextNotSearchable:
		return "Text not searchable. " + f.TextNote
	}
	return f.TextNote
}

// evMediaLabel names a file's type for people.
func evMediaLabel(mt string) string {
	base, _, _ := strings.Cut(mt, ";")
	switch {
	case base == "application/pdf":
		return "PDF"
	case strings.Contains(base, "wordprocessingml"):
		return "Word document"
	case strings.Contains(base, "opendocument.text"):
		return "OpenDocument text"
	case base == "message/rfc822":
		return "E-mail"
	case base == "text/plain":
		return "Text"
	case base == "text/html":
		return "Web page"
	case strings.HasPrefix(base, "image/"):
		return "Picture (" + strings.ToUpper(strings.TrimPrefix(base, "image/")) + ")"
	}
	return "File"
}

// evShowsInApp reports whether a file is a picture the app can show itself.
func evShowsInApp(f store.EvidenceFile) bool {
	switch f.MediaType {
	case "image/png", "image/jpeg", "image/gif":
		return true
	}
	return false
}

// openFile shows a picture in the app, and opens anything else in the
// system's viewer. Either way the file is checked first and only a copy
// is handed over, so the kept file cannot be changed.
func (s *evidenceScreen) openFile(f store.EvidenceFile) {
	var p string
	s.run("Checking the file and opening it…", func() error {
		var err error
		p, err = s.u.a.ViewableCopy(s.u.ctx, f)
		return err
	}, func() {
		if evShowsInApp(f) {
			s.showPicture(f, p)
			return
		}
		if err := s.openURL(&url.URL{Scheme: "file", Path: p}); err != nil {
			s.fail(fmt.Errorf("could not open %s with this computer's viewer (%v); use “Save a copy…” and open it from there", f.Name, err))
			return
		}
		s.say("Opened a checked copy of " + f.Name + " in your computer's viewer.")
	})
}

// showPicture shows a picture in a window of its own, as large as fits.
func (s *evidenceScreen) showPicture(f store.EvidenceFile, p string) {
	img := canvas.NewImageFromFile(p)
	img.FillMode = canvas.ImageFillContain
	size := s.u.win.Canvas().Size()
	img.SetMinSize(fyne.NewSize(size.Width*0.7, size.Height*0.6))
	viewer := button("Open in my picture viewer", theme.VisibilityIcon(), false, func() {
		if err := s.openURL(&url.URL{Scheme: "file", Path: p}); err != nil {
			s.fail(err)
		}
	})
	dlg := dialog.NewCustom(f.Name, "Close", container.NewBorder(nil, container.NewHBox(viewer), nil, nil, img), s.u.win)
	dlg.Show()
	s.say("Showing " + f.Name + ".")
}

// showInFolder opens the folder holding a checked copy of the file.
func (s *evidenceScreen) showInFolder(f store.EvidenceFile) {
	var p string
	s.run("Checking the file…", func() error {
		var err error
		p, err = s.u.a.ViewableCopy(s.u.ctx, f)
		return err
	}, func() {
		if err := s.openURL(&url.URL{Scheme: "file", Path: filepath.Dir(p)}); err != nil {
			s.fail(fmt.Errorf("could not open the folder (%v); use “Save a copy…” instead", err))
			return
		}
		s.say("Opened a folder with a checked copy of " + f.Name + ". The kept file stays safe in OwnPlan.")
	})
}

// saveCopy asks where to save the file, then writes it exactly as added.
func (s *evidenceScreen) saveCopy(f store.EvidenceFile) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		p := w.URI().Path()
		w.Close()
		s.saveCopyTo(f, p)
	}, s.u.win)
	d.SetFileName(app.SafeFileName(f.Name))
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

func (s *evidenceScreen) saveCopyTo(f store.EvidenceFile, p string) {
	s.run("Saving a copy…", func() error {
		return s.u.a.SaveEvidenceFile(s.u.ctx, f, p)
	}, func() {
		s.say(fmt.Sprintf("Saved %s, checked and exactly as it was added.", p))
	})
}

// binOpen moves the open document to the bin and offers to undo it.
func (s *evidenceScreen) binOpen() {
	d := s.detail
	if d == nil {
		return
	}
	d.saver.Flush()
	d.saver.Wait()
	u := s.u
	id, title := d.item.ID, d.item.Title
	if err := u.a.BinEvidence(u.ctx, id); err != nil {
		s.fail(err)
		return
	}
	s.show(evList, "")
	s.offerUndo(fmt.Sprintf("Moved “%s” to the bin.", title), func() error {
		if err := u.a.RestoreEvidence(u.ctx, id); err != nil {
			return err
		}
		s.show(evDetail, id)
		return nil
	})
}

// offerUndo shows a message with an Undo button, which takes the focus.
func (s *evidenceScreen) offerUndo(msg string, undo func() error) {
	s.notice.RemoveAll()
	b := button("Undo", theme.ContentUndoIcon(), false, nil)
	b.OnTapped = func() {
		s.notice.RemoveAll()
		if err := undo(); err != nil {
			s.fail(err)
		}
	}
	s.notice.Add(container.NewVBox(para(msg), container.NewHBox(b)))
	s.u.win.Canvas().Focus(b)
}

// chooseLink lists the parts of the plan and the outcomes the document
// can be evidence for.
func (s *evidenceScreen) chooseLink() {
	u := s.u
	d := s.detail
	targets, err := u.a.LinkTargets(u.ctx)
	if err != nil {
		s.fail(err)
		return
	}
	have := map[string]bool{}
	for _, l := range d.item.Links {
		have[l.String()] = true
	}
	list := container.NewVBox(para("Choose what this document is evidence for. It will show there too."))
	var dlg dialog.Dialog
	var first fyne.Focusable
	for _, t := range targets {
		t := t
		if have[t.Link.String()] {
			continue
		}
		b := button("Link", theme.MailAttachmentIcon(), false, func() {
			dlg.Hide()
			if err := u.a.LinkEvidence(u.ctx, d.item.ID, t.Link); err != nil {
				s.fail(err)
				return
			}
			s.show(evDetail, d.item.ID)
			s.say("Linked to " + t.Label + ".")
		})
		if first == nil {
			first = b
		}
		list.Add(container.NewVBox(para(t.Label), container.NewHBox(b)))
	}
	scroll := container.NewVScroll(list)
	size := u.win.Canvas().Size()
	scroll.SetMinSize(fyne.NewSize(size.Width*0.6, size.Height*0.6))
	dlg = dialog.NewCustom("Link to my plan", "Cancel", scroll, u.win)
	dlg.Show()
	if first != nil {
		u.win.Canvas().Focus(first)
	}
}
