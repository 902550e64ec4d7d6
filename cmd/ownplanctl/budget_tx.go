package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

func init() {
	txFlags := func(fs *flag.FlagSet, o *opts) {
		fs.String("date", "", "the date of the payment, for example 2026-11-23 or 23/11/2026")
		fs.String("amount", "", "the amount in pounds: negative for money out (-18.00), positive for money in")
		fs.String("payee", "", "who was paid, or who paid")
		fs.String("category", "", "the category's key, such as transport (see budget categories)")
		fs.String("note", "", "a note, for example what it was for")
		fs.String("reference", "", "a payment reference")
		fs.String("receipt", "", "the ID of the receipt or invoice in your evidence")
	}
	for _, name := range []string{"tx add", "budget add"} {
		summary := "add a payment in or out of the budget's account"
		if name == "budget add" {
			summary = "the same as tx add"
		}
		register(&command{
			name: name, summary: summary, flags: txFlags, run: runTxAdd,
			help: "Money out is negative: --amount -18.00. Prints the payment's ID on the last line.\nWithout --category, the payment goes in the category you chose last time for the same payee.",
		})
	}
	register(&command{
		name: "tx edit", args: "ID", summary: "change a payment (give only what changes)",
		flags: func(fs *flag.FlagSet, o *opts) {
			txFlags(fs, o)
			fs.Lookup("category").Usage = `the category's key; "none" takes it out of any category`
		},
		run: runTxEdit,
	})
	for _, name := range []string{"tx list", "budget list"} {
		summary := "list the payments in and out"
		if name == "budget list" {
			summary = "the same as tx list"
		}
		register(&command{
			name: name, summary: summary,
			flags: func(fs *flag.FlagSet, o *opts) {
				fs.String("from", "", "the first date to list")
				fs.String("to", "", "the last date to list")
				fs.String("search", "", "only payments with these words in the payee, note, reference, category or amount")
				fs.String("category", "", `only this category's payments ("none": those not in a category yet)`)
				fs.Bool("unreconciled", false, "only payments not yet checked against a bank statement")
				jsonFlag(fs)
			},
			run: runTxList,
		})
	}
	register(&command{
		name: "tx rm", args: "ID", summary: "delete a payment (undo with tx restore)",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the ID of the payment to delete (see tx list)")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.DeleteTransaction(ctx, fs.Arg(0)); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Deleted. To undo: ownplanctl tx restore %s\n", fs.Arg(0))
				return nil
			})
		},
	})
	register(&command{
		name: "tx restore", args: "ID", summary: "bring back a payment you deleted",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if fs.NArg() != 1 {
				return usagef("give the ID of the payment to bring back")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.RestoreTransaction(ctx, fs.Arg(0)); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, "Brought back.")
				return nil
			})
		},
	})
	register(&command{
		name: "tx split", args: "ID KEY=AMOUNT...", summary: "share a payment between categories",
		help: "For example: tx split ID short_breaks=300 transport=120\nThe parts must add up to the payment. Give them as plain amounts; they take the payment's sign.",
		run:  runTxSplit,
	})
	register(&command{
		name: "tx reconcile", args: "ID...", summary: "mark payments as checked against the bank statement",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.Bool("undo", false, "mark them as not yet checked instead")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			ids, err := positional(fs)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				return usagef("give the ID of each payment to mark as checked (see tx list)")
			}
			done := !flagBool(fs, "undo")
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.ReconcileTransactions(ctx, done, ids...); err != nil {
					return err
				}
				if done {
					fmt.Fprintf(e.stdout, "Marked %d as checked against the statement.\n", len(ids))
				} else {
					fmt.Fprintf(e.stdout, "Marked %d as not yet checked.\n", len(ids))
				}
				return nil
			})
		},
	})
}

func runTxAdd(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if _, err := positional(fs); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected %q", strings.Join(fs.Args(), " "))
	}
	for _, f := range []string{"date", "amount", "payee"} {
		if strings.TrimSpace(flagString(fs, f)) == "" {
			return usagef("give --date, --amount and --payee, for example --date 2026-11-23 --amount -18.00 --payee \"A2B Taxis\"")
		}
	}
	var t store.BudgetTransaction
	if err := applyTxFlags(fs, &t); err != nil {
		return err
	}
	return withApp(ctx, e, func(a *app.App) error {
		id, err := a.SaveTransaction(ctx, t)
		if err != nil {
			return err
		}
		t, _ = a.Transaction(ctx, id)
		names, _ := categoryNames(ctx, a)
		fmt.Fprintf(e.stdout, "Added %s %s on %s (%s)\n%s\n", money.Format(t.Amount), t.Payee, app.HumanDate(t.Date), describeSplits(t, names), id)
		return nil
	})
}

func runTxEdit(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	args, err := positional(fs)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give the ID of the payment to change (see tx list)")
	}
	return withApp(ctx, e, func(a *app.App) error {
		t, err := a.Transaction(ctx, args[0])
		if err != nil {
			return err
		}
		if err := applyTxFlags(fs, &t); err != nil {
			return err
		}
		if _, err := a.SaveTransaction(ctx, t); err != nil {
			return err
		}
		names, _ := categoryNames(ctx, a)
		fmt.Fprintf(e.stdout, "Saved %s %s on %s (%s)\n", money.Format(t.Amount), t.Payee, app.HumanDate(t.Date), describeSplits(t, names))
		return nil
	})
}

