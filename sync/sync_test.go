package sync

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

func TestSyncTwoDevicesBothWays(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	p, _, _ := sam.st.Profile(ctx)
	if p.Name != "Zoë Ó Briain" {
		t.Fatalf("supporter did not get the profile: %+v", p)
	}
	id, err := sam.st.SavePerson(ctx, store.Person{Name: "Jess", Relationship: "PA"})
	if err != nil {
		t.Fatal(err)
	}
	if res := sam.round(); res.Sent == 0 {
		t.Fatalf("nothing sent: %+v", res)
	}
	res := owner.round()
	if res.Received == 0 {
		t.Fatalf("owner received nothing: %+v", res)
	}
	people, _ := owner.st.People(ctx)
	if len(people) != 1 || people[0].ID != id {
		t.Fatalf("owner's people %+v", people)
	}
	if err := owner.st.DeletePerson(ctx, id); err != nil {
		t.Fatal(err)
	}
	owner.round()
	sam.round()
	sameData(t, owner, sam)
	members, _ := owner.st.Members(ctx, func() string { c, _ := owner.st.Circle(ctx); return c.ID }())
	if len(members) != 2 {
		t.Fatalf("members %+v", members)
	}
}

func TestSyncThreeDevicesConverge(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleEditor)
	devs := []*device{owner, sam, ann}
	for i, d := range devs {
		if _, err := d.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	setProfile(t, sam, "phone", "01234 567890")
	setProfile(t, ann, "postcode", "IP1 1AA")
	for range 2 {
		for _, d := range devs {
			d.round()
		}
	}
	sameData(t, devs...)
	people, _ := ann.st.People(ctx)
	if len(people) != 3 {
		t.Fatalf("people %+v", people)
	}
	p, _, _ := owner.st.Profile(ctx)
	if p.Phone != "01234 567890" || p.Postcode != "IP1 1AA" {
		t.Fatalf("profile %+v", p)
	}
}

func setProfile(t testing.TB, d *device, key, value string) {
	t.Helper()
	ctx := context.Background()
	p, _, _ := d.st.Profile(ctx)
	if err := p.Set(key, value); err != nil {
		t.Fatal(err)
	}
	if err := d.st.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
}

func TestSyncConcurrentLongTextKeepsLoserAsConflict(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	mine := "Large print please. I get tired after an hour, so short meetings."
	theirs := "Zoë uses email, not phone calls. Give her the papers a week before."
	setProfile(t, owner, "communication_needs", mine)
	time.Sleep(3 * time.Millisecond)
	setProfile(t, sam, "communication_needs", theirs)
	owner.round()
	sam.round()
	res := owner.round()
	if res.Conflicts != 1 {
		t.Fatalf("owner round: %+v", res)
	}
	sameData(t, owner, sam)
	cs, _ := owner.st.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Mine != mine || cs[0].Theirs != theirs {
		t.Fatalf("conflicts %+v", cs)
	}
	p, _, _ := owner.st.Profile(ctx)
	if p.CommunicationNeeds != theirs {
		t.Fatalf("the later text did not win: %q", p.CommunicationNeeds)
	}
	// Nothing typed is lost: the owner keeps their own text and Sam gets it.
	if err := owner.st.ResolveConflict(ctx, cs[0].ID, "mine", ""); err != nil {
		t.Fatal(err)
	}
	owner.round()
	sam.round()
	p, _, _ = sam.st.Profile(ctx)
	if p.CommunicationNeeds != mine {
		t.Fatalf("resolution did not reach Sam: %q", p.CommunicationNeeds)
	}
	// Sam's copy of the conflict is settled by the owner's choice, and
	// its texts are still kept.
	if open, _ := sam.st.Conflicts(ctx, false); len(open) != 0 {
		t.Errorf("Sam still sees the conflict the owner resolved: %+v", open)
	}
	if all, _ := sam.st.Conflicts(ctx, true); len(all) != 1 || all[0].Resolution != "replaced" || all[0].Mine != theirs {
		t.Errorf("Sam's settled conflict: %+v", all)
	}
	sameData(t, owner, sam)
}

