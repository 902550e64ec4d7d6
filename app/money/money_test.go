package money

import "testing"

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		p                   int64
		full, pounds, plain string
	}{
		{0, "£0.00", "£0", "0.00"},
		{5, "£0.05", "£0", "0.05"},
		{620, "£6.20", "£6", "6.20"},
		{-620, "-£6.20", "-£6", "-6.20"},
		{1820000, "£18,200.00", "£18,200", "18200.00"},
		{214049, "£2,140.49", "£2,140", "2140.49"},
		{214050, "£2,140.50", "£2,141", "2140.50"},
		{123456789, "£1,234,567.89", "£1,234,568", "1234567.89"},
		{100000, "£1,000.00", "£1,000", "1000.00"},
	} {
		if got := Format(tc.p); got != tc.full {
			t.Errorf("Format(%d) = %q, want %q", tc.p, got, tc.full)
		}
		if got := FormatPounds(tc.p); got != tc.pounds {
			t.Errorf("FormatPounds(%d) = %q, want %q", tc.p, got, tc.pounds)
		}
		if got := Plain(tc.p); got != tc.plain {
			t.Errorf("Plain(%d) = %q, want %q", tc.p, got, tc.plain)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"£1,234.50", 123450, true},
		{"-6.20", -620, true},
		{"(6.20)", -620, true},
		{"18200", 1820000, true},
		{"£ 7", 700, true},
		{"7.5", 750, true},
		{".5", 50, true},
		{"-£6.20", -620, true},
		{"£-6.20", -620, true},
		{"6.20-", -620, true},
		{"+12.00", 1200, true},
		{"1,000,000.00", 100000000, true},
		{"", 0, false},
		{"abc", 0, false},
		{"1.234", 0, false},
		{"1,23.00", 0, false},
		{"12.", 0, false},
		{"1e5", 0, false},
		{"9999999999999999", 0, false},
	} {
		got, err := Parse(tc.in)
		if tc.ok && (err != nil || got != tc.want) {
			t.Errorf("Parse(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
		if !tc.ok && err == nil {
			t.Errorf("Parse(%q) = %d; want an error", tc.in, got)
		}
	}
}
