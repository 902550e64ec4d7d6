package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	addFlags := func(fs *flag.FlagSet) {
		fs.String("text", "", "the comment (or give it after the section)")
	}
	add := func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		var section, body string
		switch {
		case len(args) == 2 && !flagSet(fs, "text"):
			section, body = args[0], args[1]
		case len(args) == 1 && flagSet(fs, "text"):
			section, body = args[0], flagString(fs, "text")
		default:
			return usagef(`give the section's key and the comment, for example: plan comment add my-money "Is the taxi money enough?"`)
		}
		return withApp(ctx, e, func(a *app.App) error {
			c, err := a.AddComment(ctx, store.Comment{Section: section, Body: body})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Added your comment on %s.\n%s\n", section, c.ID)
			return nil
		})
	}
	listFlags := func(fs *flag.FlagSet) {
		jsonFlag(fs)
		fs.Bool("open", false, "only the comments not resolved yet")
	}
	list := func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 1 {
			return usagef("give at most one section key")
		}
		section := ""
		if len(args) == 1 {
			section = args[0]
		}
		return withApp(ctx, e, func(a *app.App) error {
			cs, err := a.Comments(ctx, section)
			if err != nil {
				return err
			}
			out := []store.Comment{}
			for _, c := range cs {
				if !flagBool(fs, "open") || !c.Resolved {
					out = append(out, c)
				}
			}
			if flagBool(fs, "json") {
				return writeJSON(e, out)
			}
			if len(out) == 0 {
				fmt.Fprintln(e.stdout, "No comments.")
				return nil
			}
			g, err := a.PlanGuide(ctx)
			if err != nil {
				return err
			}
			for _, c := range out {
				title := c.Section
				if s, ok := g.Section(c.Section); ok {
					title = s.Title
				}
				state := "open"
				if c.Resolved {
					state = "resolved"
				}
				fmt.Fprintf(e.stdout, "%s, on “%s”, %s (%s):\n%s\n  ID: %s\n\n", orDash(c.AuthorName), title,
					app.HumanDate(store.DateOf(c.Created.Local())), state, indent(c.Body, "  "), c.ID)
			}
			return nil
		})
	}
	resolve := func(resolved bool) func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		return func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
			if len(args) != 1 {
				return usagef("give the comment's ID (see plan comment list)")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.SetCommentResolved(ctx, args[0], resolved); err != nil {
					return err
				}
				if resolved {
					fmt.Fprintln(e.stdout, "Marked resolved. To open it again: ownplanctl plan comment reopen "+args[0])
				} else {
					fmt.Fprintln(e.stdout, "Opened again.")
				}
				return nil
			})
		}
	}
	subs := []sub{
		{name: "add", args: "SECTION TEXT", summary: "comment on a section of the plan", flags: addFlags, run: add},
		{name: "list", args: "[SECTION]", summary: "list the comments, on one section or all", flags: listFlags, run: list},
		{name: "resolve", args: "ID", summary: "mark a comment as dealt with", run: resolve(true)},
		{name: "reopen", args: "ID", summary: "open a resolved comment again", run: resolve(false)},
	}
	registerGroup("plan comment", "comment on your plan's sections, and resolve comments", subs...)
	// The shorter names the issue uses: comment add, comment list...
	for _, s := range subs {
		s := s
		register(&command{
			name: "comment " + s.name, args: s.args, summary: s.summary + " (same as plan comment " + s.name + ")",
			flags: func(fs *flag.FlagSet, o *opts) {
				if s.flags != nil {
					s.flags(fs)
				}
			},
			run: adapt(s.run),
		})
	}
}
