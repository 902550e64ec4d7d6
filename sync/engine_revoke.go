package sync

import (
	"context"
	"encoding/base64"
	"fmt"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// Revoke removes a member's device from the circle: the relay stops
// serving it at once, a new circle key is sealed for every remaining
// member, and from then on everything is sealed with the new key, so the
// removed device can read nothing new. What it already had stays there.
func (e *Engine) Revoke(ctx context.Context, device string) error {
	if err := e.mustOwn(ctx, "remove people"); err != nil {
		return err
	}
	if device == e.id.Device {
		return fmt.Errorf("you cannot remove yourself: you own this plan")
	}
	m, ok, err := e.st.Member(ctx, device)
	if err != nil {
		return err
	}
	if !ok || m.Removed {
		return fmt.Errorf("there is no member %s: %w", device, store.ErrNotFound)
	}
	s, err := e.connect(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	// Catch up first, so the key goes to every member who has joined.
	if err := s.receive(ctx); err != nil {
		return err
	}
	if _, err := s.c.call(ctx, relay.Frame{Type: relay.TypeRevoke, Device: device}); err != nil {
		return fmt.Errorf("remove %s on the server: %w", m.Name, err)
	}
	old, _ := s.currentKey()
	next, key := old+1, NewCircleKey()
	members, err := e.st.Members(ctx, s.circle.ID)
	if err != nil {
		return err
	}
	var km KeysMessage
	for _, mm := range members {
		if mm.Device == device || mm.Device == e.id.Device {
			continue
		}
		dh, err := base64.StdEncoding.DecodeString(mm.DHKey)
		if err != nil {
			continue
		}
		sh, err := SealKey(s.circle.ID, next, key, mm.Device, dh)
		if err != nil {
			continue
		}
		km.Shares = append(km.Shares, sh)
	}
	// The new key reaches the others before anything sealed with it.
	if err := s.put(ctx, KindKeys, old, km); err != nil {
		return fmt.Errorf("share the new circle key: %w", err)
	}
	if err := e.st.AddCircleKey(ctx, s.circle.ID, next, key); err != nil {
		return err
	}
	s.keys[next] = key
	if err := e.st.RemoveMember(ctx, device); err != nil {
		return err
	}
	return s.send(ctx)
}

// SetRole changes a member's role. The change syncs to every device,
// which from then on applies that member's changes by the new role.
func (e *Engine) SetRole(ctx context.Context, device string, role store.Role) error {
	if err := e.mustOwn(ctx, "change what people may do"); err != nil {
		return err
	}
	if role == store.RoleOwner || !validRole(role) {
		return fmt.Errorf("choose editor, commenter or viewer")
	}
	if device == e.id.Device {
		return fmt.Errorf("you own this plan; your own role cannot change")
	}
	m, ok, err := e.st.Member(ctx, device)
	if err != nil {
		return err
	}
	if !ok || m.Removed {
		return fmt.Errorf("there is no member %s: %w", device, store.ErrNotFound)
	}
	return e.st.SetMemberRole(ctx, device, role)
}
