package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "plan show", summary: "show your whole support plan, or a saved version of it",
		help: `Shows the status, key dates, every section, the one-page profile, outcomes,
support, risks and the action plan, with the IDs you need to change or remove
an item. --version N shows version N as it was saved (see plan versions).`,
		flags: func(fs *flag.FlagSet, o *opts) {
			jsonFlag(fs)
			fs.String("version", "", "show a saved version, by its number or ID (see plan versions)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				p, label, err := a.PlanAt(ctx, flagString(fs, "version"))
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, jsonPlan(p))
				}
				g, err := a.PlanGuide(ctx)
				if err != nil {
					return err
				}
				if flagSet(fs, "version") {
					fmt.Fprintf(e.stdout, "Version “%s”, as it was saved.\n\n", label)
				}
				writePlan(e.stdout, p, app.SectionStatesOf(p, g))
				return nil
			})
		},
	})
	register(&command{
		name: "plan sections", summary: "list the plan's sections and how far each has got",
		help:  "Each section has a key (use it with plan set), a title and a state: [to do], [started] (begun, but short or with gaps) or [done]. With --json the states are missing, thin and done.",
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				states, err := a.PlanSectionStates(ctx)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, states)
				}
				done := 0
				for _, s := range states {
					fmt.Fprintf(e.stdout, "%-10s %-20s %s\n", stateMark(s.State), s.Key, s.Title)
					if s.State == "done" {
						done++
					}
				}
				fmt.Fprintf(e.stdout, "\n%d of %d parts done. What to write in a part, with an example: ownplanctl plan guide KEY\n", done, len(states))
				fmt.Fprintln(e.stdout, "What would make each part stronger: ownplanctl plan check")
				return nil
			})
		},
	})
	register(&command{
		name: "plan set", args: "SECTION [--text T | --file F | -]", summary: "write one section of your plan",
		help: `Replaces the section's text with the text given, exactly as written.
--text T takes the text from the command line, --file F from a file, and
- reads it from standard input. See "plan sections" for the keys, and "plan guide KEY" for what to write.
Text from a file may be UTF-8 (the usual) or UTF-16 with a byte-order mark.
Example: ownplanctl plan set important-to-me --file about-me.txt`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("text", "", "the section's new text")
			fs.String("file", "", "a text file (UTF-8) holding the section's new text")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) < 1 || len(args) > 2 || (len(args) == 2 && args[1] != "-") {
				return usagef("give the section's key and the text, for example: plan set important-to-me --text \"I'm Sam...\"")
			}
			arg := ""
			if len(args) == 2 {
				arg = args[1]
			}
			text, ok, err := readText(fs, arg)
			if err != nil {
				return err
			}
			if !ok {
				return usagef("give the text with --text T, --file F, or - to read it from standard input")
			}
			return withApp(ctx, e, func(a *app.App) error {
				before, err := a.Plan(ctx)
				if err != nil {
					return err
				}
				if err := a.SetPlanSection(ctx, args[0], text); err != nil {
					return err
				}
				had := len(strings.Fields(before.Text(args[0])))
				if words := len(strings.Fields(text)); words == 0 && had > 0 {
					fmt.Fprintf(e.stdout, "Emptied %s: the %s written there are gone from the plan (any saved version still has them: plan versions).\n", args[0], plural(had, "word"))
				} else {
					fmt.Fprintf(e.stdout, "Saved %s (%s).\n", args[0], plural(words, "word"))
				}
				states, err := a.PlanSectionStates(ctx)
				if err != nil {
					return err
				}
				for _, st := range states {
					if st.Key == args[0] {
						fmt.Fprintln(e.stdout, st.Message)
					}
				}
				return nil
			})
		},
	})
	register(&command{
		name: "plan status", args: "[STATUS]", summary: "show or change your plan's status and key dates",
		help: `Statuses: draft, shared (with a supporter), sent (to the council), agreed
(by the council), under-review. --date D is when it happened (default today),
for example --date 3/5/2026. Agreeing sets the next review to 12 months later,
the latest the council may leave it; change it with plan dates --review.`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("date", "", "when it happened, such as 3/5/2026 (default today)")
			jsonFlag(fs)
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) > 1 {
				return usagef("give one status: %s", statusKeys())
			}
			on, err := flagDate(fs, "date")
			if err != nil {
				return usagef("%v", err)
			}
			return withApp(ctx, e, func(a *app.App) error {
				if len(args) == 1 {
					st, err := app.ParsePlanStatus(args[0])
					if err != nil {
						return usagef("%v", err)
					}
					if err := a.SetPlanStatus(ctx, st, on); err != nil {
						return err
					}
				}
				p, err := a.Plan(ctx)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, struct {
						Status      app.PlanStatus `json:"status"`
						StatusLabel string         `json:"status_label"`
						Started     store.Date     `json:"started"`
						Sent        store.Date     `json:"sent"`
						Agreed      store.Date     `json:"agreed"`
						NextReview  store.Date     `json:"next_review"`
					}{p.Status, p.StatusLabel, p.Started, p.Sent, p.Agreed, p.NextReview})
				}
				writeStatus(e.stdout, p)
				if len(args) == 1 {
					if label := app.VersionLabelFor(p); label != "" {
						fmt.Fprintf(e.stdout, "Keep a copy of the plan as it is now, so you can see later what changed:\n  ownplanctl plan snapshot --label %q\n", label)
					}
				}
				return nil
			})
		},
	})
	register(&command{
		name: "plan dates", summary: "change when your plan was started or its next review",
		help: `The next review must come after the plan was agreed and no later than
12 months after it: the council must review a plan at least once a year, and
often reviews a new plan sooner, after 6 to 8 weeks. Agreeing the plan (plan
status agreed) sets it to 12 months later; set an earlier date here.
Example: ownplanctl plan dates --review 15/1/2027`,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("started", "", "when you started your plan, such as 12/10/2026")
			fs.String("review", "", "the date of the next review")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			started, err := flagDate(fs, "started")
			if err != nil {
				return usagef("%v", err)
			}
			review, err := flagDate(fs, "review")
			if err != nil {
				return usagef("%v", err)
			}
			if started.IsZero() && review.IsZero() {
				return usagef("give --started D, --review D or both")
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.SetPlanDates(ctx, app.PlanDates{Started: started, NextReview: review}); err != nil {
					return err
				}
				p, err := a.Plan(ctx)
				if err != nil {
					return err
				}
				writeStatus(e.stdout, p)
				if latest := app.LatestReview(p.Agreed); !review.IsZero() && review.Before(latest) {
					fmt.Fprintf(e.stdout, "That is sooner than the latest the council may leave it (%s), which is fine: a new plan is often reviewed after 6 to 8 weeks.\n", app.HumanDate(latest))
				}
				return nil
			})
		},
	})
	register(&command{
		name: "plan budget", args: "AMOUNT|unknown", summary: "say how much your personal budget is a year",
		help: `The plan's costs are checked against it. Example: ownplanctl plan budget £18,200
Use "unknown" if you don't know yet; then a budget you have set up with
"ownplanctl budget setup" is used.`,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("give the yearly amount, such as 18200, or unknown")
			}
			known := !strings.EqualFold(args[0], "unknown")
			var pence int64
			if known {
				if pence, err = money.Parse(args[0]); err != nil {
					return usagef("%v", err)
				}
			}
			return withApp(ctx, e, func(a *app.App) error {
				if err := a.SetPersonalBudget(ctx, pence, known); err != nil {
					return err
				}
				p, err := a.Plan(ctx)
				if err != nil {
					return err
				}
				switch {
				case known:
					fmt.Fprintf(e.stdout, "Your personal budget is %s a year.\n", money.Format(pence))
				case p.BudgetFrom == app.BudgetFromSetup:
					fmt.Fprintf(e.stdout, "Your plan now uses the budget you set up: %s a year.\n", money.Format(p.PersonalBudget))
				default:
					fmt.Fprintln(e.stdout, "Your personal budget is not known yet.")
				}
				if setup, has, err := a.BudgetSetup(ctx); err == nil && has && known && setup.Annual() != pence {
					fmt.Fprintf(e.stdout, "Your budget's setup says %s a year; if that has changed, change it too with: ownplanctl budget setup --amount ... --per year\n", money.Format(setup.Annual()))
				}
				return nil
			})
		},
	})
	register(&command{
		name: "plan check", summary: "the checklist to look at before you send your plan",
		help:  "Says which parts are missing or could say more, kindly. It always exits 0: whether to send is your choice.",
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				c, err := a.CheckPlan(ctx)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, jsonChecklist(c))
				}
				writeChecklist(e.stdout, c)
				return nil
			})
		},
	})
}

