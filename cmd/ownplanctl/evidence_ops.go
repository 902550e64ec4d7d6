package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "evidence search", args: "WORDS", summary: "find documents by any words in them",
		help: `Searches titles, notes, tags, who documents are from, references, file
names and the words inside the files. Every word must match; a word
matches the start of longer ones ("assess" finds "assessment"), and
accents and capitals do not matter.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.BoolVar(&o.json, "json", false, "print JSON for scripts: each hit with id, title and snippet")
			fs.Int("limit", 50, "show at most this many")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			words, err := evPositional(fs)
			if err != nil {
				return err
			}
			query := strings.Join(words, " ")
			if strings.TrimSpace(query) == "" {
				return usagef("give the words to search for")
			}
			limit, _ := strconv.Atoi(evFlagString(fs, "limit"))
			hits, err := a.SearchEvidence(ctx, query, limit)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, nonNil(hits))
			}
			if len(hits) == 0 {
				fmt.Fprintf(e.stdout, "Nothing found for %q. Try fewer or shorter words.\n", query)
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(e.stdout, "%s\n  %s\n  ID %s\n", h.Title, h.Snippet, h.ID)
			}
			return nil
		},
	})
	register(&command{
		name: "evidence get", args: "ID --out FILE", summary: "save a kept file, exactly as it was added",
		help: `ID is a document's ID (see evidence list) or one file's ID (see
evidence show --json). When the document has several files, choose one
with --file, by its number or name. The file's SHA-256 is checked as it
is copied: a damaged file is not written out.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.out, "out", "", "where to save the file, or a folder to save it in under its own name (required)")
			fs.String("file", "", "which file of the document: its number (1, 2…) or name")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			args, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the ID of the document to get (see evidence list)")
			}
			if o.out == "" {
				return usagef("say where to save it with --out FILE")
			}
			f, err := chooseEvidenceFile(ctx, a, args[0], evFlagString(fs, "file"))
			if err != nil {
				return err
			}
			if fi, err := os.Stat(o.out); err == nil && fi.IsDir() {
				o.out = filepath.Join(o.out, app.SafeFileName(f.Name)) // like cp: into the folder, under its own name
			}
			if err := a.SaveEvidenceFile(ctx, f, o.out); err != nil {
				return err
			}
			abs, _ := filepath.Abs(o.out)
			fmt.Fprintf(e.stdout, "Saved %s to %s (SHA-256 %s, checked).\n", f.Name, abs, f.SHA256)
			return nil
		},
	})
	register(&command{
		name: "evidence verify", summary: "check every kept file is complete and unchanged",
		help:  "Exits with status 1, naming every file, when any is missing or damaged.",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			check, err := a.VerifyEvidence(ctx)
			if err != nil {
				return err
			}
			if o.json {
				if err := writeJSON(e, check); err != nil {
					return err
				}
			} else if len(check.Problems) == 0 {
				fmt.Fprintf(e.stdout, "Checked %s: every one is complete and unchanged.\n", evPlural(check.Checked, "file", "files"))
			} else {
				for _, p := range check.Problems {
					fmt.Fprintf(e.stdout, "%s: %s in %q (document %s, SHA-256 %s)\n", strings.ToUpper(p.Problem), p.FileName, p.ItemTitle, p.ItemID, p.SHA256)
				}
			}
			if n := len(check.Problems); n > 0 {
				return fmt.Errorf("%s of %d %s missing or damaged; if you have the originals, put them back with: ownplanctl evidence repair FILE...; or restore a backup (ownplanctl restore)",
					evPlural(n, "file", "files"), check.Checked, map[bool]string{true: "is", false: "are"}[n == 1])
			}
			return nil
		},
	})
	register(&command{
		name: "evidence repair", args: "FILE [FILE...]", summary: "put back kept files that are missing or damaged, from their originals",
		help: `When evidence verify names a missing or damaged file and you still have
the original (in Downloads, on a memory stick, attached to an e-mail),
give it here. It is used only when it is exactly the file that was kept
(the same SHA-256), so a wrong file can never take its place.`,
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			files, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return usagef("give the original files")
			}
			reps, err := a.RepairEvidence(ctx, files)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, reps)
			}
			unknown := 0
			for _, r := range reps {
				if len(r.Matches) == 0 {
					unknown++
					fmt.Fprintf(e.stdout, "%s is not one of your kept files (its content differs from every one); nothing changed.\n", r.Path)
					continue
				}
				fmt.Fprintf(e.stdout, "%s: the kept copy is sound now (%s).\n", r.Path, strings.Join(r.Matches, "; "))
			}
			if unknown > 0 {
				return fmt.Errorf("%s not one of your kept files", evPlural(unknown, "file is", "files are"))
			}
			return nil
		},
	})
	register(&command{
		name: "evidence reindex", summary: "repair search: read the words in kept files again",
		help: "Rebuilds the search index from your documents. You should never need it, but it does no harm.",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			n, err := a.RebuildEvidenceSearch(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Search rebuilt (read the words of %s again).\n", evPlural(n, "file", "files"))
			return nil
		},
	})
	register(&command{
		name: "evidence rm", args: "ID [ID...]", summary: "move documents to the bin (undo with evidence restore)",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() == 0 {
				return usagef("give the ID of the document to move to the bin (see evidence list)")
			}
			for _, id := range fs.Args() {
				it, err := a.EvidenceItem(ctx, id)
				if err != nil {
					return err
				}
				if err := a.BinEvidence(ctx, it.ID); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Moved %q to the bin. To undo: ownplanctl evidence restore %s\n", it.Title, it.ID)
			}
			return nil
		},
	})
	register(&command{
		name: "evidence restore", args: "ID", summary: "bring a document back from the bin",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the ID of the document to bring back (see evidence list --bin)")
			}
			it, err := a.EvidenceItem(ctx, fs.Arg(0))
			if err != nil {
				return fmt.Errorf("%w; it may have been removed for good when the bin was emptied", err)
			}
			if !it.InBin {
				fmt.Fprintf(e.stdout, "%q is not in the bin; nothing to bring back.\n", it.Title)
				return nil
			}
			if err := a.RestoreEvidence(ctx, it.ID); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Brought %q back from the bin.\n", it.Title)
			return nil
		},
	})
	register(&command{
		name: "evidence empty-bin", summary: "remove the documents in the bin for good",
		help: "Also deletes from your data folder every kept file no other document uses. This cannot be undone.",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			res, err := a.EmptyEvidenceBin(ctx)
			if err != nil {
				return err
			}
			if res.Items == 0 && res.Blobs == 0 {
				fmt.Fprintln(e.stdout, "The bin was already empty.")
				return nil
			}
			fmt.Fprintf(e.stdout, "Removed %s for good and freed %s (%s).\n",
				evPlural(res.Items, "document", "documents"), app.FormatSize(res.Bytes), evPlural(res.Blobs, "file", "files"))
			return nil
		},
	})
	register(&command{
		name: "evidence export", args: "ID... --out FILE.zip", summary: "save chosen documents as one zip, with an index",
		help: `For a meeting or a complaint: a folder for each document with its files
exactly as they were added, and an index (index.html and index.txt)
listing each one's title, kind, who it is from, dates and files.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.out, "out", "", "the zip file to write (required)")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			ids, err := evPositional(fs)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				return usagef("give the IDs of the documents to export (see evidence list)")
			}
			if o.out == "" {
				return usagef("say where to save the zip with --out FILE.zip")
			}
			n, err := a.ExportEvidence(ctx, ids, o.out)
			if err != nil {
				return err
			}
			abs, _ := filepath.Abs(o.out)
			fmt.Fprintf(e.stdout, "Saved %s and %s to %s\n", evPlural(len(ids), "document", "documents"), evPlural(n, "file", "files"), abs)
			return nil
		},
	})
}

// chooseEvidenceFile finds the file meant by an item or file ID and an
// optional --file choice.
func chooseEvidenceFile(ctx context.Context, a *app.App, id, which string) (store.EvidenceFile, error) {
	it, err := a.EvidenceItem(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		f, _, ferr := a.EvidenceFileByID(ctx, id)
		if ferr == nil {
			return f, nil
		}
		return store.EvidenceFile{}, err
	}
	if err != nil {
		return store.EvidenceFile{}, err
	}
	if len(it.Files) == 0 {
		return store.EvidenceFile{}, fmt.Errorf("%q has no files", it.Title)
	}
	if which == "" {
		if len(it.Files) == 1 {
			return it.Files[0], nil
		}
		var names []string
		for i, f := range it.Files {
			names = append(names, fmt.Sprintf("%d. %s", i+1, f.Name))
		}
		return store.EvidenceFile{}, usagef("%q has %d files; choose one with --file: %s", it.Title, len(it.Files), strings.Join(names, "; "))
	}
	if n, err := strconv.Atoi(which); err == nil {
		if n < 1 || n > len(it.Files) {
			return store.EvidenceFile{}, usagef("%q has files 1 to %d", it.Title, len(it.Files))
		}
		return it.Files[n-1], nil
	}
	for _, f := range it.Files {
		if f.Name == which || f.ID == which {
			return f, nil
		}
	}
	return store.EvidenceFile{}, usagef("%q has no file called %q", it.Title, which)
}
