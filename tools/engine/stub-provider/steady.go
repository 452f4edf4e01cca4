package main

import (
	"os"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// providerDefaultServiceTimeout is aws_ecs_service's create and update timeout when the program sets none
// (terraform-provider-aws internal/service/ecs/service.go: schema.DefaultTimeout(20 * time.Minute)).
const providerDefaultServiceTimeout = 20 * time.Minute

// neverSteady fails the create or update of an ECS service that DEVMIN_STUB_NEVER_STEADY names (comma-separated URN
// fragments, e.g. "service-wsp") and that asks to wait for steady state, as terraform-provider-aws fails one whose
// tasks never settle (a crash loop): its waiter gives up at the resource's timeout, which the engine passes in the
// request, and the provider reports "waiting for ECS Service (<arn>) create: timeout while waiting for state to become
// 'tfSTABLE' (last state: 'tfPENDING', timeout: 5m0s)". The stub answers at once, naming the timeout it was given,
// so a test sees the bound the program set without waiting it out.
func neverSteady(operation, urn, id string, inputs resource.PropertyMap, timeoutSeconds float64) error {
	if resource.URN(urn).Type() != "aws:ecs/service:Service" {
		return nil
	}
	wait := inputs[resource.PropertyKey("waitForSteadyState")]
	if !wait.IsBool() || !wait.BoolValue() {
		return nil
	}
	for _, fragment := range strings.Split(os.Getenv("DEVMIN_STUB_NEVER_STEADY"), ",") {
		fragment = strings.TrimSpace(fragment)
		if fragment != "" && strings.Contains(urn, fragment) {
			timeout := time.Duration(timeoutSeconds * float64(time.Second))
			if timeout <= 0 {
				timeout = providerDefaultServiceTimeout
			}
			return status.Errorf(codes.Unknown, "waiting for ECS Service (%s) %s: timeout while waiting for state to"+
				" become 'tfSTABLE' (last state: 'tfPENDING', timeout: %s)", id, operation, timeout)
		}
	}
	return nil
}
