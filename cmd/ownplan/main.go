// Command ownplan is OwnPlan's desktop app.
//
// Usage:
//
//	ownplan [--data FOLDER] [--demo]
//
// The data folder is --data, else $OWNPLAN_DATA, else OwnPlan in the
// user's configuration folder. With --demo, a new folder starts with the
// example person instead of the welcome screen.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/app/ui"
	"github.com/ownplan/ownplan/store"
)

// appID identifies OwnPlan to the operating system (FyneApp.toml too).
const appID = "org.ownplan.desktop"

func main() {
	start := time.Now()
	data := flag.String("data", "", "the data folder to use")
	withDemo := flag.Bool("demo", false, "fill a new, empty data folder with the example person")
	timing := flag.Bool("timing", false, "print how long the window took to appear")
	flag.Parse()
	fixLocale()

	fa := fyneapp.NewWithID(appID)
	fa.SetIcon(ui.Icon)
	ctx := context.Background()
	dir, err := store.ResolveDir(*data)
	if err != nil {
		ui.ShowStartupProblem(fa, *data, err).ShowAndRun()
		os.Exit(1)
	}
	a, err := app.Open(ctx, dir)
	if err != nil {
		ui.ShowStartupProblem(fa, dir, err).ShowAndRun()
		os.Exit(1)
	}
	if *withDemo {
		if _, has, _ := a.Profile(ctx); !has {
			if err := demo.Fill(ctx, a); err != nil {
				fmt.Fprintln(os.Stderr, "ownplan: example data:", err)
			}
		}
	}
	u := ui.New(fa, a)
	if *timing {
		fa.Lifecycle().SetOnStarted(func() {
			fmt.Fprintf(os.Stderr, "ownplan: window shown %v after start\n", time.Since(start).Round(time.Millisecond))
		})
	}
	u.Window().ShowAndRun()
	u.Close()
	u.App().Close()
}

// fixLocale gives Fyne a real locale when the system reports only "C" or
// "POSIX" (common in containers and minimal installs), which Fyne cannot
// parse. OwnPlan's wording is British English.
func fixLocale() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		l := os.Getenv(v)
		if l == "" {
			continue
		}
		if l == "C" || l == "POSIX" || strings.HasPrefix(l, "C.") {
			os.Setenv(v, "en_GB.UTF-8")
			continue
		}
		return
	}
	if os.Getenv("LANG") == "" {
		os.Setenv("LANG", "en_GB.UTF-8")
	}
}
