package sync

import "crypto/ed25519"

func edSign(id Identity, msg []byte) []byte { return ed25519.Sign(id.Sign, msg) }
