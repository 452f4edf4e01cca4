package main

import (
	"encoding/json"
	"os"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// call is one line of the record: what the engine asked, when, and with which properties. Secret values are written
// as "[secret]" and unknown values as "[unknown]", so the record shows how a value arrived without holding it.
type call struct {
	Provider   string         `json:"provider"`
	Pid        int            `json:"pid"`
	Method     string         `json:"method"`
	URN        string         `json:"urn,omitempty"`
	Type       string         `json:"type,omitempty"`
	ID         string         `json:"id,omitempty"`
	Preview    bool           `json:"preview"`
	StartNanos int64          `json:"startNanos"`
	EndNanos   int64          `json:"endNanos"`
	Properties map[string]any `json:"properties,omitempty"`
	Error      string         `json:"error,omitempty"`
	// TimeoutSeconds is the operation's timeout as the engine sent it (the program's customTimeouts), 0 when none.
	TimeoutSeconds float64 `json:"timeoutSeconds,omitempty"`
}

// recorder appends calls as JSON lines to the file named by DEVMIN_STUB_RECORD (nothing when unset). Every plugin
// process appends to the same file; one write per line keeps lines whole.
type recorder struct {
	mu   sync.Mutex
	path string
}

func recorderFromEnv() *recorder {
	return &recorder{path: os.Getenv("DEVMIN_STUB_RECORD")}
}

func (r *recorder) write(c call) {
	if r.path == "" {
		return
	}
	line, err := json.Marshal(c)
	if err != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f, err := os.OpenFile(r.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.Write(append(line, '\n'))
}

func now() int64 {
	return time.Now().UnixNano()
}

// redacted is a property map as plain JSON values with every secret and unknown replaced by a marker.
func redacted(props resource.PropertyMap) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		out[string(k)] = redactedValue(v)
	}
	return out
}

func redactedValue(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return "[secret]"
	case v.IsComputed(), v.IsOutput() && !v.OutputValue().Known:
		return "[unknown]"
	case v.IsOutput():
		if v.OutputValue().Secret {
			return "[secret]"
		}
		return redactedValue(v.OutputValue().Element)
	case v.IsObject():
		return redacted(v.ObjectValue())
	case v.IsArray():
		items := make([]any, 0, len(v.ArrayValue()))
		for _, item := range v.ArrayValue() {
			items = append(items, redactedValue(item))
		}
		return items
	case v.IsResourceReference():
		return string(v.ResourceReferenceValue().URN)
	case v.IsNull():
		return nil
	}
	return v.V
}
