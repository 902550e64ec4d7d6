// Package sync shares a plan between the devices of a circle: the owner
// and the supporters they invite. It never lets the relay read anything.
//
// Each device has an Ed25519 signing key and an X25519 key (identity.go).
// The circle shares a symmetric key; every batch of changes is
// compressed, signed by its author and sealed with XChaCha20-Poly1305
// (envelope.go). Invites are short one-time codes (invite.go) that unlock
// a welcome package left on the relay (welcome.go); both screens then
// show the same safety phrase (safety.go). Roles decide who may change
// what (roles.go), checked before a local change and again by every
// device before it applies a received one. Removing a member rotates the
// circle key (keyshare.go). The Engine (engine*.go) runs sync rounds over
// a websocket to the relay (client.go), resuming from the relay's
// sequence numbers, never from times.
package sync
