package restic

// Outcome is what a restore drill's comparison found.
type Outcome string

// Drill outcomes. Only OutcomeMismatch is a failed drill: the others
// show the restore worked.
const (
	// OutcomeMatch: the restored file has the live file's checksum.
	OutcomeMatch Outcome = "match"
	// OutcomeChanged: the checksums differ and the live file was
	// modified after the snapshot's copy: changed since the snapshot.
	OutcomeChanged Outcome = "changed since the snapshot"
	// OutcomeLiveMissing: the file no longer exists on the server.
	OutcomeLiveMissing Outcome = "live file gone"
	// OutcomeMismatch: the checksums differ although the live file was
	// not modified since: the backup does not hold what it should.
	OutcomeMismatch Outcome = "mismatch"
)
