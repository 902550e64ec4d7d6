package relay

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary run as a relay in a process of its own,
// so a benchmark can measure the relay's memory and nothing else.
func TestMain(m *testing.M) {
	if db := os.Getenv("OWNPLAN_RELAY_BENCH_DB"); db != "" {
		os.Exit(benchRelayProcess(db))
	}
	os.Exit(m.Run())
}

// benchRelayProcess serves a relay over the database at db, prints its
// address, and answers each "mem" line on standard input with its heap
// and stack in use and its connection count.
func benchRelayProcess(db string) int {
	ctx := context.Background()
	st, err := OpenSQLite(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	srv := NewServer(st, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	go http.Serve(ln, srv.Handler())
	fmt.Printf("listening on ws://%s\n", ln.Addr())
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		if in.Text() == "mem" {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Printf("%d %d %d\n", m.HeapInuse, m.StackInuse, srv.Connections())
		}
	}
	return 0
}

// rssBytes reads a process's resident memory from /proc (Linux only).
func rssBytes(pid int) (int64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// BenchmarkRelayIdleConnections runs the relay as a process of its own,
// connects 1,000 devices to it (each signed in and subscribed, as the
// app's background sync is), and reports the relay process's memory:
// its resident set (everything the operating system has given it, from
// /proc) and the Go heap and stacks in use (target: under 200 MB). The
// devices live in the benchmark's process, so none of their memory is
// counted.
func BenchmarkRelayIdleConnections(b *testing.B) {
	const n = 1000
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "relay.db")
		st, err := OpenSQLite(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		st.CreateCircle(context.Background(), "C1", "OWNER", pub, time.Now())
		for i := range n {
			st.db.Exec(`INSERT INTO devices (circle, device, key, added) VALUES ('C1', ?, ?, 0)`, deviceName(i), []byte(pub))
		}
		st.Close()

		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "OWNPLAN_RELAY_BENCH_DB="+db)
		cmd.Stderr = os.Stderr
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		out := bufio.NewReader(stdout)
		first, err := out.ReadString('\n')
		if err != nil {
			b.Fatal(err)
		}
		url := "http://" + strings.TrimSpace(strings.TrimPrefix(first, "listening on ws://"))
		mem := func() (heap, stack int64, conns int) {
			fmt.Fprintln(stdin, "mem")
			line, err := out.ReadString('\n')
			if err != nil {
				b.Fatal(err)
			}
			fmt.Sscan(line, &heap, &stack, &conns)
			return heap, stack, conns
		}
		rssBefore, _ := rssBytes(cmd.Process.Pid)
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
		time.Sleep(200 * time.Millisecond) // let the relay settle
		heap, stack, conns := mem()
		if conns != n {
			b.Fatalf("the relay holds %d connections, want %d", conns, n)
		}
		rss, ok := rssBytes(cmd.Process.Pid)
		b.ReportMetric(float64(heap+stack)/(1<<20), "MB-relay-heap+stack")
		if ok {
			b.ReportMetric(float64(rss)/(1<<20), "MB-relay-RSS")
			b.ReportMetric(float64(rss-rssBefore)/(1<<10)/n, "KB-RSS/conn")
			if rss > 200<<20 {
				b.Errorf("the relay's resident memory is %d MB with %d connections: over 200 MB", rss>>20, n)
			}
		}
		for _, c := range clients {
			c.ws.CloseNow()
		}
		stdin.Close()
		cmd.Wait()
	}
}

func deviceName(i int) string {
	const digits = "0123456789"
	return "DEV" + string(digits[i/100%10]) + string(digits[i/10%10]) + string(digits[i%10]) + string(rune('A'+i/1000))
}
