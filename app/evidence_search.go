package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/store"
)

// EvidenceHit is one item found by SearchEvidence.
type EvidenceHit struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Snippet is a few words around the match, with each matching word
	// in [square brackets].
	Snippet string `json:"snippet"`
	// Parts is the snippet in pieces, the matching ones marked, for a
	// screen to show in bold.
	Parts []SnippetPart `json:"-"`
}

// SnippetPart is a piece of a snippet.
type SnippetPart struct {
	Text  string
	Match bool
}

// SearchEvidence finds evidence (not in the bin) by any words in its
// title, notes, tags, sender, reference, file names or the text inside
// its files, best match first. Every word must match, at its start,
// ignoring accents and case.
func (a *App) SearchEvidence(ctx context.Context, query string, limit int) ([]EvidenceHit, error) {
	hits, err := a.store().SearchEvidence(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]EvidenceHit, 0, len(hits))
	for _, h := range hits {
		parts := snippetParts(h.Snippet)
		var b strings.Builder
		for _, p := range parts {
			if p.Match {
				b.WriteString("[" + p.Text + "]")
			} else {
				b.WriteString(p.Text)
			}
		}
		out = append(out, EvidenceHit{ID: h.ID, Title: h.Title, Snippet: b.String(), Parts: parts})
	}
	return out, nil
}

// snippetParts splits a store snippet at its match markers.
func snippetParts(s string) []SnippetPart {
	var out []SnippetPart
	for s != "" {
		i := strings.Index(s, store.SnippetStart)
		if i < 0 {
			out = append(out, SnippetPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, SnippetPart{Text: s[:i]})
		}
		s = s[i+len(store.SnippetStart):]
		j := strings.Index(s, store.SnippetEnd)
		if j < 0 {
			j = len(s)
		}
		out = append(out, SnippetPart{Text: s[:j], Match: true})
		s = strings.TrimPrefix(s[j:], store.SnippetEnd)
	}
	return out
}
