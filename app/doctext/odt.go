package doctext

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// odtText reads the words of an OpenDocument text file (.odt, as
// LibreOffice and OpenOffice save): the paragraphs and headings of
// content.xml, with tabs, line breaks and runs of spaces. Like a DOCX, it
// is unpacked through a limit, so a zip bomb stops at Limits.Inflate.
func odtText(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", err
	}
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
			break
		}
	}
	if content == nil {
		return "", errors.New("no content.xml")
	}
	if content.UncompressedSize64 > uint64(lim.Inflate) {
		return "", errBomb
	}
	rc, err := content.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	in := &countingReader{r: io.LimitReader(rc, lim.Inflate+1)}
	dec := xml.NewDecoder(in)
	out := &limitedBuilder{limit: lim.Text}
	// Words are inside the document's body; styles and settings are not.
	inBody := 0
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
			case "body":
				inBody++
			case "tab":
				add = "\t"
			case "line-break":
				add = "\n"
			case "s": // c spaces, one when c is not given
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						if c, err := strconv.Atoi(a.Value); err == nil && c > 0 && c < 1000 {
							n = c
						}
					}
				}
				add = strings.Repeat(" ", n)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "body":
				inBody--
			case "p", "h", "list-item":
				add = "\n"
			case "table-cell":
				add = "\t"
			}
		case xml.CharData:
			add = string(t)
		}
		if add != "" && inBody > 0 {
			if err := out.add(add); err != nil {
				return out.String(), err
			}
		}
	}
	return out.String(), nil
}
