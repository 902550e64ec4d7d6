// Package bankimport reads the bank statements people download from online
// banking, so that a direct-payment account can be checked against the
// support plan without typing every payment in by hand.
//
// It understands CSV files in the many layouts UK banks use (one signed
// amount column, or separate columns for money in and money out; dates
// written in half a dozen ways, day or month first; pound signs, thousands
// separators, decimal commas, parenthesised negatives and CR/DR suffixes;
// account details above the column names; newest or oldest first),
// Santander's text download with a labelled block per payment, and
// OFX/QFX files (OFX 1.x SGML and 2.x XML, read with
// github.com/aclindsa/ofxgo, with or without the header banks sometimes
// leave out).
//
// Parse is the usual entry point: it tells CSV from OFX and returns a
// Statement whose transactions are oldest first, each with an import Key
// for de-duplication. For CSV files that it cannot read with confidence,
// Detect and Preview let the application show the first rows and let the
// person choose the columns, and ParseCSV then reads the file with that
// Mapping. Layout.Fingerprint lets the application remember a person's
// Mapping for the next statement from the same bank.
//
// The package is pure Go, does no I/O of its own beyond the io.Reader it is
// given, and never uses floating point for money: amounts are int64 pence,
// positive for money in and negative for money out. Every error it returns
// is written for the person importing the file and says what to do next;
// callers can test for the kind of problem with errors.Is and the sentinel
// errors, or read the line number with errors.As and *Error.
package bankimport
