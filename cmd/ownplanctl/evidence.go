package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// evListValue is a flag that can be given more than once: --tag a --tag b.
type evListValue []string

func (l *evListValue) String() string     { return strings.Join(*l, ", ") }
func (l *evListValue) Set(s string) error { *l = append(*l, s); return nil }

// evFlagString reads a string flag a command defined.
func evFlagString(fs *flag.FlagSet, name string) string {
	if f := fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// evFlagList reads a repeatable flag a command defined.
func evFlagList(fs *flag.FlagSet, name string) []string {
	if f := fs.Lookup(name); f != nil {
		if l, ok := f.Value.(*evListValue); ok {
			return *l
		}
	}
	return nil
}

// evFlagSet reports whether a flag was given.
func evFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// evPositional returns the arguments that are not flags, letting flags come
// after them: "evidence add a.pdf b.pdf --title T".
func evPositional(fs *flag.FlagSet) ([]string, error) {
	var out []string
	args := fs.Args()
	for len(args) > 0 {
		out = append(out, args[0])
		if err := fs.Parse(args[1:]); err != nil {
			return nil, usagef("%v", err)
		}
		args = fs.Args()
	}
	return out, nil
}

// evLinkHelp explains --link.
const evLinkHelp = `--link says what the document is evidence for; give it more than once
for several. A key alone (--link my-money) is enough; in full:
  plan-section:KEY   a section of your support plan, such as
                     plan-section:my-money (see "ownplanctl evidence links")
  outcome:KEY        an assessment outcome, such as outcome:home-safely
  transaction:ID     a payment in your budget (a receipt), by its ID`

func evEvidenceDetailFlags(fs *flag.FlagSet) {
	fs.String("title", "", "what the document is, such as \"Budget decision letter\"")
	fs.String("kind", "", "the kind of document: "+evKindKeys())
	fs.String("from", "", "who it is from, such as \"Suffolk County Council\"")
	fs.String("date", "", "the date on the letter, such as 2/11/2026")
	fs.String("received", "", "the date you received it (today if not given)")
	fs.String("ref", "", "the reference on the letter")
	fs.String("notes", "", "anything worth remembering about it")
	fs.Var(&evListValue{}, "tag", "a word to find it by; give it more than once for several")
	fs.String("deadline", "", "a date to act by, such as a reply-by date (23/12/2026)")
	fs.String("deadline-kind", "", "what the deadline is: "+strings.Join(app.DeadlineKindKeys(), ", ")+" (reply-by if not given)")
	fs.Var(&evListValue{}, "link", "what it is evidence for: a plan section or outcome KEY (my-money), or plan-section:KEY, outcome:KEY, transaction:ID")
	fs.Bool("share", false, "let the people in your circle see it")
}

func evKindKeys() string {
	keys := make([]string, len(app.EvidenceKinds))
	for i, k := range app.EvidenceKinds {
		keys[i] = k.Key
	}
	return strings.Join(keys, ", ")
}

// evApplyDetailFlags copies the detail flags that were given onto it.
// Dates may be written as people write them (2026-11-02, 2/11/2026,
// 2 November 2026, today); links as a key alone (my-money) or in full
// (plan-section:my-money).
func evApplyDetailFlags(ctx context.Context, a *app.App, fs *flag.FlagSet, it *store.EvidenceItem) error {
	var err error
	date := func(name string, d *store.Date) {
		if err == nil && evFlagSet(fs, name) {
			v, perr := app.ParseHumanDate(evFlagString(fs, name))
			if perr != nil {
				err = usagef("--%s: %v", name, perr)
			}
			*d = v
		}
	}
	text := func(name string, s *string) {
		if evFlagSet(fs, name) {
			*s = evFlagString(fs, name)
		}
	}
	text("title", &it.Title)
	text("from", &it.From)
	text("ref", &it.Reference)
	text("notes", &it.Notes)
	if evFlagSet(fs, "kind") {
		k, kerr := app.EvidenceKindKey(evFlagString(fs, "kind"))
		if kerr != nil {
			return usagef("--kind: %v", kerr)
		}
		it.Kind = k
	}
	date("date", &it.LetterDate)
	date("received", &it.Received)
	date("deadline", &it.Deadline)
	if err != nil {
		return err
	}
	text("deadline-kind", &it.DeadlineKind)
	if evFlagSet(fs, "deadline") && !evFlagSet(fs, "deadline-kind") && it.DeadlineKind == "" {
		it.DeadlineKind = app.DeadlineReplyBy
	}
	it.Tags = append(it.Tags, evFlagList(fs, "tag")...)
	for _, s := range evFlagList(fs, "link") {
		l, lerr := a.ParseLink(ctx, s)
		if lerr != nil {
			return usagef("--link: %v", lerr)
		}
		it.Links = append(it.Links, l)
	}
	if evFlagSet(fs, "share") {
		it.Shared = evFlagString(fs, "share") == "true"
	}
	return nil
}

func init() {
	register(&command{
		name: "evidence add", args: "FILE [FILE...] --title T", summary: "keep a letter, report or receipt (and its enclosures)",
		help: `Keeps the files safely in your data folder, reads the words in them so
you can search, and prints the new item's ID on the last line. Several
files make one item: a letter and its enclosures. Files up to 100 MB:
PDF, scans and photos, Word (DOCX), OpenDocument (ODT), text and e-mail
(.eml, with the documents attached to it).

` + evLinkHelp,
		flags: func(fs *flag.FlagSet, o *opts) { evEvidenceDetailFlags(fs) },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			files, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return usagef("give the file or files to keep")
			}
			var it store.EvidenceItem
			if err := evApplyDetailFlags(ctx, a, fs, &it); err != nil {
				return err
			}
			if strings.TrimSpace(it.Title) == "" {
				return usagef(`please give a title with --title, such as --title "Budget decision letter"`)
			}
			saved, err := a.AddEvidence(ctx, it, files)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Kept %q (%s) with %s.\n", saved.Title, app.EvidenceKindLabel(saved.Kind), evPlural(len(saved.Files), "file", "files"))
			for _, f := range saved.Files {
				fmt.Fprintf(e.stdout, "  %s: %s, %s. %s\n", f.Name, evMediaLabel(f.MediaType), app.FormatSize(f.Size), evTextStateLabel(f))
			}
			if !saved.Deadline.IsZero() {
				fmt.Fprintf(e.stdout, "  Deadline: %s %s.\n", app.DeadlineKindLabel(saved.DeadlineKind), app.FormatEvidenceDate(saved.Deadline))
			}
			fmt.Fprintln(e.stdout, saved.ID)
			return nil
		},
	})
	register(&command{
		name: "evidence list", summary: "list the documents you keep",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.BoolVar(&o.json, "json", false, "print JSON for scripts")
			fs.Bool("bin", false, "list the documents in the bin instead")
			fs.String("kind", "", "only this kind: "+evKindKeys())
			fs.String("tag", "", "only documents with this tag")
			fs.Int("year", 0, "only documents from this year")
			fs.String("for", "", "only the evidence for a plan section, an outcome or a payment: my-money, outcome:home-safely, transaction:ID")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			f := app.EvidenceFilter{InBin: evFlagString(fs, "bin") == "true", Tag: evFlagString(fs, "tag")}
			fmt.Sscan(evFlagString(fs, "year"), &f.Year)
			if k := evFlagString(fs, "kind"); k != "" {
				key, err := app.EvidenceKindKey(k)
				if err != nil {
					return usagef("--kind: %v", err)
				}
				f.Kind = key
			}
			if target := evFlagString(fs, "for"); target != "" {
				l, err := a.ParseLink(ctx, target)
				if err != nil {
					return usagef("--for: %v", err)
				}
				f.For = l
			}
			items, err := a.EvidenceList(ctx, f)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, nonNil(items))
			}
			if len(items) == 0 {
				switch {
				case f.InBin:
					fmt.Fprintln(e.stdout, "The bin is empty.")
				case f.For.TargetKind != "":
					fmt.Fprintf(e.stdout, "No documents are linked to %s yet. Link one with: ownplanctl evidence edit ID --link %s\n", a.LinkLabel(ctx, f.For), f.For)
				default:
					fmt.Fprintln(e.stdout, `No documents kept yet. Add one with: ownplanctl evidence add FILE --title "What it is"`)
				}
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "Date\tKind\tTitle\tFiles\tID")
			for _, it := range items {
				d := it.LetterDate
				if d.IsZero() {
					d = it.Received
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", app.FormatEvidenceDate(d), app.EvidenceKindLabel(it.Kind), it.Title, len(it.Files), it.ID)
			}
			return tw.Flush()
		},
	})
	register(&command{
		name: "evidence show", args: "ID", summary: "show one document's details, files and links",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			args, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the document's ID (see evidence list)")
			}
			it, err := a.EvidenceItem(ctx, args[0])
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, it)
			}
			evWriteEvidence(ctx, e, a, it)
			return nil
		},
	})
	register(&command{
		name: "evidence edit", args: "ID", summary: "change a document's details, tags, links or deadline",
		help: `Changes only what you give. --tag adds a tag and --untag removes one;
--link adds a link and --unlink removes one. --deadline none removes the
deadline; --done marks it dealt with (--done=false undoes that).

` + evLinkHelp,
		flags: func(fs *flag.FlagSet, o *opts) {
			evEvidenceDetailFlags(fs)
			fs.Var(&evListValue{}, "untag", "remove this tag")
			fs.Var(&evListValue{}, "unlink", "remove this link")
			fs.Bool("done", false, "mark the deadline as dealt with")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			args, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the document's ID (see evidence list)")
			}
			it, err := a.EvidenceItem(ctx, args[0])
			if err != nil {
				return err
			}
			clearDeadline := evFlagSet(fs, "deadline") && strings.EqualFold(strings.TrimSpace(evFlagString(fs, "deadline")), "none")
			if clearDeadline {
				fs.Set("deadline", "")
			}
			before := len(it.Links)
			if err := evApplyDetailFlags(ctx, a, fs, &it); err != nil {
				return err
			}
			newLinks := it.Links[before:]
			it.Links = nil
			if clearDeadline {
				it.Deadline = store.Date{}
			}
			for _, t := range evFlagList(fs, "untag") {
				kept := it.Tags[:0]
				for _, have := range it.Tags {
					if !strings.EqualFold(have, strings.TrimSpace(t)) {
						kept = append(kept, have)
					}
				}
				it.Tags = kept
			}
			if evFlagSet(fs, "done") {
				it.DeadlineDone = evFlagString(fs, "done") == "true"
			}
			if err := a.SaveEvidence(ctx, it); err != nil {
				return err
			}
			for _, l := range newLinks {
				if err := a.LinkEvidence(ctx, it.ID, l); err != nil {
					return err
				}
			}
			for _, s := range evFlagList(fs, "unlink") {
				// A link to something since removed can still be undone.
				l, err := store.ParseEvidenceLink(s)
				if err != nil {
					if l, err = a.ParseLink(ctx, s); err != nil {
						return usagef("--unlink: %v", err)
					}
				}
				if err := a.UnlinkEvidence(ctx, it.ID, l); err != nil {
					return err
				}
			}
			fmt.Fprintf(e.stdout, "Saved %q.\n", it.Title)
			return nil
		},
	})
	register(&command{
		name: "evidence links", summary: "list the plan sections and outcomes evidence can be linked to",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			targets, err := a.LinkTargets(ctx)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, targets)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			for _, t := range targets {
				fmt.Fprintf(tw, "%s\t%s\n", t.Link, t.Label)
			}
			fmt.Fprintln(tw, "transaction:ID\ta payment in your budget (see budget commands for IDs)")
			return tw.Flush()
		},
	})
}

