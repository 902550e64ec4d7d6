package ui

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// sharingRelay runs a real relay on 127.0.0.1 and turns background sync
// off, so that the test alone drives the window.
func sharingRelay(t *testing.T) string {
	t.Helper()
	oldSync, oldAsync := backgroundSync, sharingAsync
	backgroundSync, sharingAsync = false, false
	t.Cleanup(func() { backgroundSync, sharingAsync = oldSync, oldAsync })
	st, err := relay.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "relay.db"))
	if err != nil {
		t.Fatal(err)
	}
	srv := relay.NewServer(st, relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(); hs.Close(); st.Close() })
	return "ws" + strings.TrimPrefix(hs.URL, "http")
}

func openSharingApp(t *testing.T) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// pressButton focuses b and presses Space, as a keyboard user would.
func pressButton(t *testing.T, u *UI, b fyne.Focusable) {
	t.Helper()
	u.win.Canvas().Focus(b)
	press(u, fyne.KeySpace)
}

func TestSharingInviteMembersAndRevokeByKeyboard(t *testing.T) {
	url := sharingRelay(t)
	ctx := context.Background()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	demo.Fill(ctx, a)
	u.show("home")
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key7, Modifier: fyne.KeyModifierShortcutDefault})
	if u.current != "sharing" {
		t.Fatalf("Ctrl+7 went to %q", u.current)
	}
	v := sharingViewOf(u)
	got := texts(u)
	for _, want := range []string{"Not shared with anyone", "Invite someone", "Join someone's plan", "cannot read it"} {
		if !strings.Contains(got, want) {
			t.Errorf("sharing screen lacks %q", want)
		}
	}
	// An invite without a name explains.
	pressButton(t, u, v.invite.make)
	if !strings.Contains(v.invite.problem.Text, "name") || u.win.Canvas().Focused() != v.invite.name {
		t.Errorf("no name: %q", v.invite.problem.Text)
	}
	test.Type(v.invite.name, "Aoife")
	v.invite.relay.SetText(url)
	v.invite.role.SetSelected(roleChoices[1].label) // commenter
	pressButton(t, u, v.invite.make)
	v.wait()
	if !v.invite.panel.Visible() || v.invite.made.Code == "" {
		t.Fatalf("no code shown: %q", v.invite.problem.Text)
	}
	if groups := strings.Fields(v.invite.code.Text); len(groups) != 4 || len(groups[0]) != 4 {
		t.Errorf("code shown as %q", v.invite.code.Text)
	}
	if v.invite.qr.Image == nil || v.invite.qr.Image.Bounds().Dx() < 100 {
		t.Error("no QR code")
	}
	if !strings.Contains(texts(u), "Invite code for Aoife") || !strings.Contains(texts(u), "Aoife will be a commenter") {
		t.Errorf("invite panel:\n%s", texts(u))
	}
	if u.win.Canvas().Focused() != v.invite.done {
		t.Error("Done does not have the focus")
	}
	code := v.invite.made.Code
	press(u, fyne.KeySpace)
	if v.invite.panel.Visible() {
		t.Error("Done did not close the code")
	}
	if !strings.Contains(texts(u), "Invites not used yet") {
		t.Error("the waiting invite is not listed")
	}

	// Aoife joins on her own computer; the owner syncs and sees her with
	// the same safety phrase.
	sup := openSharingApp(t)
	joined, err := sup.Join(ctx, code, "", "Aoife")
	if err != nil {
		t.Fatal(err)
	}
	pressButton(t, u, v.syncNow)
	v.wait()
	got = texts(u)
	if !strings.Contains(got, "Safety phrase: "+joined.SafetyPhrase) || !strings.Contains(got, "Commenter: can read everything and add comments") {
		t.Fatalf("member not shown with the safety phrase %q:\n%s", joined.SafetyPhrase, got)
	}
	if strings.Contains(got, "Invites not used yet") {
		t.Error("the used invite is still listed as waiting")
	}
	bar := u.sharingBG().label.Text
	if !strings.HasPrefix(bar, "Sharing: Synced just now") || !u.sharingBG().row.Visible() {
		t.Errorf("status bar %q", bar)
	}
	ms, _ := a.Members(ctx)
	device := ms[1].Device

	// Change Aoife's role to editor, then remove her, confirming the dialog.
	v.roleSelects[device].SetSelected(roleChoices[0].label)
	v.wait()
	if m, _ := a.FindMember(ctx, "Aoife"); m.Role != store.RoleEditor {
		t.Errorf("role not changed: %s", m.Role)
	}
	pressButton(t, u, v.removeButtons[device])
	overlay := u.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no confirmation")
	}
	for _, b := range buttons(overlay) {
		if b.Text == "Yes" {
			test.Tap(b)
		}
	}
	v.wait()
	if ms, _ := a.Members(ctx); len(ms) != 1 {
		t.Errorf("after removing: %+v", ms)
	}
}

