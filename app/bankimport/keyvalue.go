package bankimport

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// Santander's online banking offers statements as a "Text file (TXT)" in
// which each payment is a block of labelled lines rather than a row:
//
//	From: 01/10/2026 to 31/10/2026
//
//	Account: XXXX XXXX XXXX 1234
//
//	Date: 03/10/2026
//	Description: CARD PAYMENT TO TESCO STORES 2234,12.50 GBP, RATE 1.00/GBP ON 01-10-2026
//	Amount: -12.50
//	Balance: 1387.50
//
// Such a file is turned into CSV with one row per block, each on the line
// of its block's "Date:" line, so that messages name the lines of the
// file the person has.

// keyValueFields are the labels of a block, in the order of the CSV
// columns made from them.
var keyValueFields = [...]string{"date", "description", "amount", "balance"}

// looksLikeKeyValue reports whether the start of a text file is a
// statement of labelled blocks: it has date and amount lines with a date
// and an amount in them, and most of its lines are labelled.
func looksLikeKeyValue(sample []byte) bool {
	var seen [len(keyValueFields)]bool
	labelled, lines := 0, 0
	for _, l := range bytes.SplitN(sample, []byte("\n"), 200) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		lines++
		i := keyValueField(string(l))
		_, v, _ := strings.Cut(string(l), ":")
		switch i {
		case -1:
			continue
		case 0:
			if _, ok := parseRawDate(v); !ok {
				continue
			}
		case 2:
			if _, _, ok := parseAmount(v); !ok {
				continue
			}
		}
		seen[i] = true
		labelled++
	}
	return seen[0] && seen[2] && labelled*2 >= lines
}

// keyValueField returns the index in keyValueFields of the label line l
// starts with, or -1.
func keyValueField(l string) int {
	label, _, ok := strings.Cut(strings.TrimSpace(l), ":")
	if !ok {
		return -1
	}
	for i, f := range keyValueFields {
		if strings.EqualFold(strings.TrimSpace(label), f) {
			return i
		}
	}
	return -1
}

// keyValueCSV turns a statement of labelled blocks into CSV.
func keyValueCSV(r io.Reader) ([]byte, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxFileSize)
	var out bytes.Buffer
	out.WriteString("Date,Description,Amount,Balance\n")
	outLine := 2 // the line the next byte of out is on
	var block [len(keyValueFields)]string
	blockLine, line := 0, 0
	flush := func() {
		if blockLine == 0 {
			return
		}
		for ; outLine < blockLine; outLine++ {
			out.WriteByte('\n')
		}
		for i, v := range block {
			if i > 0 {
				out.WriteByte(',')
			}
			out.WriteByte('"')
			out.WriteString(strings.ReplaceAll(v, `"`, `""`))
			out.WriteByte('"')
		}
		out.WriteByte('\n')
		outLine++
		block, blockLine = [len(keyValueFields)]string{}, 0
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		i := keyValueField(l)
		if i < 0 {
			continue
		}
		if i == 0 {
			flush()
			blockLine = line
		}
		_, v, _ := strings.Cut(l, ":")
		block[i] = strings.TrimSpace(v)
	}
	if err := sc.Err(); err != nil {
		return nil, readError(err)
	}
	flush()
	return out.Bytes(), nil
}

// csvInput returns the text of a CSV statement: in itself, or the CSV
// made from a statement of labelled blocks.
func csvInput(in *bufio.Reader) (*bufio.Reader, error) {
	sample, err := peekSample(in)
	if err != nil {
		return nil, err
	}
	if !looksLikeKeyValue(sample) {
		return in, nil
	}
	b, err := keyValueCSV(in)
	if err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(bytes.NewReader(b), sampleSize), nil
}
