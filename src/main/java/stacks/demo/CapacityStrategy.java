package stacks.demo;

import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import stacks.spec.LaneSpec;

import java.util.List;

/**
 * Where a service's tasks run, as ECS's capacity provider strategy: on FARGATE, on FARGATE_SPOT, or, with an
 * on-demand base, the first {@code base} tasks on FARGATE and the rest on FARGATE_SPOT. ECS places the base first and
 * then splits the remaining tasks by weight; only one provider of a strategy may have a base, and at least one must
 * have a weight above zero (Amazon ECS API Reference, CapacityProviderStrategyItem). ECS does not move a task from
 * Spot to FARGATE when Spot is short, so the base is what keeps a lane running through a Spot shortage.
 */
public final class CapacityStrategy {

    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";

    /** One item of the strategy. */
    public record Item(String capacityProvider, int base, int weight) {
    }

    private CapacityStrategy() {
    }

    public static List<Item> of(LaneSpec lane) {
        if (!lane.spot()) {
            return List.of(new Item(FARGATE, 0, 1));
        }
        if (lane.onDemandBase() == 0) {
            return List.of(new Item(FARGATE_SPOT, 0, 1));
        }
        return List.of(new Item(FARGATE, lane.onDemandBase(), 0), new Item(FARGATE_SPOT, 0, 1));
    }

    /**
     * The strategy as the ECS service's arguments; a base only where there is one, so the single-provider strategies
     * stay exactly as first declared (no diff on services that did not change).
     */
    static List<ServiceCapacityProviderStrategyArgs> serviceArgs(LaneSpec lane) {
        return of(lane).stream().map(item -> {
            var builder = ServiceCapacityProviderStrategyArgs.builder().capacityProvider(item.capacityProvider())
                    .weight(item.weight());
            return (item.base() > 0 ? builder.base(item.base()) : builder).build();
        }).toList();
    }

    /** How many of the lane's desired tasks run on FARGATE_SPOT; the others run on FARGATE. */
    public static int spotTasks(LaneSpec lane) {
        return lane.spot() ? Math.max(0, lane.desiredCount() - lane.onDemandBase()) : 0;
    }
}
