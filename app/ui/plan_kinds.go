package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// The editors of the plan's lists: outcomes, support arrangements, risks
// and the action plan. Each card saves itself as the person types.

func anyList[T any](list []T, err error) ([]any, error) {
	out := make([]any, len(list))
	for i, x := range list {
		out[i] = x
	}
	return out, err
}

func (v *planView) outcomesEditor() fyne.CanvasObject {
	u := v.u
	pl := v.newPartList("outcome", "outcome", "Add an outcome",
		func() ([]any, error) {
			p, err := u.a.Plan(u.ctx)
			return anyList(p.Outcomes, err)
		},
		func(rec any) *partCard {
			o, _ := rec.(store.PlanOutcome)
			support, _ := u.a.SupportArrangements(u.ctx)
			var c *partCard
			c = v.newCard(func(id string) func() error {
				next := store.PlanOutcome{ID: id, What: c.fields["what"].Text, Why: c.fields["why"].Text, HowIllKnow: c.fields["know"].Text}
				for _, out := range v.g.Assessment.Outcomes {
					if c.ticks["need:"+out.Key].Ticked() {
						next.Needs = append(next.Needs, out.Key)
					}
				}
				for _, s := range support {
					if c.ticks["support:"+s.ID].Ticked() {
						next.Support = append(next.Support, s.ID)
					}
				}
				if strings.TrimSpace(next.What+next.Why+next.HowIllKnow) == "" {
					return nil
				}
				return func() error {
					_, err := u.a.SavePlanOutcome(u.ctx, next)
					return err
				}
			})
			c.id = o.ID
			box := container.NewVBox()
			c.cardField(u, box, "what", "What I want", o.What, "For example: see my friends twice a month", 2)
			c.cardField(u, box, "why", "Why it matters to me", o.Why, "", 2)
			c.cardField(u, box, "know", "How I'll know it's working", o.HowIllKnow, "For example: I get out twice a month", 2)
			// The links are folded away behind a button, so that a list of
			// outcomes stays short to read and to move through.
			links := container.NewVBox()
			links.Hide()
			summary := para("")
			showLinks := func() {
				var needs, helps []string
				for _, out := range v.g.Assessment.Outcomes {
					if c.ticks["need:"+out.Key].Ticked() {
						needs = append(needs, out.Title)
					}
				}
				for _, s := range support {
					if c.ticks["support:"+s.ID].Ticked() {
						helps = append(helps, supportName(s))
					}
				}
				summary.SetText(linkSummary(needs, helps))
			}
			tick := func(bool) {
				showLinks()
				c.saver.changed()
			}
			links.Add(boldLabel("Which needs it is about"))
			for _, out := range v.g.Assessment.Outcomes {
				r := u.newTickRow(out.Title, contains(o.Needs, out.Key), tick)
				c.ticks["need:"+out.Key] = r
				links.Add(r)
			}
			if len(support) > 0 {
				links.Add(boldLabel("The support that helps"))
				for _, s := range support {
					r := u.newTickRow(supportName(s), contains(o.Support, s.ID), tick)
					c.ticks["support:"+s.ID] = r
					links.Add(r)
				}
			}
			showLinks()
			var toggle *pushButton
			toggle = u.newButton("Choose links", theme.ListIcon(), false, func() {
				if links.Visible() {
					links.Hide()
					toggle.SetText("Choose links")
				} else {
					links.Show()
					toggle.SetText("Hide links")
				}
			})
			box.Add(summary)
			box.Add(container.NewHBox(toggle))
			box.Add(links)
			c.box = box
			c.label = func() string { return c.fields["what"].Text }
			return c
		})
	return pl.object("My outcomes", "For each thing you want to change or achieve, say why it matters and how you'll know it's working.")
}

// linkSummary says what an outcome is linked to.
func linkSummary(needs, helps []string) string {
	n, h := "no needs chosen yet", "no support chosen yet"
	if len(needs) > 0 {
		n = strings.Join(needs, ", ")
	}
	if len(helps) > 0 {
		h = strings.Join(helps, "; ")
	}
	return "Needs: " + n + ". Support: " + h + "."
}

// supportName names a support arrangement in a few words.
func supportName(s store.SupportArrangement) string {
	name := strings.TrimSpace(s.Who)
	if s.What != "" {
		name = strings.TrimSpace(name + ": " + s.What)
	}
	if name == "" {
		return "Support without a name yet"
	}
	return shortText(name)
}

func contains(list []string, k string) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

