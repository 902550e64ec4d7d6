// Package store is OwnPlan's local database: one person's world in one
// data folder. It owns every SQL statement in the project.
//
// Every change to a synced record goes through one write path that, in a
// single SQLite transaction, updates the field, records the field's
// version (a hybrid logical clock stamp and this device's ID) and appends
// the change to the journal. Sync reads the journal; deletes are
// tombstones (a "deleted" field set to 1) so they sync like any change.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// applicationID marks an SQLite file as OwnPlan's ("OwnP" in ASCII).
const applicationID = 0x4f776e50

const lockFile = "ownplan.lock"

// Store is an open data folder. It is safe for concurrent use.
type Store struct {
	dir      string
	db       *sql.DB
	lock     *os.File
	device   string
	clock    *Clock
	tables   map[string]map[string]string // synced table -> field -> SQLite type
	mu       sync.Mutex
	watchers map[int]func(Change)
	nextW    int
}

// Change tells watchers which kinds of record a committed transaction
// touched, so screens can refresh.
type Change struct {
	Tables []string
}

// Has reports whether c touched table.
func (c Change) Has(table string) bool {
	for _, t := range c.Tables {
		if t == table {
			return true
		}
	}
	return false
}

// Open opens the data folder dir, creating it and an empty database when
// it does not exist yet. It takes an exclusive lock on the folder, checks
// the database is OwnPlan's and not from a newer version, and brings the
// schema up to date.
func Open(ctx context.Context, dir string) (*Store, error) {
	exists, err := prepareDir(dir)
	if err != nil {
		return nil, err
	}
	lf, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open data folder %s: %w", dir, plainFSError(err))
	}
	if err := lockDir(lf); err != nil {
		lf.Close()
		return nil, fmt.Errorf("open data folder %s: %w", dir, err)
	}
	s, err := open(ctx, dir, exists)
	if err != nil {
		lf.Close()
		return nil, err
	}
	s.lock = lf
	return s, nil
}

func open(ctx context.Context, dir string, exists bool) (*Store, error) {
	path := filepath.Join(dir, DBFile)
	if !exists {
		// Create the file ourselves so that it, and the -wal and -shm files
		// SQLite derives from it, are readable by this user only.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", path, plainFSError(err))
		}
		f.Close()
	} else if err := checkHeader(path); err != nil {
		return nil, err
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: SQLite allows one writer at a time anyway, and one
	// connection means every read sees every committed write at once.
	db.SetMaxOpenConns(1)
	s := &Store{dir: dir, db: db, watchers: map[int]func(Change){}}
	if err := s.init(ctx, exists); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// checkHeader refuses files that are not SQLite databases before SQLite
// is let near them.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, plainFSError(err))
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // created but never written: treat as new
	}
	if string(head[:n]) != "SQLite format 3\x00" {
		return fmt.Errorf("%s is not a database: %w", path, ErrNotOwnPlan)
	}
	return nil
}

func (s *Store) init(ctx context.Context, exists bool) error {
	var appID, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return plainDBError(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return plainDBError(err)
	}
	switch {
	case appID == 0 && version == 0:
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return plainDBError(err)
		}
		if n > 0 {
			return fmt.Errorf("the database belongs to another program: %w", ErrNotOwnPlan)
		}
	case appID != applicationID:
		return fmt.Errorf("the database belongs to another program: %w", ErrNotOwnPlan)
	case version > SchemaVersion():
		return fmt.Errorf("schema version %d, this OwnPlan knows up to %d: %w", version, SchemaVersion(), ErrNewerSchema)
	}
	for _, p := range []string{"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"} {
		if _, err := s.db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, plainDBError(err))
		}
	}
	if err := migrate(ctx, s.db, version); err != nil {
		return err
	}
	if err := s.loadTables(ctx); err != nil {
		return err
	}
	return s.loadDevice(ctx)
}

// loadTables finds the synced record tables: every table with an id and
// a deleted column. New migrations add synced kinds of record just by
// creating such a table.
func (s *Store) loadTables(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx,
		`SELECT m.name, p.name, p.type FROM sqlite_schema m, pragma_table_info(m.name) p
		 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return plainDBError(err)
	}
	defer rows.Close()
	all := map[string]map[string]string{}
	for rows.Next() {
		var tbl, col, typ string
		if err := rows.Scan(&tbl, &col, &typ); err != nil {
			return err
		}
		if all[tbl] == nil {
			all[tbl] = map[string]string{}
		}
		all[tbl][col] = strings.ToUpper(typ)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	s.tables = map[string]map[string]string{}
	for tbl, cols := range all {
		if _, ok := cols["id"]; !ok {
			continue
		}
		if _, ok := cols["deleted"]; !ok {
			continue
		}
		delete(cols, "id")
		s.tables[tbl] = cols
	}
	return nil
}

func (s *Store) loadDevice(ctx context.Context) error {
	meta, err := s.meta(ctx)
	if err != nil {
		return err
	}
	s.device = meta["device_id"]
	var last int64
	if v := meta["hlc"]; v != "" {
		last, _ = strconv.ParseInt(v, 10, 64)
	}
	if s.device == "" {
		s.device = NewID()
		if _, err := s.db.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES ('device_id', ?), ('created', datetime('now'))`, s.device); err != nil {
			return plainDBError(err)
		}
	}
	s.clock = NewClock(HLC(last), nil)
	return nil
}

func (s *Store) meta(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM meta")
	if err != nil {
		return nil, plainDBError(err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}

// Close closes the database and releases the folder's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// Dir returns the data folder.
func (s *Store) Dir() string { return s.dir }

// DeviceID returns this device's ID, made when the data folder was created.
func (s *Store) DeviceID() string { return s.device }

// Clock returns this device's hybrid logical clock.
func (s *Store) Clock() *Clock { return s.clock }

// Tables returns the names of the synced record tables, sorted.
func (s *Store) Tables() []string {
	out := make([]string, 0, len(s.tables))
	for t := range s.tables {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Watch calls fn after every committed change, from the goroutine that
// made it. It returns a function that stops the calls.
func (s *Store) Watch(fn func(Change)) (stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextW
	s.nextW++
	s.watchers[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.watchers, id)
	}
}

func (s *Store) notify(c Change) {
	s.mu.Lock()
	fns := make([]func(Change), 0, len(s.watchers))
	for _, fn := range s.watchers {
		fns = append(fns, fn)
	}
	s.mu.Unlock()
	for _, fn := range fns {
		fn(c)
	}
}

// IntegrityCheck runs SQLite's full integrity check and returns an error
// describing any damage.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	return integrityCheck(ctx, s.db)
}

func integrityCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return plainDBError(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database is damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}

// plainDBError maps SQLite failures a person can act on to this package's
// errors.
func plainDBError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w (%v)", ErrDiskFull, err)
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%w (%v)", ErrNotOwnPlan, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w (%v)", ErrInUse, err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("OwnPlan cannot write to its data folder; check you have permission to change files there (%v)", err)
		}
	}
	return err
}
