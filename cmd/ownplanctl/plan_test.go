package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// lastOutputLine returns the last non-empty line of out: where commands print
// a new record's ID.
func lastOutputLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func TestPlanCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := ctl(t, "--data", dir, "init", "--name", "Sam Jones"); code != 0 {
		t.Fatal(errOut)
	}
	text := "I'm Sam 🙂 from Łódź.\r\nI like the sea.\n\n\tMy sister Aoife matters most.  "
	file := filepath.Join(t.TempDir(), "about.txt")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("x", 5<<20)), 0o600)
	ids := map[string]string{}
	d := func(args ...string) []string { return append([]string{"--data", dir}, args...) }
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
		save   string // remember the ID printed on the last line under this name
	}{
		{args: d("plan", "sections"), stdout: "[to do]    important-to-me"},
		{args: d("plan", "set", "important-to-me", "--file", file), stdout: "Saved important-to-me"},
		{args: d("plan", "set", "nowhere", "--text", "x"), code: 1, stderr: `no plan section called "nowhere"`},
		{args: d("plan", "set", "my-money"), code: 2, stderr: "give the text with --text"},
		{args: d("plan", "set", "my-money", "--text", "a", "--file", file), code: 2, stderr: "one way only"},
		{args: d("plan", "set", "my-money", "--file", big), code: 1, stderr: "more than 1 MB"},
		{args: d("plan", "set", "my-money", "--file", "/no/such/file"), code: 1, stderr: "there is no file /no/such/file"},
		{args: d("plan", "set", "--text", "I will stay safe by pacing.", "control-and-safe"), stdout: "Saved control-and-safe (6 words)"},
		{args: d("plan", "set", "--text", "  ", "control-and-safe"), stdout: "Emptied control-and-safe: the 6 words written there are gone"},
		{args: d("plan", "set", "--text", "I will stay safe by pacing.", "control-and-safe"), stdout: "Saved control-and-safe (6 words)"},
		{args: d("plan", "budget", "£18,200"), stdout: "£18,200.00 a year"},
		{args: d("plan", "budget", "lots"), code: 2},
		{args: d("plan", "support", "add", "--who", "Jess", "--what", "Mornings", "--when", "Weekdays", "--cost", "£15,548", "--category", "pa_wages"),
			stdout: "Cost: £15,548.00 a year.", save: "support"},
		{args: d("plan", "support", "add", "--who", "Jess", "--category", "sweets"), code: 1, stderr: "not a budget category"},
		{args: d("plan", "support", "add", "--who", "Jess", "--cost", "a lot"), code: 2, stderr: "--cost"},
		{args: d("plan", "support", "add"), code: 2, stderr: "say who helps"},
		{args: d("plan", "outcome", "add", "--what", "See my friends", "--why", "Lonely", "--know", "Twice a month", "--needs", "community, relationships"),
			stdout: "Added the outcome.", save: "outcome"},
		{args: d("plan", "outcome", "add", "--what", "Fly", "--needs", "flying"), code: 1, stderr: `"flying" is not one of the needs`},
		{args: d("plan", "outcome", "add", "--why", "x"), code: 2, stderr: "--what"},
		{args: d("plan", "outcome", "fly"), code: 2, stderr: `"fly" is not something plan outcome can do`},
		{args: d("plan", "outcome"), code: 2, stderr: "say what to do: add, edit"},
		{args: d("plan", "risk", "add", "--what", "Jess is ill"), stdout: "Tip: add a back-up plan", save: "risk"},
		{args: d("plan", "action", "add", "--what", "Book course", "--who", "Sam", "--by", "15/1/2027"), stdout: "Added the step.", save: "action"},
		{args: d("plan", "action", "add", "--what", "x", "--by", "31/02/2027"), code: 2, stderr: "February 2027 has 28 days"},
		{args: d("plan", "profile", "set", "support-me", "Ask how my energy is"), stdout: "Saved support-me."},
		{args: d("plan", "profile", "set", "shoe-size", "5"), code: 1, stderr: "no heading called"},
		{args: d("plan", "show"), stdout: "I like the sea."},
		{args: d("plan", "check"), stdout: "Before you send: 0 of 11 parts done."},
		{args: d("plan", "status", "sent", "--date", "2099-01-01"), code: 1, stderr: "in the future"},
		{args: d("plan", "status", "lost"), code: 2, stderr: "not a plan status"},
		{args: d("plan", "status", "shared"), stdout: "Status: Shared with my supporter"},
		{args: d("plan", "snapshot", "--label", "Shared with Aoife"), stdout: "Saved version 1, “Shared with Aoife”."},
		{args: d("plan", "version", "save"), code: 2, stderr: "--label"},
		{args: d("plan", "versions"), stdout: "1. Shared with Aoife"},
		{args: d("plan", "diff", "1", "current"), stdout: "Nothing changed."},
		{args: d("plan", "version", "diff", "7"), code: 1, stderr: "there is no version 7"},
		{args: d("comment", "add", "my-money", "--text", "Is this enough?"), stdout: "Added your comment on my-money.", save: "comment"},
		{args: d("plan", "comment", "add", "nowhere", "x"), code: 1, stderr: "no plan section"},
		{args: d("plan", "comment", "list"), stdout: "Sam Jones, on “How I will use my money”"},
		{args: d("assessment", "set", "personal-hygiene", "bad-day", "I can't stand in the shower"), stdout: "Saved bad-day for personal-hygiene."},
		{args: d("assess", "set", "personal-hygiene", "--field", "without_help", "--text", "yes"),
			stdout: "may be unable to achieve washing and keeping clean"},
		{args: d("assessment", "set", "personal-hygiene", "danger", "perhaps"), code: 1, stderr: "yes or no"},
		{args: d("assessment", "set", "flying", "hard", "x"), code: 1, stderr: "no outcome called"},
		{args: d("assessment", "set", "nutrition"), code: 2},
		{args: d("assessment", "show", "nutrition"), stdout: "Things people often forget to mention"},
		{args: d("assessment", "show"), stdout: "A bad day: I can't stand in the shower"},
		{args: d("assessment", "show", "caring-for-child"), stdout: "assess set caring-for-child does-not-apply yes"},
		{args: d("assessment", "set", "caring-for-child", "does_not_apply", "yes"), stdout: "doesn't apply to you, so it is left out"},
		{args: d("assess", "outcomes"), stdout: "[n/a]      caring-for-child"},
		{args: d("assessment", "show"), stdout: "You've said caring for a child doesn't apply to you"},
		{args: d("assessment", "set", "caring-for-child", "n/a", "maybe"), code: 1, stderr: "yes or no"},
		{args: d("assessment", "mode", "carer"), stdout: "carer's assessment"},
		{args: d("assess", "outcomes"), stdout: "carer-home"},
		{args: d("assessment", "mode", "adult"), stdout: "your own needs"},
		{args: d("diary", "add", "--date", "yesterday", "--outcome", "personal-hygiene", "--text", "Help to wash", "--minutes", "30", "--bad-day"),
			stdout: "Added to your diary", save: "diary"},
		{args: d("diary", "add", "--outcome", "personal-hygiene", "--what", "x", "--date", "2099-01-01"), code: 1, stderr: "in the future"},
		{args: d("diary", "add", "--outcome", "personal-hygiene", "--what", "x", "--minutes", "lots"), code: 2, stderr: "whole number"},
		{args: d("diary", "add", "--what", "x"), code: 2, stderr: "--outcome"},
		{args: d("diary", "summary"), stdout: "You needed help with washing and keeping clean on 1 of the last 14 days."},
		{args: d("diary", "list"), stdout: "Help to wash"},
	} {
		code, out, errOut := ctl(t, tc.args...)
		name := strings.Join(tc.args[2:], " ")
		if code != tc.code {
			t.Fatalf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", name, code, tc.code, out, errOut)
		}
		if !strings.Contains(out, tc.stdout) {
			t.Errorf("%s: stdout %q does not contain %q", name, out, tc.stdout)
		}
		if !strings.Contains(errOut, tc.stderr) {
			t.Errorf("%s: stderr %q does not contain %q", name, errOut, tc.stderr)
		}
		if code == 0 && errOut != "" {
			t.Errorf("%s: succeeded but wrote to stderr: %q", name, errOut)
		}
		if tc.save != "" {
			ids[tc.save] = lastOutputLine(out)
		}
	}

	// The IDs printed work with the commands that change or remove items.
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
	}{
		{d("plan", "outcome", "edit", ids["outcome"], "--support", ids["support"]), 0, "Saved the outcome."},
		{d("plan", "support", "edit", ids["support"], "--cost", "£15,600"), 0, "£15,600.00"},
		{d("plan", "risk", "edit", ids["risk"], "--backup", "Aoife comes over"), 0, "Saved the risk."},
		{d("plan", "action", "done", ids["action"]), 0, "Marked done."},
		{d("plan", "action", "done", "NOPE"), 1, ""},
		{d("plan", "item", "rm", "risk", ids["risk"]), 0, "plan item restore risk " + ids["risk"]},
		{d("plan", "item", "rm", "risk", ids["risk"]), 1, ""},
		{d("plan", "item", "restore", "risk", ids["risk"]), 0, "Brought back."},
		{d("plan", "item", "rm", "hat", ids["risk"]), 1, ""},
		{d("plan", "comment", "resolve", ids["comment"]), 0, "Marked resolved."},
		{d("comment", "list", "--open"), 0, "No comments."},
		{d("plan", "comment", "reopen", ids["comment"]), 0, "Opened again."},
		{d("plan", "comment", "resolve", "NOPE"), 1, ""},
		{d("diary", "rm", ids["diary"]), 0, "diary restore"},
		{d("diary", "restore", ids["diary"]), 0, "Brought back."},
		{d("plan", "version", "diff", "1"), 0, "The cost of “Jess: Mornings” changed from £15,548.00 a year to £15,600.00 a year."},
	} {
		code, out, errOut := ctl(t, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.stdout) {
			t.Errorf("%s: exit %d (want %d)\nstdout: %s\nstderr: %s", strings.Join(tc.args[2:], " "), code, tc.code, out, errOut)
		}
	}

	// JSON for scripts: the shapes the issue asks for, and the text exactly.
	var plan struct {
		Status   string `json:"status"`
		Sections []struct {
			Key, Title, Text string
		} `json:"sections"`
		Outcomes []store.PlanOutcome        `json:"outcomes"`
		Actions  []store.PlanAction         `json:"actions"`
		Risks    []store.PlanRisk           `json:"risks"`
		Support  []store.SupportArrangement `json:"support"`
	}
	decode(t, &plan, d("plan", "show", "--json")...)
	if plan.Status != "shared" || len(plan.Sections) != 11 || plan.Sections[0].Key != "important-to-me" ||
		plan.Sections[0].Title != "What is important to me" || plan.Sections[0].Text != text {
		t.Errorf("plan show --json: %+v", plan)
	}
	if len(plan.Outcomes) != 1 || plan.Outcomes[0].Support[0] != ids["support"] || len(plan.Actions) != 1 || !plan.Actions[0].Done ||
		len(plan.Risks) != 1 || plan.Risks[0].BackUp != "Aoife comes over" || plan.Support[0].AnnualCost != 15_600_00 {
		t.Errorf("plan show --json parts: %+v", plan)
	}
	var sections []struct {
		Key    string `json:"key"`
		Title  string `json:"title"`
		Filled bool   `json:"filled"`
	}
	decode(t, &sections, d("plan", "sections", "--json")...)
	if len(sections) != 11 || !sections[0].Filled || sections[1].Filled {
		t.Errorf("plan sections --json: %+v", sections)
	}
	var outcomes []struct {
		Key     string                 `json:"key"`
		Title   string                 `json:"title"`
		Answers store.AssessmentAnswer `json:"answers"`
	}
	decode(t, &outcomes, d("assess", "outcomes", "--json")...)
	if len(outcomes) != 10 || outcomes[1].Key != "personal-hygiene" || outcomes[1].Answers.BadDay != "I can't stand in the shower" || !outcomes[1].Answers.WithoutHelp {
		t.Errorf("assess outcomes --json: %+v", outcomes)
	}
	var versions []struct {
		Number int    `json:"number"`
		Label  string `json:"label"`
	}
	decode(t, &versions, d("plan", "versions", "--json")...)
	if len(versions) != 1 || versions[0].Number != 1 || versions[0].Label != "Shared with Aoife" {
		t.Errorf("plan versions --json: %+v", versions)
	}
	var comments []store.Comment
	decode(t, &comments, d("comment", "list", "--json")...)
	if len(comments) != 1 || comments[0].Body != "Is this enough?" || comments[0].Resolved {
		t.Errorf("comment list --json: %+v", comments)
	}
	var diary []store.DiaryEntry
	decode(t, &diary, d("diary", "list", "--json")...)
	if len(diary) != 1 || diary[0].Minutes != 30 || !diary[0].BadDay || !diary[0].NeededHelp {
		t.Errorf("diary list --json: %+v", diary)
	}
	var check struct {
		Summary string `json:"summary"`
		Items   []struct {
			State string `json:"state"`
		} `json:"items"`
	}
	decode(t, &check, d("plan", "check", "--json")...)
	if len(check.Items) != 11 || check.Items[0].State != "thin" {
		t.Errorf("plan check --json: %+v", check)
	}
}

func TestPlanCLIReadsStandardInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Sam")
	text := "From stdin ✍️\nsecond line\n"
	old := stdin
	stdin = strings.NewReader(text)
	defer func() { stdin = old }()
	if code, _, errOut := ctl(t, "--data", dir, "plan", "set", "staying-well", "-"); code != 0 {
		t.Fatal(errOut)
	}
	var plan struct {
		Sections []struct{ Key, Text string } `json:"sections"`
	}
	decode(t, &plan, "--data", dir, "plan", "show", "--json")
	for _, s := range plan.Sections {
		if s.Key == "staying-well" && s.Text != text {
			t.Errorf("stdin text became %q", s.Text)
		}
	}
}

func TestPlanCLIOnExampleData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, errOut := ctl(t, "--data", dir, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"plan", "check"}, []string{"11 of 11 parts done", "Everything looks ready"}},
		{[]string{"plan", "show"}, []string{"Personal budget: £18,200.00 a year; support costs £18,200.00 a year", "Back-up plan:"}},
		{[]string{"plan", "version", "list"}, []string{"1. Draft sent to Aoife 2 November (2 November 2026, by Zoë)"}},
		{[]string{"plan", "show", "--version", "1"}, []string{"Version “Draft sent to Aoife 2 November”, as it was saved.", "support costs £18,128.00 a year"}},
		{[]string{"plan", "version", "diff", "1", "current"}, []string{"Added an outcome: “Do some illustration work again”.", "£360.00 a year to £432.00 a year"}},
		{[]string{"plan", "comment", "list"}, []string{"Aoife Ó Briain", "(resolved)", "(open)"}},
		{[]string{"assessment", "show"}, []string{"Overall: Your answers suggest you may meet the eligibility criteria"}},
		{[]string{"diary", "summary"}, []string{"You needed help with washing and keeping clean on 13 of the last 14 days."}},
	} {
		code, out, errOut := ctl(t, append([]string{"--data", dir}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%v: %s", tc.args, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
}

func TestPlanCLIHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "plan", "outcome"}, "--know"},
		{[]string{"plan", "outcome", "add", "--help"}, "--needs"},
		{[]string{"help", "plan", "set"}, "--file F"},
		{[]string{"help", "assessment", "set"}, "without-help"},
		{[]string{"help", "diary", "add"}, "--bad-day"},
		{[]string{"--help"}, "plan version"},
	} {
		code, out, errOut := ctl(t, tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, stdout lacks %q\n%s%s", tc.args, code, tc.want, out, errOut)
		}
	}
}

