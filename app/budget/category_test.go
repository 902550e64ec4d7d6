package budget

import "testing"

func TestDefaultCategories(t *testing.T) {
	cats := DefaultCategories()
	if err := ValidateCategories(cats); err != nil {
		t.Fatalf("DefaultCategories do not validate: %v", err)
	}
	want := []string{KeyPAWages, KeyEmployerCosts, KeyPayrollService, KeyEmployersLiability, KeyAgencyCare,
		KeyShortBreaks, KeyDayActivities, KeyTransport, KeyEquipment, KeyTraining, KeyOther,
		KeyCouncilPayments, KeyOwnContribution}
	if len(cats) != len(want) {
		t.Fatalf("got %d categories, want %d", len(cats), len(want))
	}
	for i, c := range cats {
		wantKind := MoneyOut
		if c.Key == KeyCouncilPayments || c.Key == KeyOwnContribution {
			wantKind = MoneyIn
		}
		switch {
		case c.Key != want[i]:
			t.Errorf("category %d key = %q, want %q", i, c.Key, want[i])
		case c.Name == "" || c.Name == c.Key || c.Hint == "":
			t.Errorf("category %q has no wording: name %q, hint %q", c.Key, c.Name, c.Hint)
		case c.Kind != wantKind:
			t.Errorf("category %q kind = %q, want %q", c.Key, c.Kind, wantKind)
		case !c.Period.Valid() || c.Planned != 0:
			t.Errorf("category %q: period %q, planned %d", c.Key, c.Period, c.Planned)
		}
	}
	cats[0].Name = "changed"
	if DefaultCategories()[0].Name == "changed" {
		t.Error("DefaultCategories shares its slice between calls")
	}
}

func TestValidateCategories(t *testing.T) {
	ok := Category{Key: "a", Name: "A", Kind: MoneyOut, Planned: 100, Period: Monthly}
	for _, tc := range []struct {
		name   string
		cats   []Category
		fields []string
		msgs   []string
	}{
		{"none", nil, nil, nil},
		{"one", []Category{ok}, nil, nil},
		{"nothing planned needs no period", []Category{{Key: "a", Name: "A", Kind: MoneyIn}}, nil, nil},
		{"repeated key", []Category{ok, ok}, []string{"Categories[1].Key"}, []string{`Category "A": Another category already uses the key "a".`}},
		{"no key", []Category{{Name: "A", Kind: MoneyOut}}, []string{"Categories[0].Key"}, nil},
		{"no name", []Category{{Key: "a", Kind: MoneyOut}}, []string{"Categories[0].Name"}, []string{"Category 1: Give the category a name."}},
		{"no kind", []Category{{Key: "a", Name: "A"}}, []string{"Categories[0].Kind"}, nil},
		{"negative plan", []Category{{Key: "a", Name: "A", Kind: MoneyOut, Planned: -1, Period: Weekly}}, []string{"Categories[0].Planned"}, nil},
		{"plan without period", []Category{{Key: "a", Name: "A", Kind: MoneyOut, Planned: 1}}, []string{"Categories[0].Period"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, ValidateCategories(tc.cats), tc.fields, tc.msgs...)
		})
	}
}
