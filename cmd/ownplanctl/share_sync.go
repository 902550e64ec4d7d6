package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
	ownsync "github.com/ownplan/ownplan/sync"
)

func init() {
	once := func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		res, err := a.SyncNow(ctx)
		if err != nil {
			if errors.Is(err, store.ErrNoCircle) {
				return fmt.Errorf("%w; to share it: ownplanctl share invite --name NAME --role editor --relay SERVER", err)
			}
			return err
		}
		fmt.Fprintf(e.stdout, "sent %d, received %d\n", res.Sent, res.Received)
		if res.BlobsReceived > 0 {
			fmt.Fprintf(e.stdout, "received %d shared evidence files\n", res.BlobsReceived)
		}
		if res.Refused > 0 {
			fmt.Fprintf(e.stdout, "refused %d changes their senders were not allowed to make (see share status)\n", res.Refused)
		}
		if res.Conflicts == 1 {
			fmt.Fprintln(e.stdout, "1 text was changed by two people at once: see share conflicts")
		} else if res.Conflicts > 1 {
			fmt.Fprintf(e.stdout, "%d texts were changed by two people at once: see share conflicts\n", res.Conflicts)
		}
		return nil
	}
	register(&command{
		name: "sync", summary: "sync the shared plan now: one round, then exit",
		help: "Prints \"sent N, received M\". When the server cannot be reached it exits 1 and nothing here changes.",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return once(ctx, e, fs, o)
		},
	})
	register(&command{
		name: "share sync", summary: "sync the shared plan: with --once one round, otherwise until you press Ctrl-C",
		flags: func(fs *flag.FlagSet, o *opts) { fs.Bool("once", false, "sync once and exit") },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if flagText(fs, "once") == "true" {
				return once(ctx, e, fs, o)
			}
			a, err := e.open(ctx)
			if err != nil {
				return err
			}
			defer a.Close()
			if _, err := a.SyncStatus(ctx); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "Keeping your plan in sync. Press Ctrl-C to stop.")
			stop := a.StartSync(ctx)
			<-ctx.Done()
			stop()
			st, _ := a.SyncStatus(context.Background())
			fmt.Fprintln(e.stdout, st.Text)
			return nil
		},
	})
	register(&command{
		name: "share status", summary: "say whether your shared plan is up to date",
		flags: func(fs *flag.FlagSet, o *opts) { fs.BoolVar(&o.json, "json", false, "print JSON for scripts") },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			st, err := a.SyncStatus(ctx)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(e, st)
			}
			writeSyncStatus(e, st)
			return nil
		},
	})
}

func writeSyncStatus(e *env, st ownsync.Status) {
	fmt.Fprintln(e.stdout, st.Text)
	if !st.Shared {
		return
	}
	if st.Removed {
		fmt.Fprintf(e.stdout, "This is %s's plan. %s removed you from sharing it, so nothing new arrives here and nothing you change here is sent.\n", st.OwnerName, st.OwnerName)
	} else if st.Role != store.RoleOwner {
		fmt.Fprintf(e.stdout, "This is %s's plan. You are %s: you %s.\n", st.OwnerName, article(string(st.Role)), st.Role.Describe())
	}
	fmt.Fprintf(e.stdout, "Sharing server: %s\n", st.Relay)
	if st.Conflicts == 1 {
		fmt.Fprintln(e.stdout, "1 text changed by two people at once waits for you to choose: ownplanctl share conflicts")
	} else if st.Conflicts > 1 {
		fmt.Fprintf(e.stdout, "%d texts changed by two people at once wait for you to choose: ownplanctl share conflicts\n", st.Conflicts)
	}
	if st.Parked > 0 {
		fmt.Fprintf(e.stdout, "%d changes came from a newer OwnPlan; they are kept and will appear when you update OwnPlan.\n", st.Parked)
	}
	if st.Held > 0 {
		fmt.Fprintf(e.stdout, "%d batches wait for the owner's device to confirm a new member; they are kept.\n", st.Held)
	}
	for _, r := range st.Refused {
		fmt.Fprintf(e.stdout, "Refused %d changes on %s: %s.\n", r.Changes, r.Received.Local().Format("2 January 2006"), r.Reason)
	}
}
