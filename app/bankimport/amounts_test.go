package bankimport

import "testing"

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  int64
		empty bool
		ok    bool
	}{
		{"1400.00", 140000, false, true},
		{"-6.20", -620, false, true},
		{"£1,400.00", 140000, false, true},
		{"-£6.20", -620, false, true},
		{"£-6.20", -620, false, true},
		{"(6.20)", -620, false, true},
		{"(£1,234.56)", -123456, false, true},
		{"6.20 CR", 620, false, true},
		{"6.20CR", 620, false, true},
		{"6.20 DR", -620, false, true},
		{"-6.20 DR", -620, false, true},
		{"1,900.00 cr", 190000, false, true},
		{"6.20 GBP", 620, false, true},
		{"+12.00", 1200, false, true},
		{"6.20-", -620, false, true},
		{"−6.20", -620, false, true},
		{" \u00a0£ 7.00\u00a0", 700, false, true},
		{"0.00", 0, false, true},
		{"", 0, true, true},
		{"  ", 0, true, true},
		{"-", 0, true, true},
		{"—", 0, true, true},
		{"£12,34.00", 0, false, false},
		{"6.2O", 0, false, false},
		{"1.234", 0, false, false},
		{"CR", 0, false, false},
		{"abc", 0, false, false},
		{"1e5", 0, false, false},
	} {
		got, empty, ok := parseAmount(tc.in)
		if got != tc.want || empty != tc.empty || ok != tc.ok {
			t.Errorf("parseAmount(%q) = %d, %v, %v; want %d, %v, %v", tc.in, got, empty, ok, tc.want, tc.empty, tc.ok)
		}
	}
}
