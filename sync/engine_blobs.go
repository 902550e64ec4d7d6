package sync

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// evidenceTable is the table whose records name evidence files: a member
// may send files only when their role lets them change it.
const evidenceTable = "evidence_files"

func encodeChunk(c store.BlobChunk) []byte {
	h, _ := json.Marshal(c)
	out := binary.BigEndian.AppendUint32(nil, uint32(len(h)))
	out = append(out, h...)
	return append(out, c.Data...)
}

func decodeChunk(b []byte) (store.BlobChunk, error) {
	var c store.BlobChunk
	if len(b) < 4 {
		return c, ErrUnreadable
	}
	n := int(binary.BigEndian.Uint32(b))
	if n > len(b)-4 || json.Unmarshal(b[4:4+n], &c) != nil {
		return c, ErrUnreadable
	}
	c.Data = b[4+n:]
	return c, nil
}

// sendBlobs sends the evidence files of items marked as shared that the
// relay does not have yet, one chunk per message, recording each chunk
// the relay stored so an interrupted upload resumes where it stopped.
func (s *session) sendBlobs(ctx context.Context) error {
	if !Allowed(s.circle.Role, evidenceTable) {
		return nil
	}
	blobs, err := s.e.st.SharedBlobs(ctx)
	if err != nil {
		return err
	}
	for _, b := range blobs {
		if err := s.sendBlob(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

func (s *session) sendBlob(ctx context.Context, b store.Blob) error {
	st := s.e.st
	next, done, err := st.BlobSent(ctx, s.circle.ID, b.SHA256)
	if err != nil || done {
		return err
	}
	chunks := int((b.Size + store.BlobChunkSize - 1) / store.BlobChunkSize)
	if b.Size == 0 {
		chunks = 1
	}
	f, err := st.ReadBlob(ctx, b.SHA256)
	if errors.Is(err, store.ErrBlobMissing) || errors.Is(err, store.ErrBlobDamaged) {
		// Nothing sound to send: the evidence check tells the person.
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	// Several chunks are in flight at once, so reading and sealing the
	// next overlaps the relay storing the last. The sent mark only moves
	// past chunks the relay has stored with all before them.
	type put struct {
		i   int
		err error
	}
	const window = 6
	results := make(chan put, window)
	inFlight, sent, launched := 0, next, next
	stored := map[int]bool{}
	var firstErr error
	for sent < chunks {
		for firstErr == nil && inFlight < window && launched < chunks {
			i := launched
			buf := make([]byte, store.BlobChunkSize)
			n, err := f.ReadAt(buf, int64(i)*store.BlobChunkSize)
			if err != nil && err != io.EOF {
				firstErr = fmt.Errorf("read evidence file: %w", err)
				break
			}
			c := store.BlobChunk{SHA256: b.SHA256, Chunk: i, Chunks: chunks, Size: b.Size, Data: buf[:n]}
			epoch, key := s.currentKey()
			env, err := Seal(Header{Kind: KindBlob, Epoch: epoch, Circle: s.circle.ID, Sender: s.e.id.Device}, key, s.e.id.Sign, encodeChunk(c))
			if err != nil {
				firstErr = err
				break
			}
			ref := fmt.Sprintf("b%s-%d", b.SHA256[:24], i)
			inFlight++
			launched++
			go func() {
				_, err := s.c.call(ctx, relay.Frame{Type: relay.TypePut, Ref: ref, Body: env})
				results <- put{i, err}
			}()
		}
		if inFlight == 0 {
			break
		}
		r := <-results
		inFlight--
		if r.err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("send evidence file: %w", r.err)
			}
			continue
		}
		stored[r.i] = true
		s.res.BlobChunksSent++
		moved := false
		for stored[sent] {
			delete(stored, sent)
			sent++
			moved = true
		}
		if moved && (sent == chunks || sent%window == 0) {
			if err := st.SetBlobSent(ctx, s.circle.ID, b.SHA256, sent, chunks); err != nil && firstErr == nil {
				firstErr = err
			}
		}
	}
	for ; inFlight > 0; inFlight-- {
		<-results
	}
	if firstErr != nil {
		st.SetBlobSent(ctx, s.circle.ID, b.SHA256, sent, chunks)
		return firstErr
	}
	return st.SetBlobSent(ctx, s.circle.ID, b.SHA256, sent, chunks)
}

// handleBlob keeps a chunk of an evidence file from a member allowed to
// add evidence.
func (s *session) handleBlob(ctx context.Context, msg store.RelayMessage, body []byte, o *Opened) error {
	st := s.e.st
	pub, role, name, known, removed, err := s.signer(ctx, msg.Sender)
	if err != nil {
		return err
	}
	switch {
	case removed:
		return st.RefuseRelay(ctx, msg, 0, fmt.Sprintf("an evidence file from %s, who is no longer in the circle", nameOr(name)))
	case !known:
		return st.HoldRelay(ctx, msg, body, "from a new member whose details have not arrived yet")
	case !Allowed(role, evidenceTable):
		return st.RefuseRelay(ctx, msg, 1, fmt.Sprintf("an evidence file from %s, who is a %s and %s", nameOr(name), role, role.Describe()))
	}
	payload, err := o.Verify(pub)
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "the signature does not match the sender: damaged or forged")
	}
	c, err := decodeChunk(payload)
	if err != nil {
		return st.RefuseRelay(ctx, msg, 0, "could not be read")
	}
	had := st.HasBlob(c.SHA256)
	complete, err := st.SaveBlobChunkFromRelay(ctx, msg, c)
	switch {
	case errors.Is(err, store.ErrBadChunk), errors.Is(err, store.ErrBlobDamaged), errors.Is(err, store.ErrTooLarge):
		return st.RefuseRelay(ctx, msg, 1, err.Error())
	case err != nil:
		return err // this computer's disk: try again next round
	}
	if complete {
		if !had {
			s.res.BlobsReceived++
		}
		// The relay has it: no device that received it sends it again.
		if err := st.SetBlobSent(ctx, s.circle.ID, c.SHA256, c.Chunks, c.Chunks); err != nil {
			return err
		}
	}
	return nil
}
