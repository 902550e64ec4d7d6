package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

func init() {
	showFlags := func(fs *flag.FlagSet, o *opts) { jsonFlag(fs) }
	show := func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		args, err := positional(fs)
		if err != nil {
			return err
		}
		if len(args) > 1 {
			return usagef("give at most one outcome key")
		}
		return withApp(ctx, e, func(a *app.App) error {
			as, err := a.Assessment(ctx)
			if err != nil {
				return err
			}
			g, err := a.PlanGuide(ctx)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				return showOutcome(ctx, e, a, g, fs, args[0])
			}
			if flagBool(fs, "json") {
				return writeJSON(e, as)
			}
			writeAssessment(e.stdout, g, as)
			return nil
		})
	}
	register(&command{
		name: "assessment show", args: "[OUTCOME]", summary: "show your assessment preparation, or one outcome with its questions",
		help: `Lists the outcomes the council looks at, your answers, and what they
suggest. Give an outcome's key to see its questions and the things people
often forget. The council decides eligibility; OwnPlan only helps you prepare.`,
		flags: showFlags, run: show,
	})
	register(&command{
		name: "assess show", args: "[OUTCOME]", summary: "same as assessment show",
		flags: showFlags, run: show,
	})
	register(&command{
		name: "assess outcomes", summary: "list the outcomes with your answers",
		flags: showFlags,
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			return withApp(ctx, e, func(a *app.App) error {
				as, err := a.Assessment(ctx)
				if err != nil {
					return err
				}
				if flagBool(fs, "json") {
					return writeJSON(e, nonNil(as.Outcomes))
				}
				for _, o := range as.Outcomes {
					mark := "[to do]"
					switch {
					case o.Answers.DoesNotApply:
						mark = "[n/a]"
					case o.Answered:
						mark = "[answered]"
					}
					fmt.Fprintf(e.stdout, "%-10s %-18s %s\n", mark, o.Key, o.Title)
				}
				fmt.Fprintln(e.stdout, "\nThe questions about one, and what people often forget: ownplanctl assess show KEY")
				if as.Setup.Mode != app.AssessCarer {
					fmt.Fprintln(e.stdout, "Getting ready for a carer's assessment instead: ownplanctl assessment mode carer")
				}
				return nil
			})
		},
	})

	setHelp := `FIELD is one of: ` + strings.Join(app.AssessmentFields(), ", ") + `
(impact is short for wellbeing-impact; _ may be used for -). See the
questions, and the things people often forget, with: assess show OUTCOME.
Text answers are kept exactly as written; "-" reads the text from standard
input. The four questions about being unable to do it (without-help,
pain-distress-anxiety, danger, takes-longer) take yes or no. wellbeing takes
the keys of the parts of life it affects, separated by commas, such as
"health, dignity" (assess show OUTCOME lists them all). Think about your
bad days as well as your good ones: bad days count. If an outcome is not
part of your life (caring for a child, when you have no children), answer
does-not-apply yes: it counts as answered and is left out.
Examples:
  ownplanctl assessment set personal-hygiene bad-day "I can't stand in the shower"
  ownplanctl assessment set personal-hygiene without-help yes
  ownplanctl assessment set caring-for-child does-not-apply yes
  ownplanctl assess set personal-hygiene --field bad_day --text "..."`
	setFlags := func(fs *flag.FlagSet, o *opts) {
		fs.String("field", "", "the question to answer (or give it after the outcome)")
		fs.String("text", "", "the answer (or give it after the question)")
		fs.String("file", "", "a text file holding the answer")
	}
	set := func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
		args, err := positional(fs)
		if err != nil {
			return err
		}
		if flagSet(fs, "field") {
			args = append(args[:min(len(args), 1)], append([]string{flagString(fs, "field")}, args[min(len(args), 1):]...)...)
		}
		var value string
		switch {
		case len(args) == 3 && args[2] != "-":
			if flagSet(fs, "text") || flagString(fs, "file") != "" {
				return usagef("give the answer one way only")
			}
			value = args[2]
		case len(args) == 3 || (len(args) == 2 && (flagSet(fs, "text") || flagString(fs, "file") != "")):
			arg := ""
			if len(args) == 3 {
				arg = args[2]
			}
			v, _, err := readText(fs, arg)
			if err != nil {
				return err
			}
			value = v
		default:
			return usagef(`give the outcome, the question and the answer, for example: assessment set nutrition bad-day "I skip meals"`)
		}
		return withApp(ctx, e, func(a *app.App) error {
			if err := a.SetAssessmentField(ctx, args[0], args[1], value); err != nil {
				return err
			}
			as, err := a.Assessment(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Saved %s for %s.\n", args[1], args[0])
			for _, o := range as.Outcomes {
				if o.Key == args[0] {
					fmt.Fprintln(e.stdout, o.Finding.Message)
				}
			}
			return nil
		})
	}
	register(&command{name: "assessment set", args: "OUTCOME FIELD VALUE", summary: "answer one question about an outcome",
		help: setHelp, flags: setFlags, run: set})
	register(&command{name: "assess set", args: "OUTCOME --field FIELD --text T", summary: "same as assessment set",
		help: setHelp, flags: setFlags, run: set})

	register(&command{
		name: "assessment mode", args: "adult|carer", summary: "prepare for your own assessment, or a carer's assessment",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			args, err := positional(fs)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("say adult (your own needs) or carer (a carer's assessment)")
			}
			return withApp(ctx, e, func(a *app.App) error {
				s, err := a.AssessmentSetup(ctx)
				if err != nil {
					return err
				}
				s.Mode = strings.ToLower(args[0])
				if err := a.SaveAssessmentSetup(ctx, s); err != nil {
					return err
				}
				if s.Mode == app.AssessCarer {
					fmt.Fprintln(e.stdout, "Preparing for a carer's assessment.")
				} else {
					fmt.Fprintln(e.stdout, "Preparing for an assessment of your own needs.")
				}
				return nil
			})
		},
	})
	register(&command{
		name: "assessment carer-health", summary: "say how caring affects your own health (carer's assessment)",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("text", "", "how caring affects your physical or mental health")
			fs.String("at-risk", "", "yes if your health is getting worse, or may, because of caring")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
			if err := noArgs(fs); err != nil {
				return err
			}
			if !flagSet(fs, "text") && !flagSet(fs, "at-risk") {
				return usagef("give --text T, --at-risk yes|no, or both")
			}
			return withApp(ctx, e, func(a *app.App) error {
				s, err := a.AssessmentSetup(ctx)
				if err != nil {
					return err
				}
				if flagSet(fs, "text") {
					s.CarerHealth = flagString(fs, "text")
				}
				if flagSet(fs, "at-risk") {
					switch strings.ToLower(flagString(fs, "at-risk")) {
					case "yes", "y", "true":
						s.CarerHealthAtRisk = true
					case "no", "n", "false":
						s.CarerHealthAtRisk = false
					default:
						return usagef("--at-risk takes yes or no")
					}
				}
				if err := a.SaveAssessmentSetup(ctx, s); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, "Saved.")
				return nil
			})
		},
	})
}

