package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/ownplan/ownplan/sync/relay"
)

func TestRelayCommandListensServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var logs strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--listen", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "relay.db")}, pw, &logs)
		pw.Close()
	}()
	first, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first, "listening on ws://127.0.0.1:") {
		t.Fatalf("first line %q", first)
	}
	go io.Copy(io.Discard, pr)
	addr := strings.TrimSpace(strings.TrimPrefix(first, "listening on ws://"))
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp.Body.Close()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d; logs:\n%s", code, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("did not shut down")
	}
	if !strings.Contains(logs.String(), `"msg":"relay stopped"`) {
		t.Errorf("logs:\n%s", logs.String())
	}
}

func TestRelayCommandRefusesHalfTLS(t *testing.T) {
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"--tls-cert", "x.pem"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "both --tls-cert and --tls-key") {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
}

func TestRelayCommandServesTLS(t *testing.T) {
	dir := t.TempDir()
	certPath, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--listen", "127.0.0.1:0", "--db", filepath.Join(dir, "relay.db"), "--tls-cert", certPath, "--tls-key", keyPath}, pw, io.Discard)
		pw.Close()
	}()
	first, _ := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if !strings.HasPrefix(first, "listening on wss://127.0.0.1:") {
		t.Fatalf("first line %q", first)
	}
	pool := x509.NewCertPool()
	cert, _ := x509.ParseCertificate(der)
	pool.AddCert(cert)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := c.Get("https://" + strings.TrimSpace(strings.TrimPrefix(first, "listening on wss://")) + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz over TLS: %v", err)
	}
	resp.Body.Close()
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestMain lets the test binary run as the relay command itself, so a
// test can start it as a real process and send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("OWNPLAN_RELAY_CHILD") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestRelayProcessStopsGracefullyOnSIGTERM runs the relay as a process,
// signs a device in and stores a message, then sends SIGTERM: connected
// devices are told the relay is going away, the process exits 0, and
// every log line is JSON that never holds what devices sent.
func TestRelayProcessStopsGracefullyOnSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--listen", "127.0.0.1:0", "--db", filepath.Join(dir, "relay.db"))
	cmd.Env = append(os.Environ(), "OWNPLAN_RELAY_CHILD=1")
	var logs bytes.Buffer
	cmd.Stderr = &logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	first, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^listening on ws://127\.0\.0\.1:[1-9][0-9]*\n$`).MatchString(first) {
		t.Fatalf("first line %q", first)
	}
	url := strings.TrimSpace(strings.TrimPrefix(first, "listening on "))

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url+"/v1/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	call := func(f relay.Frame) relay.Frame {
		t.Helper()
		if err := ws.Write(ctx, websocket.MessageBinary, f.Marshal()); err != nil {
			t.Fatal(err)
		}
		_, b, err := ws.Read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		r, err := relay.ParseFrame(b)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	_, b, err := ws.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	challenge, _ := relay.ParseFrame(b)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	if r := call(relay.Frame{Type: relay.TypeCreate, ID: 1, Circle: "C1", Device: "D1", Key: pub,
		Sig: ed25519.Sign(priv, relay.AuthMessage(challenge.Nonce, "C1", "D1"))}); r.Type != relay.TypeOK {
		t.Fatalf("create: %+v", r)
	}
	const canary = "PLAINTEXT-CANARY-Zoë needs help at 7am"
	if r := call(relay.Frame{Type: relay.TypePut, ID: 2, Ref: "r1", Body: []byte(canary)}); r.Type != relay.TypeAck {
		t.Fatalf("put: %+v", r)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ws.Read(ctx); websocket.CloseStatus(err) != websocket.StatusGoingAway {
		t.Errorf("the connected device was not told the relay is going away: %v", err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the relay did not stop after SIGTERM")
	}
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", line)
			continue
		}
		msgs = append(msgs, fmt.Sprint(rec["msg"]))
		if strings.Contains(line, "CANARY") || strings.Contains(line, "Zoë") {
			t.Errorf("a log line holds what the device sent: %s", line)
		}
	}
	if got := strings.Join(msgs, ", "); !strings.Contains(got, "stored") || !strings.HasSuffix(got, "relay shutting down, relay stopped") {
		t.Errorf("log messages: %s", got)
	}
}
