package snapshots

import (
	"errors"
	"fmt"
	"time"
)

// DefaultSnapshotName is the prefilled name of a manual snapshot,
// manual-YYYYMMDD-HHMMSS in now's location (pass the server's time).
func DefaultSnapshotName(now time.Time) string {
	return DefaultManualPrefix + now.Format("20060102-150405")
}

// ValidateSnapshotName checks the part after '@' against OpenZFS's
// rules (zfs_namecheck.c): only letters, digits and "_-:. " (the space
// is legal), not empty, and DATASET@NAME within 255 bytes. That refuses
// '@', '/', ',' and '%' too, which ArgvDestroy's comma form relies on.
func ValidateSnapshotName(dataset, name string) error {
	if name == "" {
		return errors.New("a snapshot name is required")
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '_' || r == '-' || r == ':' || r == '.' || r == ' '
		if !ok {
			return fmt.Errorf("%q may contain only letters, digits, space and _ - : . (not %q)", name, r)
		}
	}
	if name == "." || name == ".." {
		return fmt.Errorf("%q is reserved", name)
	}
	if n := len(dataset) + 1 + len(name); n > maxNameLen {
		return fmt.Errorf("%s@%s is %d bytes long; ZFS allows %d", dataset, name, n, maxNameLen)
	}
	return nil
}
