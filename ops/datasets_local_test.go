package ops

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opsdeck/opsdeck/remote"
)

// fakeZFS writes a `zfs` shell script that answers exactly the commands
// go-zfs and readDatasetsLocal run with fixture bodies, and puts it first
// on PATH, so the real go-zfs code path runs against it.
func fakeZFS(t *testing.T) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(fixtureDir, "local"))
	if err != nil {
		t.Fatal(err)
	}
	gozfsCols := "name,origin,used,available,mountpoint,compression,type,volsize,quota,referenced,written,logicalused,usedbydataset"
	script := fmt.Sprintf(`#!/bin/sh
case "$*" in
"list -rHp -t filesystem -o %[1]s") f=gozfs_filesystems.txt ;;
"list -rHp -t volume -o %[1]s") f=gozfs_volumes.txt ;;
"%[2]s") f=zfs_get_props.txt ;;
*) echo "fake zfs: unexpected arguments: $*" >&2; exit 2 ;;
esac
tail -n +2 '%[3]s'/"$f"
`, gozfsCols, strings.Join(localPropsArgv()[1:], " "), abs)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "zfs"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// TestReadDatasetsLocal runs the real go-zfs calls against the fake zfs
// and checks --local yields exactly what the SSH text path parses from
// the same state.
func TestReadDatasetsLocal(t *testing.T) {
	fakeZFS(t)
	InitLocalZFS(10 * time.Second)
	h := &Host{Name: "localhost", Local: true, Runner: remote.NewLocal()}
	got, err := ReadDatasets(context.Background(), h)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseDatasetsText(fixture(t, "2.3/datasets_o.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("local\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadDatasetsLocalFailure(t *testing.T) {
	dir := t.TempDir()
	script := "#!/bin/sh\necho \"cannot open '/dev/zfs': Permission denied\" >&2\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "zfs"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	InitLocalZFS(10 * time.Second)
	_, err := ReadDatasets(context.Background(), &Host{Local: true, Runner: remote.NewLocal()})
	if err == nil || !strings.Contains(err.Error(), "Permission denied") {
		t.Errorf("want the zfs error with its stderr, got %v", err)
	}
	if _, err := parseZFSGet([]byte("tank\tatime\n")); err == nil {
		t.Error("zfs get with two fields: want an error")
	}
}
