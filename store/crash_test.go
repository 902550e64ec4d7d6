//go:build unix

package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

const crashEnv = "OWNPLAN_STORE_CRASH_CHILD"

// TestMain lets the test binary act as the child process that
// TestKilledMidWriteLosesNothingCommitted kills.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashEnv); dir != "" {
		crashChild(dir)
		return
	}
	os.Exit(m.Run())
}

// crashChild writes people as fast as it can and prints the number of
// each one after its transaction commits, until it is killed.
func crashChild(dir string) {
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		if _, err := s.SavePerson(ctx, Person{Name: "Person " + strconv.Itoa(i), Notes: "written by the crash test"}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Fprintln(out, i)
		out.Flush()
	}
}

func TestKilledMidWriteLosesNothingCommitted(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := map[string]bool{}
	sc := bufio.NewScanner(stdout)
	deadline := time.Now().Add(20 * time.Second)
	for sc.Scan() {
		committed["Person "+sc.Text()] = true
		if len(committed) >= 200 || time.Now().After(deadline) {
			break
		}
	}
	// Kill without warning, in the middle of the next write.
	cmd.Process.Signal(syscall.SIGKILL)
	for sc.Scan() {
		committed["Person "+sc.Text()] = true
	}
	cmd.Wait()
	if len(committed) < 20 {
		t.Fatalf("child committed only %d writes before it was killed", len(committed))
	}

	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	people, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range people {
		have[p.Name] = true
	}
	for name := range committed {
		if !have[name] {
			t.Errorf("%s was committed but is missing after the crash", name)
		}
	}
	// Every surviving record has its journal entries.
	var orphans int
	s.db.QueryRow(`SELECT count(*) FROM people p WHERE NOT EXISTS
		(SELECT 1 FROM changes c WHERE c.tbl = 'people' AND c.row_id = p.id AND c.field = 'name')`).Scan(&orphans)
	if orphans != 0 {
		t.Errorf("%d people without journal entries", orphans)
	}
}
