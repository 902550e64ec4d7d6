package sync

import "github.com/ownplan/ownplan/store"

// Allowed reports whether a member with role may change records of
// table: the owner everything, an editor everything but the circle's
// membership, a commenter only comments, a viewer nothing. Devices check
// it before making a change and again before applying a received one.
func Allowed(role store.Role, table string) bool { return role.Allows(table) }
