package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "help", args: "[COMMAND]", summary: "show the commands, or help for one command",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() == 0 {
				writeUsage(e.stdout)
				return nil
			}
			name := strings.Join(fs.Args(), " ")
			c := lookup(name)
			if c == nil {
				return usagef("there is no command %q", name)
			}
			cfs := flag.NewFlagSet(c.name, flag.ContinueOnError)
			cfs.String("data", "", "")
			if c.flags != nil {
				c.flags(cfs, &opts{})
			}
			writeCommandHelp(e.stdout, c, cfs)
			return nil
		},
	})
	register(&command{
		name: "version", summary: "show OwnPlan's version",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "OwnPlan %s (data format version %d)\n", app.Version, store.SchemaVersion())
			return nil
		},
	})
	register(&command{
		name: "init", summary: "start a new data folder for you",
		help:  "Refuses a folder that already has OwnPlan data, so nothing is overwritten.",
		flags: func(fs *flag.FlagSet, o *opts) { fs.StringVar(&o.name, "name", "", "your name (required)") },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if strings.TrimSpace(o.name) == "" {
				return usagef(`please give your name with --name, for example --name "Sam Jones"`)
			}
			dir, err := store.ResolveDir(o.data)
			if err != nil {
				return err
			}
			a, err := app.Init(ctx, dir, o.name)
			if err != nil {
				return err
			}
			defer a.Close()
			fmt.Fprintf(e.stdout, "Made a new OwnPlan for %s in %s\n", o.name, dir)
			return nil
		},
	})
	register(&command{
		name: "demo", summary: "fill a new data folder with the example person, Zoë",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			dir, err := store.ResolveDir(o.data)
			if err != nil {
				return err
			}
			a, err := app.Open(ctx, dir)
			if err != nil {
				return err
			}
			defer a.Close()
			if err := demo.Fill(ctx, a); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Filled %s with example data for %s\n", dir, demo.Person.Name)
			return nil
		},
	})
	register(&command{
		name: "status", summary: "show what is in the data folder",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			st, err := a.Status(ctx)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, st)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "Name:\t%s\n", st.Name)
			if st.Example {
				fmt.Fprintf(tw, "Example data:\tyes\n")
			}
			fmt.Fprintf(tw, "People who matter:\t%d\n", st.People)
			fmt.Fprintf(tw, "Data folder:\t%s\n", st.DataDir)
			fmt.Fprintf(tw, "Device ID:\t%s\n", st.DeviceID)
			fmt.Fprintf(tw, "Data format version:\t%d\n", st.SchemaVersion)
			if sync, err := a.SyncStatus(ctx); err == nil && sync.Shared {
				fmt.Fprintf(tw, "Sharing:\t%s\n", sync.Text)
			} else if err == nil {
				fmt.Fprintf(tw, "Sharing:\tnot shared with anyone\n")
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprintln(e.stdout, "\nWhat to do next: ownplanctl plan next")
			return err
		},
	})
	register(&command{
		name: "backup", summary: "save everything to one backup file",
		help: "The backup holds your whole data folder. Keep it somewhere safe, away from this computer.",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.out, "out", "", "the backup file to write (required)")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if o.out == "" {
				return usagef("please say where to save the backup with --out FILE")
			}
			if err := a.Backup(ctx, o.out); err != nil {
				return err
			}
			abs, _ := filepath.Abs(o.out)
			fmt.Fprintf(e.stdout, "Saved a backup of everything to %s\n", abs)
			return nil
		},
	})
	register(&command{
		name: "restore", summary: "restore a backup into a new, empty data folder",
		help:  "The data folder (--data) must be empty or not exist yet. A damaged backup is refused and nothing is written.",
		flags: func(fs *flag.FlagSet, o *opts) { fs.StringVar(&o.from, "from", "", "the backup file (required)") },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if o.from == "" {
				return usagef("please give the backup file with --from FILE")
			}
			dir, err := store.ResolveDir(o.data)
			if err != nil {
				return err
			}
			if err := app.Restore(ctx, o.from, dir); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Restored %s into %s\n", o.from, dir)
			return nil
		},
	})
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
