package demo

// zfs answers `zfs version` and `zfs list`.
func (s *Sim) zfs(sub string, args []string) Output {
	argv := append([]string{"zfs", sub}, args...)
	switch sub {
	case "version":
		if len(args) == 0 {
			return Output{Stdout: s.host.ZFSUserland + "\n" + s.host.ZFSKmod + "\n"}
		}
	case "list":
		if out, ok := s.snapList(args); ok { // snap_cmd.go
			return out
		}
		o, err := getopt(args, "Hpj", "ot", "json-int")
		if err != nil {
			return usageError("zfs", err)
		}
		types, err := datasetTypes(o.short['t'])
		if err != nil {
			return usageError("zfs", err)
		}
		if len(o.args) > 0 {
			break
		}
		cols := datasetColumns(o.short['o'])
		switch {
		case o.has('j') && o.long["json-int"]:
			return Output{Stdout: datasetListJSON(s.host.Datasets, types, cols)}
		case o.has('H') && o.has('p') && !o.has('j'):
			return Output{Stdout: datasetListText(s.host.Datasets, types, cols)}
		}
	case "get": // snap_cmd.go
		if s.host.Snapshots != nil {
			return s.snapGet(args)
		}
	case "snapshot": // snap_change.go
		if s.host.Snapshots != nil {
			return s.snapCreate(args)
		}
	case "destroy": // snap_change.go
		if s.host.Snapshots != nil {
			return s.snapDestroy(args)
		}
	}
	return notSimulated(argv)
}

// usageError is how zpool and zfs reject a bad option: the reason, then
// (here abbreviated) usage, exit 2.
func usageError(prog string, err error) Output {
	return Output{Stderr: err.Error() + "\nusage: see '" + prog + " help'\n", Code: 2}
}
