package sync

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ownplan/ownplan/sync/relay"
)

// crockford is Crockford's base-32 alphabet: no I, L, O or U, so a code
// read over the phone cannot be misheard as another letter.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// codeLen is the number of symbols in an invite code: 15 carry 75 random
// bits and the last is a check symbol that catches most mistypings.
const codeLen = 16

// DefaultInviteLife is how long an invite code works.
const DefaultInviteLife = 7 * 24 * time.Hour

// Errors about invite codes, in words for the person typing one.
var (
	ErrCodeMistyped    = errors.New("that code does not look right: a letter or number may be mistyped; check it with the person who gave it to you")
	ErrInviteExpired   = errors.New("this invite has expired; ask the person who invited you for a new code")
	ErrInviteUsed      = errors.New("this invite has already been used; each code works once, so ask for a new one")
	ErrInviteCancelled = errors.New("this invite was cancelled; ask the person who invited you for a new code")
	ErrInviteUnknown   = errors.New("the sharing server has no invite with this code; check the code and the server address")
)

// Code is an invite code: the relay to use and a one-time secret.
type Code struct {
	Relay  string // the relay's full address
	Secret string // 15 Crockford symbols
}

// NewCode makes a new random invite code for relay.
func NewCode(relay string) Code {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		panic("sync: no randomness available: " + err.Error())
	}
	var s strings.Builder
	for _, x := range b {
		s.WriteByte(crockford[x&31])
	}
	return Code{Relay: relay, Secret: s.String()}
}

func checkSymbol(secret string) byte {
	h := sha256.Sum256([]byte("ownplan-code-check\x00" + secret))
	return crockford[h[0]&31]
}

// Short returns the code alone in four groups: 7K2M-Q9XD-4HTB-WN3R.
func (c Code) Short() string {
	s := c.Secret + string(checkSymbol(c.Secret))
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// String returns the relay and the code, as a person types it in:
// relay.example.org/7K2M-Q9XD-4HTB-WN3R (the wss:// is understood).
func (c Code) String() string {
	return strings.TrimPrefix(c.Relay, "wss://") + "/" + c.Short()
}

// ParseCode reads an invite code as a person typed it: with or without
// the relay's address in front, in any case, with any spaces or dashes.
// Letters that look like digits are read as the digits (O as 0, I and L
// as 1). defaultRelay is used when the code has no address.
func ParseCode(s, defaultRelay string) (Code, error) {
	s = strings.TrimSpace(s)
	relay := defaultRelay
	if i := strings.LastIndex(s, "/"); i >= 0 {
		relay, s = s[:i], s[i+1:]
	}
	var sym strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-' || r == '.':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if !strings.ContainsRune(crockford, r) {
			return Code{}, fmt.Errorf("%q is not in an invite code; codes use only digits and the letters A to Z without U: %w", r, ErrCodeMistyped)
		}
		sym.WriteRune(r)
	}
	str := sym.String()
	if len(str) != codeLen {
		return Code{}, fmt.Errorf("an invite code has 16 letters and digits in four groups, like 7K2M-Q9XD-4HTB-WN3R, but this has %d: %w", len(str), ErrCodeMistyped)
	}
	if checkSymbol(str[:15]) != str[15] {
		return Code{}, ErrCodeMistyped
	}
	if relay == "" {
		return Code{}, fmt.Errorf("the code does not say which sharing server to use; type it with the server's address in front, like relay.example.org/%s", s)
	}
	r, err := ParseRelayURL(relay)
	if err != nil {
		return Code{}, err
	}
	return Code{Relay: r, Secret: str[:15]}, nil
}

func (c Code) derive(purpose string, n int) []byte {
	k, err := hkdf.Key(sha256.New, []byte(c.Secret), nil, "ownplan invite "+purpose, n)
	if err != nil {
		panic(err)
	}
	return k
}

// Lookup is the name the relay knows the invite by. It reveals nothing
// of the secret.
func (c Code) Lookup() string { return hex.EncodeToString(c.derive("lookup", 16)) }

// Proof shows the relay that a device holds the code.
func (c Code) Proof() []byte { return c.derive("proof", 32) }

// Verifier is what the relay keeps to check a Proof.
func (c Code) Verifier() []byte { return relay.Verifier(c.Proof()) }

// WelcomeKey seals the welcome package.
func (c Code) WelcomeKey() []byte { return c.derive("welcome", 32) }

// ConfirmKey lets the owner's device check that a request to join came
// from the device holding the code.
func (c Code) ConfirmKey() []byte { return c.derive("confirm", 32) }
