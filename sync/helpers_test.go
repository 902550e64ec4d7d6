package sync

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
	"github.com/ownplan/ownplan/sync/relay"
)

// testRelay is a real relay on 127.0.0.1 with a real SQLite mailbox.
type testRelay struct {
	t      testing.TB
	url    string
	addr   string
	dbPath string
	st     *relay.SQLite
	srv    *relay.Server
	hs     *http.Server
	opts   relay.Options
	// wrap, when set, stands between the relay and its SQLite storage.
	wrap func(relay.Storage) relay.Storage
}

func startRelay(t testing.TB) *testRelay {
	t.Helper()
	r := &testRelay{t: t, dbPath: filepath.Join(t.TempDir(), "relay.db"), addr: "127.0.0.1:0",
		opts: relay.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}}
	r.start()
	t.Cleanup(r.stop)
	return r
}

func (r *testRelay) start() {
	r.t.Helper()
	st, err := relay.OpenSQLite(context.Background(), r.dbPath)
	if err != nil {
		r.t.Fatal(err)
	}
	ln, err := net.Listen("tcp", r.addr)
	if err != nil {
		r.t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	r.url = "ws://" + r.addr
	r.st = st
	var storage relay.Storage = st
	if r.wrap != nil {
		storage = r.wrap(st)
	}
	r.srv = relay.NewServer(storage, r.opts)
	r.hs = &http.Server{Handler: r.srv.Handler()}
	go r.hs.Serve(ln)
}

func (r *testRelay) stop() {
	if r.hs == nil {
		return
	}
	r.srv.Shutdown()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r.hs.Shutdown(ctx)
	r.st.Close()
	r.hs = nil
}

// restart stops the relay and starts it again on the same address.
func (r *testRelay) restart() {
	r.stop()
	r.start()
}

// device is one computer: a data folder and its sync engine.
type device struct {
	t  testing.TB
	st *store.Store
	e  *Engine
}

func newDevice(t testing.TB) *device {
	t.Helper()
	return newDeviceIn(t, t.TempDir())
}

// newDeviceIn makes a device whose data folder is inside dir.
func newDeviceIn(t testing.TB, dir string) *device {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := NewEngine(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return &device{t: t, st: st, e: e}
}

func (d *device) round() Result {
	d.t.Helper()
	res, err := d.e.Round(context.Background())
	if err != nil {
		d.t.Fatalf("sync round: %v", err)
	}
	return res
}

// newCircle makes an owner device with a profile and a circle on r.
func newCircle(t testing.TB, r *testRelay) *device {
	t.Helper()
	return newCircleOn(t, r, newDevice(t))
}

// newCircleOn gives the device o a profile and makes it the owner of a
// new circle on r.
func newCircleOn(t testing.TB, r *testRelay, o *device) *device {
	t.Helper()
	ctx := context.Background()
	if err := o.st.SaveProfile(ctx, store.Profile{Name: "Zoë Ó Briain", Council: "Suffolk County Council"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.e.CreateCircle(ctx, r.url, "Zoë"); err != nil {
		t.Fatal(err)
	}
	return o
}

// invite makes an invite on the owner and joins a new device with it,
// then lets the owner add them and the new device fetch its keys.
func invite(t testing.TB, owner *device, name string, role store.Role) *device {
	t.Helper()
	return inviteDevice(t, owner, newDevice(t), name, role)
}

// inviteDevice joins the device d to owner's circle as name with role.
func inviteDevice(t testing.TB, owner, d *device, name string, role store.Role) *device {
	t.Helper()
	ctx := context.Background()
	inv, err := owner.e.Invite(ctx, name, role, 0)
	if err != nil {
		t.Fatal(err)
	}
	code, err := ParseCode(inv.Code.String(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.e.Join(ctx, code, name); err != nil {
		t.Fatal(err)
	}
	owner.round()
	d.round()
	return d
}

func snap(t testing.TB, d *device) map[string]map[string]map[string]string {
	t.Helper()
	s, err := d.st.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sameData(t testing.TB, devs ...*device) {
	t.Helper()
	want := snap(t, devs[0])
	for i, d := range devs[1:] {
		if got := snap(t, d); !reflect.DeepEqual(got, want) {
			t.Fatalf("device %d differs from device 0:\n%v\nvs\n%v", i+1, got, want)
		}
	}
}
