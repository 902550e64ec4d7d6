//go:build !race

package sync

// raceEnabled says the race detector is on, so slow tests run fewer cases.
const raceEnabled = false
