package action

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// A secret parameter reaches the runner and nothing else: not the audit
// log, the error, the task line, the output tail or the preview.
func TestRunRedactsSecrets(t *testing.T) {
	const secret = "hunter2"
	r := newFake(map[string]reply{
		"login --password=hunter2 --user=bob": {lines: []string{"echo: hunter2 accepted"}, stderr: "bad password hunter2\n", code: 1},
	})
	e, path := newExecutor(t)
	a := Action{ID: "x.login", Title: "Log in", Target: "svc", Danger: Change,
		Params: []Param{{Name: "pw", Value: secret, Secret: true}, {Name: "user", Value: "bob"}},
		Steps:  []Step{{Argv: []string{"login", "--password={pw}", "--user={user}"}, Runner: r}},
	}
	var lines []string
	res := e.Run(context.Background(), a, func(l string) { lines = append(lines, l) })
	if got := r.recorded(); len(got) != 1 || got[0][1] != "--password="+secret {
		t.Fatalf("the runner must get the real value: %q", got)
	}
	data, _ := os.ReadFile(path)
	for what, text := range map[string]string{
		"audit": string(data), "error": res.Err.Error(), "lines": strings.Join(lines, "\n"),
		"output": strings.Join(res.Output, "\n"), "preview": a.Commands()[0].Line,
	} {
		if strings.Contains(text, secret) {
			t.Errorf("%s leaks the secret: %s", what, text)
		}
	}
	rec := auditLines(t, path)
	if want := []any{[]any{"login", "--password=<redacted>", "--user=bob"}}; !reflect.DeepEqual(rec[0]["argv"], want) {
		t.Errorf("audit argv %v, want %v", rec[0]["argv"], want)
	}
}
