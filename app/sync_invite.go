package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ownplan/ownplan/store"
	ownsync "github.com/ownplan/ownplan/sync"
)

// InviteRequest asks for a one-time invite code.
type InviteRequest struct {
	Name  string        // who it is for, as the owner calls them
	Role  store.Role    // editor, commenter or viewer
	Relay string        // the sharing server; needed only for the first invite
	Life  time.Duration // how long the code works (7 days when 0)
}

// InviteCode is an invite just made, to read out or show.
type InviteCode struct {
	Code   string       `json:"code"`  // relay and code, as typed: relay.example.org/7K2M-Q9XD-4HTB-WN3R
	Short  string       `json:"short"` // the code alone: 7K2M-Q9XD-4HTB-WN3R
	Relay  string       `json:"relay"`
	Invite store.Invite `json:"invite"`
}

// Invite makes a one-time invite code for someone to join this plan with
// a role. The first invite starts sharing, through req.Relay.
func (a *App) Invite(ctx context.Context, req InviteRequest) (InviteCode, error) {
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return InviteCode{}, err
	}
	c, err := a.store().Circle(ctx)
	if errors.Is(err, store.ErrNoCircle) {
		if strings.TrimSpace(req.Relay) == "" {
			return InviteCode{}, fmt.Errorf("this plan is not shared yet: give the sharing server's address, for example wss://relay.example.org")
		}
		if c, err = e.CreateCircle(ctx, req.Relay, a.personName(ctx)); err != nil {
			return InviteCode{}, err
		}
	} else if err != nil {
		return InviteCode{}, err
	} else if req.Relay != "" {
		if url, err := ownsync.ParseRelayURL(req.Relay); err != nil {
			return InviteCode{}, err
		} else if url != c.Relay {
			return InviteCode{}, fmt.Errorf("this plan is already shared through %s; leave out the server's address", c.Relay)
		}
	}
	inv, err := e.Invite(ctx, req.Name, req.Role, req.Life)
	if err != nil {
		return InviteCode{}, err
	}
	return InviteCode{Code: inv.Code.String(), Short: inv.Code.Short(), Relay: inv.Code.Relay, Invite: inv.Invite}, nil
}

// Invites returns the plan's invites, newest first.
func (a *App) Invites(ctx context.Context) ([]store.Invite, error) {
	c, err := a.store().Circle(ctx)
	if errors.Is(err, store.ErrNoCircle) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return a.store().Invites(ctx, c.ID)
}

// CancelInvite stops an invite code from working. id may be the start of
// the invite's ID.
func (a *App) CancelInvite(ctx context.Context, id string) (store.Invite, error) {
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return store.Invite{}, err
	}
	return e.CancelInvite(ctx, id)
}

// PreviewJoin looks up an invite code without using it: whose plan it
// is, the role it gives and the safety phrase to compare.
func (a *App) PreviewJoin(ctx context.Context, code, relay string) (ownsync.JoinPreview, error) {
	c, err := ownsync.ParseCode(code, relay)
	if err != nil {
		return ownsync.JoinPreview{}, err
	}
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return ownsync.JoinPreview{}, err
	}
	return e.PreviewJoin(ctx, c)
}

// ErrFolderHasData means a plan can be joined only in a folder with
// nothing of its own.
var ErrFolderHasData = errors.New("this folder already holds a plan of its own; someone else's plan needs its own folder, so start OwnPlan with --data and a new folder, then join there")

// Join uses an invite code to join someone's plan as name. The folder
// must hold nothing of its own (example data is cleared first): it
// becomes a copy of the shared plan, kept in sync.
func (a *App) Join(ctx context.Context, code, relay, name string) (ownsync.JoinPreview, error) {
	c, err := ownsync.ParseCode(code, relay)
	if err != nil {
		return ownsync.JoinPreview{}, err
	}
	if strings.TrimSpace(name) == "" {
		return ownsync.JoinPreview{}, fmt.Errorf("give your name, so the plan's owner knows who joined")
	}
	if _, err := a.store().Circle(ctx); err == nil {
		return ownsync.JoinPreview{}, store.ErrAlreadyShared
	}
	seq, err := a.store().LastSeq(ctx)
	if err != nil {
		return ownsync.JoinPreview{}, err
	}
	if seq > 0 {
		if !a.IsExample(ctx) {
			return ownsync.JoinPreview{}, ErrFolderHasData
		}
		// Check the code works before the example data goes.
		if _, err := a.PreviewJoin(ctx, code, relay); err != nil {
			return ownsync.JoinPreview{}, err
		}
		if err := a.ClearExample(ctx); err != nil {
			return ownsync.JoinPreview{}, err
		}
	}
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return ownsync.JoinPreview{}, err
	}
	return e.Join(ctx, c, name)
}

// Member is someone in the sharing circle, as the Sharing screen and
// `share members` show them.
type Member struct {
	store.Member
	You          bool   `json:"you"`
	SafetyPhrase string `json:"safety_phrase"` // the words both screens show
}

// Members returns the circle's members, the owner first.
func (a *App) Members(ctx context.Context) ([]Member, error) {
	st := a.store()
	c, err := st.Circle(ctx)
	if errors.Is(err, store.ErrNoCircle) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	e, err := ownsync.NewEngine(ctx, st)
	if err != nil {
		return nil, err
	}
	ms, err := st.Members(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	me := e.Identity()
	var out []Member
	for _, m := range ms {
		v := Member{Member: m, You: m.Device == me.Device}
		if key, err := syncDecodeKey(m.SignKey); err == nil && !v.You {
			v.SafetyPhrase = ownsync.SafetyPhrase(me.SignPublic(), key)
		}
		out = append(out, v)
	}
	return out, nil
}

// FindMember finds a member by their name or the start of their device
// ID.
func (a *App) FindMember(ctx context.Context, who string) (Member, error) {
	who = strings.TrimSpace(who)
	ms, err := a.Members(ctx)
	if err != nil {
		return Member{}, err
	}
	var found []Member
	for _, m := range ms {
		if strings.EqualFold(m.Name, who) || (len(who) >= 4 && strings.HasPrefix(m.Device, strings.ToUpper(who))) {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 0:
		return Member{}, fmt.Errorf("no one called %q is in this plan's circle (see share members): %w", who, store.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return Member{}, fmt.Errorf("more than one member matches %q; give their device ID from share members", who)
}

// Revoke removes a member: they stop receiving anything new at once (the
// circle's key changes), and keep only what they already had.
func (a *App) Revoke(ctx context.Context, who string) (Member, error) {
	m, err := a.FindMember(ctx, who)
	if err != nil {
		return Member{}, err
	}
	if m.You {
		return m, fmt.Errorf("you cannot remove yourself from your own plan")
	}
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return m, err
	}
	return m, e.Revoke(ctx, m.Device)
}

// SetMemberRole changes what a member may do.
func (a *App) SetMemberRole(ctx context.Context, who string, role store.Role) (Member, error) {
	m, err := a.FindMember(ctx, who)
	if err != nil {
		return Member{}, err
	}
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return m, err
	}
	if err := e.SetRole(ctx, m.Device, role); err != nil {
		return m, err
	}
	m.Role = role
	return m, nil
}

// StartSharing makes this plan shareable through the relay at url, with
// this device as the owner. Invite does it too, the first time.
func (a *App) StartSharing(ctx context.Context, url string) (store.Circle, error) {
	e, err := ownsync.NewEngine(ctx, a.store())
	if err != nil {
		return store.Circle{}, err
	}
	return e.CreateCircle(ctx, url, a.personName(ctx))
}
