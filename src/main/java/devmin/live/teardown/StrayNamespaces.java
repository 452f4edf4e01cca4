package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.live.aws.CloudMapReads;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.List;

/**
 * The demo layer's Cloud Map namespace found by its name ({@code devmin-dev-min.internal}), which only the demo layer
 * creates: any namespace of that name in the region is a leftover. moto's Tagging API does not list Cloud Map at all,
 * and a namespace whose id the inventory lost would otherwise go unseen.
 */
final class StrayNamespaces {

    static final String NAME = "stray-namespaces";

    private final AwsClients aws;
    private final TeardownTarget target;
    private final String region;

    StrayNamespaces(AwsClients aws, TeardownTarget target, String region) {
        this.aws = aws;
        this.target = target;
        this.region = region;
    }

    CheckResult check(CallLog log) {
        List<CloudMapReads.Namespace> all;
        try {
            all = aws.cloudMap(region).namespaces(() -> log.note(CloudMapReads.LIST_NAMESPACES));
        } catch (SdkException e) {
            throw new CallLog.Unverified(CloudMapReads.LIST_NAMESPACES + ": " + AwsFailure.describe(e));
        }
        List<String> found = all.stream().filter(n -> n.name().equals(target.discoveryDomain()))
                .map(n -> "Cloud Map namespace " + n.name() + " (" + n.id() + ")").toList();
        return log.result(NAME, region, found, "no Cloud Map namespace named " + target.discoveryDomain() + " among "
                + all.size(), "the demo layer's Cloud Map namespace remains");
    }
}
