package demo

import (
	"crypto/rand"
	"encoding/base64"
	"math"
	"time"
)

// Network is the simulated host's network: links whose counters grow
// with the clock, qdiscs, TCP sysctls, WireGuard and the round-trip
// times ping sees. Start is when the counters were at their base.
type Network struct {
	Start     time.Time
	Links     []*Link
	Sysctl    map[string]string // key → what `sysctl -n key` prints
	WireGuard []*WGDevice
	// RTT maps an address ping may be given to its mean round-trip time;
	// loopback always answers, anything else goes unanswered.
	RTT map[string]time.Duration
}

// Link is one network interface.
type Link struct {
	Index     int
	Name      string
	LinkType  string // ip's link_type: loopback, ether, none
	Kind      string // linkinfo info_kind with -d: wireguard, bridge…; "" for hardware
	Flags     []string
	MTU       int
	Qdisc     string // root qdisc kind
	State     string // operstate
	MAC       string
	Addrs     []LinkAddr
	SpeedMbps int // what /sys/class/net/NAME/speed prints; 0 = EINVAL (virtual)
	// RxBase/TxBase are the byte counters at Start; RxRate/TxRate the
	// mean bytes per second since, which swing ±60 % over RatePeriod.
	RxBase, TxBase uint64
	RxRate, TxRate float64
}

// LinkAddr is one address of a link.
type LinkAddr struct {
	Family string // inet, inet6
	Local  string
	Prefix int
	Scope  string
}

// WGDevice is one WireGuard interface. Its private key is random bytes
// made at start-up; public keys are recognisably fake text.
type WGDevice struct {
	Name       string
	PrivateKey string
	PublicKey  string
	ListenPort int
	Peers      []*WGPeerSim
}

// WGPeerSim is one WireGuard peer. A peer with HandshakeEvery > 0
// re-handshakes on that cycle; otherwise LastHandshake stays put (zero:
// never).
type WGPeerSim struct {
	PublicKey      string
	Endpoint       string
	AllowedIPs     []string
	HandshakeEvery time.Duration
	LastHandshake  time.Time
	Keepalive      int
	RxRate, TxRate float64
}

// RatePeriod is the period of the simulated traffic's swing, long enough
// that a sparkline over a minute shows a wave rather than noise.
const RatePeriod = 90 * time.Second

// counter is base plus the integral of rate × (1 + 0.6 sin(2πt/P)): it
// only ever grows, and its derivative (what the console shows as a rate)
// wanders between 40 % and 160 % of rate.
func counter(base uint64, rate float64, elapsed time.Duration) uint64 {
	t := max(elapsed.Seconds(), 0)
	w := 2 * math.Pi / RatePeriod.Seconds()
	return base + uint64(rate*t+rate*0.6*(1-math.Cos(w*t))/w)
}

// fakeKey is 32 bytes of text base64-encoded like a WireGuard key; it
// decodes to its label, so nobody mistakes it for a real one.
func fakeKey(label string) string {
	b := make([]byte, 32)
	copy(b, "opsdeck-demo-"+label)
	for i := range b {
		if b[i] == 0 {
			b[i] = '.'
		}
	}
	return base64.StdEncoding.EncodeToString(b)
}

// randomKey is 32 random bytes, base64-encoded: the demo's private key,
// generated at start-up and never the same twice.
func randomKey() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand does not fail on Linux; a fake key is still fine.
		return fakeKey("private")
	}
	return base64.StdEncoding.EncodeToString(b)
}
