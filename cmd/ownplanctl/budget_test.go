package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app/money"
)

// budgetFixtures is the shared folder of sample statements beside the
// checkout.
const budgetFixtures = "../../../shared/fixtures"

// budgetLastLine returns the last line of out, where commands print new IDs.
func budgetLastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func TestBudgetCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Zoë Ó Briain")
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("Date,Description,Amount\n01/04/2026,SUFFOLK CC,1400.00\n02/04/2026,SWIM,-6.2O\n"), 0o600)
	out := filepath.Join(t.TempDir(), "return.csv")
	d := []string{"--data", dir}
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{args: []string{"budget", "show"}, code: 1, stderr: "budget is not set up yet"},
		{args: []string{"budget", "setup", "--amount", "18200"}, code: 2, stderr: "give at least --amount and --start"},
		{args: []string{"budget", "setup", "--amount", "18,2OO", "--start", "2026-04-01"}, code: 1, stderr: "not an amount of money"},
		{args: []string{"budget", "setup", "--amount", "18200", "--start", "2026-04-01", "--per", "fortnight"}, code: 1, stderr: "not a period"},
		{args: []string{"budget", "setup", "--amount", "18200", "--start", "2026-04-01", "--year-end", "2026-03-01"}, code: 1, stderr: "year end must be after the start"},
		{args: []string{"budget", "setup", "--type", "direct-payment", "--amount", "18200", "--per", "year", "--start", "2026-04-01",
			"--schedule", "every-4-weeks", "--payment", "1400", "--opening-balance", "500",
			"--reserve", "PA holiday pay=5.6 weeks of pa_wages", "--reserve", "Contingency=500", "--clawback-weeks", "8"},
			code: 0, stdout: "£1,400.00 every 4 weeks, from 1 April 2026"},
		{args: []string{"budget", "setup", "--reserve", "Holiday=lots"}, code: 1, stderr: `should look like "Contingency=500"`},
		{args: []string{"budget", "category", "set", "pa_wages", "--planned", "324", "--period", "week"}, code: 0, stdout: "£16,848.00 a year"},
		{args: []string{"budget", "category", "set", "shoes", "--planned", "10"}, code: 1, stderr: `no category "shoes"`},
		{args: []string{"budget", "category", "set", "transport"}, code: 2, stderr: "--planned"},
		{args: []string{"budget", "category", "add", "Swimming", "--planned", "25", "--period", "month"}, code: 0, stdout: "Added the category Swimming"},
		{args: []string{"budget", "categories"}, code: 0, stdout: "Swimming"},
		{args: []string{"tx", "add", "--date", "2026-04-02", "--amount", "-6.20"}, code: 2, stderr: "give --date, --amount and --payee"},
		{args: []string{"tx", "add", "--date", "31/02/2026", "--amount", "-6.20", "--payee", "Swim"}, code: 1, stderr: "not a real date"},
		{args: []string{"tx", "add", "--date", "2026-04-02", "--amount", "-6.20", "--payee", "Swim", "--category", "shoes"}, code: 1, stderr: "shoes"},
		{args: []string{"tx", "rm", "NOSUCH"}, code: 1, stderr: "no payment with ID NOSUCH"},
		{args: []string{"import"}, code: 2, stderr: "give the statement file"},
		{args: []string{"import", bad}, code: 1, stderr: "bad.csv was not imported: line 3"},
		{args: []string{"budget", "import", bad}, code: 1, stderr: "or choose the columns yourself. To choose the columns, give --columns"},
		{args: []string{"import", filepath.Join(t.TempDir(), "missing.csv")}, code: 1, stderr: "no such file"},
		{args: []string{"import", bad, "--columns", "date=1,payee=x"}, code: 2, stderr: "counted from 1"},
		{args: []string{"return", "--from", "2026-04-01"}, code: 2, stderr: "--from and --to"},
		{args: []string{"return", "--from", "2026-06-30", "--to", "2026-04-01", "--out", out}, code: 1, stderr: "end of the period must be on or after its start"},
	} {
		code, stdout, stderr := ctl(t, append(d, tc.args...)...)
		name := strings.Join(tc.args, " ")
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", name, code, tc.code, stdout, stderr)
		}
		if !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s:\nstdout %q (want %q)\nstderr %q (want %q)", name, stdout, tc.stdout, stderr, tc.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a return that could not be made left a file")
	}
	if _, stdout, _ := ctl(t, append(d, "tx", "list", "--json")...); strings.TrimSpace(stdout) != "[]" {
		t.Errorf("refused commands added payments: %s", stdout)
	}
}

