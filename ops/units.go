package ops

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseNiceBytes reads a size as ZFS prints it for humans ("0B", "68K",
// "90.5M", "1.45G") or as an exact integer ("-p" output). Suffixes are
// powers of 1024, as zfs_nicenum uses them. The result of a suffixed
// figure is only as exact as the three significant digits ZFS printed.
func ParseNiceBytes(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty size")
	}
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		return n, nil
	}
	num := strings.TrimSuffix(s, "B") // "0B", and "1.2KB" in some tools
	shift := 0
	if num != "" {
		switch num[len(num)-1] {
		case 'K', 'k':
			shift = 10
		case 'M':
			shift = 20
		case 'G':
			shift = 30
		case 'T':
			shift = 40
		case 'P':
			shift = 50
		case 'E':
			shift = 60
		}
		if shift > 0 {
			num = num[:len(num)-1]
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(num, "xXpPeEi_") {
		return 0, fmt.Errorf("not a size: %q", s)
	}
	v := f * math.Pow(2, float64(shift))
	if v >= math.MaxUint64 {
		return 0, fmt.Errorf("size out of range: %q", s)
	}
	return uint64(math.Round(v)), nil
}

// parseDashUint reads an exact integer where ZFS prints "-" for "not
// applicable"; "-" and "none" give 0.
func parseDashUint(s string) (uint64, error) {
	if s == "-" || s == "none" || s == "" {
		return 0, nil
	}
	return strconv.ParseUint(s, 10, 64)
}

// parseDashPercent reads a percentage column ("14", "14%"); "-" gives -1
// as the model documents.
func parseDashPercent(s string) (int, error) {
	s = strings.TrimSuffix(s, "%")
	if s == "-" || s == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("not a percentage: %q", s)
	}
	return n, nil
}

// parseRatio reads "1.05", "1.05x" or "-" (0).
func parseRatio(s string) (float64, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "x")
	if s == "-" || s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		return 0, fmt.Errorf("not a ratio: %q", s)
	}
	return f, nil
}

// ctimeLayouts are the date forms ZFS prints: ctime(3) in scan lines and
// "%a %b %d %H:%M:%S %Z %Y" in non-integer JSON.
var ctimeLayouts = []string{
	"Mon Jan _2 15:04:05 2006",
	"Mon Jan _2 15:04:05 MST 2006",
	"Mon Jan 2 15:04:05 2006",
}

// parseCtime reads a ctime(3)-style date in loc (the host's zone, which
// the text does not print) and returns it in UTC.
func parseCtime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range ctimeLayouts {
		l := strings.Join(strings.Fields(layout), " ")
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// parseDHMS reads secs_to_dhms output: "00:00:58" or "2 days 01:02:03"
// (older releases also print "0 days 00:00:14").
func parseDHMS(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var days int64
	if i := strings.Index(s, " days "); i >= 0 {
		d, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil || d < 0 || d > 1e6 {
			return 0, fmt.Errorf("not a duration: %q", s)
		}
		days, s = d, s[i+len(" days "):]
	}
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, fmt.Errorf("not a duration: %q", s)
	}
	var hms [3]int64
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil || n < 0 || n > 1e6 {
			return 0, fmt.Errorf("not a duration: %q", s)
		}
		hms[i] = n
	}
	secs := days*86400 + hms[0]*3600 + hms[1]*60 + hms[2]
	return time.Duration(secs) * time.Second, nil
}
