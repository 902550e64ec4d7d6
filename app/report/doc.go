// Package report makes the PDF documents a person sends to their council,
// such as the support plan, the assessment preparation pack and the
// budget statement.
//
// The three documents are pure functions of plain values, so the app,
// the command line and the tests all make the same PDF from the same
// data: [PlanDocument] makes the support plan from a [Plan],
// [AssessmentDocument] the assessment preparation pack from an
// [Assessment], and [StatementDocument] the budget statement from a
// [Statement], whose figures are a budget.Return, so the PDF always shows
// the same numbers as the CSV monitoring return. Each returns a Document;
// set its Generated date and LargePrint before rendering it.
//
// A [Document] is a list of blocks: a [Cover] or a [Banner], [Contents],
// [Heading], [Paragraph], [Bullets], [Facts], [Table], [StillToWrite],
// [Signature] and [PageBreak]. [Document.Render] lays them out on A4
// pages and writes the PDF to an io.Writer; [Document.WriteFile] saves it
// to a path atomically, with errors in plain English.
//
// The documents are made to be read by everyone. The text is black on
// white in Noto Sans, embedded in the PDF, with body text at 12 point and
// generous line spacing, or at 16 point in large print, where the text
// reflows onto more pages rather than being magnified. Text is left
// aligned and never justified. Every page carries the person's name, the
// date the document was made and "Page X of Y"; headings appear in the
// contents, with real page numbers, and as PDF bookmarks.
//
// Text the font cannot draw, such as emoji, Arabic, Hebrew and Chinese,
// is never dropped silently and never breaks the layout: each run of it
// prints as a label saying what was there, such as "[Arabic text]" or
// "[emoji]", and a note at the end of the document explains the labels.
// The PDF's metadata keeps such text exactly as typed.
//
// The same content and the same [Document.Generated] date always give a
// byte-identical PDF, so tests can compare output.
//
// Money is formatted with the money package ("£18,200.00") and dates
// with [FormatDate] ("23 November 2026") before they go into blocks.
package report
