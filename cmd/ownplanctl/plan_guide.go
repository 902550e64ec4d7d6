package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
)

func init() {
	register(&command{
		name: "plan guide", args: "[SECTION]", summary: "what to write in each part of your plan, with an example",
		help: `Without a section, lists the parts of a support plan in the order to write
them, each with its key and what to write. With a section's key, shows what
to write, what the council looks for, a worked example, how far you have got
and the commands that write it. "plan guide profile" shows the one-page
profile's headings.
Example: ownplanctl plan guide my-needs`,
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) > 1 {
				return usagef("give at most one section's key, such as: plan guide my-needs")
			}
			return withApp(ctx, e, func(a *app.App) error {
				g, err := a.PlanGuide(ctx)
				if err != nil {
					return err
				}
				states, err := a.PlanSectionStates(ctx)
				if err != nil {
					return err
				}
				if len(args) == 0 {
					if flagBool(fs, "json") {
						return writeJSON(e, g.Sections)
					}
					writeGuideList(e.stdout, g, states)
					return nil
				}
				key := args[0]
				if key == "profile" || key == "one-page-profile" {
					if flagBool(fs, "json") {
						return writeJSON(e, g.Profile)
					}
					writeProfileGuide(e.stdout, g)
					return nil
				}
				sec, err := a.PlanSection(ctx, key)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, sec)
				}
				p, err := a.Plan(ctx)
				if err != nil {
					return err
				}
				c, err := a.CheckPlan(ctx)
				if err != nil {
					return err
				}
				writeSectionGuide(e.stdout, g, sec, p, c)
				return nil
			})
		},
	})
	register(&command{
		name: "plan next", summary: "what to do next: the same suggestions as the app's Home screen",
		help: `Suggests the next part of your plan to write, a review that is coming up,
getting ready for your assessment, and what else would help, most useful
first, each with the command that does it.`,
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				steps, err := a.NextSteps(ctx)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, nonNil(steps))
				}
				for i, s := range steps {
					fmt.Fprintf(e.stdout, "%d. %s\n%s\n", i+1, s.Title, indent(s.Why, "   "))
					if how := stepCommand(s); how != "" {
						fmt.Fprintf(e.stdout, "   How: %s\n", how)
					}
				}
				return nil
			})
		},
	})
	register(&command{
		name: "plan glossary", args: "[WORD]", summary: "what the words councils use mean, in plain English",
		help: `Lists the words you may meet, such as "direct payment" or "eligible", with
what they mean. Give a word to see only the entries that mention it.`,
		flags: func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) },
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			word := strings.ToLower(strings.Join(args, " "))
			return withApp(ctx, e, func(a *app.App) error {
				g, err := a.PlanGuide(ctx)
				if err != nil {
					return err
				}
				terms := []plan.Term{}
				for _, t := range g.Glossary {
					if word == "" || strings.Contains(strings.ToLower(t.Term+" "+t.Meaning), word) {
						terms = append(terms, t)
					}
				}
				if flagBool(fs, "json") {
					return writeJSON(e, terms)
				}
				if len(terms) == 0 {
					fmt.Fprintf(e.stdout, "No entry mentions %q. Run ownplanctl plan glossary to see them all.\n", word)
					return nil
				}
				for _, t := range terms {
					fmt.Fprintf(e.stdout, "%s\n%s\n\n", t.Term, indent(t.Meaning, "  "))
				}
				return nil
			})
		},
	})
}

// writeGuideList lists the sections in order with what to write in each.
func writeGuideList(w io.Writer, g *plan.Guidance, states []app.SectionState) {
	state := map[string]string{}
	for _, s := range states {
		state[s.Key] = s.State
	}
	fmt.Fprintf(w, "The parts of your support plan, in the order to write them (%s, %s).\n", g.Country, g.Law)
	for i, s := range g.Sections {
		// Numbers are right-aligned so every "Key:" lines up under its title.
		num := fmt.Sprintf("%*d. ", len(fmt.Sprint(len(g.Sections))), i+1)
		pad := strings.Repeat(" ", len(num))
		fmt.Fprintf(w, "\n%s%s %s\n%sKey: %s\n%s\n", num, s.Title, stateMark(state[s.Key]), pad, s.Key, indent(s.Prompt, pad))
	}
	fmt.Fprintln(w, `
For what the council looks for and an example: ownplanctl plan guide KEY
To write a part: ownplanctl plan set KEY --file my-words.txt (or --text "...")
Words you may not know: ownplanctl plan glossary`)
}

