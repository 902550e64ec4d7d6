package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/bankimport"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

func init() {
	importFlags := func(fs *flag.FlagSet, o *opts) {
		fs.Bool("dry-run", false, "say what would be added, without adding anything")
		fs.String("format", "", "csv or ofx (default: worked out from the file)")
		fs.String("columns", "", `choose a CSV file's columns, counting from 1: "date=1,payee=3,amount=4" or "date=1,payee=3,out=4,in=5"; remembered for that bank`)
		fs.String("undo", "", "undo an earlier import: give its ID (printed when it was imported)")
		jsonFlag(fs)
	}
	const importHelp = `Reads a CSV, OFX or QFX statement downloaded from online banking (or
Santander's "Text file (TXT)") and adds its payments in one go: all of
them, or none if anything in the file is wrong (the message names the
line). Payments already imported, from this file or an overlapping
statement in another layout, are not added twice; payments you typed in
by hand are matched and marked as checked. New payments go in the
category you chose before for the same payee.

"budget import" prints only "imported N, duplicates skipped M", for
scripts; its notes go to standard error.`
	register(&command{
		name: "import", args: "FILE", summary: "import a bank statement into your budget",
		help: importHelp, flags: importFlags,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			return runImport(ctx, e, fs, false)
		},
	})
	register(&command{
		name: "budget import", args: "FILE", summary: "the same as import",
		help: importHelp, flags: importFlags,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			return runImport(ctx, e, fs, true)
		},
	})
	returnFlags := func(fs *flag.FlagSet, o *opts) {
		fs.String("from", "", "the first day of the period, for example 2026-04-01")
		fs.String("to", "", "the last day of the period, for example 2026-06-30")
		fs.String("out", "", "the CSV file to write (default: print it)")
		jsonFlag(fs)
	}
	const returnHelp = `The monitoring return councils ask for, often every quarter: the opening
balance, money in, spending by category against the plan, the closing
balance, then every payment with its category and receipt reference.`
	for _, name := range []string{"return", "budget return"} {
		summary := "make the monitoring return for the council, as CSV"
		if name == "budget return" {
			summary = "the same as return"
		}
		register(&command{name: name, summary: summary, help: returnHelp, flags: returnFlags, run: runReturn})
	}
}

func runImport(ctx context.Context, e *env, fs *flag.FlagSet, issueWording bool) error {
	args, err := positional(fs)
	if err != nil {
		return err
	}
	if undo := flagString(fs, "undo"); undo != "" {
		if len(args) > 0 {
			return usagef("give either a FILE to import or --undo ID, not both")
		}
		return withApp(ctx, e, func(a *app.App) error {
			n, err := a.UndoImport(ctx, undo)
			if err != nil {
				return fmt.Errorf("undo import %s: %w", undo, err)
			}
			fmt.Fprintf(e.stdout, "Undid the import: deleted the %d payments it added.\n", n)
			return nil
		})
	}
	if len(args) != 1 {
		return usagef("give the statement file to import, for example: import Downloads/statement.csv")
	}
	opt := app.ImportOptions{DryRun: flagBool(fs, "dry-run"), Format: strings.ToLower(flagString(fs, "format"))}
	if c := flagString(fs, "columns"); c != "" {
		m, err := parseColumns(c)
		if err != nil {
			return usagef("%v", err)
		}
		opt.Mapping = &m
	}
	return withApp(ctx, e, func(a *app.App) error {
		res, err := a.ImportStatementFile(ctx, args[0], opt)
		if err != nil {
			if opt.Mapping == nil && (errors.Is(err, bankimport.ErrDate) || errors.Is(err, bankimport.ErrAmount)) &&
				strings.Contains(err.Error(), "choose the columns yourself") {
				// The advice to choose the columns, said the command line's way.
				return fmt.Errorf("%w To choose the columns, give --columns, for example --columns date=1,payee=2,amount=3 (see ownplanctl help import)", err)
			}
			return err
		}
		if flagBool(fs, "json") {
			return writeJSON(e, importJSON{ImportResult: res, Transactions: nonNil(res.New)})
		}
		// "budget import" prints just the one line its contract promises,
		// so scripts can read it; the notes go to standard error, where a
		// person at a terminal still sees them.
		notes := e.stdout
		if issueWording {
			fmt.Fprintf(e.stdout, "imported %d, duplicates skipped %d\n", res.Added, res.AlreadyThere)
			notes = e.stderr
		} else {
			fmt.Fprintln(e.stdout, res.Summary())
		}
		if !res.FirstDate.IsZero() {
			fmt.Fprintf(notes, "The statement runs from %s to %s.\n", app.HumanDate(res.FirstDate), app.HumanDate(res.LastDate))
		}
		if res.Added > 0 {
			fmt.Fprintf(notes, "%d of the new payments were put in a category from your earlier choices.\n", res.Categorised)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(notes, "Note: %s\n", w)
		}
		if res.ImportID != "" {
			fmt.Fprintf(notes, "To undo this import: ownplanctl import --undo %s\n", res.ImportID)
		}
		return nil
	})
}

