package sync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// ErrRemoved means the owner removed this device from the circle.
// Everything already on the device stays there.
var ErrRemoved = errors.New("you are no longer in this shared plan; everything already here stays on this computer")

// Engine syncs one data folder with its circle.
type Engine struct {
	st *store.Store
	id Identity
	// BatchSize is the most changes sealed into one batch.
	BatchSize int
	// Now reads this device's wall clock: the store's clock by default.
	Now func() time.Time
}

// Result counts what a sync round did.
type Result struct {
	Sent      int `json:"sent"`      // this device's changes the relay now holds
	Received  int `json:"received"`  // changes from others applied here
	Refused   int `json:"refused"`   // changes refused (the sender's role does not allow them)
	Conflicts int `json:"conflicts"` // concurrent long-text edits kept to resolve
	Held      int `json:"held"`      // batches kept to read once a key or member record arrives

	BlobChunksSent int `json:"blob_chunks_sent"` // chunks of evidence files sent
	BlobsReceived  int `json:"blobs_received"`   // evidence files received whole
}

// Batch is the payload of a KindChanges envelope.
type Batch struct {
	Changes []store.RemoteChange `json:"changes"`
}

// NewEngine returns an engine for st, making this device's keys the
// first time.
func NewEngine(ctx context.Context, st *store.Store) (*Engine, error) {
	id, err := LoadIdentity(ctx, st)
	if err != nil {
		return nil, err
	}
	return &Engine{st: st, id: id, BatchSize: 500, Now: st.WallClock}, nil
}

// Identity returns this device's keys.
func (e *Engine) Identity() Identity { return e.id }

// session is a signed-in connection to the circle's relay.
type session struct {
	e      *Engine
	c      *client
	circle store.Circle
	keys   map[int][]byte
	res    Result
	// members changed during this session: check this device's role.
	membersChanged bool
	// Messages handled but not yet recorded, and the changes they carry:
	// applied together by flush.
	pendingMsgs []store.RelayMessage
	pending     []store.RemoteChange
}

// connect signs in to the circle's relay.
func (e *Engine) connect(ctx context.Context) (*session, error) {
	circle, err := e.st.Circle(ctx)
	if err != nil {
		return nil, err
	}
	if circle.State == store.CircleRemoved {
		return nil, ErrRemoved
	}
	c, err := dialRelay(ctx, circle.Relay)
	if err != nil {
		return nil, err
	}
	if err := checkClock(e.Now(), c.relayTime()); err != nil {
		c.close()
		return nil, err
	}
	_, err = c.call(ctx, relay.Frame{Type: relay.TypeHello, Circle: circle.ID, Device: e.id.Device,
		Sig: signAuth(e.id, c, circle.ID)})
	if err != nil {
		c.close()
		var re *RelayError
		if errors.As(err, &re) && (re.Code == relay.CodeRevoked || re.Code == relay.CodeUnknownDevice) {
			if circle.Role != store.RoleOwner {
				e.st.SetCircleState(ctx, circle.ID, store.CircleRemoved)
				return nil, ErrRemoved
			}
		}
		return nil, err
	}
	keys, err := e.st.CircleKeys(ctx, circle.ID)
	if err != nil {
		c.close()
		return nil, err
	}
	return &session{e: e, c: c, circle: circle, keys: keys}, nil
}

func signAuth(id Identity, c *client, circle string) []byte {
	return edSign(id, relay.AuthMessage(c.challenge.Nonce, circle, id.Device))
}

func (s *session) close() { s.c.close() }

// Round runs one sync round: it connects, applies everything new on the
// relay, sends everything this device has not sent, and disconnects.
func (e *Engine) Round(ctx context.Context) (Result, error) {
	if _, err := e.st.ApplyParked(ctx); err != nil {
		return Result{}, err
	}
	s, err := e.connect(ctx)
	if err != nil {
		e.recordProblem(ctx, err)
		return Result{}, err
	}
	defer s.close()
	if err := s.exchange(ctx); err != nil {
		e.recordProblem(ctx, err)
		return s.res, err
	}
	e.st.SetSyncResult(ctx, s.circle.ID, time.Now(), "")
	return s.res, nil
}

// exchange receives, then sends, then receives what arrived meanwhile.
func (s *session) exchange(ctx context.Context) error {
	if err := s.receive(ctx); err != nil {
		return err
	}
	if err := s.sendAll(ctx); err != nil {
		return err
	}
	return s.receive(ctx)
}

func (e *Engine) recordProblem(ctx context.Context, err error) {
	c, cerr := e.st.Circle(ctx)
	if cerr != nil || ctx.Err() != nil {
		return
	}
	e.st.SetSyncResult(ctx, c.ID, time.Time{}, problemText(err))
}

// currentKey returns the newest circle key and its epoch.
func (s *session) currentKey() (int, []byte) {
	best := 0
	for e := range s.keys {
		if e > best {
			best = e
		}
	}
	return best, s.keys[best]
}

// maxBatchBytes bounds the values in one batch, well under the relay's
// message size limit.
const maxBatchBytes = 2 << 20

// send seals and sends this device's changes not yet on the relay,
// advancing the sent cursor only when the relay has stored each batch.
func (s *session) send(ctx context.Context) error {
	circle, err := s.e.st.Circle(ctx)
	if err != nil {
		return err
	}
	after := circle.SentSeq
	for {
		outs, err := s.e.st.OutgoingChanges(ctx, after, s.e.BatchSize)
		if err != nil {
			return err
		}
		if len(outs) == 0 {
			return nil
		}
		var b Batch
		size, last := 0, after
		for _, o := range outs {
			// A record entry's fields share a Seq: never split them.
			if size > maxBatchBytes && len(b.Changes) > 0 && o.Seq != last {
				break
			}
			b.Changes = append(b.Changes, o.RemoteChange)
			size += len(o.Value) + 64
			last = o.Seq
		}
		payload, err := json.Marshal(b)
		if err != nil {
			return err
		}
		epoch, key := s.currentKey()
		env, err := Seal(Header{Kind: KindChanges, Epoch: epoch, Circle: s.circle.ID, Sender: s.e.id.Device}, key, s.e.id.Sign, payload)
		if err != nil {
			return err
		}
		ref := fmt.Sprintf("c%d-%d", after+1, last)
		if _, err := s.c.call(ctx, relay.Frame{Type: relay.TypePut, Ref: ref, Body: env}); err != nil {
			return fmt.Errorf("send changes: %w", err)
		}
		if err := s.e.st.SetSentSeq(ctx, s.circle.ID, last); err != nil {
			return err
		}
		s.res.Sent += len(b.Changes)
		after = last
	}
}

// sendAll sends this device's changes, then its shared evidence files:
// records first, so that a file's details arrive before the file.
func (s *session) sendAll(ctx context.Context) error {
	if err := s.send(ctx); err != nil {
		return err
	}
	return s.sendBlobs(ctx)
}

// put seals and stores one envelope of kind k.
func (s *session) put(ctx context.Context, k Kind, epoch int, v any) error {
	payload, err := json.Marshal(v)
	if err != nil {
		return err
	}
	key := s.keys[epoch]
	env, err := Seal(Header{Kind: k, Epoch: epoch, Circle: s.circle.ID, Sender: s.e.id.Device}, key, s.e.id.Sign, payload)
	if err != nil {
		return err
	}
	_, err = s.c.call(ctx, relay.Frame{Type: relay.TypePut, Body: env})
	return err
}
