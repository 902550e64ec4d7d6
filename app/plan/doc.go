// Package plan holds OwnPlan's planning guide and the pure calculations
// that sit on top of it.
//
// The guide is data, not code: every word a person reads (section titles,
// prompts, worked examples, the eligibility outcomes, the glossary and the
// sentences this package builds) lives in an embedded JSON file per region,
// such as guide/en-GB-england.json. Scotland, Wales or another country can
// be added as another file without changing the Go code. [Guide] loads and
// checks one.
//
// On top of the guide the package offers three pure calculations over plain
// values, so the desktop app, the command line and the PDF reports all say
// the same thing:
//
//   - [Guidance.Check] says which parts of a draft plan are missing, thin or
//     done, and whether the plan is ready to send.
//   - [Guidance.Assess] and [Guidance.Eligibility] say, carefully, whether a
//     person's answers about an outcome describe being "unable to achieve" it
//     in the way the law means. They never decide eligibility: the council
//     does.
//   - [Guidance.Summarise] turns a needs diary into counts and a sentence per
//     outcome for the assessment.
package plan