// evWriteEvidence prints one item for people.
func evWriteEvidence(ctx context.Context, e *env, a *app.App, it store.EvidenceItem) {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	row := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", label, strings.ReplaceAll(v, "\n", "\n\t"))
		}
	}
	row("Title", it.Title)
	row("Kind", app.EvidenceKindLabel(it.Kind))
	row("From", it.From)
	row("Date on letter", app.FormatEvidenceDate(it.LetterDate))
	row("Received", app.FormatEvidenceDate(it.Received))
	row("Reference", it.Reference)
	row("Tags", strings.Join(it.Tags, ", "))
	row("Notes", it.Notes)
	if !it.Deadline.IsZero() {
		d := app.DeadlineKindLabel(it.DeadlineKind) + " " + app.FormatEvidenceDate(it.Deadline)
		if it.DeadlineDone {
			d += " (done)"
		}
		row("Deadline", d)
	}
	if it.Shared {
		row("Shared", "with your circle")
	}
	if it.InBin {
		row("In the bin", "yes; ownplanctl evidence restore "+it.ID+" brings it back")
	}
	row("ID", it.ID)
	tw.Flush()
	fmt.Fprintln(e.stdout, "\nFiles:")
	for i, f := range it.Files {
		fmt.Fprintf(e.stdout, "  %d. %s: %s, %s. %s\n     SHA-256 %s\n", i+1, f.Name, evMediaLabel(f.MediaType), app.FormatSize(f.Size), evTextStateLabel(f), f.SHA256)
	}
	if len(it.Links) > 0 {
		fmt.Fprintln(e.stdout, "\nEvidence for:")
		for _, l := range it.Links {
			fmt.Fprintf(e.stdout, "  %s (%s)\n", a.LinkLabel(ctx, l), l)
		}
	}
}

// evMediaLabel names a media type for people.
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
		return "e-mail"
	case base == "text/plain":
		return "text"
	case base == "text/html":
		return "web page"
	case strings.HasPrefix(base, "image/"):
		return "picture (" + strings.ToUpper(strings.TrimPrefix(base, "image/")) + ")"
	}
	return "file"
}

func evTextStateLabel(f store.EvidenceFile) string {
	switch f.TextState {
	case store.TextSearchable:
		if f.TextNote != "" {
			return "Words searchable. " + f.TextNote
		}
		return "Words searchable."
	case store.TextNotSearchable:
		return "Text not searchable: " + f.TextNote
	}
	return f.TextNote
}

func evPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
