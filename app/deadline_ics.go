package app

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ownplan/ownplan/store"
)

// DeadlinesICS writes deadlines as an iCalendar file (RFC 5545) that
// calendar programs import: one all-day event per deadline, with a
// reminder a week before. Each event's UID is stable, so importing a
// newer file updates the events instead of repeating them. Deadlines
// marked done are left out; suggested ones say so.
func DeadlinesICS(ds []Deadline, now time.Time) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(foldICSLine(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//OwnPlan//Evidence deadlines//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:OwnPlan deadlines")
	stamp := now.UTC().Format("20060102T150405Z")
	for _, d := range ds {
		if d.Done || d.Date.IsZero() {
			continue
		}
		summary := d.Title
		uid := d.ItemID + "-" + d.Kind
		if d.Suggested {
			summary = "Suggested: " + d.Title
			uid += "-" + d.Rule
		}
		desc := d.Label + " " + FormatEvidenceDate(d.Date) + ". " + d.Why
		if d.ItemTitle != "" {
			desc += "\nDocument: " + d.ItemTitle
		}
		line("BEGIN:VEVENT")
		line("UID:" + icsText(uid) + "@ownplan")
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + icsDate(d.Date))
		line("DTEND;VALUE=DATE:" + icsDate(d.Date.AddDays(1)))
		line("SUMMARY:" + icsText(summary))
		line("DESCRIPTION:" + icsText(desc))
		line("CATEGORIES:OwnPlan")
		line("TRANSP:TRANSPARENT")
		line("BEGIN:VALARM")
		line("ACTION:DISPLAY")
		line("DESCRIPTION:" + icsText(summary))
		line("TRIGGER:-P7D")
		line("END:VALARM")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.String()
}

// WriteDeadlinesICS saves every deadline to an iCalendar file at path.
// The file appears only when complete.
func (a *App) WriteDeadlinesICS(ctx context.Context, path string) (int, error) {
	ds, err := a.Deadlines(ctx, store.Today())
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range ds {
		if !d.Done {
			n++
		}
	}
	ics := DeadlinesICS(ds, time.Now())
	err = store.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, ics)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("save the calendar: %w", err)
	}
	return n, nil
}

func icsDate(d store.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day) }

// icsText escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// foldICSLine ends a content line with CRLF, folding it so no line is
// longer than 75 octets; continuation lines start with a space. It never
// splits a UTF-8 character (RFC 5545 §3.1).
func foldICSLine(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
