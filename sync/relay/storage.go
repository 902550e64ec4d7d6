package relay

import (
	"context"
	"errors"
	"time"
)

// Storage keeps the relay's circles, device keys, mailboxes and invites.
// SQLite (OpenSQLite) serves one relay; a shared database such as
// PostgreSQL can implement the same interface for several relays behind
// a load balancer, without any change to the protocol.
type Storage interface {
	// CreateCircle registers a new circle owned by device, whose public
	// signing key is key. ErrExists when the circle is already there.
	CreateCircle(ctx context.Context, circle, device string, key []byte, now time.Time) error
	// Device returns a device registered to circle; ErrNotFound when none.
	Device(ctx context.Context, circle, device string) (Device, error)
	// RevokeDevice stops a device from using the circle's mailbox.
	RevokeDevice(ctx context.Context, circle, device string) error
	// Append adds a message to the circle's mailbox and returns its
	// sequence number, one more than the last. When ref is not empty and
	// sender already stored a message with that ref, nothing is added and
	// that message's number is returned, so a retried put is stored once.
	Append(ctx context.Context, circle, sender, ref string, body []byte, now time.Time) (int64, error)
	// Read returns up to limit messages after sequence number after,
	// stopping early once maxBytes of bodies have been read.
	Read(ctx context.Context, circle string, after int64, limit, maxBytes int) ([]Message, error)
	// LastSeq returns the circle's last sequence number (0 when empty).
	LastSeq(ctx context.Context, circle string) (int64, error)
	// PutInvite stores an invite's welcome package.
	PutInvite(ctx context.Context, inv Invite) error
	// Invite returns an invite; ErrNotFound when none.
	Invite(ctx context.Context, lookup string) (Invite, error)
	// UseInvite marks an invite used by device and registers the
	// device's key to the invite's circle, at once, only when the invite
	// is still waiting at time now; otherwise it returns the invite's
	// state as ErrInviteUsed, ErrInviteExpired or ErrInviteCancelled.
	UseInvite(ctx context.Context, lookup, device string, key []byte, now time.Time) (Invite, error)
	// CancelInvite stops an invite of circle from working.
	CancelInvite(ctx context.Context, circle, lookup string) error
	// Close releases the storage.
	Close() error
}

// Device is a device registered to a circle.
type Device struct {
	Circle  string
	ID      string
	Key     []byte // Ed25519 public key
	Owner   bool
	Revoked bool
}

// Invite is an invite's welcome package, sealed by the owner's device.
type Invite struct {
	Lookup    string
	Circle    string
	Verifier  []byte
	Body      []byte
	Created   time.Time
	Expires   time.Time
	UsedBy    string
	Cancelled bool
}

// Storage errors.
var (
	ErrNotFound        = errors.New("not found")
	ErrExists          = errors.New("already exists")
	ErrInviteUsed      = errors.New("invite already used")
	ErrInviteExpired   = errors.New("invite expired")
	ErrInviteCancelled = errors.New("invite cancelled")
)
