package sync

import (
	"testing"

	qr "github.com/piglig/go-qr"
)

func TestSyncQRCodeReadsBack(t *testing.T) {
	code := NewCode("wss://relay.example.org").String()
	img, err := QRCode(code, 8)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 100 || b.Dx() != b.Dy() {
		t.Fatalf("image %v", b)
	}
	got, err := qr.Decode(img)
	if err != nil || got != code {
		t.Fatalf("decoded %q, %v; want %q", got, err, code)
	}
}
