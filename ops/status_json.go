package ops

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// jsonClassKeys are the pool-level keys of `zpool status -j` that hold
// top-level vdevs of each class, in the order the text output prints the
// classes (normal, dedup, special, logs, cache, spares).
var jsonClassKeys = []struct{ key, class string }{
	{"dedup", ClassDedup},
	{"special", ClassSpecial},
	{"logs", ClassLog},
	{"l2cache", ClassCache},
	{"spares", ClassSpare},
}

// jsonPool is one pool of `zpool status -j` as decoded, before mapping.
type jsonPool struct {
	Name, State, Status, Action, MsgID, MoreInfo string
	ScanStats                                    *jsonScan
	ErrorCount                                   *jnum
	ErrList                                      json.RawMessage
	classes                                      map[string][]namedVdev // "vdevs", "special", …
}

// ParsePoolStatusJSON parses `zpool status -v -j --json-int` (OpenZFS >=
// 2.3; string-valued output without --json-int is accepted too). It gives
// the same []Pool as ParsePoolStatusText for the same state, except where
// only one form has a figure: exact scan bytes and Vdev.Path exist only
// here, Scan.Text only in text, and Rate/ETA need the reading time (see
// ParsePoolStatusJSONAt).
func ParsePoolStatusJSON(b []byte) ([]Pool, error) {
	return ParsePoolStatusJSONAt(b, time.Time{})
}

// ParsePoolStatusJSONAt is ParsePoolStatusJSON that also derives the
// issue rate and ETA of a running scan as zpool status does, from the
// elapsed time at now (the host's clock; a skewed local clock skews the
// rate). A zero now leaves Rate and ETA unset.
func ParsePoolStatusJSONAt(b []byte, now time.Time) ([]Pool, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	pools := []Pool{}
	sawPools := false
	err := eachKey(dec, func(key string) error {
		if key != "pools" {
			return skipValue(dec)
		}
		sawPools = true
		return eachKey(dec, func(name string) error {
			jp, err := decodeJSONPool(dec)
			if err != nil {
				return err
			}
			p, err := jp.pool(name, now)
			if err != nil {
				return err
			}
			pools = append(pools, p)
			return nil
		})
	})
	if err == nil && !sawPools {
		err = fmt.Errorf("no \"pools\" object")
	}
	if err == nil {
		if _, extra := dec.Token(); extra == nil {
			err = fmt.Errorf("data after the JSON document")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("zpool status JSON: %w", err)
	}
	return pools, nil
}

func decodeJSONPool(dec *json.Decoder) (jsonPool, error) {
	jp := jsonPool{classes: map[string][]namedVdev{}}
	err := eachKey(dec, func(key string) error {
		var dst any
		switch key {
		case "name":
			dst = &jp.Name
		case "state":
			dst = &jp.State
		case "status":
			dst = &jp.Status
		case "action":
			dst = &jp.Action
		case "msgid":
			dst = &jp.MsgID
		case "moreinfo":
			dst = &jp.MoreInfo
		case "scan_stats":
			jp.ScanStats = new(jsonScan)
			dst = jp.ScanStats
		case "error_count":
			jp.ErrorCount = new(jnum)
			dst = jp.ErrorCount
		case "errlist":
			dst = &jp.ErrList
		case "vdevs", "dedup", "special", "logs", "l2cache", "spares":
			nodes, err := decodeVdevTree(dec, 0)
			jp.classes[key] = nodes
			return err
		default:
			return skipValue(dec)
		}
		return dec.Decode(dst)
	})
	return jp, err
}

// pool maps a decoded pool; the scan state decides the vdev notes.
func (jp jsonPool) pool(key string, now time.Time) (Pool, error) {
	p := Pool{Name: jp.Name, State: jp.State, Fragmentation: -1, Capacity: -1}
	if p.Name == "" {
		p.Name = key
	}
	p.Status = joinPara(strings.Split(jp.Status, "\n"))
	p.Action = joinPara(strings.Split(jp.Action, "\n"))
	p.See = jp.MoreInfo
	if p.See == "" && jp.MsgID != "" {
		p.See = "https://openzfs.github.io/openzfs-docs/msg/" + jp.MsgID
	}
	p.Scan = Scan{State: ScanNone}
	scanning := false
	if jp.ScanStats != nil {
		p.Scan = jp.ScanStats.scan(now)
		scanning = strings.EqualFold(jp.ScanStats.State, "SCANNING")
	}
	nc := noteContext{scanning: scanning, resilver: p.Scan.Function == "resilver"}
	roots := toVdevs(jp.classes["vdevs"], ClassNormal, nc)
	if len(roots) != 1 {
		return p, fmt.Errorf("pool %q: expected one root vdev, got %d", p.Name, len(roots))
	}
	root := roots[0]
	root.Type = "root"
	for _, ck := range jsonClassKeys {
		root.Children = append(root.Children, toVdevs(jp.classes[ck.key], ck.class, nc)...)
	}
	p.Root = root
	if err := parseJSONErrors(&p, jp); err != nil {
		return p, fmt.Errorf("pool %q: %w", p.Name, err)
	}
	return p, nil
}

// parseJSONErrors fills Errors, ErrorCount and ErrorFiles with the
// sentences the text output prints, so both parsers agree.
func parseJSONErrors(p *Pool, jp jsonPool) error {
	if jp.ErrorCount == nil {
		return nil
	}
	p.ErrorCount = uint64(*jp.ErrorCount)
	if len(jp.ErrList) > 0 && string(jp.ErrList) != "null" {
		var files []string
		if err := json.Unmarshal(jp.ErrList, &files); err != nil {
			// zpool puts strerror() here when it cannot read the log.
			var msg string
			if json.Unmarshal(jp.ErrList, &msg) != nil {
				return fmt.Errorf("errlist: %w", err)
			}
			p.Errors = fmt.Sprintf("%d data errors; the file list could not be read: %s", p.ErrorCount, msg)
			return nil
		}
		p.Errors = permanentErrors
		p.ErrorFiles = append([]string{}, files...)
		return nil
	}
	if p.ErrorCount == 0 {
		p.Errors = "No known data errors"
	} else {
		p.Errors = fmt.Sprintf("%d data errors, use '-v' for a list", p.ErrorCount)
	}
	return nil
}
