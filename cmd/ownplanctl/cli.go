package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one ownplanctl command.
type command struct {
	name    string
	args    string // the arguments after the name, for the usage line
	summary string // one line for the command list
	help    string // a paragraph for "help COMMAND"
	flags   func(fs *flag.FlagSet, o *opts)
	run     func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error
	// withApp, used instead of run, is for commands on an existing data
	// folder: the folder is opened before it runs and closed after.
	withApp func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error
}

// exec runs c: opening the data folder first for withApp commands.
func (c *command) exec(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if c.withApp == nil {
		return c.run(ctx, e, fs, o)
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	return c.withApp(ctx, e, a, fs, o)
}

// opts holds every flag any command takes.
type opts struct {
	data     string
	name     string
	json     bool
	out      string
	from     string
	relation string
	contact  string
	notes    string
}

// env is what a running command can use.
type env struct {
	stdout, stderr io.Writer
	data           string
}

// usageError is a command used wrongly; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

var commands []*command

func register(c *command) { commands = append(commands, c) }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is the whole program: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("ownplanctl", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	data := global.String("data", "", "")
	help := global.Bool("help", false, "")
	global.BoolVar(help, "h", false, "")
	version := global.Bool("version", false, "")
	if err := global.Parse(args); err != nil {
		fmt.Fprintf(stderr, "ownplanctl: %v\n\n", err)
		writeUsage(stderr)
		return exitUsage
	}
	rest := global.Args()
	switch {
	case *version:
		rest = []string{"version"}
	case *help || len(rest) == 0:
		writeUsage(stdout)
		if *help {
			return exitOK
		}
		return exitUsage
	}
	name := rest[0]
	// Two-word commands: "profile show", "people add".
	if len(rest) > 1 && lookup(name+" "+rest[1]) != nil {
		name, rest = name+" "+rest[1], rest[1:]
	}
	c := lookup(name)
	if c == nil {
		if group := subcommands(name); len(group) > 0 {
			fmt.Fprintf(stderr, "ownplanctl: %q needs one of: %s\n", name, strings.Join(group, ", "))
		} else {
			fmt.Fprintf(stderr, "ownplanctl: there is no command %q. Run \"ownplanctl help\" to see the commands.\n", name)
		}
		return exitUsage
	}
	fs := flag.NewFlagSet("ownplanctl "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := &opts{}
	fs.StringVar(&o.data, "data", *data, "")
	if c.flags != nil {
		c.flags(fs, o)
	}
	fs.Usage = func() {}
	if err := fs.Parse(rest[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeCommandHelp(stdout, c, fs)
			return exitOK
		}
		usageFailed(stderr, c.name, err)
		return exitUsage
	}
	e := &env{stdout: stdout, stderr: stderr, data: o.data}
	if err := c.exec(ctx, e, fs, o); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			usageFailed(stderr, c.name, err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "ownplanctl %s: %v\n", c.name, advise(err))
		return exitFail
	}
	return exitOK
}

// usageFailed says what was wrong with how a command was used, and where
// its help is: two lines, not the whole help, so that one typo does not
// mean listening to every option again with a screen reader.
func usageFailed(w io.Writer, name string, err error) {
	fmt.Fprintf(w, "ownplanctl %s: %v\nFor what this command takes: ownplanctl %s --help\n", name, err, name)
}

// advise adds what to do next to errors a person can act on.
func advise(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, store.ErrNoData):
		msg += `. To start, run: ownplanctl init --name "Your Name" (or ownplanctl demo to try the example person), or give the right folder with --data.`
	case errors.Is(err, store.ErrInUse):
		msg += ". If OwnPlan is not open anywhere, restart the computer and try again."
	}
	return msg
}

func subcommands(group string) []string {
	var out []string
	for _, c := range commands {
		if strings.HasPrefix(c.name, group+" ") {
			out = append(out, strings.TrimPrefix(c.name, group+" "))
		}
	}
	return out
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, `ownplanctl: OwnPlan from the command line.

Usage: ownplanctl [--data FOLDER] COMMAND [ARGUMENTS]

Commands:
`)
	sorted := append([]*command(nil), commands...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	width := 0
	for _, c := range sorted {
		width = max(width, len(c.name))
	}
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, `
Your data folder is --data FOLDER, or $%s, or OwnPlan in your
user settings folder. Run "ownplanctl help COMMAND" or
"ownplanctl COMMAND --help" for more about a command.
`, store.EnvDataDir)
}

func writeCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: ownplanctl %s", c.name)
	if c.args != "" {
		fmt.Fprintf(w, " %s", c.args)
	}
	fmt.Fprintf(w, "\n\n%s\n", c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", c.help)
	}
	fmt.Fprintln(w, "\nOptions:")
	width := len("--data FOLDER")
	fs.VisitAll(func(f *flag.Flag) { width = max(width, len(optionLabel(f))) })
	fs.VisitAll(func(f *flag.Flag) {
		usage := f.Usage
		if f.Name == "data" {
			usage = "the data folder to use"
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, optionLabel(f), usage)
	})
}

// optionLabel is how help shows an option: "--name NAME" for one that
// takes a value, so nobody mistakes it for a switch, and "--bad-day" for a
// switch.
func optionLabel(f *flag.Flag) string {
	if f.Name == "data" {
		return "--data FOLDER"
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "--" + f.Name
	}
	value, ok := placeholders[f.Name]
	if !ok {
		value = strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
	}
	return "--" + f.Name + " " + value
}

// placeholders name what an option takes, where its own name does not.
var placeholders = map[string]string{
	"out": "FILE", "file": "FILE", "in": "FILE",
	"date": "DATE", "generated": "DATE", "from": "DATE", "to": "DATE", "by": "DATE", "on": "DATE",
	"deadline": "DATE", "received": "DATE", "since": "DATE", "until": "DATE", "as-of": "DATE",
	"year-end": "DATE", "start": "DATE", "started": "DATE", "first-payment": "DATE", "review": "DATE",
	"minutes": "N", "version": "N", "limit": "N", "weeks": "N", "page": "N", "year": "YEAR",
	"clawback-weeks": "N", "threshold-weeks": "N",
	"amount": "POUNDS", "planned": "POUNDS", "opening-balance": "POUNDS", "cost": "POUNDS", "contribution": "POUNDS",
	"per": "PERIOD", "contribution-per": "PERIOD", "period": "PERIOD", "at-risk": "YES/NO",
	"relay": "URL", "expires": "TIME", "receipt": "ID", "link": "KEY", "unlink": "KEY", "field": "QUESTION",
}

// open opens the data folder, which must already hold data.
func (e *env) open(ctx context.Context) (*app.App, error) {
	dir, err := store.ResolveDir(e.data)
	if err != nil {
		return nil, err
	}
	return app.OpenExisting(ctx, dir)
}

// noArgs refuses arguments a command does not take.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usagef("unexpected %q", strings.Join(fs.Args(), " "))
	}
	return nil
}