// A person who knows no council language can find, from the command line
// alone, what to write in each part and the commands that write it.
func TestPlanCLIGuide(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Łukasz Nowak")
	d := func(args ...string) []string { return append([]string{"--data", dir}, args...) }
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{d("plan", "sections"), 0, []string{"0 of 11 parts done. What to write in a part, with an example: ownplanctl plan guide KEY"}},
		{d("plan", "next"), 0, []string{"Start your support plan\n   Begin with “What is important to me”.", "How: ownplanctl plan guide",
			"Get ready for your assessment", "How: ownplanctl people add --help"}},
		{d("plan", "guide"), 0, []string{" 1. What is important to me [to do]\n    Key: important-to-me\n    Tell the council who you are",
			"11. How I will make it happen [to do]\n    Key: make-it-happen\n    List", "ownplanctl plan glossary"}},
		{d("plan", "guide", "my-needs"), 0, []string{"2. What I need help with (my-needs)", "What the council looks for:\n  - Needs that match",
			"An example by Zoë Ó Briain:\n  My assessment in March", "Where you are: [to do]", "ownplanctl plan set my-needs --file my-words.txt"}},
		{d("plan", "guide", "how-supported"), 0, []string{"ownplanctl plan support add --who", "budget category from-plan"}},
		{d("plan", "guide", "important-to-me"), 0, []string{"plan profile set like-and-admire", "plan guide profile"}},
		{d("plan", "guide", "profile"), 0, []string{"What people like and admire about me (like-and-admire)", "For example: People say"}},
		{d("plan", "guide", "nowhere"), 1, []string{`no plan section called "nowhere"; the sections are: important-to-me`}},
		{d("plan", "guide", "important"), 1, []string{`no plan section called "important"; did you mean important-to-me? The sections are:`}},
		{d("plan", "guide", "Money"), 1, []string{`did you mean my-money?`}},
		{d("plan", "glossary", "direct payment"), 0, []string{"Direct payment\n  Your personal budget paid into a bank account"}},
		{d("plan", "glossary", "zzz"), 0, []string{`No entry mentions "zzz"`}},
		{d("plan", "check"), 0, []string{"[to do] What I need help with (my-needs)", "ownplanctl plan guide KEY"}},
		{d("plan", "profile", "set", "support-me", "--text", "Ask how my energy is"), 0, []string{"Saved support-me."}},
		{d("plan", "profile", "set", "support-me"), 2, nil},
		{d("plan", "set", "my-needs", "--text", "Help"), 0, []string{"Saved my-needs (1 word).\nYou've made a start here."}},
		{d("assess", "show", "nutrition"), 0, []string{"health           Your physical and mental health", "How it affects you (impact): -",
			"ownplanctl assess set nutrition --field QUESTION"}},
		{d("assess", "outcomes"), 0, []string{"ownplanctl assess show KEY", "assessment mode carer"}},
		{d("help", "assess", "set"), 0, []string{"impact is short for wellbeing-impact"}},
	} {
		code, out, errOut := ctl(t, tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args[2:], code, tc.code, out, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out+errOut, w) {
				t.Errorf("%v lacks %q:\n%s%s", tc.args[2:], w, out, errOut)
			}
		}
	}
	// The guide only reads: looking does not start the plan.
	var p struct {
		Started string `json:"started"`
	}
	dir2 := filepath.Join(t.TempDir(), "fresh")
	ctl(t, "--data", dir2, "init", "--name", "Sam")
	ctl(t, "--data", dir2, "plan", "guide", "nowhere")
	ctl(t, "--data", dir2, "plan", "guide", "my-needs")
	decode(t, &p, "--data", dir2, "plan", "show", "--json")
	if p.Started != "" {
		t.Errorf("looking at the guide started the plan on %s", p.Started)
	}
}

