package sync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// CreateCircle starts sharing this folder's plan through the relay at
// relayURL, with this device as the owner called ownerName.
func (e *Engine) CreateCircle(ctx context.Context, relayURL, ownerName string) (store.Circle, error) {
	if c, err := e.st.Circle(ctx); err == nil {
		return c, store.ErrAlreadyShared
	}
	url, err := ParseRelayURL(relayURL)
	if err != nil {
		return store.Circle{}, err
	}
	c, err := dialRelay(ctx, url)
	if err != nil {
		return store.Circle{}, err
	}
	defer c.close()
	if err := checkClock(e.Now(), c.relayTime()); err != nil {
		return store.Circle{}, err
	}
	circle := store.Circle{ID: store.NewID(), Relay: url, Owner: e.id.Device, OwnerName: ownerName,
		OwnerSign: e.id.SignPublic(), OwnerDH: e.id.DHPublic(), Role: store.RoleOwner, Epoch: 1, Created: time.Now()}
	if _, err := c.call(ctx, relay.Frame{Type: relay.TypeCreate, Circle: circle.ID, Device: e.id.Device,
		Key: e.id.SignPublic(), Sig: signAuth(e.id, c, circle.ID)}); err != nil {
		return store.Circle{}, fmt.Errorf("start sharing: %w", err)
	}
	if err := e.st.CreateCircle(ctx, circle, map[int][]byte{1: NewCircleKey()}); err != nil {
		return store.Circle{}, err
	}
	err = e.st.SaveMember(ctx, store.Member{Device: e.id.Device, Circle: circle.ID, Name: ownerName, Role: store.RoleOwner,
		SignKey: b64(e.id.SignPublic()), DHKey: b64(e.id.DHPublic()), Joined: time.Now()})
	return circle, err
}

// NewInvite is an invite just made: the code to give the person, and the
// invite as this device keeps it.
type NewInvite struct {
	Code   Code
	Invite store.Invite
}

// Invite makes a one-time invite code for name with role, working for
// life, and leaves the welcome package for it on the relay.
func (e *Engine) Invite(ctx context.Context, name string, role store.Role, life time.Duration) (NewInvite, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return NewInvite{}, fmt.Errorf("give the name of the person you are inviting")
	}
	if role == store.RoleOwner || !validRole(role) {
		return NewInvite{}, fmt.Errorf("invite someone as an editor, a commenter or a viewer")
	}
	if life <= 0 {
		life = DefaultInviteLife
	}
	if err := e.mustOwn(ctx, "invite people"); err != nil {
		return NewInvite{}, err
	}
	s, err := e.connect(ctx)
	if err != nil {
		return NewInvite{}, err
	}
	defer s.close()
	epoch, _ := s.currentKey()
	now := time.Now()
	code := NewCode(s.circle.Relay)
	inv := store.Invite{ID: store.NewID(), Circle: s.circle.ID, Lookup: code.Lookup(), Name: name, Role: role,
		ConfirmKey: code.ConfirmKey(), Created: now, Expires: now.Add(life)}
	w := Welcome{Circle: s.circle.ID, Relay: s.circle.Relay, Owner: e.id.Device, OwnerName: s.circle.OwnerName,
		OwnerSign: e.id.SignPublic(), OwnerDH: e.id.DHPublic(), Invite: inv.ID, Name: name, Role: role,
		Expires: inv.Expires, Keys: s.keys, Epoch: epoch}
	body, err := SealWelcome(w, code, e.id)
	if err != nil {
		return NewInvite{}, err
	}
	if _, err := s.c.call(ctx, relay.Frame{Type: relay.TypeInvitePut, Lookup: inv.Lookup, Verifier: code.Verifier(),
		Expires: inv.Expires.UnixMilli(), Body: body}); err != nil {
		return NewInvite{}, fmt.Errorf("leave the invite on the server: %w", err)
	}
	if err := e.st.SaveInvite(ctx, inv); err != nil {
		return NewInvite{}, err
	}
	// Send the plan now, so it is there when the person joins.
	if err := s.exchange(ctx); err != nil {
		e.recordProblem(ctx, err)
	} else {
		e.st.SetSyncResult(ctx, s.circle.ID, time.Now(), "")
	}
	return NewInvite{Code: code, Invite: inv}, nil
}

