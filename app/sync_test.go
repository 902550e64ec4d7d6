package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// startSyncRelay runs a real relay on 127.0.0.1 and returns its ws:// address.
func startSyncRelay(t *testing.T) string {
	t.Helper()
	st, err := relay.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "relay.db"))
	if err != nil {
		t.Fatal(err)
	}
	srv := relay.NewServer(st, relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(); hs.Close(); st.Close() })
	return "ws" + strings.TrimPrefix(hs.URL, "http")
}

func openSyncApp(t *testing.T) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func TestSyncAppInviteJoinAndShare(t *testing.T) {
	ctx := context.Background()
	url := startSyncRelay(t)
	owner := openSyncApp(t)
	if err := demo.Fill(ctx, owner); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.Invite(ctx, app.InviteRequest{Name: "Aoife", Role: store.RoleEditor}); err == nil || !strings.Contains(err.Error(), "sharing server") {
		t.Fatalf("first invite without a server: %v", err)
	}
	inv, err := owner.Invite(ctx, app.InviteRequest{Name: "Aoife", Role: store.RoleEditor, Relay: url})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(inv.Code, inv.Short) || len(inv.Short) != 19 {
		t.Fatalf("code %+v", inv)
	}

	// A folder with its own plan cannot join; an empty one, or one with
	// example data, can.
	busy := openSyncApp(t)
	busy.SaveProfile(ctx, store.Profile{Name: "Aoife's own plan"})
	if _, err := busy.Join(ctx, inv.Code, "", "Aoife"); !errors.Is(err, app.ErrFolderHasData) {
		t.Fatalf("join into a folder with data: %v", err)
	}
	sup := openSyncApp(t)
	demo.Fill(ctx, sup)
	prev, err := sup.PreviewJoin(ctx, inv.Code, "")
	if err != nil {
		t.Fatal(err)
	}
	if prev.Welcome.OwnerName != "Zoë" || prev.Welcome.Role != store.RoleEditor {
		t.Errorf("preview %+v", prev.Welcome)
	}
	joined, err := sup.Join(ctx, inv.Code, "", "Aoife")
	if err != nil {
		t.Fatal(err)
	}
	if sup.IsExample(ctx) {
		t.Error("example data still marked after joining")
	}
	// A letter the owner shares arrives whole, and its words can be
	// searched for at once.
	letter := filepath.Join(t.TempDir(), "letter.txt")
	os.WriteFile(letter, []byte("Your wheelchair-accessible minibus is booked for Thursday."), 0o600)
	if _, err := owner.AddEvidence(ctx, store.EvidenceItem{Title: "Transport letter", Kind: "correspondence", Shared: true}, []string{letter}); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.SyncNow(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := sup.SyncNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.BlobsReceived != 1 {
		t.Errorf("supporter received %d files, want the shared letter", res.BlobsReceived)
	}
	if hits, err := sup.SearchEvidence(ctx, "minibus", 10); err != nil || len(hits) != 1 {
		t.Errorf("supporter's search for a word in the shared letter: %+v %v", hits, err)
	}
	p, _, _ := sup.Profile(ctx)
	if p.Name != demo.Person.Name {
		t.Fatalf("supporter's profile %+v", p)
	}
	ms, err := owner.Members(ctx)
	if err != nil || len(ms) != 2 || !ms[0].You || ms[0].Role != store.RoleOwner {
		t.Fatalf("members %+v %v", ms, err)
	}
	if ms[1].SafetyPhrase != joined.SafetyPhrase {
		t.Errorf("safety phrases differ: owner %q, supporter %q", ms[1].SafetyPhrase, joined.SafetyPhrase)
	}
	if m, err := owner.FindMember(ctx, "aoife"); err != nil || m.Device != ms[1].Device {
		t.Errorf("find by name: %+v %v", m, err)
	}
	// Demote to viewer: the supporter's screens and store refuse writes.
	if _, err := owner.SetMemberRole(ctx, "Aoife", store.RoleViewer); err != nil {
		t.Fatal(err)
	}
	owner.SyncNow(ctx)
	sup.SyncNow(ctx)
	if err := sup.CanChange(ctx, "people"); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("viewer CanChange: %v", err)
	}
	if _, err := sup.SavePerson(ctx, store.Person{Name: "x"}); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("viewer saved: %v", err)
	}
	if err := owner.CanChange(ctx, "people"); err != nil {
		t.Errorf("owner CanChange: %v", err)
	}
	st, _ := sup.SyncStatus(ctx)
	if st.Text != "Synced just now" || st.Role != store.RoleViewer {
		t.Errorf("status %+v", st)
	}
	// Revoke.
	if _, err := owner.Revoke(ctx, "Aoife"); err != nil {
		t.Fatal(err)
	}
	if ms, _ := owner.Members(ctx); len(ms) != 1 {
		t.Errorf("after revoke: %+v", ms)
	}
}

func TestSyncAppBackgroundLoopAndConflicts(t *testing.T) {
	ctx := context.Background()
	url := startSyncRelay(t)
	owner := openSyncApp(t)
	owner.SaveProfile(ctx, store.Profile{Name: "Zoë"})
	inv, err := owner.Invite(ctx, app.InviteRequest{Name: "Sam", Role: store.RoleEditor, Relay: url})
	if err != nil {
		t.Fatal(err)
	}
	sup := openSyncApp(t)
	if _, err := sup.Join(ctx, inv.Code, "", "Sam"); err != nil {
		t.Fatal(err)
	}
	owner.SyncNow(ctx)
	sup.SyncNow(ctx)
	// Both write the same long text before syncing.
	long := func(a *app.App, s string) {
		p, _, _ := a.Profile(ctx)
		p.CommunicationNeeds = s
		if err := a.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	long(owner, "Please email me; phone calls are hard on bad days, and I need papers a week ahead.")
	time.Sleep(3 * time.Millisecond)
	long(sup, "Zoë prefers letters in large print and meetings of no more than 45 minutes.")
	stopO := owner.StartSync(ctx)
	stopS := sup.StartSync(ctx)
	defer stopO()
	defer stopS()
	deadline := time.Now().Add(10 * time.Second)
	var cs []app.Conflict
	for time.Now().Before(deadline) {
		cs, _ = owner.Conflicts(ctx)
		if len(cs) == 1 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(cs) != 1 {
		t.Fatalf("owner's conflicts %+v", cs)
	}
	c := cs[0]
	if c.What != "About me: How to communicate with me" || c.MineBy != "You" || c.TheirsBy != "Sam" || c.InUseNow != "theirs" {
		t.Errorf("conflict view %+v", c)
	}
	merged := "Email or letters in large print; meetings of 45 minutes; papers a week ahead."
	if err := owner.ResolveConflict(ctx, c.ID, merged); err != nil {
		t.Fatal(err)
	}
	for time.Now().Before(deadline) {
		if p, _, _ := sup.Profile(ctx); p.CommunicationNeeds == merged {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the merged text did not reach the supporter in the background")
}
