package sync

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

func TestSyncInviteCodeFormat(t *testing.T) {
	c := NewCode("wss://relay.example.org")
	short := c.Short()
	if len(short) != 19 || strings.Count(short, "-") != 3 {
		t.Fatalf("short code %q", short)
	}
	if c.String() != "relay.example.org/"+short {
		t.Fatalf("code %q", c.String())
	}
	for _, tc := range []struct {
		in, relay string
		ok        bool
	}{
		{c.String(), "", true},
		{strings.ToLower(c.String()), "", true},
		{strings.ReplaceAll(short, "-", " "), "wss://relay.example.org", true},
		{"wss://relay.example.org/" + short, "", true},
		{short, "", false}, // no relay
		{short[:18], "wss://r.example", false},
		{short + "7", "wss://r.example", false},
		{"relay.example.org/" + mistype(short), "", false},
		{"ws://192.0.2.7/" + short, "", false}, // plain ws:// to another computer
		{"relay.example.org/" + strings.Replace(short, short[:1], "U", 1), "", false},
	} {
		got, err := ParseCode(tc.in, tc.relay)
		if tc.ok != (err == nil) {
			t.Errorf("ParseCode(%q, %q): %v", tc.in, tc.relay, err)
			continue
		}
		if tc.ok && (got.Secret != c.Secret || got.Relay != "wss://relay.example.org") {
			t.Errorf("ParseCode(%q) = %+v", tc.in, got)
		}
	}
	if _, err := ParseCode("relay.example.org/"+mistype(short), ""); !errors.Is(err, ErrCodeMistyped) {
		t.Errorf("a mistyped code: %v", err)
	}
	// Letters that look like digits are read as the digits.
	o := Code{Relay: "wss://r.example", Secret: "0123456789ABCDE"}
	looks := strings.NewReplacer("0", "O", "1", "l").Replace(o.Short())
	if got, err := ParseCode(looks, "wss://r.example"); err != nil || got.Secret != o.Secret {
		t.Errorf("%q: %v %+v", looks, err, got)
	}
}

// mistype changes one symbol of a code.
func mistype(s string) string {
	b := []byte(s)
	if b[5] == 'A' {
		b[5] = 'B'
	} else {
		b[5] = 'A'
	}
	return string(b)
}

func TestSyncRelayURLRules(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"relay.example.org", "wss://relay.example.org"},
		{"wss://relay.example.org:8443/", "wss://relay.example.org:8443"},
		{"ws://127.0.0.1:9000", "ws://127.0.0.1:9000"},
		{"ws://localhost:9000", "ws://localhost:9000"},
		{"ws://[::1]:9000", "ws://[::1]:9000"},
		{"ws://relay.example.org", ""},
		{"ws://192.168.1.10:9000", ""},
		{"ws://10.0.0.1", ""},
		{"http://relay.example.org", ""},
		{"", ""},
	} {
		got, err := ParseRelayURL(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParseRelayURL(%q) accepted %q", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseRelayURL(%q) = %q, %v", tc.in, got, err)
		}
	}
	if _, err := ParseRelayURL("ws://192.168.1.10:9000"); err == nil || !strings.Contains(err.Error(), "wss://") {
		t.Errorf("refusal does not say what to do: %v", err)
	}
	// Nothing is sent to a refused address: making a circle fails first.
	d := newDevice(t)
	if _, err := d.e.CreateCircle(context.Background(), "ws://192.0.2.1:9", "Zoë"); err == nil || errors.Is(err, ErrUnreachable) {
		t.Errorf("CreateCircle with ws:// to another computer: %v", err)
	}
}

