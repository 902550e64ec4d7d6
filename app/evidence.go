package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/ownplan/ownplan/store"
)

// EvidenceKind is one kind of evidence a person keeps.
type EvidenceKind struct {
	Key   string `json:"key"`   // stored and used by the CLI's --kind
	Label string `json:"label"` // what people read
	// Aliases are other words people use for this kind ("GP letter",
	// "OT report"), accepted wherever a kind is typed.
	Aliases []string `json:"-"`
}

// EvidenceKinds are the kinds of evidence, in the order forms list them.
var EvidenceKinds = []EvidenceKind{
	{"assessment", "Assessment", []string{"needs assessment", "care assessment", "Care Act assessment", "social care assessment",
		"carer's assessment", "carers assessment", "reassessment", "assessment report", "assess"}},
	{"decision", "Decision letter", []string{"decision", "eligibility", "eligibility decision", "eligibility letter",
		"budget decision", "funding decision", "funding letter", "budget letter", "award letter", "outcome letter"}},
	{"support-plan", "Support plan", []string{"plan", "care plan", "care and support plan", "my plan", "agreed plan"}},
	{"review", "Review", []string{"annual review", "review letter", "review report", "plan review", "review notes"}},
	{"medical", "Medical or OT report", []string{"medical report", "report", "OT", "OT report", "occupational therapy",
		"occupational therapy report", "occupational therapist", "GP", "GP letter", "GP report", "doctor", "doctor's letter",
		"consultant", "consultant letter", "consultant report", "hospital", "hospital letter", "health", "physio",
		"physiotherapy", "nurse", "specialist", "clinic letter", "fit note", "medical letter", "diagnosis"}},
	{"complaint", "Complaint", []string{"complaint letter", "complaint reply", "complaint response", "complaints",
		"ombudsman", "ombudsman letter", "LGSCO"}},
	{"correspondence", "Correspondence", []string{"letter", "email", "e-mail", "mail", "message", "general letter", "note from council"}},
	{"receipt", "Receipt", []string{"receipts", "invoice", "invoices", "bill", "proof of payment", "till receipt"}},
	{"timesheet", "Timesheet", []string{"timesheets", "time sheet", "time sheets", "hours sheet", "PA timesheet"}},
	{"other", "Other", []string{"misc", "miscellaneous", "something else", "unknown"}},
}

// EvidenceKindLabel returns the words for a kind key ("Decision letter"),
// or the key itself when it is not known.
func EvidenceKindLabel(key string) string {
	for _, k := range EvidenceKinds {
		if k.Key == key {
			return k.Label
		}
	}
	if key == "" {
		return "Other"
	}
	return key
}

