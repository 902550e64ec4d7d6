package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
	ownsync "github.com/ownplan/ownplan/sync"
)

func init() {
	members := func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		if err := noArgs(fs); err != nil {
			return err
		}
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		ms, err := a.Members(ctx)
		if err != nil {
			return err
		}
		invs, err := a.Invites(ctx)
		if err != nil {
			return err
		}
		if o.json {
			return writeJSON(e, struct {
				Members []app.Member   `json:"members"`
				Invites []store.Invite `json:"invites"`
			}{nonNil(ms), nonNil(invs)})
		}
		writeMembers(e, ms, invs)
		return nil
	}
	register(&command{
		name: "share members", summary: "list who your plan is shared with, their roles and safety phrases",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		run:   members,
	})
	register(&command{
		name: "share list", summary: "the same as share members",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		run:   members,
	})
	register(&command{
		name: "share revoke", args: "MEMBER", summary: "stop sharing with someone (by name or device ID)",
		help: "They keep what they already had, but get nothing new: the plan's key changes at once.",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the member's name or device ID (see share members)")
			}
			m, err := a.Revoke(ctx, fs.Arg(0))
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s can no longer see anything new in your plan.\n", m.Name)
			return nil
		},
	})
	register(&command{
		name: "share role", args: "MEMBER ROLE", summary: "change what someone may do: editor, commenter or viewer",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 2 {
				return usagef("give the member's name or device ID and the new role")
			}
			role, err := store.ParseRole(fs.Arg(1))
			if err != nil {
				return usagef("%v", err)
			}
			m, err := a.SetMemberRole(ctx, fs.Arg(0), role)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s is now %s: they %s. Everyone's devices learn this at the next sync.\n", m.Name, article(string(role)), role.Describe())
			return nil
		},
	})
	register(&command{
		name: "share cancel-invite", args: "ID", summary: "stop an invite code from working",
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the invite's ID (see share members)")
			}
			inv, err := a.CancelInvite(ctx, fs.Arg(0))
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "The invite for %s no longer works.\n", inv.Name)
			return nil
		},
	})
}

func writeMembers(e *env, ms []app.Member, invs []store.Invite) {
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "Your plan is not shared with anyone. To invite someone: ownplanctl share invite --name NAME --role editor --relay SERVER")
		return
	}
	fmt.Fprintln(e.stdout, "Shared with:")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, m := range ms {
		name := m.Name
		if m.You {
			name += " (you)"
		}
		seen := "-"
		if !m.LastSeen.IsZero() {
			seen = "seen " + ownsync.Ago(time.Since(m.LastSeen))
		}
		phrase := m.SafetyPhrase
		if phrase == "" {
			phrase = "-"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", name, m.Role, seen, phrase, m.Device)
	}
	tw.Flush()
	var waiting []store.Invite
	for _, i := range invs {
		if i.State(time.Now()) == store.InviteWaiting {
			waiting = append(waiting, i)
		}
	}
	if len(waiting) > 0 {
		fmt.Fprintln(e.stdout, "\nInvites not used yet:")
		tw = tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		for _, i := range waiting {
			fmt.Fprintf(tw, "  %s\t%s\tuntil %s\t%s\n", i.Name, i.Role, ukTime(i.Expires), i.ID)
		}
		tw.Flush()
	}
	fmt.Fprintln(e.stdout, "\nThe words after each person are the safety phrase: their screen shows the same words.")
}