func statusKeys() string {
	var keys []string
	for _, s := range app.PlanStatuses() {
		keys = append(keys, string(s))
	}
	return strings.Join(keys, ", ")
}

// stateMark shows a section's state in a few characters.
func stateMark(state string) string {
	switch state {
	case "done":
		return "[done]"
	case "thin":
		return "[started]"
	}
	return "[to do]"
}

func writeStatus(w io.Writer, p app.Plan) {
	fmt.Fprintf(w, "Status: %s\n", p.StatusLabel)
	fmt.Fprintf(w, "Started: %s\n", app.HumanDate(p.Started))
	fmt.Fprintf(w, "Sent to the council: %s\n", app.HumanDate(p.Sent))
	fmt.Fprintf(w, "Agreed: %s\n", app.HumanDate(p.Agreed))
	fmt.Fprintf(w, "Next review: %s\n", app.HumanDate(p.NextReview))
}

// planJSON is the JSON of plan show: the plan with the checklist's
// summary.
type planJSON struct {
	app.Plan
	SupportTotal int64 `json:"support_total_pence"`
}

func jsonPlan(p app.Plan) planJSON {
	p.Outcomes = nonNil(p.Outcomes)
	for i := range p.Outcomes {
		p.Outcomes[i].Needs = nonNil(p.Outcomes[i].Needs)
		p.Outcomes[i].Support = nonNil(p.Outcomes[i].Support)
	}
	p.Support = nonNil(p.Support)
	p.Risks = nonNil(p.Risks)
	p.Actions = nonNil(p.Actions)
	total, _ := p.SupportTotal()
	return planJSON{Plan: p, SupportTotal: total}
}

