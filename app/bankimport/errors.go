package bankimport

import (
	"errors"
	"fmt"
)

// MaxFileSize is the largest statement file, in bytes, that the package
// reads. Ten years of a busy current account is well under 5 MB, so a
// larger file is almost certainly not a statement.
const MaxFileSize = 50 << 20

// Sentinel errors say what kind of problem stopped an import. The errors
// this package returns are *Error values that wrap one of these, so test
// for them with errors.Is.
var (
	// ErrTooLarge means the file is bigger than MaxFileSize.
	ErrTooLarge = errors.New("bankimport: file too large")
	// ErrNotStatement means the file is not a bank statement at all: it is
	// empty, a picture, a PDF, a spreadsheet workbook or text with no dates.
	ErrNotStatement = errors.New("bankimport: not a bank statement")
	// ErrColumns means the file looks like a statement but the package
	// could not tell which columns hold the date and the amount.
	ErrColumns = errors.New("bankimport: columns not recognised")
	// ErrMapping means a Mapping chosen by hand cannot be used, for
	// example because it has no date column.
	ErrMapping = errors.New("bankimport: column choice incomplete")
	// ErrDate means a row's date could not be read.
	ErrDate = errors.New("bankimport: date not recognised")
	// ErrAmount means a row's amount could not be read.
	ErrAmount = errors.New("bankimport: amount not recognised")
	// ErrMalformed means the file is damaged: a CSV file with broken
	// quoting, or an OFX file that does not follow the OFX rules.
	ErrMalformed = errors.New("bankimport: damaged file")
)

// Error is a problem with a statement file, described for the person
// importing it.
type Error struct {
	// Kind is one of the sentinel errors (ErrDate, ErrAmount, ...).
	Kind error
	// Line is the line of the file the problem is on, counting from 1, or
	// 0 when the problem is not about one line.
	Line int
	// Msg says, in plain English, what is wrong and what to do about it.
	Msg string
}

// Error returns the message, starting with the line number when there is one.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Unwrap returns Kind, so that errors.Is(err, ErrDate) works.
func (e *Error) Unwrap() error { return e.Kind }

func newError(kind error, line int, format string, args ...any) *Error {
	return &Error{Kind: kind, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Advice ending messages about a single row, depending on who chose the
// columns.
const (
	adviceDetected = "Check the file is the CSV your bank gave you, or choose the columns yourself."
	adviceChosen   = "Check the columns you chose, and that the file is the CSV your bank gave you."
)

func rowAdvice(chosen bool) string {
	if chosen {
		return adviceChosen
	}
	return adviceDetected
}
