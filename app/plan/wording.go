package plan

import (
	"strconv"
	"strings"
	"unicode"
)

// Wording holds the sentences this package fills in. Placeholders are
// written in braces, such as {outcome}; the `vars` tag on each field names
// the ones it may use, and loading a guide checks them.
type Wording struct {
	// And joins the last two items of a list: "a, b and c".
	And string `json:"and"`
	// Checklist is used by [Guidance.Check].
	Checklist ChecklistWording `json:"checklist"`
	// Assessment is used by [Guidance.Assess] and [Guidance.Eligibility].
	Assessment AssessmentWording `json:"assessment"`
	// Diary is used by [Guidance.Summarise].
	Diary DiaryWording `json:"diary"`
}

// ChecklistWording holds the sentences of a [Checklist].
type ChecklistWording struct {
	Summary           Plural `json:"summary" vars:"done,total"` // chosen by total
	Done              string `json:"done"`
	Thin              string `json:"thin"`
	OutcomesNone      string `json:"outcomesNone"`
	OutcomesNoMeasure Plural `json:"outcomesNoMeasure" vars:"n"`
	SupportNone       string `json:"supportNone"`
	SupportNoCost     Plural `json:"supportNoCost" vars:"n"`
	SupportNoWho      Plural `json:"supportNoWho" vars:"n"`
	BudgetNoCosts     string `json:"budgetNoCosts" vars:"budget"`
	BudgetUnder       string `json:"budgetUnder" vars:"total,budget,difference"`
	BudgetOver        string `json:"budgetOver" vars:"total,budget,difference"`
	RisksNone         string `json:"risksNone"`
	RisksNoBackUp     Plural `json:"risksNoBackUp" vars:"n"`
	ActionsNone       string `json:"actionsNone"`
	ActionsNoDate     string `json:"actionsNoDate"`
	ProfileGaps       Plural `json:"profileGaps" vars:"n,total"`
	ProfileEmpty      string `json:"profileEmpty" vars:"total"`
}

// AssessmentWording holds the sentences of a [Finding] and an [Indicator].
type AssessmentWording struct {
	Unable        string `json:"unable" vars:"outcome,reasons"`
	NotYet        string `json:"notYet" vars:"outcome"`
	NotUnable     string `json:"notUnable" vars:"outcome"`
	DoesNotApply  string `json:"doesNotApply" vars:"outcome"`
	EligibleMaybe string `json:"eligibleMaybe" vars:"n"`
	EligibleOne   string `json:"eligibleOne"`
	EligibleNone  string `json:"eligibleNone"`
}

// DiaryWording holds the sentences of a [DiarySummary], each chosen by
// the number of days in the period. Help and NoHelp are for a period
// that ends today ("the last 14 days"); HelpBetween and NoHelpBetween for
// one that ended earlier, which they name by its first and last days.
type DiaryWording struct {
	Help          Plural `json:"help" vars:"outcome,n,days"`
	NoHelp        Plural `json:"noHelp" vars:"outcome,n,days"`
	HelpBetween   Plural `json:"helpBetween" vars:"outcome,n,days,from,to"`
	NoHelpBetween Plural `json:"noHelpBetween" vars:"outcome,n,days,from,to"`
}

// Plural is a sentence in its singular and plural forms. English needs only
// two; a language that needs more forms will need more fields here.
type Plural struct {
	One   string `json:"one"`
	Other string `json:"other"`
}

// For returns the form of p for the number n.
func (p Plural) For(n int) string {
	if n == 1 {
		return p.One
	}
	return p.Other
}

// fill replaces each {name} in s by its value; pairs alternate names and
// values.
func fill(s string, pairs ...string) string {
	old := make([]string, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		old = append(old, "{"+pairs[i]+"}", pairs[i+1])
	}
	return strings.NewReplacer(old...).Replace(s)
}

// itoa is strconv.Itoa, short for use in fill.
func itoa(n int) string { return strconv.Itoa(n) }

// list joins items the way a sentence does: "a", "a and b", "a, b and c".
func (w Wording) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + w.And + " " + items[len(items)-1]
}

// countWords is CountWords, short for use in this package.
func countWords(s string) int { return CountWords(s) }

// CountWords returns the number of words in s, splitting at white space
// as strings.Fields does, without building the list of words (a section
// can hold 150,000 of them, and is counted after every autosave).
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
