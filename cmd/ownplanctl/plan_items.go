package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

func init() {
	outcomeFlags := func(fs *flag.FlagSet) {
		fs.String("what", "", "what you want to change or achieve")
		fs.String("why", "", "why it matters to you")
		fs.String("know", "", "how you'll know it's working")
		fs.String("needs", "", "the needs it is about, as outcome keys separated by commas (see assessment show)")
		fs.String("support", "", "IDs of the support arrangements that help, separated by commas")
	}
	registerGroup("plan outcome", "add or change what you want to change or achieve",
		sub{name: "add", summary: "add an outcome", flags: outcomeFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected %q", strings.Join(args, " "))
				}
				if strings.TrimSpace(flagString(fs, "what")) == "" {
					return usagef(`say what you want with --what, for example --what "See my friends twice a month"`)
				}
				return withApp(ctx, e, func(a *app.App) error {
					return saveOutcome(ctx, e, a, fs, store.PlanOutcome{})
				})
			}},
		sub{name: "edit", args: "ID", summary: "change an outcome: only the options given change", flags: outcomeFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return usagef("give the outcome's ID (see plan show)")
				}
				return withApp(ctx, e, func(a *app.App) error {
					p, err := a.Plan(ctx)
					if err != nil {
						return err
					}
					for _, o := range p.Outcomes {
						if o.ID == args[0] {
							return saveOutcome(ctx, e, a, fs, o)
						}
					}
					return fmt.Errorf("there is no outcome with ID %s (see plan show)", args[0])
				})
			}},
	)

	supportFlags := func(fs *flag.FlagSet) {
		fs.String("who", "", "who gives the support: a name or a role, such as \"a PA\"")
		fs.String("what", "", "what they help with")
		fs.String("when", "", "when, such as \"weekday mornings 8:30 to 11:30\"")
		fs.String("cost", "", "what it costs a year, such as £15,548; 0 for unpaid help")
		fs.String("category", "", "the budget category: "+keyList(categoryKeys())+", or one you added (see budget categories)")
	}
	registerGroup("plan support", "add or change a support arrangement (who, what, when, cost)",
		sub{name: "add", summary: "add a support arrangement", flags: supportFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected %q", strings.Join(args, " "))
				}
				if strings.TrimSpace(flagString(fs, "who")+flagString(fs, "what")) == "" {
					return usagef("say who helps with --who and what they do with --what")
				}
				return withApp(ctx, e, func(a *app.App) error {
					return saveSupport(ctx, e, a, fs, store.SupportArrangement{})
				})
			}},
		sub{name: "edit", args: "ID", summary: "change a support arrangement: only the options given change", flags: supportFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return usagef("give the support arrangement's ID (see plan show)")
				}
				return withApp(ctx, e, func(a *app.App) error {
					list, err := a.SupportArrangements(ctx)
					if err != nil {
						return err
					}
					for _, s := range list {
						if s.ID == args[0] {
							return saveSupport(ctx, e, a, fs, s)
						}
					}
					return fmt.Errorf("there is no support arrangement with ID %s (see plan show)", args[0])
				})
			}},
	)

	riskFlags := func(fs *flag.FlagSet) {
		fs.String("what", "", "what could go wrong")
		fs.String("managed", "", "how it is managed")
		fs.String("who", "", "who helps")
		fs.String("backup", "", "the back-up plan if it happens")
	}
	registerGroup("plan risk", "add or change a risk and its back-up plan",
		sub{name: "add", summary: "add a risk", flags: riskFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected %q", strings.Join(args, " "))
				}
				if strings.TrimSpace(flagString(fs, "what")) == "" {
					return usagef(`say what could go wrong with --what, for example --what "My PA is ill"`)
				}
				return withApp(ctx, e, func(a *app.App) error {
					return saveRisk(ctx, e, a, fs, store.PlanRisk{})
				})
			}},
		sub{name: "edit", args: "ID", summary: "change a risk: only the options given change", flags: riskFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return usagef("give the risk's ID (see plan show)")
				}
				return withApp(ctx, e, func(a *app.App) error {
					p, err := a.Plan(ctx)
					if err != nil {
						return err
					}
					for _, r := range p.Risks {
						if r.ID == args[0] {
							return saveRisk(ctx, e, a, fs, r)
						}
					}
					return fmt.Errorf("there is no risk with ID %s (see plan show)", args[0])
				})
			}},
	)

	actionFlags := func(fs *flag.FlagSet) {
		fs.String("what", "", "what needs to happen")
		fs.String("who", "", "who will do it")
		fs.String("by", "", "by when, such as 15/1/2027")
	}
	doneRun := func(done bool) func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		return func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
			if len(args) != 1 {
				return usagef("give the step's ID (see plan show)")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.SetActionDone(ctx, args[0], done); err != nil {
					return err
				}
				if done {
					fmt.Fprintln(e.stdout, "Marked done. Well done.")
				} else {
					fmt.Fprintln(e.stdout, "Marked not done yet.")
				}
				return nil
			})
		}
	}
	registerGroup("plan action", "add, change or tick off a step in your action plan",
		sub{name: "add", summary: "add a next step", flags: actionFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected %q", strings.Join(args, " "))
				}
				if strings.TrimSpace(flagString(fs, "what")) == "" {
					return usagef(`say what needs to happen with --what, for example --what "Book the moving and handling course"`)
				}
				return withApp(ctx, e, func(a *app.App) error {
					return saveAction(ctx, e, a, fs, store.PlanAction{})
				})
			}},
		sub{name: "edit", args: "ID", summary: "change a step: only the options given change", flags: actionFlags,
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) != 1 {
					return usagef("give the step's ID (see plan show)")
				}
				return withApp(ctx, e, func(a *app.App) error {
					p, err := a.Plan(ctx)
					if err != nil {
						return err
					}
					for _, x := range p.Actions {
						if x.ID == args[0] {
							return saveAction(ctx, e, a, fs, x)
						}
					}
					return fmt.Errorf("there is no step with ID %s (see plan show)", args[0])
				})
			}},
		sub{name: "done", args: "ID", summary: "tick off a step", run: doneRun(true)},
		sub{name: "undone", args: "ID", summary: "mark a step as not done after all", run: doneRun(false)},
	)

	kindRun := func(remove bool) func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
		return func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
			if len(args) != 2 {
				return usagef("give the kind (%s) and the ID, for example: plan item rm risk 01J...", strings.Join(app.PlanItemKinds(), ", "))
			}
			return withApp(ctx, e, func(a *app.App) error {
				if remove {
					if err := a.RemovePlanItem(ctx, args[0], args[1]); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Removed. To undo: ownplanctl plan item restore %s %s\n", args[0], args[1])
					return nil
				}
				if err := a.RestorePlanItem(ctx, args[0], args[1]); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, "Brought back.")
				return nil
			})
		}
	}
	registerGroup("plan item", "remove an outcome, support arrangement, risk or step (and bring it back)",
		sub{name: "rm", args: "KIND ID", summary: "remove an item; kinds: " + strings.Join(app.PlanItemKinds(), ", "), run: kindRun(true)},
		sub{name: "restore", args: "KIND ID", summary: "bring back an item you removed", run: kindRun(false)},
	)

	registerGroup("plan profile", "write your one-page profile",
		sub{name: "set", args: "HEADING [TEXT | --text T | --file F | -]",
			summary: "write under one heading: like-and-admire, important-to-me or support-me (see plan guide profile)",
			flags: func(fs *flag.FlagSet) {
				fs.String("text", "", "what to write under the heading")
				fs.String("file", "", "a text file holding what to write")
			},
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) < 1 || len(args) > 2 {
					return usagef(`give the heading and the text, for example: plan profile set support-me --text "Ask how my energy is"`)
				}
				var text string
				if len(args) == 2 && args[1] != "-" {
					if flagSet(fs, "text") || flagString(fs, "file") != "" {
						return usagef("give the text one way only")
					}
					text = args[1]
				} else {
					arg := ""
					if len(args) == 2 {
						arg = args[1]
					}
					t, ok, err := readText(fs, arg)
					if err != nil {
						return err
					}
					if !ok {
						return usagef(`give the text with --text T, --file F, or - to read it from standard input`)
					}
					text = t
				}
				return withApp(ctx, e, func(a *app.App) error {
					if err := a.SetPlanProfile(ctx, args[0], text); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Saved %s.\n", args[0])
					return nil
				})
			}},
	)
}

