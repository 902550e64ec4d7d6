package relay

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func startTestRelay(t testing.TB, o Options) (*Server, *SQLite, string) {
	t.Helper()
	st, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "relay.db"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := NewServer(st, o)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(); hs.Close(); st.Close() })
	return srv, st, hs.URL
}

type rawClient struct {
	t     testing.TB
	ws    *websocket.Conn
	nonce []byte
	time  int64
}

func dialRaw(t testing.TB, url string) *rawClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http")+"/v1/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.SetReadLimit(64 << 20)
	c := &rawClient{t: t, ws: ws}
	f := c.recv()
	if f.Type != TypeChallenge || len(f.Nonce) != 32 || f.Time == 0 {
		t.Fatalf("first frame %+v", f)
	}
	c.nonce, c.time = f.Nonce, f.Time
	t.Cleanup(func() { ws.CloseNow() })
	return c
}

func (c *rawClient) send(f Frame) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageBinary, f.Marshal())
}

func (c *rawClient) recv() Frame {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	f, err := ParseFrame(b)
	if err != nil {
		c.t.Fatal(err)
	}
	return f
}

func (c *rawClient) call(f Frame) Frame {
	c.t.Helper()
	if err := c.send(f); err != nil {
		c.t.Fatal(err)
	}
	for {
		r := c.recv()
		if r.Type != TypeNotify {
			return r
		}
	}
}

// owner creates a circle and returns a signed-in client.
func owner(t testing.TB, url, circle string) (*rawClient, ed25519.PrivateKey) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	c := dialRaw(t, url)
	r := c.call(Frame{Type: TypeCreate, Circle: circle, Device: "OWNER", Key: pub, Sig: ed25519.Sign(priv, AuthMessage(c.nonce, circle, "OWNER"))})
	if r.Type != TypeOK {
		t.Fatalf("create: %+v", r)
	}
	return c, priv
}

func TestRelayHealthz(t *testing.T) {
	_, _, url := startTestRelay(t, Options{})
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != "ok\n" {
		t.Fatalf("healthz %d %q", resp.StatusCode, b)
	}
}

func TestRelayAuthAndMailboxOrder(t *testing.T) {
	_, st, url := startTestRelay(t, Options{})
	o, priv := owner(t, url, "C1")
	// A second circle with the same ID is refused.
	pub2, priv2, _ := ed25519.GenerateKey(rand.Reader)
	x := dialRaw(t, url)
	if r := x.call(Frame{Type: TypeCreate, Circle: "C1", Device: "X", Key: pub2, Sig: ed25519.Sign(priv2, AuthMessage(x.nonce, "C1", "X"))}); r.Code != CodeExists {
		t.Errorf("second create: %+v", r)
	}
	// Unsigned requests are refused.
	y := dialRaw(t, url)
	if r := y.call(Frame{Type: TypePut, Body: []byte("x")}); r.Code != CodeUnauthorised {
		t.Errorf("put before hello: %+v", r)
	}
	// A signature over another challenge is refused.
	z := dialRaw(t, url)
	if r := z.call(Frame{Type: TypeHello, Circle: "C1", Device: "OWNER", Sig: ed25519.Sign(priv, AuthMessage(o.nonce, "C1", "OWNER"))}); r.Code != CodeUnauthorised {
		t.Errorf("replayed signature: %+v", r)
	}
	if r := z.call(Frame{Type: TypeHello, Circle: "C1", Device: "NOBODY", Sig: []byte("x")}); r.Code != CodeUnknownDevice {
		t.Errorf("unknown device: %+v", r)
	}
	// Puts get increasing sequence numbers; a retried ref is stored once.
	var seqs []int64
	for _, ref := range []string{"a", "b", "a", "c"} {
		r := o.call(Frame{Type: TypePut, Ref: ref, Body: []byte("sealed " + ref)})
		if r.Type != TypeAck {
			t.Fatalf("put: %+v", r)
		}
		seqs = append(seqs, r.Seq)
	}
	if seqs[0] != 1 || seqs[1] != 2 || seqs[2] != 1 || seqs[3] != 3 {
		t.Errorf("sequence numbers %v", seqs)
	}
	// A device reading its own messages gets their numbers, not their content.
	r := o.call(Frame{Type: TypeRead, After: 1})
	ms, err := DecodeMessages(r.Body)
	if err != nil || len(ms) != 2 || ms[0].Seq != 2 || ms[0].Sender != "OWNER" || len(ms[1].Body) != 0 {
		t.Errorf("read after 1: %+v %v", ms, err)
	}
	stored, _ := st.Read(context.Background(), "C1", 1, 10, 1<<20)
	if len(stored) != 2 || string(stored[1].Body) != "sealed c" {
		t.Errorf("stored %+v", stored)
	}
}

func TestRelayRefusesOversizedAndMalformedFramesAndStaysUp(t *testing.T) {
	srv, _, url := startTestRelay(t, Options{MaxMessage: 64 << 10})
	o, _ := owner(t, url, "C1")

	big := dialRaw(t, url)
	// The relay may cut the connection before the whole frame is written.
	big.send(Frame{Type: TypePut, Body: make([]byte, 100<<10)})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, _, err := big.ws.Read(ctx); err == nil || (websocket.CloseStatus(err) != -1 && websocket.CloseStatus(err) != websocket.StatusMessageTooBig) {
		t.Errorf("oversized frame: %v", err)
	}

	for _, junk := range [][]byte{nil, {0, 0}, {0, 0, 0, 200, '{'}, []byte("\x00\x00\x00\x02{}"), []byte("\xff\xff\xff\xffxxxx")} {
		m := dialRaw(t, url)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		m.ws.Write(ctx, websocket.MessageBinary, junk)
		f := m.recv()
		if f.Type != TypeError || f.Code != CodeBadRequest {
			t.Errorf("junk %q: %+v", junk, f)
		}
		_, _, err := m.ws.Read(ctx)
		if websocket.CloseStatus(err) != websocket.StatusUnsupportedData {
			t.Errorf("junk %q: connection not closed: %v", junk, err)
		}
		cancel()
	}
	text := dialRaw(t, url)
	text.ws.Write(context.Background(), websocket.MessageText, Frame{Type: TypeRead}.Marshal())
	if f := text.recv(); f.Code != CodeBadRequest {
		t.Errorf("text frame: %+v", f)
	}
	if _, _, err := text.ws.Read(ctx); websocket.CloseStatus(err) != websocket.StatusUnsupportedData {
		t.Errorf("text frame: connection not closed: %v", err)
	}
	// The relay still serves its other connections.
	if r := o.call(Frame{Type: TypePut, Body: []byte("still here")}); r.Type != TypeAck {
		t.Fatalf("relay harmed: %+v", r)
	}
	time.Sleep(50 * time.Millisecond)
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections left, want the owner's only", n)
	}
}

func TestRelayRateLimitSlowsNotDrops(t *testing.T) {
	_, _, url := startTestRelay(t, Options{Rate: 50, Burst: 5})
	o, _ := owner(t, url, "C1")
	start := time.Now()
	for i := range 30 {
		if r := o.call(Frame{Type: TypePut, Body: []byte{byte(i)}}); r.Type != TypeAck {
			t.Fatalf("put %d: %+v", i, r)
		}
	}
	// 30 frames at 50 a second after a burst of 5 take about half a second.
	if d := time.Since(start); d < 350*time.Millisecond {
		t.Errorf("30 frames took %v: not limited", d)
	}
}

func TestRelayInvites(t *testing.T) {
	now := time.Now()
	_, _, url := startTestRelay(t, Options{Now: func() time.Time { return now }})
	o, _ := owner(t, url, "C1")
	proof := []byte("proof-of-the-code-0123456789abcd")
	put := o.call(Frame{Type: TypeInvitePut, Lookup: "L1", Verifier: Verifier(proof), Expires: now.Add(time.Hour).UnixMilli(), Body: []byte("welcome")})
	if put.Type != TypeOK {
		t.Fatalf("invite-put: %+v", put)
	}
	a := dialRaw(t, url)
	if r := a.call(Frame{Type: TypeInvitePeek, Lookup: "L1", Proof: []byte("wrong")}); r.Code != CodeInviteUnknown {
		t.Errorf("wrong proof: %+v", r)
	}
	if r := a.call(Frame{Type: TypeInvitePeek, Lookup: "L1", Proof: proof}); r.Type != TypeWelcome || string(r.Body) != "welcome" || r.Circle != "C1" {
		t.Errorf("peek: %+v", r)
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	use := Frame{Type: TypeInviteUse, Lookup: "L1", Proof: proof, Device: "NEW", Key: pub, Sig: ed25519.Sign(priv, AuthMessage(a.nonce, "C1", "NEW"))}
	if r := a.call(use); r.Type != TypeWelcome {
		t.Fatalf("use: %+v", r)
	}
	if r := a.call(Frame{Type: TypePut, Body: []byte("hello")}); r.Type != TypeAck {
		t.Errorf("new member cannot put: %+v", r)
	}
	b := dialRaw(t, url)
	use.Sig = ed25519.Sign(priv, AuthMessage(b.nonce, "C1", "NEW"))
	if r := b.call(use); r.Code != CodeInviteUsed {
		t.Errorf("second use: %+v", r)
	}
	// Only the owner invites, cancels and revokes.
	if r := a.call(Frame{Type: TypeInvitePut, Lookup: "L2", Verifier: Verifier(proof), Expires: now.Add(time.Hour).UnixMilli(), Body: []byte("w")}); r.Code != CodeNotOwner {
		t.Errorf("member invite: %+v", r)
	}
	if r := a.call(Frame{Type: TypeRevoke, Device: "OWNER"}); r.Code != CodeNotOwner {
		t.Errorf("member revoke: %+v", r)
	}
	if r := o.call(Frame{Type: TypeRevoke, Device: "NEW"}); r.Type != TypeOK {
		t.Fatalf("revoke: %+v", r)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, _, err := a.ws.Read(ctx); websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
		t.Errorf("revoked device still connected: %v", err)
	}
}
