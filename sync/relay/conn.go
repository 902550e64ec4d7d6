package relay

import (
	"context"
	"crypto/ed25519"
	"crypto/subtle"
	"errors"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// conn is one device's websocket connection.
type conn struct {
	s      *Server
	ws     *websocket.Conn
	ctx    context.Context
	nonce  []byte
	lim    *limiter
	notify chan struct{}

	// Set once the device has proved who it is; guarded by s.mu.
	circle, device string
	owner          bool
	authed         bool

	wmu        sync.Mutex
	subscribed bool
}

// protocolError is a request refused with a code the device understands.
type protocolError struct{ code, msg string }

func (e protocolError) Error() string { return e.msg }

func refuse(code, msg string) error { return protocolError{code, msg} }

func (c *conn) run() {
	if err := c.write(Frame{Type: TypeChallenge, Nonce: c.nonce, Time: c.s.opts.Now().UnixMilli()}); err != nil {
		return
	}
	// One goroutine reads the next frame off the network while this one
	// handles the last: a device sending many large messages (evidence
	// files) keeps both busy. At most two frames wait, so a fast device
	// cannot make the relay buffer more than that.
	frames := make(chan Frame, 1)
	ctx, cancel := context.WithCancel(c.ctx)
	defer cancel()
	go func() {
		defer close(frames)
		for {
			typ, data, err := c.ws.Read(ctx)
			if err != nil {
				if websocket.CloseStatus(err) == -1 && !errors.Is(err, context.Canceled) {
					c.s.log.Info("connection closed", "circle", c.circleID(), "device", c.deviceID(), "reason", err.Error())
				}
				return
			}
			if err := c.lim.wait(ctx); err != nil {
				return
			}
			f, err := ParseFrame(data)
			if typ != websocket.MessageBinary || err != nil {
				c.s.log.Warn("malformed frame", "circle", c.circleID(), "device", c.deviceID(), "bytes", len(data))
				c.write(Frame{Type: TypeError, Code: CodeBadRequest, Error: "malformed frame"})
				c.ws.Close(websocket.StatusUnsupportedData, "malformed frame")
				return
			}
			select {
			case frames <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	for f := range frames {
		reply, err := c.handle(f)
		if err != nil {
			var pe protocolError
			if !errors.As(err, &pe) {
				c.s.log.Error("request failed", "type", f.Type, "circle", c.circleID(), "device", c.deviceID(), "error", err.Error())
				pe = protocolError{CodeInternal, "the relay could not do that; try again later"}
			}
			reply = Frame{Type: TypeError, Code: pe.code, Error: pe.msg}
		}
		reply.ID = f.ID
		if err := c.write(reply); err != nil {
			return
		}
	}
}

func (c *conn) write(f Frame) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	ctx, cancel := context.WithTimeout(c.ctx, 30*time.Second)
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageBinary, f.Marshal())
}

func (c *conn) circleID() string {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.circle
}

func (c *conn) deviceID() string {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.device
}

func (c *conn) authenticate(circle, device string, owner bool) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.circle, c.device, c.owner, c.authed = circle, device, owner, true
}

func (c *conn) handle(f Frame) (Frame, error) {
	ctx := c.ctx
	now := c.s.opts.Now()
	switch f.Type {
	case TypeHello:
		if c.authed {
			return Frame{}, refuse(CodeBadRequest, "already signed in")
		}
		d, err := c.s.store.Device(ctx, f.Circle, f.Device)
		if errors.Is(err, ErrNotFound) {
			return Frame{}, refuse(CodeUnknownDevice, "this device is not registered to the circle")
		}
		if err != nil {
			return Frame{}, err
		}
		if d.Revoked {
			return Frame{}, refuse(CodeRevoked, "this device was removed from the circle")
		}
		if !ed25519.Verify(d.Key, AuthMessage(c.nonce, f.Circle, f.Device), f.Sig) {
			return Frame{}, refuse(CodeUnauthorised, "the signature does not match")
		}
		c.authenticate(f.Circle, f.Device, d.Owner)
		seq, err := c.s.store.LastSeq(ctx, f.Circle)
		if err != nil {
			return Frame{}, err
		}
		c.s.log.Info("device connected", "circle", f.Circle, "device", f.Device)
		return Frame{Type: TypeOK, Seq: seq, Time: now.UnixMilli()}, nil

	case TypeCreate:
		if c.authed {
			return Frame{}, refuse(CodeBadRequest, "already signed in")
		}
		if len(f.Key) != ed25519.PublicKeySize || f.Circle == "" || f.Device == "" || len(f.Circle) > 64 || len(f.Device) > 64 {
			return Frame{}, refuse(CodeBadRequest, "a new circle needs an ID, a device and its key")
		}
		if !ed25519.Verify(f.Key, AuthMessage(c.nonce, f.Circle, f.Device), f.Sig) {
			return Frame{}, refuse(CodeUnauthorised, "the signature does not match")
		}
		if err := c.s.store.CreateCircle(ctx, f.Circle, f.Device, f.Key, now); err != nil {
			if errors.Is(err, ErrExists) {
				return Frame{}, refuse(CodeExists, "that circle already exists")
			}
			return Frame{}, err
		}
		c.authenticate(f.Circle, f.Device, true)
		c.s.log.Info("circle created", "circle", f.Circle, "device", f.Device)
		return Frame{Type: TypeOK, Time: now.UnixMilli()}, nil

	case TypeInvitePeek, TypeInviteUse:
		return c.invite(f, now)
	}

	if !c.authed {
		return Frame{}, refuse(CodeUnauthorised, "sign in first")
	}
	if f.Type == TypePut || f.Type == TypeRead {
		// A device removed while connected to another relay instance
		// must stop at once here too.
		d, err := c.s.store.Device(ctx, c.circle, c.device)
		if err != nil || d.Revoked {
			return Frame{}, refuse(CodeRevoked, "this device was removed from the circle")
		}
	}
	switch f.Type {
	case TypePut:
		if len(f.Body) == 0 {
			return Frame{}, refuse(CodeBadRequest, "nothing to store")
		}
		if len(f.Ref) > 128 {
			return Frame{}, refuse(CodeBadRequest, "reference too long")
		}
		seq, err := c.s.store.Append(ctx, c.circle, c.device, f.Ref, f.Body, now)
		if err != nil {
			return Frame{}, err
		}
		c.s.log.Info("stored", "circle", c.circle, "device", c.device, "seq", seq, "bytes", len(f.Body))
		c.s.wake(c.circle)
		return Frame{Type: TypeAck, Seq: seq}, nil

	case TypeRead:
		limit := f.Limit
		if limit <= 0 || limit > 1000 {
			limit = 1000
		}
		ms, err := c.s.store.Read(ctx, c.circle, f.After, limit, c.s.opts.ReadBytes)
		if err != nil {
			return Frame{}, err
		}
		last := f.After
		if len(ms) > 0 {
			last = ms[len(ms)-1].Seq
		}
		// A device has its own messages already: send only their numbers.
		for i := range ms {
			if ms[i].Sender == c.device {
				ms[i].Body = nil
			}
		}
		return Frame{Type: TypeMsgs, Seq: last, Limit: len(ms), Body: EncodeMessages(ms)}, nil

	case TypeSub:
		if !c.subscribed {
			c.subscribed = true
			c.s.subscribe(c)
			go c.notifier()
			c.notify <- struct{}{}
		}
		return Frame{Type: TypeOK}, nil

	case TypeInvitePut:
		if !c.owner {
			return Frame{}, refuse(CodeNotOwner, "only the circle's owner can invite people")
		}
		if f.Lookup == "" || len(f.Lookup) > 64 || len(f.Verifier) != 32 || len(f.Body) == 0 || f.Expires <= now.UnixMilli() {
			return Frame{}, refuse(CodeBadRequest, "an invite needs a lookup, a verifier, a welcome and a time to expire")
		}
		err := c.s.store.PutInvite(ctx, Invite{Lookup: f.Lookup, Circle: c.circle, Verifier: f.Verifier, Body: f.Body,
			Created: now, Expires: time.UnixMilli(f.Expires)})
		if err != nil {
			return Frame{}, err
		}
		c.s.log.Info("invite stored", "circle", c.circle, "device", c.device)
		return Frame{Type: TypeOK}, nil

	case TypeInviteCancel:
		if !c.owner {
			return Frame{}, refuse(CodeNotOwner, "only the circle's owner can cancel invites")
		}
		if err := c.s.store.CancelInvite(ctx, c.circle, f.Lookup); err != nil {
			if errors.Is(err, ErrNotFound) {
				return Frame{}, refuse(CodeInviteUnknown, "there is no such invite")
			}
			return Frame{}, err
		}
		c.s.log.Info("invite cancelled", "circle", c.circle, "device", c.device)
		return Frame{Type: TypeOK}, nil

	case TypeRevoke:
		if !c.owner {
			return Frame{}, refuse(CodeNotOwner, "only the circle's owner can remove members")
		}
		if f.Device == c.device {
			return Frame{}, refuse(CodeBadRequest, "the owner cannot remove their own device")
		}
		if err := c.s.store.RevokeDevice(ctx, c.circle, f.Device); err != nil {
			if errors.Is(err, ErrNotFound) {
				return Frame{}, refuse(CodeUnknownDevice, "that device is not in the circle")
			}
			return Frame{}, err
		}
		c.s.kick(c.circle, f.Device)
		c.s.log.Info("device revoked", "circle", c.circle, "device", f.Device)
		return Frame{Type: TypeOK}, nil
	}
	return Frame{}, refuse(CodeBadRequest, "unknown request "+f.Type)
}

// invite answers a peek at, or the use of, an invite.
func (c *conn) invite(f Frame, now time.Time) (Frame, error) {
	inv, err := c.s.store.Invite(c.ctx, f.Lookup)
	if errors.Is(err, ErrNotFound) {
		return Frame{}, refuse(CodeInviteUnknown, "there is no invite with this code")
	}
	if err != nil {
		return Frame{}, err
	}
	if subtle.ConstantTimeCompare(Verifier(f.Proof), inv.Verifier) != 1 {
		return Frame{}, refuse(CodeInviteUnknown, "there is no invite with this code")
	}
	if f.Type == TypeInviteUse {
		if c.authed {
			return Frame{}, refuse(CodeBadRequest, "already signed in")
		}
		if len(f.Key) != ed25519.PublicKeySize || f.Device == "" || len(f.Device) > 64 ||
			!ed25519.Verify(f.Key, AuthMessage(c.nonce, inv.Circle, f.Device), f.Sig) {
			return Frame{}, refuse(CodeUnauthorised, "the signature does not match")
		}
		inv, err = c.s.store.UseInvite(c.ctx, f.Lookup, f.Device, f.Key, now)
	} else {
		err = inviteState(inv, now)
	}
	switch {
	case errors.Is(err, ErrInviteUsed):
		return Frame{}, refuse(CodeInviteUsed, "this invite has already been used")
	case errors.Is(err, ErrInviteExpired):
		return Frame{}, refuse(CodeInviteExpired, "this invite has expired")
	case errors.Is(err, ErrInviteCancelled):
		return Frame{}, refuse(CodeInviteCancel, "this invite was cancelled")
	case err != nil:
		return Frame{}, err
	}
	if f.Type == TypeInviteUse {
		c.authenticate(inv.Circle, f.Device, false)
		c.s.log.Info("invite used", "circle", inv.Circle, "device", f.Device)
	}
	return Frame{Type: TypeWelcome, Circle: inv.Circle, Expires: inv.Expires.UnixMilli(), Body: inv.Body}, nil
}

// notifier sends a notify frame whenever the mailbox grows.
func (c *conn) notifier() {
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.notify:
		}
		seq, err := c.s.store.LastSeq(c.ctx, c.circle)
		if err != nil {
			continue
		}
		if err := c.write(Frame{Type: TypeNotify, Seq: seq}); err != nil {
			return
		}
	}
}
