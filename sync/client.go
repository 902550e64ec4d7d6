package sync

import (
	"context"
	"errors"
	"fmt"
	gosync "sync"
	"time"

	"github.com/coder/websocket"

	"github.com/ownplan/ownplan/sync/relay"
)

// ErrUnreachable means the relay could not be reached. Nothing local is
// affected: changes wait on this computer until the next try.
var ErrUnreachable = errors.New("can't reach the server: your changes are safe on this computer")

// RelayError is a request the relay refused.
type RelayError struct {
	Code string
	Msg  string
}

func (e *RelayError) Error() string { return "the sharing server said: " + e.Msg }

// client is one websocket connection to a relay.
type client struct {
	ws        *websocket.Conn
	challenge relay.Frame
	// skew is the relay's clock minus this device's when connecting.
	wmu     gosync.Mutex
	mu      gosync.Mutex
	next    int64
	waiting map[int64]chan relay.Frame
	notify  chan int64
	done    chan struct{}
	err     error
}

// dialTimeout bounds connecting and the relay's first word.
const dialTimeout = 15 * time.Second

// callTimeout bounds one request.
const callTimeout = 60 * time.Second

func dialRelay(ctx context.Context, url string) (*client, error) {
	dctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	ws, _, err := websocket.Dial(dctx, url+"/v1/ws", &websocket.DialOptions{CompressionMode: websocket.CompressionDisabled})
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrUnreachable, err)
	}
	ws.SetReadLimit(64 << 20)
	typ, data, err := ws.Read(dctx)
	if err != nil {
		ws.CloseNow()
		return nil, fmt.Errorf("%w (%v)", ErrUnreachable, err)
	}
	f, err := relay.ParseFrame(data)
	if err != nil || typ != websocket.MessageBinary || f.Type != relay.TypeChallenge || len(f.Nonce) < 16 {
		ws.CloseNow()
		return nil, fmt.Errorf("%w (the server at %s is not an OwnPlan sharing server)", ErrUnreachable, url)
	}
	c := &client{ws: ws, challenge: f, waiting: map[int64]chan relay.Frame{}, notify: make(chan int64, 1), done: make(chan struct{})}
	go c.read()
	return c, nil
}

// relayTime is the relay's clock as it said when the connection opened.
func (c *client) relayTime() time.Time { return time.UnixMilli(c.challenge.Time) }

func (c *client) read() {
	defer close(c.done)
	for {
		_, data, err := c.ws.Read(context.Background())
		if err != nil {
			c.mu.Lock()
			c.err = err
			if websocket.CloseStatus(err) == websocket.StatusPolicyViolation {
				c.err = &RelayError{Code: relay.CodeRevoked, Msg: "this device was removed from the circle"}
			}
			c.mu.Unlock()
			return
		}
		f, err := relay.ParseFrame(data)
		if err != nil {
			continue
		}
		if f.Type == relay.TypeNotify {
			select {
			case <-c.notify:
			default:
			}
			c.notify <- f.Seq
			continue
		}
		c.mu.Lock()
		ch := c.waiting[f.ID]
		delete(c.waiting, f.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- f
		}
	}
}

// call sends a request and waits for its reply. An error frame comes
// back as a *RelayError; a lost connection as ErrUnreachable.
func (c *client) call(ctx context.Context, f relay.Frame) (relay.Frame, error) {
	ch := make(chan relay.Frame, 1)
	c.mu.Lock()
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return relay.Frame{}, c.lost(err)
	}
	c.next++
	f.ID = c.next
	c.waiting[f.ID] = ch
	c.mu.Unlock()
	cctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	c.wmu.Lock()
	err := c.ws.Write(cctx, websocket.MessageBinary, f.Marshal())
	c.wmu.Unlock()
	if err != nil {
		return relay.Frame{}, c.lost(err)
	}
	select {
	case r := <-ch:
		if r.Type == relay.TypeError {
			return r, &RelayError{Code: r.Code, Msg: r.Error}
		}
		return r, nil
	case <-c.done:
		c.mu.Lock()
		err := c.err
		c.mu.Unlock()
		return relay.Frame{}, c.lost(err)
	case <-cctx.Done():
		if ctx.Err() != nil {
			return relay.Frame{}, ctx.Err()
		}
		return relay.Frame{}, fmt.Errorf("%w (no answer)", ErrUnreachable)
	}
}

func (c *client) lost(err error) error {
	var re *RelayError
	if errors.As(err, &re) {
		return re
	}
	return fmt.Errorf("%w (%v)", ErrUnreachable, err)
}

func (c *client) close() {
	c.ws.Close(websocket.StatusNormalClosure, "")
}

func relayFrameSub() relay.Frame { return relay.Frame{Type: relay.TypeSub} }
