// Command ownplanctl is OwnPlan without windows: every capability of the
// desktop app from a terminal, for screen-reader users, scripts and tests.
// It is pure Go and builds with CGO_ENABLED=0.
//
// Usage:
//
//	ownplanctl [--data DIR] COMMAND [ARGUMENTS]
//
// Run "ownplanctl help" for the commands. Exit status is 0 on success, 1
// when a command fails and 2 when it was used wrongly.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
