//go:build !race

package store

// syncRaceEnabled is true when the tests run with -race.
const syncRaceEnabled = false