func writePlan(w io.Writer, p app.Plan, states []app.SectionState) {
	writeStatus(w, p)
	total, unknown := p.SupportTotal()
	budget := "not known yet"
	if p.BudgetKnown {
		budget = money.Format(p.PersonalBudget) + " a year"
		if p.BudgetFrom == app.BudgetFromSetup {
			budget += " (from your budget's setup)"
		}
	}
	fmt.Fprintf(w, "Personal budget: %s; support costs %s a year", budget, money.Format(total))
	if unknown > 0 {
		fmt.Fprintf(w, " (%d without a cost yet)", unknown)
	}
	fmt.Fprintln(w)
	state := map[string]string{}
	for _, s := range states {
		state[s.Key] = s.State
	}
	for i, s := range p.Sections {
		fmt.Fprintf(w, "\n%d. %s %s (%s)\n", i+1, s.Title, stateMark(state[s.Key]), s.Key)
		if strings.TrimSpace(s.Text) == "" {
			fmt.Fprintln(w, "   (nothing written yet)")
		} else {
			fmt.Fprintln(w, indent(s.Text, "   "))
		}
		switch s.Key {
		case "important-to-me":
			writeProfile(w, p)
		case "change-and-achieve":
			writeOutcomes(w, p)
		case "how-supported":
			writeSupport(w, p)
		case "control-and-safe":
			writeRisks(w, p)
		case "make-it-happen":
			writeActions(w, p)
		}
	}
}

func writeProfile(w io.Writer, p app.Plan) {
	fmt.Fprintln(w, "\n   My one-page profile:")
	for _, h := range p.Profile {
		text := h.Text
		if strings.TrimSpace(text) == "" {
			text = "(nothing written yet)"
		}
		fmt.Fprintf(w, "   - %s (%s):\n%s\n", h.Title, h.Key, indent(text, "     "))
	}
}