func categoryKeys() []string {
	var keys []string
	for _, c := range app.SupportCategories() {
		keys = append(keys, c.Key)
	}
	return keys
}

func saveOutcome(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, o store.PlanOutcome) error {
	if flagSet(fs, "what") {
		o.What = flagString(fs, "what")
	}
	if flagSet(fs, "why") {
		o.Why = flagString(fs, "why")
	}
	if flagSet(fs, "know") {
		o.HowIllKnow = flagString(fs, "know")
	}
	if flagSet(fs, "needs") {
		o.Needs = splitList(flagString(fs, "needs"))
	}
	if flagSet(fs, "support") {
		o.Support = splitList(flagString(fs, "support"))
	}
	added := o.ID == ""
	id, err := a.SavePlanOutcome(ctx, o)
	if err != nil {
		return err
	}
	reportSaved(e, added, "outcome", id)
	return nil
}

func saveSupport(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, s store.SupportArrangement) error {
	for name, dst := range map[string]*string{"who": &s.Who, "what": &s.What, "when": &s.When, "category": &s.Category} {
		if flagSet(fs, name) {
			*dst = flagString(fs, name)
		}
	}
	if flagSet(fs, "cost") {
		if strings.TrimSpace(flagString(fs, "cost")) == "" {
			s.AnnualCost, s.CostKnown = 0, false
		} else {
			cost, err := flagMoney(fs, "cost")
			if err != nil {
				return usagef("%v", err)
			}
			s.AnnualCost, s.CostKnown = cost, true
		}
	}
	added := s.ID == ""
	id, err := a.SaveSupportArrangement(ctx, s)
	if err != nil {
		return err
	}
	if s.CostKnown {
		fmt.Fprintf(e.stdout, "Cost: %s a year.\n", money.Format(s.AnnualCost))
	}
	reportSaved(e, added, "support arrangement", id)
	return nil
}

