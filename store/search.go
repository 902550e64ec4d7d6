package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
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
// ("18,200", "ASC-0419") must match as a phrase. People never need to
// know FTS5's syntax, and nothing they type can be a syntax error.
func EvidenceMatchQuery(text string) string {
	var terms []string
	for _, word := range strings.Fields(text) {
		parts := strings.FieldsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(parts) == 0 {
			continue
		}
		terms = append(terms, `"`+strings.Join(parts, " ")+`"*`)
	}
	return strings.Join(terms, " ")
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