func writeOutcomes(w io.Writer, p app.Plan) {
	fmt.Fprintf(w, "\n   Outcomes (%d):\n", len(p.Outcomes))
	support := map[string]string{}
	for _, s := range p.Support {
		support[s.ID] = s.Who
	}
	for _, o := range p.Outcomes {
		fmt.Fprintf(w, "   - %s\n", o.What)
		if o.Why != "" {
			fmt.Fprintf(w, "     Why it matters: %s\n", o.Why)
		}
		fmt.Fprintf(w, "     How I'll know it's working: %s\n", orDash(o.HowIllKnow))
		if len(o.Needs) > 0 {
			fmt.Fprintf(w, "     Needs: %s\n", strings.Join(o.Needs, ", "))
		}
		var who []string
		for _, id := range o.Support {
			if s, ok := support[id]; ok {
				who = append(who, s)
			}
		}
		if len(who) > 0 {
			fmt.Fprintf(w, "     Support: %s\n", strings.Join(who, "; "))
		}
		fmt.Fprintf(w, "     ID: %s\n", o.ID)
	}
}

func writeSupport(w io.Writer, p app.Plan) {
	fmt.Fprintf(w, "\n   Support arrangements (%d):\n", len(p.Support))
	for _, s := range p.Support {
		cost := "cost not known yet"
		if s.CostKnown {
			cost = money.Format(s.AnnualCost) + " a year"
		}
		cat := ""
		if c, ok := app.SupportCategory(s.Category); ok {
			cat = ", " + c.Name
		} else if s.Category != "" {
			cat = ", " + s.Category
		}
		fmt.Fprintf(w, "   - %s: %s\n     When: %s\n     %s%s\n     ID: %s\n", orDash(s.Who), orDash(s.What), orDash(s.When), cost, cat, s.ID)
	}
}

func writeRisks(w io.Writer, p app.Plan) {
	fmt.Fprintf(w, "\n   Risks (%d):\n", len(p.Risks))
	for _, r := range p.Risks {
		fmt.Fprintf(w, "   - %s\n     How it's managed: %s\n     Who helps: %s\n     Back-up plan: %s\n     ID: %s\n",
			orDash(r.What), orDash(r.Managed), orDash(r.WhoHelps), orDash(r.BackUp), r.ID)
	}
}

func writeActions(w io.Writer, p app.Plan) {
	fmt.Fprintf(w, "\n   Action plan (%d):\n", len(p.Actions))
	for _, x := range p.Actions {
		mark := "[ ]"
		if x.Done {
			mark = "[x]"
		}
		by := ""
		if !x.By.IsZero() {
			by = ", by " + app.HumanDate(x.By)
		}
		fmt.Fprintf(w, "   %s %s (%s%s)\n       ID: %s\n", mark, orDash(x.What), orDash(x.Who), by, x.ID)
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// checklistJSON is the checklist with states as words.
type checklistJSON struct {
	Summary string              `json:"summary"`
	Done    int                 `json:"done"`
	Total   int                 `json:"total"`
	Ready   bool                `json:"ready"`
	Items   []checklistItemJSON `json:"items"`
}

type checklistItemJSON struct {
	Section string   `json:"section"`
	Title   string   `json:"title"`
	State   string   `json:"state"`
	Message string   `json:"message"`
	Also    []string `json:"also"`
}

func jsonChecklist(c plan.Checklist) checklistJSON {
	out := checklistJSON{Summary: c.Summary, Done: c.Done, Total: c.Total, Ready: c.Ready, Items: []checklistItemJSON{}}
	for _, it := range c.Items {
		out.Items = append(out.Items, checklistItemJSON{it.Section, it.Title, it.State.String(), it.Message, nonNil(it.Also)})
	}
	return out
}

func writeChecklist(w io.Writer, c plan.Checklist) {
	fmt.Fprintf(w, "Before you send: %s.\n", c.Summary)
	if c.Ready {
		fmt.Fprintln(w, "Everything looks ready. You can still change anything you like.")
	}
	for _, it := range c.Items {
		fmt.Fprintf(w, "\n%s %s (%s)\n%s\n", stateMark(it.State.String()), it.Title, it.Section, indent(it.Message, "  "))
		for _, a := range it.Also {
			fmt.Fprintln(w, indent(a, "  "))
		}
	}
	if !c.Ready {
		fmt.Fprintln(w, "\nFor what to write in a part, an example, and the commands that write it: ownplanctl plan guide KEY")
	}
}
