package sync

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

func TestSyncAllowedByRole(t *testing.T) {
	for _, tc := range []struct {
		role  store.Role
		table string
		want  bool
	}{
		{store.RoleOwner, store.MembersTable, true},
		{store.RoleOwner, "people", true},
		{store.RoleEditor, "people", true},
		{store.RoleEditor, "budget_categories", true},
		{store.RoleEditor, "some_future_table", true},
		{store.RoleEditor, store.MembersTable, false},
		{store.RoleCommenter, "comments", true},
		{store.RoleCommenter, "people", false},
		{store.RoleCommenter, store.MembersTable, false},
		{store.RoleViewer, "comments", false},
		{store.RoleViewer, "people", false},
		{store.Role("stranger"), "people", false},
	} {
		if got := Allowed(tc.role, tc.table); got != tc.want {
			t.Errorf("Allowed(%s, %s) = %v", tc.role, tc.table, got)
		}
	}
}

// forge sends a batch of changes sealed and signed by d, bypassing d's
// own role check, as a tampered copy of OwnPlan could.
func forge(t *testing.T, d *device, changes []store.RemoteChange) {
	t.Helper()
	ctx := context.Background()
	s, err := d.e.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	epoch, _ := s.currentKey()
	if err := s.put(ctx, KindChanges, epoch, Batch{Changes: changes}); err != nil {
		t.Fatal(err)
	}
}

func forgedChange(d *device, table, row, field, value string) store.RemoteChange {
	v, _ := json.Marshal(value)
	return store.RemoteChange{HLC: store.HLC(time.Now().Add(time.Hour).UnixMilli() << 16), Device: d.e.id.Device,
		Table: table, Row: row, Field: field, Value: v}
}

func TestSyncViewerCannotMakeChanges(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	viewer := invite(t, owner, "Val", store.RoleViewer)
	seq, _ := viewer.st.LastSeq(ctx)
	_, err := viewer.st.SavePerson(ctx, store.Person{Name: "Mallory"})
	if !errors.Is(err, store.ErrNotAllowed) || !strings.Contains(err.Error(), "cannot change it") {
		t.Fatalf("a viewer saved a change: %v", err)
	}
	if err := viewer.st.SaveProfile(ctx, store.Profile{Name: "Changed"}); !errors.Is(err, store.ErrNotAllowed) {
		t.Fatalf("a viewer changed the profile: %v", err)
	}
	if seq2, _ := viewer.st.LastSeq(ctx); seq2 != seq {
		t.Fatal("the refused change reached the journal")
	}
	// The viewer still reads everything.
	owner.st.SavePerson(ctx, store.Person{Name: "Jess"})
	owner.round()
	viewer.round()
	people, _ := viewer.st.People(ctx)
	if len(people) != 1 {
		t.Fatalf("viewer sees %+v", people)
	}
}

func TestSyncForgedChangesRefusedOnApply(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	editor := invite(t, owner, "Ed", store.RoleEditor)
	commenter := invite(t, owner, "Cam", store.RoleCommenter)
	viewer := invite(t, owner, "Val", store.RoleViewer)
	owner.round()
	editor.round()
	before := snap(t, owner)

	// A commenter's change to the plan is refused; their comment is not.
	forge(t, commenter, []store.RemoteChange{
		forgedChange(commenter, "people", "X1", "name", "Forged by a commenter"),
		forgedChange(commenter, "comments", "K1", "body", "A fair comment"),
	})
	// A viewer may change nothing.
	forge(t, viewer, []store.RemoteChange{forgedChange(viewer, "profile", "me", "name", "Forged by a viewer")})
	// An editor may not change who is in the circle.
	forge(t, editor, []store.RemoteChange{forgedChange(editor, store.MembersTable, editor.e.id.Device, "role", "owner")})
	// A change claiming to be another device's is refused.
	forge(t, editor, []store.RemoteChange{forgedChange(owner, "people", "X2", "name", "Pretending to be Zoë")})

	// The owner refuses all four; the editor refuses the two that are
	// not its own (a device never applies its own messages).
	for d, want := range map[*device]int{owner: 4, editor: 2} {
		res := d.round()
		if res.Refused != want {
			t.Errorf("refused %d changes, want %d (%+v)", res.Refused, want, res)
		}
		people, _ := d.st.People(ctx)
		p, _, _ := d.st.Profile(ctx)
		if len(people) != 0 || p.Name != "Zoë Ó Briain" {
			t.Errorf("a forged change was applied: %+v %+v", people, p)
		}
	}
	// The comment was allowed.
	if got := snap(t, owner)["comments"]["K1"]["body"]; got != `"A fair comment"` {
		t.Errorf("the commenter's comment: %s", got)
	}
	m, _, _ := owner.st.Member(ctx, editor.e.id.Device)
	if m.Role != store.RoleEditor {
		t.Errorf("the editor made themselves %s", m.Role)
	}
	st, _ := ReadStatus(ctx, owner.st, time.Now())
	if len(st.Refused) != 4 || !strings.Contains(st.Refused[len(st.Refused)-1].Reason, "Cam is a commenter") {
		t.Errorf("status does not say what was refused: %+v", st.Refused)
	}
	after := snap(t, owner)
	delete(after, "versions")
	delete(before, "versions")
	if len(after["people"]) != len(before["people"]) {
		t.Error("people changed")
	}
}