// ownerOnlyError is something only the plan's owner may do. It is
// store.ErrNotAllowed, in words that say why.
type ownerOnlyError string

func (e ownerOnlyError) Error() string { return "only the plan's owner can " + string(e) }
func (e ownerOnlyError) Unwrap() error { return store.ErrNotAllowed }

// mustOwn refuses, before anything is sent, what only the plan's owner
// may do; what is the deed in words: "invite people".
func (e *Engine) mustOwn(ctx context.Context, what string) error {
	c, err := e.st.Circle(ctx)
	if err != nil {
		return err
	}
	if c.Role != store.RoleOwner || c.Owner != e.id.Device {
		return ownerOnlyError(what)
	}
	return nil
}

func validRole(r store.Role) bool { _, err := store.ParseRole(string(r)); return err == nil }

// CancelInvite stops an invite from working, on the relay first so that
// nobody can use it from then on.
func (e *Engine) CancelInvite(ctx context.Context, id string) (store.Invite, error) {
	inv, err := e.st.FindInvite(ctx, id)
	if err != nil {
		return store.Invite{}, err
	}
	switch inv.State(time.Now()) {
	case store.InviteUsed:
		return inv, fmt.Errorf("%s has already joined with this invite; to stop sharing with them, remove them instead", inv.Name)
	case store.InviteCancelled:
		return inv, nil
	}
	s, err := e.connect(ctx)
	if err != nil {
		return inv, err
	}
	defer s.close()
	if _, err := s.c.call(ctx, relay.Frame{Type: relay.TypeInviteCancel, Lookup: inv.Lookup}); err != nil {
		var re *RelayError
		if !errors.As(err, &re) || re.Code != relay.CodeInviteUnknown {
			return inv, fmt.Errorf("cancel the invite on the server: %w", err)
		}
	}
	return inv, e.st.CancelInvite(ctx, inv.ID, time.Now())
}

// JoinPreview is what joining with a code would do, for the person to
// confirm: whose plan, what role, and the safety phrase both screens show.
type JoinPreview struct {
	Welcome      Welcome
	SafetyPhrase string
}

// relayInviteError turns the relay's refusal into advice.
func relayInviteError(err error) error {
	var re *RelayError
	if errors.As(err, &re) {
		switch re.Code {
		case relay.CodeInviteExpired:
			return ErrInviteExpired
		case relay.CodeInviteUsed:
			return ErrInviteUsed
		case relay.CodeInviteCancel:
			return ErrInviteCancelled
		case relay.CodeInviteUnknown:
			return ErrInviteUnknown
		}
	}
	return err
}

// PreviewJoin fetches and opens the welcome package for code without
// using the invite.
func (e *Engine) PreviewJoin(ctx context.Context, code Code) (JoinPreview, error) {
	c, err := dialRelay(ctx, code.Relay)
	if err != nil {
		return JoinPreview{}, err
	}
	defer c.close()
	if err := checkClock(e.Now(), c.relayTime()); err != nil {
		return JoinPreview{}, err
	}
	r, err := c.call(ctx, relay.Frame{Type: relay.TypeInvitePeek, Lookup: code.Lookup(), Proof: code.Proof()})
	if err != nil {
		return JoinPreview{}, relayInviteError(err)
	}
	w, err := OpenWelcome(r.Body, code)
	if err != nil {
		return JoinPreview{}, err
	}
	return JoinPreview{Welcome: w, SafetyPhrase: SafetyPhrase(e.id.SignPublic(), w.OwnerSign)}, nil
}

