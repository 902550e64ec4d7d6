package sync

import (
	"context"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"

	"github.com/ownplan/ownplan/store"
)

// Identity is this device's keys: Ed25519 to sign what it sends and
// X25519 to receive circle keys sealed for it.
type Identity struct {
	Device string
	Sign   ed25519.PrivateKey
	DH     *ecdh.PrivateKey
}

// SignPublic returns the public signing key.
func (id Identity) SignPublic() ed25519.PublicKey { return id.Sign.Public().(ed25519.PublicKey) }

// DHPublic returns the public key-agreement key.
func (id Identity) DHPublic() []byte { return id.DH.PublicKey().Bytes() }

// LoadIdentity returns this device's keys, making them the first time.
// They are kept in the data folder's database, readable by this user only.
func LoadIdentity(ctx context.Context, st *store.Store) (Identity, error) {
	sec, ok, err := st.DeviceSecrets(ctx)
	if err != nil {
		return Identity{}, err
	}
	if !ok {
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return Identity{}, fmt.Errorf("make device keys: %w", err)
		}
		dh, err := ecdh.X25519().GenerateKey(rand.Reader)
		if err != nil {
			return Identity{}, fmt.Errorf("make device keys: %w", err)
		}
		if sec, err = st.SaveDeviceSecrets(ctx, store.DeviceSecrets{Sign: seed, DH: dh.Bytes()}); err != nil {
			return Identity{}, err
		}
	}
	if len(sec.Sign) != ed25519.SeedSize {
		return Identity{}, fmt.Errorf("this computer's sharing keys are damaged")
	}
	dh, err := ecdh.X25519().NewPrivateKey(sec.DH)
	if err != nil {
		return Identity{}, fmt.Errorf("this computer's sharing keys are damaged: %w", err)
	}
	return Identity{Device: st.DeviceID(), Sign: ed25519.NewKeyFromSeed(sec.Sign), DH: dh}, nil
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func unb64(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }
