package doctext

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// docxText reads the words of a Word document: the paragraphs of
// word/document.xml, with tabs and line breaks, then those of its headers
// and footers (where letters often carry "Our ref") and its footnotes
// and endnotes. The XML is unpacked through a limit on all the parts
// together, so a zip bomb stops at Limits.Inflate.
func docxText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", err
	}
	var doc *zip.File
	var more []*zip.File
	for _, f := range zr.File {
		switch name := f.Name; {
		case name == "word/document.xml":
			doc = f
		case name == "word/footnotes.xml", name == "word/endnotes.xml",
			strings.HasPrefix(name, "word/header") && strings.HasSuffix(name, ".xml"),
			strings.HasPrefix(name, "word/footer") && strings.HasSuffix(name, ".xml"):
			if len(more) < 32 {
				more = append(more, f)
			}
		}
	}
	if doc == nil {
		return "", errors.New("no word/document.xml")
	}
	out := &limitedBuilder{limit: lim.Text}
	budget := lim.Inflate
	for i, f := range append([]*zip.File{doc}, more...) {
		if i > 0 {
			if err := out.add("\n"); err != nil {
				return out.String(), err
			}
		}
		n, err := docxPart(ctx, f, budget, out)
		budget -= n
		if err != nil && (i == 0 || errors.Is(err, errBomb) || errors.Is(err, errTooMuch) || ctx.Err() != nil) {
			return out.String(), err
		}
		// A damaged header is left out; the document's words are kept.
	}
	return out.String(), nil
}

// docxPart writes the words of one part of a Word document to out,
// unpacking at most budget bytes, and returns how many it unpacked.
func docxPart(ctx context.Context, f *zip.File, budget int64, out *limitedBuilder) (int64, error) {
	if f.UncompressedSize64 > uint64(budget) {
		return 0, errBomb
	}
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	// The size in the zip's directory can lie; the limit cannot.
	in := &countingReader{r: io.LimitReader(rc, budget+1)}
	dec := xml.NewDecoder(in)
	inText := false
	for {
		if in.n > budget {
			return in.n, errBomb
		}
		if err := ctx.Err(); err != nil {
			return in.n, err
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if in.n > budget {
				return in.n, errBomb
			}
			return in.n, err
		}
		var add string
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				add = "\t"
			case "br", "cr":
				add = "\n"
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				add = "\n"
			case "tc":
				add = "\t"
			}
		case xml.CharData:
			if inText {
				add = string(t)
			}
		}
		if add != "" {
			if err := out.add(add); err != nil {
				return in.n, err
			}
		}
	}
	return in.n, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
