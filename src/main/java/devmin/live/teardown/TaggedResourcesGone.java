package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import devmin.live.aws.ResourceArn;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the Resource Groups Tagging API still lists for the stack's demo layer, each confirmed by a direct
 * describe of what its ARN names: gone is fine, present is a blocker (a VPC or subnet with what it still holds, each
 * named), and an ARN devmin cannot read or has no describe
 * for leaves the check unverified. A listed resource without the demo tags is not this stack's and is left alone.
 */
final class TaggedResourcesGone {

    static final String NAME = "tagged-resources-gone";

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
            page.resourceTagMappingList().stream()
                    .filter(m -> target.isDemo(DemoLayerChecks.toMap(m.tags(), Tag::key, Tag::value)))
                    .forEach(m -> listed.add(m.resourceARN()));
        }
        DirectDescribe describe = new DirectDescribe(aws, region);
        List<String> present = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String text : listed) {
            Optional<ResourceArn> arn = parse(text);
            Optional<DirectDescribe.Existence> existence = arn.flatMap(a -> describe.exists(a, log));
            if (existence.isEmpty()) {
                unknown.add(arn.map(ResourceArn::describe).orElse("unreadable ARN " + text));
            } else if (existence.get() == DirectDescribe.Existence.PRESENT) {
                present.add(arn.get().describe());
                present.addAll(contents(arn.get(), log));
            }
        }
        if (!present.isEmpty()) {
            return log.result(NAME, region, present, "", "tagged demo resources still exist");
        }
        if (!unknown.isEmpty()) {
            return log.unverified(NAME, region, "no direct describe for " + String.join(", ", unknown), unknown);
        }
        return log.pass(NAME, region, listed.size() + " tagged resource(s) listed, all confirmed gone");
    }

    /** What a leftover VPC or subnet still holds, each named (often untagged, so the Tagging API cannot). */
    private List<String> contents(ResourceArn arn, CallLog log) {
        LeftoverContents inside = new LeftoverContents(aws, region);
        return switch (arn.kind()) {
            case "ec2:vpc" -> inside.ofVpc(arn.name(), log);
            case "ec2:subnet" -> inside.ofSubnet(arn.name(), log);
            default -> List.of();
        };
    }

    private static Optional<ResourceArn> parse(String text) {
        try {
            return Optional.of(ResourceArn.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
