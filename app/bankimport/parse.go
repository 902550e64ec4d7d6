package bankimport

import (
	"context"
	"io"
	"path/filepath"
	"strings"
)

// Parse reads a bank statement in any format the package knows: OFX or
// QFX when the content (or, failing that, the file name's extension) says
// so, CSV otherwise. name is the file's name, used only for its extension;
// it may be "". The columns of a CSV file are detected; to read one with
// columns a person chose, use ParseCSV.
func Parse(ctx context.Context, r io.Reader, name string) (*Statement, error) {
	in, err := openInput(ctx, r)
	if err != nil {
		return nil, err
	}
	head, _ := in.Peek(4096) // errors come back from the full read
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ofx", ".qfx", ".qbo":
		return parseOFX(in)
	}
	if looksLikeOFX(head) {
		return parseOFX(in)
	}
	return parseCSV(in, nil)
}
