package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	const common = `The PDF uses large, clear type (12 point, or 16 point with --large-print,
where the text flows onto more pages rather than being magnified). Every
page says your name, the date it was made and "Page X of Y".

--generated sets the date printed as the day it was made, for example
2026-11-23: the same data and date always make exactly the same file.`
	register(&command{
		name: "export plan", args: "--out FILE [--large-print] [--generated DATE]",
		summary: "save your support plan as a PDF to send to the council",
		help: `The plan has a cover with your details, contents, your one-page profile,
every section in order (parts not written yet say what to write), your
personal budget and what your support costs, an agreement to sign and an
index of your evidence.

` + common,
		flags: func(fs *flag.FlagSet, o *opts) { exportFlags(fs, o, false) },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			return runExport(ctx, e, a, fs, o, app.ExportPlanPDF)
		},
	})
	register(&command{
		name: "export assessment", args: "--out FILE [--large-print] [--generated DATE]",
		summary: "save your assessment preparation pack as a PDF",
		help: `The pack has your answers about each eligibility outcome (what you can do,
what is hard, a good day, a bad day and how often), your needs diary summed
up and the evidence to bring.

` + common,
		flags: func(fs *flag.FlagSet, o *opts) { exportFlags(fs, o, false) },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			return runExport(ctx, e, a, fs, o, app.ExportAssessmentPDF)
		},
	})
	register(&command{
		name: "export statement", args: "--from DATE --to DATE --out FILE [--large-print] [--generated DATE]",
		summary: "save a budget statement (monitoring return) as a PDF",
		help: `The statement shows the balance at the start, the money in and the spending
by budget heading against what was planned, the balance at the end and
every transaction: the same figures as "budget return". Without --from and
--to it covers the last whole quarter of your budget year.

` + common,
		flags: func(fs *flag.FlagSet, o *opts) { exportFlags(fs, o, true) },
		withApp: func(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts) error {
			return runExport(ctx, e, a, fs, o, app.ExportStatementPDF)
		},
	})
}

// exportFlags defines the flags of the export commands.
func exportFlags(fs *flag.FlagSet, o *opts, period bool) {
	fs.StringVar(&o.out, "out", "", "the PDF file to save, for example plan.pdf")
	fs.Bool("large-print", false, "use 16 point text instead of 12")
	fs.String("generated", "", "the date to print as the day it was made (default today), for example 2026-11-23")
	if period {
		fs.StringVar(&o.from, "from", "", "the first day of the period, for example 2026-04-01")
		fs.String("to", "", "the last day of the period, for example 2026-06-30")
	}
}

// runExport makes the document and saves it where --out says.
func runExport(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o *opts, doc app.Export) error {
	if err := noArgs(fs); err != nil {
		return err
	}
	if strings.TrimSpace(o.out) == "" {
		return usagef("say where to save the PDF with --out FILE, for example --out %q", strings.ToLower(strings.ReplaceAll(doc.Title(), " ", "-"))+".pdf")
	}
	var opt app.ExportOptions
	opt.LargePrint, _ = strconv.ParseBool(exportFlag(fs, "large-print"))
	var err error
	if opt.Generated, err = exportDate(fs, "generated"); err != nil {
		return err
	}
	if doc == app.ExportStatementPDF {
		if opt.From, err = exportDate(fs, "from"); err != nil {
			return err
		}
		if opt.To, err = exportDate(fs, "to"); err != nil {
			return err
		}
	}
	if err := a.ExportFile(ctx, doc, o.out, opt); err != nil {
		return err
	}
	where := o.out
	if abs, err := filepath.Abs(o.out); err == nil {
		where = abs // say exactly where it went, as "return" does
	}
	fmt.Fprintf(e.stdout, "Saved the %s to %s\n", strings.ToLower(doc.Title()), where)
	return nil
}

// exportFlag returns the value of the flag name, or "" if there is none.
func exportFlag(fs *flag.FlagSet, name string) string {
	if f := fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// exportDate reads the date flag name; blank is the zero date.
func exportDate(fs *flag.FlagSet, name string) (store.Date, error) {
	s := strings.TrimSpace(exportFlag(fs, name))
	if s == "" {
		return store.Date{}, nil
	}
	d, err := app.ParseHumanDate(s)
	if err != nil {
		return d, usagef("--%s: %v", name, err)
	}
	return d, nil
}
