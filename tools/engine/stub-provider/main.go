// Command stub-provider is an honest test double of two Pulumi resource provider plugins: pulumi-aws 6.83.0 and
// confluentcloud 2.79.0. The real Pulumi engine launches it, by name, exactly as it launches the real plugins
// (pulumi-resource-aws, pulumi-resource-confluentcloud on PATH); it speaks the real pulumirpc.ResourceProvider
// protocol, but it never calls a cloud: Create returns the inputs as outputs plus deterministic ids and the computed
// outputs devmin reads, shaped as the real providers shape them, and every call is recorded for the tests.
//
// It exists only for devmin's real-engine test suite and is never shipped.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	identity, err := identityOf(filepath.Base(os.Args[0]))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	recorder := recorderFromEnv()
	counter := generationsFromEnv()
	err = provider.Main(identity.name, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return newStub(identity, recorder, counter), nil
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "stub provider %s: %v\n", identity.name, err)
		os.Exit(1)
	}
}
