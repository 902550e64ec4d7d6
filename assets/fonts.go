// Package assets holds the files OwnPlan builds into its program, such as
// the fonts it embeds in the PDF documents it writes.
package assets

import _ "embed" // for go:embed

// The Noto Sans fonts, version 2.000, copied unmodified from the Fyne
// toolkit (fyne.io/fyne/v2 v2.7.1, theme/font). They cover Latin, Greek and
// Cyrillic, including £ and letters such as ë, Ó and Ł, but not Arabic,
// Hebrew or emoji. They are licensed under the SIL Open Font License 1.1;
// see [NotoSansLicense]. Callers must not modify the byte slices.
var (
	// NotoSansRegular is the TrueType file of Noto Sans Regular.
	//
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte

	// NotoSansBold is the TrueType file of Noto Sans Bold.
	//
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte

	// NotoSansItalic is the TrueType file of Noto Sans Italic.
	//
	//go:embed fonts/NotoSans-Italic.ttf
	NotoSansItalic []byte

	// NotoSansBoldItalic is the TrueType file of Noto Sans Bold Italic.
	//
	//go:embed fonts/NotoSans-BoldItalic.ttf
	NotoSansBoldItalic []byte
)

// NotoSansLicense is the copyright notice and licence (SIL Open Font
// License 1.1) of the Noto Sans fonts. The licence requires it to travel
// with the fonts, so an "About" or licences screen should show it.
//
//go:embed fonts/LICENSE-NotoSans.txt
var NotoSansLicense string
