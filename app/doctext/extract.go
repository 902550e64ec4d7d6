package doctext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// State says whether a file's words could be read.
type State string

// The states. Their values are the ones the store keeps.
const (
	Searchable    State = "searchable"     // the words were read
	NoText        State = "no-text"        // a photo or a kind of file with no words to read
	NotSearchable State = "not-searchable" // it should have words but they could not be read
)

// Result is what Extract found in a file.
type Result struct {
	MediaType string
	Text      string
	State     State
	// Note says in plain English why the words could not be read, or
	// that only part of them were.
	Note string
}

// Limits bound the work Extract does on one file.
type Limits struct {
	// Time is the longest one file may take.
	Time time.Duration
	// Text is the most text kept, in bytes; the rest is left out, and
	// the Result's Note says so.
	Text int
	// Inflate is the most data unpacked from a compressed part (a DOCX's
	// document.xml, an e-mail part), in bytes. Anything that would
	// unpack to more is treated as a zip bomb.
	Inflate int64
	// Pages is the most PDF pages read.
	Pages int
	// Ops is the most PDF drawing operations interpreted, which bounds
	// the work a maliciously nested PDF can cause.
	Ops int
}

// DefaultLimits suit letters, reports and bundles of papers. 1 MB of
// text is some 350 pages of close type: a longer file is kept whole but
// only its first 1 MB of words is searchable (and says so). More would
// make adding one very long PDF take seconds, nearly all of it spent
// indexing words deep inside a bundle that nobody searches by.
var DefaultLimits = Limits{
	Time:    30 * time.Second,
	Text:    1 << 20,
	Inflate: 64 << 20,
	Pages:   5000,
	Ops:     20_000_000,
}

// Notes shown to people.
const (
	noteScan      = "This PDF has no text layer, so the words in it cannot be searched; it is probably a scan or a photo. Add notes or tags so you can find it."
	noteLocked    = "This PDF is protected (encrypted), so OwnPlan cannot read the words in it to search them. The file is kept exactly as it is."
	noteDamaged   = "The words in this file could not be read; it may be damaged or incomplete. The file is kept exactly as it is."
	noteTooSlow   = "Reading the words in this file took too long, so they cannot be searched. The file is kept exactly as it is."
	noteBomb      = "This file unpacks to far more than its own size, which damaged or harmful files do, so OwnPlan did not read it. The file is kept exactly as it is."
	noteTruncated = "This file has a great deal of text; only the first part (about 350 pages) can be searched. The whole file is kept."
	notePicture   = "This is a picture, so there are no words to search. Add notes or tags so you can find it."
	noteOther     = "OwnPlan cannot read the words in this kind of file. Add notes or tags so you can find it."
	noteEmpty     = "There are no words in this file."
)

// errTooMuch stops reading when Limits.Text is reached; what was read
// is kept.
var errTooMuch = errors.New("too much text")

// errBomb stops reading a part that unpacks to more than Limits.Inflate.
var errBomb = errors.New("unpacks to too much")

// errLocked marks a password-protected file.
var errLocked = errors.New("protected with a password")

// Extract reads the words in the file r (size bytes long) of the given
// media type (from Sniff; empty means sniff it now). It never fails: a
// file it cannot read gives a Result saying why. ctx can stop it early.
func Extract(ctx context.Context, r io.ReaderAt, size int64, mediaType string) Result {
	return ExtractWithLimits(ctx, r, size, mediaType, DefaultLimits)
}

