package sync

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// readPage is how many relay messages one read asks for.
const readPage = 200

// receive handles every message on the relay after this device's
// cursor, in the relay's order, then tries held messages again.
func (s *session) receive(ctx context.Context) error {
	circle, err := s.e.st.Circle(ctx)
	if err != nil {
		return err
	}
	// The next page is fetched while this one is handled.
	type page struct {
		ms  []relay.Message
		err error
	}
	fetch := func(after int64) <-chan page {
		ch := make(chan page, 1)
		go func() {
			r, err := s.c.call(ctx, relay.Frame{Type: relay.TypeRead, After: after, Limit: readPage})
			if err != nil {
				ch <- page{err: fmt.Errorf("receive changes: %w", err)}
				return
			}
			ms, err := relay.DecodeMessages(r.Body)
			if err != nil {
				err = fmt.Errorf("receive changes: %w", err)
			}
			ch <- page{ms, err}
		}()
		return ch
	}
	next := fetch(circle.RelaySeq)
	for {
		p := <-next
		if p.err != nil {
			return p.err
		}
		if len(p.ms) == 0 {
			break
		}
		next = fetch(p.ms[len(p.ms)-1].Seq)
		for _, m := range p.ms {
			if err := s.handle(ctx, m, false); err != nil {
				return err
			}
		}
	}
	if err := s.flush(ctx); err != nil {
		return err
	}
	return s.retryHeld(ctx)
}

// retryHeld tries the held messages again until no more can be read.
func (s *session) retryHeld(ctx context.Context) error {
	for {
		held, err := s.e.st.Inbox(ctx, s.circle.ID)
		if err != nil {
			return err
		}
		before := len(held)
		for _, h := range held {
			m := relay.Message{Seq: h.Seq, Sender: h.Sender, Body: h.Body}
			if err := s.handle(ctx, m, true); err != nil {
				return err
			}
		}
		if err := s.flush(ctx); err != nil {
			return err
		}
		after, err := s.e.st.Inbox(ctx, s.circle.ID)
		if err != nil {
			return err
		}
		if len(after) == 0 || len(after) >= before {
			s.res.Held = len(after)
			return s.checkMembership(ctx)
		}
	}
}

// handle reads one relay message and applies, holds or refuses it. The
// relay cursor moves past it in the same transaction, so it is handled
// exactly once; only a failure of this computer's own database stops it.
func (s *session) handle(ctx context.Context, m relay.Message, held bool) error {
	st := s.e.st
	msg := store.RelayMessage{Circle: s.circle.ID, Seq: m.Seq, Sender: m.Sender}
	if m.Sender == s.e.id.Device {
		// This device's own message (the relay sends only its number).
		return s.group(ctx, msg, nil)
	}
	h, _, err := ReadHeader(m.Body)
	if err == nil && h.Kind == KindChanges && h.Circle == s.circle.ID && h.Sender == m.Sender {
		if key, ok := s.keys[h.Epoch]; ok {
			if o, err := Decrypt(m.Body, key); err == nil {
				return s.handleChanges(ctx, msg, m.Body, o)
			}
		}
	}
	// Anything else is handled on its own, after the changes before it.
	if err := s.flush(ctx); err != nil {
		return err
	}
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "not an OwnPlan message")
	}
	if h.Circle != s.circle.ID || h.Sender != m.Sender {
		return st.RefuseRelay(ctx, msg, 0, "addressed to another circle or signed as another device")
	}
	key, ok := s.keys[h.Epoch]
	if !ok {
		return st.HoldRelay(ctx, msg, m.Body, "sealed with a circle key that has not arrived yet")
	}
	o, err := Decrypt(m.Body, key)
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "could not be read: damaged or forged")
	}
	switch h.Kind {
	case KindJoin:
		return s.handleJoin(ctx, msg, o)
	case KindKeys:
		return s.handleKeys(ctx, msg, o)
	case KindChanges:
		return s.handleChanges(ctx, msg, m.Body, o)
	case KindBlob:
		return s.handleBlob(ctx, msg, m.Body, o)
	}
	return st.SkipRelay(ctx, msg)
}

// signer returns the public key and role of a device, from the owner's
// member records; removed is true for a member the owner removed.
func (s *session) signer(ctx context.Context, device string) (pub ed25519.PublicKey, role store.Role, name string, known, removed bool, err error) {
	if device == s.circle.Owner {
		return s.circle.OwnerSign, store.RoleOwner, s.circle.OwnerName, true, false, nil
	}
	m, ok, err := s.e.st.Member(ctx, device)
	if err != nil || !ok {
		return nil, "", "", false, false, err
	}
	if m.Removed {
		return nil, m.Role, m.Name, true, true, nil
	}
	k, err := unb64(m.SignKey)
	if err != nil || len(k) != ed25519.PublicKeySize {
		return nil, "", m.Name, false, false, nil
	}
	return k, m.Role, m.Name, true, false, nil
}

