package relay

import (
	"crypto/ed25519"
	"crypto/rand"
	"runtime"
	"testing"
)

// BenchmarkRelayIdleConnections holds 1,000 signed-in, subscribed
// device connections open on one relay and reports the memory in use
// (target: under 200 MB). The clients live in the same process, so the
// figure counts both ends: the relay alone uses less.
func BenchmarkRelayIdleConnections(b *testing.B) {
	const n = 1000
	for b.Loop() {
		srv, st, url := startTestRelay(b, Options{})
		owner(b, url, "C1")
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		// Register n devices directly, then connect them all.
		for i := range n {
			dev := deviceName(i)
			st.db.Exec(`INSERT INTO devices (circle, device, key, added) VALUES ('C1', ?, ?, 0)`, dev, []byte(pub))
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		clients := make([]*rawClient, n)
		for i := range n {
			c := dialRaw(b, url)
			dev := deviceName(i)
			if r := c.call(Frame{Type: TypeHello, Circle: "C1", Device: dev, Sig: ed25519.Sign(priv, AuthMessage(c.nonce, "C1", dev))}); r.Type != TypeOK {
				b.Fatalf("hello: %+v", r)
			}
			if r := c.call(Frame{Type: TypeSub}); r.Type != TypeOK {
				b.Fatalf("sub: %+v", r)
			}
			clients[i] = c
		}
		if got := srv.Connections(); got < n {
			b.Fatalf("%d connections", got)
		}
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse+after.StackInuse-before.HeapInuse-before.StackInuse)/(1<<20), "MB-for-1000-conns")
		for _, c := range clients {
			c.ws.CloseNow()
		}
	}
}

func deviceName(i int) string {
	const digits = "0123456789"
	return "DEV" + string(digits[i/100%10]) + string(digits[i/10%10]) + string(digits[i%10]) + string(rune('A'+i/1000))
}