func TestSyncConflictResolvedByKeepingTheTextInUseSettlesEverywhere(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleEditor)
	setProfile(t, sam, "communication_needs", "Sam's version: large print, and papers a week ahead of meetings.")
	time.Sleep(3 * time.Millisecond)
	setProfile(t, owner, "communication_needs", "Zoë's version: email first, never phone before ten in the morning.")
	for range 2 {
		for _, d := range []*device{sam, owner, ann} {
			d.round()
		}
	}
	for _, d := range []*device{owner, sam} {
		if cs, _ := d.st.Conflicts(ctx, false); len(cs) != 1 {
			t.Fatalf("%d conflicts, want 1", len(cs))
		}
	}
	// Ann, who was not in the conflict and never saw Sam's text, edits
	// another field: nothing is settled by that. (Her device has no
	// conflict: it keeps only those it took part in.)
	setProfile(t, ann, "phone", "01234 567890")
	ann.round()
	sam.round()
	// Sam keeps the owner's text, which is already in use everywhere.
	cs, _ := sam.st.Conflicts(ctx, false)
	if cs[0].Winner() != "theirs" {
		t.Fatalf("the owner's later text should be in use: %+v", cs[0])
	}
	if err := sam.st.ResolveConflict(ctx, cs[0].ID, "theirs", ""); err != nil {
		t.Fatal(err)
	}
	if res := sam.round(); res.Sent == 0 {
		t.Fatal("keeping the text in use sent nothing: the others never learn the conflict is settled")
	}
	owner.round()
	ann.round()
	for i, d := range []*device{owner, sam, ann} {
		if open, _ := d.st.Conflicts(ctx, false); len(open) != 0 {
			t.Errorf("device %d still has the conflict open: %+v", i, open)
		}
	}
	sameData(t, owner, sam, ann)
}

func TestSyncDeleteNeverSkippedAcrossReconnects(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	id, _ := owner.st.SavePerson(ctx, store.Person{Name: "Jess"})
	owner.round()
	sam.round()
	// Sam is offline while the owner deletes Jess and makes many other
	// changes, so the delete is deep in the mailbox's history.
	owner.st.DeletePerson(ctx, id)
	owner.round()
	for i := range 300 {
		owner.st.SavePerson(ctx, store.Person{Name: fmt.Sprintf("Person %d", i)})
		if i%50 == 0 {
			owner.round()
		}
	}
	owner.round()
	r.restart()
	sam.round()
	people, _ := sam.st.People(ctx)
	for _, p := range people {
		if p.ID == id {
			t.Fatal("the deleted person is still on Sam's computer")
		}
	}
	if len(people) != 300 {
		t.Fatalf("Sam has %d people, want 300", len(people))
	}
	sameData(t, owner, sam)
}

func TestSyncClockDaysWrongStillSyncs(t *testing.T) {
	for _, skew := range []time.Duration{3 * 24 * time.Hour, -3 * 24 * time.Hour, 5 * time.Hour} {
		t.Run(skew.String(), func(t *testing.T) {
			ctx := context.Background()
			r := startRelay(t)
			owner := newCircle(t, r)
			sam := invite(t, owner, "Sam", store.RoleEditor)
			wrong := func() time.Time { return time.Now().Add(skew) }
			sam.st.SetWallClock(wrong)
			sam.e.Now = wrong
			setProfile(t, sam, "phone", "from Sam")
			if _, err := sam.e.Round(ctx); err != nil {
				t.Fatalf("a clock %v wrong was refused: %v", skew, err)
			}
			owner.round()
			// The owner changes the same field afterwards: being later, it
			// must win everywhere, whatever Sam's clock says.
			setProfile(t, owner, "phone", "from Zoë, later")
			owner.round()
			sam.round()
			// And Sam's next change, made after seeing the owner's, wins too.
			setProfile(t, sam, "postcode", "IP4 1AB")
			sam.round()
			owner.round()
			for _, d := range []*device{owner, sam} {
				p, _, _ := d.st.Profile(ctx)
				if p.Phone != "from Zoë, later" || p.Postcode != "IP4 1AB" {
					t.Fatalf("with a clock %v wrong: %+v", skew, p)
				}
			}
			sameData(t, owner, sam)
		})
	}
}

