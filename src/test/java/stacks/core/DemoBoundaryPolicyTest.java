package stacks.core;

import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.S3Grant;
import stacks.spec.SpecParser;

import java.util.List;
import java.util.Map;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The permissions boundary of every demo role: the union of what the lanes may do, computed from the spec. */
class DemoBoundaryPolicyTest {

    private static EnvironmentSpec spec(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), config.project(), config.stack());
    }

    private static Statement statement(PolicyDocument document, String sid) {
        return document.statements().stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static List<String> prefixes(EnvironmentSpec spec, S3Grant.Access access) {
        return spec.lanes().stream().flatMap(l -> l.s3Access().stream()).filter(g -> g.access() == access)
                .map(S3Grant::prefix).distinct().toList();
    }

    @Test
    void everyLanesS3PrefixesOnceEachSplitByAccess() {
        EnvironmentSpec spec = spec(committedConfig());
        CoreNames names = CoreNames.of(spec);
        List<String> reads = prefixes(spec, S3Grant.Access.READ);
        List<String> writes = prefixes(spec, S3Grant.Access.WRITE);

        PolicyDocument boundary = CorePolicies.demoBoundaryPolicy(names, spec);

        // seed-pack writes oracle/packs/ and stream-sort reads it (Pulumi.dev-min.yaml): both lists name it once
        assertThat(reads).contains("oracle/input/", "oracle/packs/").doesNotHaveDuplicates();
        assertThat(writes).contains("oracle/packs/", "oracle/sorted/");
        assertThat(statement(boundary, "ReadDeclaredPrefixes").resources())
                .containsExactlyElementsOf(reads.stream().map(p -> names.bucketArn() + "/" + p + "*").toList());
        assertThat(statement(boundary, "ListDeclaredPrefixes").conditions()).isEqualTo(Map.of("StringLike",
                Map.of("s3:prefix", reads.stream().map(p -> p + "*").toList())));
        assertThat(statement(boundary, "WriteDeclaredPrefixes").resources())
                .containsExactlyElementsOf(writes.stream().map(p -> names.bucketArn() + "/" + p + "*").toList());
    }

    @Test
    void withoutS3GrantsTheBoundaryHasNoS3Statement() {
        EnvironmentSpec spec = spec(editJson(committedConfig(), "devmin:lanes",
                lanes -> lanes.forEach(l -> ((com.fasterxml.jackson.databind.node.ObjectNode) l).remove("s3Access"))));

        List<String> sids = CorePolicies.demoBoundaryPolicy(CoreNames.of(spec), spec).statements().stream()
                .map(Statement::sid).toList();

        assertThat(sids).containsExactly("PullTheImage", "PullTheOneImage", "WriteLaneLogs", "ReadSharedHandles",
                "ReadOwnLaneCredentials");
    }

    @Test
    void handlesAreTheSharedOnesAndEachLanesOwnCredentialsByItsTag() {
        EnvironmentSpec spec = spec(committedConfig());
        CoreNames names = CoreNames.of(spec);

        PolicyDocument boundary = CorePolicies.demoBoundaryPolicy(names, spec);

        assertThat(statement(boundary, "ReadSharedHandles").resources()).containsExactlyElementsOf(
                SsmHandles.paths(spec.environment(), false).values().stream()
                        .map(p -> SsmHandles.parameterArn(names.region(), names.accountId(), p)).toList());
        assertThat(statement(boundary, "ReadOwnLaneCredentials").resources()).singleElement().asString()
                .endsWith(SsmHandles.laneCredentialsRoot(spec.environment()) + "/${aws:PrincipalTag/"
                        + LaneRoles.LANE_TAG + "}/*");
        assertThat(statement(boundary, "WriteLaneLogs").resources()).containsExactly("arn:aws:logs:" + names.region()
                + ":" + names.accountId() + ":log-group:" + SsmHandles.root(spec.environment()) + "/*");
    }
}
