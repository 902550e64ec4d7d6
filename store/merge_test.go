package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func openMergeStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// outgoing returns every change s made itself.
func outgoing(t testing.TB, s *Store) []RemoteChange {
	t.Helper()
	out, err := s.OutgoingChanges(context.Background(), 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	var cs []RemoteChange
	for _, o := range out {
		cs = append(cs, o.RemoteChange)
	}
	return cs
}

func setField(t testing.TB, s *Store, table, id, field string, v any) {
	t.Helper()
	if err := s.update(context.Background(), func(tx *Tx) error { return tx.set(table, id, field, v) }); err != nil {
		t.Fatal(err)
	}
}

func snapshot(t testing.TB, s *Store) map[string]map[string]map[string]string {
	t.Helper()
	snap, err := s.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestSyncMergeTwoDevicesBothWays(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	if err := a.SaveProfile(ctx, Profile{Name: "Zoë", Council: "Suffolk"}); err != nil {
		t.Fatal(err)
	}
	jess, _ := a.SavePerson(ctx, Person{Name: "Jess", Relationship: "PA"})
	res, err := b.Apply(ctx, outgoing(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) == 0 || len(res.Older)+len(res.Parked)+len(res.Refused) != 0 {
		t.Fatalf("first apply: %+v", res)
	}
	p, _, _ := b.Profile(ctx)
	if p.Name != "Zoë" || p.Council != "Suffolk" {
		t.Fatalf("b's profile %+v", p)
	}
	// B edits and deletes; A gets it.
	setField(t, b, "profile", "me", "council", "Norfolk")
	if err := b.DeletePerson(ctx, jess); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Apply(ctx, outgoing(t, b)); err != nil {
		t.Fatal(err)
	}
	p, _, _ = a.Profile(ctx)
	people, _ := a.People(ctx)
	if p.Council != "Norfolk" || len(people) != 0 {
		t.Fatalf("a after b's changes: %+v, %d people", p, len(people))
	}
	if !reflect.DeepEqual(snapshot(t, a), snapshot(t, b)) {
		t.Fatal("devices differ")
	}
	// B's applied changes are journaled under A's device and never sent as B's.
	for _, c := range outgoing(t, b) {
		if c.Device != b.DeviceID() {
			t.Fatalf("outgoing change from another device: %v", c)
		}
	}
	// A's next change is ordered after everything it saw.
	setField(t, a, "profile", "me", "phone", "01234")
	ch, _ := a.Journal(ctx, 0, 1000)
	last := ch[len(ch)-1]
	for _, c := range outgoing(t, b) {
		if c.HLC >= last.HLC {
			t.Fatalf("a's new change %v not after b's %v", last.HLC, c.HLC)
		}
	}
}

func TestSyncMergeIdempotentAndOlderSkipped(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	a.SavePerson(ctx, Person{Name: "Jess"})
	cs := outgoing(t, a)
	if _, err := b.Apply(ctx, cs); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, b)
	seq, _ := b.LastSeq(ctx)
	res, err := b.Apply(ctx, cs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 0 || len(res.Older) != len(cs) {
		t.Fatalf("second apply: applied %d older %d of %d", len(res.Applied), len(res.Older), len(cs))
	}
	seq2, _ := b.LastSeq(ctx)
	if seq2 != seq || !reflect.DeepEqual(before, snapshot(t, b)) {
		t.Fatal("applying twice changed something")
	}
}

func TestSyncMergeLongTextConflictKeepsLoser(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	a.SaveProfile(ctx, Profile{Name: "Zoë"})
	b.Apply(ctx, outgoing(t, a))
	mineText := "I need large print and\nplease email me rather than phone."
	theirText := "Zoë prefers email. Allow extra time to answer in meetings."
	// Both change the long text without seeing each other's change.
	setField(t, a, "profile", "me", "communication_needs", mineText)
	time.Sleep(2 * time.Millisecond)
	setField(t, b, "profile", "me", "communication_needs", theirText)
	resA, err := a.Apply(ctx, outgoing(t, b))
	if err != nil {
		t.Fatal(err)
	}
	resB, err := b.Apply(ctx, outgoing(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if resA.Conflicts != 1 || resB.Conflicts != 1 {
		t.Fatalf("conflicts: a %d, b %d", resA.Conflicts, resB.Conflicts)
	}
	pa, _, _ := a.Profile(ctx)
	pb, _, _ := b.Profile(ctx)
	if pa.CommunicationNeeds != theirText || pb.CommunicationNeeds != theirText {
		t.Fatalf("later text did not win: %q / %q", pa.CommunicationNeeds, pb.CommunicationNeeds)
	}
	cs, _ := a.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Mine != mineText || cs[0].Theirs != theirText || cs[0].Winner() != "theirs" {
		t.Fatalf("a's conflict: %+v", cs)
	}
	// A keeps its own text; the resolution syncs to B as a normal change.
	if err := a.ResolveConflict(ctx, cs[0].ID, "mine", ""); err != nil {
		t.Fatal(err)
	}
	if err := a.ResolveConflict(ctx, cs[0].ID, "mine", ""); err == nil {
		t.Error("resolving twice worked")
	}
	if open, _ := a.Conflicts(ctx, false); len(open) != 0 {
		t.Errorf("still open: %+v", open)
	}
	b.Apply(ctx, outgoing(t, a))
	pb, _, _ = b.Profile(ctx)
	if pb.CommunicationNeeds != mineText {
		t.Errorf("resolution did not reach b: %q", pb.CommunicationNeeds)
	}
	// B's copy of the conflict is settled by A's choice, made with both
	// texts side by side; the texts are still kept.
	if open, _ := b.Conflicts(ctx, false); len(open) != 0 {
		t.Errorf("b still has the conflict a resolved: %+v", open)
	}
	if all, _ := b.Conflicts(ctx, true); len(all) != 1 || all[0].Resolution != "replaced" || all[0].Theirs != mineText {
		t.Errorf("b's settled conflict: %+v", all)
	}
	// A sequential edit (B saw A's resolution) is not a conflict.
	setField(t, b, "profile", "me", "communication_needs", mineText+" Also: BSL.")
	res, _ := a.Apply(ctx, outgoing(t, b))
	if res.Conflicts != 0 {
		t.Errorf("sequential edit made a conflict")
	}
	// Merged text by hand, for a new clash. All of A's changes arrive
	// again, the old losing one too: it is known, and brings back no
	// conflict settled before.
	setField(t, a, "profile", "me", "communication_needs", "A again: "+mineText)
	setField(t, b, "profile", "me", "communication_needs", "B again: "+theirText)
	b.Apply(ctx, outgoing(t, a))
	bcs, _ := b.Conflicts(ctx, false)
	if len(bcs) != 1 {
		t.Fatalf("b's conflicts: %+v", bcs)
	}
	if err := b.ResolveConflict(ctx, bcs[0].ID, "merged", "  "); err == nil {
		t.Error("empty merge accepted")
	}
	if err := b.ResolveConflict(ctx, bcs[0].ID, "merged", "Both: large print, email, extra time."); err != nil {
		t.Fatal(err)
	}
	pb, _, _ = b.Profile(ctx)
	if pb.CommunicationNeeds != "Both: large print, email, extra time." {
		t.Errorf("merged text not saved: %q", pb.CommunicationNeeds)
	}
}

func TestSyncMergeShortFieldNoConflict(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	setField(t, a, "profile", "me", "phone", "111")
	setField(t, b, "profile", "me", "phone", "222")
	ra, _ := a.Apply(ctx, outgoing(t, b))
	rb, _ := b.Apply(ctx, outgoing(t, a))
	if ra.Conflicts+rb.Conflicts != 0 {
		t.Error("a phone number clash was kept as a conflict")
	}
	if !reflect.DeepEqual(snapshot(t, a), snapshot(t, b)) {
		t.Error("devices differ")
	}
}

func TestSyncMergeUnknownTableParkedUntilUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	future := []RemoteChange{
		{HLC: makeHLC(time.Now().UnixMilli(), 0), Device: "NEWER", Table: "future_things", Row: "x1", Field: "name", Value: json.RawMessage(`"kept"`)},
		{HLC: makeHLC(time.Now().UnixMilli(), 1), Device: "NEWER", Table: "people", Row: "p1", Field: "shoe_size", Value: json.RawMessage(`5`)},
		{HLC: makeHLC(time.Now().UnixMilli(), 2), Device: "NEWER", Table: "people", Row: "p1", Field: "name", Value: json.RawMessage(`"Ann"`)},
		{HLC: 0, Device: "NEWER", Table: "people", Row: "p1", Field: "name", Value: json.RawMessage(`"bad"`)},
		{HLC: 5, Device: "NEWER", Table: "people; DROP TABLE x", Row: "p1", Field: "name", Value: json.RawMessage(`"bad"`)},
		{HLC: HLC(1<<63 - 1), Device: "NEWER", Table: "people", Row: "p1", Field: "name", Value: json.RawMessage(`"overflow"`)},
	}
	res, err := s.Apply(ctx, future)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Parked) != 2 || len(res.Applied) != 1 || len(res.Refused) != 3 {
		t.Fatalf("result %+v", res)
	}
	if s.Clock().Last() > maxHLC || s.Clock().Now() <= 0 {
		t.Fatalf("a refused stamp moved the clock: %v", s.Clock().Last())
	}
	if n, _ := s.ParkedCount(ctx); n != 2 {
		t.Fatalf("parked %d", n)
	}
	// Parking is idempotent.
	s.Apply(ctx, future[:2])
	if n, _ := s.ParkedCount(ctx); n != 2 {
		t.Fatalf("parked twice: %d", n)
	}
	s.Close()
	// An upgrade adds the table and the field.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, DBFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE future_things (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0) STRICT`,
		`ALTER TABLE people ADD COLUMN shoe_size INTEGER NOT NULL DEFAULT 0`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err = s.ApplyParked(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 2 {
		t.Fatalf("after upgrade: %+v", res)
	}
	if n, _ := s.ParkedCount(ctx); n != 0 {
		t.Fatalf("still parked: %d", n)
	}
	var name string
	var shoe int
	s.db.QueryRow(`SELECT name FROM future_things WHERE id = 'x1'`).Scan(&name)
	s.db.QueryRow(`SELECT shoe_size FROM people WHERE id = 'p1'`).Scan(&shoe)
	if name != "kept" || shoe != 5 {
		t.Errorf("parked values: %q %d", name, shoe)
	}
}

func TestSyncMergeDeleteIsTombstoneAndWins(t *testing.T) {
	ctx := context.Background()
	a, b := openMergeStore(t), openMergeStore(t)
	id, _ := a.SavePerson(ctx, Person{Name: "Jess"})
	b.Apply(ctx, outgoing(t, a))
	// B edits a field while A deletes: the delete stands, the edit is kept too.
	setField(t, b, "people", id, "notes", "call on Tuesdays")
	a.DeletePerson(ctx, id)
	a.Apply(ctx, outgoing(t, b))
	b.Apply(ctx, outgoing(t, a))
	for _, s := range []*Store{a, b} {
		people, _ := s.People(ctx)
		if len(people) != 0 {
			t.Errorf("deleted person came back: %+v", people)
		}
	}
	if !reflect.DeepEqual(snapshot(t, a), snapshot(t, b)) {
		t.Error("devices differ")
	}
}

func TestSyncRoleGuardRefusesLocalWrites(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		role   Role
		table  string
		wantOK bool
	}{
		{RoleOwner, MembersTable, true},
		{RoleEditor, "people", true},
		{RoleEditor, MembersTable, false},
		{RoleCommenter, "people", false},
		{RoleViewer, "people", false},
		{RoleViewer, "profile", false},
	} {
		s := openMergeStore(t)
		if err := s.CreateCircle(ctx, Circle{ID: "C", Relay: "ws://127.0.0.1:1", Owner: "O", OwnerSign: []byte{1}, OwnerDH: []byte{2}, Role: tc.role, Epoch: 1},
			map[int][]byte{1: make([]byte, 32)}); err != nil {
			t.Fatal(err)
		}
		err := s.update(ctx, func(tx *Tx) error { return tx.set(tc.table, "r1", "name", "x") })
		if tc.wantOK != (err == nil) {
			t.Errorf("%s writing %s: %v", tc.role, tc.table, err)
		}
		if err != nil && !errors.Is(err, ErrNotAllowed) {
			t.Errorf("%s: error is not ErrNotAllowed: %v", tc.role, err)
		}
		if tc.role == RoleViewer && err != nil && !strings.Contains(err.Error(), "cannot change it") {
			t.Errorf("viewer message: %v", err)
		}
	}
}

func TestSyncMergeConflictSettledOnlyByThoseWhoSawIt(t *testing.T) {
	ctx := context.Background()
	s := openMergeStore(t)
	long := func(who string) string {
		return who + " wrote this long text about support on Tuesdays, swimming, and the bus to the day centre."
	}
	// Two others wrote the field at once; this device took part in neither.
	a := RemoteChange{HLC: makeHLC(1000, 0), Device: "A", Table: "people", Row: "p1", Field: "notes", Value: jsonText(long("A"))}
	b := RemoteChange{HLC: makeHLC(1001, 0), Device: "B", Table: "people", Row: "p1", Field: "notes", Value: jsonText(long("B"))}
	for _, c := range []RemoteChange{a, b} {
		if _, err := s.Apply(ctx, []RemoteChange{c}); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := s.Conflicts(ctx, false)
	if len(first) != 1 {
		t.Fatalf("conflicts %+v", first)
	}
	stillOpen := func() bool {
		cs, _ := s.Conflicts(ctx, false)
		for _, x := range cs {
			if x.ID == first[0].ID {
				return true
			}
		}
		return false
	}
	// A third person writes over the winner without having seen A's
	// text: the conflict stays open.
	c := RemoteChange{HLC: makeHLC(1002, 0), Device: "C", Table: "people", Row: "p1", Field: "notes", Value: jsonText(long("C")), Base: b.Version()}
	s.Apply(ctx, []RemoteChange{c})
	if !stillOpen() {
		t.Fatal("a change by someone outside the conflict settled it")
	}
	// A change by A made without seeing the latest version settles nothing.
	stale := RemoteChange{HLC: makeHLC(1003, 0), Device: "A", Table: "people", Row: "p1", Field: "notes", Value: jsonText(long("A again")), Base: a.Version()}
	s.Apply(ctx, []RemoteChange{stale})
	if !stillOpen() {
		t.Fatal("a change made without seeing the latest text settled the conflict")
	}
	// A, having seen everything, writes again: settled, texts kept.
	seen := RemoteChange{HLC: makeHLC(1004, 0), Device: "A", Table: "people", Row: "p1", Field: "notes", Value: jsonText("Merged."), Base: stale.Version()}
	s.Apply(ctx, []RemoteChange{seen})
	open, _ := s.Conflicts(ctx, false)
	all, _ := s.Conflicts(ctx, true)
	if len(open) != 0 || len(all) == 0 || all[0].Resolution != "replaced" || all[0].Theirs == "" {
		t.Fatalf("open %+v, all %+v", open, all)
	}
}

func jsonText(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}