func TestSyncStrangerAndRevokedMemberRefused(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleEditor)
	circle, _ := owner.st.Circle(ctx)
	keys, _ := sam.st.CircleKeys(ctx, circle.ID)

	// A stranger with no circle key cannot connect to the circle.
	stranger := newDevice(t)
	stranger.st.CreateCircle(ctx, store.Circle{ID: circle.ID, Relay: r.url, Owner: circle.Owner, OwnerSign: circle.OwnerSign,
		OwnerDH: circle.OwnerDH, Role: store.RoleEditor, Epoch: 1}, map[int][]byte{1: NewCircleKey()})
	if _, err := stranger.e.Round(ctx); err == nil {
		t.Fatal("a stranger synced with the circle")
	}
	// A message signed by a stranger's key but claiming to be Sam's
	// (a relay that lies) is refused: the signature does not match.
	_, fake, _ := ed25519.GenerateKey(rand.Reader)
	payload, _ := json.Marshal(Batch{Changes: []store.RemoteChange{forgedChange(sam, "people", "X", "name", "stranger")}})
	env, _ := Seal(Header{Kind: KindChanges, Epoch: 1, Circle: circle.ID, Sender: sam.e.id.Device}, keys[1], fake, payload)
	r.st.Append(ctx, circle.ID, sam.e.id.Device, "", env, time.Now())

	// Sam is removed; a batch Sam sealed earlier with the old key and
	// slipped in afterwards (the relay refuses Sam now) is refused.
	if err := owner.e.Revoke(ctx, sam.e.id.Device); err != nil {
		t.Fatal(err)
	}
	late, _ := Seal(Header{Kind: KindChanges, Epoch: 1, Circle: circle.ID, Sender: sam.e.id.Device}, keys[1], sam.e.id.Sign, payload)
	r.st.Append(ctx, circle.ID, sam.e.id.Device, "", late, time.Now())

	for _, d := range []*device{owner, ann} {
		d.round()
		people, _ := d.st.People(ctx)
		if len(people) != 0 {
			t.Errorf("a forged change was applied: %+v", people)
		}
		refused, _ := d.st.Refusals(ctx, circle.ID, time.Time{})
		reasons := ""
		for _, x := range refused {
			reasons += x.Reason + "\n"
		}
		if !strings.Contains(reasons, "signature does not match") || !strings.Contains(reasons, "no longer in the circle") {
			t.Errorf("refusals:\n%s", reasons)
		}
	}
}

func TestSyncRevokeRotatesKeySoRevokedReadsNothingNew(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleViewer)
	circle, _ := owner.st.Circle(ctx)
	lastBefore, _ := r.st.LastSeq(ctx, circle.ID)

	if err := owner.e.Revoke(ctx, sam.e.id.Device); err != nil {
		t.Fatal(err)
	}
	setProfile(t, owner, "council_ref", "SECRET-AFTER-REVOKE")
	owner.round()

	// Sam's device learns it was removed and keeps what it had.
	if _, err := sam.e.Round(ctx); !errors.Is(err, ErrRemoved) {
		t.Fatalf("revoked device synced: %v", err)
	}
	st, _ := ReadStatus(ctx, sam.st, time.Now())
	if !st.Removed || !strings.Contains(st.Text, "no longer") {
		t.Errorf("revoked status %+v", st)
	}
	p, _, _ := sam.st.Profile(ctx)
	if p.Name != "Zoë Ó Briain" {
		t.Error("the revoked device lost what it had")
	}
	// Even with the mailbox in hand, Sam's keys open nothing new.
	samKeys, _ := sam.st.CircleKeys(ctx, circle.ID)
	ms, _ := r.st.Read(ctx, circle.ID, lastBefore, 1000, 1<<30)
	newer := 0
	for _, m := range ms {
		h, _, _ := ReadHeader(m.Body)
		if h.Kind != KindChanges {
			continue
		}
		newer++
		if _, ok := samKeys[h.Epoch]; ok {
			t.Errorf("message %d sealed with a key Sam has (epoch %d)", m.Seq, h.Epoch)
		}
		for _, k := range samKeys {
			if _, err := Decrypt(m.Body, k); err == nil {
				t.Errorf("Sam's old key opens message %d", m.Seq)
			}
		}
	}
	if newer == 0 {
		t.Fatal("no new batches to check")
	}
	// Ann gets the new key and reads on.
	ann.round()
	p, _, _ = ann.st.Profile(ctx)
	if p.CouncilRef != "SECRET-AFTER-REVOKE" {
		t.Errorf("remaining member cannot read after the rotation: %+v", p)
	}
	members, _ := ann.st.Members(ctx, circle.ID)
	for _, m := range members {
		if m.Device == sam.e.id.Device {
			t.Error("Sam is still listed as a member")
		}
	}
	// The relay refuses Sam's device outright.
	c, err := dialRelay(ctx, r.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	_, err = c.call(ctx, relay.Frame{Type: relay.TypeHello, Circle: circle.ID, Device: sam.e.id.Device, Sig: signAuth(sam.e.id, c, circle.ID)})
	var re *RelayError
	if !errors.As(err, &re) || re.Code != relay.CodeRevoked {
		t.Errorf("relay let the revoked device in: %v", err)
	}
}

