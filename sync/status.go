package sync

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
)

// Status is what a person needs to know about sharing, for the status
// line and `ownplanctl share status`.
type Status struct {
	Shared    bool            `json:"shared"`
	Circle    string          `json:"circle,omitempty"`
	Relay     string          `json:"relay,omitempty"`
	Role      store.Role      `json:"role,omitempty"`
	OwnerName string          `json:"owner_name,omitempty"`
	Removed   bool            `json:"removed,omitempty"`
	LastSync  time.Time       `json:"last_sync,omitzero"`
	Pending   int             `json:"pending"`   // this device's changes not yet on the relay
	Problem   string          `json:"problem"`   // why the last try failed, in plain words
	Conflicts int             `json:"conflicts"` // texts to choose between
	Parked    int             `json:"parked"`    // changes waiting for a newer OwnPlan
	Held      int             `json:"held"`      // batches waiting for a key or a member record
	Refused   []store.Refused `json:"refused,omitempty"`
	Text      string          `json:"text"` // the one-line summary
}

// ReadStatus reads the sharing status of st's data folder at time now.
func ReadStatus(ctx context.Context, st *store.Store, now time.Time) (Status, error) {
	c, err := st.Circle(ctx)
	if errors.Is(err, store.ErrNoCircle) {
		s := Status{Text: "Not shared with anyone"}
		s.Conflicts = countConflicts(ctx, st)
		return s, nil
	}
	if err != nil {
		return Status{}, err
	}
	s := Status{Shared: true, Circle: c.ID, Relay: c.Relay, Role: c.Role, OwnerName: c.OwnerName,
		Removed: c.State == store.CircleRemoved, LastSync: c.LastSync, Problem: c.LastError}
	if s.Pending, err = st.PendingCount(ctx, c.SentSeq); err != nil {
		return Status{}, err
	}
	s.Conflicts = countConflicts(ctx, st)
	s.Parked, _ = st.ParkedCount(ctx)
	held, _ := st.Inbox(ctx, c.ID)
	s.Held = len(held)
	s.Refused, _ = st.Refusals(ctx, c.ID, now.Add(-7*24*time.Hour))
	s.Text = s.Line(now)
	return s, nil
}

func countConflicts(ctx context.Context, st *store.Store) int {
	cs, _ := st.Conflicts(ctx, false)
	return len(cs)
}

// Line is the one-line status: "Synced 2 minutes ago", "3 changes
// waiting", "Can't reach the server: your changes are safe on this
// computer".
func (s Status) Line(now time.Time) string {
	switch {
	case !s.Shared:
		return "Not shared with anyone"
	case s.Removed:
		return "You are no longer in this shared plan. Everything already here stays on this computer."
	case s.Problem != "":
		line := capitalise(s.Problem)
		if s.Pending > 0 {
			line += fmt.Sprintf(" (%s)", waiting(s.Pending))
		}
		return line
	case s.Pending > 0:
		return capitalise(waiting(s.Pending))
	case s.LastSync.IsZero():
		return "Not synced yet"
	}
	return "Synced " + Ago(now.Sub(s.LastSync))
}

func waiting(n int) string {
	if n == 1 {
		return "1 change waiting"
	}
	return fmt.Sprintf("%d changes waiting", n)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Ago says how long ago something was, in plain words.
func Ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < 2*time.Minute:
		return "1 minute ago"
	case d < time.Hour:
		return fmt.Sprintf("%d minutes ago", int(d/time.Minute))
	case d < 2*time.Hour:
		return "1 hour ago"
	case d < 24*time.Hour:
		return fmt.Sprintf("%d hours ago", int(d/time.Hour))
	case d < 48*time.Hour:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
}

// problemText is how a failed round is described in the status.
func problemText(err error) string {
	var ce *ClockError
	switch {
	case errors.As(err, &ce):
		return ce.Error()
	case errors.Is(err, ErrUnreachable):
		return ErrUnreachable.Error()
	case errors.Is(err, ErrRemoved):
		return ""
	}
	return err.Error()
}