func showOutcome(ctx context.Context, e *env, a *app.App, g *plan.Guidance, fs *flag.FlagSet, key string) error {
	o, carer, ok := g.Outcome(key)
	if !ok {
		_, err := a.AssessmentAnswer(ctx, key)
		return err
	}
	ans, err := a.AssessmentAnswer(ctx, key)
	if err != nil {
		return err
	}
	qs, err := g.Questions(key)
	if err != nil {
		return err
	}
	if flagBool(fs, "json") {
		return writeJSON(e, struct {
			Outcome   plan.Outcome           `json:"outcome"`
			Carer     bool                   `json:"carer"`
			Questions []plan.Question        `json:"questions"`
			Answers   store.AssessmentAnswer `json:"answers"`
		}{o, carer, qs, ans})
	}
	w := e.stdout
	fmt.Fprintf(w, "%s (%s)\n%s\nIn the law: %s\n", o.Title, o.Key, o.Prompt, o.Legal)
	if len(o.Forgotten) > 0 {
		fmt.Fprintln(w, "\nThings people often forget to mention:")
		for _, f := range o.Forgotten {
			fmt.Fprintf(w, "  - %s\n", f)
		}
	}
	for _, q := range qs {
		fmt.Fprintf(w, "\n%s (%s)\n%s\n", q.Title, q.Key, indent(q.Prompt, "  "))
		if q.Key == plan.QuestionWellbeing {
			fmt.Fprintf(w, "  The parts of life the law calls wellbeing (%s):\n", g.Assessment.WellbeingSource)
			for _, a := range g.Assessment.Wellbeing {
				fmt.Fprintf(w, "    %-16s %s\n", a.Key, a.Title)
			}
		}
		fmt.Fprintf(w, "  Your answer: %s\n", answerText(g, ans, q.Key))
		if q.Key == plan.QuestionWellbeing {
			fmt.Fprintf(w, "  How it affects you (impact): %s\n", orDash(ans.WellbeingImpact))
		}
	}
	if ans.DoesNotApply {
		fmt.Fprintf(w, "\nYou've said this doesn't apply to you (does-not-apply: yes), so it is left out.\n")
	} else {
		fmt.Fprintf(w, "\nIf this is not part of your life, say so: ownplanctl assess set %s does-not-apply yes\n", o.Key)
	}
	fmt.Fprintf(w, "To answer: ownplanctl assess set %s --field QUESTION --text \"...\"\n", o.Key)
	fmt.Fprintln(w, "QUESTION is a key in brackets above, or impact; yes-or-no questions take yes or no,")
	fmt.Fprintln(w, "and wellbeing takes the keys of the parts of life it affects, such as: health, dignity")
	return nil
}

