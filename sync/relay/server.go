package relay

import (
	"context"
	"crypto/rand"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Options tune a Server. Zero values take the defaults.
type Options struct {
	MaxMessage int64            // largest websocket message accepted, bytes (16 MiB)
	ReadBytes  int              // most message bytes in one read reply (8 MiB)
	Rate       float64          // frames a second per connection (100)
	Burst      int              // frames at once per connection (400)
	Now        func() time.Time // the relay's clock (time.Now)
	Logger     *slog.Logger     // where to log; never content (slog.Default)
}

// Server is a relay: a websocket endpoint at /v1/ws and a health check
// at /healthz.
type Server struct {
	store Storage
	opts  Options
	log   *slog.Logger

	mu     sync.Mutex
	conns  map[*conn]struct{}
	subs   map[string]map[*conn]struct{}
	closed bool
}

// NewServer makes a relay over st.
func NewServer(st Storage, o Options) *Server {
	if o.MaxMessage <= 0 {
		o.MaxMessage = 16 << 20
	}
	if o.ReadBytes <= 0 {
		o.ReadBytes = 8 << 20
	}
	if o.Rate <= 0 {
		o.Rate = 100
	}
	if o.Burst <= 0 {
		o.Burst = 400
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Server{store: st, opts: o, log: o.Logger, conns: map[*conn]struct{}{}, subs: map[string]map[*conn]struct{}{}}
}

// Handler serves the relay's endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /v1/ws", s.serveWS)
	return mux
}

// Shutdown closes every websocket connection, telling devices the relay
// is going away; they reconnect and resume later.
func (s *Server) Shutdown() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	// Each close waits for the device's answer, so close them together.
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.ws.Close(websocket.StatusGoingAway, "relay shutting down")
		}()
	}
	wg.Wait()
}

// Connections returns how many devices are connected.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{CompressionMode: websocket.CompressionDisabled})
	if err != nil {
		s.log.Info("websocket refused", "error", err.Error())
		return
	}
	ws.SetReadLimit(s.opts.MaxMessage)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	c := &conn{s: s, ws: ws, ctx: ctx, lim: newLimiter(s.opts.Rate, s.opts.Burst), notify: make(chan struct{}, 1)}
	c.nonce = make([]byte, 32)
	rand.Read(c.nonce)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close(websocket.StatusGoingAway, "relay shutting down")
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer s.drop(c)
	c.run()
}

func (s *Server) drop(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	if m := s.subs[c.circle]; m != nil {
		delete(m, c)
		if len(m) == 0 {
			delete(s.subs, c.circle)
		}
	}
	s.mu.Unlock()
	c.ws.CloseNow()
}

func (s *Server) subscribe(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.subs[c.circle] == nil {
		s.subs[c.circle] = map[*conn]struct{}{}
	}
	s.subs[c.circle][c] = struct{}{}
}

// wake tells the circle's subscribed devices that its mailbox grew.
func (s *Server) wake(circle string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.subs[circle] {
		select {
		case c.notify <- struct{}{}:
		default:
		}
	}
}

// kick disconnects a revoked device.
func (s *Server) kick(circle, device string) {
	s.mu.Lock()
	var victims []*conn
	for c := range s.conns {
		if c.circle == circle && c.device == device {
			victims = append(victims, c)
		}
	}
	s.mu.Unlock()
	for _, c := range victims {
		// Closing waits for the device's answer: do not hold up the owner.
		go c.ws.Close(websocket.StatusPolicyViolation, CodeRevoked)
	}
}
