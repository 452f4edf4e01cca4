package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// generations counts how often each URN was created, in the directory named by DEVMIN_STUB_STATE_DIR, so that a
// resource re-created (a window re-opened, a key rotated) gets new ids and a task definition a new revision, as in
// the real clouds. Without the directory every URN is in its first generation.
type generations struct {
	mu  sync.Mutex
	dir string
}

func generationsFromEnv() *generations {
	return &generations{dir: os.Getenv("DEVMIN_STUB_STATE_DIR")}
}

// next records one more creation of urn and returns its generation (1 for the first).
func (g *generations) next(urn string) int {
	if g.dir == "" {
		return 1
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	path := filepath.Join(g.dir, hashOf(urn)[:32])
	current := 0
	if data, err := os.ReadFile(path); err == nil {
		current, _ = strconv.Atoi(strings.TrimSpace(string(data)))
	}
	current++
	_ = os.MkdirAll(g.dir, 0o700)
	_ = os.WriteFile(path, []byte(strconv.Itoa(current)), 0o600)
	return current
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
