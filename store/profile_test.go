package store

import (
	"context"
	"strings"
	"testing"
)

func TestNHSNumber(t *testing.T) {
	for _, tc := range []struct {
		in, want, errPart string
	}{
		{"4857773457", "485 777 3457", ""},
		{"485 777 3457", "485 777 3457", ""},
		{"485-777-3457", "485 777 3457", ""},
		{"", "", ""},
		{"4857773456", "", "not a valid NHS number"},
		{"485777345", "", "has 9 digits"},
		{"485777345X", "", "only have digits"},
	} {
		got, err := NormaliseNHSNumber(tc.in)
		if tc.errPart == "" && (err != nil || got != tc.want) {
			t.Errorf("%q: %q, %v", tc.in, got, err)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("%q: error %v, want it to mention %q", tc.in, err, tc.errPart)
		}
	}
}

func TestProfileSetAndSave(t *testing.T) {
	var p Profile
	for _, f := range ProfileFields {
		if _, ok := p.Get(f.Key); !ok {
			t.Errorf("Get does not know %s", f.Key)
		}
	}
	for _, tc := range []struct{ key, value, errPart string }{
		{"name", "Zoë Ó Briain", ""},
		{"date_of_birth", "1992-03-14", ""},
		{"date_of_birth", "14/03/1992", ""},
		{"date_of_birth", "03/14/1992", "no month 14"},
		{"date_of_birth", "30/02/1992", "has 29 days"},
		{"date_of_birth", "2099-01-01", "cannot be right"},
		{"email", "zoe@example.org", ""},
		{"email", "zoe at example", "does not look like"},
		{"nhs_number", "943 476 5919", ""},
		{"shoe_size", "5", "no profile field"},
	} {
		err := p.Set(tc.key, tc.value)
		if tc.errPart == "" && err != nil {
			t.Errorf("Set(%s, %q): %v", tc.key, tc.value, err)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("Set(%s, %q): %v, want mention of %q", tc.key, tc.value, err, tc.errPart)
		}
	}
	if v, _ := p.Show("date_of_birth"); v != "14 March 1992" {
		t.Errorf("Show(date_of_birth) = %q, want 14 March 1992", v)
	}
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, ok, _ := s.Profile(ctx); ok {
		t.Error("new store has a profile")
	}
	if err := s.SaveProfile(ctx, Profile{}); err == nil {
		t.Error("saved a profile without a name")
	}
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Profile(ctx)
	if err != nil || !ok || got != p {
		t.Errorf("Profile() = %+v, %v, %v; want %+v", got, ok, err, p)
	}
}
