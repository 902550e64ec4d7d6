package sync

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ownplan/ownplan/store"
)

func noAnalysis(ctx context.Context, f *os.File, size int64, name string) store.FileAnalysis {
	return store.FileAnalysis{MediaType: "application/octet-stream", TextState: "no-text"}
}

// addEvidence adds an evidence item with one file of content.
func addEvidence(t testing.TB, d *device, title string, shared bool, content []byte) store.EvidenceItem {
	t.Helper()
	it, err := d.st.AddEvidence(context.Background(), store.EvidenceItem{Title: title, Shared: shared},
		[]store.EvidenceSource{{Name: title + ".pdf", Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }}},
		noAnalysis)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func readBlob(t testing.TB, d *device, sha string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := d.st.CopyBlob(context.Background(), sha, &b); err != nil {
		return nil
	}
	return b.Bytes()
}

func TestSyncEvidenceFilesOnlySharedResumable(t *testing.T) {
	ctx := context.Background()
	r := startRelay(t)
	owner := newCircle(t, r)
	sam := invite(t, owner, "Sam", store.RoleEditor)
	val := invite(t, owner, "Val", store.RoleViewer)

	big := make([]byte, 3*store.BlobChunkSize+12345)
	rand.Read(big)
	private := []byte("PRIVATE-LETTER-CANARY: not for sharing")
	shared := addEvidence(t, owner, "Decision letter", true, big)
	secret := addEvidence(t, owner, "Private letter", false, private)
	sha := shared.Files[0].SHA256

	// The upload is cut after two chunks; the next round goes on from there.
	proxy := newCutProxy(t, r.addr)
	useRelay(t, owner, proxy.url())
	proxy.up.Store(int64(2*store.BlobChunkSize + 64<<10))
	for i := 0; ; i++ {
		if _, err := owner.e.Round(ctx); err == nil {
			break
		} else if i == 5 {
			t.Fatalf("upload never finished: %v", err)
		}
		proxy.up.Store(0)
	}
	if proxy.cuts.Load() == 0 {
		t.Fatal("the upload was not interrupted")
	}
	next, done, _ := owner.st.BlobSent(ctx, func() string { c, _ := owner.st.Circle(ctx); return c.ID }(), sha)
	if !done || next != 4 {
		t.Fatalf("sent state %d %v", next, done)
	}

	res := sam.round()
	if res.BlobsReceived != 1 {
		t.Fatalf("Sam's round %+v", res)
	}
	if got := readBlob(t, sam, sha); !bytes.Equal(got, big) {
		t.Fatalf("Sam's copy differs (%d bytes)", len(got))
	}
	if readBlob(t, sam, secret.Files[0].SHA256) != nil {
		t.Error("a file not marked as shared was sent")
	}
	val.round()
	if !bytes.Equal(readBlob(t, val, sha), big) {
		t.Error("the viewer did not get the shared file")
	}
	// Chunks are stored once on the relay, however often the upload was retried.
	circle, _ := owner.st.Circle(ctx)
	ms, _ := r.st.Read(ctx, circle.ID, 0, 100000, 1<<30)
	chunks := 0
	for _, m := range ms {
		if h, _, _ := ReadHeader(m.Body); h.Kind == KindBlob {
			chunks++
		}
		if bytes.Contains(m.Body, private) || bytes.Contains(m.Body, big[:64]) {
			t.Error("the relay holds evidence in the clear")
		}
	}
	if chunks != 4 {
		t.Errorf("%d chunks on the relay, want 4", chunks)
	}
	// An editor's shared evidence reaches the owner; a viewer may not send files.
	mine := []byte("receipt from Sam's side")
	it := addEvidence(t, sam, "Receipt", true, mine)
	sam.round()
	owner.round()
	if !bytes.Equal(readBlob(t, owner, it.Files[0].SHA256), mine) {
		t.Error("the editor's evidence file did not arrive")
	}
	if _, err := os.Stat(filepath.Join(sam.st.Dir(), "blobs", "incoming")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(sam.st.Dir(), "blobs", "incoming"))
		if len(entries) != 0 {
			t.Errorf("partial files left behind: %v", entries)
		}
	}
}