func TestBudgetCLIPaymentsSplitReconcileUndo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Sam")
	d := []string{"--data", dir}
	run := func(want int, args ...string) string {
		t.Helper()
		code, stdout, stderr := ctl(t, append(d, args...)...)
		if code != want {
			t.Fatalf("%s: exit %d, want %d: %s%s", strings.Join(args, " "), code, want, stdout, stderr)
		}
		return stdout
	}
	run(0, "budget", "setup", "--amount", "350", "--per", "week", "--start", "2026-04-01")
	run(0, "tx", "add", "--date", "2026-04-03", "--amount", "-18.00", "--payee", "A2B Taxis", "--category", "transport")
	// The payee is remembered: the next taxi goes in transport by itself.
	out := run(0, "budget", "add", "--date", "2026-04-10", "--amount", "-22.00", "--payee", "A2B TAXIS")
	if !strings.Contains(out, "Transport") {
		t.Errorf("the rule was not used: %s", out)
	}
	taxi := budgetLastLine(out)
	out = run(0, "tx", "add", "--date", "23/04/2026", "--amount", "-420", "--payee", "Short Breaks Ltd", "--note", "Weekend at the coast")
	breakID := budgetLastLine(out)
	if out := run(1, "tx", "split", breakID, "short_breaks=300", "transport=100"); out != "" {
		t.Errorf("stdout for a split that does not add up: %q", out)
	}
	run(0, "tx", "split", breakID, "short_breaks=300", "transport=120")
	run(0, "tx", "reconcile", taxi, breakID)
	run(0, "tx", "edit", taxi, "--note", "To the hospital")

	var txs []struct {
		ID         string `json:"id"`
		Date       string `json:"date"`
		Amount     int64  `json:"amount_pence"`
		Note       string `json:"note"`
		Reconciled bool   `json:"reconciled"`
		Splits     []struct {
			Category string `json:"category"`
			Amount   int64  `json:"amount_pence"`
		} `json:"splits"`
	}
	if err := json.Unmarshal([]byte(run(0, "tx", "list", "--from", "2026-04-05", "--json")), &txs); err != nil {
		t.Fatal(err)
	}
	if len(txs) != 2 || txs[0].ID != taxi || !txs[0].Reconciled || txs[0].Note != "To the hospital" ||
		len(txs[1].Splits) != 2 || txs[1].Splits[1].Amount != -12000 || txs[1].Date != "2026-04-23" {
		t.Fatalf("list %+v", txs)
	}
	if out := run(0, "tx", "list", "--search", "coast"); !strings.Contains(out, "Short Breaks Ltd") || strings.Contains(out, "A2B") {
		t.Errorf("search: %s", out)
	}
	run(0, "tx", "rm", taxi)
	if out := run(0, "tx", "list"); strings.Contains(out, taxi) {
		t.Error("deleted payment listed")
	}
	run(0, "tx", "restore", taxi)
	if out := run(0, "tx", "list", "--category", "transport"); !strings.Contains(out, taxi) || !strings.Contains(out, "3 payments") { // both taxis and the split
		t.Errorf("after restore: %s", out)
	}
}