// normaliseKindWords makes what someone typed for a kind comparable:
// lower case, hyphens, underscores, dots and apostrophes as spaces (so
// "decision-letter", "Decision_Letter" and "decision letter" agree), and
// single spaces.
func normaliseKindWords(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', '/', '\u2010', '\u2011', '\u2013':
			return ' '
		case '\'', '\u2019':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// EvidenceKindKey finds a kind by its key, its label or one of the other
// words people use for it ("report", "GP letter", "decision-letter"),
// ignoring case. A word it does not know is an error that lists the kinds.
func EvidenceKindKey(s string) (string, error) {
	want := normaliseKindWords(s)
	if want != "" {
		for _, try := range []string{want, strings.TrimSuffix(want, "s")} {
			for _, k := range EvidenceKinds {
				if try == normaliseKindWords(k.Key) || try == normaliseKindWords(k.Label) {
					return k.Key, nil
				}
				for _, a := range k.Aliases {
					if try == normaliseKindWords(a) {
						return k.Key, nil
					}
				}
			}
		}
	}
	keys := make([]string, len(EvidenceKinds))
	for i, k := range EvidenceKinds {
		keys[i] = k.Key
	}
	return "", fmt.Errorf("%q is not a kind of evidence OwnPlan knows; use one of: %s (everyday words such as letter, report, GP, OT or invoice work too)",
		strings.TrimSpace(s), strings.Join(keys, ", "))
}

// checkEvidence tidies and checks an item's details before they are
// saved, and its links when they are about to be made.
func (a *App) checkEvidence(ctx context.Context, it *store.EvidenceItem, links bool) error {
	it.Title = strings.TrimSpace(it.Title)
	if it.Title == "" {
		return fmt.Errorf("please give the document a title, such as \"Decision letter about my budget\"")
	}
	if it.Kind == "" {
		it.Kind = "other"
	}
	k, err := EvidenceKindKey(it.Kind)
	if err != nil {
		return err
	}
	it.Kind = k
	today := store.Today()
	if !it.LetterDate.IsZero() && (it.LetterDate.After(today.AddMonths(3)) || it.LetterDate.Year < 1900) {
		return fmt.Errorf("the date on the letter, %s, cannot be right; check the year", it.LetterDate)
	}
	if !it.Received.IsZero() && (it.Received.After(today.AddDays(1)) || it.Received.Year < 1900) {
		return fmt.Errorf("the date you received it, %s, is in the future; check the date", it.Received)
	}
	if !it.Deadline.IsZero() {
		if it.DeadlineKind == "" {
			it.DeadlineKind = DeadlineReplyBy
		}
		k, ok := DeadlineKindKey(it.DeadlineKind)
		if !ok {
			return fmt.Errorf("%q is not a kind of deadline; use one of: %s", it.DeadlineKind, strings.Join(DeadlineKindKeys(), ", "))
		}
		it.DeadlineKind = k
	} else {
		it.DeadlineKind, it.DeadlineDone = "", false
	}
	it.Tags = store.CleanEvidenceTags(it.Tags)
	if !links {
		return nil
	}
	for _, l := range it.Links {
		if err := a.checkLink(ctx, l); err != nil {
			return err
		}
	}
	return nil
}

// AddEvidence keeps the files at paths as one new evidence item (a letter
// and its enclosures) with the details in it, reading their words for
// search. With no title, the first file's name is used. It returns the
// item as saved. Nothing is stored when any file cannot be kept, and the
// error names that file and says what to do.
func (a *App) AddEvidence(ctx context.Context, it store.EvidenceItem, paths []string) (store.EvidenceItem, error) {
	if len(paths) == 0 {
		return it, fmt.Errorf("add evidence: choose at least one file to keep")
	}
	if strings.TrimSpace(it.Title) == "" {
		it.Title = TitleFromFileName(paths[0])
	}
	if it.Received.IsZero() {
		it.Received = store.Today()
	}
	if err := a.checkEvidence(ctx, &it, true); err != nil {
		return it, fmt.Errorf("add evidence: %w", err)
	}
	sources, err := evidenceSources(paths)
	if err != nil {
		return it, fmt.Errorf("add evidence: %w", err)
	}
	saved, err := a.store().AddEvidence(ctx, it, sources, analyseEvidenceFile)
	if err != nil {
		return it, fmt.Errorf("add evidence: %w", err)
	}
	return saved, nil
}

// AddEvidenceFiles keeps more files as part of an existing item, such as
// an enclosure found later.
func (a *App) AddEvidenceFiles(ctx context.Context, itemID string, paths []string) error {
	sources, err := evidenceSources(paths)
	if err != nil {
		return fmt.Errorf("add files: %w", err)
	}
	if err := a.store().AddEvidenceFiles(ctx, itemID, sources, analyseEvidenceFile); err != nil {
		return fmt.Errorf("add files: %w", err)
	}
	return nil
}

// TitleFromFileName makes a title from a file's name:
// "/x/OT_report-2026.pdf" gives "OT report 2026".
func TitleFromFileName(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == '.' {
			return ' '
		}
		return r
	}, base)
	base = strings.Join(strings.Fields(base), " ")
	if base == "" {
		return "Document"
	}
	r := []rune(base)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// EvidenceFilter chooses which items EvidenceList returns. Zero fields
// match everything.
type EvidenceFilter struct {
	Kind  string // a kind key
	Tag   string // a tag, ignoring case
	Year  int    // the year of the letter's date (or when it was received)
	InBin bool   // the items in the bin instead of the others
	// For, when set, keeps only the items that are evidence for it: a
	// plan section, an outcome or a payment.
	For store.EvidenceLink
}

// linksTo reports whether the item is evidence for l.
func linksTo(it store.EvidenceItem, l store.EvidenceLink) bool {
	for _, have := range it.Links {
		if have == l {
			return true
		}
	}
	return false
}

// EvidenceYear is the year an item belongs to: its letter's date, else
// when it was received, else when it was added.
func EvidenceYear(it store.EvidenceItem) int {
	switch {
	case !it.LetterDate.IsZero():
		return it.LetterDate.Year
	case !it.Received.IsZero():
		return it.Received.Year
	case len(it.Added) >= 4:
		var y int
		fmt.Sscanf(it.Added[:4], "%d", &y)
		return y
	}
	return 0
}

// EvidenceList returns the items that match f, newest first.
func (a *App) EvidenceList(ctx context.Context, f EvidenceFilter) ([]store.EvidenceItem, error) {
	all, err := a.store().EvidenceItems(ctx, f.InBin)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, it := range all {
		if (f.Kind == "" || it.Kind == f.Kind) && (f.Tag == "" || it.HasTag(f.Tag)) && (f.Year == 0 || EvidenceYear(it) == f.Year) &&
			(f.For.TargetKind == "" || linksTo(it, f.For)) {
			out = append(out, it)
		}
	}
	return out, nil
}

