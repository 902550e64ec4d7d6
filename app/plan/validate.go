package plan

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// validate checks a freshly decoded guide: no empty text or lists, unique
// keys, known placeholders, the seven questions in order, and the parts,
// questions and meanings the Go code relies on.
func (g *Guidance) validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	filled(reflect.ValueOf(*g), "guide", nil, bad)

	unique := func(what string, keys []string) {
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				bad("%s %q appears more than once", what, k)
			}
			seen[k] = true
		}
	}
	keys := func(n int, key func(int) string) []string {
		ks := make([]string, n)
		for i := range ks {
			ks[i] = key(i)
		}
		return ks
	}
	a := &g.Assessment
	unique("section", keys(len(g.Sections), func(i int) string { return g.Sections[i].Key }))
	unique("profile heading", keys(len(g.Profile.Headings), func(i int) string { return g.Profile.Headings[i].Key }))
	outcomes := append(slices.Clone(a.Outcomes), a.Carer.Outcomes...)
	unique("outcome", keys(len(outcomes), func(i int) string { return outcomes[i].Key }))
	unique("question", keys(len(a.Questions), func(i int) string { return a.Questions[i].Key }))
	unique("meaning", keys(len(a.Meanings), func(i int) string { return a.Meanings[i].Key }))
	unique("wellbeing area", keys(len(a.Wellbeing), func(i int) string { return a.Wellbeing[i].Key }))
	unique("glossary term", keys(len(g.Glossary), func(i int) string { return g.Glossary[i].Term }))

	next := 1
	partOf := map[string]string{}
	for _, s := range g.Sections {
		if s.InControl != 0 {
			if s.InControl != next {
				bad("section %q is In Control's question %d, but question %d should come next", s.Key, s.InControl, next)
			}
			next = s.InControl + 1
		}
		if n := len(s.CouncilLooksFor); n < 2 || n > 4 {
			bad("section %q has %d points on what the council looks for; give 2 to 4", s.Key, n)
		}
		for _, p := range s.Parts {
			switch {
			case !slices.Contains(knownParts, p):
				bad("section %q has an unknown part %q", s.Key, p)
			case partOf[p] != "":
				bad("part %q is in both section %q and section %q", p, partOf[p], s.Key)
			}
			partOf[p] = s.Key
		}
	}
	if next != 8 {
		bad("the sections include In Control's questions 1 to %d, not all seven", next-1)
	}
	for _, p := range knownParts {
		if partOf[p] == "" {
			bad("no section holds the part %q", p)
		}
	}
	for _, q := range a.Questions {
		if q.Kind() == "" {
			bad("question %q is not one the app knows how to ask", q.Key)
		}
	}
	for k := range questionKinds {
		if !slices.ContainsFunc(a.Questions, func(q Question) bool { return q.Key == k }) {
			bad("there is no question %q", k)
		}
	}
	if got := keys(len(a.Meanings), func(i int) string { return a.Meanings[i].Key }); !slices.Equal(got, knownMeanings) {
		bad("the meanings of \"unable to achieve\" are %q; want %q", got, knownMeanings)
	}
	return errors.Join(errs...)
}

var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// filled reports, through bad, every empty string or list in v (unless the
// field is tagged guide:"optional") and every placeholder in a string that
// its field's vars tag does not allow.
func filled(v reflect.Value, at string, vars []string, bad func(string, ...any)) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if strings.TrimSpace(s) == "" {
			bad("%s is empty", at)
		}
		for _, p := range placeholder.FindAllString(s, -1) {
			if !slices.Contains(vars, strings.Trim(p, "{}")) {
				bad("%s has an unknown placeholder %s", at, p)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			filled(v.Index(i), fmt.Sprintf("%s[%d]", at, i), vars, bad)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			fv := v.Field(i)
			if fv.Kind() == reflect.Slice && fv.Len() == 0 {
				if f.Tag.Get("guide") != "optional" {
					bad("%s.%s is empty", at, name)
				}
				continue
			}
			fvars := vars
			if tag := f.Tag.Get("vars"); tag != "" {
				fvars = strings.Split(tag, ",")
			}
			filled(fv, at+"."+name, fvars, bad)
		}
	}
}
