package config

import (
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// ServiceAuth is how opsdeck authenticates to one monitoring service: a
// [services_auth.NAME] block. The secret itself never appears in the
// file: it is printed by a command run on the operator's machine (never
// through SSH), so a password manager can hold it.
type ServiceAuth struct {
	// BearerTokenCommand prints a bearer token (argv, run locally).
	BearerTokenCommand []string
	// BasicUser and BasicPasswordCommand give HTTP basic auth; the
	// command prints the password (argv, run locally).
	BasicUser            string
	BasicPasswordCommand []string
}

// Method is "bearer" or "basic" (what previews and errors may name).
func (a ServiceAuth) Method() string {
	if len(a.BearerTokenCommand) > 0 {
		return "bearer"
	}
	return "basic"
}

// Command is the argv that prints the secret.
func (a ServiceAuth) Command() []string {
	if len(a.BearerTokenCommand) > 0 {
		return slices.Clone(a.BearerTokenCommand)
	}
	return slices.Clone(a.BasicPasswordCommand)
}

// authLayer is one section's [services_auth.NAME] keys. A host's block
// replaces the inherited one as a whole: merging a bearer command from
// [defaults] with a basic user from the host would give both methods.
type authLayer struct {
	BearerTokenCommand   []string        `toml:"bearer_token_command"`
	BasicUser            Setting[string] `toml:"basic_user"`
	BasicPasswordCommand []string        `toml:"basic_password_command"`
}

var authKeys = []string{"bearer_token_command", "basic_user", "basic_password_command"}

// servicesAuthKind places a key below a section's "services_auth".
func servicesAuthKind(rest toml.Key) (string, bool) {
	switch {
	case len(rest) == 0:
		return "table", true
	case len(rest) == 1:
		return "table", slices.Contains(knownServices, rest[0])
	case len(rest) == 2:
		return "value", slices.Contains(knownServices, rest[0]) && slices.Contains(authKeys, rest[1])
	}
	return "", false
}

// resolveServicesAuth applies l's blocks on top of base, block by block.
func resolveServicesAuth(base map[string]ServiceAuth, l map[string]authLayer) map[string]ServiceAuth {
	if len(base)+len(l) == 0 {
		return nil // keeps HostConfig comparable with and without a file
	}
	out := make(map[string]ServiceAuth, len(base)+len(l))
	for name, a := range base {
		out[name] = a
	}
	for name, a := range l {
		out[name] = ServiceAuth{
			BearerTokenCommand:   slices.Clone(a.BearerTokenCommand),
			BasicUser:            a.BasicUser.V,
			BasicPasswordCommand: slices.Clone(a.BasicPasswordCommand),
		}
	}
	return out
}

// servicesAuth checks one section's [services_auth] blocks.
func (v *validator) servicesAuth(sec toml.Key, blocks map[string]authLayer) {
	for name, a := range blocks {
		at := func(key ...string) toml.Key {
			return append(append(toml.Key{}, sec...), append([]string{name}, key...)...)
		}
		bearer := a.BearerTokenCommand != nil
		basic := a.BasicUser.Set || a.BasicPasswordCommand != nil
		switch {
		case bearer && basic:
			v.fail(at("bearer_token_command"), "give either bearer_token_command or basic_user + basic_password_command, not both")
		case !bearer && !basic:
			v.fail(at(), "needs bearer_token_command, or basic_user and basic_password_command")
		case bearer:
			v.argv(at("bearer_token_command"), a.BearerTokenCommand)
		case !a.BasicUser.Set || strings.TrimSpace(a.BasicUser.V) == "":
			v.fail(at("basic_user"), "basic auth needs a non-empty basic_user")
		case strings.Contains(a.BasicUser.V, ":"):
			// RFC 7617: the user-id cannot contain a colon.
			v.fail(at("basic_user"), "%q contains a colon, which basic auth cannot carry", a.BasicUser.V)
		case a.BasicPasswordCommand == nil:
			v.fail(at(), "basic auth needs basic_password_command")
		default:
			v.argv(at("basic_password_command"), a.BasicPasswordCommand)
		}
	}
}

// argv checks a command given as an array: a program and its arguments.
func (v *validator) argv(key toml.Key, argv []string) {
	if len(argv) == 0 || strings.TrimSpace(argv[0]) == "" {
		v.fail(key, "must be a command as an array, like [\"pass\", \"show\", \"prom-token\"]")
	}
}
