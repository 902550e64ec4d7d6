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

func init() {
	register(&command{
		name: "profile show", summary: "show your profile",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			p, _, err := a.Profile(ctx)
			if err != nil {
				return err
			}
			people, err := a.People(ctx)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, struct {
					store.Profile
					People []store.Person `json:"people"`
				}{p, nonNil(people)})
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			for _, f := range store.ProfileFields {
				v, _ := p.Show(f.Key)
				if v == "" {
					v = "(not given)"
				}
				fmt.Fprintf(tw, "%s (%s):\t%s\n", f.Label, f.Key, strings.ReplaceAll(v, "\n", ", "))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			writePeople(e, people)
			return nil
		},
	})
	register(&command{
		name: "profile set", args: "FIELD VALUE", summary: "change one field of your profile",
		help: "Fields: " + profileFieldList() + `.
Example: ownplanctl profile set council "Suffolk County Council"
Give an empty VALUE ("") to clear a field.`,
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 2 {
				return usagef("give a field and a value, for example: profile set phone \"01473 000000\"")
			}
			key := strings.ReplaceAll(strings.ToLower(fs.Arg(0)), "-", "_")
			if err := a.SetProfileField(ctx, key, fs.Arg(1)); err != nil {
				return err
			}
			p, _, _ := a.Profile(ctx)
			v, _ := p.Get(key)
			fmt.Fprintf(e.stdout, "Saved %s: %s\n", key, v)
			return nil
		},
	})
}

func profileFieldList() string {
	keys := make([]string, len(store.ProfileFields))
	for i, f := range store.ProfileFields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
