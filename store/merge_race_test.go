//go:build race

package store

// syncRaceEnabled is true when the tests run with -race, which makes
// SQLite many times slower: the property test then runs fewer cases.
const syncRaceEnabled = true
