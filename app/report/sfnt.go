package report

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// metrics is what the layout needs to know about one TrueType font: which
// characters it can draw and how wide each one is. Widths are in
// thousandths of the font size, rounded the same way fpdf rounds them, so
// that text measured here lines up with text fpdf draws.
type metrics struct {
	has   [0x10000 / 64]uint64 // bit set for each BMP rune the cmap maps to a real glyph
	width [0x10000]uint16      // advance width in 1/1000 em
}

// covers reports whether the font has a glyph for r.
func (m *metrics) covers(r rune) bool {
	return r >= 0 && r < 0x10000 && m.has[r>>6]&(1<<(uint(r)&63)) != 0
}

// parseMetrics reads the cmap, head, hhea, maxp and hmtx tables of a
// TrueType font. Only the Basic Multilingual Plane is recorded, because fpdf
// cannot encode characters beyond it.
func parseMetrics(ttf []byte) (*metrics, error) {
	tables, err := tableDirectory(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || cmap == nil || hmtx == nil {
		return nil, errors.New("the font is missing a table it needs (head, hhea, maxp, hmtx or cmap)")
	}
	unitsPerEm := int(binary.BigEndian.Uint16(head[18:]))
	if unitsPerEm == 0 {
		return nil, errors.New("the font has zero units per em")
	}
	numHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numHMetrics == 0 || len(hmtx) < 4*numHMetrics {
		return nil, errors.New("the font's hmtx table is too short")
	}
	advance := func(gid int) int {
		if gid >= numHMetrics {
			gid = numHMetrics - 1
		}
		w := int(binary.BigEndian.Uint16(hmtx[4*gid:]))
		if w >= 1<<15 { // fpdf treats these as zero too
			w = 0
		}
		return (w*1000 + unitsPerEm/2) / unitsPerEm
	}

	m := new(metrics)
	err = walkCmap(cmap, func(r rune, gid int) {
		if r < 0 || r >= 0x10000 || gid == 0 || gid >= numGlyphs {
			return
		}
		m.has[r>>6] |= 1 << (uint(r) & 63)
		m.width[r] = uint16(advance(gid))
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// tableDirectory returns the font's tables by tag.
func tableDirectory(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("the font file is too short")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errors.New("the font's table directory is cut short")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := ttf[12+16*i:]
		off := int(binary.BigEndian.Uint32(rec[8:]))
		size := int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(ttf) {
			return nil, fmt.Errorf("the font's %q table lies outside the file", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+size]
	}
	return tables, nil
}

// walkCmap calls fn for every character-to-glyph mapping in the best
// Unicode subtable of a cmap table: format 12 if there is one, else format 4.
func walkCmap(cmap []byte, fn func(r rune, gid int)) error {
	if len(cmap) < 4 {
		return errors.New("the font's cmap table is too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errors.New("the font's cmap table is cut short")
	}
	var best []byte
	bestFormat := 0
	for i := range n {
		rec := cmap[4+8*i:]
		platform := binary.BigEndian.Uint16(rec)
		encoding := binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		unicode := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		if !unicode || off+4 > len(cmap) {
			continue
		}
		format := int(binary.BigEndian.Uint16(cmap[off:]))
		if (format == 12 || format == 4) && format > bestFormat {
			best, bestFormat = cmap[off:], format
		}
	}
	switch bestFormat {
	case 12:
		return walkFormat12(best, fn)
	case 4:
		return walkFormat4(best, fn)
	}
	return errors.New("the font has no Unicode character map")
}

func walkFormat4(t []byte, fn func(r rune, gid int)) error {
	if len(t) < 14 {
		return errors.New("the font's cmap format 4 subtable is too short")
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if len(t) < ranges+2*segs {
		return errors.New("the font's cmap format 4 subtable is cut short")
	}
	for s := range segs {
		end := int(binary.BigEndian.Uint16(t[ends+2*s:]))
		start := int(binary.BigEndian.Uint16(t[starts+2*s:]))
		delta := int(binary.BigEndian.Uint16(t[deltas+2*s:]))
		rangeOff := int(binary.BigEndian.Uint16(t[ranges+2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			gid := 0
			if rangeOff == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				at := ranges + 2*s + rangeOff + 2*(c-start)
				if at+2 > len(t) {
					return errors.New("the font's cmap format 4 subtable points outside itself")
				}
				if g := int(binary.BigEndian.Uint16(t[at:])); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
			}
			fn(rune(c), gid)
		}
	}
	return nil
}

func walkFormat12(t []byte, fn func(r rune, gid int)) error {
	if len(t) < 16 {
		return errors.New("the font's cmap format 12 subtable is too short")
	}
	groups := int(binary.BigEndian.Uint32(t[12:]))
	if groups < 0 || len(t) < 16+12*groups {
		return errors.New("the font's cmap format 12 subtable is cut short")
	}
	for g := range groups {
		rec := t[16+12*g:]
		start := binary.BigEndian.Uint32(rec)
		end := binary.BigEndian.Uint32(rec[4:])
		gid := binary.BigEndian.Uint32(rec[8:])
		if end > 0x10FFFF || start > end {
			continue
		}
		for c := start; c <= end; c++ {
			fn(rune(c), int(gid+(c-start)))
		}
	}
	return nil
}