// applyTxFlags changes t by the flags given.
func applyTxFlags(fs *flag.FlagSet, t *store.BudgetTransaction) error {
	if flagSet(fs, "date") {
		d, err := flagDate(fs, "date")
		if err != nil {
			return err
		}
		t.Date = d
	}
	oldAmount := t.Amount
	if flagSet(fs, "amount") {
		v, err := flagMoney(fs, "amount")
		if err != nil {
			return err
		}
		t.Amount = v
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{"payee", &t.Payee}, {"note", &t.Note}, {"reference", &t.Reference}, {"receipt", &t.Receipt}} {
		if flagSet(fs, f.name) {
			*f.to = flagString(fs, f.name)
		}
	}
	switch k := strings.TrimSpace(flagString(fs, "category")); {
	case flagSet(fs, "category") && (k == "" || strings.EqualFold(k, "none")):
		t.Splits = nil
	case flagSet(fs, "category"):
		t.Splits = []store.BudgetSplit{{Category: k, Amount: t.Amount}}
	case t.Amount != oldAmount && len(t.Splits) == 1:
		t.Splits[0].Amount = t.Amount
	case t.Amount != oldAmount && len(t.Splits) > 1:
		return fmt.Errorf("this payment is split between categories; split it again for the new amount with tx split, or give --category")
	}
	return nil
}

func runTxList(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if err := noArgs(fs); err != nil {
		return err
	}
	var f app.TransactionFilter
	var err error
	if f.From, err = flagDate(fs, "from"); err != nil {
		return usagef("%v", err)
	}
	if f.To, err = flagDate(fs, "to"); err != nil {
		return usagef("%v", err)
	}
	f.Search = flagString(fs, "search")
	f.Unreconciled = flagBool(fs, "unreconciled")
	if flagSet(fs, "category") {
		f.ByCategory = true
		// "none" lists those not in a category yet (Category "").
		if k := flagString(fs, "category"); !strings.EqualFold(k, "none") {
			f.Category = k
		}
	}
	return withApp(ctx, e, func(a *app.App) error {
		txs, err := a.Transactions(ctx, f)
		if err != nil {
			return err
		}
		if flagBool(fs, "json") {
			for i := range txs {
				txs[i].Splits = nonNil(txs[i].Splits)
			}
			return writeJSON(e, txs)
		}
		names, err := categoryNames(ctx, a)
		if err != nil {
			return err
		}
		writeTransactions(e.stdout, txs, names)
		return nil
	})
}

func writeTransactions(w io.Writer, txs []store.BudgetTransaction, names map[string]string) {
	if len(txs) == 0 {
		fmt.Fprintln(w, "No payments.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Date\tAmount\tPayee\tCategory\tChecked\tID")
	var in, out int64
	for _, t := range txs {
		checked := "no"
		if t.Reconciled {
			checked = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.Date.Short(), money.Format(t.Amount), t.Payee, describeSplits(t, names), checked, t.ID)
		if t.Amount > 0 {
			in += t.Amount
		} else {
			out -= t.Amount
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "%d payments: %s in, %s out.\n", len(txs), money.Format(in), money.Format(out))
}

func categoryNames(ctx context.Context, a *app.App) (map[string]string, error) {
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, c := range cats {
		m[c.Key] = c.Name
	}
	return m, nil
}

func describeSplits(t store.BudgetTransaction, names map[string]string) string {
	name := func(k string) string {
		if n, ok := names[k]; ok {
			return n
		}
		return k
	}
	switch len(t.Splits) {
	case 0:
		return "not in a category yet"
	case 1:
		return name(t.Splits[0].Category)
	}
	parts := make([]string, len(t.Splits))
	for i, sp := range t.Splits {
		parts[i] = fmt.Sprintf("%s %s", name(sp.Category), money.Format(sp.Amount))
	}
	return strings.Join(parts, ", ")
}

func runTxSplit(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	args, err := positional(fs)
	if err != nil {
		return err
	}
	if len(args) < 2 {
		return usagef("give the payment's ID and at least one KEY=AMOUNT, for example: tx split ID short_breaks=300 transport=120")
	}
	return withApp(ctx, e, func(a *app.App) error {
		t, err := a.Transaction(ctx, args[0])
		if err != nil {
			return err
		}
		var parts []store.BudgetSplit
		for _, p := range args[1:] {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				return usagef("%q should be KEY=AMOUNT, for example transport=18.00", p)
			}
			amt, err := money.Parse(v)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			// Parts take the payment's sign, so "transport=18" works for
			// money out.
			if (t.Amount < 0) != (amt < 0) {
				amt = -amt
			}
			parts = append(parts, store.BudgetSplit{Category: strings.TrimSpace(k), Amount: amt})
		}
		if err := a.SplitTransaction(ctx, t.ID, parts); err != nil {
			return err
		}
		t.Splits = parts
		names, _ := categoryNames(ctx, a)
		fmt.Fprintf(e.stdout, "Split %s %s: %s\n", money.Format(t.Amount), t.Payee, describeSplits(t, names))
		return nil
	})
}