func (s *session) handleChanges(ctx context.Context, msg store.RelayMessage, body []byte, o *Opened) error {
	st := s.e.st
	pub, role, name, known, removed, err := s.signer(ctx, msg.Sender)
	if err != nil {
		return err
	}
	var payload []byte
	if known && !removed {
		payload, err = o.Verify(pub)
	}
	var b Batch
	if known && !removed && err == nil {
		err = json.Unmarshal(payload, &b)
	}
	if !known || removed || err != nil {
		if err := s.flush(ctx); err != nil {
			return err
		}
		switch {
		case removed:
			return st.RefuseRelay(ctx, msg, 0, fmt.Sprintf("sent by %s, who is no longer in the circle", nameOr(name)))
		case !known:
			return st.HoldRelay(ctx, msg, body, "from a new member whose details have not arrived yet")
		case payload == nil:
			return st.RefuseRelay(ctx, msg, 0, "the signature does not match the sender: damaged or forged")
		}
		return st.RefuseRelay(ctx, msg, 0, "could not be read")
	}
	var ok []store.RemoteChange
	refused, members := 0, false
	for _, c := range b.Changes {
		if c.Device != msg.Sender || !Allowed(role, c.Table) {
			refused++
			continue
		}
		if c.Table == store.MembersTable {
			members = true
		}
		ok = append(ok, c)
	}
	if err := s.group(ctx, msg, ok); err != nil {
		return err
	}
	if refused == 0 && !members {
		return nil
	}
	// Who may sign what changes with the member records, and refusals are
	// recorded message by message: both need the group applied first.
	s.membersChanged = s.membersChanged || members
	if err := s.flush(ctx); err != nil {
		return err
	}
	if refused > 0 {
		s.res.Refused += refused
		reason := fmt.Sprintf("%s is a %s in this circle and %s", nameOr(name), role, role.Describe())
		return st.RefuseRelay(ctx, msg, refused, reason)
	}
	return nil
}

// groupChanges is how many changes a group holds before it is applied.
const groupChanges = 5000

// group adds a message, and the changes from it that may be applied, to
// the group that the next flush applies in one transaction.
func (s *session) group(ctx context.Context, msg store.RelayMessage, changes []store.RemoteChange) error {
	s.pendingMsgs = append(s.pendingMsgs, msg)
	s.pending = append(s.pending, changes...)
	if len(s.pending) >= groupChanges || len(s.pendingMsgs) >= readPage {
		return s.flush(ctx)
	}
	return nil
}

// flush applies the grouped messages' changes and moves the relay cursor
// past them, in one transaction. Everything that handles a message
// otherwise flushes first, so the cursor never passes a message whose
// changes are not applied.
func (s *session) flush(ctx context.Context) error {
	if len(s.pendingMsgs) == 0 {
		return nil
	}
	res, err := s.e.st.ApplyRelayMessages(ctx, s.pendingMsgs, s.pending)
	s.pendingMsgs, s.pending = s.pendingMsgs[:0], s.pending[:0]
	if err != nil {
		return err
	}
	s.res.Received += len(res.Applied)
	s.res.Conflicts += res.Conflicts
	return nil
}

func nameOr(name string) string {
	if name == "" {
		return "someone"
	}
	return name
}

// handleKeys takes the circle keys the owner sealed for this device.
func (s *session) handleKeys(ctx context.Context, msg store.RelayMessage, o *Opened) error {
	st := s.e.st
	if msg.Sender != s.circle.Owner {
		return st.RefuseRelay(ctx, msg, 0, "circle keys sent by someone other than the owner")
	}
	payload, err := o.Verify(s.circle.OwnerSign)
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "circle keys with a signature that does not match the owner's")
	}
	var km KeysMessage
	if err := json.Unmarshal(payload, &km); err != nil {
		return st.RefuseRelay(ctx, msg, 0, "could not be read")
	}
	for _, sh := range km.Shares {
		if sh.Device != s.e.id.Device {
			continue
		}
		key, err := OpenKey(s.circle.ID, sh, s.e.id)
		if err != nil {
			return st.RefuseRelay(ctx, msg, 0, "a circle key this device could not open")
		}
		if err := st.AddCircleKey(ctx, s.circle.ID, sh.Epoch, key); err != nil {
			return err
		}
		s.keys[sh.Epoch] = key
	}
	return st.SkipRelay(ctx, msg)
}

// checkMembership updates this device's role, or marks it removed, when
// the owner's member records about it changed.
func (s *session) checkMembership(ctx context.Context) error {
	if !s.membersChanged || s.circle.Owner == s.e.id.Device {
		return nil
	}
	s.membersChanged = false
	me, ok, err := s.e.st.Member(ctx, s.e.id.Device)
	if err != nil || !ok {
		return err
	}
	if me.Removed {
		if err := s.e.st.SetCircleState(ctx, s.circle.ID, store.CircleRemoved); err != nil {
			return err
		}
		return ErrRemoved
	}
	if me.Role != s.circle.Role && me.Role != "" && me.Role != store.RoleOwner {
		s.circle.Role = me.Role
		return s.e.st.SetCircleRole(ctx, s.circle.ID, me.Role)
	}
	return nil
}