func TestSyncInviteWorksOnceExpiresAndCancels(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)

	// Works once.
	inv, err := owner.e.Invite(ctx, "Sam", store.RoleEditor, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := inv.Invite.Expires.Sub(inv.Invite.Created); got != DefaultInviteLife || DefaultInviteLife != 7*24*time.Hour {
		t.Errorf("default life %v", got)
	}
	sam := newDevice(t)
	prev, err := sam.e.PreviewJoin(ctx, inv.Code)
	if err != nil {
		t.Fatal(err)
	}
	if prev.Welcome.OwnerName != "Zoë" || prev.Welcome.Role != store.RoleEditor {
		t.Errorf("preview %+v", prev.Welcome)
	}
	joined, err := sam.e.Join(ctx, inv.Code, "Sam")
	if err != nil {
		t.Fatal(err)
	}
	if joined.SafetyPhrase != prev.SafetyPhrase || len(strings.Fields(joined.SafetyPhrase)) != 5 {
		t.Errorf("safety phrase %q / %q", joined.SafetyPhrase, prev.SafetyPhrase)
	}
	owner.round()
	// Both screens show the same safety phrase.
	circle, _ := owner.st.Circle(ctx)
	members, _ := owner.st.Members(ctx, circle.ID)
	var samKey []byte
	for _, m := range members {
		if m.Device == sam.e.id.Device {
			samKey, _ = unb64(m.SignKey)
		}
	}
	if got := SafetyPhrase(owner.e.id.SignPublic(), samKey); got != joined.SafetyPhrase {
		t.Errorf("owner sees %q, Sam sees %q", got, joined.SafetyPhrase)
	}
	invs, _ := owner.st.Invites(ctx, circle.ID)
	if len(invs) != 1 || invs[0].State(time.Now()) != store.InviteUsed || invs[0].UsedBy != sam.e.id.Device {
		t.Errorf("invite after use %+v", invs)
	}
	again := newDevice(t)
	if _, err := again.e.Join(ctx, inv.Code, "Someone else"); !errors.Is(err, ErrInviteUsed) {
		t.Errorf("second use: %v", err)
	}
	if _, err := again.st.Circle(ctx); err == nil {
		t.Error("a refused join left a circle behind")
	}

	// Cancelled.
	inv2, _ := owner.e.Invite(ctx, "Ann", store.RoleViewer, 0)
	if _, err := owner.e.CancelInvite(ctx, inv2.Invite.ID[:10]); err != nil {
		t.Fatal(err)
	}
	if _, err := newDevice(t).e.Join(ctx, inv2.Code, "Ann"); !errors.Is(err, ErrInviteCancelled) {
		t.Errorf("cancelled invite: %v", err)
	}

	// Expired: the relay's clock has moved on past the invite's life.
	inv3, _ := owner.e.Invite(ctx, "Bo", store.RoleViewer, time.Hour)
	r.stop()
	r.opts.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	r.start()
	if _, err := newDevice(t).e.Join(ctx, inv3.Code, "Bo"); !errors.Is(err, ErrInviteExpired) {
		t.Errorf("expired invite: %v", err)
	}
	if st := func() string {
		i, _ := owner.st.FindInvite(ctx, inv3.Invite.ID)
		return i.State(time.Now().Add(2 * time.Hour))
	}(); st != store.InviteExpired {
		t.Errorf("owner's view of the expired invite: %s", st)
	}

	// Unknown code on this relay.
	if _, err := newDevice(t).e.Join(ctx, NewCode(r.url), "X"); !errors.Is(err, ErrInviteUnknown) {
		t.Errorf("unknown code: %v", err)
	}
}

func TestSyncRelayNeverSeesPlaintext(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	r := &testRelay{t: t, dbPath: filepath.Join(t.TempDir(), "relay.db"), addr: "127.0.0.1:0",
		opts: relay.Options{Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}}
	r.start()
	t.Cleanup(r.stop)
	owner := newCircle(t, r)
	secret := "Zoë needs help with personal care at 7am: PLAINTEXT-CANARY-42"
	setProfile(t, owner, "communication_needs", secret)
	owner.st.SavePerson(ctx, store.Person{Name: "Jess Canary-Smith", Notes: secret})
	letter := []byte("EVIDENCE-CANARY: the council's decision letter about Zoë's direct payment")
	item := addEvidence(t, owner, "Decision letter Canary-Title", true, letter)
	owner.round()
	sam := invite(t, owner, "Sam Canary-Invitee", store.RoleEditor)
	setProfile(t, sam, "phone", "07700 900123")
	sam.round()
	owner.round()
	p, _, _ := sam.st.Profile(ctx)
	if p.CommunicationNeeds != secret {
		t.Fatal("the canary did not sync")
	}
	if got := readBlob(t, sam, item.Files[0].SHA256); !bytes.Equal(got, letter) {
		t.Fatalf("the evidence file did not sync: %q", got)
	}
	circle, _ := owner.st.Circle(ctx)
	ms, _ := r.st.Read(ctx, circle.ID, 0, 10000, 1<<30)
	if len(ms) == 0 {
		t.Fatal("no mailbox messages")
	}
	r.stop() // flush the WAL into the file
	for _, needle := range []string{"PLAINTEXT-CANARY-42", "Canary-Smith", "07700 900123", "Zoë Ó Briain", "Suffolk County", "communication_needs",
		"EVIDENCE-CANARY", "Canary-Title", "Canary-Invitee", "people"} {
		if bytes.Contains(logs.Bytes(), []byte(needle)) {
			t.Errorf("the relay's logs contain %q", needle)
		}
		for _, m := range ms {
			if bytes.Contains(m.Body, []byte(needle)) {
				t.Errorf("mailbox message %d contains %q", m.Seq, needle)
			}
		}
		files, _ := filepath.Glob(r.dbPath + "*")
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if bytes.Contains(b, []byte(needle)) {
				t.Errorf("relay file %s contains %q", filepath.Base(f), needle)
			}
		}
	}
}
