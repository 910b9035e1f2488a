package monitor

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/opsdeck/opsdeck/ops/action"
)

// amRead fetches path and decodes it, wording a failure with the path.
func amRead[T any](ctx context.Context, c *http.Client, baseURL, path string, decode func([]byte) (T, error)) (T, error) {
	var zero T
	body, reason := amGet(ctx, c, baseURL, path)
	if reason != "" {
		return zero, fmt.Errorf("%s: %s", path, reason)
	}
	return decode(body)
}

// amGet sends one GET and returns the body of a 2xx answer, or the reason
// there is none (connection refused, timeout, HTTP status).
func amGet(ctx context.Context, c *http.Client, baseURL, path string) ([]byte, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(baseURL, "/")+path, nil)
	if err != nil {
		return nil, "bad URL: " + err.Error()
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return nil, ClassifyError(err)
	}
	defer resp.Body.Close()
	if r := StatusReason(resp.StatusCode); r != "" {
		return nil, r
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, amMaxBody))
	if err != nil {
		return nil, ClassifyError(err)
	}
	return body, ""
}

// amSend sends one changing request through the step's runner and
// returns the body of a 2xx answer; anything else is an error naming the
// request, the status and what Alertmanager said.
func amSend(ctx context.Context, env action.StepEnv, method, url string, payload []byte) ([]byte, error) {
	c := clientFor(ctx, env.Runner)
	defer c.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %s", method, url, ClassifyError(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, amMaxBody))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %s", method, url, ClassifyError(err))
	}
	if r := StatusReason(resp.StatusCode); r != "" {
		return nil, fmt.Errorf("%s %s: %s: %s", method, url, r, amTruncate(body))
	}
	return body, nil
}

// amTruncate keeps an error message short whatever the server sent.
func amTruncate(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
