package monitor

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/api"
	v1 "github.com/prometheus/client_golang/api/prometheus/v1"
)

var rangeNow = time.Date(2026, 11, 26, 14, 22, 0, 0, time.UTC)

// rangeServer answers query_range like Prometheus: the ARC query with a
// series missing its third point, the receive query with nothing, and
// the transmit query with a server error.
func rangeServer(t *testing.T) v1.API {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/query_range" {
			http.NotFound(w, r)
			return
		}
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		if r.Form.Get("step") != "60" {
			t.Errorf("step %q, want 60", r.Form.Get("step"))
		}
		start := rangeNow.Add(-time.Hour).Unix()
		w.Header().Set("Content-Type", "application/json")
		switch q := r.Form.Get("query"); q {
		case QueryARCHitRatio:
			fmt.Fprintf(w, `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[%d,"0.9"],[%d,"0.95"],[%d,"0.5"]]}]}}`,
				start, start+60, start+180)
		case QueryPoolCapacity:
			fmt.Fprintf(w, `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pool":"tank"},"values":[[%d,"61.5"],[%d,"61.6"]]},{"metric":{"pool":"backup"},"values":[[%d,"12"]]}]}}`,
				start, start+60, start+60)
		case QueryNetReceive:
			body := `{"status":"success","data":{"resultType":"matrix","result":[]}}`
			w.Write([]byte(body))
		default:
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"status":"error","errorType":"internal","error":"boom"}`))
		}
	}))
	t.Cleanup(srv.Close)
	c, err := api.NewClient(api.Config{Address: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return v1.NewAPI(c)
}

func TestReadSparklines(t *testing.T) {
	s := readSparklinesAPI(context.Background(), rangeServer(t), rangeNow)
	if len(s.ARCHitRatio) != 61 {
		t.Fatalf("%d ARC points, want 61 (an hour a minute apart, both ends)", len(s.ARCHitRatio))
	}
	if s.ARCHitRatio[0] != 0.9 || s.ARCHitRatio[1] != 0.95 || !math.IsNaN(s.ARCHitRatio[2]) || s.ARCHitRatio[3] != 0.5 {
		t.Fatalf("ARC points %v", s.ARCHitRatio[:4])
	}
	if s.NetRx != nil {
		t.Fatalf("receive %v, want nil for no data", s.NetRx)
	}
	if s.NetTx != nil || len(s.Errors) != 1 || !strings.HasPrefix(s.Errors[0], "network transmit: ") {
		t.Fatalf("transmit %v errors %q", s.NetTx, s.Errors)
	}
	tank, backup := s.PoolCapacity["tank"], s.PoolCapacity["backup"]
	if len(s.PoolCapacity) != 2 || len(tank) != 61 || tank[1] != 61.6 || !math.IsNaN(backup[0]) || backup[1] != 12 {
		t.Fatalf("pool capacity %v", s.PoolCapacity)
	}
}

func TestQueryRangeValuesRejectsEmptyRange(t *testing.T) {
	_, err := QueryRangeValues(context.Background(), rangeServer(t), QueryNetReceive, v1.Range{Start: rangeNow, End: rangeNow, Step: time.Minute})
	if err == nil {
		t.Fatal("an empty range was accepted")
	}
}