func TestSyncClockYearsWrongRefusedPlainly(t *testing.T) {
	for _, years := range []int{5, -20} {
		t.Run(fmt.Sprintf("%d years", years), func(t *testing.T) { clockYearsWrong(t, years) })
	}
}

func clockYearsWrong(t *testing.T, years int) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	setProfile(t, sam, "phone", "kept")
	before := snap(t, sam)
	wrong := func() time.Time { return time.Now().AddDate(years, 0, 0) }
	sam.st.SetWallClock(wrong)
	sam.e.Now = wrong
	_, err := sam.e.Round(ctx)
	var ce *ClockError
	if !errors.As(err, &ce) {
		t.Fatalf("a clock %d years out was not refused: %v", years, err)
	}
	if want := time.Now().AddDate(years, 0, 0).Format("2 January 2006"); !strings.Contains(err.Error(), want) {
		t.Errorf("the message does not say what the computer's date is (%s): %v", want, err)
	}
	if !strings.Contains(err.Error(), "fix the date and time") || !strings.Contains(err.Error(), "safe on this computer") {
		t.Errorf("message: %v", err)
	}
	st, _ := ReadStatus(ctx, sam.st, time.Now())
	if !strings.Contains(st.Text, "fix the date and time") || !strings.Contains(st.Text, "waiting") {
		t.Errorf("status: %q", st.Text)
	}
	if !reflect.DeepEqual(before, snap(t, sam)) {
		t.Error("a refused round changed local data")
	}
}

func TestSyncStatusWords(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s    Status
		want string
	}{
		{Status{}, "Not shared with anyone"},
		{Status{Shared: true, LastSync: now.Add(-2 * time.Minute)}, "Synced 2 minutes ago"},
		{Status{Shared: true, LastSync: now.Add(-10 * time.Second)}, "Synced just now"},
		{Status{Shared: true, Pending: 3}, "3 changes waiting"},
		{Status{Shared: true, Pending: 1}, "1 change waiting"},
		{Status{Shared: true, Problem: ErrUnreachable.Error()}, "Can't reach the server: your changes are safe on this computer"},
		{Status{Shared: true, Problem: ErrUnreachable.Error(), Pending: 2}, "Can't reach the server: your changes are safe on this computer (2 changes waiting)"},
		{Status{Shared: true}, "Not synced yet"},
		{Status{Shared: true, Removed: true}, "You are no longer in this shared plan. Everything already here stays on this computer."},
	} {
		if got := tc.s.Line(now); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestSyncUnreachableLeavesDataAndSaysSo(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	setProfile(t, owner, "phone", "999")
	r.stop()
	before := snap(t, owner)
	_, err := owner.e.Round(ctx)
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("round with the relay down: %v", err)
	}
	st, _ := ReadStatus(ctx, owner.st, time.Now())
	if !strings.HasPrefix(st.Text, "Can't reach the server: your changes are safe on this computer") || st.Pending == 0 {
		t.Errorf("status %+v", st)
	}
	if !reflect.DeepEqual(before, snap(t, owner)) {
		t.Error("local data changed")
	}
	r.start()
	owner.round()
	st, _ = ReadStatus(ctx, owner.st, time.Now())
	if st.Text != "Synced just now" {
		t.Errorf("after reconnecting: %q", st.Text)
	}
}

func TestSyncConflictsKeptByThoseInvolvedAndTheOwner(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleEditor)
	setProfile(t, sam, "communication_needs", "Sam's version: large print, and papers a week ahead of meetings.")
	time.Sleep(2 * time.Millisecond)
	setProfile(t, ann, "communication_needs", "Ann's version: email first, never phone before ten in the morning.")
	for range 2 {
		for _, d := range []*device{sam, ann, owner} {
			d.round()
		}
	}
	late := invite(t, owner, "Val", store.RoleViewer)
	for d, want := range map[*device]int{owner: 1, sam: 1, ann: 1, late: 0} {
		cs, _ := d.st.Conflicts(ctx, false)
		if len(cs) != want {
			t.Errorf("%d conflicts, want %d: %+v", len(cs), want, cs)
		}
	}
	sam.round()
	ann.round()
	sameData(t, owner, sam, ann, late)
}
