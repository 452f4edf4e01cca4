package stacks.demo;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;

import java.time.Duration;

/**
 * How long {@code pulumi up} waits for an ECS service to reach steady state. The provider waits with the resource's
 * create or update timeout when {@code waitForSteadyState} is set (terraform-provider-aws
 * internal/service/ecs/service.go: {@code waitServiceStable(..., d.Timeout(schema.TimeoutCreate))}, default
 * {@code schema.DefaultTimeout(20 * time.Minute)}), so without a bound a crash-looping lane holds the window's
 * {@code up} for twenty minutes. Pulumi's {@code customTimeouts} set that timeout; a service that is not steady by
 * then fails the update naming its resource ({@code service-<lane>}), and {@code devmin readiness} says why.
 */
final class ServiceWait {

    /** The longest a window's {@code up} waits on one service, created or updated. */
    static final Duration STEADY_STATE_BOUND = Duration.ofMinutes(5);

    private ServiceWait() {
    }

    /** {@code options} with the service's create and update waits bounded. */
    static CustomResourceOptions bounded(CustomResourceOptions options) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder()
                .customTimeouts(CustomTimeouts.builder().create(STEADY_STATE_BOUND).update(STEADY_STATE_BOUND).build())
                .build());
    }
}
