package sync

import (
	"fmt"
	"time"
)

// MaxClockSkew is how far this computer's clock may be from the relay's.
// Hours or days wrong is fine: the hybrid logical clock keeps changes in
// order anyway. A clock years wrong would stamp changes so far off that
// they would win or lose against everyone's for years, so sync stops and
// asks the person to fix it.
const MaxClockSkew = 365 * 24 * time.Hour

// ClockError means this computer's clock is absurdly wrong.
type ClockError struct {
	Device time.Time // what this computer's clock says
	Relay  time.Time // what the relay's clock says
}

func (e *ClockError) Error() string {
	return fmt.Sprintf("this computer's date is set to %s, but it is really %s: please fix the date and time in your computer's settings, then sync again (your changes are safe on this computer)",
		ukDate(e.Device), ukDate(e.Relay))
}

func ukDate(t time.Time) string { return t.Format("2 January 2006") }

// checkClock compares this device's clock with the relay's.
func checkClock(device, relayTime time.Time) error {
	d := device.Sub(relayTime)
	if d > MaxClockSkew || d < -MaxClockSkew {
		return &ClockError{Device: device, Relay: relayTime}
	}
	return nil
}
