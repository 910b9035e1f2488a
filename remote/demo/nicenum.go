package demo

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// niceBytes is zfs_nicebytes: 1024-based units with the precision chosen
// to fit five characters, and no decimals for exact multiples.
func niceBytes(num uint64) string {
	return niceNum(num, "B")
}

// niceNum1024 is zfs_nicenum (no unit for plain counts).
func niceNum1024(num uint64) string { return niceNum(num, "") }

func niceNum(num uint64, zeroUnit string) string {
	units := []string{zeroUnit, "K", "M", "G", "T", "P", "E"}
	n := num
	index := 0
	for n >= 1024 && index < len(units)-1 {
		n /= 1024
		index++
	}
	u := units[index]
	div := uint64(math.Pow(1024, float64(index)))
	if index == 0 || num%div == 0 {
		return strconv.FormatUint(n, 10) + u
	}
	var s string
	for prec := 2; prec >= 0; prec-- {
		// C's %.*f and strconv both round the exact binary value, so
		// the two agree digit for digit.
		s = strconv.FormatFloat(float64(num)/float64(div), 'f', prec, 64) + u
		if len(s) <= 5 {
			break
		}
	}
	// zpool's buffers hold six characters; longer results are cut.
	if len(s) > 6 {
		s = s[:6]
	}
	return s
}

// secsToDHMS is zpool's secs_to_dhms.
func secsToDHMS(total uint64) string {
	days := total / 60 / 60 / 24
	hours := (total / 60 / 60) % 24
	mins := (total / 60) % 60
	secs := total % 60
	if days > 0 {
		return fmt.Sprintf("%d days %02d:%02d:%02d", days, hours, mins, secs)
	}
	return fmt.Sprintf("%02d:%02d:%02d", hours, mins, secs)
}

// ctime is C's ctime(3) including its trailing newline, in loc.
func ctime(unix uint64, loc *time.Location) string {
	return time.Unix(int64(unix), 0).In(loc).Format(time.ANSIC) + "\n"
}
