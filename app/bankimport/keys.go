package bankimport

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/ownplan/ownplan/store"
)

// ImportKeys sets the Key of each transaction in txs from its contents.
// Parse and ParseCSV call it; it is exported for applications that build
// transactions some other way and want the same keys.
//
// The key is a hash of the date, the amount in pence, the description
// normalised (upper case, with punctuation and spacing ignored) and the
// occurrence index: 0 for the first transaction in txs with that date,
// amount and description, 1 for the second, and so on. Transactions from
// OFX files use the bank's FITID instead where they have one (see
// ParseOFX).
//
// Why this works for overlapping statements: a statement that covers a
// whole day lists all of that day's payments, so two statements that both
// cover 3 April list the same number of £6.20 swims at the leisure centre
// that day. Identical payments are interchangeable, so it does not matter
// in which order a file lists them: the k-th of them in one file is the
// k-th in the other and gets the same key, so importing the second file
// adds nothing twice; while two genuine swims on one day are the 0th and
// the 1st, get different keys, and are both kept. The same holds for a
// download that stops part way through today: its swims so far are the
// first ones of the day in the next download too. Only a file that starts
// part way through a day (as a "last 100 transactions" export may) could
// take a genuine repeat on its first day for one already imported. The
// amount goes into the key, not the column it came from, so one account
// downloaded in two CSV layouts (signed amounts, or paid in and paid out
// columns) gives the same keys.
func ImportKeys(txs []Transaction) {
	seen := make(map[string]int, len(txs))
	var b []byte
	for i := range txs {
		t := &txs[i]
		b = b[:0]
		b = appendDate(b, t.Date)
		b = append(b, '|')
		b = strconv.AppendInt(b, t.AmountPence, 10)
		b = append(b, '|')
		b = appendNormalised(b, t.Description)
		id := string(b)
		k := seen[id]
		seen[id] = k + 1
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(k), 10)
		t.Key = hashKey("t1", b)
	}
}

// appendDate appends d as ISO 8601, as store.Date.String writes it but
// without the cost of fmt on a hot path.
func appendDate(b []byte, d store.Date) []byte {
	b = appendDigits(b, d.Year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(d.Month), 2)
	b = append(b, '-')
	return appendDigits(b, d.Day, 2)
}

// appendDigits appends n with leading zeros to at least width digits.
func appendDigits(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// hashKey returns a short, fixed-length key: a version prefix and 128 bits
// of SHA-256 in hex.
func hashKey(prefix string, b []byte) string {
	sum := sha256.Sum256(b)
	var out [8 + 32]byte
	n := copy(out[:], prefix)
	out[n] = '-'
	hex.Encode(out[n+1:], sum[:16])
	return string(out[:n+33])
}

// appendNormalised appends s in upper case with every run of characters
// that are not letters or digits replaced by one space, so that
// "A2B Taxis, Ipswich" and "A2B TAXIS  IPSWICH" are the same.
func appendNormalised(b []byte, s string) []byte {
	space := false
	start := len(b)
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToUpper(r))
	}
	return b
}
