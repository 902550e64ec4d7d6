package relay

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Frame types. A client's request carries an ID that the reply repeats.
const (
	TypeChallenge    = "challenge"     // relay -> device on connect: Nonce, Time
	TypeHello        = "hello"         // device -> relay: Circle, Device, Sig; reply ok with Seq (mailbox's last)
	TypeCreate       = "create"        // device -> relay: Circle, Device, Key, Sig: a new circle it owns
	TypePut          = "put"           // device -> relay: Ref and Body; reply ack with Seq
	TypeRead         = "read"          // device -> relay: After, Limit; reply msgs with Body of messages (the device's own without content)
	TypeSub          = "sub"           // device -> relay: send notify frames when the mailbox grows
	TypeNotify       = "notify"        // relay -> device: Seq is the mailbox's last sequence number
	TypeInvitePut    = "invite-put"    // owner -> relay: Lookup, Verifier, Expires, Body (welcome)
	TypeInvitePeek   = "invite-peek"   // anyone -> relay: Lookup, Proof; reply welcome with Body
	TypeInviteUse    = "invite-use"    // new device -> relay: Lookup, Proof, Device, Key, Sig; reply welcome
	TypeInviteCancel = "invite-cancel" // owner -> relay: Lookup
	TypeRevoke       = "revoke"        // owner -> relay: Device
	TypeOK           = "ok"
	TypeAck          = "ack"
	TypeMsgs         = "msgs"
	TypeWelcome      = "welcome"
	TypeError        = "error" // Code and Error say why
)

// Error codes in error frames.
const (
	CodeBadRequest    = "bad-request"
	CodeUnauthorised  = "unauthorised"
	CodeUnknownCircle = "unknown-circle"
	CodeUnknownDevice = "unknown-device"
	CodeRevoked       = "revoked"
	CodeExists        = "exists"
	CodeNotOwner      = "not-owner"
	CodeInviteUnknown = "invite-unknown"
	CodeInviteExpired = "invite-expired"
	CodeInviteUsed    = "invite-used"
	CodeInviteCancel  = "invite-cancelled"
	CodeTooBig        = "too-big"
	CodeInternal      = "internal"
)

// Frame is one protocol message.
type Frame struct {
	Type     string `json:"type"`
	ID       int64  `json:"id,omitempty"`
	Circle   string `json:"circle,omitempty"`
	Device   string `json:"device,omitempty"`
	Key      []byte `json:"key,omitempty"`
	Sig      []byte `json:"sig,omitempty"`
	Nonce    []byte `json:"nonce,omitempty"`
	Time     int64  `json:"time,omitempty"` // the relay's clock, Unix milliseconds
	Seq      int64  `json:"seq,omitempty"`
	After    int64  `json:"after,omitempty"`
	Limit    int    `json:"limit,omitempty"`
	Ref      string `json:"ref,omitempty"`
	Lookup   string `json:"lookup,omitempty"`
	Proof    []byte `json:"proof,omitempty"`
	Verifier []byte `json:"verifier,omitempty"`
	Expires  int64  `json:"expires,omitempty"` // Unix milliseconds
	Code     string `json:"code,omitempty"`
	Error    string `json:"error,omitempty"`
	// Size is the body's length, set by Marshal and checked by
	// ParseFrame, so a message cut short is refused, never taken as
	// whole: when a connection drops exactly between two reads,
	// github.com/coder/websocket (v1.8.15) ends the message there without
	// an error, and a relay that stored the half it got would hand out a
	// batch nobody can open (and, asked again under the same Ref, return
	// it as stored).
	Size int    `json:"size,omitempty"`
	Body []byte `json:"-"`
}

// Marshal encodes f as one websocket message: the header's length (4
// bytes), the JSON header, then the body.
func (f Frame) Marshal() []byte {
	f.Size = len(f.Body)
	h, _ := json.Marshal(f)
	out := make([]byte, 4, 4+len(h)+len(f.Body))
	binary.BigEndian.PutUint32(out, uint32(len(h)))
	out = append(out, h...)
	return append(out, f.Body...)
}

// ErrMalformed means a websocket message is not a Frame.
var ErrMalformed = errors.New("malformed frame")

// ParseFrame decodes one websocket message.
func ParseFrame(b []byte) (Frame, error) {
	if len(b) < 4 {
		return Frame{}, ErrMalformed
	}
	n := int(binary.BigEndian.Uint32(b))
	if n > len(b)-4 || n > 64<<10 {
		return Frame{}, ErrMalformed
	}
	var f Frame
	if err := json.Unmarshal(b[4:4+n], &f); err != nil || f.Type == "" {
		return Frame{}, ErrMalformed
	}
	if len(b) > 4+n {
		f.Body = b[4+n:]
	}
	if len(f.Body) != f.Size {
		return Frame{}, fmt.Errorf("%w: %d bytes of a %d-byte body (cut short?)", ErrMalformed, len(f.Body), f.Size)
	}
	return f, nil
}

// AuthMessage is what a device signs to prove who it is: the relay's
// fresh challenge, the circle and the device.
func AuthMessage(nonce []byte, circle, device string) []byte {
	b := append([]byte("ownplan-relay-auth-v1\x00"), nonce...)
	return append(b, []byte("\x00"+circle+"\x00"+device)...)
}

// Verifier is the hash of an invite's proof that the relay keeps: it can
// check a proof without being able to make one.
func Verifier(proof []byte) []byte {
	h := sha256.Sum256(append([]byte("ownplan-invite-verifier\x00"), proof...))
	return h[:]
}

// Message is one sealed batch in a circle's mailbox.
type Message struct {
	Seq    int64
	Sender string
	Time   time.Time
	Body   []byte
}

// EncodeMessages packs messages into one frame body.
func EncodeMessages(ms []Message) []byte {
	var out []byte
	for _, m := range ms {
		out = binary.BigEndian.AppendUint64(out, uint64(m.Seq))
		out = binary.BigEndian.AppendUint64(out, uint64(m.Time.UnixMilli()))
		out = append(out, byte(len(m.Sender)))
		out = append(out, m.Sender...)
		out = binary.BigEndian.AppendUint32(out, uint32(len(m.Body)))
		out = append(out, m.Body...)
	}
	return out
}

// DecodeMessages unpacks a frame body made by EncodeMessages.
func DecodeMessages(b []byte) ([]Message, error) {
	var out []Message
	for len(b) > 0 {
		if len(b) < 17 {
			return nil, fmt.Errorf("messages: %w", ErrMalformed)
		}
		m := Message{Seq: int64(binary.BigEndian.Uint64(b)), Time: time.UnixMilli(int64(binary.BigEndian.Uint64(b[8:])))}
		n := int(b[16])
		b = b[17:]
		if len(b) < n+4 {
			return nil, fmt.Errorf("messages: %w", ErrMalformed)
		}
		m.Sender = string(b[:n])
		size := int(binary.BigEndian.Uint32(b[n:]))
		b = b[n+4:]
		if len(b) < size {
			return nil, fmt.Errorf("messages: %w", ErrMalformed)
		}
		m.Body = b[:size:size]
		b = b[size:]
		out = append(out, m)
	}
	return out, nil
}
