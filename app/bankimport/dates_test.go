package bankimport

import "testing"

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string // "" when it is not a date
	}{
		{"02/01/2026", DateOrderAuto, "2026-01-02"},
		{"2/1/2026", DateOrderAuto, "2026-01-02"},
		{"02/01/26", DateOrderAuto, "2026-01-02"},
		{"31/12/99", DateOrderAuto, "1999-12-31"},
		{"02.01.2026", DateOrderAuto, "2026-01-02"},
		{"02-01-2026", DateOrderAuto, "2026-01-02"},
		{"02/01/2026", MonthFirst, "2026-02-01"},
		{"12/25/2026", MonthFirst, "2026-12-25"},
		{"2026-01-02", MonthFirst, "2026-01-02"},
		{"2026/1/2", DateOrderAuto, "2026-01-02"},
		{"20260102", DateOrderAuto, "2026-01-02"},
		{"2026-01-02 10:15:00", DateOrderAuto, "2026-01-02"},
		{"2026-01-02T23:59:59Z", DateOrderAuto, "2026-01-02"},
		{"2026-01-02T10:15:00.123+01:00", DateOrderAuto, "2026-01-02"},
		{"02/01/2026 10:15", DateOrderAuto, "2026-01-02"},
		{"02 Jan 2026", DateOrderAuto, "2026-01-02"},
		{"2 January 2026", DateOrderAuto, "2026-01-02"},
		{"02-Jan-26", DateOrderAuto, "2026-01-02"},
		{"02-JAN-2026", MonthFirst, "2026-01-02"},
		{"2nd Sept 2026", DateOrderAuto, "2026-09-02"},
		{"Fri 2 Jan 2026", DateOrderAuto, "2026-01-02"},
		{"Jan 2, 2026", DateOrderAuto, "2026-01-02"},
		{"  29/02/2028 ", DateOrderAuto, "2028-02-29"},
		{"29/02/2026", DateOrderAuto, ""},
		{"31/04/2026", DateOrderAuto, ""},
		{"3O/04/2026", DateOrderAuto, ""},
		{"13/13/2026", DateOrderAuto, ""},
		{"00/01/2026", DateOrderAuto, ""},
		{"02/01/1850", DateOrderAuto, ""},
		{"02/01/202", DateOrderAuto, ""},
		{"02 Foo 2026", DateOrderAuto, ""},
		{"02 Jan", DateOrderAuto, ""},
		{"Date", DateOrderAuto, ""},
		{"", DateOrderAuto, ""},
		{"1400.00", DateOrderAuto, ""},
		{"£6.20", DateOrderAuto, ""},
		{"02/01/2026/03", DateOrderAuto, ""},
		{"10:15", DateOrderAuto, ""},
	} {
		got := ""
		if raw, ok := parseRawDate(tc.in); ok {
			if d, ok := raw.resolve(tc.order); ok {
				got = d.String()
			}
		}
		if got != tc.want {
			t.Errorf("date %q (order %d) = %q, want %q", tc.in, tc.order, got, tc.want)
		}
	}
}

func TestChooseDateOrder(t *testing.T) {
	rows := func(dates ...string) []datePending {
		var ds []datePending
		for _, d := range dates {
			raw, ok := parseRawDate(d)
			if !ok {
				t.Fatalf("%q is not a date", d)
			}
			ds = append(ds, datePending{raw: raw, text: d})
		}
		return ds
	}
	for _, tc := range []struct {
		dates []string
		want  DateOrder
	}{
		{[]string{"01/02/2026", "03/04/2026"}, DayFirst}, // ambiguous: UK order
		{[]string{"01/02/2026", "12/25/2026"}, MonthFirst},
		{[]string{"25/12/2026", "01/02/2026"}, DayFirst},
		{[]string{"25/12/2026", "12/25/2026"}, DayFirst}, // contradictory: UK order, and the bad row fails
		{[]string{"2026-12-25", "01 Feb 2026"}, DayFirst},
		{nil, DayFirst},
		// Every date could be either, but only month first runs in order,
		// oldest or newest first.
		{[]string{"01/02/2026", "01/05/2026", "01/09/2026", "02/03/2026"}, MonthFirst},
		{[]string{"02/03/2026", "01/09/2026", "01/09/2026", "01/05/2026"}, MonthFirst},
		// In order both ways (2 to 12 January, or 1 February to 1 December):
		// UK order.
		{[]string{"02/01/2026", "05/01/2026", "12/01/2026"}, DayFirst},
		// In order neither way: UK order, and the rows are sorted.
		{[]string{"05/01/2026", "01/02/2026", "03/01/2026"}, DayFirst},
	} {
		if got, _ := chooseDateOrder(rows(tc.dates...)); got != tc.want {
			t.Errorf("%q: order %d, want %d", tc.dates, got, tc.want)
		}
	}
}