// Every script, emoji, combining character and line ending round-trips
// byte for byte; what cannot be stored is refused with a reason, and
// never half-saved.
func TestPlanCLITextRoundTripsAndBadInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Łukasz Nowak")
	d := func(args ...string) []string { return append([]string{"--data", dir}, args...) }
	tmp := t.TempDir()
	write := func(name string, b []byte) string {
		f := filepath.Join(tmp, name)
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	scripts := "Arabic: مرحبا بالعالم\nHebrew: שלום עולם\nCJK: 你好世界 日本語 한국어\n" +
		"Combining: e\u0301 a\u0308 Z\u0335\u0321\nZWJ: 👨\u200d👩\u200d👧\u200d👦 🇵🇱 👋🏽\n" +
		"Marks: \u200fabc\u200e \ufeffx\r\nTabs\t\tand trailing spaces   \n\n\n"
	section := func() string {
		var p struct {
			Sections []struct{ Key, Text string } `json:"sections"`
		}
		decode(t, &p, d("plan", "show", "--json")...)
		for _, s := range p.Sections {
			if s.Key == "my-needs" {
				return s.Text
			}
		}
		return "?"
	}
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Łukasz 🙂\r\n" {
		for _, u := range utf16.Encode([]rune{r}) {
			utf16le = append(utf16le, byte(u), byte(u>>8))
		}
	}
	big := strings.Repeat("Łukasz żółć 🙂 ", 400000)[:5<<20]
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
		code  int
		err   string
		want  string // the section's text afterwards
	}{
		{name: "scripts by file", args: d("plan", "set", "my-needs", "--file", write("s.txt", []byte(scripts))), want: scripts},
		{name: "scripts by --text", args: d("plan", "set", "my-needs", "--text", scripts+"!"), want: scripts + "!"},
		{name: "scripts by stdin", args: d("plan", "set", "my-needs", "-"), stdin: scripts + "?", want: scripts + "?"},
		{name: "a BOM is dropped", args: d("plan", "set", "my-needs", "--file", write("bom.txt", []byte("\xef\xbb\xbfFrom Notepad"))), want: "From Notepad"},
		{name: "UTF-16 becomes UTF-8", args: d("plan", "set", "my-needs", "--file", write("u16.txt", utf16le)), want: "Łukasz 🙂\r\n"},
		{name: "NUL", args: d("plan", "set", "my-needs", "--file", write("nul.txt", []byte("a\x00b"))), code: 1, err: "hidden NUL character", want: "Łukasz 🙂\r\n"},
		{name: "invalid UTF-8", args: d("plan", "set", "my-needs", "--text", "a\xffb"), code: 1, err: "save the file as UTF-8", want: "Łukasz 🙂\r\n"},
		{name: "Windows-1250", args: d("plan", "set", "my-needs", "--file", write("cp.txt", []byte("\xa3\xf3d\x9f"))), code: 1, err: "not readable text", want: "Łukasz 🙂\r\n"},
		{name: "5 MB by file", args: d("plan", "set", "my-needs", "--file", write("big.txt", []byte(big))), code: 1, err: "more than 1 MB", want: "Łukasz 🙂\r\n"},
		{name: "5 MB by stdin", args: d("plan", "set", "my-needs", "-"), stdin: big, code: 1, err: "standard input is more than 1 MB", want: "Łukasz 🙂\r\n"},
		{name: "1 MB exactly", args: d("plan", "set", "my-needs", "-"), stdin: big[:1<<20], want: big[:1<<20]},
		{name: "a folder", args: d("plan", "set", "my-needs", "--file", tmp), code: 1, err: "is a folder, not a file", want: big[:1<<20]},
		{name: "empty clears", args: d("plan", "set", "my-needs", "--text", ""), want: ""},
		{name: "unknown key", args: d("plan", "set", "my_needs", "--text", "x"), code: 1, err: `no plan section called "my_needs"`, want: ""},
	} {
		old := stdin
		stdin = strings.NewReader(tc.stdin)
		code, out, errOut := ctl(t, tc.args...)
		stdin = old
		if code != tc.code || !strings.Contains(errOut, tc.err) {
			t.Errorf("%s: exit %d (want %d)\n%s%s", tc.name, code, tc.code, out, errOut)
		}
		if got := section(); got != tc.want {
			t.Errorf("%s: the section holds %d bytes %.60q, want %d bytes %.60q", tc.name, len(got), got, len(tc.want), tc.want)
		}
	}
}

