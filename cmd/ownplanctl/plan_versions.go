package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	saveFlags := func(fs *flag.FlagSet) {
		fs.String("label", "", `a name for the version, such as "Sent to the council 3 May" (required)`)
		fs.String("date", "", "when the version is from, if not today, such as 3/5/2026")
	}
	save := func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected %q; put the name in quotes after --label", strings.Join(args, " "))
		}
		if strings.TrimSpace(flagString(fs, "label")) == "" {
			return usagef(`give the version a name with --label, such as --label "Sent to the council 3 May"`)
		}
		on, err := flagDate(fs, "date")
		if err != nil {
			return usagef("%v", err)
		}
		var at time.Time
		if !on.IsZero() {
			if on.After(store.Today()) {
				return fmt.Errorf("%s is in the future; a version is the plan as it is now or was", app.HumanDate(on))
			}
			at = on.Time(time.Local).Add(12 * time.Hour)
		}
		return withApp(ctx, e, func(a *app.App) error {
			v, err := a.SavePlanVersion(ctx, flagString(fs, "label"), at)
			if err != nil {
				return err
			}
			vs, err := a.PlanVersions(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Saved version %d, “%s”.\n%s\n", len(vs), v.Label, v.ID)
			return nil
		})
	}
	list := func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected %q", strings.Join(args, " "))
		}
		return withApp(ctx, e, func(a *app.App) error {
			vs, err := a.PlanVersions(ctx)
			if err != nil {
				return err
			}
			if flagBool(fs, "json") {
				type versionJSON struct {
					Number int `json:"number"`
					store.PlanVersion
				}
				out := []versionJSON{}
				for i, v := range vs {
					out = append(out, versionJSON{i + 1, v})
				}
				return writeJSON(e, out)
			}
			if len(vs) == 0 {
				fmt.Fprintln(e.stdout, `No versions saved yet. Save one with: ownplanctl plan version save --label "Draft for my sister"`)
				return nil
			}
			for i, v := range vs {
				by := ""
				if v.AuthorName != "" {
					by = ", by " + v.AuthorName
				}
				fmt.Fprintf(e.stdout, "%d. %s (%s%s)\n   ID: %s\n", i+1, v.Label, app.HumanDate(store.DateOf(v.Created.Local())), by, v.ID)
			}
			return nil
		})
	}
	diff := func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		if len(args) < 1 || len(args) > 2 {
			return usagef("give two versions to compare, by number or ID, or \"current\" for the plan now: plan version diff 1 current")
		}
		to := app.CurrentVersion
		if len(args) == 2 {
			to = args[1]
		}
		return withApp(ctx, e, func(a *app.App) error {
			d, err := a.ComparePlanVersions(ctx, args[0], to)
			if err != nil {
				return err
			}
			if d.Changes == nil {
				d.Changes = []app.PlanChange{}
			}
			if flagBool(fs, "json") {
				return writeJSON(e, d)
			}
			fmt.Fprintf(e.stdout, "From “%s” to “%s”:\n", d.From, d.To)
			if len(d.Changes) == 0 {
				fmt.Fprintln(e.stdout, "Nothing changed.")
				return nil
			}
			part := ""
			for _, c := range d.Changes {
				if c.Part != part {
					part = c.Part
					fmt.Fprintf(e.stdout, "\n%s\n", part)
				}
				fmt.Fprintf(e.stdout, "  - %s\n", c.Summary)
			}
			return nil
		})
	}
	registerGroup("plan version", "save, list and compare versions of your plan",
		sub{name: "save", summary: "save the plan as it is now, with a name", flags: saveFlags, run: save},
		sub{name: "list", summary: "list the saved versions, oldest first", flags: jsonFlag, run: list},
		sub{name: "diff", args: "A [B]", summary: "say what changed from version A to B (by number or ID; B defaults to current, the plan now)", flags: jsonFlag, run: diff},
	)

	// The names the issue uses: plan snapshot, plan versions, plan diff.
	register(&command{
		name: "plan snapshot", summary: "save the plan as it is now, with a name (same as plan version save)",
		flags: func(fs *flag.FlagSet, o *opts) { saveFlags(fs) },
		run:   adapt(save),
	})
	register(&command{
		name: "plan versions", summary: "list the saved versions (same as plan version list)",
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run:   adapt(list),
	})
	register(&command{
		name: "plan diff", args: "A [B]", summary: "say what changed between two versions (same as plan version diff)",
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run:   adapt(diff),
	})
}

// adapt runs a sub-command's function as a two-word command.
func adapt(fn func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error) func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	return func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		args, err := positional(fs)
		if err != nil {
			return err
		}
		return fn(ctx, e, fs, args)
	}
}
