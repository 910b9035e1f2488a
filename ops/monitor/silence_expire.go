package monitor

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/opsdeck/opsdeck/ops"
	"github.com/opsdeck/opsdeck/ops/action"
)

// silenceIDPattern is the UUID form Alertmanager gives silence IDs; it
// also keeps anything but an ID out of the request path.
var silenceIDPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// ExpireSilenceAction expires the silence silenceID on the Alertmanager
// at baseURL (DELETE /api/v2/silence/{id}); Verify re-reads the silence
// and says it is expired.
func ExpireSilenceAction(h *ops.Host, baseURL, silenceID string) action.Action {
	if baseURL == "" {
		baseURL = DefaultAlertmanagerURL
	}
	base := strings.TrimRight(baseURL, "/")
	url := base + "/api/v2/silence/" + silenceID
	return action.Action{
		ID:     ExpireSilenceActionID,
		Title:  "Expire silence " + silenceID,
		Target: "silence " + silenceID,
		Danger: action.Change,
		Steps: []action.Step{{Argv: []string{"DELETE", url}, Runner: h.Runner, Do: func(ctx context.Context, env action.StepEnv) error {
			_, err := amSend(ctx, env, http.MethodDelete, url, nil)
			return err
		}}},
		Precondition: func() error {
			if !silenceIDPattern.MatchString(silenceID) {
				return fmt.Errorf("expire silence: %q is not a silence ID", silenceID)
			}
			return nil
		},
		Verify: func(ctx context.Context) (string, error) {
			c := clientFor(ctx, h.Runner)
			defer c.CloseIdleConnections()
			sil, err := amRead(ctx, c, baseURL, "/api/v2/silence/"+silenceID, DecodeSilence)
			if err != nil {
				return "", err
			}
			if sil.State != SilenceExpired {
				return "", fmt.Errorf("silence %s is still %s", silenceID, sil.State)
			}
			return fmt.Sprintf("silence %s is expired", silenceID), nil
		},
	}
}