// answerText shows the answer to question k.
func answerText(g *plan.Guidance, ans store.AssessmentAnswer, k string) string {
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	switch k {
	case plan.QuestionCanDo:
		return orDash(ans.CanDo)
	case plan.QuestionHard:
		return orDash(ans.Hard)
	case plan.QuestionGoodDay:
		return orDash(ans.GoodDay)
	case plan.QuestionBadDay:
		return orDash(ans.BadDay)
	case plan.QuestionHowOften:
		return orDash(ans.HowOften)
	case plan.MeaningWithoutHelp:
		return yes(ans.WithoutHelp)
	case plan.MeaningPainDistress:
		return yes(ans.PainDistress)
	case plan.MeaningDanger:
		return yes(ans.Danger)
	case plan.MeaningTakesLonger:
		return yes(ans.TakesLonger)
	case plan.QuestionWellbeing:
		var titles []string
		for _, w := range g.Assessment.Wellbeing {
			for _, k := range ans.Wellbeing {
				if k == w.Key {
					titles = append(titles, w.Title)
				}
			}
		}
		return orDash(strings.Join(titles, "; "))
	case plan.QuestionEvidence:
		return orDash(ans.Evidence)
	}
	return "-"
}

func writeAssessment(w io.Writer, g *plan.Guidance, as app.Assessment) {
	if as.Setup.Mode == app.AssessCarer {
		fmt.Fprintf(w, "Preparing for a carer's assessment.\n%s\n", g.Assessment.Carer.Intro)
		fmt.Fprintf(w, "\n%s\n  %s\n", g.Assessment.Carer.Health.Title, orDash(as.Setup.CarerHealth))
		if as.Setup.CarerHealthAtRisk {
			fmt.Fprintln(w, "  Your health is getting worse, or may, because of caring.")
		}
	} else {
		fmt.Fprintf(w, "Preparing for an assessment of your needs.\n%s\n", g.Assessment.Intro)
	}
	for _, o := range as.Outcomes {
		fmt.Fprintf(w, "\n%s (%s)\n", o.Title, o.Key)
		if !o.Answered {
			fmt.Fprintf(w, "  Not answered yet. %s\n", o.Prompt)
			continue
		}
		if o.Answers.DoesNotApply {
			if o.Answers.CanDo != "" {
				fmt.Fprintf(w, "  What I can do: %s\n", o.Answers.CanDo)
			}
			fmt.Fprintln(w, indent(o.Finding.Message, "  "))
			continue
		}
		for _, f := range []struct{ label, v string }{
			{"What I can do", o.Answers.CanDo}, {"What's hard", o.Answers.Hard}, {"A good day", o.Answers.GoodDay},
			{"A bad day", o.Answers.BadDay}, {"How often", o.Answers.HowOften}, {"Evidence", o.Answers.Evidence},
		} {
			if f.v != "" {
				fmt.Fprintf(w, "  %s: %s\n", f.label, f.v)
			}
		}
		var flags []string
		for k, on := range map[string]bool{"needs help": o.Answers.WithoutHelp, "pain, distress or anxiety": o.Answers.PainDistress,
			"risk to health or safety": o.Answers.Danger, "takes much longer": o.Answers.TakesLonger} {
			if on {
				flags = append(flags, k)
			}
		}
		if len(flags) > 0 {
			fmt.Fprintf(w, "  Ticked: %s\n", keyList(flags))
		}
		fmt.Fprintln(w, indent(o.Finding.Message, "  "))
	}
	switch {
	case as.Indicator != nil:
		fmt.Fprintf(w, "\nOverall: %s\n", as.Indicator.Message)
	case as.CarerMessage != "":
		fmt.Fprintf(w, "\nOverall: %s\n", as.CarerMessage)
	}
}
