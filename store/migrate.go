package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. Each file is named
// NNNN_description.sql; its number is the schema version it produces.
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic("store: embedded migrations missing: " + err.Error())
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("store: migration without a number: " + e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version < 1 || (i > 0 && m.version == out[i-1].version) {
			panic(fmt.Sprintf("store: migration numbers must be unique and start at 1: %s", m.name))
		}
	}
	return out
}

// SchemaVersion is the newest schema this build of OwnPlan knows: the
// number of its last migration.
func SchemaVersion() int {
	ms := migrations()
	return ms[len(ms)-1].version
}

// migrate brings db from schema version from to the newest, one
// migration per transaction, so a crash leaves a consistent version.
func migrate(ctx context.Context, db *sql.DB, from int) error {
	return migrateTo(ctx, db, from, SchemaVersion())
}

func migrateTo(ctx context.Context, db *sql.DB, from, to int) error {
	for _, m := range migrations() {
		if m.version <= from || m.version > to {
			continue
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return plainDBError(err)
		}
		stmts := []string{m.sql, fmt.Sprintf("PRAGMA user_version = %d", m.version)}
		if m.version == 1 {
			stmts = append(stmts, fmt.Sprintf("PRAGMA application_id = %d", applicationID))
		}
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				tx.Rollback()
				return fmt.Errorf("update data to version %d (%s): %w", m.version, m.name, plainDBError(err))
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("update data to version %d: %w", m.version, plainDBError(err))
		}
	}
	return nil
}
