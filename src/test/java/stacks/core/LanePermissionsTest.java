package stacks.core;

import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.util.List;
import java.util.Map;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The lane → handles → IAM statements plan on the committed spec, as pure functions (no preview). */
class LanePermissionsTest {

    private static final String BUCKET = "arn:aws:s3:::evidence";

    private static EnvironmentSpec spec() {
        StackConfig config = committedConfig();
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), config.project(), config.stack());
    }

    private static LaneSpec lane(EnvironmentSpec spec, String name) {
        return spec.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static LaneSpec firstWith(EnvironmentSpec spec, boolean reads, boolean s3) {
        return spec.lanes().stream().filter(l -> l.reads().isEmpty() != reads && l.s3Access().isEmpty() != s3)
                .findFirst().orElseThrow();
    }

    @Test
    void aLaneReadsExactlyTheParametersItDeclaresInOrder() {
        EnvironmentSpec spec = spec();
        LaneSpec reader = firstWith(spec, true, false);

        assertThat(LanePermissions.parameterArns(spec, reader)).containsExactlyElementsOf(reader.reads().stream()
                .map(h -> SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(),
                        SsmHandles.pathFor(spec.environment(), false, reader.name(), h))).toList());
        assertThat(LanePermissions.parameterArns(spec, reader)).isNotEmpty().allSatisfy(arn ->
                assertThat(arn).startsWith("arn:aws:ssm:" + spec.awsRegion() + ":" + spec.awsAccountId() + ":parameter/")
                        .doesNotContain("*"));
    }

    @Test
    void aReaderOfHandlesOnlyGetsOnlyTheReadStatement() {
        EnvironmentSpec spec = spec();
        LaneSpec reader = firstWith(spec, true, false);

        PolicyDocument policy = LanePermissions.taskRolePolicy(spec, reader, BUCKET);

        assertThat(policy.statements()).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo("ReadOwnHandles");
            assertThat(s.actions()).containsExactly("ssm:GetParameter", "ssm:GetParameters");
            assertThat(s.resources()).isEqualTo(LanePermissions.parameterArns(spec, reader));
        });
    }

    /** seed-pack reads oracle/input/ and writes oracle/packs/ (Pulumi.dev-min.yaml). */
    @Test
    void s3GrantsBecomeObjectArnsUnderEachPrefixAndAListingLimitedToTheReadOnes() {
        EnvironmentSpec spec = spec();

        PolicyDocument policy = LanePermissions.taskRolePolicy(spec, lane(spec, "seed-pack"), BUCKET);

        assertThat(policy.statements()).extracting(Statement::sid)
                .containsExactly("ReadDeclaredPrefixes", "ListDeclaredPrefixes", "WriteDeclaredPrefixes");
        assertThat(policy.statements().get(0).resources()).containsExactly(BUCKET + "/oracle/input/*");
        assertThat(policy.statements().get(0).actions()).containsExactly("s3:GetObject");
        assertThat(policy.statements().get(1).resources()).containsExactly(BUCKET);
        assertThat(policy.statements().get(1).conditions())
                .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", List.of("oracle/input/*"))));
        assertThat(policy.statements().get(2).resources()).containsExactly(BUCKET + "/oracle/packs/*");
        assertThat(policy.statements().get(2).actions()).containsExactly("s3:PutObject");
        assertThat(LanePermissions.readPrefixPatterns(lane(spec, "seed-pack"))).containsExactly("oracle/input/*");
    }

    @Test
    void aLaneThatNeedsNoAwsPermissionHasAnEmptyPolicy() {
        EnvironmentSpec spec = spec();
        LaneSpec nothing = new LaneSpec("quiet", lane(spec, "seed-pack").kind(), List.of("true"), 256, 512, 1, List.of(),
                List.of(), List.of(), 0, false, List.of(), true);

        assertThat(LanePermissions.taskRolePolicy(spec, nothing, BUCKET).statements()).isEmpty();
    }

    @Test
    void theExecutionRoleWritesEveryLanesLogStreams() {
        EnvironmentSpec spec = spec();
        DemoNames names = DemoNames.of(spec);

        PolicyDocument policy = LanePermissions.executionRolePolicy(spec, names, "arn:aws:ecr:r:1:repository/x");

        assertThat(policy.statements().get(2).resources()).containsExactlyElementsOf(spec.lanes().stream()
                .map(l -> names.logGroupArn(l.name()) + ":log-stream:*").toList());
        assertThat(policy.statements().get(1).resources()).containsExactly("arn:aws:ecr:r:1:repository/x");
    }
}
