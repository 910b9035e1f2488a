package ops

import (
	"fmt"
	"strings"
)

// maxVdevDepth bounds recursion on hostile input; real trees are at most
// four levels deep (root, raidz, replacing/spare, leaf).
const maxVdevDepth = 32

// jsonVdev holds the members of one vdev object that the model uses;
// decodeField maps the JSON keys (vdev_type, read_errors, …) onto it.
type jsonVdev struct {
	Name             string
	VdevType         string
	Path             string
	State            string
	ReadErrors       jnum
	WriteErrors      jnum
	ChecksumErrors   jnum
	SlowIOs          jnum
	ScanProcessed    jnum
	ResilverDeferred jnum
	Was              string
	Aux              string
	UsedBy           string
	ConfiguredAshift *jnum
	PhysicalAshift   *jnum
	Removing         jnum
	Noalloc          jnum
}

// noteContext is what a vdev's trailing note depends on beyond the vdev.
type noteContext struct {
	scanning bool // scan_stats.state is SCANNING (also when paused)
	resilver bool
}

// auxNotes are the words print_status_config prints for vdev_aux_t.
var auxNotes = map[string]string{
	"OPEN_FAILED":      "cannot open",
	"BAD_GUID_SUM":     "missing device",
	"NO_REPLICAS":      "insufficient replicas",
	"VERSION_NEWER":    "newer version",
	"UNSUP_FEAT":       "unsupported feature(s)",
	"ASHIFT_TOO_BIG":   "unsupported minimum blocksize",
	"IO_FAILURE":       "experienced I/O failures",
	"BAD_LOG":          "bad intent log",
	"EXTERNAL":         "external device fault",
	"SPLIT_POOL":       "split into new pool",
	"ACTIVE":           "currently in use",
	"CHILDREN_OFFLINE": "all children offline",
	"BAD_LABEL":        "invalid label",
}

// vdev maps one JSON vdev. Name is the "name" field (what the text shows,
// e.g. "virtio-zdata3"; the -part1 device is in Path).
func (jv jsonVdev) vdev(key, class string, nc noteContext, kids []Vdev) Vdev {
	v := Vdev{
		Name:           jv.Name,
		Class:          class,
		State:          jv.State,
		Path:           jv.Path,
		ReadErrors:     uint64(jv.ReadErrors),
		WriteErrors:    uint64(jv.WriteErrors),
		ChecksumErrors: uint64(jv.ChecksumErrors),
		Children:       kids,
	}
	if v.Name == "" {
		v.Name = key
	}
	leaf := len(kids) == 0
	switch jv.VdevType {
	case "raidz", "draid", "":
		v.Type = typeFromName(v, leaf)
	default:
		v.Type = jv.VdevType
	}
	if class == ClassSpare {
		// The text prints no counters for spares; keep both paths equal.
		v.ReadErrors, v.WriteErrors, v.ChecksumErrors = 0, 0, 0
	}
	v.Note = strings.Join(jv.notes(leaf, class == ClassSpare, nc), "  ")
	return v
}

// notes rebuilds the trailing words print_status_config prints after the
// counters, in the same order.
func (jv jsonVdev) notes(leaf, spare bool, nc noteContext) []string {
	var out []string
	switch {
	case jv.Was != "":
		out = append(out, "was "+jv.Was)
	case jv.Aux == "SPARED":
		if jv.UsedBy != "" {
			out = append(out, fmt.Sprintf("in use by pool '%s'", jv.UsedBy))
		} else {
			out = append(out, "currently in use")
		}
	case jv.Aux == "ERR_EXCEEDED":
		if jv.ReadErrors+jv.WriteErrors+jv.ChecksumErrors == 0 && leaf && jv.SlowIOs > 0 {
			out = append(out, "too many slow I/Os")
		} else {
			out = append(out, "too many errors")
		}
	case jv.Aux != "" && jv.Aux != "NONE":
		if w, ok := auxNotes[jv.Aux]; ok {
			out = append(out, w)
		} else {
			out = append(out, "corrupted data")
		}
	case jv.ConfiguredAshift != nil && jv.PhysicalAshift != nil && *jv.ConfiguredAshift < 64 && *jv.PhysicalAshift < 64:
		out = append(out, fmt.Sprintf("block size: %dB configured, %dB native",
			uint64(1)<<uint64(*jv.ConfiguredAshift), uint64(1)<<uint64(*jv.PhysicalAshift)))
	}
	switch {
	case jv.Removing != 0:
		out = append(out, "(removing)")
	case jv.Noalloc != 0:
		out = append(out, "(non-allocating)")
	}
	healthy := jv.State == "ONLINE" || (spare && jv.State == "AVAIL")
	if nc.scanning && leaf && healthy {
		switch {
		case jv.ScanProcessed != 0 && nc.resilver:
			out = append(out, "(resilvering)")
		case jv.ScanProcessed != 0:
			out = append(out, "(repairing)")
		case jv.ResilverDeferred != 0:
			out = append(out, "(awaiting resilver)")
		}
	}
	return out
}
