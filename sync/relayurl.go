package sync

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// ParseRelayURL checks a relay's address and returns it in full. A bare
// host name means wss://. Plain ws:// (no encryption in transit) is
// accepted only to this computer (loopback), for tests and local relays.
func ParseRelayURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("give the sharing server's address, for example wss://relay.example.org")
	}
	if !strings.Contains(s, "://") {
		s = "wss://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("%q is not a server address; it should look like wss://relay.example.org", s)
	}
	switch u.Scheme {
	case "wss":
	case "ws":
		if !IsLoopback(u.Hostname()) {
			return "", fmt.Errorf("%s is not encrypted (ws://); use wss:// for a server on another computer", s)
		}
	default:
		return "", fmt.Errorf("%q is not a sharing server address; it should start with wss://", s)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// IsLoopback reports whether host names this computer.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
