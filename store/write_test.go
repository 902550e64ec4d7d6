package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestJournalIsWrittenWithTheChange(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	p := Profile{Name: "Zoë Ó Briain", Council: "Suffolk County Council"}
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Journal(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var last HLC
	for _, e := range entries {
		if e.Device != s.DeviceID() || e.Table != "profile" || e.Row != profileID {
			t.Errorf("entry %+v", e)
		}
		if e.HLC <= last {
			t.Errorf("stamps not increasing: %v after %v", e.HLC, last)
		}
		last = e.HLC
		var v string
		json.Unmarshal(e.Value, &v)
		got[e.Field] = v
	}
	// A new record journals every field that differs from the schema's
	// default, which is all another device needs to build it.
	if len(got) != 2 || got["name"] != "Zoë Ó Briain" || got["council"] != "Suffolk County Council" {
		t.Errorf("journal = %v", got)
	}

	// Saving again with one field changed journals one entry.
	p.Phone = "01473 000000"
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	more, _ := s.Journal(ctx, entries[len(entries)-1].Seq, 100)
	if len(more) != 1 || more[0].Field != "phone" {
		t.Errorf("second save journaled %+v", more)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM versions WHERE tbl = 'profile'`).Scan(&n)
	if n != 3 {
		t.Errorf("%d versions, want 3 (name, council, phone)", n)
	}
}

func TestFailedTransactionWritesNothing(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id := NewID()
	boom := errors.New("boom")
	err := s.update(ctx, func(tx *Tx) error {
		if err := tx.set("people", id, "name", "Half written"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("update: %v", err)
	}
	err = s.update(ctx, func(tx *Tx) error {
		if err := tx.set("people", id, "name", "Half written"); err != nil {
			return err
		}
		return tx.set("people", id, "no_such_field", "x")
	})
	if err == nil {
		t.Fatal("set of unknown field succeeded")
	}
	people, _ := s.People(ctx)
	n, _ := s.LastSeq(ctx)
	if len(people) != 0 || n != 0 {
		t.Errorf("after failed transactions: %d people, journal at %d", len(people), n)
	}
}

func TestDeleteIsATombstone(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id, err := s.SavePerson(ctx, Person{Name: "Sam", Relationship: "Brother"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	people, _ := s.People(ctx)
	if len(people) != 0 {
		t.Errorf("deleted person still listed: %+v", people)
	}
	var deleted int
	s.db.QueryRow(`SELECT deleted FROM people WHERE id = ?`, id).Scan(&deleted)
	if deleted != 1 {
		t.Error("row was removed instead of marked deleted")
	}
	entries, _ := s.Journal(ctx, 0, 100)
	lastE := entries[len(entries)-1]
	if lastE.Field != "deleted" || string(lastE.Value) != "1" {
		t.Errorf("last journal entry %+v, want the tombstone", lastE)
	}
	if err := s.RestorePerson(ctx, id); err != nil {
		t.Fatal(err)
	}
	people, _ = s.People(ctx)
	if len(people) != 1 || people[0].Name != "Sam" {
		t.Errorf("undo delete: %+v", people)
	}
}

func TestDiskFullKeepsEarlierData(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if err := s.SaveProfile(ctx, Profile{Name: "Zoë"}); err != nil {
		t.Fatal(err)
	}
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	// Cap the database at its current size: the next large write fails the
	// way a full disk does.
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	long := make([]byte, 64<<10)
	for i := range long {
		long[i] = 'a'
	}
	_, err := s.SavePerson(ctx, Person{Name: "Big", Notes: string(long)})
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("write to full disk: %v, want ErrDiskFull", err)
	}
	p, ok, err := s.Profile(ctx)
	if err != nil || !ok || p.Name != "Zoë" {
		t.Errorf("profile after full disk: %+v %v %v", p, ok, err)
	}
	people, _ := s.People(ctx)
	if len(people) != 0 {
		t.Errorf("half-written person: %+v", people)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestAutosaveKeepsOneUnsentEntryPerField(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	count := func() int {
		var n int
		s.db.QueryRow(`SELECT count(*) FROM changes WHERE tbl = 'profile' AND field = 'address'`).Scan(&n)
		return n
	}
	if err := s.SaveProfile(ctx, Profile{Name: "Zoë"}); err != nil {
		t.Fatal(err)
	}
	p := Profile{Name: "Zoë"}
	type step struct {
		text string
		send bool // the sync engine sends the journal after this write
		want int  // journal entries of the field afterwards
	}
	for i, st := range []step{
		{"F", false, 1}, {"Fl", false, 1}, {"Flat 2", true, 1},
		{"Flat 2,", false, 2}, {"Flat 2, 17 Mill", false, 2}, {"Flat 2, 17 Mill Lane", true, 2},
		{"Flat 2, 17 Mill Lane, Ipswich", false, 3},
	} {
		p.Address = st.text
		if err := s.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
		if st.send {
			seq, _ := s.LastSeq(ctx)
			if _, err := s.db.Exec(`UPDATE circles SET sent_seq = ?`, seq); err != nil {
				t.Fatal(err)
			}
		}
		if got := count(); got != st.want {
			t.Errorf("after write %d (%q): %d journal entries of the address, want %d", i, st.text, got, st.want)
		}
		if i == 1 {
			// The first write shares the plan: from now on the relay's
			// cursor says what was sent.
			if _, err := s.db.Exec(`INSERT INTO circles (circle, relay, owner, owner_sign, owner_dh, role, created)
				VALUES ('c', 'ws://127.0.0.1:1', ?, x'00', x'00', 'owner', '2026-12-01T00:00:00Z')`, s.DeviceID()); err != nil {
				t.Fatal(err)
			}
		}
	}
	// What is left is what the other devices need: the values sent and
	// the latest one, each with its base.
	out, err := s.OutgoingChanges(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, o := range out {
		if o.Field == "address" {
			texts = append(texts, string(o.Value))
		}
	}
	if want := []string{`"Flat 2"`, `"Flat 2, 17 Mill Lane"`, `"Flat 2, 17 Mill Lane, Ipswich"`}; strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("journal of the address %v, want %v", texts, want)
	}
}