func TestSyncRoleChangeReachesTheMember(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	val := invite(t, owner, "Val", store.RoleViewer)
	if _, err := val.st.SavePerson(ctx, store.Person{Name: "x"}); !errors.Is(err, store.ErrNotAllowed) {
		t.Fatal("viewer could write")
	}
	if err := owner.e.SetRole(ctx, val.e.id.Device, store.RoleEditor); err != nil {
		t.Fatal(err)
	}
	owner.round()
	val.round()
	if _, err := val.st.SavePerson(ctx, store.Person{Name: "Now allowed"}); err != nil {
		t.Fatalf("editor still refused: %v", err)
	}
	val.round()
	owner.round()
	people, _ := owner.st.People(ctx)
	if len(people) != 1 {
		t.Fatalf("owner did not accept the new editor's change: %+v", people)
	}
}

// TestSyncGarbageFromAMemberRefusedAndSyncGoesOn has a member's device
// (a tampered copy of OwnPlan) put junk in the mailbox: random bytes, a
// truncated envelope, one sealed with a key nobody has, and a
// decompression bomb sealed and signed properly. The other devices
// refuse each, say why, and go on to apply the good change after them.
func TestSyncGarbageFromAMemberRefusedAndSyncGoesOn(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	ann := invite(t, owner, "Ann", store.RoleViewer)
	circle, _ := owner.st.Circle(ctx)
	keys, _ := sam.st.CircleKeys(ctx, circle.ID)
	head := Header{Kind: KindChanges, Epoch: 1, Circle: circle.ID, Sender: sam.e.id.Device}
	good, _ := json.Marshal(Batch{Changes: []store.RemoteChange{forgedChange(sam, "people", "P1", "name", "Jess")}})
	sealed, _ := Seal(head, keys[1], sam.e.id.Sign, good)
	random := make([]byte, 5000)
	rand.Read(random)
	wrongKey, _ := Seal(head, NewCircleKey(), sam.e.id.Sign, good)
	junk := [][]byte{random, sealed[:len(sealed)/2], wrongKey}
	// Inflating 64 MB under the race detector takes a minute: skip it there.
	if !raceEnabled {
		var bomb bytes.Buffer
		bomb.WriteString(`{"changes":[{"h":1,"d":"`)
		bomb.Write(bytes.Repeat([]byte("A"), maxPlain+1))
		bombEnv, _ := Seal(head, keys[1], sam.e.id.Sign, bomb.Bytes())
		if len(bombEnv) > 1<<20 {
			t.Fatalf("the bomb is %d bytes sealed: not a bomb", len(bombEnv))
		}
		junk = append(junk, bombEnv)
	}
	s, err := sam.e.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range append(junk, sealed) {
		if _, err := s.c.call(ctx, relay.Frame{Type: relay.TypePut, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	s.close()
	for _, d := range []*device{owner, ann} {
		res := d.round()
		people, _ := d.st.People(ctx)
		if len(people) != 1 || people[0].Name != "Jess" || res.Received != 1 {
			t.Errorf("the good change after the junk: %+v, %+v", people, res)
		}
		refused, _ := d.st.Refusals(ctx, circle.ID, time.Time{})
		if len(refused) != len(junk) {
			t.Errorf("refused %d messages, want %d: %+v", len(refused), len(junk), refused)
		}
	}
}
