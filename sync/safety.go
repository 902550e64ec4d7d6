package sync

import (
	"bytes"
	"crypto/sha256"
	"strings"
)

// SafetyPhrase returns five plain words derived from two devices' public
// signing keys. Both devices compute the same words, so two people can
// read them to each other and know they are connected to each other, not
// to someone who intercepted the invite code.
func SafetyPhrase(a, b []byte) string {
	if bytes.Compare(a, b) > 0 {
		a, b = b, a
	}
	h := sha256.New()
	h.Write([]byte("ownplan-safety-phrase-v1\x00"))
	h.Write(a)
	h.Write(b)
	sum := h.Sum(nil)
	words := make([]string, 5)
	for i := range words {
		words[i] = safetyWords[sum[i]]
	}
	return strings.Join(words, " ")
}
