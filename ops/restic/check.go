package restic

import (
	"encoding/json"
	"strings"
)

// CheckResult is what one `restic check` found.
type CheckResult struct {
	// OK is true when restic said "no errors were found" (text) or
	// reported zero errors and exited 0 (JSON).
	OK bool `json:"ok"`
	// NumErrors is restic's count (JSON output only; text: len(Errors)).
	NumErrors int `json:"num_errors"`
	// Errors are restic's error lines, retries left out, at most
	// maxCheckErrors of them.
	Errors []string `json:"errors,omitempty"`
	// ReadData is the "read group #1 of 3 data packs…" line when data was
	// read (--read-data-subset).
	ReadData string `json:"read_data,omitempty"`
	// SuggestRepairIndex and SuggestPrune are restic's advice (JSON).
	SuggestRepairIndex bool `json:"suggest_repair_index,omitempty"`
	SuggestPrune       bool `json:"suggest_prune,omitempty"`
}

const maxCheckErrors = 20

// Summary is one line for the pane.
func (c CheckResult) Summary() string {
	if c.OK {
		if c.ReadData != "" {
			return "no errors (" + c.ReadData + ")"
		}
		return "no errors"
	}
	if len(c.Errors) > 0 {
		return c.Errors[0]
	}
	return "repository contains errors"
}

func (c *CheckResult) addError(line string) {
	line = strings.TrimSpace(line)
	if line == "" || isNoise(line) {
		return
	}
	if len(c.Errors) < maxCheckErrors {
		c.Errors = append(c.Errors, truncate(line, 300))
	}
}

// isNoise is restic's retry chatter and its closing advice, which say
// nothing about what is wrong.
func isNoise(line string) bool {
	return strings.HasPrefix(line, "Load(<") ||
		strings.HasPrefix(line, "Fatal: repository contains errors") ||
		strings.HasPrefix(line, "The repository is damaged and must be repaired") ||
		strings.HasPrefix(line, "using temporary cache") ||
		strings.HasPrefix(line, "[")
}

// ParseCheckText reads `restic check` without --json (0.14 has no other
// form): stdout, stderr and the exit status. It says nothing for a check
// that did not run (locked, wrong password): classify that failure first.
func ParseCheckText(stdout, stderr string, exitCode int) CheckResult {
	var c CheckResult
	for _, line := range strings.Split(stdout, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "no errors were found":
			c.OK = exitCode == 0
		case strings.HasPrefix(line, "read group #"), strings.HasPrefix(line, "read all data"),
			strings.HasPrefix(line, "read ") && strings.Contains(line, "data packs"):
			c.ReadData = line
		}
	}
	if !c.OK {
		for _, line := range strings.Split(stderr, "\n") {
			c.addError(line)
		}
		c.NumErrors = len(c.Errors)
	}
	return c
}

type checkMessage struct {
	MessageType        string `json:"message_type"`
	Message            string `json:"message"`
	NumErrors          int    `json:"num_errors"`
	SuggestRepairIndex bool   `json:"suggest_repair_index"`
	SuggestPrune       bool   `json:"suggest_prune"`
}

// ParseCheckJSON reads `restic check --json` (>= 0.18): the summary line
// on stdout and the "error" lines on stderr. ok is false when there was
// no summary, i.e. the check did not run to its end.
func ParseCheckJSON(stdout, stderr string, exitCode int) (c CheckResult, ok bool) {
	for _, line := range strings.Split(stdout, "\n") {
		var m checkMessage
		if json.Unmarshal([]byte(strings.TrimSpace(line)), &m) != nil {
			continue
		}
		switch m.MessageType {
		case "summary":
			ok = true
			c.NumErrors = m.NumErrors
			c.SuggestRepairIndex, c.SuggestPrune = m.SuggestRepairIndex, m.SuggestPrune
		case "error":
			c.addError(m.Message)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		var m checkMessage
		if json.Unmarshal([]byte(strings.TrimSpace(line)), &m) != nil {
			// Retry chatter is plain text even under --json.
			continue
		}
		if m.MessageType == "error" {
			for _, l := range strings.Split(m.Message, "\n") {
				c.addError(l)
			}
		}
	}
	c.OK = ok && exitCode == 0 && c.NumErrors == 0
	if !c.OK && c.NumErrors == 0 {
		c.NumErrors = len(c.Errors)
	}
	return c, ok
}
