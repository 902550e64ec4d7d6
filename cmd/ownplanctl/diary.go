package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "diary add", summary: "add an entry to your needs diary",
		help: `A needs diary shows the council what really happens, bad days included.
Example: ownplanctl diary add --date yesterday --outcome personal-hygiene \
  --what "Jess helped me wash my hair" --minutes 30 --bad-day
Outcome keys: see ownplanctl assess outcomes. Record good days as well as
bad ones: the summary shows how often you needed help. Prints the entry's ID
on the last line.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("date", "", "the day it happened, such as 23/11/2026 or yesterday (default today)")
			fs.String("outcome", "", "which outcome it is about, such as nutrition (required)")
			fs.String("what", "", "what happened (required)")
			fs.String("text", "", "the same as --what")
			fs.String("minutes", "", "how many minutes someone helped")
			fs.String("felt", "", "how you felt")
			fs.Bool("bad-day", false, "it was a bad day")
			fs.Bool("helped", false, "you needed help, even if you don't know for how long")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			what := flagString(fs, "what")
			if flagSet(fs, "text") {
				if flagSet(fs, "what") {
					return usagef("give --what or --text, not both")
				}
				what = flagString(fs, "text")
			}
			if flagString(fs, "outcome") == "" || strings.TrimSpace(what) == "" {
				return usagef(`give --outcome KEY and --what "what happened"`)
			}
			date, err := flagDate(fs, "date")
			if err != nil {
				return usagef("%v", err)
			}
			if date.IsZero() {
				date = store.Today()
			}
			minutes := 0
			if m := strings.TrimSpace(flagString(fs, "minutes")); m != "" {
				if minutes, err = strconv.Atoi(m); err != nil {
					return usagef("--minutes takes a whole number of minutes, such as 45, not %q", m)
				}
			}
			entry := store.DiaryEntry{
				Date: date, Outcome: flagString(fs, "outcome"), What: what, Minutes: minutes,
				NeededHelp: flagBool(fs, "helped") || minutes > 0, Felt: flagString(fs, "felt"), BadDay: flagBool(fs, "bad-day"),
			}
			return withApp(ctx, e, func(a *app.App) error {
				id, err := a.SaveDiaryEntry(ctx, entry)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Added to your diary for %s.\n%s\n", app.HumanDate(date), id)
				return nil
			})
		},
	})
	periodFlags := func(fs *flag.FlagSet, o *opts) {
		fs.String("from", "", "the first day, such as 10/11/2026")
		fs.String("to", "", "the last day (default today)")
		jsonFlag(fs)
	}
	period := func(fs *flag.FlagSet) (store.Date, store.Date, error) {
		from, err := flagDate(fs, "from")
		if err != nil {
			return from, from, usagef("%v", err)
		}
		to, err := flagDate(fs, "to")
		if err != nil {
			return from, to, usagef("%v", err)
		}
		return from, to, nil
	}
	register(&command{
		name: "diary list", summary: "list your needs diary entries",
		help:  "Without --from and --to, lists every entry.",
		flags: periodFlags,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			from, to, err := period(fs)
			if err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				entries, err := a.DiaryEntries(ctx, from, to)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, nonNil(entries))
				}
				if len(entries) == 0 {
					fmt.Fprintln(e.stdout, "No diary entries yet.")
					return nil
				}
				g, err := a.PlanGuide(ctx)
				if err != nil {
					return err
				}
				for _, d := range entries {
					title := d.Outcome
					if o, _, ok := g.Outcome(d.Outcome); ok {
						title = o.Title
					}
					var extra []string
					if d.Minutes > 0 {
						extra = append(extra, fmt.Sprintf("%d minutes of help", d.Minutes))
					} else if d.NeededHelp {
						extra = append(extra, "needed help")
					}
					if d.BadDay {
						extra = append(extra, "bad day")
					}
					if d.Felt != "" {
						extra = append(extra, "felt: "+d.Felt)
					}
					fmt.Fprintf(e.stdout, "%s, %s: %s\n", app.HumanDate(d.Date), title, d.What)
					if len(extra) > 0 {
						fmt.Fprintf(e.stdout, "  (%s)\n", strings.Join(extra, "; "))
					}
					fmt.Fprintf(e.stdout, "  ID: %s\n", d.ID)
				}
				return nil
			})
		},
	})
	register(&command{
		name: "diary summary", summary: "sum up your needs diary, outcome by outcome",
		help:  "Without --from and --to, sums up the last 14 days, today included.",
		flags: periodFlags,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			from, to, err := period(fs)
			if err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				s, err := a.DiarySummary(ctx, from, to)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, diarySummaryJSON(s))
				}
				fmt.Fprintf(e.stdout, "Your needs diary from %s to %s (%d days, %d bad).\n", app.HumanDate(s.From), app.HumanDate(s.To), s.Days, s.BadDays)
				if len(s.Outcomes) == 0 {
					fmt.Fprintln(e.stdout, "No entries in that time.")
				}
				for _, o := range s.Outcomes {
					fmt.Fprintf(e.stdout, "- %s", o.Sentence)
					if o.TypicalMinutes > 0 {
						fmt.Fprintf(e.stdout, " Help usually took about %d minutes.", o.TypicalMinutes)
					}
					fmt.Fprintln(e.stdout)
				}
				return nil
			})
		},
	})
	itemRun := func(remove bool) func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		return func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the entry's ID (see diary list)")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if remove {
					if err := a.RemovePlanItem(ctx, "diary", args[0]); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Removed. To undo: ownplanctl diary restore %s\n", args[0])
					return nil
				}
				if err := a.RestorePlanItem(ctx, "diary", args[0]); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, "Brought back.")
				return nil
			})
		}
	}
	register(&command{name: "diary rm", args: "ID", summary: "remove a diary entry (undo with diary restore)", run: itemRun(true)})
	register(&command{name: "diary restore", args: "ID", summary: "bring back a diary entry you removed", run: itemRun(false)})
}

// diaryJSON is a diary summary with snake_case names.
type diaryJSON struct {
	From     store.Date         `json:"from"`
	To       store.Date         `json:"to"`
	Days     int                `json:"days"`
	BadDays  int                `json:"bad_days"`
	Outcomes []diaryOutcomeJSON `json:"outcomes"`
}

type diaryOutcomeJSON struct {
	Outcome         string `json:"outcome"`
	DaysWithEntries int    `json:"days_with_entries"`
	DaysNeedingHelp int    `json:"days_needing_help"`
	TotalMinutes    int    `json:"total_minutes"`
	TypicalMinutes  int    `json:"typical_minutes"`
	BadDays         int    `json:"bad_days"`
	Sentence        string `json:"sentence"`
}

func diarySummaryJSON(s plan.DiarySummary) diaryJSON {
	out := diaryJSON{From: s.From, To: s.To, Days: s.Days, BadDays: s.BadDays, Outcomes: []diaryOutcomeJSON{}}
	for _, o := range s.Outcomes {
		out.Outcomes = append(out.Outcomes, diaryOutcomeJSON{o.Outcome, o.DaysWithEntries, o.DaysNeedingHelp,
			o.TotalMinutes, o.TypicalMinutes, o.BadDays, o.Sentence})
	}
	return out
}
