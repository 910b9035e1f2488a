package iperf

import (
	"encoding/json"
	"strings"
)

// streamState follows --json-stream output: one {"event":…,"data":…}
// object per line, "start", then "interval" live, then "end"; a failure
// is an "error" event whose data is iperf3's message.
type streamState struct{}

type streamEvent struct {
	Event string          `json:"event"`
	Data  json.RawMessage `json:"data"`
}

func (streamState) feed(line string) (*Interval, *Summary, *Error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "{") {
		// stderr lines (the "iperf3: error - …" one) may arrive too.
		if msg, ok := errorLine(line); ok {
			return nil, nil, &Error{Kind: classifyText(msg), Detail: msg}
		}
		return nil, nil, nil
	}
	var ev streamEvent
	if err := json.Unmarshal([]byte(line), &ev); err != nil {
		return nil, nil, nil
	}
	switch ev.Event {
	case "interval":
		var iv jsonInterval
		if err := json.Unmarshal(ev.Data, &iv); err != nil {
			return nil, nil, nil
		}
		out := iv.interval()
		return &out, nil, nil
	case "end":
		sum, err := parseEnd(ev.Data)
		if err != nil {
			return nil, nil, &Error{Detail: err.Error()}
		}
		return nil, &sum, nil
	case "error":
		var msg string
		if err := json.Unmarshal(ev.Data, &msg); err != nil {
			msg = clip(string(ev.Data), 200)
		}
		return nil, nil, &Error{Kind: classifyText(msg), Detail: msg}
	}
	return nil, nil, nil
}
