// Command ownplan-relay runs OwnPlan's sync relay: a store-and-forward
// mailbox for each sharing circle. It never sees what is shared, only
// sealed batches, circle and device IDs, sizes and times, and its logs
// hold no more than that.
//
// Usage:
//
//	ownplan-relay [--listen HOST:PORT] [--db FILE] [--tls-cert FILE --tls-key FILE]
//
// The first line it prints is "listening on ws://HOST:PORT" (wss:// with
// TLS); --listen 127.0.0.1:0 picks a free port. Without TLS, put it behind
// a reverse proxy that terminates TLS: devices refuse plain ws:// to any
// computer but their own.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/ownplan/ownplan/sync/relay"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ownplan-relay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8443", "the address to listen on; port 0 picks a free one")
	dbPath := fs.String("db", "ownplan-relay.db", "the SQLite file that holds the mailboxes")
	cert := fs.String("tls-cert", "", "TLS certificate file (PEM); with --tls-key, serve wss://")
	key := fs.String("tls-key", "", "TLS private key file (PEM)")
	maxMsg := fs.Int64("max-message", 16<<20, "the largest message accepted, in bytes")
	rate := fs.Float64("rate", 100, "messages a second allowed per connection")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*cert == "") != (*key == "") {
		fmt.Fprintln(stderr, "ownplan-relay: give both --tls-cert and --tls-key, or neither")
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := relay.OpenSQLite(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(stderr, "ownplan-relay:", err)
		return 1
	}
	defer st.Close()
	srv := relay.NewServer(st, relay.Options{MaxMessage: *maxMsg, Rate: *rate, Logger: log})
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(stderr, "ownplan-relay:", err)
		return 1
	}
	scheme := "ws"
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if *cert != "" {
		pair, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			fmt.Fprintln(stderr, "ownplan-relay: TLS:", err)
			return 1
		}
		hs.TLSConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, hs.TLSConfig)
		scheme = "wss"
	}
	fmt.Fprintf(stdout, "listening on %s://%s\n", scheme, ln.Addr())
	log.Info("relay started", "address", ln.Addr().String(), "tls", scheme == "wss", "db", *dbPath)

	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			log.Error("relay stopped", "error", err.Error())
			return 1
		}
	case <-ctx.Done():
	}
	log.Info("relay shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown()
	hs.Shutdown(shutCtx)
	log.Info("relay stopped")
	return 0
}
