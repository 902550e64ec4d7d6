package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

// BudgetCategory is a heading of the budget with its plan, and the plan
// outcomes the money is for.
type BudgetCategory struct {
	budget.Category
	Outcomes []string // IDs of the plan's outcomes this money helps with
	Note     string   // how the planned amount was worked out, in the person's words
}

// BudgetCategories returns the budget's categories in order: the saved
// ones, or the usual ones with nothing planned before the budget is set
// up.
func (a *App) BudgetCategories(ctx context.Context) ([]BudgetCategory, error) {
	saved, err := a.store().BudgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	if len(saved) == 0 {
		var out []BudgetCategory
		for _, c := range budget.DefaultCategories() {
			out = append(out, BudgetCategory{Category: c})
		}
		return out, nil
	}
	out := make([]BudgetCategory, len(saved))
	for i, c := range saved {
		out[i] = categoryFromStore(c)
	}
	return out, nil
}

// budgetCategories returns the categories as the budget maths takes them.
func (a *App) budgetCategories(ctx context.Context) ([]budget.Category, error) {
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]budget.Category, len(cats))
	for i, c := range cats {
		out[i] = c.Category
	}
	return out, nil
}

// BudgetCategory returns the category with key.
func (a *App) BudgetCategory(ctx context.Context, key string) (BudgetCategory, error) {
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return BudgetCategory{}, err
	}
	for _, c := range cats {
		if c.Key == key {
			return c, nil
		}
	}
	return BudgetCategory{}, fmt.Errorf("there is no category %q; the categories are: %s", key, categoryKeys(cats))
}

// SetCategoryPlan sets how much is planned for a category, per period.
// An empty period keeps the category's own.
func (a *App) SetCategoryPlan(ctx context.Context, key string, planned int64, period budget.Period) error {
	c, err := a.BudgetCategory(ctx, key)
	if err != nil {
		return err
	}
	c.Planned = planned
	if period != "" {
		c.Period = period
	}
	return a.SaveBudgetCategory(ctx, c)
}

// SaveBudgetCategory checks c and saves it: a new category when its key
// is new. The budget must be set up first.
func (a *App) SaveBudgetCategory(ctx context.Context, c BudgetCategory) error {
	if _, has, err := a.store().BudgetSetup(ctx); err != nil {
		return err
	} else if !has {
		return ErrNoBudget
	}
	if err := budget.ValidateCategories([]budget.Category{c.Category}); err != nil {
		return fmt.Errorf("category %s: %w", c.Name, err)
	}
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return err
	}
	pos := len(cats)
	for i, old := range cats {
		if old.Key == c.Key {
			pos = i
		}
	}
	sc := categoryToStore(c)
	sc.Position = pos
	return a.store().SaveBudgetCategory(ctx, sc)
}

// AddBudgetCategory adds a category of the person's own, such as
// "Swimming", and returns its key.
func (a *App) AddBudgetCategory(ctx context.Context, name string, kind budget.Kind, planned int64, period budget.Period) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("please give the category a name, for example \"Swimming\"")
	}
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return "", err
	}
	for _, c := range cats {
		if strings.EqualFold(c.Name, name) {
			return "", fmt.Errorf("there is already a category called %q", c.Name)
		}
	}
	key := "own_" + strings.ToLower(store.NewID())
	c := BudgetCategory{Category: budget.Category{Key: key, Name: name, Kind: kind, Planned: planned, Period: period}}
	if c.Period == "" {
		c.Period = budget.Monthly
	}
	return key, a.SaveBudgetCategory(ctx, c)
}

// DeleteBudgetCategory removes a category; RestoreBudgetCategory undoes
// it. Money already put in it shows as not yet categorised meanwhile.
func (a *App) DeleteBudgetCategory(ctx context.Context, key string) error {
	return a.store().DeleteBudgetCategory(ctx, key)
}

// RestoreBudgetCategory brings back a removed category.
func (a *App) RestoreBudgetCategory(ctx context.Context, key string) error {
	return a.store().RestoreBudgetCategory(ctx, key)
}

func categoryKeys(cats []BudgetCategory) string {
	keys := make([]string, len(cats))
	for i, c := range cats {
		keys[i] = c.Key
	}
	return strings.Join(keys, ", ")
}

func categoryFromStore(c store.BudgetCategory) BudgetCategory {
	out := BudgetCategory{
		Category: budget.Category{
			Key: c.Key, Name: c.Name, Hint: c.Hint, Kind: budget.Kind(c.Kind),
			Planned: c.Planned, Period: budget.Period(c.Period),
		},
		Outcomes: c.Outcomes,
		Note:     c.Note,
	}
	// A record that arrived in part by sync still shows sensibly.
	if out.Name == "" || out.Hint == "" || !out.Kind.Valid() {
		for _, d := range budget.DefaultCategories() {
			if d.Key == c.Key {
				if out.Name == "" {
					out.Name = d.Name
				}
				if out.Hint == "" {
					out.Hint = d.Hint
				}
				if !out.Kind.Valid() {
					out.Kind = d.Kind
				}
			}
		}
	}
	if out.Name == "" {
		out.Name = c.Key
	}
	if !out.Kind.Valid() {
		out.Kind = budget.MoneyOut
	}
	return out
}

func categoryToStore(c BudgetCategory) store.BudgetCategory {
	return store.BudgetCategory{
		Key: c.Key, Name: c.Name, Hint: c.Hint, Kind: string(c.Kind),
		Planned: c.Planned, Period: string(c.Period), Outcomes: c.Outcomes, Note: c.Note,
	}
}

func categoriesToStore(cats []budget.Category) []store.BudgetCategory {
	out := make([]store.BudgetCategory, len(cats))
	for i, c := range cats {
		out[i] = categoryToStore(BudgetCategory{Category: c})
	}
	return out
}