// ExtractWithLimits is Extract with chosen limits.
func ExtractWithLimits(ctx context.Context, r io.ReaderAt, size int64, mediaType string, lim Limits) Result {
	if mediaType == "" {
		mediaType = Sniff(r, size)
	}
	res := Result{MediaType: mediaType}
	var read func(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (string, error)
	base, _, _ := strings.Cut(mediaType, ";")
	switch {
	case base == PDF:
		read = pdfText
	case base == DOCX:
		read = docxText
	case base == ODT:
		read = odtText
	case base == Email:
		read = emailText
	case base == "text/plain":
		read = plainText
	case base == "text/html":
		read = htmlText
	case strings.HasPrefix(base, "image/"):
		res.State, res.Note = NoText, notePicture
		return res
	default:
		res.State, res.Note = NoText, noteOther
		return res
	}
	text, err := guarded(ctx, r, size, lim, read)
	text = tidy(text, lim.Text)
	switch {
	case errors.Is(err, errTooMuch):
		res.State, res.Text, res.Note = Searchable, text, noteTruncated
	case errors.Is(err, errLocked):
		res.State, res.Note = NotSearchable, noteLocked
	case errors.Is(err, errBomb):
		res.State, res.Note = NotSearchable, noteBomb
	case errors.Is(err, context.DeadlineExceeded):
		res.State, res.Note = NotSearchable, noteTooSlow
	case err != nil:
		res.State, res.Note = NotSearchable, noteDamaged
	case strings.TrimSpace(text) == "" && base == PDF:
		res.State, res.Note = NotSearchable, noteScan
	case strings.TrimSpace(text) == "":
		res.State, res.Note = NoText, noteEmpty
	default:
		res.State, res.Text = Searchable, text
	}
	return res
}

// guarded runs read on its own goroutine with a time limit, turns a
// panic into an error, and stops the reader's access to the file once
// time is up, so even a parser stuck in a loop soon runs out of input.
func guarded(ctx context.Context, r io.ReaderAt, size int64, lim Limits,
	read func(context.Context, io.ReaderAt, int64, Limits) (string, error)) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, lim.Time)
	defer cancel()
	sr := &stoppableReader{r: r}
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if p := recover(); p != nil {
				res.err = fmt.Errorf("reader failed: %v", p)
			}
			done <- res
		}()
		res.text, res.err = read(ctx, sr, size, lim)
	}()
	select {
	case res := <-done:
		return res.text, res.err
	case <-ctx.Done():
		sr.stop.Store(true)
		if ctx.Err() == context.Canceled {
			return "", ctx.Err()
		}
		return "", context.DeadlineExceeded
	}
}

// stoppableReader fails every read once stopped.
type stoppableReader struct {
	r    io.ReaderAt
	stop atomic.Bool
}

func (s *stoppableReader) ReadAt(p []byte, off int64) (int, error) {
	if s.stop.Load() {
		return 0, errors.New("stopped")
	}
	return s.r.ReadAt(p, off)
}

// tidy makes text valid UTF-8 without control characters other than
// tabs and line breaks, joins runs of blank lines, and cuts it to at
// most limit bytes on a character boundary.
func tidy(text string, limit int) string {
	var b strings.Builder
	b.Grow(min(len(text), limit))
	blank := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(strings.Map(func(r rune) rune {
			switch {
			case r == utf8.RuneError, r == '\r', r == '\u00a0':
				return ' '
			case r == '\t':
				return r
			case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0, r == '\ufeff':
				return -1
			}
			return r
		}, line), " \t")
		if line == "" {
			blank++
			if blank > 1 || b.Len() == 0 {
				continue
			}
		} else {
			blank = 0
		}
		if b.Len()+len(line)+1 > limit {
			rest := min(limit-b.Len(), len(line))
			for rest > 0 && rest < len(line) && !utf8.RuneStart(line[rest]) {
				rest--
			}
			if rest > 0 {
				b.WriteString(line[:rest])
			}
			break
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}

// limitedBuilder collects text up to a limit, then reports errTooMuch.
type limitedBuilder struct {
	strings.Builder
	limit int
}

func (l *limitedBuilder) add(s string) error {
	if l.Len()+len(s) > l.limit {
		l.WriteString(s[:max(0, l.limit-l.Len())])
		return errTooMuch
	}
	l.WriteString(s)
	return nil
}