// Join uses the invite code: it registers this device with the relay,
// records the circle, asks the owner's device to add this one as name,
// and fetches the plan.
func (e *Engine) Join(ctx context.Context, code Code, name string) (JoinPreview, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return JoinPreview{}, fmt.Errorf("give your name, so the plan's owner knows who joined")
	}
	if _, err := e.st.Circle(ctx); err == nil {
		return JoinPreview{}, store.ErrAlreadyShared
	}
	c, err := dialRelay(ctx, code.Relay)
	if err != nil {
		return JoinPreview{}, err
	}
	defer c.close()
	if err := checkClock(e.Now(), c.relayTime()); err != nil {
		return JoinPreview{}, err
	}
	r, err := c.call(ctx, relay.Frame{Type: relay.TypeInvitePeek, Lookup: code.Lookup(), Proof: code.Proof()})
	if err != nil {
		return JoinPreview{}, relayInviteError(err)
	}
	w, err := OpenWelcome(r.Body, code)
	if err != nil {
		return JoinPreview{}, err
	}
	if _, err := c.call(ctx, relay.Frame{Type: relay.TypeInviteUse, Lookup: code.Lookup(), Proof: code.Proof(),
		Device: e.id.Device, Key: e.id.SignPublic(), Sig: signAuth(e.id, c, w.Circle)}); err != nil {
		return JoinPreview{}, relayInviteError(err)
	}
	circle := store.Circle{ID: w.Circle, Relay: code.Relay, Owner: w.Owner, OwnerName: w.OwnerName,
		OwnerSign: w.OwnerSign, OwnerDH: w.OwnerDH, Role: w.Role, Epoch: w.Epoch, Created: time.Now()}
	if err := e.st.CreateCircle(ctx, circle, w.Keys); err != nil {
		return JoinPreview{}, err
	}
	s := &session{e: e, c: c, circle: circle, keys: w.Keys}
	req := JoinRequest{Invite: code.Lookup(), Device: e.id.Device, Name: name, SignKey: e.id.SignPublic(), DHKey: e.id.DHPublic()}
	req.Prove(code)
	if err := s.put(ctx, KindJoin, w.Epoch, req); err != nil {
		return JoinPreview{}, fmt.Errorf("ask to join: %w", err)
	}
	p := JoinPreview{Welcome: w, SafetyPhrase: SafetyPhrase(e.id.SignPublic(), w.OwnerSign)}
	if err := s.exchange(ctx); err != nil {
		e.recordProblem(ctx, err)
		return p, err
	}
	e.st.SetSyncResult(ctx, circle.ID, time.Now(), "")
	return p, nil
}

// handleJoin is the owner's device adding a new member who used an
// invite: it checks the proof of the code, records the member, and seals
// every circle key for their device.
func (s *session) handleJoin(ctx context.Context, msg store.RelayMessage, o *Opened) error {
	st := s.e.st
	if s.circle.Role != store.RoleOwner {
		return st.SkipRelay(ctx, msg)
	}
	raw, err := o.Unverified()
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "a request to join that could not be read")
	}
	var req JoinRequest
	if err := json.Unmarshal(raw, &req); err != nil || req.Device != msg.Sender {
		return st.RefuseRelay(ctx, msg, 0, "a request to join that could not be read")
	}
	if _, err := o.Verify(req.SignKey); err != nil {
		return st.RefuseRelay(ctx, msg, 0, "a request to join with a signature that does not match")
	}
	inv, ok, err := st.InviteByLookup(ctx, req.Invite)
	if err != nil {
		return err
	}
	if !ok || !req.Check(inv.ConfirmKey) {
		return st.RefuseRelay(ctx, msg, 0, "a request to join without a valid invite code")
	}
	if !inv.Cancelled.IsZero() {
		return st.RefuseRelay(ctx, msg, 0, "a request to join with a cancelled invite")
	}
	if inv.UsedBy != "" && inv.UsedBy != req.Device {
		return st.RefuseRelay(ctx, msg, 0, "a second request to join with an invite already used")
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = inv.Name
	}
	if inv.UsedBy == "" {
		if err := st.SaveMember(ctx, store.Member{Device: req.Device, Circle: s.circle.ID, Name: name, Role: inv.Role,
			SignKey: b64(req.SignKey), DHKey: b64(req.DHKey), Joined: time.Now()}); err != nil {
			return err
		}
		if err := st.UseInvite(ctx, inv.ID, req.Device, time.Now()); err != nil {
			return err
		}
	}
	if err := st.MarkSeen(ctx, req.Device, time.Now()); err != nil {
		return err
	}
	// The welcome carried the keys of its day; send every key now in
	// case one was added since.
	var km KeysMessage
	for epoch, key := range s.keys {
		sh, err := SealKey(s.circle.ID, epoch, key, req.Device, req.DHKey)
		if err != nil {
			return st.RefuseRelay(ctx, msg, 0, "a request to join with a key that does not work")
		}
		km.Shares = append(km.Shares, sh)
	}
	epoch, _ := s.currentKey()
	if err := s.put(ctx, KindKeys, epoch, km); err != nil {
		return err
	}
	return st.SkipRelay(ctx, msg)
}
