package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet markers: SearchEvidence puts SnippetStart before and SnippetEnd
// after each matching word in a hit's snippet.
const (
	SnippetStart = "\x02"
	SnippetEnd   = "\x03"
)

// broadSearch is how many matching documents make a search too broad
// to rank by how well each matches.
var broadSearch = 400

// EvidenceHit is one item found by SearchEvidence.
type EvidenceHit struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Snippet is a few words around the best match, with each matching
	// word between SnippetStart and SnippetEnd.
	Snippet string `json:"snippet"`
}

// SearchEvidence finds items (not in the bin) whose title, notes, tags,
// sender, reference, file names or the text inside their files contain
// every word of query, best match first (newest first when the words are
// in more than 400 documents), at most limit of them. Words
// match at their start ("assess" finds "assessment") and ignore accents
// ("Zoe" finds "Zoë", "Lukasz" finds "Łukasz"). Punctuation is ignored, so any text is a valid
// query; one with no words finds nothing.
func (s *Store) SearchEvidence(ctx context.Context, query string, limit int) ([]EvidenceHit, error) {
	match := EvidenceMatchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	// First the best matches, then a snippet for each of those only,
	// made here rather than by FTS5's snippet(), which is slow for words
	// that come up hundreds of times in a document.
	// Ranking costs time for every matching document. When the words are
	// in very many documents, the ranking says little and takes long, so
	// the newest come first instead.
	var matching int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM evidence_search WHERE evidence_search MATCH ? LIMIT ?)`,
		match, broadSearch+1).Scan(&matching); err != nil {
		return nil, fmt.Errorf("search evidence: %w", plainDBError(err))
	}
	order := "bm25(evidence_search, 10.0, 3.0, 5.0, 2.0, 1.0, 1.0), i.id"
	if matching > broadSearch {
		order = "evidence_search.rowid DESC"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.docid, i.id, i.title
		FROM evidence_search
		JOIN evidence_search_ids m ON m.docid = evidence_search.rowid
		JOIN evidence_items i ON i.id = m.item_id
		WHERE evidence_search MATCH ? AND i.deleted = 0 AND i.in_bin = 0
		ORDER BY `+order+`
		LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search evidence: %w", plainDBError(err))
	}
	var out []EvidenceHit
	var docids []int64
	for rows.Next() {
		var h EvidenceHit
		var docid int64
		if err := rows.Scan(&docid, &h.ID, &h.Title); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search evidence: %w", err)
		}
		out = append(out, h)
		docids = append(docids, docid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search evidence: %w", err)
	}
	words := evidenceQueryWords(query)
	for i, docid := range docids {
		var title, notes, tags, meta, body string
		err := s.db.QueryRowContext(ctx, `SELECT title, notes, tags, meta, body FROM evidence_search WHERE rowid = ?`, docid).
			Scan(&title, &notes, &tags, &meta, &body)
		if err != nil {
			return nil, fmt.Errorf("search evidence: %w", plainDBError(err))
		}
		out[i].Snippet = makeSnippet([]string{body, notes, title, tags, meta}, words)
	}
	return out, nil
}

// EvidenceMatchQuery turns what a person typed into an FTS5 query: every
// word must match, each at its start. A word with punctuation inside
// ("18,200", "ASC-0419") must match as a phrase, and so must words
// between double quotes ("wet room" or “wet room”). A number of four or
// more digits also matches as letters write it ("18200" finds
// "18,200"). Accents typed as separate marks count as typed on the
// letter. People never need to know FTS5's syntax, and nothing they
// type can be a syntax error.
func EvidenceMatchQuery(text string) string {
	var terms []string
	for _, qt := range parseSearchQuery(text) {
		alts := qt.alternatives()
		if len(alts) == 1 {
			terms = append(terms, ftsPhrase(alts[0]))
			continue
		}
		var or []string
		for _, a := range alts {
			or = append(or, ftsPhrase(a))
		}
		terms = append(terms, "("+strings.Join(or, " OR ")+")")
	}
	return strings.Join(terms, " ")
}

// ftsPhrase writes words as an FTS5 phrase whose last word may be the
// start of a longer one. The words hold only letters and digits, so
// they need no escaping.
func ftsPhrase(words []string) string { return `"` + strings.Join(words, " ") + `"*` }

// searchTerm is one thing a person searched for: a word, which may hold
// punctuation ("18,200" is the words "18" and "200"), or a quoted phrase.
type searchTerm struct{ words []string }

// alternatives returns the ways the term can appear in a text: as typed,
// and, when it is an amount of 4 or more digits (with or without pence),
// with its digits in thousands as letters write amounts ("18200" as
// "18 200", for "18,200"). Numbers inside references ("ASC-0419-2271")
// are left alone.
func (t searchTerm) alternatives() [][]string {
	out := [][]string{t.words}
	if n := len(t.words); n == 1 || n == 2 && len(t.words[1]) == 2 && allDigits(t.words[1]) {
		if g := thousands(t.words[0]); g != nil {
			out = append(out, append(g, t.words[1:]...))
		}
	}
	return out
}

// thousands splits a number of 4 to 12 digits into groups of three from
// the right ("18200" into "18", "200"), or returns nil.
func thousands(w string) []string {
	if len(w) < 4 || len(w) > 12 || w[0] == '0' || !allDigits(w) {
		return nil
	}
	first := len(w) % 3
	if first == 0 {
		first = 3
	}
	out := []string{w[:first]}
	for i := first; i < len(w); i += 3 {
		out = append(out, w[i:i+3])
	}
	return out
}

// allDigits reports whether w is made only of the digits 0 to 9.
func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// searchQuotes are the characters that open and close a phrase.
const searchQuotes = "\"“”„‟″«»"

// parseSearchQuery splits what a person typed into terms: each word on
// its own, and the words between quotes as one phrase. An unclosed quote
// runs to the end. Words are runs of letters and digits; combining
// accents are dropped, as the index drops them.
func parseSearchQuery(text string) []searchTerm {
	var out []searchTerm
	add := func(s string, phrase bool) {
		if phrase {
			if w := searchWords(s); len(w) > 0 {
				out = append(out, searchTerm{w})
			}
			return
		}
		for _, f := range strings.Fields(s) {
			if w := searchWords(f); len(w) > 0 {
				out = append(out, searchTerm{w})
			}
		}
	}
	inQuote := false
	for text != "" {
		i := strings.IndexAny(text, searchQuotes)
		if i < 0 {
			add(text, inQuote)
			break
		}
		add(text[:i], inQuote)
		_, n := utf8.DecodeRuneInString(text[i:])
		text = text[i+n:]
		inQuote = !inQuote
	}
	return out
}

// searchWords returns the words in s: runs of letters and digits, with
// combining accents (as in "Zoe\u0308") dropped.
func searchWords(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	out := parts[:0]
	for _, p := range parts {
		p = strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, p)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// RebuildEvidenceSearch makes the search index again from the evidence
// records and the text read from their files. The index normally keeps
// itself up to date; this repairs it.
func (s *Store) RebuildEvidenceSearch(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM evidence_search`,
		`DELETE FROM evidence_search_ids`,
		`INSERT INTO evidence_search_ids (item_id) SELECT id FROM evidence_items WHERE deleted = 0 ORDER BY id`,
		`INSERT INTO evidence_search (rowid, title, notes, tags, meta, body, alt)
		SELECT docid, title, notes, tags, meta, body, alt FROM evidence_search_docs`,
		`INSERT INTO evidence_search (evidence_search) VALUES ('optimize')`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild the evidence search: %w", plainDBError(err))
		}
	}
	return plainDBError(tx.Commit())
}

