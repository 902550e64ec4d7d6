package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Role is what a member of a sharing circle may change.
type Role string

// The roles, from most to least a member may do.
const (
	RoleOwner     Role = "owner"     // everything, including who is in the circle
	RoleEditor    Role = "editor"    // every kind of record except the circle's membership
	RoleCommenter Role = "commenter" // comments only
	RoleViewer    Role = "viewer"    // reads everything, changes nothing
)

// MembersTable is the synced table of a circle's members. Only the owner
// changes it.
const MembersTable = "circle_members"

// CommentsTable is the synced table of supporters' comments: the only
// records a commenter may change.
const CommentsTable = "comments"

// ErrNotAllowed means this device's role in the sharing circle does not
// allow the change. Nothing was saved.
var ErrNotAllowed = errors.New("not allowed")

// ParseRole reads a role's name.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	switch r {
	case RoleOwner, RoleEditor, RoleCommenter, RoleViewer:
		return r, nil
	}
	return "", fmt.Errorf("%q is not a role; choose editor (can change the plan and budget), commenter (can add comments) or viewer (can only read)", s)
}

// Allows reports whether a member with role r may change records of table.
func (r Role) Allows(table string) bool {
	switch r {
	case RoleOwner:
		return true
	case RoleEditor:
		return table != MembersTable
	case RoleCommenter:
		return table == CommentsTable
	}
	return false
}

// Describe says in plain words what the role lets someone do.
func (r Role) Describe() string {
	switch r {
	case RoleOwner:
		return "can change everything and decide who the plan is shared with"
	case RoleEditor:
		return "can change the plan, the budget and evidence"
	case RoleCommenter:
		return "can read everything and add comments"
	case RoleViewer:
		return "can read everything but change nothing"
	}
	return "has no access"
}

// NotAllowedError is a change refused because of the role this device has
// in the sharing circle.
type NotAllowedError struct {
	Role  Role
	Table string
}

func (e *NotAllowedError) Error() string {
	switch e.Role {
	case RoleViewer:
		return "this plan was shared with you to read, so you cannot change it here; ask the plan's owner if you need to make changes"
	case RoleCommenter:
		return "this plan was shared with you to comment on, so you can add comments but not change the plan itself"
	case RoleEditor:
		return "only the plan's owner can change who the plan is shared with"
	}
	return "you cannot change this plan from this computer"
}

// Unwrap lets errors.Is(err, ErrNotAllowed) find it.
func (e *NotAllowedError) Unwrap() error { return ErrNotAllowed }

// allowed checks, inside a write transaction, that this device's role in
// its sharing circle lets it change records of table. A folder that is
// not shared may change everything.
func (t *Tx) allowed(table string) error {
	var role string
	err := t.tx.QueryRowContext(t.ctx, `SELECT role FROM circles WHERE state = 'active' LIMIT 1`).Scan(&role)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return plainDBError(err)
	}
	if Role(role).Allows(table) {
		return nil
	}
	return &NotAllowedError{Role: Role(role), Table: table}
}
