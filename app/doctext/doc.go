// Package doctext finds out what kind of document a file is, from its
// content rather than its name, and reads the words inside it so that
// they can be searched: the text layer of a PDF, a Word document (DOCX),
// an OpenDocument text (ODT), plain text, web pages and e-mail (.eml).
//
// Reading never fails and never crashes: a file whose words cannot be
// read (a damaged, password-protected or scanned PDF, a DOCX that is
// really a zip bomb, random bytes) gives a Result marked NotSearchable
// with a plain-English note saying why. Panics inside the PDF parser are
// recovered, and every extraction is bounded in time (Limits.Time) and in
// the amount of text and decompressed data it will produce.
package doctext