func TestBudgetCLIImportsBothFixturesIntoOneFolder(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(budgetFixtures, "statement-expected.json"))
	if err != nil {
		t.Skipf("shared fixtures not found beside the checkout: %v", err)
	}
	var want struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Count    int    `json:"count"`
		Received int64  `json:"received_pence"`
		Spent    int64  `json:"spent_pence"`
		Balance  int64  `json:"balance_pence"`
		Annual   int64  `json:"annual_budget_pence"`
		Weekly   int64  `json:"weekly_budget_pence"`
		Opening  int64  `json:"opening_balance_pence"`
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "data")
	d := []string{"--data", dir}
	ctl(t, "--data", dir, "init", "--name", "Zoë")
	if code, _, stderr := ctl(t, append(d, "budget", "setup", "--type", "direct-payment", "--amount", "18200", "--per", "year",
		"--start", want.From, "--opening-balance", "500", "--payment", "1400", "--schedule", "every-4-weeks")...); code != 0 {
		t.Fatal(stderr)
	}
	signed := filepath.Join(budgetFixtures, "statement-signed.csv")
	paidInOut := filepath.Join(budgetFixtures, "statement-paid-in-out.csv")
	code, stdout, stderr := ctl(t, append(d, "import", signed, "--dry-run")...)
	if code != 0 || !strings.Contains(stdout, "Would add 88, already there 0, skipped 0.") {
		t.Fatalf("dry run: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ = ctl(t, append(d, "import", signed)...)
	if code != 0 || !strings.HasPrefix(stdout, "Added 88, already there 0, skipped 0.") {
		t.Fatalf("first import: %s", stdout)
	}
	// The same account in the other layout adds nothing.
	code, stdout, _ = ctl(t, append(d, "budget", "import", paidInOut)...)
	if code != 0 || stdout != "imported 0, duplicates skipped 88\n" {
		t.Fatalf("second import: %q", stdout)
	}
	code, stdout, _ = ctl(t, append(d, "import", paidInOut, "--json")...)
	var res struct {
		Added, AlreadyThere, Read int
	}
	json.Unmarshal([]byte(strings.ReplaceAll(stdout, "already_there", "alreadythere")), &res)
	if code != 0 || res.Added != 0 || res.AlreadyThere != want.Count || res.Read != want.Count {
		t.Errorf("import --json: %+v\n%s", res, stdout)
	}

	code, stdout, _ = ctl(t, append(d, "budget", "summary", "--as-of", want.To, "--json")...)
	var sum map[string]any
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || code != 0 {
		t.Fatalf("summary --json: %v\n%s", err, stdout)
	}
	for key, v := range map[string]int64{
		"received_pence": want.Received, "spent_pence": want.Spent, "balance_pence": want.Balance,
		"weekly_budget_pence": want.Weekly, "annual_budget_pence": want.Annual, "opening_balance_pence": want.Opening,
	} {
		if got, ok := sum[key].(float64); !ok || int64(got) != v {
			t.Errorf("%s = %v, want %d", key, sum[key], v)
		}
	}
	for _, key := range []string{"allocated_to_date_pence", "reserve_pence", "surplus_at_risk_pence", "forecast_year_end_balance_pence", "weeks_cover", "categories", "warnings"} {
		if _, ok := sum[key]; !ok {
			t.Errorf("summary --json lacks %q", key)
		}
	}
	if cats, _ := sum["categories"].([]any); len(cats) == 0 || cats[0].(map[string]any)["planned_to_date_pence"] == nil {
		t.Errorf("categories %v", sum["categories"])
	}
	if code, stdout, _ = ctl(t, append(d, "budget", "show", "--as-of", want.To)...); code != 0 || !strings.Contains(stdout, "Balance:") ||
		!strings.Contains(stdout, money.Format(want.Balance)) {
		t.Errorf("show: %s", stdout)
	}

	out := filepath.Join(t.TempDir(), "return.csv")
	if code, stdout, stderr = ctl(t, append(d, "return", "--from", want.From, "--to", want.To, "--out", out)...); code != 0 {
		t.Fatalf("return: %s %s", stdout, stderr)
	}
	csv, _ := os.ReadFile(out)
	for _, w := range []string{"Closing balance", money.Plain(want.Balance), "2026-10-30,J SMITH PA WAGES,Not yet categorised,-262.50,yes"} {
		if !strings.Contains(string(csv), w) {
			t.Errorf("return lacks %q", w)
		}
	}
	if code, stdout, _ = ctl(t, append(d, "budget", "return", "--from", want.From, "--to", want.To, "--json")...); code != 0 || !strings.Contains(stdout, fmt.Sprintf(`"closing_balance_pence": %d`, want.Balance)) {
		t.Errorf("return --json: %s", stdout)
	}
}

func TestBudgetCLIExampleAndPlanCosts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := ctl(t, "--data", dir, "demo"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := ctl(t, "--data", dir, "budget", "category", "from-plan")
	if code != 0 || !strings.Contains(stdout, "Planned") {
		t.Fatalf("from-plan: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ = ctl(t, "--data", dir, "budget", "categories", "--json")
	var cats []struct {
		Key      string   `json:"key"`
		Planned  int64    `json:"planned_pence"`
		Period   string   `json:"period"`
		Outcomes []string `json:"outcomes"`
	}
	if err := json.Unmarshal([]byte(stdout), &cats); err != nil || code != 0 {
		t.Fatalf("categories --json: %v\n%s", err, stdout)
	}
	for _, c := range cats {
		if c.Key == "pa_wages" && (c.Planned != 324_00 || c.Period != "weekly" || len(c.Outcomes) == 0) {
			t.Errorf("PA wages from the plan: %+v", c)
		}
	}
	// The example's year: Home's figures come from the same summary.
	if code, stdout, _ = ctl(t, "--data", dir, "budget", "show", "--as-of", "2026-11-23"); code != 0 || !strings.Contains(stdout, "Things to look at") {
		t.Errorf("example budget show: %s", stdout)
	}
}

// TestBudgetCLIContracts runs the budget commands exactly as issue 4
// words them, and checks what scripts may rely on.
func TestBudgetCLIContracts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctl(t, "--data", dir, "init", "--name", "Sam")
	d := []string{"--data", dir}
	run := func(want int, args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := ctl(t, append(d, args...)...)
		if code != want {
			t.Fatalf("%s: exit %d, want %d: %s%s", strings.Join(args, " "), code, want, stdout, stderr)
		}
		return stdout, stderr
	}
	out, _ := run(0, "budget", "setup", "--type", "direct-payment", "--amount", "18200", "--per", "year", "--start", "2026-04-01",
		"--opening-balance", "500", "--reserve", "1000", "--clawback-weeks", "8")
	// A yearly budget is paid every four weeks unless the person says
	// otherwise, and a bare --reserve is a contingency.
	for _, w := range []string{"£1,400.00 every 4 weeks, from 1 April 2026", "Contingency, £1,000.00", "8 weeks"} {
		if !strings.Contains(out, w) {
			t.Errorf("setup lacks %q:\n%s", w, out)
		}
	}
	for _, tc := range [][]string{
		{"budget", "setup", "--type", "isf", "--provider", "Caring Co", "--amount", "350", "--per", "week", "--start", "2026-04-01"},
		{"budget", "setup", "--type", "managed"}, {"budget", "setup", "--type", "mixed"}, {"budget", "setup", "--type", "phb"},
		{"budget", "setup", "--type", "direct-payment", "--amount", "1400", "--per", "4weeks"},
		{"budget", "setup", "--amount", "1516.67", "--per", "month"}, {"budget", "setup", "--amount", "18200", "--per", "year"},
	} {
		run(0, tc...)
	}
	run(0, "budget", "add", "--date", "2026-04-02", "--amount", "1400", "--payee", "Suffolk CC", "--category", "council_payments")
	run(0, "budget", "add", "--date", "2026-04-20", "--amount", "-6.20", "--payee", "Leisure centre", "--category", "day_activities")
	run(0, "budget", "add", "--date", "2026-04-20", "--amount", "-6.20", "--payee", "Leisure centre")
	run(0, "budget", "add", "--date", "2026-04-09", "--amount", "-262.50", "--payee", "J Smith")

	var txs []struct {
		Date   string `json:"date"`
		Amount int64  `json:"amount_pence"`
		Payee  string `json:"payee"`
	}
	out, _ = run(0, "budget", "list", "--from", "2026-04-20", "--to", "2026-04-20", "--json")
	if err := json.Unmarshal([]byte(out), &txs); err != nil || len(txs) != 2 || txs[0].Amount != -620 || txs[1].Amount != -620 {
		t.Fatalf("list --from --to: %v %+v", err, txs)
	}
	out, _ = run(0, "budget", "list", "--json")
	if err := json.Unmarshal([]byte(out), &txs); err != nil || len(txs) != 4 {
		t.Fatalf("list: %v %+v", err, txs)
	}

	// Two swims on one day are both kept, on import too, and an
	// overlapping statement adds only what is new.
	first := filepath.Join(t.TempDir(), "first.csv")
	os.WriteFile(first, []byte("Date,Description,Amount\n05/04/2026,LEISURE CENTRE SWIM,-6.20\n05/04/2026,LEISURE CENTRE SWIM,-6.20\n"), 0o600)
	second := filepath.Join(t.TempDir(), "second.csv")
	os.WriteFile(second, []byte("Date,Description,Amount\n06/04/2026,TAXI,-18.00\n05/04/2026,LEISURE CENTRE SWIM,-6.20\n05/04/2026,LEISURE CENTRE SWIM,-6.20\n"), 0o600)
	if out, _ = run(0, "budget", "import", first, "--format", "csv"); out != "imported 2, duplicates skipped 0\n" {
		t.Errorf("first import printed %q", out)
	}
	out, stderr := run(0, "budget", "import", second)
	if out != "imported 1, duplicates skipped 2\n" || !strings.Contains(stderr, "To undo this import") {
		t.Errorf("second import printed %q, %q", out, stderr)
	}

	var sum map[string]any
	out, _ = run(0, "budget", "summary", "--as-of", "2026-04-30", "--json")
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	// 30 days of 18,200 a year of 365 days; 1,400 in; 6.20 × 4 + 262.50 + 18 out.
	wantPence := map[string]int64{
		"allocated_to_date_pence": 149589, "received_pence": 140000, "spent_pence": 30530, "balance_pence": 50000 + 140000 - 30530,
		"weekly_budget_pence": 35000, "reserve_pence": 100000, "surplus_at_risk_pence": 0,
	}
	for key, want := range wantPence {
		if got, ok := sum[key].(float64); !ok || int64(got) != want || got != float64(int64(got)) {
			t.Errorf("%s = %v, want %d", key, sum[key], want)
		}
	}
	for _, key := range []string{"forecast_year_end_balance_pence", "weeks_cover", "categories"} {
		if _, ok := sum[key]; !ok {
			t.Errorf("summary lacks %s", key)
		}
	}
	if got := sum["weeks_cover"].(float64); got != 4.6 { // 1,594.70 ÷ 350 = 4.56
		t.Errorf("weeks_cover = %v, want 4.6", got)
	}
	cats, _ := sum["categories"].([]any)
	found := false
	for _, c := range cats {
		c := c.(map[string]any)
		for _, k := range []string{"name", "planned_to_date_pence", "spent_pence"} {
			if _, ok := c[k]; !ok {
				t.Errorf("category %v lacks %s", c, k)
			}
		}
		// All four swims: the first typed in with its category, the rest
		// by the payee rule it taught, on import too.
		if c["name"] == "Day activities" && c["spent_pence"].(float64) == 2480 {
			found = true
		}
	}
	if !found {
		t.Errorf("Day activities' spending is not in %v", cats)
	}

	ret := filepath.Join(t.TempDir(), "return.csv")
	run(0, "budget", "return", "--from", "2026-04-01", "--to", "2026-04-30", "--out", ret)
	b, _ := os.ReadFile(ret)
	if n := strings.Count(string(b), "\n2026-04-"); n != 7 {
		t.Errorf("return has %d payments, want 7:\n%s", n, b)
	}

	// A council that lets the person keep nothing beyond reserves.
	if out, _ = run(0, "budget", "setup", "--clawback-weeks", "0"); !strings.Contains(out, "0 weeks of budget, after reserves") {
		t.Errorf("no surplus allowed: %s", out)
	}
	out, _ = run(0, "budget", "summary", "--as-of", "2026-04-30", "--json")
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum["surplus_at_risk_pence"].(float64) != 159470-100000 {
		t.Errorf("surplus with no threshold: %v %v", err, sum["surplus_at_risk_pence"])
	}
}
