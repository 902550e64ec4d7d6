// Package demo fills a data folder with a realistic example person, Zoë Ó
// Briain, so people can look around OwnPlan before they start their own
// plan, and so the documentation and tests have real-looking data. Each
// capability adds its part of Zoë's world here.
package demo

import (
	"context"
	"fmt"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// Person is the example person's profile.
var Person = store.Profile{
	Name:          "Zoë Ó Briain",
	PreferredName: "Zoë",
	DateOfBirth:   store.NewDate(1992, 3, 14),
	Address:       "Flat 2, 17 Orwell Quay Road\nIpswich",
	Postcode:      "IP3 0AA",
	Council:       "Suffolk County Council",
	CouncilRef:    "ASC-0419-2271",
	NHSNumber:     "943 476 5919",
	Phone:         "07700 900461",
	Email:         "zoe.obriain@example.org",
	CommunicationNeeds: "I have ME/CFS: long phone calls and meetings exhaust me. Please write or email first, " +
		"keep meetings to 45 minutes with a break, and send papers a week before so I can read them on a good day.",
}

// People are the people who matter in Zoë's life.
var People = []store.Person{
	{Name: "Jess Smith", Relationship: "Personal assistant (weekday mornings)", Contact: "07700 900123",
		Notes: "Weekday mornings 8:30 to 11:30 and Wednesday afternoons 1 to 4."},
	{Name: "Priya Shah", Relationship: "Personal assistant (weekends)", Contact: "07700 900456",
		Notes: "Saturday and Sunday mornings; covers when Jess is on holiday."},
	{Name: "Aoife Ó Briain", Relationship: "Sister, emergency back-up", Contact: "aoife@example.org",
		Notes: "Lives in Felixstowe. Helps with paperwork on bad days and can speak for me about it."},
	{Name: "Łukasz Nowak", Relationship: "Independent advocate, Suffolk Advocacy", Contact: "01473 000000"},
}

// Fill gives a new, empty data folder the example person and marks it as
// example data. It refuses a folder that already has a profile.
func Fill(ctx context.Context, a *app.App) error {
	if _, has, err := a.Profile(ctx); err != nil {
		return err
	} else if has {
		return fmt.Errorf("%s already has someone's data in it; example data can only go into a new folder", a.Dir())
	}
	if err := a.SaveProfile(ctx, Person); err != nil {
		return fmt.Errorf("example profile: %w", err)
	}
	for _, p := range People {
		if _, err := a.SavePerson(ctx, p); err != nil {
			return fmt.Errorf("example person %s: %w", p.Name, err)
		}
	}
	for _, part := range parts {
		if err := part.fill(ctx, a); err != nil {
			return fmt.Errorf("example %s: %w", part.name, err)
		}
	}
	return a.MarkExample(ctx)
}

// part is one capability's share of the example: Zoë's plan, her year of
// budget, her letters. Each lives in its own file and registers itself.
type part struct {
	name string
	fill func(ctx context.Context, a *app.App) error
}

var parts []part

func register(name string, fill func(ctx context.Context, a *app.App) error) {
	parts = append(parts, part{name, fill})
}
