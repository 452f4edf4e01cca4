package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the Resource Groups Tagging API still lists for the stack's demo layer, each confirmed by a direct
 * describe: gone is fine, present is a blocker, and a type devmin cannot describe leaves the check unverified.
 */
final class TaggedResourcesGone {

    private final AwsClients aws;
    private final TeardownTarget target;
    private final String region;

    TaggedResourcesGone(AwsClients aws, TeardownTarget target, String region) {
        this.aws = aws;
        this.target = target;
        this.region = region;
    }

    CheckResult check(CallLog log) {
        List<TagFilter> filters = target.demoTags().entrySet().stream()
                .map(e -> TagFilter.builder().key(e.getKey()).values(e.getValue()).build()).toList();
        List<String> listed = new ArrayList<>();
        for (var page : log.pages("tag:GetResources", () -> aws.tagging(region).getResourcesPaginator(
                b -> b.tagFilters(filters).resourcesPerPage(100)))) {
            page.resourceTagMappingList().forEach(m -> listed.add(m.resourceARN()));
        }
        DirectDescribe describe = new DirectDescribe(aws, region);
        List<String> present = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String arn : listed) {
            Optional<DirectDescribe.Existence> existence = describe.exists(arn, log);
            if (existence.isEmpty()) {
                unknown.add(arn);
            } else if (existence.get() == DirectDescribe.Existence.PRESENT) {
                present.add(arn);
            }
        }
        if (!present.isEmpty()) {
            return log.result("tagged-resources-gone", region, present, "", "tagged demo resources still exist");
        }
        if (!unknown.isEmpty()) {
            return new CheckResult("tagged-resources-gone", region, CheckStatus.UNVERIFIED,
                    "no direct describe for " + String.join(", ", unknown), log.calls(), unknown);
        }
        return log.pass("tagged-resources-gone", region, listed.size() + " tagged resource(s) listed, all confirmed gone");
    }
}