func TestSharingJoinFromWelcomeByKeyboard(t *testing.T) {
	url := sharingRelay(t)
	ctx := context.Background()
	owner := openSharingApp(t)
	demo.Fill(ctx, owner)
	inv, err := owner.Invite(ctx, app.InviteRequest{Name: "Sam", Role: store.RoleViewer, Relay: url})
	if err != nil {
		t.Fatal(err)
	}
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	var join fyneButton
	for _, b := range buttons(u.win.Content()) {
		if b.Text == "Join someone's plan" {
			join = b
		}
	}
	if join == nil {
		t.Fatal("the welcome screen has no way to join")
	}
	pressButton(t, u, join)
	if u.current != "sharing" {
		t.Fatalf("went to %q", u.current)
	}
	v := sharingViewOf(u)
	// A mistyped code is explained.
	// (The last letter is changed to another: a code that ends in X must
	// not be "mistyped" as itself.)
	wrong := "X"
	if strings.HasSuffix(strings.ToUpper(inv.Code), wrong) {
		wrong = "Y"
	}
	test.Type(v.join.code, inv.Code[:len(inv.Code)-1]+wrong)
	test.Type(v.join.name, "Sam")
	pressButton(t, u, v.join.look)
	v.wait()
	if !strings.Contains(v.join.problem.Text, "mistyped") {
		t.Errorf("mistyped code: %q", v.join.problem.Text)
	}
	v.join.code.SetText(strings.ToLower(inv.Code))
	pressButton(t, u, v.join.look)
	v.wait()
	if !v.join.preview.Visible() || !strings.Contains(v.join.about.Text, "This is Zoë's plan. You will be a viewer") {
		t.Fatalf("preview: %q %q", v.join.about.Text, v.join.problem.Text)
	}
	phrase := v.join.phrase.Text
	if len(strings.Fields(phrase)) != 5 {
		t.Errorf("safety phrase %q", phrase)
	}
	if u.win.Canvas().Focused() != v.join.confirm {
		t.Error("Join does not have the focus")
	}
	press(u, fyne.KeySpace)
	v.wait()
	v = sharingViewOf(u)
	if _, err := owner.SyncNow(ctx); err != nil {
		t.Fatal(err)
	}
	ms, _ := owner.Members(ctx)
	if len(ms) != 2 || ms[1].SafetyPhrase != phrase {
		t.Fatalf("owner sees %+v, Sam saw %q", ms, phrase)
	}
	pressButton(t, u, v.syncNow)
	v.wait()
	got := texts(u)
	for _, want := range []string{"Synced just now", "This is Zoë's plan. You are a viewer", "People who can see your plan"} {
		if !strings.Contains(got, want) {
			t.Errorf("after joining, the screen lacks %q:\n%s", want, got)
		}
	}
	if v.inviteBox.Visible() || v.joinBox.Visible() {
		t.Error("a viewer is offered to invite or join")
	}
	if p, _, _ := a.Profile(ctx); p.Name != demo.Person.Name {
		t.Errorf("the plan did not arrive: %+v", p)
	}
}

type fyneButton = interface {
	fyne.Focusable
	fyne.Tappable
}

func TestSharingConflictsSideBySideAndMerge(t *testing.T) {
	url := sharingRelay(t)
	ctx := context.Background()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	a.SaveProfile(ctx, store.Profile{Name: "Zoë"})
	inv, err := a.Invite(ctx, app.InviteRequest{Name: "Sam", Role: store.RoleEditor, Relay: url})
	if err != nil {
		t.Fatal(err)
	}
	sup := openSharingApp(t)
	if _, err := sup.Join(ctx, inv.Code, "", "Sam"); err != nil {
		t.Fatal(err)
	}
	a.SyncNow(ctx)
	sup.SyncNow(ctx)
	mine := "Please email me first; long phone calls wear me out on bad days."
	theirs := "Zoë would like papers a week before meetings, in large print."
	p, _, _ := a.Profile(ctx)
	p.CommunicationNeeds = mine
	a.SaveProfile(ctx, p)
	q, _, _ := sup.Profile(ctx)
	q.CommunicationNeeds = theirs
	sup.SaveProfile(ctx, q)
	sup.SyncNow(ctx)
	u.show("sharing")
	v := sharingViewOf(u)
	pressButton(t, u, v.syncNow)
	v.wait()
	if len(v.conflictUI) != 1 {
		t.Fatalf("conflicts shown: %d\n%s", len(v.conflictUI), texts(u))
	}
	got := texts(u)
	for _, want := range []string{"Texts to choose between", "About me: How to communicate with me", mine, theirs, "Mine (written by you)", "Theirs (from Sam), in use now"} {
		if !strings.Contains(got, want) {
			t.Errorf("conflict lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(u.sharingBG().label.Text, "1 text needs you to choose") {
		t.Errorf("status bar: %q", u.sharingBG().label.Text)
	}
	k := v.conflictUI[0]
	pressButton(t, u, k.mergeOpen)
	if u.win.Canvas().Focused() != k.merge || !strings.Contains(k.merge.Text, mine) || !strings.Contains(k.merge.Text, theirs) {
		t.Fatal("merge box not ready")
	}
	merged := "Email first, papers a week ahead in large print."
	k.merge.SetText(merged)
	pressButton(t, u, k.saveMerge)
	if len(v.conflictUI) != 0 {
		t.Error("conflict still shown")
	}
	if p, _, _ := a.Profile(ctx); p.CommunicationNeeds != merged {
		t.Errorf("merged text not saved: %q", p.CommunicationNeeds)
	}
}

func TestSharingLargeTextStillFits(t *testing.T) {
	url := sharingRelay(t)
	ctx := context.Background()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	demo.Fill(ctx, a)
	a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	u.show("sharing")
	check := func(what string) {
		t.Helper()
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("%s at 250%% needs %v wide, more than the window", what, w)
		}
	}
	check("the sharing screen")
	v := sharingViewOf(u)
	v.invite.name.SetText("Aoife Ó Briain-Nowak")
	v.invite.relay.SetText(url)
	v.invite.submit()
	v.wait()
	check("the invite code")
	sup := openSharingApp(t)
	if _, err := sup.Join(ctx, v.invite.made.Code, "", "Aoife"); err != nil {
		t.Fatal(err)
	}
	a.SyncNow(ctx)
	u.show("sharing")
	check("members and the status line")
}
