package sync

import (
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

// Kind says what an envelope carries.
type Kind byte

// The kinds of envelope.
const (
	KindChanges Kind = 1 // a batch of field changes, sealed with the circle key
	KindKeys    Kind = 2 // a new circle key, sealed for each member's device
	KindJoin    Kind = 3 // a new member's request to join, for the owner
	KindBlob    Kind = 4 // one chunk of an evidence file, sealed with the circle key
)

// magic starts every envelope: "OwnPlan sync, format 1".
var magic = []byte("OPS1")

// maxPlain bounds a payload after decompression, so a hostile envelope
// cannot exhaust memory.
const maxPlain = 64 << 20

// Header is the part of an envelope the relay could read: what kind it
// is, which circle key sealed it, and who sent it. It is authenticated
// with the content.
type Header struct {
	Kind   Kind
	Epoch  int
	Circle string
	Sender string
}

// ErrUnreadable means an envelope is damaged, forged or sealed with a key
// this device does not have.
var ErrUnreadable = errors.New("could not be read: it is damaged, forged or sealed with another key")

func (h Header) encode() []byte {
	b := append([]byte(nil), magic...)
	b = append(b, byte(h.Kind))
	b = binary.BigEndian.AppendUint32(b, uint32(h.Epoch))
	b = append(b, byte(len(h.Circle)))
	b = append(b, h.Circle...)
	b = append(b, byte(len(h.Sender)))
	b = append(b, h.Sender...)
	return b
}

// ReadHeader reads an envelope's header without opening it.
func ReadHeader(env []byte) (Header, int, error) {
	bad := fmt.Errorf("not an OwnPlan envelope: %w", ErrUnreadable)
	if len(env) < len(magic)+7 || !bytes.Equal(env[:len(magic)], magic) {
		return Header{}, 0, bad
	}
	p := len(magic)
	h := Header{Kind: Kind(env[p]), Epoch: int(binary.BigEndian.Uint32(env[p+1:]))}
	p += 5
	for _, dst := range []*string{&h.Circle, &h.Sender} {
		if p >= len(env) {
			return Header{}, 0, bad
		}
		n := int(env[p])
		p++
		if p+n > len(env) {
			return Header{}, 0, bad
		}
		*dst = string(env[p : p+n])
		p += n
	}
	return h, p, nil
}

// Seal compresses payload, signs it with signer and encrypts it with the
// 32-byte key. The signature is inside the encryption, so only members
// learn who wrote what; the header is authenticated too.
func Seal(h Header, key []byte, signer ed25519.PrivateKey, payload []byte) ([]byte, error) {
	if len(h.Circle) > 255 || len(h.Sender) > 255 {
		return nil, fmt.Errorf("seal: circle or device ID too long")
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	head := h.encode()
	var z bytes.Buffer
	level := flate.DefaultCompression
	if h.Kind == KindBlob {
		// Letters and photos are compressed already: store them as they are.
		level = flate.NoCompression
	}
	fw, _ := flate.NewWriter(&z, level)
	fw.Write(payload)
	fw.Close()
	sig := ed25519.Sign(signer, signedBytes(head, z.Bytes()))
	plain := append(z.Bytes(), sig...)
	out := make([]byte, 0, len(head)+aead.NonceSize()+len(plain)+aead.Overhead())
	out = append(out, head...)
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	out = append(out, nonce...)
	return aead.Seal(out, nonce, plain, head), nil
}

// signedBytes is what the sender signs: the header and a SHA-256 digest
// of the (compressed) body, so a large evidence chunk is hashed once
// rather than by every pass Ed25519 makes over its message.
func signedBytes(head, body []byte) []byte {
	sum := sha256.Sum256(body)
	b := append([]byte("ownplan-envelope-v1\x00"), head...)
	return append(b, sum[:]...)
}

// Opened is a decrypted envelope whose signature is still to be checked.
type Opened struct {
	Header Header
	head   []byte
	body   []byte // compressed payload
	sig    []byte
}

// Decrypt opens an envelope with the circle key. The content is not to
// be trusted until Verify checks who signed it.
func Decrypt(env, key []byte) (*Opened, error) {
	h, p, err := ReadHeader(env)
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	if len(env) < p+aead.NonceSize()+aead.Overhead()+ed25519.SignatureSize {
		return nil, ErrUnreadable
	}
	head, nonce, ct := env[:p], env[p:p+aead.NonceSize()], env[p+aead.NonceSize():]
	plain, err := aead.Open(nil, nonce, ct, head)
	if err != nil || len(plain) < ed25519.SignatureSize {
		return nil, ErrUnreadable
	}
	n := len(plain) - ed25519.SignatureSize
	return &Opened{Header: h, head: head, body: plain[:n], sig: plain[n:]}, nil
}

// Verify checks the envelope was signed by signer and returns its payload.
func (o *Opened) Verify(signer ed25519.PublicKey) ([]byte, error) {
	if len(signer) != ed25519.PublicKeySize || !ed25519.Verify(signer, signedBytes(o.head, o.body), o.sig) {
		return nil, fmt.Errorf("the signature does not match the sender: %w", ErrUnreadable)
	}
	return o.Unverified()
}

// Unverified returns the payload without checking the signature: only
// to read a public key that Verify must then check.
func (o *Opened) Unverified() ([]byte, error) {
	payload, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(o.body)), maxPlain+1))
	if err != nil || len(payload) > maxPlain {
		return nil, ErrUnreadable
	}
	return payload, nil
}

// Open decrypts an envelope with key, checks it was signed by signer, and
// returns its header and payload.
func Open(env, key []byte, signer ed25519.PublicKey) (Header, []byte, error) {
	o, err := Decrypt(env, key)
	if err != nil {
		return Header{}, nil, err
	}
	payload, err := o.Verify(signer)
	if err != nil {
		return Header{}, nil, err
	}
	return o.Header, payload, nil
}