// Dates are read the way people write them, and impossible ones are
// refused with the reason.
func TestPlanCLIDates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Łukasz Nowak")
	d := func(args ...string) []string { return append([]string{"--data", dir}, args...) }
	today := store.Today()
	agreed := today.AddDays(-10)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{d("plan", "action", "add", "--what", "Ask for a DP", "--by", "31/12/2030"), 0, "Added the step."},
		{d("plan", "action", "add", "--what", "x", "--by", "2026-02-30"), 2, "February 2026 has 28 days"},
		{d("plan", "action", "add", "--what", "x", "--by", "12/31/2026"), 2, "there is no month 31; write the day first"},
		{d("plan", "action", "add", "--what", "x", "--by", "next week"), 2, "write it like 23/11/2026"},
		{d("plan", "action", "add", "--what", "No date yet", "--by", ""), 0, "Added the step."},
		{d("diary", "add", "--outcome", "nutrition", "--text", "x", "--date", "30 Feb 2026"), 2, "February 2026 has 28 days"},
		{d("plan", "dates", "--review", "1/1/2030"), 1, "mark it agreed first"},
		{d("plan", "status", "agreed", "--date", app.HumanDate(agreed)), 0, "Next review: " + app.HumanDate(agreed.AddMonths(12))},
		{d("plan", "status"), 0, "Agreed: " + app.HumanDate(agreed)},
		{d("plan", "status", "agreed", "--date", app.HumanDate(agreed)), 0, `ownplanctl plan snapshot --label "Agreed by the council ` + app.HumanDate(agreed) + `"`},
		{d("plan", "dates", "--review", app.HumanDate(agreed.AddMonths(12).AddDays(1))), 1, "cannot be later than " + app.HumanDate(agreed.AddMonths(12))},
		{d("plan", "dates", "--review", app.HumanDate(agreed)), 1, "must come after your plan was agreed"},
		{d("plan", "dates", "--review", app.HumanDate(agreed.AddDays(49))), 0, "sooner than the latest the council may leave it"},
	} {
		code, out, errOut := ctl(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%v: exit %d (want %d), lacks %q\n%s%s", tc.args[2:], code, tc.code, tc.want, out, errOut)
		}
	}
}

func decode(t *testing.T, v any, args ...string) {
	t.Helper()
	code, out, errOut := ctl(t, args...)
	if code != 0 {
		t.Fatalf("%v: %s", args, errOut)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
}
