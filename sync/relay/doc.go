// Package relay is OwnPlan's sync relay: a store-and-forward mailbox per
// sharing circle. Devices put sealed batches in; the relay numbers them
// with a sequence that only grows and hands them to the circle's other
// devices, pushing a notice to those connected. It authenticates devices
// by a signature over a fresh challenge, with public keys registered to
// the circle, and never sees content: only circle IDs, device IDs, sizes
// and times.
//
// The protocol runs over a websocket at /v1/ws. Every websocket message
// is one Frame: a JSON header and an optional binary body.
package relay
