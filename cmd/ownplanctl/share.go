package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// flagText reads a flag that a command's flags function defined.
func flagText(fs *flag.FlagSet, name string) string {
	if f := fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// parseLife reads how long an invite works: "7d", "48h", "30m" or a Go
// duration.
func parseLife(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && strings.HasSuffix(s, "d") {
		if n < 1 || n > 90 {
			return 0, fmt.Errorf("an invite can work for 1 to 90 days")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a length of time; write for example 7d (seven days) or 12h (twelve hours)", s)
	}
	return d, nil
}

// ukTime shows a time the way people in the UK write it.
func ukTime(t time.Time) string { return t.Local().Format("2 January 2006 at 15:04") }

func init() {
	register(&command{
		name: "share create-circle", summary: "start sharing this plan through a sharing server",
		help: "You only need this to choose the server before inviting anyone: \"share invite --relay\" starts sharing too.",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("relay", "", "the sharing server, for example wss://relay.example.org (required)")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			relay := flagText(fs, "relay")
			if relay == "" {
				return usagef("give the sharing server with --relay, for example --relay wss://relay.example.org")
			}
			if _, err := a.StartSharing(ctx, relay); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Your plan can now be shared through %s. Invite someone with: ownplanctl share invite --name NAME --role editor\n", relay)
			return nil
		},
	})
	register(&command{
		name: "share invite", summary: "make a one-time code to invite someone to your plan",
		help: "Roles: editor (can change the plan, budget and evidence), commenter (can add comments),\n" +
			"viewer (can only read). The code works once and stops after --expires (7 days).\n" +
			"Read it to the person over the phone, or show it with the QR code in the app.\n" +
			"The code is printed on the last line.",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.name, "name", "", "the name of the person you are inviting (required)")
			fs.String("role", "", "editor, commenter or viewer (required)")
			fs.String("relay", "", "the sharing server, for example wss://relay.example.org (needed the first time)")
			fs.String("expires", "7d", "how long the code works, for example 7d or 12h")
		},
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if strings.TrimSpace(o.name) == "" {
				return usagef("give the person's name with --name")
			}
			roleText := flagText(fs, "role")
			if roleText == "" {
				return usagef("give their role with --role: editor, commenter or viewer")
			}
			role, err := store.ParseRole(roleText)
			if err != nil {
				return usagef("%v", err)
			}
			life, err := parseLife(flagText(fs, "expires"))
			if err != nil {
				return usagef("--expires: %v", err)
			}
			inv, err := a.Invite(ctx, app.InviteRequest{Name: o.name, Role: role, Relay: flagText(fs, "relay"), Life: life})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Invite for %s as %s: %s.\n", inv.Invite.Name, article(string(role)), role.Describe())
			fmt.Fprintf(e.stdout, "The code works once, until %s. Cancel it with: ownplanctl share cancel-invite %s\n", ukTime(inv.Invite.Expires), inv.Invite.ID)
			fmt.Fprintf(e.stdout, "When %s has joined, check the safety phrase with them: ownplanctl share members\n", inv.Invite.Name)
			fmt.Fprintf(e.stdout, "Code (read it out, with the server's address): %s\n", inv.Short)
			fmt.Fprintln(e.stdout, inv.Code)
			return nil
		},
	})
	register(&command{
		name: "share join", args: "CODE", summary: "join someone's plan with the invite code they gave you",
		help: "Use a new, empty data folder (--data FOLDER): it becomes your copy of their plan, kept in sync.",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.name, "name", "", "your name, so the owner knows who joined (required)")
			fs.String("relay", "", "the sharing server, if the code does not start with it")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) < 1 {
				return usagef("give the invite code, for example: share join relay.example.org/7K2M-Q9XD-4HTB-WN3R --name Sam")
			}
			if strings.TrimSpace(o.name) == "" {
				return usagef("give your name with --name")
			}
			code := strings.Join(args, " ")
			dir, err := store.ResolveDir(e.data)
			if err != nil {
				return err
			}
			a, err := app.Open(ctx, dir)
			if err != nil {
				return err
			}
			defer a.Close()
			p, err := a.Join(ctx, code, flagText(fs, "relay"), o.name)
			if err != nil && p.Welcome.Circle == "" {
				return err
			}
			w := p.Welcome
			fmt.Fprintf(e.stdout, "You joined %s's plan as %s: you %s.\n", w.OwnerName, article(string(w.Role)), w.Role.Describe())
			fmt.Fprintf(e.stdout, "Safety phrase: %s\n", p.SafetyPhrase)
			fmt.Fprintf(e.stdout, "Check that %s sees the same words. If not, tell them straight away.\n", w.OwnerName)
			if err != nil {
				return fmt.Errorf("joined, but the plan has not arrived yet (run ownplanctl sync later): %w", err)
			}
			st, _ := a.SyncStatus(ctx)
			fmt.Fprintln(e.stdout, st.Text)
			return nil
		},
	})
}

func article(word string) string {
	if word != "" && strings.ContainsAny(word[:1], "aeiou") {
		return "an " + word
	}
	return "a " + word
}
