package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "deadlines", summary: "list reply-by and other dates to act by, with suggested ones",
		help: `Lists the deadlines set on your documents and the ones OwnPlan suggests
from the rules (a plan review at least every 12 months; complaints to
the council and to the Ombudsman within 12 months). Set a deadline with
"ownplanctl evidence edit ID --deadline 2026-12-01".`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.BoolVar(&o.json, "json", false, "print JSON for scripts")
			fs.Bool("all", false, "include deadlines marked done")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			ds, err := a.Deadlines(ctx, store.Today())
			if err != nil {
				return err
			}
			all := evFlagString(fs, "all") == "true"
			shown := []app.Deadline{}
			for _, d := range ds {
				if all || !d.Done {
					shown = append(shown, d)
				}
			}
			if o.json {
				return writeJSON(e, shown)
			}
			if len(shown) == 0 {
				fmt.Fprintln(e.stdout, "No deadlines. Add one to a document with: ownplanctl evidence edit ID --deadline YYYY-MM-DD")
				return nil
			}
			for _, d := range shown {
				status := d.When()
				switch {
				case d.Done:
					status = "done"
				case d.Suggested:
					status += ", suggested"
				case d.DaysLeft < 0:
					status += ", overdue"
				}
				fmt.Fprintf(e.stdout, "%s (%s): %s\n  %s\n  Document: %s (ID %s)\n",
					app.FormatEvidenceDate(d.Date), status, d.Title, d.Why, d.ItemTitle, d.ItemID)
			}
			return nil
		},
	})
	register(&command{
		name: "deadlines ics", args: "--out FILE", summary: "save every deadline as a calendar file (.ics)",
		help: `The file works with most calendar programs (Outlook, Google Calendar,
Apple Calendar, Thunderbird): each deadline is an all-day event with a
reminder a week before. Importing a newer file updates the events.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.out, "out", "", "the calendar file to write, such as deadlines.ics (required)")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if o.out == "" {
				return usagef("say where to save the calendar with --out FILE.ics")
			}
			n, err := a.WriteDeadlinesICS(ctx, o.out)
			if err != nil {
				return err
			}
			abs, _ := filepath.Abs(o.out)
			fmt.Fprintf(e.stdout, "Saved %s to %s\n", evPlural(n, "deadline", "deadlines"), abs)
			return nil
		},
	})
}
