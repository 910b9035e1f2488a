package demo

// latencyCols is how many columns `zpool iostat -l` adds on OpenZFS 2.3,
// the release the demo host runs: total, disk, syncq and asyncq wait
// (read and write each), then scrub, trim and rebuild wait.
const latencyCols = 11

// Average waits in nanoseconds of the demo's two kinds of device, in the
// latency column order: a 7200 rpm 16 TB SATA disk (no trim) and a data
// centre NVMe drive, as `zpool iostat -l` shows them on such hardware.
var (
	hddLatency = [latencyCols]uint64{12_870_411, 6_205_337, 8_413_952, 3_052_114,
		391_226, 48_771, 2_104_882, 4_377_019, 31_550_208, 0, 0}
	nvmeLatency = [latencyCols]uint64{183_427, 92_516, 118_095, 41_302,
		14_877, 9_634, 29_511, 61_930, 1_486_540, 402_117, 0}
)

// leafLatency is one leaf's average waits: the device kind's figures,
// spread by up to ±7 % from its GUID so the disks differ as real ones do.
func leafLatency(v *Vdev) [latencyCols]uint64 {
	base := hddLatency
	if v.Class != ClassNormal && v.Class != "" {
		base = nvmeLatency
	}
	spread := int64(v.GUID%15) - 7 // percent
	var out [latencyCols]uint64
	for i, ns := range base {
		out[i] = uint64(int64(ns) + int64(ns)*spread/100)
	}
	return out
}

// vdevLatency is v's average waits. An interior vdev's histograms are the
// sum of its children's, so its averages are the children's weighted by
// their operation counts: reads (and scrub reads) by read operations,
// writes (and trims) by write operations.
func vdevLatency(v *Vdev) [latencyCols]uint64 {
	if len(v.Children) == 0 {
		return leafLatency(v)
	}
	var sum [latencyCols]float64
	var weight [latencyCols]float64
	for _, c := range v.Children {
		l := vdevLatency(c)
		for i, ns := range l {
			if ns == 0 {
				continue // "-": none of this I/O on that child
			}
			w := float64(c.IO.ReadOps)
			if i%2 == 1 && i < 8 || i == 9 {
				w = float64(c.IO.WriteOps)
			}
			w = max(w, 1)
			sum[i] += float64(ns) * w
			weight[i] += w
		}
	}
	var out [latencyCols]uint64
	for i := range out {
		if weight[i] > 0 {
			out[i] = uint64(sum[i] / weight[i])
		}
	}
	return out
}