// EvidenceYears returns the years that items (not in the bin) belong to,
// newest first, for a filter.
func (a *App) EvidenceYears(ctx context.Context) ([]int, error) {
	all, err := a.store().EvidenceItems(ctx, false)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var out []int
	for _, it := range all {
		if y := EvidenceYear(it); y > 0 && !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out, nil
}

// EvidenceTags returns the tags in use, for a filter.
func (a *App) EvidenceTags(ctx context.Context) ([]string, error) {
	return a.store().EvidenceTags(ctx)
}

// EvidenceItem returns one item with its files and links.
func (a *App) EvidenceItem(ctx context.Context, id string) (store.EvidenceItem, error) {
	it, err := a.store().EvidenceItem(ctx, strings.TrimSpace(id))
	if err != nil {
		return it, fmt.Errorf("%w: there is no evidence with ID %s (see evidence list)", err, id)
	}
	return it, nil
}

// SaveEvidence saves an item's changed details after checking them.
// Its files, links and place in the bin are changed by other methods.
func (a *App) SaveEvidence(ctx context.Context, it store.EvidenceItem) error {
	if err := a.checkEvidence(ctx, &it, false); err != nil {
		return fmt.Errorf("save evidence: %w", err)
	}
	return a.store().SaveEvidenceItem(ctx, it)
}

// BinEvidence moves an item to the bin, from where RestoreEvidence brings
// it back until the bin is emptied.
func (a *App) BinEvidence(ctx context.Context, id string) error {
	if err := a.store().BinEvidence(ctx, strings.TrimSpace(id)); err != nil {
		return fmt.Errorf("%w (see evidence list)", err)
	}
	return nil
}

// RestoreEvidence takes an item out of the bin.
func (a *App) RestoreEvidence(ctx context.Context, id string) error {
	return a.store().RestoreEvidence(ctx, strings.TrimSpace(id))
}

// EmptyEvidenceBin removes the items in the bin for good, and every kept
// file no other item uses.
func (a *App) EmptyEvidenceBin(ctx context.Context) (store.EmptiedBin, error) {
	return a.store().EmptyEvidenceBin(ctx)
}

// RemoveEvidenceFile takes one file off its item; RestoreEvidenceFile
// undoes it until the bin is emptied.
func (a *App) RemoveEvidenceFile(ctx context.Context, fileID string) error {
	return a.store().RemoveEvidenceFile(ctx, fileID)
}

// RestoreEvidenceFile undoes RemoveEvidenceFile.
func (a *App) RestoreEvidenceFile(ctx context.Context, fileID string) error {
	return a.store().RestoreEvidenceFile(ctx, fileID)
}

// EvidenceCheck is the result of VerifyEvidence.
type EvidenceCheck struct {
	Checked  int                 `json:"checked"`
	Problems []store.BlobProblem `json:"problems"`
}

// VerifyEvidence checks every kept file against the SHA-256 it was
// stored under, and names each one that is missing or damaged.
func (a *App) VerifyEvidence(ctx context.Context) (EvidenceCheck, error) {
	n, problems, err := a.store().VerifyEvidence(ctx)
	if problems == nil {
		problems = []store.BlobProblem{}
	}
	return EvidenceCheck{Checked: n, Problems: problems}, err
}

// RebuildEvidenceSearch repairs search: it reads again the words of kept
// files whose text is missing on this computer, tries again the files
// whose words could not be read before (this version may read more kinds
// of file), then makes the search index again from scratch. It returns
// how many files it read.
func (a *App) RebuildEvidenceSearch(ctx context.Context) (int, error) {
	n, err := a.RefreshEvidenceText(ctx)
	if err != nil {
		return n, err
	}
	m, err := a.rereadUnreadEvidence(ctx)
	n += m
	if err != nil {
		return n, err
	}
	return n, a.store().RebuildEvidenceSearch(ctx)
}

// rereadUnreadEvidence reads again the kept files whose words could not
// be read when they were added, and records what changed. It returns how
// many files now read differently.
func (a *App) rereadUnreadEvidence(ctx context.Context) (int, error) {
	st := a.store()
	files, err := st.EvidenceFilesUnread(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		blob, err := st.ReadBlob(ctx, f.SHA256)
		if err != nil {
			continue // VerifyEvidence reports missing and damaged files
		}
		an := analyseEvidenceFile(ctx, blob, f.Size, f.Name)
		blob.Close()
		if ctx.Err() != nil {
			return n, ctx.Err()
		}
		if an.MediaType == f.MediaType && an.TextState == f.TextState && an.TextNote == f.TextNote {
			continue
		}
		if err := st.SetEvidenceFileAnalysis(ctx, f.ID, an); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// RefreshEvidenceText reads again the words of kept files whose text is
// missing on this computer (a file that arrived from a supporter's
// device, or a search index lost) and returns how many it read.
func (a *App) RefreshEvidenceText(ctx context.Context) (int, error) {
	st := a.store()
	missing, err := st.EvidenceTextMissing(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, sha := range missing {
		f, err := st.ReadBlob(ctx, sha)
		if err != nil {
			continue // VerifyEvidence reports missing and damaged files
		}
		fi, err := f.Stat()
		if err == nil {
			an := analyseEvidenceFile(ctx, f, fi.Size(), "")
			if an.TextState == store.TextSearchable {
				err = st.SetEvidenceText(ctx, sha, an.Text)
				n++
			}
		}
		f.Close()
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
