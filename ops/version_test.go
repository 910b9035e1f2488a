package ops

import "testing"

func TestParseZFSVersion(t *testing.T) {
	for rel, want := range map[string]ZFSVersion{
		"2.3/zfs_version.txt": {2, 3, 2, "zfs-2.3.2-2~bpo12+2"},
		"2.1/zfs_version.txt": {2, 1, 11, "zfs-2.1.11-1+deb12u1"},
	} {
		got, err := ParseZFSVersion(fixture(t, rel))
		if err != nil || got != want {
			t.Errorf("%s: %+v %v", rel, got, err)
		}
		if got.HasJSON() != (want.Minor >= 3) {
			t.Errorf("%s: HasJSON %v", rel, got.HasJSON())
		}
	}
	for _, bad := range []string{"", "zfs-kmod-2.3.2\n", "zfs-2.x.1\n", "unrecognized command 'version'\n"} {
		if _, err := ParseZFSVersion([]byte(bad)); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestParseOSReleaseAndTools(t *testing.T) {
	name, err := ParseOSRelease(fixture(t, "host/os_release_debian12.txt"))
	if err != nil || name != "Debian GNU/Linux 12 (bookworm)" {
		t.Errorf("%q %v", name, err)
	}
	if n, _ := ParseOSRelease([]byte("NAME='Alpine Linux'\nVERSION=3.20\n")); n != "Alpine Linux 3.20" {
		t.Errorf("fallback %q", n)
	}
	if _, err := ParseOSRelease([]byte("ID=x\n")); err == nil {
		t.Error("want an error without a name")
	}
	tools := ParseTools(fixture(t, "host/tools.txt"))
	if len(tools) != len(ToolsProbed) || !tools["zpool"] || !tools["ip"] || tools["wg"] {
		t.Errorf("tools %v", tools)
	}
}
