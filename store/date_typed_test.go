package store

import (
	"strings"
	"testing"
)

func TestParseTypedDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"2026-11-23", "2026-11-23"},
		{"2026/11/23", "2026-11-23"},
		{"23/11/2026", "2026-11-23"},
		{" 3/5/2026 ", "2026-05-03"},
		{"23/11/26", "2026-11-23"},
		{"23-11-2026", "2026-11-23"},
		{"23.11.2026", "2026-11-23"},
		{"23 November 2026", "2026-11-23"},
		{"23rd Nov 2026", "2026-11-23"},
		{"1st Sept. 2026", "2026-09-01"},
		{"November 23, 2026", "2026-11-23"},
		{"29/02/2028", "2028-02-29"},
		{"", ""},
	} {
		d, err := ParseTypedDate(tc.in)
		if err != nil || d.String() != tc.want {
			t.Errorf("ParseTypedDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
		}
		for _, shown := range []string{d.Written(), d.Short()} {
			if back, err := ParseTypedDate(shown); err != nil || back != d {
				t.Errorf("%q does not read back: %v %v", shown, back, err)
			}
		}
	}
	for _, tc := range []struct {
		in, says string
	}{
		{"30/02/2026", "February 2026 has 28 days"},
		{"29/02/2026", "February 2026 has 28 days"},
		{"11/23/2026", "no month 23"},
		{"23/11/1066", "year 1066"},
		{"next tuesday", "like 23/11/2026"},
		{"23 Smarch 2026", "like 23/11/2026"},
		{"0/11/2026", "November 2026 has 30 days"},
		{"2026-13-01", "no month 13; write the year, the month, then the day, like 2026-11-23"},
		{"13/13/2026", "no month 13; write the day first"},
	} {
		_, err := ParseTypedDate(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("ParseTypedDate(%q) error = %v, want one saying %q", tc.in, err, tc.says)
		}
	}
}
