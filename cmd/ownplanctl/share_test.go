package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/sync/relay"
)

func shareRelay(t *testing.T) (url string, stop func()) {
	t.Helper()
	st, err := relay.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "relay.db"))
	if err != nil {
		t.Fatal(err)
	}
	srv := relay.NewServer(st, relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	hs := httptest.NewServer(srv.Handler())
	stop = func() { srv.Shutdown(); hs.Close(); st.Close() }
	t.Cleanup(stop)
	return "ws" + strings.TrimPrefix(hs.URL, "http"), stop
}

func shareLastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestShareCLI(t *testing.T) {
	url, stopRelay := shareRelay(t)
	owner := filepath.Join(t.TempDir(), "owner")
	sam := filepath.Join(t.TempDir(), "sam")
	if code, _, errOut := ctl(t, "--data", owner, "init", "--name", "Zoë Ó Briain"); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"share", "invite", "--name", "Sam"}, 2, "", "--role"},
		{[]string{"share", "invite", "--name", "Sam", "--role", "boss"}, 2, "", "not a role"},
		{[]string{"share", "invite", "--name", "Sam", "--role", "editor"}, 1, "", "sharing server"},
		{[]string{"share", "invite", "--name", "Sam", "--role", "editor", "--relay", "ws://192.0.2.1:80"}, 1, "", "use wss://"},
		{[]string{"share", "invite", "--name", "Sam", "--role", "editor", "--expires", "soon"}, 2, "", "not a length of time"},
		{[]string{"share", "status"}, 0, "Not shared with anyone", ""},
		{[]string{"sync"}, 1, "", "not shared"},
		{[]string{"share", "members"}, 0, "not shared with anyone", ""},
		{[]string{"share", "resolve", "x", "--keep", "mine"}, 2, "", "not a conflict number"},
	} {
		code, out, errOut := ctl(t, append([]string{"--data", owner}, tc.args...)...)
		if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", tc.args, code, out, errOut)
		}
	}

	code, out, errOut := ctl(t, "--data", owner, "share", "invite", "--name", "Sam", "--role", "editor", "--relay", url)
	if code != 0 {
		t.Fatalf("invite: %s", errOut)
	}
	invite := shareLastLine(out)
	if !strings.HasPrefix(invite, url+"/") || !strings.Contains(out, "works once") {
		t.Fatalf("invite output:\n%s", out)
	}
	// One symbol changed to another (never to itself).
	wrong := "Z"
	if strings.HasSuffix(strings.ToUpper(invite), wrong) {
		wrong = "Y"
	}
	if code, _, errOut := ctl(t, "--data", sam, "share", "join", invite[:len(invite)-1]+wrong, "--name", "Sam"); code != 1 || !strings.Contains(errOut, "mistyped") {
		t.Errorf("mistyped code: %d %s", code, errOut)
	}
	code, out, errOut = ctl(t, "--data", sam, "share", "join", invite, "--name", "Sam")
	if code != 0 || !strings.Contains(out, "You joined Zoë Ó Briain's plan as an editor") || !strings.Contains(out, "Safety phrase: ") {
		t.Fatalf("join: %d\n%s\n%s", code, out, errOut)
	}
	phrase := strings.TrimPrefix(strings.Split(out, "\n")[1], "Safety phrase: ")
	if code, _, errOut := ctl(t, "--data", filepath.Join(t.TempDir(), "x"), "share", "join", invite, "--name", "Eve"); code != 1 || !strings.Contains(errOut, "already been used") {
		t.Errorf("second join: %d %s", code, errOut)
	}
	if code, out, _ := ctl(t, "--data", owner, "sync"); code != 0 || !strings.HasPrefix(out, "sent ") {
		t.Fatalf("owner sync: %s", out)
	}
	code, out, _ = ctl(t, "--data", owner, "share", "members", "--json")
	var ms struct {
		Members []struct {
			Name         string `json:"name"`
			Role         string `json:"role"`
			SafetyPhrase string `json:"safety_phrase"`
		} `json:"members"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &ms) != nil || len(ms.Members) != 2 {
		t.Fatalf("members --json: %s", out)
	}
	if ms.Members[1].Name != "Sam" || ms.Members[1].Role != "editor" || ms.Members[1].SafetyPhrase != phrase {
		t.Errorf("members %+v, Sam's phrase %q", ms.Members, phrase)
	}
	if code, out, _ := ctl(t, "--data", owner, "share", "list"); code != 0 || !strings.Contains(out, phrase) {
		t.Errorf("share list:\n%s", out)
	}

	// Both change the same long text; the owner resolves the conflict.
	mine := "Please write or email first: long phone calls exhaust me on bad days."
	theirs := "Zoë prefers email. Meetings no longer than 45 minutes, with a break."
	ctl(t, "--data", owner, "profile", "set", "communication_needs", mine)
	ctl(t, "--data", sam, "profile", "set", "communication_needs", theirs)
	ctl(t, "--data", owner, "sync")
	if code, out, _ := ctl(t, "--data", sam, "share", "sync", "--once"); code != 0 || !strings.Contains(out, "received") {
		t.Errorf("share sync --once: %s", out)
	}
	ctl(t, "--data", owner, "sync")
	code, out, _ = ctl(t, "--data", owner, "plan", "conflicts", "--json")
	var cs []struct {
		ID     int64  `json:"id"`
		Mine   string `json:"mine"`
		Theirs string `json:"theirs"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &cs) != nil || len(cs) != 1 {
		t.Fatalf("conflicts: %s", out)
	}
	if code, out, _ := ctl(t, "--data", owner, "share", "conflicts"); code != 0 || !strings.Contains(out, mine) || !strings.Contains(out, theirs) {
		t.Errorf("share conflicts:\n%s", out)
	}
	if code, _, errOut := ctl(t, "--data", owner, "share", "resolve", "1"); code != 2 || !strings.Contains(errOut, "--keep") {
		t.Errorf("resolve without --keep: %s", errOut)
	}
	if code, _, errOut := ctl(t, "--data", owner, "share", "resolve", "1", "--keep", "mine"); code != 0 {
		t.Fatalf("resolve: %s", errOut)
	}
	ctl(t, "--data", owner, "sync")
	ctl(t, "--data", sam, "sync")
	if _, out, _ := ctl(t, "--data", sam, "profile", "show"); !strings.Contains(out, mine) {
		t.Errorf("the resolution did not reach Sam:\n%s", out)
	}

	// Status, then a viewer who cannot change anything.
	if code, out, _ := ctl(t, "--data", sam, "share", "status"); code != 0 || !strings.Contains(out, "Synced just now") || !strings.Contains(out, "You are an editor") {
		t.Errorf("status:\n%s", out)
	}
	if code, _, errOut := ctl(t, "--data", owner, "share", "role", "Sam", "viewer"); code != 0 {
		t.Fatal(errOut)
	}
	ctl(t, "--data", owner, "sync")
	ctl(t, "--data", sam, "sync")
	if code, _, errOut := ctl(t, "--data", sam, "profile", "set", "phone", "123"); code != 1 || !strings.Contains(errOut, "cannot change it") {
		t.Errorf("viewer change: %d %s", code, errOut)
	}
	if code, _, errOut := ctl(t, "--data", sam, "share", "invite", "--name", "Eve", "--role", "editor"); code != 1 || strings.TrimSpace(errOut) != "ownplanctl share invite: only the plan's owner can invite people" {
		t.Errorf("viewer invite: %d %q", code, errOut)
	}

	// Cancel an invite; revoke Sam.
	_, out, _ = ctl(t, "--data", owner, "share", "invite", "--name", "Ann", "--role", "viewer")
	var id string
	for _, l := range strings.Split(out, "\n") {
		if i := strings.Index(l, "cancel-invite "); i >= 0 {
			id = strings.TrimSpace(l[i+len("cancel-invite "):])
		}
	}
	annCode := shareLastLine(out)
	if code, out, errOut := ctl(t, "--data", owner, "share", "cancel-invite", id); code != 0 || !strings.Contains(out, "Ann") {
		t.Fatalf("cancel: %s %s", out, errOut)
	}
	if code, _, errOut := ctl(t, "--data", filepath.Join(t.TempDir(), "ann"), "share", "join", annCode, "--name", "Ann"); code != 1 || !strings.Contains(errOut, "cancelled") {
		t.Errorf("cancelled invite: %d %s", code, errOut)
	}
	if code, out, errOut := ctl(t, "--data", owner, "share", "revoke", "Sam"); code != 0 || !strings.Contains(out, "Sam can no longer") {
		t.Fatalf("revoke: %s %s", out, errOut)
	}
	if code, _, errOut := ctl(t, "--data", sam, "sync"); code != 1 || !strings.Contains(errOut, "no longer in this shared plan") {
		t.Errorf("revoked sync: %d %s", code, errOut)
	}
	if _, out, _ := ctl(t, "--data", sam, "share", "status"); !strings.Contains(out, "removed you") || strings.Contains(out, "You are a") {
		t.Errorf("revoked status:\n%s", out)
	}

	// The relay is down: exit 1, plain words, nothing lost.
	stopRelay()
	ctl(t, "--data", owner, "profile", "set", "phone", "01473 000000")
	code, _, errOut = ctl(t, "--data", owner, "sync")
	if code != 1 || !strings.Contains(errOut, "can't reach the server: your changes are safe on this computer") {
		t.Errorf("sync with the relay down: %d %s", code, errOut)
	}
	if _, out, _ := ctl(t, "--data", owner, "share", "status"); !strings.Contains(out, "Can't reach the server") || !strings.Contains(out, "1 change waiting") {
		t.Errorf("status with the relay down:\n%s", out)
	}
	if _, out, _ := ctl(t, "--data", owner, "profile", "show"); !strings.Contains(out, "01473 000000") {
		t.Error("the change made offline is missing")
	}
}
