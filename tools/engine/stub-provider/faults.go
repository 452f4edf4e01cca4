package main

import (
	"os"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// injectedFailure fails a call the test asked to fail (creates only when not previewing): DEVMIN_STUB_FAIL is a comma-separated list of
// Method:urn-substring (e.g. "Delete:service-ig"), so a test can see what the engine and devmin make of a provider
// error (a failed destroy, a failed create) without a cloud to break.
func injectedFailure(method, urn string) error {
	for _, rule := range strings.Split(os.Getenv("DEVMIN_STUB_FAIL"), ",") {
		wantMethod, fragment, ok := strings.Cut(strings.TrimSpace(rule), ":")
		if ok && wantMethod == method && fragment != "" && strings.Contains(urn, fragment) {
			return status.Errorf(codes.Unknown, "stub provider: injected failure of %s for %s", method, urn)
		}
	}
	return nil
}
