package store

import (
	"encoding/json"
	"fmt"
	"sort"
)

// A record entry is one journal entry (and one version) for a whole new
// record, written where many records are added at once, such as a bank
// statement import: 50,000 payments would otherwise need half a million
// journal entries and as many versions, one per field.
//
// In the changes table a record entry has the empty field name and, as
// its value, a JSON object of the record's fields that are not at their
// defaults. In the versions table a row with the empty field name stamps
// every field of that record entry, except those with a row of their own
// (changed since). To other devices a record entry is exactly the
// per-field changes it stands for, all with the same stamp:
// OutgoingChanges sends it that way, and nothing else needs to know.
//
// Nothing is lost by stamping the fields together: a record's ID is new
// and random, so no other device can have changed it before seeing it,
// and a device that has seen it has moved its clock past the stamp.
const recordField = ""

// recordFieldJSON is one field of a record entry.
type recordFieldJSON struct {
	Field string
	Value json.RawMessage
}

// expandRecord returns the fields of a record entry's value, in field
// name order so that every reading gives the same changes.
func expandRecord(value json.RawMessage) ([]recordFieldJSON, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(value, &fields); err != nil {
		return nil, fmt.Errorf("read a record entry: %w", err)
	}
	out := make([]recordFieldJSON, 0, len(fields))
	for f, v := range fields {
		out = append(out, recordFieldJSON{f, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out, nil
}

// recordHasField is SQL that is true when the changes row c is a record
// entry holding the field given as parameter 3.
const recordHasField = `c.field = '' AND json_type(c.value, '$."' || ?3 || '"') IS NOT NULL`

// fieldVersionQuery returns a field's version, with parameters table,
// row and field: its own, else that of the record entry that set it.
const fieldVersionQuery = `SELECT hlc, device FROM (
	SELECT v.hlc, v.device, 0 AS p FROM versions v WHERE v.tbl = ?1 AND v.row_id = ?2 AND v.field = ?3
	UNION ALL
	SELECT v.hlc, v.device, 1 AS p FROM versions v JOIN changes c
		ON c.tbl = v.tbl AND c.row_id = v.row_id AND c.hlc = v.hlc AND c.device = v.device
	WHERE v.tbl = ?1 AND v.row_id = ?2 AND v.field = '' AND ` + recordHasField + `
) ORDER BY p LIMIT 1`