func saveRisk(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, r store.PlanRisk) error {
	for name, dst := range map[string]*string{"what": &r.What, "managed": &r.Managed, "who": &r.WhoHelps, "backup": &r.BackUp} {
		if flagSet(fs, name) {
			*dst = flagString(fs, name)
		}
	}
	added := r.ID == ""
	id, err := a.SavePlanRisk(ctx, r)
	if err != nil {
		return err
	}
	if strings.TrimSpace(r.BackUp) == "" {
		fmt.Fprintln(e.stdout, "Tip: add a back-up plan with --backup, such as \"my sister comes over\".")
	}
	reportSaved(e, added, "risk", id)
	return nil
}

func saveAction(ctx context.Context, e *env, a *app.App, fs *flag.FlagSet, x store.PlanAction) error {
	if flagSet(fs, "what") {
		x.What = flagString(fs, "what")
	}
	if flagSet(fs, "who") {
		x.Who = flagString(fs, "who")
	}
	if flagSet(fs, "by") {
		by, err := flagDate(fs, "by")
		if err != nil {
			return usagef("%v", err)
		}
		x.By = by
	}
	added := x.ID == ""
	id, err := a.SavePlanAction(ctx, x)
	if err != nil {
		return err
	}
	reportSaved(e, added, "step", id)
	return nil
}

// reportSaved says what was saved, with the ID on the last line so
// scripts can read it.
func reportSaved(e *env, added bool, noun, id string) {
	if added {
		fmt.Fprintf(e.stdout, "Added the %s.\n%s\n", noun, id)
		return
	}
	fmt.Fprintf(e.stdout, "Saved the %s.\n%s\n", noun, id)
}
