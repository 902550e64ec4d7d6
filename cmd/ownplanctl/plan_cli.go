package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// stdin is where "-" reads text from; tests replace it.
var stdin io.Reader = os.Stdin

// positional returns the arguments left after the command's flags,
// parsing any flags that come after them too, so that both
// "plan set KEY --text T" and "plan set --text T KEY" work. "--" ends
// the flags.
func positional(fs *flag.FlagSet) ([]string, error) {
	var pos []string
	args := fs.Args()
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return append(pos, args[1:]...), nil
		case a == "-" || !strings.HasPrefix(a, "-"):
			pos = append(pos, a)
			args = args[1:]
		default:
			if err := fs.Parse(args); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					return nil, usagef("here is how to use it")
				}
				return nil, usagef("%v", err)
			}
			args = fs.Args()
		}
	}
	return pos, nil
}

// flagString returns the value of the string flag name.
func flagString(fs *flag.FlagSet, name string) string {
	if f := fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// flagBool returns the value of the boolean flag name.
func flagBool(fs *flag.FlagSet, name string) bool {
	v, _ := strconv.ParseBool(flagString(fs, name))
	return v
}

// flagSet reports whether the flag name was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// flagDate reads the date flag name as a person would type it; zero if
// not given.
func flagDate(fs *flag.FlagSet, name string) (store.Date, error) {
	d, err := app.ParseHumanDate(flagString(fs, name))
	if err != nil {
		return d, fmt.Errorf("--%s: %w", name, err)
	}
	return d, nil
}

// flagMoney reads the money flag name ("£1,300", "1300.50").
func flagMoney(fs *flag.FlagSet, name string) (int64, error) {
	v, err := money.Parse(flagString(fs, name))
	if err != nil {
		return 0, fmt.Errorf("--%s: %w", name, err)
	}
	return v, nil
}

// jsonFlag adds the usual --json flag.
func jsonFlag(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON for scripts") }

// readText returns text given with --text, or read from --file, or from
// standard input when the argument is "-". Text is kept exactly,
// including line breaks; only "--file" and "-" read at most MaxPlanText.
func readText(fs *flag.FlagSet, arg string) (string, bool, error) {
	text, file := flagString(fs, "text"), flagString(fs, "file")
	given := 0
	for _, ok := range []bool{flagSet(fs, "text"), file != "", arg == "-"} {
		if ok {
			given++
		}
	}
	if given > 1 {
		return "", false, usagef("give the text one way only: --text, --file or - for standard input")
	}
	switch {
	case flagSet(fs, "text"):
		return text, true, nil
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return "", false, fileError(file, err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return "", false, fmt.Errorf("%s is a folder, not a file; give the text file inside it", file)
		}
		return readLimited(f, file)
	case arg == "-":
		return readLimited(stdin, "standard input")
	}
	return "", false, nil
}

// readLimited reads at most MaxPlanText of text from r. A byte-order
// mark at the start says how the file is encoded, not what it says, so
// it is dropped, and text saved as UTF-16 (as some Windows programs do)
// becomes UTF-8; everything else is kept exactly.
func readLimited(r io.Reader, name string) (string, bool, error) {
	// UTF-16 takes up to twice the bytes of the same text in UTF-8.
	b, err := io.ReadAll(io.LimitReader(r, 2*app.MaxPlanText+2))
	if err != nil {
		return "", false, fmt.Errorf("could not read %s: %w", name, err)
	}
	text, err := decodeText(b)
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", name, err)
	}
	if len(text) > app.MaxPlanText {
		return "", false, fmt.Errorf("%s is more than 1 MB (about 150,000 words), too long for one part of a plan; split it, or keep it as evidence", name)
	}
	return text, true, nil
}

// decodeText turns the bytes of a text file into a string: UTF-8, with
// or without a byte-order mark, or UTF-16 with one.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:]), nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		if len(b)%2 != 0 {
			return "", errors.New("the file looks like UTF-16 text but ends half-way through a character; save it again as UTF-8 text")
		}
		order := binary.ByteOrder(binary.LittleEndian)
		if b[0] == 0xFE {
			order = binary.BigEndian
		}
		units := make([]uint16, 0, len(b)/2-1)
		for i := 2; i < len(b); i += 2 {
			units = append(units, order.Uint16(b[i:]))
		}
		return string(utf16.Decode(units)), nil
	}
	return string(b), nil
}

// fileError says in plain words why a file could not be opened.
func fileError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("there is no file %s; check the name and the folder it is in", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("OwnPlan is not allowed to read %s; check who the file belongs to", name)
	}
	return fmt.Errorf("could not open %s: %w", name, err)
}

// sub is one action of a three-word command such as "plan outcome add".
type sub struct {
	name    string
	args    string
	summary string
	flags   func(fs *flag.FlagSet)
	run     func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error
}

// registerGroup registers "NAME ACTION ...": for example "plan outcome"
// with the actions add and edit. The action's own flags are parsed after
// it, anywhere among its arguments.
func registerGroup(name, summary string, subs ...sub) {
	var help strings.Builder
	help.WriteString("Actions:\n")
	for _, s := range subs {
		fmt.Fprintf(&help, "\n  ownplanctl %s %s %s\n      %s\n", name, s.name, s.args, s.summary)
		if s.flags != nil {
			fs := flag.NewFlagSet(s.name, flag.ContinueOnError)
			s.flags(fs)
			fs.VisitAll(func(f *flag.Flag) {
				fmt.Fprintf(&help, "      --%-12s %s\n", f.Name, f.Usage)
			})
		}
	}
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = s.name
	}
	register(&command{
		name: name, args: strings.Join(names, "|") + " ...", summary: summary, help: help.String(),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() == 0 {
				return usagef("say what to do: %s", strings.Join(names, ", "))
			}
			var s *sub
			for i := range subs {
				if subs[i].name == fs.Arg(0) {
					s = &subs[i]
				}
			}
			if s == nil {
				return usagef("%q is not something %s can do; use one of: %s", fs.Arg(0), name, strings.Join(names, ", "))
			}
			sfs := flag.NewFlagSet("ownplanctl "+name+" "+s.name, flag.ContinueOnError)
			sfs.SetOutput(io.Discard)
			data := sfs.String("data", e.data, "the data folder to use")
			if s.flags != nil {
				s.flags(sfs)
			}
			if err := sfs.Parse(fs.Args()[1:]); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					fmt.Fprintf(e.stdout, "Usage: ownplanctl %s %s %s\n\n%s\n", name, s.name, s.args, s.summary)
					sfs.VisitAll(func(f *flag.Flag) { fmt.Fprintf(e.stdout, "  --%-12s %s\n", f.Name, f.Usage) })
					return nil
				}
				return usagef("%v", err)
			}
			args, err := positional(sfs)
			if err != nil {
				return err
			}
			e.data = *data
			return s.run(ctx, e, sfs, args)
		},
	})
}

// withApp opens the data folder, runs fn and closes it.
func withApp(ctx context.Context, e *env, fn func(a *app.App) error) error {
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(a)
}

// keyList joins keys for a usage message.
func keyList(keys []string) string {
	out := append([]string(nil), keys...)
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// splitList reads "a, b,c" as a list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// indent indents every line of s.
func indent(s, by string) string {
	return by + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+by)
}
