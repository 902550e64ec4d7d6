package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app"
)

func init() {
	conflicts := func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		if err := noArgs(fs); err != nil {
			return err
		}
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		cs, err := a.Conflicts(ctx)
		if err != nil {
			return err
		}
		if o.json {
			return writeJSON(e, nonNil(cs))
		}
		writeConflicts(e, cs)
		return nil
	}
	for _, name := range []string{"share conflicts", "plan conflicts"} {
		register(&command{
			name: name, summary: "texts two people changed at once, to choose between",
			flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
			run:   conflicts,
		})
	}
	register(&command{
		name: "share resolve", args: "ID --keep mine|theirs|TEXT", summary: "settle a conflict: keep your text, theirs, or your own merge",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("keep", "", "mine, theirs, or the merged text to keep")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the conflict's number (see share conflicts)")
			}
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return usagef("%q is not a conflict number (see share conflicts)", args[0])
			}
			keep := flagText(fs, "keep")
			if strings.TrimSpace(keep) == "" {
				return usagef("say what to keep with --keep mine, --keep theirs, or --keep \"the merged text\"")
			}
			if err := a.ResolveConflict(ctx, id, keep); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "Resolved. Everyone gets your choice at the next sync.")
			return nil
		},
	})
}

func writeConflicts(e *env, cs []app.Conflict) {
	if len(cs) == 0 {
		fmt.Fprintln(e.stdout, "No conflicts: nothing needs choosing.")
		return
	}
	for _, c := range cs {
		fmt.Fprintf(e.stdout, "Conflict %d: %s\n", c.ID, c.What)
		fmt.Fprintf(e.stdout, "  Mine (written by %s)%s:\n", c.MineBy, inUse(c, "mine"))
		fmt.Fprintf(e.stdout, "    %s\n", strings.ReplaceAll(c.Mine, "\n", "\n    "))
		fmt.Fprintf(e.stdout, "  Theirs (written by %s)%s:\n", c.TheirsBy, inUse(c, "theirs"))
		fmt.Fprintf(e.stdout, "    %s\n", strings.ReplaceAll(c.Theirs, "\n", "\n    "))
		fmt.Fprintf(e.stdout, "  To choose: ownplanctl share resolve %d --keep mine (or theirs, or \"your merged text\")\n\n", c.ID)
	}
}

func inUse(c app.Conflict, side string) string {
	if c.InUseNow == side {
		return ", in use now"
	}
	return ""
}
