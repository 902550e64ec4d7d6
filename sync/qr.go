package sync

import (
	"fmt"
	"image"

	qr "github.com/piglig/go-qr"
)

// QRCode draws text (an invite code with its relay) as a QR code image
// that a phone camera can read, scale pixels per module with the quiet
// border the standard asks for.
func QRCode(text string, scale int) (image.Image, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, fmt.Errorf("make QR code: %w", err)
	}
	img, err := code.ToImage(qr.NewQrCodeImgConfig(scale, 4))
	if err != nil {
		return nil, fmt.Errorf("make QR code: %w", err)
	}
	return img, nil
}