// writeSectionGuide shows one section's guidance, where the person has
// got to, and the commands that write it.
func writeSectionGuide(w io.Writer, g *plan.Guidance, sec plan.Section, p app.Plan, c plan.Checklist) {
	n := 0
	for i, s := range g.Sections {
		if s.Key == sec.Key {
			n = i + 1
		}
	}
	fmt.Fprintf(w, "%d. %s (%s)\n%s\n\nWhat to write:\n%s\n\nWhat the council looks for:\n", n, sec.Title, sec.Key, sec.Basis, indent(sec.Prompt, "  "))
	for _, l := range sec.CouncilLooksFor {
		fmt.Fprintf(w, "  - %s\n", l)
	}
	fmt.Fprintf(w, "\nAn example by %s:\n%s\n", g.ExamplePerson.Name, indent(sec.Example, "  "))
	for _, it := range c.Items {
		if it.Section != sec.Key {
			continue
		}
		fmt.Fprintf(w, "\nWhere you are: %s\n%s\n", stateMark(it.State.String()), indent(it.Message, "  "))
		for _, a := range it.Also {
			fmt.Fprintln(w, indent(a, "  "))
		}
	}
	if text := p.Text(sec.Key); strings.TrimSpace(text) != "" {
		fmt.Fprintf(w, "\nWhat you have written (%s):\n%s\n", plural(len(strings.Fields(text)), "word"), indent(text, "  "))
	}
	fmt.Fprintf(w, "\nTo write it, in your own words:\n  ownplanctl plan set %s --file my-words.txt\n  ownplanctl plan set %s --text \"...\"\n", sec.Key, sec.Key)
	for _, part := range sec.Parts {
		if how := partHow(part); how != "" {
			fmt.Fprintf(w, "\n%s\n", how)
		}
	}
	if sec.Key == g.Sections[0].Key || containsPart(sec, plan.PartProfile) {
		fmt.Fprintln(w, "\nThe one-page profile's headings, with examples: ownplanctl plan guide profile")
	}
}

func containsPart(sec plan.Section, part string) bool {
	for _, p := range sec.Parts {
		if p == part {
			return true
		}
	}
	return false
}

// partHow says which commands fill in one structured part of a section.
func partHow(part string) string {
	switch part {
	case plan.PartProfile:
		return `This part holds your one-page profile too: three short headings.
  ownplanctl plan profile set like-and-admire --text "..."
  ownplanctl plan profile set important-to-me --text "..."
  ownplanctl plan profile set support-me --text "..."`
	case plan.PartOutcomes:
		return `Add each thing you want to change or achieve, and how you'll know it's working:
  ownplanctl plan outcome add --what "Get out to see friends" --why "I feel cut off" --know "I go out twice a month"
Link it to your needs with --needs (the keys from: ownplanctl assess outcomes).`
	case plan.PartSupport:
		return `Add each piece of support: who, what, when and what it costs a year (0 for unpaid help):
  ownplanctl plan support add --who "A PA" --what "Help to wash and dress" --when "Every morning" --cost 9000 --category pa_wages
The costs, by --category, can plan your budget: ownplanctl budget category from-plan`
	case plan.PartBudget:
		return `Say how much your personal budget is a year, so OwnPlan can add up the costs:
  ownplanctl plan budget 18200   (or "unknown"; a budget set up with ownplanctl budget setup is used if you don't)`
	case plan.PartRisks:
		return `Add each thing that could go wrong, and your back-up plan:
  ownplanctl plan risk add --what "My PA is ill" --backup "An agency covers mornings" --who "My sister"`
	case plan.PartActions:
		return `Add each next step: what, who and by when (rough dates are fine):
  ownplanctl plan action add --what "Advertise for a PA" --who "Me" --by 31/1/2027
Tick one off with: ownplanctl plan action done ID`
	}
	return ""
}

// writeProfileGuide shows the one-page profile's headings.
func writeProfileGuide(w io.Writer, g *plan.Guidance) {
	fmt.Fprintf(w, "%s\n%s\n", g.Profile.Title, g.Profile.Intro)
	for _, h := range g.Profile.Headings {
		fmt.Fprintf(w, "\n%s (%s)\n%s\n  For example: %s\n  Write it: ownplanctl plan profile set %s --text \"...\"\n",
			h.Title, h.Key, indent(h.Prompt, "  "), h.Example, h.Key)
	}
}

// plural returns "1 word" or "n words".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// stepCommand is the command that does what a next step suggests: the
// command for the step's screen of the app, or a closer one.
func stepCommand(s app.Step) string {
	title := strings.ToLower(s.Title)
	switch {
	case strings.Contains(title, "people"):
		return "ownplanctl people add --help"
	case s.Screen == "budget" && strings.Contains(title, "set up"):
		return "ownplanctl budget setup --help"
	case s.Screen == "budget" && strings.Contains(title, "categorise"):
		return "ownplanctl tx list --category none (then tx edit ID --category KEY; budget categories lists the keys)"
	case s.Screen == "evidence" && strings.Contains(title, "letters"):
		return "ownplanctl evidence add --help"
	}
	switch s.Screen {
	case "plan":
		return "ownplanctl plan guide (then plan set KEY ...)"
	case "assessment":
		return "ownplanctl assess outcomes (then assess show KEY)"
	case "profile":
		return "ownplanctl profile show (then profile set FIELD VALUE)"
	case "budget":
		return "ownplanctl budget show"
	case "evidence":
		return "ownplanctl evidence list"
	case "settings":
		return "ownplanctl backup --help"
	}
	return ""
}