// EvidenceTextMissing returns the SHA-256 of every file that should have
// searchable text but has none on this computer (for example a file whose
// record arrived by sync before its text was read), so it can be read again.
func (s *Store) EvidenceTextMissing(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT f.sha256 FROM evidence_files f
		JOIN evidence_items i ON i.id = f.item_id
		WHERE f.deleted = 0 AND i.deleted = 0 AND f.text_state = ?
		AND f.sha256 NOT IN (SELECT sha256 FROM evidence_text)`, TextSearchable)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, err
		}
		out = append(out, sha)
	}
	return out, rows.Err()
}

// SetEvidenceText records the text read from a kept file (see
// EvidenceTextMissing); the search index updates itself.
func (s *Store) SetEvidenceText(ctx context.Context, sha, text string) error {
	if !blobValidSHA(sha) {
		return fmt.Errorf("%q is not a SHA-256", sha)
	}
	return s.update(ctx, func(t *Tx) error { return putEvidenceText(t, sha, text) })
}

// EvidenceFilesUnread returns the files (of items not removed for good)
// whose words could not be read, or that seemed to have none, when they
// were kept, so that a newer OwnPlan, which reads more kinds of file,
// can try again.
func (s *Store) EvidenceFilesUnread(ctx context.Context) ([]EvidenceFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.item_id, f.sha256, f.name, f.media_type, f.size, f.text_state, f.text_note
		FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
		WHERE f.deleted = 0 AND i.deleted = 0 AND f.text_state != ? ORDER BY f.id`, TextSearchable)
	if err != nil {
		return nil, fmt.Errorf("read evidence files: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []EvidenceFile
	for rows.Next() {
		var f EvidenceFile
		if err := rows.Scan(&f.ID, &f.ItemID, &f.SHA256, &f.Name, &f.MediaType, &f.Size, &f.TextState, &f.TextNote); err != nil {
			return nil, fmt.Errorf("read evidence files: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SetEvidenceFileAnalysis records what reading a kept file again found:
// its type, whether its words can be searched, why not, and its words.
func (s *Store) SetEvidenceFileAnalysis(ctx context.Context, fileID string, an FileAnalysis) error {
	if an.TextState == "" {
		an.TextState = TextNone
	}
	return s.update(ctx, func(t *Tx) error {
		if err := evidenceLive(t, "evidence_files", fileID); err != nil {
			return fmt.Errorf("evidence file %s: %w", fileID, err)
		}
		var sha string
		if err := t.tx.QueryRowContext(t.ctx, `SELECT sha256 FROM evidence_files WHERE id = ?`, fileID).Scan(&sha); err != nil {
			return plainDBError(err)
		}
		for _, f := range []struct{ k, v string }{{"media_type", an.MediaType}, {"text_state", an.TextState}, {"text_note", an.TextNote}} {
			if err := t.set("evidence_files", fileID, f.k, f.v); err != nil {
				return err
			}
		}
		if an.TextState != TextSearchable {
			return nil
		}
		return putEvidenceText(t, sha, an.Text)
	})
}