type importJSON struct {
	app.ImportResult
	Transactions []store.BudgetTransaction `json:"transactions"`
}

// parseColumns reads --columns: "date=1,payee=3,amount=4", with in, out,
// balance, type, reference, "dates=month-first" and "negate".
func parseColumns(s string) (bankimport.Mapping, error) {
	var m bankimport.Mapping
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.ToLower(part))
		if part == "" {
			continue
		}
		if part == "negate" {
			m.Negate = true
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return m, fmt.Errorf("--columns: %q should be NAME=NUMBER, such as date=1", part)
		}
		if k == "dates" {
			switch v {
			case "day-first":
				m.DateOrder = bankimport.DayFirst
			case "month-first":
				m.DateOrder = bankimport.MonthFirst
			default:
				return m, fmt.Errorf("--columns: dates should be day-first or month-first")
			}
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return m, fmt.Errorf("--columns: %q: columns are counted from 1", part)
		}
		switch k {
		case "date":
			m.Date = n
		case "payee", "description":
			m.Description = n
		case "amount":
			m.Amount = n
		case "in", "paid-in":
			m.In = n
		case "out", "paid-out":
			m.Out = n
		case "balance":
			m.Balance = n
		case "type":
			m.Type = n
		case "reference":
			m.Reference = n
		default:
			return m, fmt.Errorf("--columns: %q is not a column OwnPlan reads; use date, payee, amount, in, out, balance, type or reference", k)
		}
	}
	return m, m.Validate()
}

func runReturn(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if err := noArgs(fs); err != nil {
		return err
	}
	from, err := flagDate(fs, "from")
	if err != nil {
		return usagef("%v", err)
	}
	to, err := flagDate(fs, "to")
	if err != nil {
		return usagef("%v", err)
	}
	if from.IsZero() || to.IsZero() {
		return usagef("give the period with --from and --to, for example --from 2026-04-01 --to 2026-06-30")
	}
	return withApp(ctx, e, func(a *app.App) error {
		if out := flagString(fs, "out"); out != "" {
			if err := a.SaveMonitoringReturn(ctx, out, from, to); err != nil {
				return err
			}
			abs, _ := filepath.Abs(out)
			fmt.Fprintf(e.stdout, "Saved the monitoring return for %s to %s in %s\n", app.HumanDate(from), app.HumanDate(to), abs)
			return nil
		}
		if flagBool(fs, "json") {
			r, txs, err := a.MonitoringReturn(ctx, from, to)
			if err != nil {
				return err
			}
			return writeJSON(e, returnToJSON(r, txs))
		}
		return a.WriteMonitoringReturn(ctx, e.stdout, from, to)
	})
}

type returnLineJSON struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Planned int64  `json:"planned_pence"`
	Amount  int64  `json:"amount_pence"`
}

type returnJSON struct {
	From           store.Date                `json:"from"`
	To             store.Date                `json:"to"`
	Holding        string                    `json:"holding"`
	AnnualBudget   int64                     `json:"annual_budget_pence"`
	WeeklyBudget   int64                     `json:"weekly_budget_pence"`
	Allocated      int64                     `json:"allocated_pence"`
	OpeningBalance int64                     `json:"opening_balance_pence"`
	MoneyIn        []returnLineJSON          `json:"money_in"`
	TotalIn        int64                     `json:"total_in_pence"`
	Spending       []returnLineJSON          `json:"spending"`
	TotalSpending  int64                     `json:"total_spending_pence"`
	ClosingBalance int64                     `json:"closing_balance_pence"`
	Unreconciled   int                       `json:"unreconciled"`
	Transactions   []store.BudgetTransaction `json:"transactions"`
}

func returnToJSON(r budget.Return, txs []store.BudgetTransaction) returnJSON {
	lines := func(ls []budget.ReturnLine) []returnLineJSON {
		out := []returnLineJSON{}
		for _, l := range ls {
			out = append(out, returnLineJSON{l.Key, l.Name, l.Planned, l.Amount})
		}
		return out
	}
	for i := range txs {
		txs[i].Splits = nonNil(txs[i].Splits)
	}
	return returnJSON{
		From: r.From, To: r.To, Holding: string(r.Holding), AnnualBudget: r.AnnualBudget, WeeklyBudget: r.WeeklyBudget,
		Allocated: r.Allocated, OpeningBalance: r.OpeningBalance, MoneyIn: lines(r.MoneyIn), TotalIn: r.TotalIn,
		Spending: lines(r.Spending), TotalSpending: r.TotalSpending, ClosingBalance: r.ClosingBalance,
		Unreconciled: r.Unreconciled, Transactions: nonNil(txs),
	}
}
