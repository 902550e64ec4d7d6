package assets

import _ "embed" // for go:embed

// Icon is OwnPlan's application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