func (v *planView) supportEditor() fyne.CanvasObject {
	u := v.u
	cats, err := u.a.PlanSupportCategories(u.ctx)
	if err != nil {
		cats = app.SupportCategories()
	}
	const noCategory = "Not chosen yet"
	catNames := []string{noCategory}
	for _, c := range cats {
		catNames = append(catNames, c.Name)
	}
	pl := v.newPartList("support", "support", "Add support",
		func() ([]any, error) { return anyList(u.a.SupportArrangements(u.ctx)) },
		func(rec any) *partCard {
			s, _ := rec.(store.SupportArrangement)
			var c *partCard
			var lastCost int64
			lastKnown := s.CostKnown
			lastCost = s.AnnualCost
			c = v.newCard(func(id string) func() error {
				next := store.SupportArrangement{ID: id, Who: c.fields["who"].Text, What: c.fields["what"].Text, When: c.fields["when"].Text}
				costText := strings.TrimSpace(c.fields["cost"].Text)
				if cost, err := money.Parse(costText); costText == "" {
					lastCost, lastKnown = 0, false
				} else if err == nil {
					lastCost, lastKnown = cost, true
				} // otherwise keep the last good cost; the field says why
				next.AnnualCost, next.CostKnown = lastCost, lastKnown
				for _, cat := range cats {
					if cat.Name == c.choose.Selected {
						next.Category = cat.Key
					}
				}
				if strings.TrimSpace(next.Who+next.What+next.When) == "" {
					return nil
				}
				return func() error {
					_, err := u.a.SaveSupportArrangement(u.ctx, next)
					return err
				}
			})
			c.id = s.ID
			box := container.NewVBox()
			c.cardField(u, box, "who", "Who", s.Who, "A name or a role, such as “a PA” or “my sister”", 1)
			c.cardField(u, box, "what", "What they help with", s.What, "", 2)
			c.cardField(u, box, "when", "When", s.When, "For example: weekday mornings 8:30 to 11:30", 2)
			cost := ""
			if s.CostKnown {
				cost = money.FormatPounds(s.AnnualCost)
			}
			costBox := u.newTextBox(cost, "For example £1,300, or £0 for unpaid help", 1)
			costBox.Validator = func(t string) error {
				if strings.TrimSpace(t) == "" {
					return nil
				}
				_, err := money.Parse(t)
				return err
			}
			costBox.OnChanged = func(string) { c.saver.changed() }
			c.fields["cost"] = costBox
			box.Add(boxField("Cost a year", "What it costs in a year. Leave it empty if you don't know yet.", costBox))
			c.choose = u.newChooser(catNames, "Choose a category", func(string) { c.saver.changed() })
			sel := noCategory
			for _, cat := range cats {
				if cat.Key == s.Category {
					sel = cat.Name
				}
			}
			c.choose.Selected = sel
			box.Add(boldLabel("Budget category"))
			box.Add(note("The heading it comes under on your budget. Use the arrow keys or Space to choose."))
			box.Add(c.choose)
			c.box = box
			c.label = func() string {
				return supportName(store.SupportArrangement{Who: c.fields["who"].Text, What: c.fields["what"].Text})
			}
			return c
		})
	return pl.object("My support", "Who helps you, with what and when, and what it costs. Include unpaid help, equipment and groups as well as paid support.")
}

func (v *planView) risksEditor() fyne.CanvasObject {
	u := v.u
	pl := v.newPartList("risk", "risk", "Add a risk",
		func() ([]any, error) {
			p, err := u.a.Plan(u.ctx)
			return anyList(p.Risks, err)
		},
		func(rec any) *partCard {
			r, _ := rec.(store.PlanRisk)
			var c *partCard
			c = v.newCard(func(id string) func() error {
				next := store.PlanRisk{ID: id, What: c.fields["what"].Text, Managed: c.fields["managed"].Text,
					WhoHelps: c.fields["who"].Text, BackUp: c.fields["backup"].Text}
				if strings.TrimSpace(next.What+next.Managed+next.WhoHelps+next.BackUp) == "" {
					return nil
				}
				return func() error {
					_, err := u.a.SavePlanRisk(u.ctx, next)
					return err
				}
			})
			c.id = r.ID
			box := container.NewVBox()
			c.cardField(u, box, "what", "What could go wrong", r.What, "For example: my PA is ill", 2)
			c.cardField(u, box, "managed", "How I manage it", r.Managed, "", 2)
			c.cardField(u, box, "who", "Who helps", r.WhoHelps, "", 1)
			c.cardField(u, box, "backup", "My back-up plan if it happens", r.BackUp, "For example: my sister comes over", 2)
			c.box = box
			c.label = func() string { return c.fields["what"].Text }
			return c
		})
	return pl.object("Risks and back-up plans", "What could go wrong, how you manage it, and what happens if it does, such as who covers when a PA is ill.")
}

func (v *planView) actionsEditor() fyne.CanvasObject {
	u := v.u
	pl := v.newPartList("action", "step", "Add a step",
		func() ([]any, error) {
			p, err := u.a.Plan(u.ctx)
			return anyList(p.Actions, err)
		},
		func(rec any) *partCard {
			x, _ := rec.(store.PlanAction)
			var c *partCard
			lastBy := x.By
			c = v.newCard(func(id string) func() error {
				if by, err := app.ParseHumanDate(c.fields["by"].Text); err == nil {
					lastBy = by
				}
				next := store.PlanAction{ID: id, What: c.fields["what"].Text, Who: c.fields["who"].Text, By: lastBy,
					Done: c.ticks["done"].Ticked()}
				if strings.TrimSpace(next.What+next.Who) == "" {
					return nil
				}
				return func() error {
					_, err := u.a.SavePlanAction(u.ctx, next)
					return err
				}
			})
			c.id = x.ID
			box := container.NewVBox()
			c.cardField(u, box, "what", "What needs to happen", x.What, "For example: book the moving and handling course", 2)
			c.cardField(u, box, "who", "Who will do it", x.Who, "", 1)
			by := ""
			if !x.By.IsZero() {
				by = app.HumanDate(x.By)
			}
			byBox := u.newTextBox(by, "For example 15/1/2027 or 15 January 2027", 1)
			byBox.Validator = func(t string) error {
				_, err := app.ParseHumanDate(t)
				return err
			}
			byBox.OnChanged = func(string) { c.saver.changed() }
			c.fields["by"] = byBox
			box.Add(boxField("By when", "A rough date is fine.", byBox))
			done := u.newTickRow("Done", x.Done, func(bool) { c.saver.changed() })
			c.ticks["done"] = done
			box.Add(done)
			c.box = box
			c.label = func() string { return c.fields["what"].Text }
			return c
		})
	return pl.object("My action plan", "The next steps: what needs to happen, who will do it and by when.")
}
