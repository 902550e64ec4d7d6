package doctext

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
)

// docxText reads the words of a Word document: the paragraphs of
// word/document.xml, with tabs and line breaks. The XML is unpacked
// through a limit, so a zip bomb stops at Limits.Inflate.
func docxText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", err
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", errors.New("no word/document.xml")
	}
	if doc.UncompressedSize64 > uint64(lim.Inflate) {
		return "", errBomb
	}
	rc, err := doc.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	// The size in the zip's directory can lie; the limit cannot.
	in := &countingReader{r: io.LimitReader(rc, lim.Inflate+1)}
	dec := xml.NewDecoder(in)
	out := &limitedBuilder{limit: lim.Text}
	inText := false
	for {
		if in.n > lim.Inflate {
			return out.String(), errBomb
		}
		if err := ctx.Err(); err != nil {
			return out.String(), err
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if in.n > lim.Inflate {
				return out.String(), errBomb
			}
			return out.String(), err
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
				return out.String(), err
			}
		}
	}
	return out.String(), nil
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
