package store

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2026-01-31")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		got, want string
	}{
		{d.AddMonths(1).String(), "2026-02-28"},
		{NewDate(2028, 1, 31).AddMonths(1).String(), "2028-02-29"},
		{d.AddMonths(-2).String(), "2025-11-30"},
		{d.AddDays(1).String(), "2026-02-01"},
		{d.AddDays(-31).String(), "2025-12-31"},
		{NewDate(2026, 4, 31).String(), "2026-05-01"},
		{Date{}.String(), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
	if n := NewDate(2027, 3, 31).DaysSince(NewDate(2026, 4, 1)); n != 364 {
		t.Errorf("DaysSince = %d", n)
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Compare(d) != 0 {
		t.Error("comparisons wrong")
	}
	if d.Weekday() != time.Saturday {
		t.Errorf("weekday %v", d.Weekday())
	}
	for _, bad := range []string{"31/01/2026", "2026-02-30", "yesterday"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
	b, _ := json.Marshal(struct{ D Date }{d})
	if string(b) != `{"D":"2026-01-31"}` {
		t.Errorf("JSON %s", b)
	}
	var back struct{ D Date }
	if err := json.Unmarshal(b, &back); err != nil || back.D != d {
		t.Errorf("JSON round trip %v %v", back.D, err)
	}
}
