package sync

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/ownplan/ownplan/store"
)

// Welcome is what an invited person's device needs to join: the circle,
// who owns it (the owner's keys are the root of trust), the role they
// are given and the circle's keys. The owner's device leaves it on the
// relay sealed with a key only the invite code gives.
type Welcome struct {
	Circle    string         `json:"circle"`
	Relay     string         `json:"relay"`
	Owner     string         `json:"owner"`
	OwnerName string         `json:"owner_name"`
	OwnerSign []byte         `json:"owner_sign"`
	OwnerDH   []byte         `json:"owner_dh"`
	Invite    string         `json:"invite"`
	Name      string         `json:"name"`
	Role      store.Role     `json:"role"`
	Expires   time.Time      `json:"expires"`
	Keys      map[int][]byte `json:"keys"`
	Epoch     int            `json:"epoch"`
}

func welcomeAD(c Code) []byte { return []byte("ownplan-welcome-v1\x00" + c.Lookup()) }

// SealWelcome signs w with the owner's key and seals it with the code's
// welcome key.
func SealWelcome(w Welcome, c Code, owner Identity) ([]byte, error) {
	body, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	sig := ed25519.Sign(owner.Sign, append([]byte("ownplan-welcome-sig-v1\x00"), body...))
	aead, _ := chacha20poly1305.NewX(c.WelcomeKey())
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	return aead.Seal(nonce, nonce, append(body, sig...), welcomeAD(c)), nil
}

// OpenWelcome opens a welcome package with the invite code.
func OpenWelcome(b []byte, c Code) (Welcome, error) {
	aead, _ := chacha20poly1305.NewX(c.WelcomeKey())
	if len(b) < aead.NonceSize()+aead.Overhead()+ed25519.SignatureSize {
		return Welcome{}, fmt.Errorf("the invitation on the server %w", ErrUnreadable)
	}
	plain, err := aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], welcomeAD(c))
	if err != nil {
		return Welcome{}, fmt.Errorf("the invitation on the server %w", ErrUnreadable)
	}
	body, sig := plain[:len(plain)-ed25519.SignatureSize], plain[len(plain)-ed25519.SignatureSize:]
	var w Welcome
	if err := json.Unmarshal(body, &w); err != nil {
		return Welcome{}, fmt.Errorf("the invitation on the server %w", ErrUnreadable)
	}
	if len(w.OwnerSign) != ed25519.PublicKeySize || !ed25519.Verify(w.OwnerSign, append([]byte("ownplan-welcome-sig-v1\x00"), body...), sig) {
		return Welcome{}, fmt.Errorf("the invitation's signature does not match: %w", ErrUnreadable)
	}
	if len(w.Keys[w.Epoch]) != chacha20poly1305.KeySize {
		return Welcome{}, fmt.Errorf("the invitation has no circle key: %w", ErrUnreadable)
	}
	return w, nil
}

// JoinRequest is the payload of a KindJoin envelope: a new member's
// device introducing itself to the owner's, with proof that it holds the
// invite code.
type JoinRequest struct {
	Invite  string `json:"invite"` // the code's lookup
	Device  string `json:"device"`
	Name    string `json:"name"`
	SignKey []byte `json:"sign_key"`
	DHKey   []byte `json:"dh_key"`
	MAC     []byte `json:"mac"`
}

func joinMAC(confirmKey []byte, r JoinRequest) []byte {
	m := hmac.New(sha256.New, confirmKey)
	for _, part := range [][]byte{[]byte(r.Invite), []byte(r.Device), []byte(r.Name), r.SignKey, r.DHKey} {
		m.Write([]byte{byte(len(part) >> 8), byte(len(part))})
		m.Write(part)
	}
	return m.Sum(nil)
}

// Prove sets the request's MAC from the invite code.
func (r *JoinRequest) Prove(c Code) { r.MAC = joinMAC(c.ConfirmKey(), *r) }

// Check reports whether the request's MAC matches an invite's confirm key.
func (r JoinRequest) Check(confirmKey []byte) bool {
	return hmac.Equal(r.MAC, joinMAC(confirmKey, r))
}
