package demo

import (
	"strconv"
	"strings"
	"testing"
)

func TestPoolListReproducesLabCaptures(t *testing.T) {
	pools := []*Pool{labPool(labHealthy)}
	diffBytes(t, "zpool list -Hp", poolListText(pools, poolListDefault), readCapture(t, "zpool_list_Hp.txt"))
	diffBytes(t, "zpool list -j", poolListJSON(pools, poolListDefault), readCapture(t, "zpool_list_j_int.json"))
	cols, err := poolListColumns("name,alloc,cap,health")
	if err != nil || strings.Join(cols, ",") != "name,allocated,capacity,health" {
		t.Fatalf("aliases: %q %v", cols, err)
	}
	if _, err := poolListColumns("name,bogus"); err == nil || err.Error() != "bad property list: invalid property 'bogus'" {
		t.Fatalf("unknown column: %v", err)
	}
}

func TestIOStatReproducesLabCapture(t *testing.T) {
	p := labPool(labHealthy)
	io := map[string]IOStat{
		"tank": {4, 126, 281504, 1603874}, "raidz2-0": {3, 75, 211129, 1286961},
		"virtio-zdata0": {0, 13, 35188, 217572}, "virtio-zdata1": {0, 12, 35187, 214164},
		"virtio-zdata2": {0, 12, 35187, 212126}, "virtio-zdata3": {0, 13, 35187, 217534},
		"virtio-zdata4": {0, 12, 35187, 213866}, "virtio-zdata5": {0, 11, 35187, 211680},
		"mirror-1": {1, 51, 70374, 316905}, "virtio-zspec0": {0, 25, 35186, 158451},
		"virtio-zspec1": {0, 25, 35186, 158451},
	}
	p.Root.walk(func(v *Vdev) { v.IO = io[v.Name] })
	diffBytes(t, "zpool iostat -vHp", iostatText([]*Pool{p}, false), readCapture(t, "zpool_iostat_vHp.txt"))
}

// labDatasets is the lab's `zfs list -t all`: name, createtxg, used,
// avail, refer, compressratio and where mountpoint comes from.
var labDatasets = []struct {
	name                    string
	txg, used, avail, refer uint64
	ratio, mount            string
}{
	{"tank", 1, 171349472, 3627641376, 106496, "1.05", SrcLocal},
	{"tank@initial", 31, 0, 0, 106496, "1.00", ""},
	{"tank/backup", 18, 21139744, 3627641376, 21074208, "1.01", SrcInherited},
	{"tank/backup@initial", 31, 65536, 0, 98304, "1.00", ""},
	{"tank/data", 8, 62830784, 3627641376, 106496, "1.08", SrcInherited},
	{"tank/data@initial", 31, 0, 0, 106496, "1.00", ""},
	{"tank/data/media", 11, 21057536, 3627641376, 21057536, "1.00", SrcInherited},
	{"tank/data/media@initial", 31, 0, 0, 21057536, "1.00", ""},
	{"tank/data/projects", 9, 41666752, 3627641376, 37337280, "1.14", SrcInherited},
	{"tank/data/projects@initial", 31, 65536, 0, 37337280, "1.16", ""},
	{"tank/data/projects@daily-2", 32, 4263936, 0, 41535680, "1.14", ""},
	{"tank/data/projects@daily-3", 33, 0, 0, 37337280, "1.16", ""},
	{"tank/home", 13, 15928320, 193786880, 98304, "1.00", SrcInherited},
	{"tank/home@initial", 31, 0, 0, 98304, "1.00", ""},
	{"tank/home/alice", 15, 15830016, 47084544, 5344256, "1.00", SrcInherited},
	{"tank/home/alice@initial", 31, 0, 0, 5344256, "1.00", ""},
	{"tank/home/alice@before-cleanup", 34, 0, 0, 5344256, "1.00", ""},
	{"tank/scratch", 20, 98304, 3627641376, 98304, "1.00", SrcInherited},
	{"tank/scratch@initial", 31, 0, 0, 98304, "1.00", ""},
	{"tank/vol1", 23, 70311936, 3697895968, 57344, "1.00", ""},
	{"tank/vol1@initial", 31, 0, 0, 57344, "1.00", ""},
}

func labDatasetModel() []*Dataset {
	var out []*Dataset
	for _, d := range labDatasets {
		typ := "filesystem"
		switch {
		case strings.Contains(d.name, "@"):
			typ = "snapshot"
		case d.name == "tank/vol1":
			typ = "volume"
		}
		num := func(n uint64) Prop { return Prop{Value: strconv.FormatUint(n, 10), Source: SrcNone} }
		props := map[string]Prop{"used": num(d.used), "referenced": num(d.refer),
			"compressratio": {Value: d.ratio, Source: SrcNone}, "origin": {Value: "-", Source: SrcNone}}
		if d.avail != 0 {
			props["available"] = num(d.avail)
		}
		if d.mount != "" {
			props["mountpoint"] = Prop{Value: "/" + d.name, Source: d.mount, From: "tank"}
		}
		out = append(out, &Dataset{Name: d.name, Type: typ, CreateTXG: d.txg, Props: props})
	}
	return out
}

func TestDatasetListReproducesLabCaptures(t *testing.T) {
	ds := labDatasetModel()
	all, err := datasetTypes("all")
	if err != nil {
		t.Fatal(err)
	}
	diffBytes(t, "zfs list -Hp -o …", datasetListText(ds, all,
		datasetColumns("name,type,used,avail,refer,mountpoint,compressratio,origin")),
		readCapture(t, "zfs_list_Hp_o.txt"))
	diffBytes(t, "zfs list -j", datasetListJSON(ds, all, datasetColumns("")), readCapture(t, "zfs_list_j_int.json"))
	if _, err := datasetTypes("filesystem,bogus"); err == nil {
		t.Fatal("unknown type accepted")
	}
}

func TestARCReproducesLabCapture(t *testing.T) {
	lab := ARC{Hits: 44021, Misses: 0, Size: 98739296, C: 157085440, CMin: 97316608, CMax: 2040389632,
		DataSize: 81256448, MetaSize: 11447808, MRUSize: 63513600, MFUSize: 29059584}
	want := readCapture(t, "arcstats.txt")
	diffBytes(t, "arcstats", arcstatsText(lab), want)
	lab.Size = 12345
	got := arcstatsText(lab)
	if !strings.Contains(got, "\nsize                            4    12345\n") || len(got) != len(want)-3 {
		t.Fatalf("size not substituted in place:\n%s", got)
	}
}
