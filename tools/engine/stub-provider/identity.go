package main

import (
	"fmt"
	"strings"
)

// The provider versions devmin's program requests (the pom's com.pulumi:aws and the Confluent binding's plugin.json).
// A Java test compares these with what the jar declares, so they cannot drift apart silently.
const (
	awsVersion            = "6.83.0"
	confluentCloudVersion = "2.79.0"
)

type identity struct {
	name    string
	version string
}

// identityOf tells which provider this process plays from the name it was started under.
func identityOf(executable string) (identity, error) {
	name := strings.TrimPrefix(strings.TrimSuffix(executable, ".exe"), "pulumi-resource-")
	switch name {
	case "aws":
		return identity{name: "aws", version: awsVersion}, nil
	case "confluentcloud":
		return identity{name: "confluentcloud", version: confluentCloudVersion}, nil
	}
	return identity{}, fmt.Errorf("stub provider started as %q: expected pulumi-resource-aws or "+
		"pulumi-resource-confluentcloud", executable)
}
