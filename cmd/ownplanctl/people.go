package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "people list", summary: "list the people who matter to you",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			people, err := a.People(ctx)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, nonNil(people))
			}
			writePeople(e, people)
			return nil
		},
	})
	register(&command{
		name: "people add", summary: "add someone who matters to you",
		help: "Prints the new person's ID on the last line.",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.name, "name", "", "their name (required)")
			fs.StringVar(&o.relation, "relationship", "", "who they are to you, for example \"sister\" or \"personal assistant\"")
			fs.StringVar(&o.contact, "contact", "", "a phone number or email address")
			fs.StringVar(&o.notes, "notes", "", "anything else worth knowing")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if o.name == "" {
				return usagef("please give their name with --name")
			}
			id, err := a.SavePerson(ctx, store.Person{Name: o.name, Relationship: o.relation, Contact: o.contact, Notes: o.notes})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Added %s\n%s\n", o.name, id)
			return nil
		},
	})
	register(&command{
		name: "people rm", args: "ID", summary: "remove someone (undo with people restore)",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the ID of the person to remove (see people list)")
			}
			if err := a.DeletePerson(ctx, fs.Arg(0)); err != nil {
				return fmt.Errorf("%w: no one with ID %s (see people list)", err, fs.Arg(0))
			}
			fmt.Fprintf(e.stdout, "Removed. To undo: ownplanctl people restore %s\n", fs.Arg(0))
			return nil
		},
	})
	register(&command{
		name: "people restore", args: "ID", summary: "bring back someone you removed",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the ID of the person to bring back")
			}
			if err := a.UndeletePerson(ctx, fs.Arg(0)); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "Brought back.")
			return nil
		},
	})
}

func writePeople(e *env, people []store.Person) {
	if len(people) == 0 {
		fmt.Fprintln(e.stdout, "\nNo people who matter added yet.")
		return
	}
	fmt.Fprintln(e.stdout, "\nPeople who matter:")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, p := range people {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.Name, p.Relationship, p.Contact, p.ID)
	}
	tw.Flush()
}
