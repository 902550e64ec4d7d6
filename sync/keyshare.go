package sync

import (
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeyShare is one circle key sealed for one member's device: only that
// device's X25519 private key opens it.
type KeyShare struct {
	Device string `json:"device"`
	Epoch  int    `json:"epoch"`
	Eph    []byte `json:"eph"` // the sender's one-time public key
	Box    []byte `json:"box"` // nonce and sealed key
}

// KeysMessage is the payload of a KindKeys envelope: circle keys for
// members, signed by the owner.
type KeysMessage struct {
	Shares []KeyShare `json:"shares"`
}

// NewCircleKey returns a new random 32-byte circle key.
func NewCircleKey() []byte {
	k := make([]byte, chacha20poly1305.KeySize)
	if _, err := rand.Read(k); err != nil {
		panic("sync: no randomness available: " + err.Error())
	}
	return k
}

func shareAD(circle, device string, epoch int) []byte {
	b := []byte("ownplan-keyshare-v1\x00" + circle + "\x00" + device + "\x00")
	return binary.BigEndian.AppendUint32(b, uint32(epoch))
}

func shareKey(secret, eph, recipient []byte) ([]byte, error) {
	salt := append(append([]byte(nil), eph...), recipient...)
	return hkdf.Key(sha256.New, secret, salt, "ownplan key share", chacha20poly1305.KeySize)
}

// SealKey seals the circle key of epoch for device, whose X25519 public
// key is dhPub.
func SealKey(circle string, epoch int, key []byte, device string, dhPub []byte) (KeyShare, error) {
	pub, err := ecdh.X25519().NewPublicKey(dhPub)
	if err != nil {
		return KeyShare{}, fmt.Errorf("seal key for %s: %w", device, err)
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return KeyShare{}, err
	}
	secret, err := eph.ECDH(pub)
	if err != nil {
		return KeyShare{}, fmt.Errorf("seal key for %s: %w", device, err)
	}
	k, err := shareKey(secret, eph.PublicKey().Bytes(), dhPub)
	if err != nil {
		return KeyShare{}, err
	}
	aead, _ := chacha20poly1305.NewX(k)
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	box := aead.Seal(nonce, nonce, key, shareAD(circle, device, epoch))
	return KeyShare{Device: device, Epoch: epoch, Eph: eph.PublicKey().Bytes(), Box: box}, nil
}

// OpenKey opens a key share sealed for this device.
func OpenKey(circle string, s KeyShare, id Identity) ([]byte, error) {
	eph, err := ecdh.X25519().NewPublicKey(s.Eph)
	if err != nil {
		return nil, ErrUnreadable
	}
	secret, err := id.DH.ECDH(eph)
	if err != nil {
		return nil, ErrUnreadable
	}
	k, err := shareKey(secret, s.Eph, id.DHPublic())
	if err != nil {
		return nil, err
	}
	aead, _ := chacha20poly1305.NewX(k)
	if len(s.Box) < aead.NonceSize()+aead.Overhead() {
		return nil, ErrUnreadable
	}
	key, err := aead.Open(nil, s.Box[:aead.NonceSize()], s.Box[aead.NonceSize():], shareAD(circle, s.Device, s.Epoch))
	if err != nil {
		return nil, ErrUnreadable
	}
	return key, nil
}
