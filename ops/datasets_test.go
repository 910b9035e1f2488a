package ops

import (
	"reflect"
	"testing"
)

func TestParseDatasets(t *testing.T) {
	tank := Dataset{Name: "tank", Type: "filesystem", Used: 171349472, Avail: 3627641376, Refer: 106496, CompressRatio: 1.05,
		Recordsize: 131072, Compression: "lz4", Atime: "off", Xattr: "on", Mountpoint: "/tank"}
	vol := Dataset{Name: "tank/vol1", Type: "volume", Used: 70311936, Avail: 3697895968, Refer: 57344, CompressRatio: 1, Compression: "lz4"}
	text, err := ParseDatasetsText(fixture(t, "2.3/datasets_o.txt"))
	if err != nil || len(text) != 9 {
		t.Fatalf("%d datasets, %v", len(text), err)
	}
	if !reflect.DeepEqual(text[0], tank) || !reflect.DeepEqual(text[8], vol) || text[4].Name != "tank/data/projects" || text[4].CompressRatio != 1.14 {
		t.Errorf("text %+v\n%+v", text[0], text[8])
	}
	js, err := ParseDatasetsJSON(fixture(t, "2.3/datasets_o.json"))
	if err != nil || !reflect.DeepEqual(js, text) {
		t.Errorf("JSON differs from text: %v\n%+v", err, js)
	}
	old, err := ParseDatasetsText(fixture(t, "2.1/datasets_o.txt"))
	if err != nil || len(old) != 9 || old[0].Xattr != "sa" || old[1].Used != 22477808 {
		t.Errorf("2.1: %+v %v", old, err)
	}

	spaced, err := ParseDatasetsText([]byte("tank/my photos\tfilesystem\t1\t2\t3\t1.00\t131072\tzstd\ton\tsa\t65536\t/tank/my photos\n"))
	if err != nil || spaced[0].Name != "tank/my photos" || spaced[0].Mountpoint != "/tank/my photos" || spaced[0].SpecialSmallBlocks != 65536 {
		t.Errorf("spaces: %+v %v", spaced, err)
	}
	for name, in := range map[string]string{
		"zfs list -Hp -t all -o 8 columns": string(fixture(t, "2.3/zfs_list_Hp_o.txt")),
		"extra tab":                        "tank\tfilesystem\t1\t2\t3\t1.00\t131072\tzstd\ton\tsa\t0\t/tank\t\n",
		"bad used":                         "tank\tfilesystem\tx\t2\t3\t1.00\t131072\tzstd\ton\tsa\t0\t/tank\n",
		"empty name":                       "\tfilesystem\t1\t2\t3\t1.00\t131072\tzstd\ton\tsa\t0\t/tank\n",
	} {
		if _, err := ParseDatasetsText([]byte(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	if _, err := ParseDatasetsJSON([]byte(`{"datasets":{"a":{"name":"a","properties":{"used":{"value":"x"}}}}}`)); err == nil {
		t.Error("JSON with a bad number: want an error")
	}
}
